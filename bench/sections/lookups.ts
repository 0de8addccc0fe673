/**
 * Section 5 (pluggable): calls per second of AI.MODEL and AI.CHIP, measured only when
 * src/data/lookup.ts exports lookupModel and lookupChip. Each is called the way Excel calls it
 * when that exists: the wrapper exported from src/functions/functions.ts (`model`, `chip`);
 * else the shared runner on the MODEL / CHIP spec of the registry; else the lookup itself.
 * Inputs cycle through every name of every row (English and Chinese, as typed, lower and upper
 * case), default field. The baseline is the lookup function called directly.
 *
 * Then the unknown-name case (issue 21): with both of Epoch AI's tables loaded, 500 unknown
 * 30-character names through AI.MODEL, 500 through AI.CHIP and one 32,767-character name (a
 * full cell), each a separate call of the Excel wrapper as one recalculation makes them; every
 * call answers #N/A with its suggestions. `lookup_unknown_1000_ms` is the wall time of all
 * 1,001 (median of 3 rounds, each with fresh names so no suggestion is cached), budget < 500 ms.
 */
import { invoke } from "../../src/core/spec";
import { isCellError } from "../../src/core/errors";
import { FUNCTIONS } from "../../src/functions/registry";
import * as wrappers from "../../src/functions/functions";
import { installFakeCustomFunctions, measureCase, type FunctionCase } from "./functions";
import { loadOptional, fnExport } from "../lib/optional";
import { budgetStatus, emptyResult, errorText, fmtNum, fmtRatio, nowMs, type Budget, type SectionResult } from "../lib/report";
import { clearEpochCache, setEpochDataset } from "../../src/data/epoch-cache";
import { epochModels } from "../../src/data/datasets/epoch-models";
import { epochAccelerators } from "../../src/data/datasets/epoch-accelerators";

const SECTION = "lookups";
export const LOOKUP_KEYS = [
  "model_calls_per_sec",
  "model_lookup_calls_per_sec",
  "model_call_path",
  "chip_calls_per_sec",
  "chip_lookup_calls_per_sec",
  "chip_call_path",
  "lookup_unknown_1000_ms",
];

/** The budget of lookup_unknown_1000_ms: 1,001 unknown names in one recalculation. */
export const UNKNOWN_LOOKUPS_BUDGET_MS = 500;

type Fn = (...args: unknown[]) => unknown;
type Lookup = (name: unknown, field?: unknown) => unknown;

interface IndexLike {
  dataset: { rows: unknown[][]; columns: { key: string }[] };
  spec: { nameColumns: readonly string[] };
}

/** Every name of every row of a name index, as typed and in lower and upper case. */
function namesOf(index: IndexLike): string[] {
  const cols = index.spec.nameColumns.map((k) => index.dataset.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0);
  const out: string[] = [];
  for (const row of index.dataset.rows) {
    for (const c of cols) {
      const v = row[c];
      if (typeof v === "string" && v.trim()) out.push(v, v.toLowerCase(), v.toUpperCase());
    }
  }
  return out;
}

function pad(args: unknown[]): unknown[] {
  const out = [...args];
  while (out.length < 6) out.push(null);
  return out;
}

interface Measured {
  cps: number;
  lookupCps: number;
  path: string;
  names: number;
}

async function measureLookup(id: "MODEL" | "CHIP", lookup: Lookup, names: string[], trials: number, trialMs: number): Promise<Measured> {
  const exported = (wrappers as unknown as Record<string, unknown>)[id.toLowerCase()];
  const spec = FUNCTIONS.find((f) => f.id === id);
  let call: Fn;
  let path: string;
  if (typeof exported === "function") {
    call = exported as Fn;
    path = `wrapper (${id.toLowerCase()}() of src/functions/functions.ts)`;
  } else if (spec) {
    call = ((name: unknown, field: unknown) => invoke(spec, [name, field])) as Fn;
    path = `invoke (on the ${id} spec: no Excel wrapper exported yet)`;
  } else {
    call = ((name: unknown, field: unknown) => (field === null ? lookup(name) : lookup(name, field))) as Fn;
    path = `lookup (no AI.${id} spec in the registry yet)`;
  }
  // Keep only names the function answers (a name on two rows or a text field would be an error).
  const ok = names.filter((n) => {
    try {
      const v: unknown = call(n, null);
      // An #N/A from the bundled table becomes a Promise (the wrapper loads Epoch's table from the
      // feed, which the bench has not): it rejects later, so it is handled here, not measured.
      if (v instanceof Promise) {
        v.catch(() => undefined);
        return false;
      }
      return !isCellError(v) && typeof v === "number";
    } catch {
      return false;
    }
  });
  if (ok.length === 0) throw new Error(`AI.${id} answered none of the ${names.length} names with a number`);
  const raw: unknown[][] = [];
  const direct: unknown[][] = [];
  for (let i = 0; raw.length < 1024; i++) {
    const n = ok[i % ok.length];
    raw.push(pad([n, null]));
    direct.push(pad([n]));
  }
  // The baseline: the lookup called directly with the name alone (its default field).
  const bare = ((name: unknown) => lookup(name)) as Fn;
  const c: FunctionCase = { id, wrapper: call, bare, raw, converted: direct };
  for (let k = 0; k < 2; k++) await measureCase(c, 1, 5); // warm-up
  const m = await measureCase(c, trials, trialMs);
  return { cps: m.wrapperCps, lookupCps: m.bareCps, path, names: ok.length };
}

/** `count` distinct 30-letter names no table has (a fixed generator: the same names every run, none cached from an earlier round). */
function unknownNames(count: number, round: number): string[] {
  let x = 0x2545f491 ^ (round * 0x9e3779b9);
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % 26;
  };
  return Array.from({ length: count }, () => Array.from({ length: 30 }, () => String.fromCharCode(97 + next())).join(""));
}

/**
 * ms for 500 unknown names through AI.MODEL, 500 through AI.CHIP and one 32,767-character name,
 * Epoch's tables loaded, through the Excel wrappers (median of 3 rounds).
 */
function measureUnknown(): number {
  const w = wrappers as unknown as Record<string, Fn>;
  if (typeof w.model !== "function" || typeof w.chip !== "function") throw new Error("src/functions/functions.ts exports no model() and chip() wrappers");
  setEpochDataset(epochModels);
  setEpochDataset(epochAccelerators);
  try {
    const call = (f: Fn, name: string): void => {
      let out: unknown;
      try {
        out = f(name, null);
      } catch (e) {
        out = e; // the wrappers throw #N/A as a CustomFunctions.Error
      }
      if (out instanceof Promise) throw new Error("an unknown name went to the feed although Epoch's tables are loaded");
      if (typeof out === "number") throw new Error(`the unknown name "${name}" was found`);
    };
    const times: number[] = [];
    for (let round = 0; round < 4; round++) {
      const names = unknownNames(1000, round);
      const long = String.fromCharCode(97 + round).repeat(32_767);
      const t0 = nowMs();
      for (let i = 0; i < 500; i++) call(w.model, names[i]);
      for (let i = 500; i < 1000; i++) call(w.chip, names[i]);
      call(w.model, long);
      if (round > 0) times.push(nowMs() - t0); // round 0 builds the indexes and warms up
    }
    return times.sort((a, b) => a - b)[1];
  } finally {
    clearEpochCache();
  }
}

export async function runLookups(opts: { trials: number; trialMs: number }): Promise<SectionResult> {
  const r = emptyResult();
  const loaded = loadOptional("src/data/lookup.ts");
  const lookupModel = loaded.ok ? fnExport<Lookup>(loaded.mod, "lookupModel") : undefined;
  const lookupChip = loaded.ok ? fnExport<Lookup>(loaded.mod, "lookupChip") : undefined;
  if (!loaded.ok || !lookupModel || !lookupChip) {
    const reason = loaded.ok ? "src/data/lookup.ts does not export lookupModel and lookupChip yet" : loaded.reason;
    for (const k of LOOKUP_KEYS) {
      r.figures[k] = null;
      r.na[k] = reason;
    }
    r.rows.push({ section: SECTION, what: "AI.MODEL, AI.CHIP calls/s", value: "n/a", baseline: reason });
    return r;
  }
  installFakeCustomFunctions();
  const mod = loaded.mod;
  const cases: ["MODEL" | "CHIP", Lookup, string][] = [
    ["MODEL", lookupModel, "modelIndexOf"],
    ["CHIP", lookupChip, "chipIndexOf"],
  ];
  for (const [id, lookup, indexFn] of cases) {
    const key = id.toLowerCase();
    try {
      const indexOf = fnExport<() => IndexLike>(mod, indexFn);
      if (!indexOf) throw new Error(`src/data/lookup.ts does not export ${indexFn}() to list the names`);
      const m = await measureLookup(id, lookup, namesOf(indexOf()), opts.trials, opts.trialMs);
      r.figures[`${key}_calls_per_sec`] = Math.round(m.cps);
      r.figures[`${key}_lookup_calls_per_sec`] = Math.round(m.lookupCps);
      r.figures[`${key}_call_path`] = m.path;
      r.rows.push({
        section: SECTION,
        what: `AI.${id} calls/s (${m.names} names; via ${m.path.split(" ")[0]})`,
        value: fmtNum(m.cps),
        baseline: `${fmtNum(m.lookupCps)} direct`,
        ratio: fmtRatio(m.lookupCps / m.cps),
      });
    } catch (e) {
      for (const k of [`${key}_calls_per_sec`, `${key}_lookup_calls_per_sec`, `${key}_call_path`]) {
        r.figures[k] = null;
        r.na[k] = errorText(e);
      }
      r.rows.push({ section: SECTION, what: `AI.${id} calls/s`, value: "n/a", baseline: errorText(e) });
    }
  }
  const budget: Budget = {
    key: "lookup_unknown_1000_ms",
    value: null,
    limit: UNKNOWN_LOOKUPS_BUDGET_MS,
    inclusive: false,
    text: `< ${UNKNOWN_LOOKUPS_BUDGET_MS} ms`,
  };
  try {
    const ms = measureUnknown();
    r.figures.lookup_unknown_1000_ms = budget.value = Number(ms.toFixed(1));
    r.rows.push({
      section: SECTION,
      what: "1,001 unknown names (500 AI.MODEL + 500 AI.CHIP + one 32,767-char), ms",
      value: ms.toFixed(1),
      budget: budget.text,
      status: budgetStatus(budget),
    });
  } catch (e) {
    r.figures.lookup_unknown_1000_ms = null;
    r.na.lookup_unknown_1000_ms = errorText(e);
    r.rows.push({ section: SECTION, what: "1,001 unknown names, ms", value: "n/a", baseline: errorText(e), budget: budget.text, status: "n/a" });
  }
  r.budgets.push(budget);
  return r;
}
