/** Whether a portable formula gave the same result as the AI formula it replaced. */

/** A cell's result as any engine reports it: a value, empty (null), or an error by its text (#VALUE!). */
export type CellResult = number | string | boolean | null | { error: string };

/**
 * Same result: equal errors (by code), equal text and logicals, and numbers within a relative
 * difference (default 1e-12: the native arithmetic repeats the implementation's operations, but
 * LOG(x,2) and Math.log2 may differ in the last bits).
 * @example sameResult(3.15e23, 3.1500000000000001e23) // true
 */
export function sameResult(a: CellResult, b: CellResult, relTolerance = 1e-12): boolean {
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) return true;
    return Math.abs(a - b) <= relTolerance * Math.max(Math.abs(a), Math.abs(b));
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") return a.error === b.error;
  return a === b;
}
