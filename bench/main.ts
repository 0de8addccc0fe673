/**
 * `npm run bench`: every performance figure of the add-in, each against a baseline measured in
 * the same run, as a readable table and, on the last line, one JSON object (keys documented in
 * bench/README.md). Each section reports its own failure as n/a with the reason; the run itself
 * only fails on a bug in the bench.
 *
 * Options: --only=functions,lookups,engine,roundtrips,dataupdate,xlsx,portable,importer,bundles,coldstart,panepaint   run some sections
 *          --dist=DIR     measure an existing build instead of building one
 *          --no-build     do not build; read dist/ if it exists
 *          --quick        fewer trials and rows (a smoke run; figures are noisier)
 *          --strict       exit 1 when a budget is missed
 */
import * as fs from "fs";
import * as os from "os";
import { runFunctions, FUNCTION_KEYS } from "./sections/functions";
import { runEngine, ENGINE_KEYS } from "./sections/engine";
import { runBundles, locateBundle, BUNDLE_KEYS, type BundleDir } from "./sections/bundles";
import { runColdStart, COLD_START_KEYS } from "./sections/coldstart";
import { runPanePaint, PANE_PAINT_KEYS } from "./sections/panepaint";
import { runLookups, LOOKUP_KEYS } from "./sections/lookups";
import { runRoundTrips, ROUNDTRIP_KEYS } from "./sections/roundtrips";
import { runDataUpdate, DATA_UPDATE_KEYS } from "./sections/dataupdate";
import { runXlsx, XLSX_KEYS } from "./sections/xlsx";
import { runPortable, PORTABLE_KEYS } from "./sections/portable";
import { runImporter, IMPORTER_KEYS } from "./sections/importer";
import { ROOT } from "./lib/optional";
import { allNa, budgetStatus, errorText, nowMs, withTimeout, type Budget, type Figure, type Row, type SectionResult } from "./lib/report";

const SECTIONS = ["functions", "lookups", "engine", "roundtrips", "dataupdate", "xlsx", "portable", "importer", "bundles", "coldstart", "panepaint"] as const;
type SectionName = (typeof SECTIONS)[number];

interface Options {
  only: Set<SectionName>;
  dist?: string;
  build: boolean;
  quick: boolean;
  strict: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { only: new Set(SECTIONS), build: true, quick: false, strict: false };
  for (const a of argv) {
    if (a.startsWith("--only=")) {
      const names = a
        .slice(7)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      for (const n of names) if (!(SECTIONS as readonly string[]).includes(n)) throw new Error(`unknown section "${n}" (sections: ${SECTIONS.join(", ")})`);
      opts.only = new Set(names as SectionName[]);
    } else if (a.startsWith("--dist=")) opts.dist = a.slice(7);
    else if (a === "--no-build") opts.build = false;
    else if (a === "--quick") opts.quick = true;
    else if (a === "--strict") opts.strict = true;
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

function pad(s: string, n: number): string {
  const w = [...s].length;
  return w >= n ? s : s + " ".repeat(n - w);
}

function printTable(rows: readonly Row[]): void {
  const cols: [keyof Row, string, number][] = [
    ["section", "section", 11],
    ["what", "what", 0],
    ["value", "value", 0],
    ["baseline", "baseline / detail", 0],
    ["ratio", "ratio", 7],
    ["budget", "budget", 9],
    ["status", "status", 6],
  ];
  const MAX = 70;
  for (const c of cols) if (c[2] === 0) c[2] = Math.min(MAX, Math.max(c[1].length, ...rows.map((r) => [...(r[c[0]] ?? "")].length)));
  const cut = (s: string, n: number): string => ([...s].length > n ? [...s].slice(0, n - 1).join("") + "…" : s);
  const line = (cells: string[]): string =>
    cells
      .map((s, i) => pad(cut(s, cols[i][2]), cols[i][2]))
      .join("  ")
      .trimEnd();
  console.log(line(cols.map((c) => c[1])));
  console.log(line(cols.map((c) => "-".repeat(c[2]))));
  for (const r of rows) console.log(line(cols.map((c) => r[c[0]] ?? "")));
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    console.error(`bench: ${errorText(e)}`);
    return 2;
  }
  const started = nowMs();
  const q = opts.quick;
  const results: SectionResult[] = [];
  let bundle: BundleDir | undefined;

  const section = async (name: SectionName, keys: readonly string[], timeoutMs: number, work: () => SectionResult | Promise<SectionResult>): Promise<void> => {
    if (!opts.only.has(name)) return;
    process.stderr.write(`bench: ${name}…\n`);
    try {
      results.push(await withTimeout(Promise.resolve().then(work), timeoutMs, name));
    } catch (e) {
      results.push(allNa(name, keys, `${name} failed: ${errorText(e)}`));
    }
  };

  // CPU-bound timings first, while nothing else (webpack, Chromium) runs.
  await section("functions", FUNCTION_KEYS, 60_000, () => runFunctions({ trials: q ? 3 : 7, trialMs: q ? 5 : 12 }));
  await section("lookups", LOOKUP_KEYS, 30_000, () => runLookups({ trials: q ? 3 : 7, trialMs: q ? 5 : 12 }));
  await section("engine", ENGINE_KEYS, 90_000, () => runEngine({ rows: q ? 5_000 : 30_000, runs: q ? 3 : 5, spillRows: q ? 20_000 : 100_000 }));
  await section("roundtrips", ROUNDTRIP_KEYS, 90_000, () => runRoundTrips({ bigRows: q ? 20_000 : 200_000 }));
  await section("dataupdate", DATA_UPDATE_KEYS, 120_000, () => runDataUpdate(q ? 1 : 3));
  await section("xlsx", XLSX_KEYS, 120_000, () => runXlsx(q ? 1 : 3));
  await section("portable", PORTABLE_KEYS, 60_000, () => runPortable(q ? 1 : 3));
  await section("importer", IMPORTER_KEYS, 60_000, () => runImporter(q ? 1 : 3));
  if (opts.only.has("bundles") || opts.only.has("coldstart") || opts.only.has("panepaint")) {
    process.stderr.write(
      `bench: locating the production build${opts.dist ? "" : opts.build ? " (webpack --mode production into a temporary directory)" : ""}…\n`
    );
    const found = await locateBundle(ROOT, { dist: opts.dist, build: opts.build, buildTimeoutMs: 180_000 });
    if ("error" in found) {
      if (opts.only.has("bundles")) results.push(allNa("bundles", BUNDLE_KEYS, found.error));
      if (opts.only.has("coldstart")) results.push(allNa("coldstart", COLD_START_KEYS, `no functions.js to load: ${found.error}`));
      if (opts.only.has("panepaint")) results.push(allNa("panepaint", PANE_PAINT_KEYS, `no taskpane.html to load: ${found.error}`));
    } else {
      bundle = found;
      await section("bundles", BUNDLE_KEYS, 30_000, () => runBundles(found));
      await section("coldstart", COLD_START_KEYS, 90_000, () => runColdStart(found.dir, q ? 3 : 7));
      await section("panepaint", PANE_PAINT_KEYS, 120_000, () => runPanePaint(found.dir, q ? 3 : 7));
    }
  }
  if (bundle?.temporary) fs.rmSync(bundle.dir, { recursive: true, force: true });

  const figures: Record<string, Figure> = {};
  const na: Record<string, string> = {};
  const budgets: Budget[] = [];
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const r of results) {
    Object.assign(figures, r.figures);
    Object.assign(na, r.na);
    budgets.push(...r.budgets);
    rows.push(...r.rows);
    notes.push(...r.notes);
  }
  const missed = budgets.filter((b) => budgetStatus(b) === "MISSED");
  const seconds = (nowMs() - started) / 1000;

  console.log(`AI Compute Analyst bench — node ${process.version}, ${os.cpus().length} CPU(s), ${os.platform()}/${os.arch()}${q ? " (--quick)" : ""}`);
  console.log("");
  printTable(rows);
  console.log("");
  for (const n of notes) console.log(`note: ${n}`);
  const byReason = new Map<string, string[]>();
  for (const [k, v] of Object.entries(na)) byReason.set(v, [...(byReason.get(v) ?? []), k]);
  for (const [reason, keys] of byReason) console.log(`n/a: ${keys.join(", ")}: ${reason}`);
  console.log(
    missed.length
      ? `budgets MISSED: ${missed.map((b) => `${b.key} = ${b.value} (budget ${b.text})`).join("; ")}`
      : `budgets: all met (${budgets.filter((b) => b.value !== null).length} checked, ${budgets.filter((b) => b.value === null).length} n/a)`
  );
  console.log(`bench took ${seconds.toFixed(1)} s`);

  const json: Record<string, unknown> = {
    bench: "ai-compute-analyst",
    schema: 1,
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    quick: q,
    ...figures,
    budgets: Object.fromEntries(budgets.map((b) => [b.key, { value: b.value, limit: b.limit, inclusive: b.inclusive, status: budgetStatus(b) }])),
    budgets_missed: missed.map((b) => b.key),
    na,
    seconds: Number(seconds.toFixed(1)),
  };
  console.log(JSON.stringify(json));
  return opts.strict && missed.length ? 1 : 0;
}
