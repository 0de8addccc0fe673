/**
 * Section 9: the formula actions of issue 13. Syncs of Make portable, Restore and Repair on the
 * recording fake driving the real Excel adapter (src/excel/portable.ts), over one sheet and over
 * a 3-sheet workbook, after listTracked() (the pane's sequence), on an Excel with every
 * requirement set (notes, dynamic arrays); and the pure planner's time to convert 10,000 AI
 * formulas (src/sheet/portable-plan.ts with the real converter).
 */
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { findAiFormulas, planMakePortable, type Content, type ScannedSheet } from "../../src/sheet/portable-plan";
import { FakeExcel, type Scalar } from "../../tests/excel/fake-excel";
import { emptyResult, fmtNum, median, nowMs, type SectionResult } from "../lib/report";

export const PORTABLE_KEYS = ["syncs_per_portable_sheet", "portable_convert_ms"];

/** A sheet as an analyst writes one: inputs, native-convertible AI formulas, lookups kept as values, a #NAME? cell. */
const ROWS: (Scalar | null)[][] = [
  ["params", "tokens", "=AI.TRAINFLOPS(A2,B2)", "=AI.PFDAYS(C2)", '=AI.MODEL("GPT-4","params")'],
  [1.75e11, 3e11, "=AI.TRAINFLOPS(A2,B2)", "=AI.PFDAYS(C2)", '=AI.CHIP("H100","fp16")'],
  [7e10, 1.4e12, "=AI.TRAINFLOPS(A3,B3)", "=AI.TRAINDAYS(C3,1e15,1000,0.4)", "=_xldudf_AI_PFDAYS(1E24)"],
];

function calc(_sheet: string, formula: string): Scalar {
  if (formula.toUpperCase().includes("_XLDUDF_")) return "#NAME?";
  return formula.toUpperCase().includes("AI.MODEL") || formula.toUpperCase().includes("AI.CHIP") ? 9.89e14 : 1;
}

async function maxSyncs(sheets: string[]): Promise<{ max: number; each: Record<string, number> }> {
  const fake = new FakeExcel({ sheets });
  fake.calc = calc;
  for (const s of sheets) fake.type(s, "A1", ROWS);
  const book = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => new Date(0) });
  await book.listTracked();
  const each: Record<string, number> = {};
  const scope = sheets.length > 1 ? "workbook" : "sheet";
  await book.makePortable(scope, "en");
  each.makePortable = book.lastSyncs;
  await book.restoreFormulas(scope);
  each.restore = book.lastSyncs;
  await book.repairFormulas(scope);
  each.repair = book.lastSyncs;
  return { max: Math.max(...Object.values(each)), each };
}

export async function runPortable(runs: number): Promise<SectionResult> {
  const r = emptyResult();
  const one = await maxSyncs(["Sheet1"]);
  const three = await maxSyncs(["Inputs", "Model", "Report"]);
  const value = Math.max(one.max, three.max);
  r.figures.syncs_per_portable_sheet = value;
  r.budgets.push({ key: "syncs_per_portable_sheet", value, limit: 2, inclusive: true, text: "<= 2" });
  r.rows.push({
    section: "portable",
    what: "syncs per Make portable / Restore / Repair (max; one sheet and a 3-sheet workbook)",
    value: String(value),
    baseline: `1 sheet ${JSON.stringify(one.each)}; 3 sheets ${JSON.stringify(three.each)}`,
    budget: "<= 2",
    status: value <= 2 ? "ok" : "MISSED",
  });

  const n = 10_000;
  const formulas: Content[][] = Array.from({ length: n }, (_, i) => [i + 1, i + 2, `=AI.TRAINFLOPS(A${i + 1},B${i + 1})`, `=AI.PFDAYS(C${i + 1})`]);
  const sheet: ScannedSheet = { name: "Sheet1", row: 0, col: 0, formulas, values: formulas.map((row) => row.map((c) => (typeof c === "string" ? 1 : c))) };
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    const cells = findAiFormulas([sheet]);
    planMakePortable({ scope: "sheet", sheetNames: ["Sheet1"], cells, records: [], language: "en", now: new Date(0), spillOf: () => null, notes: true });
    times.push(nowMs() - t0);
  }
  const ms = median(times);
  r.figures.portable_convert_ms = Math.round(ms);
  r.rows.push({
    section: "portable",
    what: `plan Make portable for ${fmtNum(2 * n)} AI formulas (median of ${runs})`,
    value: `${fmtNum(ms)} ms`,
    baseline: "—",
  });
  return r;
}
