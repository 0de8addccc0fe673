/**
 * Rewrites a formula that calls AI.* custom functions into native Excel formulas with the same
 * result, still live (issue 13): a workbook then computes in an Excel without the add-in.
 *
 * Each AI call becomes its arithmetic inside one IF holding the argument checks of the shared
 * runner (core/spec.ts): IF(checks of every argument, in order, #VALUE!, result). Their sum is
 * the first error value among the arguments (as Excel and HyperFormula answer an error argument
 * before a custom function runs), else nonzero when a check fails. Checks and arithmetic are
 * element-wise, so ranges keep broadcasting (Excel 365 arrays). Literal arguments are checked
 * here, once; defaults are written out. What a native formula cannot check is listed in the
 * README ("Portable formulas: native forms"). */
import { functionNames } from "../formula/tokenize";
import { FormulaSyntaxError, parseFormula, type FormulaNode } from "../formula/parse";
import { printFormulaWithin } from "../formula/print";
import { aiFunctionId, childrenOf } from "../formula/walk";
import { parseReportNumber } from "../core/parse";
import { ERROR_TEXT, isCellError } from "../core/errors";
import type { NumberParam, ParamSpec, TextParam } from "../core/spec";
import { NATIVE_FORMS, type ArgValue } from "./native";
import { binary, callNode, errorNode, guard, numberNode, textNode } from "./nodes";

export type PortableConversion =
  | { kind: "noAi" } // calls no AI function: leave it
  | { kind: "native"; formula: string; functions: string[] } // the portable formula "=…", and the AI function ids it replaced (e.g. ["TRAINFLOPS"])
  | { kind: "value"; functions: string[] } // calls a lookup with no native form (ids listed): the cell becomes its current value
  | { kind: "unreadable"; reason: string }; // the parser could not read it (reason in English)

export { sameResult, type CellResult } from "./same";

/** Excel refuses a formula longer than this (Excel specifications and limits). */
export const EXCEL_FORMULA_MAX_LENGTH = 8192;

export { aiFunctionId };

/** True when the formula calls an AI function, in either spelling (AI.X or _xldudf_AI_X), case-insensitive. */
export function callsAi(formula: string): boolean {
  return functionNames(formula).some((f) => aiFunctionId(f.name) !== null);
}

/** The formula with every AI call spelled AI.NAME (Excel's `_xldudf_AI_NAME` form of an unregistered function turned back), or null when it calls no AI function. */
export function repairText(formula: string): string | null {
  const calls = functionNames(formula).filter((f) => aiFunctionId(f.name) !== null);
  if (calls.length === 0) return null;
  let out = "";
  let at = 0;
  for (const c of calls) {
    out += formula.slice(at, c.start) + `AI.${aiFunctionId(c.name)}`;
    at = c.end;
  }
  return out + formula.slice(at);
}

/**
 * The portable form of a formula: native Excel when every AI function it calls has one, its
 * value when one has none (AI.MODEL, AI.CHIP, AI.DATASET, AI.PARSENUM, …).
 * @example toPortable("=AI.PFDAYS(A1)") // { kind: "native", formula: '=IF((A1="")+ISTEXT(A1)+(A1<0),#VALUE!,A1/8.64e+19)', functions: ["PFDAYS"] }
 */
export function toPortable(formula: string): PortableConversion {
  if (!callsAi(formula)) return { kind: "noAi" };
  let ast: FormulaNode;
  try {
    ast = parseFormula(formula);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { kind: "unreadable", reason: e.message };
    throw e;
  }
  const called: string[] = [];
  const withoutNative: string[] = [];
  visitCalls(ast, (id) => {
    if (!called.includes(id)) called.push(id);
    if (!NATIVE_FORMS.has(id) && !withoutNative.includes(id)) withoutNative.push(id);
  });
  if (called.length === 0) return { kind: "noAi" }; // e.g. a name like AI.X( inside text the scanner could not rule out
  if (withoutNative.length > 0) return { kind: "value", functions: withoutNative };
  const native = printFormulaWithin(convertNode(ast), EXCEL_FORMULA_MAX_LENGTH);
  // Too long for Excel (deeply nested calls repeat their arguments): the value is what stays portable.
  if (native === null) return { kind: "value", functions: called };
  return { kind: "native", formula: native, functions: called };
}

/** Calls f with the id of every AI call, outer calls first (a loop: a formula's tree may be thousands deep). */
function visitCalls(root: FormulaNode, f: (id: string) => void): void {
  const todo: FormulaNode[] = [root];
  for (let n = todo.pop(); n !== undefined; n = todo.pop()) {
    if (n.type === "call") {
      const id = aiFunctionId(n.name);
      if (id !== null) f(id);
    }
    const children = childrenOf(n);
    for (let i = children.length - 1; i >= 0; i--) todo.push(children[i]);
  }
}

/** The tree with every AI call replaced by its native form (all have one: toPortable checked). */
function convertNode(n: FormulaNode): FormulaNode {
  switch (n.type) {
    case "call": {
      const id = aiFunctionId(n.name);
      return id === null ? { ...n, args: n.args.map(convertNode) } : convertCall(id, n.args);
    }
    case "array":
      return n;
    case "union":
      return { ...n, items: n.items.map(convertNode) };
    case "prefix":
    case "postfix":
      return { ...n, operand: convertNode(n.operand) };
    case "binary": {
      // Down the left spine in a loop (1+2+…+n may be thousands of links long), then rebuilt.
      const spine: Extract<FormulaNode, { type: "binary" }>[] = [n];
      for (let b = n; b.left.type === "binary"; b = b.left) spine.push(b.left);
      let out = convertNode(spine[spine.length - 1].left);
      for (let i = spine.length - 1; i >= 0; i--) out = { ...spine[i], left: out, right: convertNode(spine[i].right) };
      return out;
    }
    default:
      return n;
  }
}

// ---------------------------------------------------------------------------------------------
// Building nodes
// ---------------------------------------------------------------------------------------------

const EMPTY_TEXT = textNode("");
const ZERO = numberNode(0);
const VALUE = errorNode(ERROR_TEXT.invalidValue);

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

/**
 * An argument after its checks: a literal that fails (an error literal, or #VALUE! for a literal
 * out of its domain), or a value with the conditions that make it fail (each TRUE or nonzero
 * for #VALUE!, an error value passing through) and, for an expression, a term that is 0 or its error.
 */
type CheckedArg = { fail: FormulaNode; isError: boolean } | { value: ArgValue; checks: FormulaNode[]; errorTerm?: FormulaNode };

const failValue: CheckedArg = { fail: VALUE, isError: false };

/** The number a literal argument reads as, the error it is, or undefined when it is not a literal. */
function literalOf(n: FormulaNode | undefined, converted: FormulaNode | undefined): number | string | boolean | { error: string } | null | undefined {
  if (n === undefined || n.type === "empty") return null;
  if (n.type === "call" && converted?.type === "error") return { error: converted.code }; // a nested AI call that can only fail
  if (n.type === "number") return n.value;
  if (n.type === "prefix" && n.op === "-" && n.operand.type === "number") return -n.operand.value;
  if (n.type === "string") return n.value === "" ? null : n.value; // "" is an empty argument to the runner
  if (n.type === "bool") return n.value;
  if (n.type === "error") return { error: n.code };
  return undefined;
}

/**
 * True when an argument's value is always a number or an error, never empty, text or a logical:
 * arithmetic, and the native forms of AI calls. Those need no "is it empty?" check.
 */
function isNumeric(n: FormulaNode): boolean {
  if (n.type === "number" || (n.type === "postfix" && n.op === "%")) return true;
  if (n.type === "prefix") return n.op === "-" || (n.op === "+" && isNumeric(n.operand)); // unary + does not convert in Excel
  if (n.type === "binary") return n.op === "+" || n.op === "-" || n.op === "*" || n.op === "/" || n.op === "^";
  if (n.type === "call") {
    const id = aiFunctionId(n.name);
    return id !== null && NATIVE_FORMS.has(id);
  }
  return false;
}

const outOfBounds = (p: NumberParam, v: number): boolean =>
  (p.above !== undefined && !(v > p.above)) || (p.min !== undefined && v < p.min) || (p.max !== undefined && v > p.max);

function boundChecks(p: NumberParam, x: FormulaNode): FormulaNode[] {
  const out: FormulaNode[] = [];
  if (p.above !== undefined) out.push(binary("<=", x, numberNode(p.above)));
  if (p.min !== undefined) out.push(binary("<", x, numberNode(p.min)));
  if (p.max !== undefined) out.push(binary(">", x, numberNode(p.max)));
  return out;
}

function numberArg(p: NumberParam, original: FormulaNode | undefined, converted: FormulaNode | undefined): CheckedArg {
  const lit = literalOf(original, converted);
  if (lit !== undefined) {
    let v: number;
    if (lit === null) {
      if (p.default === undefined) return failValue; // "… is required"
      v = p.default;
    } else if (typeof lit === "object") return { fail: errorNode(lit.error), isError: true };
    else if (typeof lit === "boolean") return failValue;
    else if (typeof lit === "string") {
      // Report text ("1750 亿") is read now, as the runner would read it on every recalculation.
      const parsed = parseReportNumber(lit);
      if (isCellError(parsed)) return { fail: errorNode(ERROR_TEXT[parsed.code]), isError: false }; // the runner's own error for the text, not an error passed in
      v = parsed;
    } else v = lit;
    if (outOfBounds(p, v)) return failValue;
    const node = typeof lit === "number" && original !== undefined ? original : numberNode(v); // keep the analyst's spelling
    return { value: { node, literal: v }, checks: [] };
  }
  const x = converted as FormulaNode; // not a literal, so the argument was written
  if (isNumeric(original as FormulaNode)) return dynamic(x, binary("*", ZERO, x), boundChecks(p, x));
  const errorTerm = binary("*", ZERO, binary("=", x, EMPTY_TEXT));
  // Text is #VALUE! before any later check (a growth factor of 1 is #DIV/0! only for numbers).
  const isText = callNode("ISTEXT", x);
  if (p.default === undefined) return dynamic(x, errorTerm, [binary("=", x, EMPTY_TEXT), isText, ...boundChecks(p, x)]);
  // An empty cell or empty text takes the default, as in the runner; anything else is checked as written.
  const v = callNode("IF", binary("=", x, EMPTY_TEXT), numberNode(p.default), x);
  return dynamic(v, errorTerm, [binary("*", binary("<>", x, EMPTY_TEXT), sum([isText, ...boundChecks(p, x)]))]);
}

/** An expression argument; with no check of its own, its error term keeps its place among the arguments' errors. */
function dynamic(node: FormulaNode, errorTerm: FormulaNode, checks: FormulaNode[]): CheckedArg {
  return { value: { node }, checks: checks.length > 0 ? checks : [errorTerm], errorTerm };
}

function textArg(p: TextParam, original: FormulaNode | undefined, converted: FormulaNode | undefined): CheckedArg {
  const lit = literalOf(original, converted);
  if (lit === undefined) {
    const x = converted as FormulaNode; // the native form tests the choices
    return dynamic(x, binary("*", ZERO, binary("=", x, EMPTY_TEXT)), []);
  }
  if (lit !== null && typeof lit === "object") return { fail: errorNode(lit.error), isError: true };
  if (typeof lit === "boolean") return failValue;
  const text = lit === null ? "" : String(lit).trim();
  if (text === "") return p.default === undefined ? failValue : { value: { node: textNode(p.default), literal: p.default }, checks: [] };
  if (!p.choices) return { value: { node: textNode(text), literal: text }, checks: [] };
  const hit = p.choices.find((c) => c.toLowerCase() === text.toLowerCase());
  return hit === undefined ? failValue : { value: { node: textNode(hit), literal: hit }, checks: [] };
}

function checkArg(p: ParamSpec, original: FormulaNode | undefined, converted: FormulaNode | undefined): CheckedArg {
  if (p.kind === "number") return numberArg(p, original, converted);
  if (p.kind === "text") return textArg(p, original, converted);
  throw new Error(`no native form takes a ${p.kind} parameter (${p.name})`); // NATIVE_FORMS holds number and text parameters only
}

const sum = (checks: FormulaNode[]): FormulaNode => checks.reduce((a, b) => binary("+", a, b));

/**
 * The native form of AI.<id>(args…). Excel and HyperFormula answer an error passed as an argument
 * before the function runs (the first one, in argument order), and every failed check is
 * #VALUE!, so one condition does: the sum of every argument's checks, in argument order, is an
 * error when an argument is one (+ returns its first operand's error), else nonzero when a
 * check fails. Checks after the arguments' (a growth factor of 1, …) are the native form's own.
 */
function convertCall(id: string, args: FormulaNode[]): FormulaNode {
  const form = NATIVE_FORMS.get(id);
  if (!form) throw new Error(`AI.${id} has no native form`); // toPortable lists these as values first
  const params = form.spec.params;
  if (args.length > params.length) return VALUE; // the runner counts arguments before anything else
  const converted = args.map(convertNode);
  const checked = params.map((p, i) => checkArg(p, args[i], converted[i]));
  const firstError = checked.findIndex((c) => "fail" in c && c.isError);
  if (firstError >= 0) {
    // An error literal: only an error in an argument before it comes first.
    const before = checked.slice(0, firstError).flatMap((c) => ("errorTerm" in c && c.errorTerm ? [c.errorTerm] : []));
    const error = (checked[firstError] as { fail: FormulaNode }).fail;
    return before.length > 0 ? guard(sum(before), VALUE, error) : error;
  }
  const conditions = checked.flatMap((c) => ("checks" in c ? c.checks : []));
  const failed = checked.find((c): c is { fail: FormulaNode; isError: boolean } => "fail" in c);
  const body = failed ? failed.fail : form.body(checked.map((c) => (c as { value: ArgValue }).value));
  return conditions.length > 0 ? guard(sum(conditions), VALUE, body) : body;
}
