/**
 * The AI functions registered in HyperFormula, from the same specs and implementations Excel
 * calls (src/functions/registry.ts), so tests, the benchmark and the workbench evaluate
 * exactly the formulas we write. Dev-only: HyperFormula is GPL-3.0 and never enters a
 * production bundle.
 */
import {
  ArraySize,
  CellError as HfCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import { FUNCTIONS } from "../functions/registry";
import { isOptional, invoke, type AnyFunctionSpec, type Result } from "../core/spec";
import { CellError, isCellError, type ErrorCode } from "../core/errors";

const HF_ERROR: Readonly<Record<ErrorCode, ErrorType>> = {
  invalidValue: ErrorType.VALUE,
  invalidNumber: ErrorType.NUM,
  notAvailable: ErrorType.NA,
  divisionByZero: ErrorType.DIV_BY_ZERO,
};
const CORE_ERROR: Partial<Record<ErrorType, ErrorCode>> = {
  [ErrorType.VALUE]: "invalidValue",
  [ErrorType.NUM]: "invalidNumber",
  [ErrorType.NA]: "notAvailable",
  [ErrorType.DIV_BY_ZERO]: "divisionByZero",
};

/** HyperFormula's argument → what Excel would pass: null for empty, plain numbers, our errors. */
function fromHf(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof HfCellError) return new CellError(CORE_ERROR[v.type] ?? "invalidValue", v.message ?? v.type);
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(fromHf));
  // Typed numbers (percent, date, currency) are RichNumber objects holding the value in .val.
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val;
  return v;
}

const hfError = (e: CellError): HfCellError => new HfCellError(HF_ERROR[e.code], e.message);

/**
 * Our result as HyperFormula's value. A range of results spills with each element's error in its
 * cell; a 1×1 range of results (=AI.PFDAYS(A1:A1)) is sized as one cell (ai_size_*), so it is
 * given as its value.
 */
function toHf(spec: AnyFunctionSpec, r: Result): unknown {
  if (isCellError(r)) return hfError(r);
  if (Array.isArray(r)) {
    const cells = r.map((row) => row.map((c) => (isCellError(c) ? hfError(c) : c)));
    return spec.returns !== "matrix" && cells.length === 1 && cells[0].length === 1 ? cells[0][0] : SimpleRangeValue.onlyValues(cells);
  }
  return r;
}

/** Formula name of a spec: "AI.TRAINFLOPS". */
export const formulaName = (spec: AnyFunctionSpec): string => `AI.${spec.id}`;

// The plugin's methods are generated from the registry; HyperFormula looks them up by name.
type PluginMethod = (this: AiFunctionsPlugin, ast: { args: unknown[] }, state: unknown) => unknown;

export class AiFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  /** Shared body of every AI function: HyperFormula checks arity, our runner checks values. */
  callSpec(spec: AnyFunctionSpec, ast: { args: unknown[] }, state: unknown): unknown {
    // runFunction's Ast/InterpreterState types are not exported by HyperFormula; these are its own objects passed back.
    const run = this.runFunction as unknown as (args: unknown[], state: unknown, meta: unknown, fn: (...a: unknown[]) => unknown) => unknown;
    return run(ast.args, state, this.metadata(formulaName(spec)), (...args: unknown[]) => toHf(spec, invoke(spec, args.map(fromHf))));
  }

  /**
   * The spill size of a broadcasting function, before it is evaluated (HyperFormula reserves the
   * cells first): the broadcast of its arguments' sizes (a range's size is known from its
   * address, a nested function's from its own size method). Shapes that cannot pair: one cell,
   * which will hold the #VALUE! naming both.
   */
  broadcastSize(ast: { args: unknown[] }, state: unknown): ArraySize {
    // arraySizeForAst's Ast/InterpreterState types are not exported by HyperFormula; these are its own objects passed back.
    const sizeOf = this.arraySizeForAst as unknown as (ast: unknown, state: unknown) => ArraySize;
    let rows = 1;
    let cols = 1;
    for (const arg of ast.args) {
      const s = sizeOf.call(this, arg, state);
      if (s.height !== 1) {
        if (rows !== 1 && rows !== s.height) return ArraySize.scalar();
        rows = s.height;
      }
      if (s.width !== 1) {
        if (cols !== 1 && cols !== s.width) return ArraySize.scalar();
        cols = s.width;
      }
    }
    return rows === 1 && cols === 1 ? ArraySize.scalar() : new ArraySize(cols, rows);
  }
}

interface LiteralAst {
  type: string;
  value?: unknown;
}

/**
 * HyperFormula must know a spilled result's size before evaluating it. Our matrix functions
 * (AI.DATASET, AI.DATASETS) are sized by evaluating them when every argument is a literal
 * (the way they are written in practice); otherwise the size is unknown and the cell is #VALUE!.
 */
function sizeFromLiterals(spec: AnyFunctionSpec, ast: { args: LiteralAst[] }): ArraySize {
  const args: unknown[] = [];
  for (const a of ast.args) {
    if (a.type === "NUMBER" || a.type === "STRING") args.push(a.value);
    else if (a.type === "EMPTY") args.push(null);
    else return ArraySize.error();
  }
  const out = invoke(spec, args);
  if (!Array.isArray(out) || out.length === 0) return ArraySize.scalar();
  return new ArraySize(out[0].length, out.length);
}

for (const spec of FUNCTIONS) {
  const method = `ai_${spec.id}`;
  const body: PluginMethod = function (ast, state) {
    return this.callSpec(spec, ast, state);
  };
  Object.defineProperty(AiFunctionsPlugin.prototype, method, { value: body });
  const sizeMethod = `ai_size_${spec.id}`;
  const size =
    spec.returns === "matrix"
      ? (ast: { args: LiteralAst[] }) => sizeFromLiterals(spec, ast)
      : function (this: AiFunctionsPlugin, ast: { args: unknown[] }, state: unknown) {
          return this.broadcastSize(ast, state);
        };
  Object.defineProperty(AiFunctionsPlugin.prototype, sizeMethod, { value: size });
  AiFunctionsPlugin.implementedFunctions[formulaName(spec)] = {
    method,
    // Our runner broadcasts ranges (core/broadcast.ts), as the Excel wrappers do; HyperFormula's
    // own vectorization (only with useArrayArithmetic) would pad mismatched shapes differently.
    sizeOfResultArrayMethod: sizeMethod,
    vectorizationForbidden: true,
    // ANY: values arrive unconverted (our runner converts them, as in Excel) and a range arrives
    // whole; an error value passed as an argument is returned by HyperFormula unchanged.
    parameters: spec.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: isOptional(p) })),
  };
}

let registered = false;

/** Registers the AI functions in HyperFormula once (dotted names need a translation package). */
export function registerAiFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(FUNCTIONS.map((s) => [formulaName(s), formulaName(s)]));
  HyperFormula.registerFunctionPlugin(AiFunctionsPlugin, { enGB: names, enUS: names });
  registered = true;
}
