/**
 * The task pane's entry in Excel: wait for Office, then mount the pane on the Excel workbook.
 * The ribbon's commands are associated by the commands entry (src/commands/commands.ts), which
 * the page loads before this one; they reach the pane once it is mounted (shell/pane-controller.ts).
 */
import { mountPane } from "./App";
import { watchCsp } from "./csp-watch";
import { makeDeps } from "./make-deps";
import { ExcelWorkbook } from "../excel/excel-workbook";

// First, so the diagnostics see every Content-Security-Policy violation from here on.
const csp = watchCsp(document);

/** The diagnostics' Excel side, a chunk loaded when they run (the pane's up-front scripts keep their budget). */
const loadPort = async () => (await import(/* webpackChunkName: "diagnostics" */ "../excel/diagnostics")).excelDiagnostics();

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  const displayLanguage = Office.context?.displayLanguage ?? navigator.language;
  mountPane(root, makeDeps(new ExcelWorkbook(), displayLanguage, location.href, { diagnostics: { loadPort, cspViolations: csp } }));
});
