/**
 * "Explain this cell" (issue 20, item 4): what a formula that calls AI functions computes, step
 * by step, in words and numbers, with the source of every looked-up figure. Pure: the pane reads
 * the referenced cells (formulaReferences lists them) and passes their values in.
 *
 * The formula is read by the one formula parser (src/formula), every AI call is computed by the
 * one runner (core/spec.ts `invoke`, the function Excel and HyperFormula call), and each step's
 * arithmetic is a small expression over the call's own arguments (FORMULAS), proven equal to the
 * implementation by the tests: an explanation cannot show a different number from the cell.
 * Arithmetic between calls (+ − × ÷ ^ % &, comparisons) is computed here as Excel does; any
 * other Excel function is Excel's own, and an AI call that depends on one is described, not
 * recomputed.
 */
import { FormulaSyntaxError, parseFormula, type FormulaNode } from "../formula/parse";
import { printExpression } from "../formula/print";
import { aiFunctionId, childrenOf } from "../formula/walk";
import { CellError, ERROR_TEXT, isCellError, type ErrorCode } from "../core/errors";
import { convertArg, invoke, type AnyFunctionSpec, type ParamSpec, type Scalar } from "../core/spec";
import { elementAt, isGrid } from "../core/broadcast";
import { FLOP_PER_PF_DAY, SECONDS_PER_DAY, SECONDS_PER_HOUR, TRAIN_FLOP_PER_PARAM_TOKEN } from "../core/units";
import { getFunctionSpec } from "./registry";
import { FUNCTION_DOCS } from "./docs";
import { formatGeneral, formatNumber, PARAM_DISPLAY, RESULT_DISPLAY, withUnit, type NumberStyle, type UnitPattern } from "./display";
import { lookupChipHit, lookupModelHit, type LookupHit } from "../data/lookup";
import { epochChipIndexes, epochDatasets, epochIndexes } from "../data/epoch-cache";
import { getDataset } from "../data/catalog";
import type { Column, Dataset } from "../data/types";
import { cellAddress, parseRangeAddress, quoteSheetName } from "../sheet/plan";
import type { Language, ReadResult, SheetValue } from "../sheet/workbook";

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** One argument of a step, as the step shows it. */
export interface StepArgument {
  /** The parameter's name, e.g. "chips". */
  name: string;
  /** The argument as written in the formula ("" when omitted). */
  written: string;
  /** Its value (the element used, for a range), in its unit: "1,024 chips". */
  shown: string;
  /** Where the value came from: a cell ("C5"), a step ("step 1"), or the default. Null for a value written in the formula. */
  from: string | null;
}

/** A source line: what a figure or a method rests on. */
export interface SourceLine {
  text: string;
  url?: string;
}

export interface ExplainStep {
  /** "AI.TRAINDAYS(C1,1024,AI.CHIP(\"A100\"))", or the formula itself for the arithmetic around the calls. */
  call: string;
  /** The AI function's id; null for the arithmetic step. */
  id: string | null;
  /** What the step gives, e.g. "Days to train". */
  label: string;
  args: StepArgument[];
  /** The computation with its numbers: "3.14E+23 FLOP ÷ (1,024 chips × 3.12E+14 FLOP/s × 30% utilization) ÷ 86,400 s = 38.04 days". */
  text: string;
  /** The value as the cell shows it: "38.04" or "#VALUE!" (General format, as an unformatted cell). */
  shown: string;
  /** The raw value: a number, text, a boolean, or the error. */
  value: Scalar | CellError | null;
  /** When the value is an error: the argument at fault (when one is) and why, in the runner's own words. */
  error?: { code: string; argument: string | null; message: string };
  /** The method (the function's source) and, for a lookup, the figure's own source lines. */
  sources: SourceLine[];
}

export type Explanation =
  | { kind: "noAi" }
  | { kind: "unreadable"; reason: string }
  | {
      kind: "explained";
      formula: string;
      /** The shape of the result when it spills (more than one cell), else null. */
      size: { rows: number; cols: number } | null;
      /** The element explained, for a result that spills (its offset from the anchor). */
      element: { row: number; col: number } | null;
      steps: ExplainStep[];
      /** The formula's value at the element: what the cell should show. Null when it cannot be computed here. */
      value: Scalar | CellError | null;
      /** That value as General shows it, "" when unknown. */
      shown: string;
      /** Things the explanation could not do (a reference it could not read, an Excel function it does not compute). */
      notes: string[];
    };

/** The values of the formula's references, by reference as written (formulaReferences). */
export type ReferenceValues = ReadonlyMap<string, ReadResult>;

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

const WORDS = {
  en: {
    step: (n: number) => `step ${n}`,
    default: (v: string) => `default ${v}`,
    omitted: "omitted",
    formula: "Formula",
    passed: (arg: string, from: string) => `${arg} is an error${from ? ` from ${from}` : ""}, passed through unchanged`,
    notRead: (ref: string, why: string) => `${ref} could not be read (${why}), so the steps that use it are not computed here.`,
    excelOwn: (fn: string) => `${fn}() is Excel's own function: its value is not computed here, so the steps that use it are described without numbers.`,
    notComputed: "not computed here (it depends on a value Excel computes)",
    outside: (r: number, c: number, rows: number, cols: number) =>
      `The selected cell (row ${r + 1}, column ${c + 1} of the spill) is outside the formula's ${rows} × ${cols} result.`,
    readAs: (text: string, v: string) => `"${text}" read as ${v}`,
    bytes: (text: string, v: string, step: string) => `"${text}" read as ${v} (1 KB = ${step} bytes, each unit ${step}× the one before)`,
    dataset: (id: string, title: string, rows: number, cols: number) => `dataset "${id}" (${title}): ${rows} × ${cols}`,
    datasetCell: (r: number, header: string, v: string) => `row ${r}, column "${header}": ${v}`,
    catalogue: (n: number) => `the catalogue of datasets: ${n} rows`,
    lookup: (label: string, field: string, id: string, v: string) => `${label} · ${field} in ${id} = ${v}`,
    method: "Method",
    license: "Licence",
    confidence: "confidence",
    table: (rows: number, cols: number) => `a ${rows} × ${cols} table`,
    shapeError: "the arguments' shapes cannot pair",
  },
  zh: {
    step: (n: number) => `第 ${n} 步`,
    default: (v: string) => `默认值 ${v}`,
    omitted: "省略",
    formula: "公式",
    passed: (arg: string, from: string) => `${arg} 是错误值${from ? `(来自 ${from})` : ""},原样传出`,
    notRead: (ref: string, why: string) => `无法读取 ${ref}(${why}),用到它的步骤在此不计算。`,
    excelOwn: (fn: string) => `${fn}() 是 Excel 自带函数:此处不计算其值,用到它的步骤只作说明、不给数字。`,
    notComputed: "此处不计算(依赖 Excel 计算的值)",
    outside: (r: number, c: number, rows: number, cols: number) => `所选单元格(溢出区域第 ${r + 1} 行第 ${c + 1} 列)在公式 ${rows} × ${cols} 结果之外。`,
    readAs: (text: string, v: string) => `"${text}" 读作 ${v}`,
    bytes: (text: string, v: string, step: string) => `"${text}" 读作 ${v}(1 KB = ${step} 字节,每级为上一级的 ${step} 倍)`,
    dataset: (id: string, title: string, rows: number, cols: number) => `数据集 "${id}"(${title}):${rows} × ${cols}`,
    datasetCell: (r: number, header: string, v: string) => `第 ${r} 行,"${header}" 列:${v}`,
    catalogue: (n: number) => `数据目录:${n} 行`,
    lookup: (label: string, field: string, id: string, v: string) => `${label} · ${field}(${id})= ${v}`,
    method: "方法",
    license: "许可",
    confidence: "置信度",
    table: (rows: number, cols: number) => `${rows} × ${cols} 的表`,
    shapeError: "参数的形状无法配对",
  },
};
type Words = (typeof WORDS)["en"];

// ---------------------------------------------------------------------------------------------
// Each function's arithmetic, over its own arguments
// ---------------------------------------------------------------------------------------------

/** An expression of a step: a parameter (shown in its unit), a constant, an operation. */
export type StepExpr =
  | { p: string }
  | { k: number; unit: UnitPattern; style: NumberStyle }
  | { op: "+" | "−" | "×" | "÷"; args: StepExpr[] }
  | { pow: [StepExpr, StepExpr] }
  | { fn: "√" | "log2"; arg: StepExpr };

const p = (name: string): StepExpr => ({ p: name });
const k = (value: number, unit: UnitPattern = { en: "{v}", zh: "{v}" }, style: NumberStyle = "general"): StepExpr => ({ k: value, unit, style });
const mul = (...args: StepExpr[]): StepExpr => ({ op: "×", args });
const div = (...args: StepExpr[]): StepExpr => ({ op: "÷", args });
const sub = (...args: StepExpr[]): StepExpr => ({ op: "−", args });
const add = (...args: StepExpr[]): StepExpr => ({ op: "+", args });
const pow = (a: StepExpr, b: StepExpr): StepExpr => ({ pow: [a, b] });

const SECONDS_A_DAY = k(SECONDS_PER_DAY, { en: "{v} s a day", zh: "每天 {v} 秒" }, "count");
const SECONDS_AN_HOUR = k(SECONDS_PER_HOUR, { en: "{v} s an hour", zh: "每小时 {v} 秒" }, "count");
const PF_DAY = k(FLOP_PER_PF_DAY, { en: "{v} FLOP per PF-day", zh: "每 PF-day {v} FLOP" }, "scientific");

/**
 * The arithmetic of each function with a closed form, over its converted arguments (by
 * parameter name). Tests evaluate each and compare it with the implementation.
 */
export const FORMULAS: Readonly<Record<string, (args: Readonly<Record<string, Scalar>>) => StepExpr>> = {
  TRAINFLOPS: () => mul(p("params"), p("tokens"), p("flops_per_param_token")),
  INFERFLOPS: () => mul(p("params"), p("tokens"), p("flops_per_param_token")),
  PFDAYS: () => div(p("flop"), PF_DAY),
  FLOPFROMPFDAYS: () => mul(p("pf_days"), PF_DAY),
  TRAINDAYS: () => div(p("flop"), mul(p("chips"), p("peak_flops_per_chip"), p("utilization")), SECONDS_A_DAY),
  CHIPSNEEDED: () => div(p("flop"), mul(p("days"), SECONDS_A_DAY, p("peak_flops_per_chip"), p("utilization"))),
  CHIPHOURS: () => div(p("flop"), mul(p("peak_flops_per_chip"), p("utilization")), SECONDS_AN_HOUR),
  TRAINCOST: () => mul(div(p("flop"), mul(p("peak_flops_per_chip"), p("utilization")), SECONDS_AN_HOUR), p("price_per_chip_hour")),
  CHINCHILLATOKENS: () => mul(p("params"), p("tokens_per_param")),
  OPTIMALPARAMS: () => ({
    fn: "√",
    arg: div(p("flop"), mul(k(TRAIN_FLOP_PER_PARAM_TOKEN, { en: "{v} FLOP per parameter per token", zh: "每参数每 token {v} FLOP" }), p("tokens_per_param"))),
  }),
  COMPUTEGROWTH: () => pow(k(2), div(p("months"), p("doubling_months"))),
  DOUBLINGTIME: () => div(p("months"), { fn: "log2", arg: p("growth_factor") }),
  RELRETURN: (a) =>
    a.method === "geometric" ? sub(div(add(k(1), p("asset_return")), add(k(1), p("benchmark_return"))), k(1)) : sub(p("asset_return"), p("benchmark_return")),
  PCTCHANGE: () => sub(div(p("end_value"), p("start_value")), k(1)),
  CAGR: () => sub(pow(div(p("end_value"), p("start_value")), div(k(1), p("years"))), k(1)),
};

/** An expression's value, for the tests: the same arithmetic the text shows. */
export function evaluateStepExpr(e: StepExpr, args: Readonly<Record<string, Scalar>>): number {
  if ("p" in e) return Number(args[e.p]);
  if ("k" in e) return e.k;
  if ("pow" in e) return Math.pow(evaluateStepExpr(e.pow[0], args), evaluateStepExpr(e.pow[1], args));
  if ("fn" in e) return e.fn === "√" ? Math.sqrt(evaluateStepExpr(e.arg, args)) : Math.log2(evaluateStepExpr(e.arg, args));
  const xs = e.args.map((x) => evaluateStepExpr(x, args));
  return xs.slice(1).reduce((acc, x) => (e.op === "+" ? acc + x : e.op === "−" ? acc - x : e.op === "×" ? acc * x : acc / x), xs[0]);
}

const PRECEDENCE = { "+": 1, "−": 1, "×": 2, "÷": 2 } as const;
const precedenceOf = (e: StepExpr): number => ("op" in e ? PRECEDENCE[e.op] : "pow" in e ? 3 : 4);

/** An expression as text, each parameter as its value in its unit. */
function renderExpr(e: StepExpr, args: Readonly<Record<string, Scalar>>, language: Language): string {
  const r = (x: StepExpr): string => renderExpr(x, args, language);
  if ("p" in e) return argumentText(e.p, args[e.p], language);
  if ("k" in e) return withUnit(formatNumber(e.k, e.style), e.unit, language);
  if ("pow" in e) {
    const [base, exp] = e.pow;
    return `${precedenceOf(base) < 4 ? `(${r(base)})` : r(base)}^${precedenceOf(exp) < 4 ? `(${r(exp)})` : r(exp)}`;
  }
  if ("fn" in e) return `${e.fn}(${r(e.arg)})`;
  const own = PRECEDENCE[e.op];
  return e.args
    .map((x, i) => {
      const needs = i === 0 ? precedenceOf(x) < own : precedenceOf(x) < own || (precedenceOf(x) === own && (e.op === "−" || e.op === "÷"));
      return needs ? `(${r(x)})` : r(x);
    })
    .join(` ${e.op} `);
}

// ---------------------------------------------------------------------------------------------
// Showing values
// ---------------------------------------------------------------------------------------------

/** An error as the cell shows it: "#VALUE!", or the workbook's own text ("#REF!"). */
export function errorText(e: CellError): string {
  return e instanceof SheetError ? e.text : ERROR_TEXT[e.code];
}

/** A value as an unformatted (General) cell shows it. */
export function shownValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (isCellError(v)) return errorText(v);
  if (typeof v === "number") return formatGeneral(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** An argument's value in its unit: "1,024 chips", "30% utilization", "\"geometric\"". */
function argumentText(name: string, v: unknown, language: Language): string {
  if (typeof v === "number") {
    const d = PARAM_DISPLAY[name];
    return d ? withUnit(formatNumber(v, d.style), d.unit, language) : formatGeneral(v);
  }
  if (typeof v === "string") return `"${v}"`;
  return shownValue(v);
}

/** A result in its function's unit: "38.04 days". */
function resultText(id: string, v: unknown, language: Language): string {
  const d = RESULT_DISPLAY[id];
  if (typeof v === "number" && d) return withUnit(formatNumber(v, d.style), d.unit, language);
  return typeof v === "string" ? `"${v}"` : shownValue(v);
}

/** A looked-up figure in its column's format and unit: "3.12E+14 FLOP/s". */
function columnText(column: Column | undefined, v: unknown): string {
  if (typeof v !== "number" || !column) return typeof v === "string" ? `"${v}"` : shownValue(v);
  const f = column.numberFormat;
  const style: NumberStyle = /E[+-]/i.test(f) ? "scientific" : f.includes("%") ? "percent" : f.includes(",") ? "count" : "general";
  const shown = column.type === "integer" && !f.includes(",") ? String(v) : formatNumber(v, style);
  return column.unit && column.type !== "percent" ? `${shown} ${column.unit}` : shown;
}

// ---------------------------------------------------------------------------------------------
// Values as the explainer holds them
// ---------------------------------------------------------------------------------------------

/** An error a cell shows that the functions never return themselves (#REF!, #NAME?, #SPILL!…); passed through as is. */
export class SheetError extends CellError {
  constructor(
    readonly text: string,
    message: string
  ) {
    super("invalidValue", message);
  }
}

const CODE_OF: ReadonlyMap<string, ErrorCode> = new Map((Object.entries(ERROR_TEXT) as [ErrorCode, string][]).map(([code, text]) => [text, code]));

/** A cell's error as a value the runner passes through (its own message when the workbook gave one). */
function errorOf(text: string, message: string | undefined, where: string): CellError {
  const code = CODE_OF.get(text.toUpperCase());
  const why = message ?? `${where} shows ${text}`;
  return code ? new CellError(code, why) : new SheetError(text, why);
}

/** A value that is not computed here (an Excel function's, or an unreadable reference's). */
class Unknown {
  constructor(readonly note: string) {}
}

type Grid = unknown[][];

function fromSheet(v: SheetValue, where: string): unknown {
  if (v !== null && typeof v === "object") return errorOf(v.error, v.message, where);
  return v === "" ? null : v; // a blank cell is an omitted argument to the runner
}

/** A grid of one cell is that cell's value (as Excel passes a 1×1 range to arithmetic). */
const unwrap = (g: Grid): unknown => (g.length === 1 && g[0].length === 1 ? g[0][0] : g);

const shapeOfValue = (v: unknown): { rows: number; cols: number } | null =>
  isGrid(v) && Array.isArray(v[0]) ? { rows: v.length, cols: (v[0] as unknown[]).length } : null;

/** Element (r, c) of a value as its shape broadcasts (a scalar is itself). */
function pick(v: unknown, r: number, c: number): unknown {
  if (!isGrid(v)) return v;
  const s = shapeOfValue(v);
  if (!s) return v;
  return elementAt(v, s.rows === 1 ? 0 : r, s.cols === 1 ? 0 : c) ?? null;
}

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------


/** Whether a node is read as a whole reference (a cell, a range, a name, A1#, A1:B2 built from parts). */
function isReference(n: FormulaNode): boolean {
  return n.type === "ref" || n.type === "name" || n.type === "structured" || (n.type === "postfix" && n.op === "#") || (n.type === "binary" && n.op === ":");
}

/**
 * The references a formula reads, as written ("C1", "Sheet2!B2:B9", "Train_FLOP"), each once,
 * in the order they appear: what the pane reads before explaining. Empty for a formula the
 * parser cannot read.
 * @example formulaReferences("=AI.TRAINDAYS(C1,1024,AI.CHIP(D1))") // ["C1", "D1"]
 */
export function formulaReferences(formula: string): string[] {
  let ast: FormulaNode;
  try {
    ast = parseFormula(formula);
  } catch {
    return [];
  }
  const out: string[] = [];
  const walk = (n: FormulaNode): void => {
    if (isReference(n)) {
      const text = printExpression(n);
      if (!out.includes(text)) out.push(text);
      return;
    }
    childrenOf(n).forEach(walk);
  };
  walk(ast);
  return out;
}

/** The AI functions a formula calls (ids, each once, outer calls first), read by the parser; empty when it cannot be read. */
export function calledFunctions(formula: string): string[] {
  const out: string[] = [];
  const walk = (n: FormulaNode): void => {
    const id = n.type === "call" ? aiFunctionId(n.name) : null;
    if (id !== null && !out.includes(id)) out.push(id);
    childrenOf(n).forEach(walk);
  };
  try {
    walk(parseFormula(formula));
  } catch {
    return [];
  }
  return out;
}

/** Whether a formula calls an AI function (either spelling), by the parser. */
export function formulaCallsAi(formula: string): boolean {
  return calledFunctions(formula).length > 0;
}

// ---------------------------------------------------------------------------------------------
// Evaluating the formula
// ---------------------------------------------------------------------------------------------

interface CallRecord {
  spec: AnyFunctionSpec;
  /** The evaluated arguments (grids, scalars, errors, null for omitted). */
  args: unknown[];
  result: unknown;
}

class Evaluator {
  readonly calls = new Map<FormulaNode, CallRecord>();
  readonly values = new Map<FormulaNode, unknown>();
  readonly notes: string[] = [];

  constructor(
    private readonly refs: ReferenceValues,
    private readonly words: Words
  ) {}

  private note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  evaluate(n: FormulaNode): unknown {
    const v = this.compute(n);
    this.values.set(n, v);
    return v;
  }

  private compute(n: FormulaNode): unknown {
    if (isReference(n)) return this.reference(printExpression(n));
    switch (n.type) {
      case "number":
        return n.value;
      case "string":
        return n.value;
      case "bool":
        return n.value;
      case "error":
        return errorOf(n.code, undefined, n.code);
      case "empty":
        return null;
      case "array":
        return n.rows.map((row) => row.map((x) => this.evaluate(x)));
      case "call":
        return this.call(n);
      case "prefix": {
        const v = this.evaluate(n.operand);
        if (n.op === "-") return arith(v, -1, (a, b) => a * b);
        return v; // + and @ leave a value as it is
      }
      case "postfix":
        return arith(this.evaluate(n.operand), 100, (a, b) => a / b);
      case "binary":
        return binaryOp(n.op, this.evaluate(n.left), this.evaluate(n.right));
      case "union":
        return new Unknown(this.words.excelOwn("( , )"));
      default:
        return new Unknown("");
    }
  }

  private reference(text: string): unknown {
    const r = this.refs.get(text);
    if (r === undefined) {
      const u = new Unknown(this.words.notRead(text, "not given"));
      this.note(u.note);
      return u;
    }
    if (!r.ok) {
      const u = new Unknown(this.words.notRead(text, r.reason));
      this.note(u.note);
      return u;
    }
    if (r.values.length === 0 || r.values[0].length === 0) return null;
    return unwrap(r.values.map((row, i) => row.map((v, j) => fromSheet(v, elementAddress(text, i, j)))));
  }

  private call(n: Extract<FormulaNode, { type: "call" }>): unknown {
    const args = n.args.map((a) => this.evaluate(a));
    const id = aiFunctionId(n.name);
    if (id === null) {
      const u = new Unknown(this.words.excelOwn(n.name.toUpperCase()));
      this.note(u.note);
      return u;
    }
    const spec = getFunctionSpec(id);
    if (!spec) return errorOf("#NAME?", `AI.${id} is not one of the add-in's functions`, ""); // as Excel shows an unknown function
    const unknown = args.find((a): a is Unknown => a instanceof Unknown);
    const result = unknown ?? invoke(spec, args);
    this.calls.set(n, { spec, args, result });
    return result;
  }
}

/** Excel's coercion of a value to a number for arithmetic: blank 0, TRUE 1, numeric text its number. */
function toNumber(v: unknown): number | CellError {
  if (isCellError(v)) return v;
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = String(v).trim();
  const n = t === "" ? NaN : Number(t);
  return Number.isFinite(n) ? n : new CellError("invalidValue", `"${String(v)}" is not a number`);
}

/** Element-wise over grids with Excel's pairing (a single value with every element). */
function elementwise(a: unknown, b: unknown, f: (x: unknown, y: unknown) => unknown): unknown {
  if (a instanceof Unknown) return a;
  if (b instanceof Unknown) return b;
  const sa = shapeOfValue(a);
  const sb = shapeOfValue(b);
  if (!sa && !sb) return f(a, b);
  const rows = Math.max(sa?.rows ?? 1, sb?.rows ?? 1);
  const cols = Math.max(sa?.cols ?? 1, sb?.cols ?? 1);
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (__, c) => f(pick(a, r, c), pick(b, r, c))));
}

function arith(a: unknown, b: unknown, f: (x: number, y: number) => number): unknown {
  return elementwise(a, b, (x, y) => {
    const nx = toNumber(x);
    if (isCellError(nx)) return nx;
    const ny = toNumber(y);
    if (isCellError(ny)) return ny;
    const out = f(nx, ny);
    if (!Number.isFinite(out))
      return Number.isNaN(out) || ny !== 0
        ? new CellError("invalidNumber", "the result is not a finite number")
        : new CellError("divisionByZero", "division by zero");
    return out;
  });
}

function compare(x: unknown, y: unknown): number {
  const rank = (v: unknown): number => (typeof v === "number" || v === null ? 0 : typeof v === "string" ? 1 : 2);
  const vx = x === null ? (typeof y === "string" ? "" : typeof y === "boolean" ? false : 0) : x;
  const vy = y === null ? (typeof x === "string" ? "" : typeof x === "boolean" ? false : 0) : y;
  if (rank(vx) !== rank(vy)) return rank(vx) - rank(vy);
  if (typeof vx === "string" && typeof vy === "string") return vx.toLowerCase().localeCompare(vy.toLowerCase());
  return Number(vx) - Number(vy);
}

function binaryOp(op: string, a: unknown, b: unknown): unknown {
  switch (op) {
    case "+":
      return arith(a, b, (x, y) => x + y);
    case "-":
      return arith(a, b, (x, y) => x - y);
    case "*":
      return arith(a, b, (x, y) => x * y);
    case "/":
      return arith(a, b, (x, y) => (y === 0 ? Infinity : x / y));
    case "^":
      return arith(a, b, (x, y) => Math.pow(x, y));
    case "&":
      return elementwise(a, b, (x, y) => (isCellError(x) ? x : isCellError(y) ? y : shownValue(x) + shownValue(y)));
    case "=":
    case "<>":
    case "<":
    case ">":
    case "<=":
    case ">=":
      return elementwise(a, b, (x, y) => {
        if (isCellError(x)) return x;
        if (isCellError(y)) return y;
        const d = compare(x, y);
        return op === "=" ? d === 0 : op === "<>" ? d !== 0 : op === "<" ? d < 0 : op === ">" ? d > 0 : op === "<=" ? d <= 0 : d >= 0;
      });
    default:
      return new Unknown("");
  }
}

/** The address of element (i, j) of a reference written as an A1 area; the reference itself otherwise. */
function elementAddress(ref: string, i: number, j: number): string {
  try {
    const r = parseRangeAddress(ref);
    if (r.rows === 1 && r.cols === 1) return ref;
    const cell = cellAddress({ row: r.row + i, col: r.col + j });
    return r.sheet !== undefined ? `${quoteSheetName(r.sheet)}!${cell}` : cell;
  } catch {
    return ref;
  }
}

// ---------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------

export interface ExplainOptions {
  language: Language;
  /** The element to explain in a result that spills: its offset from the anchor (default 0, 0). */
  element?: { row: number; col: number };
}

class StepWriter {
  readonly steps: ExplainStep[] = [];
  /** The step number (1-based) of each call node, once written. */
  private readonly numbers = new Map<FormulaNode, number>();

  constructor(
    private readonly ev: Evaluator,
    private readonly language: Language,
    private readonly words: Words
  ) {}

  /** Writes the steps of node n at element (r, c) of its own value, inner calls first. */
  visit(n: FormulaNode, r: number, c: number): void {
    const rec = this.ev.calls.get(n);
    const own = this.ev.values.get(n);
    const s = shapeOfValue(rec ? rec.result : own);
    const at = s ? { r: s.rows === 1 ? 0 : r, c: s.cols === 1 ? 0 : c } : { r: 0, c: 0 };
    if (rec && rec.spec.returns === "matrix") {
      // A table's element is a cell of the table; its arguments are single values.
      for (const a of childrenOf(n)) this.visit(a, 0, 0);
    } else if (isReference(n)) {
      return;
    } else {
      for (const a of childrenOf(n)) this.visit(a, at.r, at.c);
    }
    if (rec && n.type === "call") {
      this.steps.push(this.callStep(n, rec, at));
      this.numbers.set(n, this.steps.length);
    }
  }

  /** Where an argument's value came from: its cell (the element's, for a range), its step, or null for a value written out. */
  private origin(n: FormulaNode, r: number, c: number): string | null {
    if (isReference(n)) {
      const v = this.ev.values.get(n);
      const s = shapeOfValue(v);
      const text = printExpression(n);
      return s ? elementAddress(text, s.rows === 1 ? 0 : r, s.cols === 1 ? 0 : c) : text;
    }
    const number = this.numbers.get(n);
    if (number !== undefined) return this.words.step(number);
    // An expression around calls or references: name what it was computed from.
    const parts = childrenOf(n)
      .map((x) => this.origin(x, r, c))
      .filter((x): x is string => x !== null);
    return parts.length > 0 ? parts.join(", ") : null;
  }

  private callStep(n: Extract<FormulaNode, { type: "call" }>, rec: CallRecord, at: { r: number; c: number }): ExplainStep {
    const { spec } = rec;
    const w = this.words;
    const lang = this.language;
    const table = spec.returns === "matrix";
    // A table function's arguments are single values; a broadcast call's are each range's element at `at`.
    const elements = spec.params.map((_, i) => (table ? single(rec.args[i] ?? null) : pick(rec.args[i] ?? null, at.r, at.c)));
    const args: StepArgument[] = spec.params.map((param, i) => {
      const node = n.args[i];
      const written = node === undefined || node.type === "empty" ? "" : printExpression(node);
      const v = elements[i];
      if (v === null && hasDefault(param)) {
        const d = defaultOf(param) as Scalar;
        return { name: param.name, written, shown: argumentText(param.name, d, lang), from: w.default(shownValue(d)) };
      }
      return { name: param.name, written, shown: argumentText(param.name, v, lang), from: node ? this.origin(node, at.r, at.c) : null };
    });
    const step: ExplainStep = {
      call: printExpression(n),
      id: spec.id,
      label: RESULT_DISPLAY[spec.id]?.label[lang] ?? spec.id,
      args,
      text: "",
      shown: "",
      value: null,
      sources: methodSources(spec.id, w),
    };
    if (rec.result instanceof Unknown) {
      step.text = w.notComputed;
      return step;
    }
    // The call's value at `at`: an element of a table or of a broadcast result, or its one value or error.
    const value = pick(rec.result, at.r, at.c);
    step.shown = shownValue(value);
    if (isCellError(value)) {
      step.value = value;
      step.error = this.blame(n, rec, elements, value, at);
      const { argument, message } = step.error;
      step.text = argument && !message.startsWith(argument) ? `${argument}: ${message}` : message;
      return step;
    }
    step.value = value as Scalar;
    const converted: Record<string, Scalar> = {};
    spec.params.forEach((param, i) => {
      converted[param.name] = convertArg(param, elements[i]) as Scalar; // no error: the call succeeded
    });
    const described = this.describe(spec, converted, value, at, shapeOfValue(rec.result));
    step.text = described.text;
    step.sources.push(...described.sources);
    return step;
  }

  /** The argument at fault and the runner's message: the first argument whose conversion fails, else the function's own check. */
  private blame(
    n: Extract<FormulaNode, { type: "call" }>,
    rec: CallRecord,
    elements: unknown[],
    e: CellError,
    at: { r: number; c: number }
  ): { code: string; argument: string | null; message: string } {
    const code = errorText(e);
    const { spec } = rec;
    if (spec.returns !== "matrix" && rec.args.some(isGrid) && isCellError(rec.result)) {
      // Ranges whose shapes cannot pair: one error for the whole call, naming both.
      return { code, argument: null, message: e.message };
    }
    for (let i = 0; i < spec.params.length; i++) {
      const raw = elements[i];
      const converted = convertArg(spec.params[i], raw);
      if (!isCellError(converted)) continue;
      if (isCellError(raw)) {
        const node = n.args[i];
        const from = node ? (this.origin(node, at.r, at.c) ?? "") : "";
        return { code, argument: spec.params[i].name, message: `${this.words.passed(spec.params[i].name, from)}: ${raw.message}` };
      }
      return { code, argument: spec.params[i].name, message: converted.message };
    }
    // The function's own check (e.g. growth_factor 1 has no doubling time): its message starts with the argument's name.
    const named = spec.params.find((param) => e.message.startsWith(param.name));
    return { code, argument: named?.name ?? null, message: e.message };
  }

  private describe(
    spec: AnyFunctionSpec,
    a: Record<string, Scalar>,
    value: unknown,
    at: { r: number; c: number },
    shape: { rows: number; cols: number } | null
  ): { text: string; sources: SourceLine[] } {
    const lang = this.language;
    const w = this.words;
    const formula = FORMULAS[spec.id];
    if (formula) return { text: `${renderExpr(formula(a), a, lang)} = ${resultText(spec.id, value, lang)}`, sources: [] };
    switch (spec.id) {
      case "PARSENUM":
        return { text: w.readAs(String(a.text), resultText(spec.id, value, lang)), sources: [] };
      case "PARSEBYTES":
        return { text: w.bytes(String(a.text), resultText(spec.id, value, lang), formatGeneral(Number(a.bytes_per_unit_step))), sources: [] };
      case "MODEL":
      case "CHIP":
        return this.lookup(spec.id, a, value);
      case "DATASET":
        return this.dataset(String(a.id), Boolean(a.with_header), a.language as Language, value, at);
      case "DATASETS":
        return { text: `${w.catalogue(shape?.rows ?? 1)}; ${w.datasetCell(at.r + 1, String(at.c + 1), shownValue(value))}`, sources: [] };
      default:
        return { text: `= ${resultText(spec.id, value, lang)}`, sources: [] };
    }
  }

  private lookup(id: "MODEL" | "CHIP", a: Record<string, Scalar>, value: unknown): { text: string; sources: SourceLine[] } {
    const hit = id === "MODEL" ? lookupModelHit(a.name, a.field, epochIndexes()) : lookupChipHit(a.name, a.field, epochChipIndexes());
    if (isCellError(hit)) return { text: `= ${shownValue(value)}`, sources: [] };
    const column = hit.dataset.columns.find((c) => c.key === hit.column);
    const field = column ? `${column.header[this.language]} (${String(a.field)})` : String(a.field);
    return { text: this.words.lookup(hit.label, field, hit.dataset.id, columnText(column, value)), sources: figureSources(hit, this.words) };
  }

  private dataset(id: string, withHeader: boolean, language: Language, value: unknown, at: { r: number; c: number }): { text: string; sources: SourceLine[] } {
    const w = this.words;
    const wanted = id.trim().toLowerCase();
    const d: Dataset | undefined = epochDatasets().find((x) => x.id === wanted) ?? getDataset(wanted);
    if (!d) return { text: `= ${shownValue(value)}`, sources: [] };
    const rows = d.rows.length + (withHeader ? 1 : 0);
    const head = w.dataset(d.id, d.title[this.language], rows, d.columns.length);
    const column = d.columns[at.c];
    const row = at.r - (withHeader ? 1 : 0);
    const cell = column ? w.datasetCell(at.r + 1, column.header[language], row < 0 ? shownValue(value) : columnText(column, value)) : shownValue(value);
    return { text: `${head}; ${cell}`, sources: datasetSources(d, w) };
  }
}

function single(v: unknown): unknown {
  return isGrid(v) && shapeOfValue(v)?.rows === 1 && shapeOfValue(v)?.cols === 1 ? (v as Grid)[0][0] : v;
}

const hasDefault = (param: ParamSpec): boolean => param.kind !== "any" && param.default !== undefined;
const defaultOf = (param: ParamSpec): Scalar | undefined => (param.kind === "any" ? undefined : param.default);

function methodSources(id: string, w: Words): SourceLine[] {
  const doc = FUNCTION_DOCS[id];
  return doc && FORMULAS[id] ? [{ text: `${w.method}: ${doc.source}` }] : [];
}

/** A dataset's source lines and licence. */
function datasetSources(d: Dataset, w: Words): SourceLine[] {
  const out: SourceLine[] = d.source.map((s) => (s.url ? { text: s.text, url: s.url } : { text: s.text }));
  if (d.license) out.push({ text: `${w.license}: ${d.license}` });
  return out;
}

/**
 * The columns that say where one row's figure comes from, by dataset and figure column ("*": any
 * figure of the row). A curated table cites each row's datasheet; the report's table cites the
 * source of its added tokens and FLOP; Epoch's tables their confidence flag.
 */
const ROW_SOURCES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  "llm-comparison": { training_flop: ["flop_source", "flop_confidence"], training_tokens: ["tokens_source"] },
  accelerators: { "*": ["source", "source_url", "confidence"] },
  "epoch-models": { "*": ["confidence"] },
  "epoch-accelerators": { "*": ["source_url", "confidence"] },
};

/** Where a looked-up figure comes from: its row's own source, then its dataset's. */
function figureSources(hit: LookupHit, w: Words): SourceLine[] {
  const d = hit.dataset;
  const row = d.rows[hit.row];
  const wanted = ROW_SOURCES[d.id]?.[hit.column] ?? ROW_SOURCES[d.id]?.["*"] ?? [];
  const out: SourceLine[] = [];
  let text = "";
  let url: string | undefined;
  for (const key of wanted) {
    const i = d.columns.findIndex((c) => c.key === key);
    const v = i >= 0 ? row[i] : null;
    if (v === null || v === "") continue;
    if (key.endsWith("url")) url = String(v);
    else if (key.endsWith("confidence")) text += `${text ? "; " : ""}${w.confidence}: ${String(v)}`;
    else text = `${String(v)}${text ? `; ${text}` : ""}`;
  }
  if (text || url) out.push(url ? { text: `${hit.label}: ${text || url}`, url } : { text: `${hit.label}: ${text}` });
  return [...out, ...datasetSources(d, w)];
}

// ---------------------------------------------------------------------------------------------
// The explanation
// ---------------------------------------------------------------------------------------------

/**
 * Explains a formula: its AI calls as steps, inner calls first, each with its arguments, its
 * arithmetic in numbers, its value (or the argument at fault and why) and its sources. For a
 * result that spills, the element at `options.element` is explained (each range argument's
 * element at that position, as the runner pairs them).
 * @example explainFormula('=AI.TRAINDAYS(3.14e23,1024,AI.CHIP("A100"))', new Map(), { language: "en" }).steps[1].text
 *   // "3.14E+23 FLOP ÷ (1,024 chips × 3.12E+14 FLOP/s × 30% utilization) ÷ 86,400 s a day = 38.83 days"
 */
export function explainFormula(formula: string, refs: ReferenceValues, options: ExplainOptions): Explanation {
  let ast: FormulaNode;
  try {
    ast = parseFormula(formula.startsWith("=") ? formula : `=${formula}`);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { kind: "unreadable", reason: e.message };
    throw e;
  }
  if (!formulaCallsAi(formula.startsWith("=") ? formula : `=${formula}`)) return { kind: "noAi" };
  const words = WORDS[options.language];
  const ev = new Evaluator(refs, words);
  const top = ev.evaluate(ast);
  const size = shapeOfValue(top);
  const spills = size !== null && size.rows * size.cols > 1;
  const element = options.element ?? { row: 0, col: 0 };
  const notes = [...ev.notes];
  let at = { r: 0, c: 0 };
  if (spills && size) {
    if (element.row >= size.rows || element.col >= size.cols) notes.push(words.outside(element.row, element.col, size.rows, size.cols));
    at = { r: Math.min(element.row, size.rows - 1), c: Math.min(element.col, size.cols - 1) };
  }
  const writer = new StepWriter(ev, options.language, words);
  writer.visit(ast, at.r, at.c);
  const steps = writer.steps;
  const value = top instanceof Unknown ? null : pick(top, at.r, at.c);
  if (ast.type !== "call" || aiFunctionId(ast.name) === null) {
    // The arithmetic around the calls, with each part's value.
    steps.push({
      call: printExpression(ast),
      id: null,
      label: words.formula,
      args: [],
      text: `${renderNode(ast, ev, at, options.language)} = ${value === null ? "?" : shownValue(value)}`,
      shown: value === null ? "" : shownValue(value),
      value: (value === null || isCellError(value) || typeof value !== "object" ? value : null) as Scalar | CellError | null,
      sources: [],
    });
  }
  return {
    kind: "explained",
    formula: formula.startsWith("=") ? formula : `=${formula}`,
    size: spills ? size : null,
    element: spills ? { row: at.r, col: at.c } : null,
    steps,
    value: value instanceof Unknown || (value !== null && typeof value === "object" && !isCellError(value)) ? null : (value as Scalar | CellError | null),
    shown: value === null || value instanceof Unknown ? "" : shownValue(value),
    notes,
  };
}

const OPERATOR_TEXT: Readonly<Record<string, string>> = { "*": "×", "/": "÷", "-": "−" };

/** The formula with each call and reference replaced by its value at the element. */
function renderNode(n: FormulaNode, ev: Evaluator, at: { r: number; c: number }, language: Language): string {
  const value = (x: FormulaNode): string => {
    const v = ev.values.get(x);
    return v instanceof Unknown || v === undefined ? printExpression(x) : shownValue(pick(v, at.r, at.c));
  };
  const r = (x: FormulaNode): string => renderNode(x, ev, at, language);
  if (n.type === "call" || isReference(n)) return value(n);
  if (n.type === "binary") {
    const wrap = (x: FormulaNode): string => (x.type === "binary" ? `(${r(x)})` : r(x));
    return `${wrap(n.left)} ${OPERATOR_TEXT[n.op] ?? n.op} ${wrap(n.right)}`;
  }
  if (n.type === "prefix") return `${n.op === "-" ? "−" : n.op}${r(n.operand)}`;
  if (n.type === "postfix") return `${r(n.operand)}${n.op}`;
  return printExpression(n);
}
