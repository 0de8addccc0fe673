/**
 * The workbench page (dev only, never in a production bundle): the real task pane on the right,
 * talking to a HyperFormula workbook shown on the left as a grid. No Office host and no
 * office.js: everything the pane needs comes through makeDeps(), as in Excel.
 *
 * workbench.html            grid + pane
 * workbench.html?pane       the pane alone, full width (for screenshots at 320 px)
 *
 * Models are built from the pane's Models section (HfWorkbook.insertModel → applySheetPlan).
 */
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { mountPane } from "../taskpane/App";
import { makeDeps } from "../taskpane/make-deps";
import { watchCsp } from "../taskpane/csp-watch";
import { loadEpochFromFeed } from "../functions/epoch-feed";
import { epochDatasets } from "../data/epoch-cache";
import { EPOCH_ACCELERATORS_ID, EPOCH_MODELS_ID } from "../data/ids";
import { HfDiagnostics } from "./diagnostics";
import { HfWorkbook } from "./hf-workbook";
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

function Left({ onOpened }: { onOpened: () => void }) {
  const [notice, setNotice] = useState("HyperFormula engine (GPL-3.0, dev only) · loading Epoch AI models from the feed…");
  useEffect(() => {
    let live = true;
    void epoch.then((text) => live && setNotice(text));
    return () => {
      live = false;
    };
  }, []);
  return <Workbench book={book} notice={notice} onOpened={onOpened} />;
}

function start(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const deps = makeDeps(book, navigator.language, location.href, {
    diagnostics: { loadPort: async () => new HfDiagnostics(book), cspViolations: csp },
  });
  if (new URLSearchParams(location.search).has("pane")) {
    root.className = "wb-pane-only";
    mountPane(root, deps);
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
