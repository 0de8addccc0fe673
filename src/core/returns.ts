/** Relative performance: returns against a benchmark, percentage change, CAGR. Returns are decimals. */
import { defineFunction } from "./spec";
import { divError, valueError } from "./errors";

export type RelMethod = "arithmetic" | "geometric";

/**
 * Return relative to a benchmark. arithmetic: asset − benchmark (the report's 图1, in
 * percentage points); geometric: (1 + asset) ÷ (1 + benchmark) − 1.
 * @example relReturn(0.0047, -0.0085) // 0.0132 (computer index vs CSI 300, week of 2023-02-06)
 */
export function relReturn(asset: number, benchmark: number, method: RelMethod = "arithmetic"): number {
  return method === "geometric" ? (1 + asset) / (1 + benchmark) - 1 : asset - benchmark;
}

/** @example pctChange(100, 118.41) // 0.1841 */
export function pctChange(start: number, end: number): number {
  return end / start - 1;
}

/**
 * Compound annual growth rate: (end ÷ start)^(1 ÷ years) − 1.
 * @example cagr(155.2, 1271.4, 5) // ≈ 0.523 (China intelligent compute 2021→2026E, IDC)
 */
export function cagr(start: number, end: number, years: number): number {
  return Math.pow(end / start, 1 / years) - 1;
}

// A return below −100% is not a return: a price cannot fall below zero.
const RETURN = (name: string) => ({ name, kind: "number", min: -1 }) as const;

export const RELRETURN = defineFunction({
  id: "RELRETURN",
  params: [RETURN("asset_return"), RETURN("benchmark_return"), { name: "method", kind: "text", default: "arithmetic", choices: ["arithmetic", "geometric"] }],
  returns: "number",
  impl: (asset: number, benchmark: number, method: string) =>
    method === "geometric" && benchmark === -1
      ? divError("benchmark_return −100% has no geometric relative return (division by zero)")
      : relReturn(asset, benchmark, method as RelMethod),
});

export const PCTCHANGE = defineFunction({
  id: "PCTCHANGE",
  params: [
    { name: "start_value", kind: "number", above: 0 },
    { name: "end_value", kind: "number" },
  ],
  returns: "number",
  impl: pctChange,
});

export const CAGR = defineFunction({
  id: "CAGR",
  params: [
    { name: "start_value", kind: "number", above: 0 },
    { name: "end_value", kind: "number" },
    { name: "years", kind: "number", above: 0 },
  ],
  returns: "number",
  impl: (start: number, end: number, years: number) =>
    end < 0 ? valueError(`end_value must be at least 0 for a growth rate, got ${end}`) : cagr(start, end, years),
});
