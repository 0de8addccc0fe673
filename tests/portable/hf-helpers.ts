/**
 * HyperFormula for the portable-formula proofs: the AI functions registered, array arithmetic on
 * (Excel 365's element-wise IF and arithmetic over ranges), and no output rounding, so results
 * are compared as computed (HyperFormula otherwise rounds to 10 significant digits and snaps
 * near-zero differences to 0).
 */
import { DetailedCellError, HyperFormula, type CellValue, type RawCellContent } from "hyperformula";
import { registerAiFunctions } from "../../src/hyperformula/ai-plugin";
import type { CellResult } from "../../src/portable/convert";
import type { SheetPlan } from "../../src/sheet/plan";

registerAiFunctions();

export const HF_CONFIG = { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false } as const;

export function engine(): HyperFormula {
  return HyperFormula.buildEmpty({ ...HF_CONFIG });
}

/** A HyperFormula value as a CellResult: errors by their text (#VALUE!). */
export function result(v: CellValue): CellResult {
  if (v instanceof DetailedCellError) return { error: v.value };
  // HyperFormula leaves an overflow inside array arithmetic as Infinity (or NaN) where Excel, and
  // HyperFormula itself for a single value, give #NUM!.
  if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!" };
  if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return v as unknown as number; // typed numbers never occur: no number formats are set
}

export const show = (r: CellResult): string => (r !== null && typeof r === "object" ? r.error : JSON.stringify(r));

/** The block of `rows` × `cols` values from (row, col) of a sheet (a spilled result and the cells around it). */
export function block(hf: HyperFormula, sheet: number, row: number, col: number, rows: number, cols: number): CellResult[][] {
  const out: CellResult[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: CellResult[] = [];
    for (let c = 0; c < cols; c++) line.push(result(hf.getCellValue({ sheet, row: row + r, col: col + c })));
    out.push(line);
  }
  return out;
}

/**
 * Evaluates formulas over a data sheet: sheet "Data" holds `data` from A1, and each formula goes
 * into column K of the same sheet (so A1 means the data), `gap` rows below the previous one.
 * Returns the `gap` × `gap` block from each formula's cell (its result and its spill). `names`
 * become workbook names; `setup` may add sheets first.
 */
export function evaluate(
  data: RawCellContent[][],
  formulas: readonly string[],
  options: { names?: Record<string, string>; gap?: number; setup?: (hf: HyperFormula) => void } = {}
): CellResult[][][] {
  const gap = options.gap ?? 4;
  const hf = engine();
  const sheet = hf.getSheetId(hf.addSheet("Data")) as number;
  hf.setSheetContent(sheet, data);
  options.setup?.(hf);
  for (const [name, expr] of Object.entries(options.names ?? {})) hf.addNamedExpression(name, expr);
  hf.batch(() => formulas.forEach((f, i) => hf.setCellContents({ sheet, row: i * gap, col: FORMULA_COLUMN }, f)));
  const out = formulas.map((_, i) => block(hf, sheet, i * gap, FORMULA_COLUMN, gap, gap));
  hf.destroy();
  return out;
}

/** Column K: right of any data the tests lay out. */
export const FORMULA_COLUMN = 10;

/** The differences between two grids of results (empty when every cell is the same result within relTolerance). */
export function differences(
  before: CellResult[][],
  after: CellResult[][],
  relTolerance: number,
  same: (a: CellResult, b: CellResult, rel: number) => boolean
): string[] {
  const out: string[] = [];
  const rows = Math.max(before.length, after.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(before[r]?.length ?? 0, after[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const a = before[r]?.[c] ?? null;
      const b = after[r]?.[c] ?? null;
      if (!same(a, b, relTolerance)) out.push(`(${r},${c}): ${show(a)} → ${show(b)}`);
    }
  }
  return out;
}

/** A copy of a plan with every formula passed through f; f may return a literal value instead. */
export function mapPlanFormulas<P extends SheetPlan>(
  plan: P,
  f: (formula: string, row: number, col: number) => string | { value: number | string | boolean | null }
): P {
  return {
    ...plan,
    blocks: plan.blocks.map((b) => {
      if (!b.formulas) return b;
      const values = b.values.map((row) => [...row]);
      const formulas = b.formulas.map((row, r) =>
        row.map((formula, c) => {
          if (formula === null) return null;
          const out = f(formula, b.at.row + r, b.at.col + c);
          if (typeof out === "string") return out;
          values[r][c] = out.value;
          return null;
        })
      );
      return { ...b, values, formulas };
    }),
  };
}
