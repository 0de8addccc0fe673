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
import { loadEpochFromFeed } from "../functions/epoch-feed";
import { epochDatasets } from "../data/epoch-cache";
import { HfWorkbook } from "./hf-workbook";
import { Workbench } from "./Workbench";

declare global {
  interface Window {
    /** The workbench's workbook, for the browser console. */
    workbench?: HfWorkbook;
  }
}

const book = new HfWorkbook();
window.workbench = book;

/** Epoch AI's models from the feed (data/epoch-models.json beside this page), so AI.MODEL falls back to them. */
const epoch: Promise<string> = loadEpochFromFeed().then((problem) => {
  if (problem !== null) {
    document.body.dataset.epoch = "failed";
    return `Epoch AI models not loaded: ${problem}`;
  }
  book.recalculate();
  document.body.dataset.epoch = "loaded";
  const rows = epochDatasets()[0]?.rows.length ?? 0;
  return `HyperFormula engine (GPL-3.0, dev only) · Epoch AI models loaded from the feed (${rows.toLocaleString("en-US")} rows)`;
});

function Left() {
  const [notice, setNotice] = useState("HyperFormula engine (GPL-3.0, dev only) · loading Epoch AI models from the feed…");
  useEffect(() => {
    let live = true;
    void epoch.then((text) => live && setNotice(text));
    return () => {
      live = false;
    };
  }, []);
  return <Workbench book={book} notice={notice} />;
}

function start(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const deps = makeDeps(book, navigator.language, location.href);
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
  createRoot(left).render(<Left />);
  mountPane(pane, deps);
}

start();
