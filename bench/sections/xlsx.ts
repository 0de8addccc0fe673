/**
 * Section 8: the .xlsx export (scripts/export-xlsx.ts → src/xlsx/) of one workbook holding the
 * 1,892-row epoch-models table and the training-compute model (portable), as
 * `npm run export` builds it: plans, HyperFormula evaluation for the cached values, ExcelJS
 * write to bytes. And the workbench's Open .xlsx (src/workbench/xlsx-io.ts openXlsx: the
 * checks of src/xlsx/open-limits.ts, ExcelJS's read, the snapshot into HyperFormula) of an
 * ordinary 20,000 × 10 workbook (issue 21). Report only, no budget: both run on demand.
 */
import ExcelJS from "exceljs";
import { exportPlans, planFor } from "../../scripts/export-xlsx";
import { HfWorkbook } from "../../src/workbench/hf-workbook";
import { openXlsx } from "../../src/workbench/xlsx-io";
import { emptyResult, fmtNum, nowMs, type SectionResult } from "../lib/report";

export const XLSX_KEYS = ["xlsx_export_ms", "xlsx_export_bytes", "xlsx_open_ms", "xlsx_open_bytes"];

/** 20,000 rows × 10 columns of numbers, as ExcelJS writes it (about 600 KB: issue 21's ordinary workbook). */
async function ordinaryWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  for (let r = 0; r < 20_000; r++) ws.addRow(Array.from({ length: 10 }, (_, c) => r * 10 + c + 0.5));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function runXlsx(runs: number): Promise<SectionResult> {
  const r = emptyResult();
  const plans = [
    await planFor({ dataset: "epoch-models", mode: "portable", language: "en" }),
    await planFor({ model: "training-compute", mode: "portable", language: "en" }),
  ];
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    const out = await exportPlans(plans, new Date(0));
    times.push(nowMs() - t0);
    bytes = out.bytes.byteLength;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  r.figures.xlsx_export_ms = Math.round(median);
  r.figures.xlsx_export_bytes = bytes;
  r.rows.push({
    section: "xlsx",
    what: `export of epoch-models (1,892 rows) + training-compute to .xlsx (median of ${runs})`,
    value: `${fmtNum(median)} ms`,
    baseline: `${fmtNum(bytes)} bytes`,
  });

  const file = await ordinaryWorkbook();
  const opens: number[] = [];
  for (let i = 0; i < runs; i++) {
    const book = new HfWorkbook();
    const t0 = nowMs();
    const notices = await openXlsx(book, file);
    opens.push(nowMs() - t0);
    if (notices.length > 0 || book.hf.getSheetDimensions(book.findSheet("Data") as number).height !== 20_000)
      throw new Error(`xlsx open: unexpected result ${notices.join("; ")}`);
  }
  opens.sort((a, b) => a - b);
  const openMedian = opens[Math.floor(opens.length / 2)];
  r.figures.xlsx_open_ms = Math.round(openMedian);
  r.figures.xlsx_open_bytes = file.byteLength;
  r.rows.push({
    section: "xlsx",
    what: `workbench Open .xlsx of 20,000 × 10 cells into a fresh workbook (median of ${runs})`,
    value: `${fmtNum(openMedian)} ms`,
    baseline: `${fmtNum(file.byteLength)} bytes`,
  });
  return r;
}
