/** The task pane's entry in Excel: wait for Office, then mount the pane on the Excel workbook. */
import { mountPane } from "./App";
import { makeDeps } from "./make-deps";
import { ExcelWorkbook } from "../excel/excel-workbook";

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  const displayLanguage = Office.context?.displayLanguage ?? navigator.language;
  mountPane(root, makeDeps(new ExcelWorkbook(), displayLanguage, location.href));
});
