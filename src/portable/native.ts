/**
 * The native Excel form of each AI function that has one: the arithmetic of its implementation
 * (core/compute.ts, core/returns.ts) in the same order of operations, so results agree to the
 * last bit or two, with the unit constants (core/units.ts) written as literals. The argument
 * checks around it come from the parameter lists (convert.ts); a body adds only the checks its
 * implementation makes after them. Functions absent here (lookups, datasets, report-text
 * parsing) have no native form: a converted workbook keeps their values.
 */
import type { FormulaNode } from "../formula/parse";
import type { AnyFunctionSpec } from "../core/spec";
import { ERROR_TEXT } from "../core/errors";
import { FLOP_PER_PF_DAY, SECONDS_PER_DAY, SECONDS_PER_HOUR, TRAIN_FLOP_PER_PARAM_TOKEN } from "../core/units";
import * as compute from "../core/compute";
import * as returns from "../core/returns";
import { binary, callNode, errorNode, numberNode, textNode } from "./nodes";

/** A checked argument: its expression, and its value when it is known here (a literal or a default). */
export interface ArgValue {
  node: FormulaNode;
  literal?: number | string;
}

export interface NativeForm {
  spec: AnyFunctionSpec;
  /** The result from the checked arguments, one per parameter, defaults filled in. */
  body(args: ArgValue[]): FormulaNode;
}

const num = numberNode;
const bin = binary;
const call = callNode;
const text = textNode;
const mul = (...xs: FormulaNode[]): FormulaNode => xs.reduce((a, b) => bin("*", a, b));
const div = (a: FormulaNode, b: FormulaNode): FormulaNode => bin("/", a, b);
const error = (code: keyof typeof ERROR_TEXT): FormulaNode => errorNode(ERROR_TEXT[code]);

/** IF(x = n, err, then), decided here when x is known. */
function unless(x: ArgValue, op: "=" | "<", n: number, err: FormulaNode, then: FormulaNode): FormulaNode {
  if (typeof x.literal === "number") return (op === "=" ? x.literal === n : x.literal < n) ? err : then;
  return call("IF", bin(op, x.node, num(n)), err, then);
}

const ONE = num(1);

function relReturn([a, b, method]: ArgValue[]): FormulaNode {
  const arithmetic = bin("-", a.node, b.node);
  // (1 + a) ÷ (1 + b) − 1; a benchmark of −100% divides by zero (the runner's #DIV/0!).
  const geometric = unless(b, "=", -1, error("divisionByZero"), bin("-", div(bin("+", ONE, a.node), bin("+", ONE, b.node)), ONE));
  if (method.literal !== undefined) return method.literal === "geometric" ? geometric : arithmetic;
  // A method in a cell: empty takes the default; Excel's "=" ignores case, as the runner does.
  const m = method.node;
  return call(
    "IF",
    bin("+", bin("=", m, text("")), bin("=", m, text("arithmetic"))),
    arithmetic,
    call("IF", bin("=", m, text("geometric")), geometric, error("invalidValue"))
  );
}

const FORMS: [AnyFunctionSpec, (args: ArgValue[]) => FormulaNode][] = [
  [compute.TRAINFLOPS, ([p, t, k]) => mul(p.node, t.node, k.node)],
  [compute.INFERFLOPS, ([p, t, k]) => mul(p.node, t.node, k.node)],
  [compute.PFDAYS, ([f]) => div(f.node, num(FLOP_PER_PF_DAY))],
  [compute.FLOPFROMPFDAYS, ([d]) => mul(d.node, num(FLOP_PER_PF_DAY))],
  [compute.TRAINDAYS, ([f, c, p, u]) => div(div(f.node, mul(c.node, p.node, u.node)), num(SECONDS_PER_DAY))],
  [compute.CHIPSNEEDED, ([f, d, p, u]) => div(f.node, mul(d.node, num(SECONDS_PER_DAY), p.node, u.node))],
  [compute.CHIPHOURS, ([f, p, u]) => div(div(f.node, mul(p.node, u.node)), num(SECONDS_PER_HOUR))],
  [compute.TRAINCOST, ([f, p, price, u]) => mul(div(div(f.node, mul(p.node, u.node)), num(SECONDS_PER_HOUR)), price.node)],
  [compute.CHINCHILLATOKENS, ([p, t]) => mul(p.node, t.node)],
  [compute.OPTIMALPARAMS, ([f, t]) => call("SQRT", div(f.node, mul(num(TRAIN_FLOP_PER_PARAM_TOKEN), t.node)))],
  [compute.COMPUTEGROWTH, ([m, d]) => bin("^", num(2), div(m.node, d.node))],
  // A growth factor of 1 never doubles: the runner's #DIV/0!.
  [compute.DOUBLINGTIME, ([g, m]) => unless(g, "=", 1, error("divisionByZero"), div(m.node, call("LOG", g.node, num(2))))],
  [returns.RELRETURN, relReturn],
  [returns.PCTCHANGE, ([s, e]) => bin("-", div(e.node, s.node), ONE)],
  [returns.CAGR, ([s, e, y]) => unless(e, "<", 0, error("invalidValue"), bin("-", bin("^", div(e.node, s.node), div(ONE, y.node)), ONE))],
];

/** Native forms by function id. */
export const NATIVE_FORMS: ReadonlyMap<string, NativeForm> = new Map(FORMS.map(([spec, body]) => [spec.id, { spec, body }]));
