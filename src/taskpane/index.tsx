/**
 * The task pane's entry in Excel: wait for Office, then mount the pane on the Excel workbook.
 * The ribbon's commands are associated by the commands entry (src/commands/commands.ts), which
 * the page loads before this one; they reach the pane once it is mounted (shell/pane-controller.ts).
 */
import { mountPane } from "./App";
import { makeDeps } from "./make-deps";
import { ExcelWorkbook } from "../excel/excel-workbook";

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  const displayLanguage = Office.context?.displayLanguage ?? navigator.language;
  mountPane(root, makeDeps(new ExcelWorkbook(), displayLanguage, location.href));
});
