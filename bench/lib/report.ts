import * as v8 from "v8";
import * as vm from "vm";

/**
 * The shapes every bench section returns, and small helpers for timing and formatting.
 * A section never throws to the runner: it returns figures (null where not measured) and the
 * reason for each null, so one broken part cannot hide the others.
 */

/** A figure of the final JSON line: a number, a per-function table, a list, or null (n/a). */
export type Figure = number | string | null | Readonly<Record<string, number | null>> | readonly unknown[];

/** One line of the human-readable table. */
export interface Row {
  section: string;
  what: string;
  value: string;
  baseline?: string;
  ratio?: string;
  budget?: string;
  /** "ok", "MISSED", or "" when there is no budget. */
  status?: string;
}

export interface Budget {
  key: string;
  value: number | null;
  /** The figure must stay strictly below (or at most, when inclusive) this limit. */
  limit: number;
  inclusive: boolean;
  /** How the limit reads in the table, e.g. "< 3x". */
  text: string;
}

export interface SectionResult {
  figures: Record<string, Figure>;
  rows: Row[];
  /** Why a figure is null, keyed like the figure. */
  na: Record<string, string>;
  budgets: Budget[];
  notes: string[];
}

export function emptyResult(): SectionResult {
  return { figures: {}, rows: [], na: {}, budgets: [], notes: [] };
}

/** Marks every key n/a for one reason (a section that could not run at all). */
export function allNa(section: string, keys: readonly string[], reason: string): SectionResult {
  const r = emptyResult();
  for (const k of keys) {
    r.figures[k] = null;
    r.na[k] = reason;
  }
  r.rows.push({ section, what: keys.join(", "), value: "n/a", status: "", budget: "", baseline: reason });
  return r;
}

export function budgetStatus(b: Budget): string {
  if (b.value === null) return "n/a";
  const ok = b.inclusive ? b.value <= b.limit : b.value < b.limit;
  return ok ? "ok" : "MISSED";
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds since an arbitrary origin, with sub-microsecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message.split("\n")[0];
  return String(e);
}

/** 1234567 → "1,234,567"; 12.345 → "12.3". */
export function fmtNum(x: number | null, digits = 0): string {
  if (x === null || !Number.isFinite(x)) return "n/a";
  return x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function fmtRatio(x: number | null): string {
  return x === null || !Number.isFinite(x) ? "n/a" : `${x.toFixed(2)}x`;
}

export function fmtBytes(x: number | null): string {
  if (x === null) return "n/a";
  return `${fmtNum(x)} B (${(x / 1000).toFixed(1)} KB)`;
}

/** Rejects after ms with a clear message; the work itself is not cancelled. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

let gcFn: ((options: { type: "minor" | "major" }) => void) | null | undefined;

/**
 * A young-generation garbage collection (well under a millisecond), so that one trial does not
 * pay for the short-lived garbage of the one before.
 * `node bench/run.js` has no --expose-gc; the flag is set at run time and gc() taken from a new
 * context (a no-op where that is not possible).
 */
export function collectGarbage(): void {
  if (gcFn === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      const fn: unknown = vm.runInNewContext("gc");
      gcFn = typeof fn === "function" ? (fn as (options: { type: "minor" | "major" }) => void) : null;
    } catch {
      gcFn = null;
    }
  }
  if (gcFn) gcFn({ type: "minor" });
}
