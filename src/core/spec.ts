/**
 * Function parameters as data, and the one runner that checks them (the HyperFormula
 * FunctionPlugin pattern): each function declares its parameters (kind, default, bounds) next
 * to a small pure implementation; nobody re-checks arguments by hand.
 */
import { CellError, isCellError, numError, valueError } from "./errors";
import { parseReportNumber } from "./parse";
import { broadcastShape, elementAt, isGrid, type Shape } from "./broadcast";

export interface NumberParam {
  readonly name: string;
  readonly kind: "number";
  /** Present means optional: Excel passes null for an omitted argument, which takes this. */
  readonly default?: number;
  /** Inclusive lower bound. */
  readonly min?: number;
  /** Exclusive lower bound ("must be greater than"). */
  readonly above?: number;
  /** Inclusive upper bound. */
  readonly max?: number;
}

export interface TextParam {
  readonly name: string;
  readonly kind: "text";
  readonly default?: string;
  /** Allowed values, matched ignoring case; the value passed on is the canonical spelling. */
  readonly choices?: readonly string[];
}

/** A boolean flag (TRUE/FALSE in Excel; 1/0 accepted). */
export interface BoolParam {
  readonly name: string;
  readonly kind: "boolean";
  readonly default?: boolean;
}

/** Any scalar (used by functions that read text *or* numbers, e.g. PARSENUM). */
export interface AnyParam {
  readonly name: string;
  readonly kind: "any";
}

export type ParamSpec = NumberParam | TextParam | BoolParam | AnyParam;

/** What a cell can receive back: a number, text, a matrix that spills, or an error value. */
export type Scalar = number | string | boolean;
/** One element of a spilled result: a value, or that element's own error (Excel shows it in its cell). */
export type Cell = Scalar | CellError;
export type Matrix = Cell[][];
export type Result = number | string | Matrix | CellError;

type ArgOf<P> = P extends NumberParam ? number : P extends TextParam ? string : P extends BoolParam ? boolean : P extends AnyParam ? Scalar : never;
export type ArgsOf<P extends readonly ParamSpec[]> = { -readonly [K in keyof P]: ArgOf<P[K]> };

export interface FunctionSpec<P extends readonly ParamSpec[] = readonly ParamSpec[]> {
  /** The Excel name without the namespace: "TRAINFLOPS" is =AI.TRAINFLOPS. */
  readonly id: string;
  readonly params: P;
  /**
   * "matrix" results spill whatever the arguments (AI.DATASET). The others return one value
   * for single values, and spill one value per element when an argument is a range (broadcast.ts).
   */
  readonly returns: "number" | "text" | "matrix";
  readonly impl: (...args: ArgsOf<P>) => Result;
}

/** A declared function: its spec plus the checks prepared from its parameter list. */
export type DefinedFunction<P extends readonly ParamSpec[]> = FunctionSpec<P> & { readonly checks: PreparedChecks };

/** Any declared function, whatever its parameter list (implementations are contravariant in their arguments). */
export interface AnyFunctionSpec {
  readonly id: string;
  readonly params: readonly ParamSpec[];
  readonly returns: "number" | "text" | "matrix";
  readonly impl: (...args: never[]) => Result;
  readonly checks: PreparedChecks;
}

/** Declares a function; the generic ties the implementation's argument types to the parameter list. */
export function defineFunction<const P extends readonly ParamSpec[]>(spec: FunctionSpec<P>): DefinedFunction<P> {
  return { ...spec, checks: new PreparedChecks(spec.params, spec.returns !== "matrix") };
}

export function isOptional(p: ParamSpec): boolean {
  return p.kind !== "any" && p.default !== undefined;
}

/** Human description of a number's bounds, e.g. "greater than 0 and at most 1". */
export function describeBounds(p: NumberParam): string {
  const parts: string[] = [];
  if (p.above !== undefined) parts.push(`greater than ${p.above}`);
  if (p.min !== undefined) parts.push(`at least ${p.min}`);
  if (p.max !== undefined) parts.push(`at most ${p.max}`);
  return parts.join(" and ");
}

function shown(raw: unknown): string {
  if (typeof raw === "string") return `"${raw.length > 40 ? raw.slice(0, 40) + "…" : raw}"`;
  return String(raw);
}

/**
 * Unwraps a 1×1 range; a larger range is #VALUE!. Reached for the arguments of the functions that
 * return a table (AI.DATASET("id") spills the table: a range of ids would be a table per id,
 * which one cell cannot show), and for an element of a range that is itself an array.
 */
function single(p: ParamSpec, raw: unknown): unknown {
  if (!Array.isArray(raw)) return raw;
  const rows = raw.length;
  const cols = rows > 0 && Array.isArray(raw[0]) ? (raw[0] as unknown[]).length : 0;
  if (rows === 1 && cols === 1) return (raw[0] as unknown[])[0];
  return valueError(`${p.name} takes a single value, got a ${rows}×${cols} range`);
}

/**
 * An argument outside its domain is #VALUE! with a message naming the argument and the bound,
 * not #NUM!: Excel shows a custom message only for #VALUE! and #N/A (CustomFunctions.ErrorCode
 * docs), and the message is what tells an analyst what to fix. #NUM! is kept for results that
 * cannot be represented (overflow).
 */
function checkNumber(p: NumberParam, raw: unknown): number | CellError {
  let v: number;
  if (typeof raw === "number") {
    v = raw;
  } else if (raw === null || raw === undefined || raw === "") {
    if (p.default !== undefined) return p.default;
    return valueError(`${p.name} is required`);
  } else if (typeof raw === "string") {
    // Text that reads as a number the way reports write it ("1750 亿", "18. 41%") is accepted.
    const parsed = parseReportNumber(raw);
    if (isCellError(parsed)) return valueError(`${p.name} must be a number, got text ${shown(raw)}`);
    v = parsed;
  } else if (isCellError(raw)) {
    return raw;
  } else if (Array.isArray(raw)) {
    const one = single(p, raw);
    return isCellError(one) ? one : checkNumber(p, one);
  } else {
    return valueError(`${p.name} must be a number, got ${shown(raw)}`);
  }
  if (!Number.isFinite(v)) return numError(`${p.name} must be a finite number`);
  if ((p.above !== undefined && !(v > p.above)) || (p.min !== undefined && v < p.min) || (p.max !== undefined && v > p.max)) {
    return valueError(`${p.name} must be ${describeBounds(p)}, got ${v}`);
  }
  return v;
}

function checkText(p: TextParam, raw: unknown): string | CellError {
  if (raw === null || raw === undefined || raw === "") {
    if (p.default !== undefined) return p.default;
    return valueError(`${p.name} is required`);
  }
  if (isCellError(raw)) return raw;
  if (Array.isArray(raw)) {
    const one = single(p, raw);
    return isCellError(one) ? one : checkText(p, one);
  }
  const s = typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : null;
  if (s === null) return valueError(`${p.name} must be text, got ${shown(raw)}`);
  if (!p.choices) return s;
  const lower = s.toLowerCase();
  const hit = p.choices.find((c) => c.toLowerCase() === lower);
  return hit ?? valueError(`${p.name} must be one of ${p.choices.map((c) => `"${c}"`).join(", ")}, got ${shown(raw)}`);
}

function checkBool(p: BoolParam, raw: unknown): boolean | CellError {
  if (raw === null || raw === undefined || raw === "") {
    if (p.default !== undefined) return p.default;
    return valueError(`${p.name} is required`);
  }
  if (typeof raw === "boolean") return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  if (isCellError(raw)) return raw;
  if (Array.isArray(raw)) {
    const one = single(p, raw);
    return isCellError(one) ? one : checkBool(p, one);
  }
  if (typeof raw === "string") {
    const l = raw.trim().toLowerCase();
    if (l === "true") return true;
    if (l === "false") return false;
  }
  return valueError(`${p.name} must be TRUE or FALSE, got ${shown(raw)}`);
}

function checkAny(p: AnyParam, raw: unknown): Scalar | CellError {
  if (Array.isArray(raw)) return single(p, raw) as Scalar | CellError;
  if (raw === null || raw === undefined) return valueError(`${p.name} is required`);
  if (typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean" || isCellError(raw)) return raw;
  return valueError(`${p.name} must be a single value`);
}

/** Converts one raw argument (as Excel or HyperFormula passes it) for its parameter. */
export function convertArg(p: ParamSpec, raw: unknown): Scalar | CellError {
  switch (p.kind) {
    case "number":
      return checkNumber(p, raw);
    case "text":
      return checkText(p, raw);
    case "boolean":
      return checkBool(p, raw);
    case "any":
      return checkAny(p, raw);
  }
}

/**
 * A spec's checks prepared once, for the hot path: each parameter's bounds in a typed array and
 * its default by position, so a call reads no parameter objects (their shapes differ from one
 * parameter to the next, which makes every property read megamorphic). An exclusive lower bound
 * is folded into an inclusive one, the next double up (x > a exactly when x ≥ nextUp(a)), so a
 * number takes two comparisons. Absent bounds are ±Number.MAX_VALUE, so the test also turns
 * away NaN and ±Infinity; a parameter that is not a number gets bounds no number passes.
 * Whatever the test turns away goes through convertArg, so a bound here can only be stricter
 * than the real one, never looser.
 */
export class PreparedChecks {
  /** Lowest and highest accepted value (both inclusive) of parameter i at 2i and 2i+1. */
  readonly bounds: Float64Array;
  /** 1 where parameter i has a default (taken when Excel passes null for it). */
  readonly hasDefault: Uint8Array;
  readonly defaults: readonly Scalar[];
  /** The defaults of number parameters, unboxed (NaN where there is none). */
  readonly numberDefaults: Float64Array;
  /** True when every parameter is a number (the broadcast loop then keeps the elements unboxed). */
  readonly allNumbers: boolean;
  /**
   * @param spreads a range in any argument broadcasts (false for the functions that return a
   *   table, whose arguments take single values)
   */
  constructor(
    readonly params: readonly ParamSpec[],
    readonly spreads = true
  ) {
    this.allNumbers = params.every((p) => p.kind === "number");
    const n = params.length;
    this.bounds = new Float64Array(2 * n);
    this.hasDefault = new Uint8Array(n);
    const defaults: Scalar[] = [];
    params.forEach((p, i) => {
      this.bounds[2 * i] = p.kind === "number" ? Math.max(p.min ?? -Number.MAX_VALUE, p.above !== undefined ? nextUp(p.above) : -Number.MAX_VALUE) : Infinity;
      this.bounds[2 * i + 1] = p.kind === "number" ? (p.max ?? Number.MAX_VALUE) : -Infinity;
      const d = p.kind === "any" ? undefined : p.default;
      this.hasDefault[i] = d === undefined ? 0 : 1;
      defaults.push(d === undefined ? 0 : d);
    });
    this.defaults = defaults;
    this.numberDefaults = Float64Array.from(params, (p) => (p.kind === "number" && p.default !== undefined ? p.default : NaN));
  }
}

const BITS = new DataView(new ArrayBuffer(8));

/** The smallest double greater than x, for a finite x (by its bits: doubles are sign and magnitude). */
export function nextUp(x: number): number {
  if (!Number.isFinite(x)) throw new Error(`nextUp: ${x} is not finite`);
  if (x === 0) return Number.MIN_VALUE;
  BITS.setFloat64(0, x);
  const hi = BITS.getUint32(0);
  const lo = BITS.getUint32(4);
  // A positive number grows with its bits, a negative one shrinks towards zero.
  if (x > 0) {
    BITS.setUint32(4, (lo + 1) >>> 0);
    if (lo === 0xffffffff) BITS.setUint32(0, hi + 1);
  } else {
    BITS.setUint32(4, (lo - 1) >>> 0);
    if (lo === 0) BITS.setUint32(0, hi - 1);
  }
  return BITS.getFloat64(0);
}

function inBounds(b: Float64Array, i: number, raw: unknown): raw is number {
  return typeof raw === "number" && raw >= b[2 * i] && raw <= b[2 * i + 1];
}

/**
 * Argument i. The two common cases are answered at once, with exactly what convertArg returns
 * for them: a finite number inside a number parameter's bounds is itself, and null (an omitted
 * argument) takes the default. Everything else goes through convertArg, messages included.
 */
function check(c: PreparedChecks, i: number, raw: unknown): Scalar | CellError {
  if (inBounds(c.bounds, i, raw)) return raw;
  if (raw === null && c.hasDefault[i] === 1) return c.defaults[i];
  return convertArg(c.params[i], raw);
}

/** A non-finite number is #NUM! (overflow); anything else passes. */
export function finish(spec: AnyFunctionSpec, out: Result): Result {
  if (typeof out === "number" && !Number.isFinite(out)) {
    return numError(`AI.${spec.id}: the result is too large to represent (overflow)`);
  }
  return out;
}

/**
 * Runs a function on raw arguments: converts each (the first error wins, passed through
 * unchanged), calls the implementation, and turns a non-finite result into #NUM!.
 */
export function invoke(spec: AnyFunctionSpec, raw: ArrayLike<unknown>): Result {
  const n = spec.params.length;
  if (raw.length > n) return valueError(`AI.${spec.id} takes at most ${n} arguments, got ${raw.length}`);
  if (n <= 4) return invokeArgs(spec, raw[0], raw[1], raw[2], raw[3]);
  if (spec.checks.spreads && Array.prototype.some.call(raw, isGrid)) return spread(spec, raw);
  const c = spec.checks;
  // Safe: each argument was converted for its parameter, the types ArgsOf<P> promised the implementation.
  const impl = spec.impl as unknown as (...a: Scalar[]) => Result;
  const args: Scalar[] = [];
  for (let i = 0; i < n; i++) {
    const v = check(c, i, raw[i]);
    if (isCellError(v)) return v;
    args.push(v);
  }
  return finish(spec, impl(...args));
}

/**
 * invoke() with the arguments one by one, as the Excel wrappers pass them: no argument array
 * is built or read (an array of numbers only is stored unboxed, and reading it back in this
 * shared code costs more than the checks). Up to four parameters; more go through invoke().
 */
export function invokeArgs(spec: AnyFunctionSpec, r0?: unknown, r1?: unknown, r2?: unknown, r3?: unknown): Result {
  const n = spec.params.length;
  if (n > 4) return invoke(spec, [r0, r1, r2, r3]);
  const a = checkArgs(spec, r0, r1, r2, r3) as Scalar[] | CellError | null;
  if (a === null) return spread(spec, [r0, r1, r2, r3].slice(0, n));
  if (isCellError(a)) return a;
  // Safe: each argument was converted for its parameter, the types ArgsOf<P> promised the implementation.
  const impl = spec.impl as unknown as (...a: Scalar[]) => Result;
  switch (n) {
    case 0:
      return finish(spec, impl());
    case 1:
      return finish(spec, impl(a[0]));
    case 2:
      return finish(spec, impl(a[0], a[1]));
    case 3:
      return finish(spec, impl(a[0], a[1], a[2]));
    default:
      return finish(spec, impl(a[0], a[1], a[2], a[3]));
  }
}

// Reused by every call: the arguments are consumed before the next call starts (calls are synchronous).
const SCRATCH: Scalar[] = [0, 0, 0, 0];

/**
 * The checked arguments of one call, for a caller that then calls the implementation itself
 * (the Excel wrappers: a call site per function keeps that call monomorphic, which a shared
 * runner cannot). Returns the first error instead, and null when an argument is a range to
 * broadcast (call spread()). Up to four parameters; the result is only valid until the next call.
 */
export function checkArgs<P extends readonly ParamSpec[]>(
  spec: { readonly id: string; readonly params: P; readonly checks: PreparedChecks },
  r0?: unknown,
  r1?: unknown,
  r2?: unknown,
  r3?: unknown
): ArgsOf<P> | CellError | null {
  const c = spec.checks;
  const n = spec.params.length;
  // Safe: SCRATCH[i] was converted for params[i], which is what ArgsOf<P> says it holds.
  if (n <= 4 && (n < 1 || quick(c, 0, r0)) && (n < 2 || quick(c, 1, r1)) && (n < 3 || quick(c, 2, r2)) && (n < 4 || quick(c, 3, r3)))
    return SCRATCH as unknown as ArgsOf<P>;
  return argsSlow(spec, [r0, r1, r2, r3], SCRATCH) as ArgsOf<P> | CellError | null;
}

/**
 * Every argument through check() into `into` (SCRATCH, or NUMBERS for an all-number function):
 * text to convert such as "1750 亿", and the first error. Null when an argument is a range and
 * the function broadcasts: the fast paths turn every array away (it is not a number), so the
 * check for ranges costs nothing to a call with single values.
 */
function argsSlow<T extends Scalar[] | Float64Array>(
  spec: { readonly id: string; readonly params: readonly ParamSpec[]; readonly checks: PreparedChecks },
  raw: readonly unknown[],
  into: T
): T | CellError | null {
  const n = spec.params.length;
  if (n > 4) throw new Error(`AI.${spec.id} has more than four parameters, more than checkArgs takes`);
  if (spec.checks.spreads) for (let i = 0; i < n; i++) if (isGrid(raw[i])) return null;
  for (let i = 0; i < n; i++) {
    const v = check(spec.checks, i, raw[i]);
    if (isCellError(v)) return v;
    // Safe for NUMBERS: it only serves all-number functions, and check() gives a number parameter a number.
    (into as Scalar[])[i] = v;
  }
  return into;
}

/**
 * The two common cases, decided without a call into check(): a number inside its bounds, and an
 * omitted argument (Excel passes null) that has a default. Writes SCRATCH[i] and says whether it did.
 */
function quick(c: PreparedChecks, i: number, raw: unknown): boolean {
  if (inBounds(c.bounds, i, raw)) {
    SCRATCH[i] = raw;
    return true;
  }
  if (raw === null && c.hasDefault[i] === 1) {
    SCRATCH[i] = c.defaults[i];
    return true;
  }
  return false;
}

// Numbers only, as raw doubles. SCRATCH also holds text, so every element written to it or read from it is a tagged value.
const NUMBERS = new Float64Array(4);

/**
 * checkArgs for a function whose parameters are all numbers, into a Float64Array: its elements
 * are stored and read as raw doubles, with no type check and no boxing. Same checks, same errors
 * as checkArgs. The common case
 * (every argument a number inside its bounds, or omitted with a default) is kept small enough
 * for V8 to inline into each wrapper; anything else goes through argsSlow.
 */
export function checkNumberArgs(
  spec: { readonly id: string; readonly params: readonly NumberParam[]; readonly checks: PreparedChecks },
  r0?: unknown,
  r1?: unknown,
  r2?: unknown,
  r3?: unknown
): Float64Array | CellError | null {
  const c = spec.checks;
  const n = spec.params.length;
  if (n <= 4 && (n < 1 || putNumber(c, 0, r0)) && (n < 2 || putNumber(c, 1, r1)) && (n < 3 || putNumber(c, 2, r2)) && (n < 4 || putNumber(c, 3, r3)))
    return NUMBERS;
  return argsSlow(spec, [r0, r1, r2, r3], NUMBERS);
}

/** The common cases of argument i of an all-number function, into NUMBERS[i]; false for anything else. */
function putNumber(c: PreparedChecks, i: number, raw: unknown): boolean {
  if (inBounds(c.bounds, i, raw)) {
    NUMBERS[i] = raw;
    return true;
  }
  if (raw === null && c.hasDefault[i] === 1) {
    NUMBERS[i] = c.numberDefaults[i];
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Ranges: every function but the table functions broadcasts its arguments (broadcast.ts) and
// spills one result per element.

const NAMES = new WeakMap<PreparedChecks, readonly string[]>();

function namesOf(c: PreparedChecks): readonly string[] {
  let names = NAMES.get(c);
  if (!names) NAMES.set(c, (names = c.params.map((p) => p.name)));
  return names;
}

const asIs = (e: CellError): CellError => e;

/**
 * A function over ranges: the arguments broadcast (a single value pairs with every element, a
 * column against a row gives the grid) and the function runs once per element, with the same
 * checks and messages as a call with single values. An element's error stays in that element
 * (`mapError` turns it into what the host shows: CustomFunctions.Error in Excel, Office
 * documents error elements in a returned array, learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors);
 * the other elements keep their values. An empty cell (null or "") follows the parameter's rule
 * for an omitted argument: its default, or #VALUE! "… is required". Shapes that cannot pair:
 * one #VALUE! naming both. Always a matrix (a 1×1 range gives a 1×1 result).
 */
export function spread<E = CellError>(spec: AnyFunctionSpec, raw: ArrayLike<unknown>, mapError?: (e: CellError) => E): (Scalar | E)[][] | CellError {
  const n = spec.params.length;
  if (raw.length > n) return valueError(`AI.${spec.id} takes at most ${n} arguments, got ${raw.length}`);
  const shape = broadcastShape(namesOf(spec.checks), raw);
  if (shape instanceof CellError) return shape;
  const toError = (mapError ?? asIs) as (e: CellError) => E | CellError;
  const s = shape ?? { rows: 1, cols: 1 };
  // Flat lists (a JavaScript caller's) become one row, so every argument below is a scalar or rows of cells.
  const args: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const a = raw[i];
    args.push(isGrid(a) && !Array.isArray(a[0]) ? [a] : a);
  }
  const out = spec.checks.allNumbers && spec.returns === "number" && n <= 4 ? spreadNumbers(spec, args, s, toError) : spreadAny(spec, args, s, toError);
  return out as (Scalar | E)[][];
}

/** An element's result as a cell: a value, or its error through toError. */
function cellOf<E>(out: Result, toError: (e: CellError) => E): Scalar | E {
  if (isCellError(out)) return toError(out);
  if (Array.isArray(out)) return toError(valueError("an element's result is itself an array")); // only the table functions return arrays, and they do not broadcast
  return out;
}

// The elements of one position, reused (calls are synchronous).
const ELEMENT_NUMBERS = new Float64Array(4);

function spreadAny<E>(spec: AnyFunctionSpec, args: readonly unknown[], s: Shape, toError: (e: CellError) => E): (Scalar | E)[][] {
  const n = args.length;
  const c = spec.checks;
  const names = namesOf(c);
  // Safe: each argument is converted for its parameter below, the types ArgsOf<P> promised the implementation.
  const impl = spec.impl as unknown as (...a: Scalar[]) => Result;
  // A single value pairs with every element: converted once per call, not once per element (issue 21:
  // a 32,767-character text beside 10,000 rows was parsed 10,000 times).
  const once: (Scalar | CellError | undefined)[] = args.map((a, i) => (isGrid(a) ? undefined : check(c, i, a)));
  const out: (Scalar | E)[][] = new Array<(Scalar | E)[]>(s.rows);
  const x: Scalar[] = new Array<Scalar>(n);
  for (let r = 0; r < s.rows; r++) {
    const row: (Scalar | E)[] = new Array<Scalar | E>(s.cols);
    for (let col = 0; col < s.cols; col++) {
      let error: CellError | null = null;
      for (let i = 0; i < n; i++) {
        let v = once[i];
        if (v === undefined) {
          const e = elementAt(args[i], r, col);
          v = isGrid(e) ? valueError(`${names[i]} takes single values, got an array inside an array`) : check(c, i, e);
        }
        if (isCellError(v)) {
          error = v; // the first error in argument order, as for single values
          break;
        }
        x[i] = v;
      }
      row[col] = error !== null ? toError(error) : cellOf(finish(spec, impl(...x)), toError);
    }
    out[r] = row;
  }
  return out;
}

/**
 * spreadAny for a function whose parameters are all numbers: the elements are read straight
 * from the rows (no element array), checked against the prepared bounds and kept unboxed, and
 * the implementation is called once per element. What the bounds turn away goes through check()
 * (text such as "1750 亿", empty cells, errors, messages), exactly as for single values.
 */
function spreadNumbers<E>(spec: AnyFunctionSpec, args: readonly unknown[], s: Shape, toError: (e: CellError) => E): (number | E)[][] {
  const c = spec.checks;
  const b = c.bounds;
  const n = args.length;
  // Safe: every parameter is a number, so the implementation takes numbers (extra arguments are ignored).
  const impl = spec.impl as unknown as (a: number, b: number, c: number, d: number) => Result;
  const grids: ((readonly unknown[])[] | null)[] = [];
  // A single value is converted once per call, not per element ("1750 亿" beside 10,000 rows).
  const scalars: (number | CellError)[] = [];
  const rowStep = new Uint8Array(4);
  const colStep = new Uint8Array(4);
  for (let i = 0; i < n; i++) {
    const a = args[i];
    if (isGrid(a)) {
      const g = a as (readonly unknown[])[];
      grids.push(g);
      scalars.push(0);
      rowStep[i] = g.length === 1 ? 0 : 1;
      colStep[i] = g[0].length === 1 ? 0 : 1;
    } else {
      grids.push(null);
      scalars.push(check(c, i, a) as number | CellError); // check() gives a number parameter a number or an error
    }
  }
  const x = ELEMENT_NUMBERS;
  x.fill(0);
  const out: (number | E)[][] = new Array<(number | E)[]>(s.rows);
  for (let r = 0; r < s.rows; r++) {
    const row: (number | E)[] = new Array<number | E>(s.cols);
    for (let col = 0; col < s.cols; col++) {
      let error: CellError | null = null;
      for (let i = 0; i < n; i++) {
        const g = grids[i];
        if (g === null) {
          const k = scalars[i];
          if (typeof k !== "number") {
            error = k;
            break;
          }
          x[i] = k;
          continue;
        }
        const v = g[rowStep[i] * r][colStep[i] * col];
        if (typeof v === "number" && v >= b[2 * i] && v <= b[2 * i + 1]) {
          x[i] = v;
          continue;
        }
        const k = isGrid(v) ? valueError(`${c.params[i].name} takes single values, got an array inside an array`) : check(c, i, v);
        if (isCellError(k)) {
          error = k;
          break;
        }
        x[i] = k as number; // check() gives a number parameter a number
      }
      if (error !== null) {
        row[col] = toError(error);
        continue;
      }
      const y = impl(x[0], x[1], x[2], x[3]);
      row[col] = typeof y === "number" && y - y === 0 ? y : (cellOf(finish(spec, y), toError) as number | E);
    }
    out[r] = row;
  }
  return out;
}
