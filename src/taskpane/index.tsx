/** The task pane's entry in Excel: wait for Office, then mount the pane on the Excel workbook. */
import { mountPane } from "./App";
import { watchCsp } from "./csp-watch";
import { makeDeps } from "./make-deps";
import { ExcelWorkbook } from "../excel/excel-workbook";
import type { DiagnosticsPort } from "../sheet/diagnostics";

// First, so the diagnostics see every Content-Security-Policy violation from here on.
const csp = watchCsp(document);

/**
 * The diagnostics' Excel side, loaded when they first run (the pane's up-front scripts keep their
 * budget); one instance, which knows the scratch sheets of its probes still running.
 */
let port: Promise<DiagnosticsPort> | undefined;
const loadPort = (): Promise<DiagnosticsPort> => {
  port ??= import(/* webpackChunkName: "diagnostics" */ "../excel/diagnostics").then((m) => new m.ExcelDiagnostics());
  port.catch(() => (port = undefined)); // a chunk that failed to load is asked for again next time
  return port;
};

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  const displayLanguage = Office.context?.displayLanguage ?? navigator.language;
  mountPane(root, makeDeps(new ExcelWorkbook(), displayLanguage, location.href, { diagnostics: { loadPort, cspViolations: csp.violations } }));
});
