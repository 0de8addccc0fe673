/**
 * Section 2: HyperFormula (the in-process engine of the tests and the workbench) building and
 * computing a sheet of ROWS rows of =AI.TRAINFLOPS(A2,B2), against the same sheet with
 * =6*A2*B2. Also =PRODUCT(6,A2,B2), a built-in function with the same arithmetic, which tells
 * HyperFormula's own function-call cost apart from ours when the ratio is over budget.
 */
import { HyperFormula } from "hyperformula";
import { registerAiFunctions } from "../../src/hyperformula/ai-plugin";
import { budgetStatus, emptyResult, fmtNum, fmtRatio, median, nowMs, type Budget, type SectionResult } from "../lib/report";

const SECTION = "engine";
export const ENGINE_KEYS = [
  "engine_rows",
  "engine_arith_ms",
  "engine_ai_ms",
  "engine_ratio",
  "engine_builtin_fn_ms",
  "engine_builtin_fn_ratio",
  "engine_spill_rows",
  "engine_spill_ms",
  "engine_cells_ms",
  "engine_spill_ratio",
];

type Cell = number | string;

function sheet(rows: number, formula: (r: number) => string): Cell[][] {
  const data: Cell[][] = [["params", "tokens", "flop"]];
  for (let r = 2; r <= rows + 1; r++) data.push([1e9 * (1 + (r % 97)), 1e11 * (1 + (r % 89)), formula(r)]);
  return data;
}

/** Milliseconds to build and compute the sheet; checks the last cell is the expected number. */
function buildOnce(data: Cell[][], expectLast: number): number {
  const t0 = nowMs();
  const hf = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3" });
  const last = hf.getCellValue({ sheet: 0, col: 2, row: data.length - 1 });
  const ms = nowMs() - t0;
  hf.destroy();
  if (typeof last !== "number" || Math.abs(last - expectLast) > Math.abs(expectLast) * 1e-12) {
    throw new Error(`the last formula computed ${JSON.stringify(last)}, expected ${expectLast}`);
  }
  return ms;
}

export interface EngineOptions {
  rows: number;
  runs: number;
  /** Rows of the spill comparison (100,000; fewer with --quick). */
  spillRows?: number;
}

/**
 * One spilled formula, =AI.TRAINFLOPS(A2:A100001,B2:B100001) in C2, against 100,000 formulas
 * =AI.TRAINFLOPS(A2,B2)… in C2:C100001, over the same data: build + compute, read the last result.
 * HyperFormula's default sheet limit is 40,000 rows, so maxRows is raised for both sheets.
 */
function spillOnce(rows: number, spilled: boolean, expectLast: number): number {
  const data: Cell[][] = [["params", "tokens", "flop"]];
  for (let r = 2; r <= rows + 1; r++) {
    const f = spilled ? (r === 2 ? `=AI.TRAINFLOPS(A2:A${rows + 1},B2:B${rows + 1})` : null) : `=AI.TRAINFLOPS(A${r},B${r})`;
    data.push(f === null ? [1e9 * (1 + (r % 97)), 1e11 * (1 + (r % 89))] : [1e9 * (1 + (r % 97)), 1e11 * (1 + (r % 89)), f]);
  }
  const t0 = nowMs();
  const hf = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3", maxRows: rows + 2 });
  const last = hf.getCellValue({ sheet: 0, col: 2, row: rows });
  const ms = nowMs() - t0;
  hf.destroy();
  if (typeof last !== "number" || Math.abs(last - expectLast) > Math.abs(expectLast) * 1e-12) {
    throw new Error(`the ${spilled ? "spilled" : "last"} formula computed ${JSON.stringify(last)} in row ${rows + 1}, expected ${expectLast}`);
  }
  return ms;
}

export function runEngine(opts: EngineOptions): SectionResult {
  const r = emptyResult();
  registerAiFunctions();
  const rows = opts.rows;
  const variants = {
    arith: sheet(rows, (i) => `=6*A${i}*B${i}`),
    ai: sheet(rows, (i) => `=AI.TRAINFLOPS(A${i},B${i})`),
    builtin: sheet(rows, (i) => `=PRODUCT(6,A${i},B${i})`),
  };
  const lastRow = variants.arith[rows];
  const expected = 6 * (lastRow[0] as number) * (lastRow[1] as number);
  const times: Record<keyof typeof variants, number[]> = { arith: [], ai: [], builtin: [] };
  const order: (keyof typeof variants)[] = ["arith", "ai", "builtin"];
  // One untimed round warms the JIT for all three; then the runs interleave, so load on the machine hits all alike.
  for (const v of order) buildOnce(variants[v], expected);
  for (let k = 0; k < opts.runs; k++) for (const v of order) times[v].push(buildOnce(variants[v], expected));

  const arith = median(times.arith);
  const ai = median(times.ai);
  const builtin = median(times.builtin);
  const ratio = ai / arith;
  r.figures.engine_rows = rows;
  r.figures.engine_arith_ms = Number(arith.toFixed(1));
  r.figures.engine_ai_ms = Number(ai.toFixed(1));
  r.figures.engine_ratio = Number(ratio.toFixed(3));
  r.figures.engine_builtin_fn_ms = Number(builtin.toFixed(1));
  r.figures.engine_builtin_fn_ratio = Number((builtin / arith).toFixed(3));
  const budget: Budget = { key: "engine_ratio", value: Number(ratio.toFixed(3)), limit: 1.5, inclusive: false, text: "< 1.5x" };
  r.budgets.push(budget);
  r.rows.push({ section: SECTION, what: `=6*A2*B2, ${fmtNum(rows)} rows (ms)`, value: fmtNum(arith, 1) });
  r.rows.push({
    section: SECTION,
    what: `=PRODUCT(6,A2,B2) (built-in fn, ms)`,
    value: fmtNum(builtin, 1),
    baseline: fmtNum(arith, 1),
    ratio: fmtRatio(builtin / arith),
  });
  r.rows.push({
    section: SECTION,
    what: `=AI.TRAINFLOPS(A2,B2) (ms)`,
    value: fmtNum(ai, 1),
    baseline: fmtNum(arith, 1),
    ratio: fmtRatio(ratio),
    budget: budget.text,
    status: budgetStatus(budget),
  });
  r.notes.push(`engine: medians of ${opts.runs} interleaved builds each (buildFromArray + read of the last cell), after one untimed round`);

  // Issue 14: one spilled formula over a column against one formula per row (report only).
  const spillRows = opts.spillRows ?? 100_000;
  const lastR = spillRows + 1;
  const want = 6 * (1e9 * (1 + (lastR % 97))) * (1e11 * (1 + (lastR % 89)));
  spillOnce(spillRows, true, want);
  spillOnce(spillRows, false, want);
  const spillMs: number[] = [];
  const cellsMs: number[] = [];
  for (let k = 0; k < Math.max(1, opts.runs - 2); k++) {
    spillMs.push(spillOnce(spillRows, true, want));
    cellsMs.push(spillOnce(spillRows, false, want));
  }
  const spill = median(spillMs);
  const cells = median(cellsMs);
  r.figures.engine_spill_rows = spillRows;
  r.figures.engine_spill_ms = Number(spill.toFixed(1));
  r.figures.engine_cells_ms = Number(cells.toFixed(1));
  r.figures.engine_spill_ratio = Number((spill / cells).toFixed(3));
  r.rows.push({
    section: SECTION,
    what: `=AI.TRAINFLOPS(A2:A${lastR},B2:B${lastR}) one spilled formula (ms)`,
    value: fmtNum(spill, 1),
    baseline: `${fmtNum(spillRows)} formulas: ${fmtNum(cells, 1)} ms`,
    ratio: fmtRatio(spill / cells),
  });
  return r;
}
