/**
 * The bridge between Excel and core: converts arguments through the shared runner and turns a
 * core CellError into the CustomFunctions.Error Excel displays (with its message).
 */
import { CellError, isCellError } from "../core/errors";
import {
  checkArgs,
  checkNumberArgs,
  finish,
  invokeArgs,
  type AnyFunctionSpec,
  type ArgsOf,
  type DefinedFunction,
  type Matrix,
  type NumberParam,
  type ParamSpec,
  type Result,
} from "../core/spec";
import { epochLoaded } from "../data/epoch-cache";
import { loadEpochFromFeed } from "./epoch-feed";

function excelError(e: CellError): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[e.code], e.message);
}

function unwrap(out: Result): number | string | Matrix {
  if (typeof out === "number") return out; // the common case, before any instanceof
  if (isCellError(out)) throw excelError(out);
  return out;
}

/**
 * The checked arguments of a call (see checkArgs), or throws the Excel error. The wrapper then
 * calls the implementation itself, so each function has its own, monomorphic call site.
 */
export function args<P extends readonly ParamSpec[]>(spec: DefinedFunction<P>, a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown): ArgsOf<P> {
  const a = checkArgs(spec, a0, a1, a2, a3);
  if (!Array.isArray(a)) throw excelError(a as CellError); // Array.isArray is cheaper than instanceof on this hot path
  return a;
}

/** args() for a function whose parameters are all numbers: the arguments come back unboxed, in a Float64Array. */
export function nums(spec: DefinedFunction<readonly NumberParam[]>, a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown): Float64Array {
  const a = checkNumberArgs(spec, a0, a1, a2, a3);
  if (a instanceof Float64Array) return a;
  throw excelError(a);
}

/** An implementation's result as Excel takes it: a finite number as it is, else #NUM! or the error. */
export function result(spec: AnyFunctionSpec, out: Result): number | string | Matrix {
  if (typeof out === "number" && out - out === 0) return out; // finite: x - x is NaN for ±Infinity and NaN
  return unwrap(finish(spec, out));
}

/**
 * The arguments one by one, not as an array (up to four; see invokeArgs): an array literal of
 * numbers only is stored unboxed, and reading it back in this shared code was most of a call's
 * cost (npm run bench, bench/README.md).
 */
export function run(spec: AnyFunctionSpec, a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown): number | string | Matrix {
  return unwrap(invokeArgs(spec, a0, a1, a2, a3));
}

/**
 * Like run, for functions that can also answer from Epoch AI's table: when the bundled data
 * says #N/A and that table is not loaded yet, load it from the feed and answer asynchronously.
 */
export function runWithEpoch(
  spec: AnyFunctionSpec,
  a0?: unknown,
  a1?: unknown,
  a2?: unknown,
  a3?: unknown
): number | string | Matrix | Promise<number | string | Matrix> {
  const out = invokeArgs(spec, a0, a1, a2, a3);
  if (!(isCellError(out) && out.code === "notAvailable") || epochLoaded()) return unwrap(out);
  return loadEpochFromFeed().then((problem) => {
    const again = invokeArgs(spec, a0, a1, a2, a3);
    if (problem !== null && isCellError(again)) return unwrap(new CellError(again.code, `${again.message} (Epoch AI's table: ${problem})`));
    return unwrap(again);
  });
}
