/**
 * The workbench page (dev only, never in a production bundle): the real task pane on the right,
 * talking to a HyperFormula workbook shown on the left as a grid. No Office host and no
 * office.js: everything the pane needs comes through makeDeps(), as in Excel.
 *
 * workbench.html            grid + pane, with the add-in's ribbon tab above the grid
 * workbench.html?pane       the pane alone, full width (for screenshots at 350 px)
 * workbench.html?ui=zh-CN   Office's UI language (the ribbon's labels; the pane's first language)
 *
 * Models are built from the pane's Models tab (HfWorkbook.insertModel → applySheetPlan). The
 * ribbon strip reads the manifest.xml the build wrote beside this page and runs each button's
 * handler as Office would: the handlers src/commands/ribbon.ts associates, registered here with
 * the workbench's stand-in for Office.actions.associate.
 */
import { useEffect, useState } from "react";
import { registerRibbon, type CommandEvent } from "../commands/ribbon";
import { createRoot } from "react-dom/client";
import { mountPane } from "../taskpane/App";
import { makeDeps } from "../taskpane/make-deps";
import { watchCsp } from "../taskpane/csp-watch";
import { loadEpochFromFeed } from "../functions/epoch-feed";
import { epochDatasets } from "../data/epoch-cache";
import { EPOCH_ACCELERATORS_ID, EPOCH_MODELS_ID } from "../data/ids";
import { HfDiagnostics } from "./diagnostics";
import { HfWorkbook } from "./hf-workbook";
import { readRibbonTab, type RibbonControl, type RibbonTab } from "./ribbon-manifest";
import { RibbonStrip } from "./RibbonStrip";
import { Workbench } from "./Workbench";

declare global {
  interface Window {
    /** The workbench's workbook, for the browser console. */
    workbench?: HfWorkbook;
  }
}

// First, so the pane's diagnostics see every Content-Security-Policy violation from here on.
const csp = watchCsp(document);
const book = new HfWorkbook();
window.workbench = book;

/**
 * Epoch AI's tables from the feed beside this page, as Excel's runtime loads them on first use:
 * models for AI.MODEL's fallback, accelerators for AI.CHIP's. The page says how it went.
 */
const epoch: Promise<string> = Promise.all([loadEpochFromFeed(EPOCH_MODELS_ID), loadEpochFromFeed(EPOCH_ACCELERATORS_ID)]).then(([models, chips]) => {
  const failed = [models !== null ? `Epoch AI models not loaded: ${models}` : "", chips !== null ? `Epoch AI accelerators not loaded: ${chips}` : ""].filter(
    Boolean
  );
  if (models === null || chips === null) book.recalculate();
  document.body.dataset.epoch = failed.length > 0 ? "failed" : "loaded";
  if (failed.length > 0) return failed.join(" · ");
  const rows = (id: string) => (epochDatasets().find((d) => d.id === id)?.rows.length ?? 0).toLocaleString("en-US");
  return `HyperFormula engine (GPL-3.0, dev only) · Epoch AI tables loaded from the feed (${rows(EPOCH_MODELS_ID)} models, ${rows(EPOCH_ACCELERATORS_ID)} accelerators)`;
});

/** Office's UI language: ?ui=zh-CN, else the browser's. */
const uiLanguage = new URLSearchParams(location.search).get("ui") ?? navigator.language;

/** What Office.actions.associate would hold: each FunctionName's handler. */
const handlers = new Map<string, (event?: CommandEvent) => void>();
registerRibbon(
  (id, handler) => handlers.set(id, handler),
  // Office.addin.showAsTaskpane(): the pane is always shown here; bring it into view.
  async () => document.getElementById("pane")?.scrollIntoView({ block: "nearest" })
);

/** Runs a ribbon control as Office does: calls its FunctionName's handler and waits for event.completed(). */
function runControl(control: RibbonControl): Promise<void> {
  if (control.action.kind !== "function") {
    document.getElementById("pane")?.scrollIntoView({ block: "nearest" });
    return Promise.resolve();
  }
  const handler = handlers.get(control.action.name);
  if (!handler) return Promise.reject(new Error(`no function is associated with "${control.action.name}"`));
  return new Promise((resolve) => handler({ completed: () => resolve() }));
}

/** The manifest the build wrote beside this page. */
const ribbonTab: Promise<RibbonTab | { error: string }> = fetch("manifest.xml")
  .then((response) => {
    if (!response.ok) throw new Error(`manifest.xml: HTTP ${response.status}`);
    return response.text();
  })
  .then((xml) => readRibbonTab(xml, uiLanguage))
  .catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));

function Left({ onOpened }: { onOpened: () => void }) {
  const [notice, setNotice] = useState("HyperFormula engine (GPL-3.0, dev only) · loading Epoch AI models from the feed…");
  const [tab, setTab] = useState<RibbonTab | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    void epoch.then((text) => live && setNotice(text));
    void ribbonTab.then((value) => live && setTab(value));
    return () => {
      live = false;
    };
  }, []);
  return <Workbench book={book} notice={notice} onOpened={onOpened} ribbon={tab ? <RibbonStrip tab={tab} run={runControl} /> : undefined} />;
}

function start(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const deps = makeDeps(book, uiLanguage, location.href, {
    diagnostics: { loadPort: async () => new HfDiagnostics(book), cspViolations: csp },
  });
  if (new URLSearchParams(location.search).has("pane")) {
    root.className = "wb-pane-only";
    // #pane, as beside the grid: the e2e scopes its pane queries to it.
    const pane = document.createElement("div");
    pane.id = "pane";
    root.append(pane);
    mountPane(pane, deps);
    return;
  }
  const layout = document.createElement("div");
  layout.className = "wb-layout";
  const left = document.createElement("div");
  left.className = "wb-left";
  const pane = document.createElement("aside");
  pane.className = "wb-pane";
  pane.setAttribute("aria-label", "Task pane");
  pane.id = "pane";
  layout.append(left, pane);
  root.append(layout);
  // An opened file replaces the workbook: the pane starts afresh on it (its tracked tables, as Excel's pane would).
  let unmountPane = mountPane(pane, deps);
  const onOpened = (): void => {
    unmountPane();
    unmountPane = mountPane(pane, deps);
  };
  createRoot(left).render(<Left onOpened={onOpened} />);
}

start();
