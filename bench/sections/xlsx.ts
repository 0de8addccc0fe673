/**
 * Section 8: the .xlsx export (scripts/export-xlsx.ts → src/xlsx/) of one workbook holding the
 * 1,892-row epoch-models table and the training-compute model (portable), as
 * `npm run export` builds it: plans, HyperFormula evaluation for the cached values, ExcelJS
 * write to bytes. Report only, no budget: export runs on demand from the workbench or a script.
 */
import { exportPlans, planFor } from "../../scripts/export-xlsx";
import { emptyResult, fmtNum, nowMs, type SectionResult } from "../lib/report";

export const XLSX_KEYS = ["xlsx_export_ms", "xlsx_export_bytes"];

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
  return r;
}
