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
  spread,
  type AnyFunctionSpec,
  type ArgsOf,
  type DefinedFunction,
  type NumberParam,
  type ParamSpec,
  type Result,
  type Scalar,
} from "../core/spec";
import { EPOCH_IDS, epochLoaded } from "../data/epoch-cache";
import { loadEpochFromFeed } from "./epoch-feed";

function excelError(e: CellError): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[e.code], e.message);
}

/** A spilled result as Excel takes it: values, and CustomFunctions.Error where an element failed. */
export type ExcelMatrix = (Scalar | CustomFunctions.Error)[][];

/** A core result as Excel takes it; `table`: a table function's result, which has no error elements to look for. */
function unwrap(out: Result, table = false): number | string | ExcelMatrix {
  if (typeof out === "number") return out; // the common case, before any instanceof
  if (isCellError(out)) throw excelError(out);
  if (Array.isArray(out)) {
    // A range of lookups (AI.MODEL over a column) may hold errors; a table (AI.DATASET) does not.
    const anyError = !table && out.some((row) => row.some(isCellError));
    return anyError ? out.map((row) => row.map((c) => (isCellError(c) ? excelError(c) : c))) : (out as ExcelMatrix);
  }
  return out;
}

/**
 * The checked arguments of a call (see checkArgs), or throws the Excel error. The wrapper then
 * calls the implementation itself, so each function has its own, monomorphic call site. Null
 * when an argument is a range: the wrapper then answers with spill().
 */
export function args<P extends readonly ParamSpec[]>(spec: DefinedFunction<P>, a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown): ArgsOf<P> | null {
  const a = checkArgs(spec, a0, a1, a2, a3);
  if (Array.isArray(a)) return a; // Array.isArray is cheaper than instanceof on this hot path
  if (a === null) return null;
  throw excelError(a as CellError);
}

/** args() for a function whose parameters are all numbers: the arguments come back unboxed, in a Float64Array. */
export function nums(spec: DefinedFunction<readonly NumberParam[]>, a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown): Float64Array | null {
  const a = checkNumberArgs(spec, a0, a1, a2, a3);
  if (a instanceof Float64Array) return a;
  if (a === null) return null;
  throw excelError(a);
}

/**
 * A wrapper's answer when an argument is a range (Excel passes every argument of a matrix
 * parameter as a 2-D array, a single cell as [[v]]): the arguments broadcast, one result per
 * element, an element's error as a CustomFunctions.Error in its cell (Office's documented way to
 * return errors inside a spilled array: learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 * Shapes that cannot pair throw one #VALUE! naming both. T is the element type the metadata
 * declares (number[][] and the like, as in Office's own samples, which put CustomFunctions.Error
 * elements in a number[][]).
 */
export function spill<T>(spec: AnyFunctionSpec, a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown): T[][] {
  const out = spread(spec, [a0, a1, a2, a3].slice(0, spec.params.length), excelError);
  if (isCellError(out)) throw excelError(out);
  return out as unknown as T[][];
}

/** An implementation's result as Excel takes it: a finite number as it is, else #NUM! or the error. */
export function result(spec: AnyFunctionSpec, out: Result): number | string | ExcelMatrix {
  if (typeof out === "number" && out - out === 0) return out; // finite: x - x is NaN for ±Infinity and NaN
  return unwrap(finish(spec, out));
}

/**
 * The arguments one by one, not as an array (up to four; see invokeArgs): an array literal of
 * numbers only is stored unboxed, and reading it back in this shared code was most of a call's
 * cost (npm run bench, bench/README.md).
 */
export function run(spec: AnyFunctionSpec, a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown): number | string | ExcelMatrix {
  return unwrap(invokeArgs(spec, a0, a1, a2, a3), spec.returns === "matrix");
}

/**
 * Like run, for functions that can also answer from one of Epoch AI's tables (`epochId`:
 * epoch-models for AI.MODEL, epoch-accelerators for AI.CHIP, the id asked for by AI.DATASET;
 * null when none applies): when the bundled data says #N/A and that table is not loaded yet,
 * load it from the feed and answer asynchronously. A failed load gives the #N/A with its reason.
 */
export function runWithEpoch(
  spec: AnyFunctionSpec,
  epochId: string | null,
  a0?: unknown,
  a1?: unknown,
  a2?: unknown,
  a3?: unknown
): number | string | ExcelMatrix | Promise<number | string | ExcelMatrix> {
  const table = spec.returns === "matrix";
  const out = invokeArgs(spec, a0, a1, a2, a3);
  if (!hasNotAvailable(out, table) || epochId === null || epochLoaded(epochId)) return unwrap(out, table);
  return loadEpochFromFeed(epochId).then((problem) => {
    const again = invokeArgs(spec, a0, a1, a2, a3);
    return unwrap(problem === null ? again : withReason(again, `${epochId}: ${problem}`), table);
  });
}

/** #N/A, or a range of results with an #N/A in it (a name the bundled data lacks); a table is never looked into. */
function hasNotAvailable(out: Result, table: boolean): boolean {
  if (isCellError(out)) return out.code === "notAvailable";
  return !table && Array.isArray(out) && out.some((row) => row.some((c) => isCellError(c) && c.code === "notAvailable"));
}

/** Every error of a result, with why Epoch's table could not be loaded after its message. */
function withReason(out: Result, reason: string): Result {
  const add = (e: CellError): CellError => new CellError(e.code, `${e.message} (${reason})`);
  if (isCellError(out)) return add(out);
  if (Array.isArray(out)) return out.map((row) => row.map((c) => (isCellError(c) ? add(c) : c)));
  return out;
}

/** The Epoch table AI.DATASET(id) may need: the id itself when it is one, else none. A 1×1 range is its value. */
export function epochIdOf(id: unknown): string | null {
  if (Array.isArray(id) && id.length === 1 && Array.isArray(id[0]) && id[0].length === 1) id = id[0][0];
  if (typeof id !== "string") return null;
  const wanted = id.trim().toLowerCase();
  return EPOCH_IDS.includes(wanted) ? wanted : null;
}
