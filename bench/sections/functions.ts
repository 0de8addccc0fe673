/**
 * Section 1: calls per second of every AI function through its Excel-facing wrapper
 * (src/functions/functions.ts → run() → invoke(), argument checks included), against the same
 * function's bare arithmetic: its core implementation called with already-converted arguments
 * (for TRAINFLOPS that is 6·a·b). Same varying inputs, same call path, results accumulated.
 *
 * Both sides are called through one shared driver whose call site sees every function (it is
 * megamorphic, as the custom-functions runtime's dispatch is), so V8 can inline neither side
 * into the loop and the ratio measures the wrapper's own work, not an inlining accident.
 */
import { convertArg, invoke, type AnyFunctionSpec } from "../../src/core/spec";
import { isCellError, ERROR_TEXT } from "../../src/core/errors";
import { FUNCTIONS } from "../../src/functions/registry";
import { FUNCTION_DOCS } from "../../src/functions/docs";
import * as wrappers from "../../src/functions/functions";
import { budgetStatus, collectGarbage, emptyResult, errorText, fmtNum, fmtRatio, nowMs, type Budget, type SectionResult } from "../lib/report";

const SECTION = "functions";
export const FUNCTION_KEYS = [
  "fn_calls_per_sec",
  "fn_baseline_calls_per_sec",
  "fn_overhead_ratio",
  "fn_overhead_ratio_max",
  "fn_overhead_ratio_max_fn",
  "fn_arith_baseline_calls_per_sec",
  "range_elements",
  "range_elements_per_sec",
  "range_baseline_elements_per_sec",
  "range_overhead_ratio",
];

/** The widest argument list the driver passes; wrappers and implementations ignore the rest. */
const ARITY = 6;
/** Distinct inputs per function: enough to defeat caching, small enough to stay in L1/L2. */
const INPUTS = 1024;

type Fn = (...args: unknown[]) => unknown;
type Args = unknown[];

class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

/** The part of Excel's runtime the wrappers use: CustomFunctions.Error and ErrorCode. */
export function installFakeCustomFunctions(): void {
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  if (g.CustomFunctions) return;
  g.CustomFunctions = { Error: FakeCustomFunctionsError, ErrorCode: { ...ERROR_TEXT }, associate: () => undefined };
}

let sink = 0;

/** The one loop every measurement goes through. */
function drive(fn: Fn, inputs: readonly Args[], reps: number): number {
  let acc = 0;
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < inputs.length; i++) {
      const a = inputs[i];
      const out = fn(a[0], a[1], a[2], a[3], a[4], a[5]);
      acc += typeof out === "number" ? out : typeof out === "string" ? out.length : 1;
    }
  }
  return acc;
}

/** The loop for wrappers that return a Promise: each result awaited, as Excel awaits it. */
async function driveAsync(fn: Fn, inputs: readonly Args[], reps: number): Promise<number> {
  let acc = 0;
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < inputs.length; i++) {
      const a = inputs[i];
      const out: unknown = await fn(a[0], a[1], a[2], a[3], a[4], a[5]);
      acc += typeof out === "number" ? out : typeof out === "string" ? out.length : 1;
    }
  }
  return acc;
}

async function timeMsAsync(fn: Fn, inputs: readonly Args[], reps: number): Promise<number> {
  const t0 = nowMs();
  sink += await driveAsync(fn, inputs, reps);
  return nowMs() - t0;
}

function timeMs(fn: Fn, inputs: readonly Args[], reps: number): number {
  const t0 = nowMs();
  sink += drive(fn, inputs, reps);
  return nowMs() - t0;
}

/** Varies a documented example: numbers scaled by up to ±5 %, leading digits of text shifted. */
function vary(value: unknown, i: number): unknown {
  if (typeof value === "number") return value * (1 + ((i % 101) - 50) / 1000);
  if (typeof value === "string") {
    const m = /^(\d+)(.*)$/s.exec(value);
    if (m) return `${Number(m[1]) + (i % 100)}${m[2]}`;
  }
  return value;
}

function pad(args: readonly unknown[]): Args {
  const out = [...args];
  while (out.length < ARITY) out.push(null);
  return out;
}

export interface FunctionCase {
  id: string;
  wrapper: Fn;
  bare: Fn;
  raw: Args[];
  converted: Args[];
  /** The wrapper returns a Promise: timed with each call awaited. */
  async?: boolean;
}

/**
 * Inputs for one function from its documented example (omitted optional arguments as null,
 * as Excel passes them). A varied input the function refuses is replaced by the example.
 */
export function buildCase(spec: AnyFunctionSpec, wrapper: Fn, example: readonly unknown[], count = INPUTS): FunctionCase {
  const base: unknown[] = [...example];
  while (base.length < spec.params.length) base.push(null);
  if (isCellError(invoke(spec, base))) throw new Error(`the documented example is refused: ${String(invoke(spec, base))}`);
  const raw: Args[] = [];
  const converted: Args[] = [];
  for (let i = 0; i < count; i++) {
    let args = base.map((v) => vary(v, i));
    if (isCellError(invoke(spec, args))) args = base;
    raw.push(pad(args));
    converted.push(pad(spec.params.map((p, k) => convertArg(p, args[k]))));
  }
  // The implementation, called exactly as invoke() would call it, minus the checks.
  const bare = spec.impl as unknown as Fn;
  return { id: spec.id, wrapper, bare, raw, converted };
}

export interface Measured {
  wrapperCps: number;
  bareCps: number;
  ratio: number;
}

/**
 * Interleaved trials (bare, wrapper, bare, …) of about trialMs each, a young-generation GC before
 * each; the fastest trial of each side counts (other processes on the machine only ever add time).
 */
/** Lets queued promise continuations run (AI.DATASET's wrapper is async) between trials. */
const drain = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function measureCase(c: FunctionCase, trials: number, trialMs: number): Promise<Measured> {
  const timeWrapper = (reps: number): Promise<number> | number => (c.async ? timeMsAsync(c.wrapper, c.raw, reps) : timeMs(c.wrapper, c.raw, reps));
  // Calibrate on the slower side (the wrapper) so each trial lasts about trialMs.
  let reps = 1;
  for (;;) {
    const t = await timeWrapper(reps);
    if (t >= trialMs / 4 || reps > 1e6) {
      reps = Math.max(1, Math.round((reps * trialMs) / Math.max(t, 0.001)));
      break;
    }
    reps *= 4;
  }
  const wrapperMs: number[] = [];
  const bareMs: number[] = [];
  for (let k = 0; k < trials; k++) {
    await drain();
    collectGarbage();
    bareMs.push(timeMs(c.bare, c.converted, reps));
    await drain();
    collectGarbage();
    wrapperMs.push(await timeWrapper(reps));
  }
  const calls = reps * c.raw.length;
  const w = Math.min(...wrapperMs);
  const b = Math.min(...bareMs);
  return { wrapperCps: (calls / w) * 1000, bareCps: (calls / b) * 1000, ratio: w / b };
}

export interface FunctionsOptions {
  trials: number;
  trialMs: number;
  /** Elements per column of the one-call range measurement (default 100,000). */
  rangeElements?: number;
}

export interface RangeMeasured {
  wrapperMs: number;
  plainMs: number;
  ratio: number;
}

/**
 * =AI.TRAINFLOPS(A2:A100001, B2:B100001): one call of the Excel wrapper over two n×1 columns as
 * Excel passes them (rows of one cell; the omitted optional argument as null), against a plain
 * loop doing the same arithmetic into the same n×1 shape (`[6*a*b]` per row). Both sides
 * allocate their result; the difference is the broadcasting and the per-element checks.
 * Interleaved trials, a young-generation GC before each, the fastest of each side counts.
 */
export function measureRange(trainflops: Fn, elements: number, trials: number): RangeMeasured {
  const a: number[][] = [];
  const b: number[][] = [];
  for (let i = 0; i < elements; i++) {
    a.push([1e9 * (1 + (i % 97))]);
    b.push([1e11 * (1 + (i % 89))]);
  }
  const plain = (x: number[][], y: number[][]): number[][] => {
    const out: number[][] = new Array<number[]>(x.length);
    for (let r = 0; r < x.length; r++) out[r] = [6 * x[r][0] * y[r][0]];
    return out;
  };
  const check = (out: unknown): number => {
    const m = out as number[][];
    const last = m[elements - 1][0];
    const want = 6 * a[elements - 1][0] * b[elements - 1][0];
    if (m.length !== elements || last !== want) throw new Error(`AI.TRAINFLOPS over ${elements} rows gave ${String(last)} in the last row, expected ${want}`);
    return m.length;
  };
  check(trainflops(a, b, null));
  let w = Infinity;
  let p = Infinity;
  for (let k = 0; k < trials + 1; k++) {
    collectGarbage();
    let t0 = nowMs();
    sink += check(plain(a, b));
    const tp = nowMs() - t0;
    collectGarbage();
    t0 = nowMs();
    sink += check(trainflops(a, b, null));
    const tw = nowMs() - t0;
    if (k === 0) continue; // the first round warms both sides
    p = Math.min(p, tp);
    w = Math.min(w, tw);
  }
  return { wrapperMs: w, plainMs: p, ratio: w / p };
}

export async function runFunctions(opts: FunctionsOptions): Promise<SectionResult> {
  const r = emptyResult();
  installFakeCustomFunctions();
  const exported = wrappers as unknown as Record<string, unknown>;
  const cases: FunctionCase[] = [];
  const cps: Record<string, number | null> = {};
  const baseCps: Record<string, number | null> = {};
  const ratios: Record<string, number | null> = {};

  for (const spec of FUNCTIONS) {
    const fn = exported[spec.id.toLowerCase()];
    const doc = FUNCTION_DOCS[spec.id];
    try {
      if (typeof fn !== "function") throw new Error(`no wrapper "${spec.id.toLowerCase()}" exported by src/functions/functions.ts`);
      if (!doc) throw new Error("no example in FUNCTION_DOCS");
      const c = buildCase(spec, fn as Fn, doc.example);
      // Every varied input must go through the wrapper without an error (async wrappers: awaited).
      for (const a of c.raw) await (fn as Fn)(...a);
      c.async = (fn as Fn)(...c.raw[0]) instanceof Promise;
      cases.push(c);
    } catch (e) {
      cps[spec.id] = baseCps[spec.id] = ratios[spec.id] = null;
      r.na[`fn_overhead_ratio.${spec.id}`] = errorText(e);
      r.rows.push({ section: SECTION, what: `AI.${spec.id}`, value: "n/a", baseline: errorText(e) });
    }
  }

  // Warm up: every function and baseline through the driver, which also makes its call site megamorphic.
  for (let round = 0; round < 3; round++) {
    for (const c of cases) {
      if (c.async) await timeMsAsync(c.wrapper, c.raw, 2);
      else timeMs(c.wrapper, c.raw, 2);
      timeMs(c.bare, c.converted, 2);
    }
  }

  // The bare arithmetic of the brief, for scale: (a, b) => 6 * a * b over TRAINFLOPS-like inputs.
  const arith: FunctionCase = {
    id: "6*a*b",
    wrapper: ((a: number, b: number) => 6 * a * b) as Fn,
    bare: ((a: number, b: number) => 6 * a * b) as Fn,
    raw: [],
    converted: [],
  };
  for (let i = 0; i < INPUTS; i++) arith.raw.push(pad([175e9 * (1 + (i % 97) / 1000), 300e9 * (1 + (i % 89) / 1000)]));
  arith.converted = arith.raw;
  timeMs(arith.wrapper, arith.raw, 5);
  const arithCps = (await measureCase(arith, opts.trials, opts.trialMs)).bareCps;

  for (const c of cases) {
    const m = await measureCase(c, opts.trials, opts.trialMs);
    cps[c.id] = Math.round(m.wrapperCps);
    baseCps[c.id] = Math.round(m.bareCps);
    ratios[c.id] = Number(m.ratio.toFixed(3));
    r.rows.push({
      section: SECTION,
      what: `AI.${c.id} calls/s${c.async ? " (async: each call awaited)" : ""}`,
      value: fmtNum(m.wrapperCps),
      baseline: fmtNum(m.bareCps),
      ratio: fmtRatio(m.ratio),
      budget: "< 3x",
      status: m.ratio < 3 ? "ok" : "MISSED",
    });
  }

  const measured = Object.entries(ratios).filter((e): e is [string, number] => e[1] !== null);
  const worst = measured.reduce<[string, number] | null>((best, e) => (best === null || e[1] > best[1] ? e : best), null);
  r.figures.fn_calls_per_sec = cps;
  r.figures.fn_baseline_calls_per_sec = baseCps;
  r.figures.fn_overhead_ratio = ratios;
  r.figures.fn_overhead_ratio_max = worst ? worst[1] : null;
  r.figures.fn_overhead_ratio_max_fn = worst ? worst[0] : null;
  r.figures.fn_arith_baseline_calls_per_sec = Math.round(arithCps);
  if (!worst) r.na.fn_overhead_ratio_max = "no function could be measured";
  const budget: Budget = { key: "fn_overhead_ratio_max", value: worst ? worst[1] : null, limit: 3, inclusive: false, text: "< 3x" };
  r.budgets.push(budget);
  r.rows.push({
    section: SECTION,
    what: `max overhead ratio (${worst ? `AI.${worst[0]}` : "-"})`,
    value: fmtRatio(worst ? worst[1] : null),
    baseline: `6*a*b: ${fmtNum(arithCps)}/s`,
    budget: budget.text,
    status: budgetStatus(budget),
  });
  const elements = opts.rangeElements ?? 100_000;
  r.figures.range_elements = elements;
  const rangeBudget: Budget = { key: "range_overhead_ratio", value: null, limit: 2, inclusive: false, text: "< 2x" };
  try {
    const m = measureRange(exported.trainflops as Fn, elements, Math.max(3, opts.trials));
    r.figures.range_elements_per_sec = Math.round((elements / m.wrapperMs) * 1000);
    r.figures.range_baseline_elements_per_sec = Math.round((elements / m.plainMs) * 1000);
    r.figures.range_overhead_ratio = rangeBudget.value = Number(m.ratio.toFixed(3));
    r.rows.push({
      section: SECTION,
      what: `=AI.TRAINFLOPS(A2:A${fmtNum(elements + 1)}, B2:B…) one call, elements/s`,
      value: fmtNum((elements / m.wrapperMs) * 1000),
      baseline: `plain loop: ${fmtNum((elements / m.plainMs) * 1000)}/s`,
      ratio: fmtRatio(m.ratio),
      budget: rangeBudget.text,
      status: budgetStatus(rangeBudget),
    });
  } catch (e) {
    for (const k of ["range_elements_per_sec", "range_baseline_elements_per_sec", "range_overhead_ratio"]) {
      r.figures[k] = null;
      r.na[k] = errorText(e);
    }
  }
  r.budgets.push(rangeBudget);
  if (sink === 0.5) r.notes.push("(sink)"); // keeps every accumulated result observable
  return r;
}
