/**
 * The bridge between Excel and core: converts arguments through the shared runner and turns a
 * core CellError into the CustomFunctions.Error Excel displays (with its message).
 */
import { isCellError } from "../core/errors";
import { invoke, type AnyFunctionSpec, type Matrix } from "../core/spec";

export function run(spec: AnyFunctionSpec, args: ArrayLike<unknown>): number | string | Matrix {
  const out = invoke(spec, args);
  if (isCellError(out)) throw new CustomFunctions.Error(CustomFunctions.ErrorCode[out.code], out.message);
  return out;
}
