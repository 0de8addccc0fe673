/** Shared test helpers: apply a model plan to a fresh HyperFormula with the AI functions. */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { applyPlan, type AppliedPlan } from "../../src/hyperformula/apply-plan";
import { registerAiFunctions } from "../../src/hyperformula/ai-plugin";
import type { ModelSheetPlan } from "../../src/sheet/models/common";
import type { CellOffset } from "../../src/sheet/plan";

registerAiFunctions();

export interface AppliedModel {
  hf: HyperFormula;
  applied: AppliedPlan;
  plan: ModelSheetPlan;
  /** The value of a plan cell; throws on a cell error so a test failure names it. */
  value(cell: CellOffset): number | string | boolean | null;
  /** The numeric value of an output by key (and row key for per-row tables). */
  out(key: string, rowKey?: string): number;
  /** Sets a plan cell (an input) to a new value. */
  set(cell: CellOffset, v: number | string): void;
  /** The cell of the input or output carrying a defined name. */
  named(name: string): CellOffset;
}

export function applyModel(plan: ModelSheetPlan): AppliedModel {
  // As the workbench's engine: the templates' spilled columns need array arithmetic.
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true });
  const applied = applyPlan(hf, plan);
  const addr = (c: CellOffset) => ({ sheet: applied.sheetId, row: c.row, col: c.col });
  const value = (c: CellOffset) => {
    const v = hf.getCellValue(addr(c));
    if (v instanceof DetailedCellError) throw new Error(`cell ${v.address}: ${v.value} ${v.message}`);
    return v as number | string | boolean | null;
  };
  return {
    hf,
    applied,
    plan,
    value,
    out(key, rowKey) {
      const o = plan.model.outputs.find((x) => x.key === key && x.rowKey === rowKey);
      if (!o) throw new Error(`no output ${key}${rowKey ? `[${rowKey}]` : ""}`);
      const v = value(o.cell);
      if (typeof v !== "number") throw new Error(`output ${key}${rowKey ? `[${rowKey}]` : ""} is ${JSON.stringify(v)}, not a number`);
      return v;
    },
    set(c, v) {
      hf.setCellContents(addr(c), typeof v === "string" ? `'${v}` : v);
    },
    named(name) {
      const n = plan.names?.find((x) => x.name === name);
      if (!n) throw new Error(`no name ${name}`);
      return { row: n.range.row, col: n.range.col };
    },
  };
}

/** |a − b| ≤ rel × |b| (b ≠ 0). */
export function expectRel(actual: number, expected: number, rel: number): void {
  const err = Math.abs(actual - expected) / Math.abs(expected);
  if (!(err <= rel)) throw new Error(`expected ${actual} to be within ${rel} (relative) of ${expected}; relative error ${err}`);
}
