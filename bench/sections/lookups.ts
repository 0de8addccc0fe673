/**
 * Section 5 (pluggable): calls per second of AI.MODEL and AI.CHIP, measured only when
 * src/data/lookup.ts exports lookupModel and lookupChip. Each is called the way Excel calls it
 * when that exists: the wrapper exported from src/functions/functions.ts (`model`, `chip`);
 * else the shared runner on the MODEL / CHIP spec of the registry; else the lookup itself.
 * Inputs cycle through every name of every row (English and Chinese, as typed, lower and upper
 * case), default field. The baseline is the lookup function called directly.
 */
import { invoke } from "../../src/core/spec";
import { isCellError } from "../../src/core/errors";
import { FUNCTIONS } from "../../src/functions/registry";
import * as wrappers from "../../src/functions/functions";
import { installFakeCustomFunctions, measureCase, type FunctionCase } from "./functions";
import { loadOptional, fnExport } from "../lib/optional";
import { emptyResult, errorText, fmtNum, fmtRatio, type SectionResult } from "../lib/report";

const SECTION = "lookups";
export const LOOKUP_KEYS = [
  "model_calls_per_sec",
  "model_lookup_calls_per_sec",
  "model_call_path",
  "chip_calls_per_sec",
  "chip_lookup_calls_per_sec",
  "chip_call_path",
];

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
  return r;
}
