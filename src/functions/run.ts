/**
 * The bridge between Excel and core: converts arguments through the shared runner and turns a
 * core CellError into the CustomFunctions.Error Excel displays (with its message).
 */
import { CellError, isCellError } from "../core/errors";
import { invoke, type AnyFunctionSpec, type Matrix, type Result } from "../core/spec";
import { epochLoaded } from "../data/epoch-cache";
import { loadEpochFromFeed } from "./epoch-feed";

function unwrap(out: Result): number | string | Matrix {
  if (isCellError(out)) throw new CustomFunctions.Error(CustomFunctions.ErrorCode[out.code], out.message);
  return out;
}

export function run(spec: AnyFunctionSpec, args: ArrayLike<unknown>): number | string | Matrix {
  return unwrap(invoke(spec, args));
}

/**
 * Like run, for functions that can also answer from Epoch AI's table: when the bundled data
 * says #N/A and that table is not loaded yet, load it from the feed and answer asynchronously.
 */
export function runWithEpoch(spec: AnyFunctionSpec, args: unknown[]): number | string | Matrix | Promise<number | string | Matrix> {
  const out = invoke(spec, args);
  if (!(isCellError(out) && out.code === "notAvailable") || epochLoaded()) return unwrap(out);
  return loadEpochFromFeed().then((problem) => {
    const again = invoke(spec, args);
    if (problem !== null && isCellError(again)) return unwrap(new CellError(again.code, `${again.message} (Epoch AI's table: ${problem})`));
    return unwrap(again);
  });
}
