/**
 * Section 6 (pluggable): Excel round trips, counted on the recording fake of Office.js
 * (tests/excel/fake-excel.ts) driving the real Excel adapter (src/excel/excel-workbook.ts).
 * The fake records every context.sync() with the JSON bytes of what it sent.
 *
 * Inserts are measured in the pane's sequence: a fresh ExcelWorkbook, listTracked() (the pane
 * calls it when it opens; it also reads the workbook's names), then the counted insert. What a
 * cold instance (no listTracked yet) costs is measured too and given in the row's detail.
 *
 *   syncs_per_insert_max            most syncs of one insertDataset on a new sheet (the pane's
 *                                   default) after listTracked, over every dataset (bundled and
 *                                   epoch-models), en and zh, with chart. Budget: 1
 *   syncs_per_insert_selection_max  the same at the selected cell. Budget: 2, because the target
 *                                   cells are read (and must be empty) before anything is written
 *   syncs_per_refresh               syncs of one refresh that updates every inserted table at once
 *                                   (same ExcelWorkbook instance as the inserts, as in the pane).
 *                                   Budget: 2
 *   syncs_per_model_max             most syncs of one ExcelWorkbook.insertModel after listTracked,
 *                                   over every template, language and mode. Budget: 1
 *   refresh_small_change_bytes      bytes of the write requests of a refresh of epoch-models (1,892
 *                                   rows) where 5 rows changed and 10 were added at the top of the
 *                                   feed (sum over the refresh's write syncs). Budget: < 50 KB and
 *                                   2 syncs: the request grows with the change, not the table
 *   syncs_200k                      syncs of inserting a 200,000-row × 10-column dataset
 *   max_payload_bytes               largest single sync over everything above. Budget: under 4 MB
 *                                   (Excel on the web rejects requests over 5 MB)
 */
import type { Dataset } from "../../src/data/types";
import type { InsertOptions, RefreshSummary } from "../../src/sheet/workbook";
import { loadOptional, fnExport } from "../lib/optional";
import { budgetStatus, emptyResult, errorText, fmtBytes, fmtNum, nowMs, type Budget, type SectionResult } from "../lib/report";

const SECTION = "round trips";
export const ROUNDTRIP_KEYS = [
  "syncs_per_insert_max",
  "syncs_per_insert_selection_max",
  "syncs_per_refresh",
  "syncs_per_model_max",
  "refresh_small_change_bytes",
  "syncs_200k",
  "max_payload_bytes",
  "insert_200k_ms",
];
/** The issue's budget: every request under 4 MB (10^6 bytes each), a margin under Excel on the web's 5 MB. */
const REQUEST_LIMIT = 4_000_000;
const REQUEST_TEXT = "< 4 MB";
/** The issue's sync budgets (selection: one read before the write, see the header). */
const SYNC_BUDGETS: Readonly<Record<string, number>> = {
  syncs_per_insert_max: 1,
  syncs_per_insert_selection_max: 2,
  syncs_per_refresh: 2,
  syncs_per_model_max: 1,
};

// =============================================================================================
// PLUGGABLE: how the bench reaches the recording fake and the adapter. The shapes below are
// what tests/excel/fake-excel.ts and src/excel/ provide today; if they change, change only
// loadRecordingExcel().
// =============================================================================================

interface SyncRecordLike {
  payloadBytes: number;
  implicit?: boolean;
  error?: string;
}

type ExcelRunLike = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

interface FakeExcelLike {
  readonly run: ExcelRunLike;
  readonly syncs: SyncRecordLike[];
  resetCounters(): void;
}

interface WorkbookLike {
  insertDataset(dataset: Dataset, options: InsertOptions): Promise<unknown>;
  listTracked(): Promise<unknown>;
  refresh(datasets: ReadonlyMap<string, Dataset>, tableNames?: string[]): Promise<RefreshSummary>;
}

interface TemplateLike {
  id: string;
  requires: readonly string[];
  build(options: { language: "zh" | "en"; mode: "ai" | "portable"; existingSheetNames?: readonly string[] }, data?: { epochModels?: Dataset }): unknown;
}

export interface RecordingExcel {
  newFake(): FakeExcelLike;
  newWorkbook(fake: FakeExcelLike): WorkbookLike;
  /** Builds one model sheet with the workbook's insertModel; undefined when it cannot. */
  insertModel?: (wb: WorkbookLike, template: TemplateLike, language: "zh" | "en", mode: "ai" | "portable", data: { epochModels?: Dataset }) => Promise<void>;
  templates: readonly TemplateLike[];
  /** How models are inserted, or why they cannot be, for the report. */
  modelPath: string;
}

/** The recording fake and the adapter, or why they cannot be used. */
export function loadRecordingExcel(): RecordingExcel | string {
  const fakeMod = loadOptional("tests/excel/fake-excel.ts");
  if (!fakeMod.ok) return fakeMod.reason;
  const FakeExcel = fakeMod.mod.FakeExcel as (new (options?: { sheets?: string[] }) => FakeExcelLike) | undefined;
  if (typeof FakeExcel !== "function") return "tests/excel/fake-excel.ts does not export class FakeExcel";
  const wbMod = loadOptional("src/excel/excel-workbook.ts");
  if (!wbMod.ok) return wbMod.reason;
  const ExcelWorkbook = wbMod.mod.ExcelWorkbook as
    (new (options: { run: ExcelRunLike; supports: (v: string) => boolean; now: () => Date }) => WorkbookLike) | undefined;
  if (typeof ExcelWorkbook !== "function") return "src/excel/excel-workbook.ts does not export class ExcelWorkbook";
  const now = new Date("2024-03-01T08:00:00.000Z");
  const out: RecordingExcel = {
    newFake: () => new FakeExcel(),
    newWorkbook: (fake) => new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => now }),
    templates: [],
    modelPath: "",
  };
  const models = loadOptional("src/sheet/models/index.ts");
  const templates = models.ok ? (models.mod.MODEL_TEMPLATES as readonly TemplateLike[] | undefined) : undefined;
  const insertModel = (ExcelWorkbook.prototype as unknown as Record<string, unknown>).insertModel;
  if (typeof insertModel !== "function") out.modelPath = "src/excel/excel-workbook.ts: ExcelWorkbook has no insertModel";
  else if (!templates) out.modelPath = models.ok ? "src/sheet/models/index.ts exports no MODEL_TEMPLATES" : models.reason;
  else {
    out.templates = templates;
    out.modelPath = "ExcelWorkbook.insertModel (the builder gets the workbook's sheet names)";
    out.insertModel = async (wb, template, language, mode, data) => {
      const port = wb as WorkbookLike & { insertModel(build: (existingSheetNames: readonly string[]) => unknown): Promise<unknown> };
      await port.insertModel((existingSheetNames) => template.build({ language, mode, existingSheetNames }, data));
    };
  }
  return out;
}

// =============================================================================================

/** A synthetic dataset of `rows` × 10 columns (the brief's 200,000 × 10): a text key, a year, params, tokens, FLOP, chips, a utilization, a cost, a share, a date. */
export function syntheticDataset(rows: number): Dataset {
  const data: Dataset["rows"] = [];
  for (let r = 0; r < rows; r++) {
    data.push([
      `model-${r}`,
      2015 + (r % 9),
      1e9 * (1 + (r % 997)),
      2e10 * (1 + (r % 983)),
      6e21 * (1 + (r % 991)) + r,
      64 * (1 + (r % 127)),
      0.2 + ((r * 13) % 400) / 1000,
      1e5 * (1 + (r % 977)) + r / 7,
      ((r * 37) % 10000) / 10000,
      `20${10 + (r % 14)}-0${1 + (r % 9)}-1${r % 10}`,
    ]);
  }
  const column = (key: string, type: Dataset["columns"][number]["type"], en: string, numberFormat: string): Dataset["columns"][number] => ({
    key,
    header: { en, zh: en },
    type,
    unit: "",
    numberFormat,
  });
  return {
    id: "bench-200k",
    version: "1",
    title: { en: "Bench 200k", zh: "基准 200k" },
    description: "Synthetic rows for the round-trip benchmark.",
    source: [{ text: "Source: generated by bench/" }],
    asOf: "2024-01",
    notes: [],
    columns: [
      column("model", "text", "Model", "@"),
      column("year", "integer", "Year", "0"),
      column("params", "params", "Parameters", "#,##0"),
      column("tokens", "number", "Training tokens", "0.00E+00"),
      column("training_flop", "flop", "Training compute", "0.00E+00"),
      column("chips", "integer", "Chips", "#,##0"),
      column("utilization", "percent", "Utilization", "0.0%"),
      column("cost", "currency", "Cost (USD)", "#,##0"),
      column("share", "percent", "Share", "0.00%"),
      column("date", "date", "Date", "yyyy-mm-dd"),
    ],
    rows: data,
  };
}

/** The next patch version ("1.0.0" → "1.0.1"); refresh refuses a version older than the table's. */
function nextVersion(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return m ? `${m[1]}.${m[2]}.${Number(m[3]) + 1}` : `${version}.1`;
}

/** The same dataset, one version later, every numeric cell of its first data row changed. */
function bumped(d: Dataset): Dataset {
  const rows = d.rows.map((row, i) => (i === 0 ? row.map((v) => (typeof v === "number" ? v * 1.01 + 1 : v)) : row));
  return { ...d, version: nextVersion(d.version), rows };
}

/** The budget of refresh_small_change_bytes: the write requests of a small change, in bytes. */
const SMALL_CHANGE_LIMIT = 50_000;

/** epoch-models one version later: 5 rows changed (one number each), 10 new models at the top (Epoch lists newest first). */
function smallChange(d: Dataset): Dataset {
  const numeric = d.columns.findIndex((c) => c.key === "parameters");
  const rows = d.rows.map((row, i) => (i % 400 === 200 ? row.map((v, c) => (c === numeric ? (typeof v === "number" ? v * 1.1 : 1e9) : v)) : row));
  const fresh = Array.from({ length: 10 }, (_, k) => d.columns.map((c, j) => (j === 0 ? `Bench model ${k + 1}` : c.type === "text" ? "bench" : null)));
  return { ...d, version: nextVersion(d.version), rows: [...fresh, ...rows] };
}

async function counted<T>(fake: FakeExcelLike, work: () => Promise<T>, payloads: number[]): Promise<{ syncs: number; value: T }> {
  fake.resetCounters();
  const value = await work();
  for (const s of fake.syncs) {
    if (s.error) throw new Error(`a sync was rejected: ${s.error}`);
    payloads.push(s.payloadBytes);
  }
  return { syncs: fake.syncs.length, value };
}

export interface RoundTripOptions {
  bigRows: number;
}

export async function runRoundTrips(opts: RoundTripOptions): Promise<SectionResult> {
  const r = emptyResult();
  const rec = loadRecordingExcel();
  if (typeof rec === "string") {
    for (const k of ROUNDTRIP_KEYS) {
      r.figures[k] = null;
      r.na[k] = rec;
    }
    r.rows.push({ section: SECTION, what: ROUNDTRIP_KEYS.join(", "), value: "n/a", baseline: rec });
    r.budgets.push({ key: "max_payload_bytes", value: null, limit: REQUEST_LIMIT, inclusive: false, text: REQUEST_TEXT });
    for (const [key, limit] of Object.entries(SYNC_BUDGETS)) r.budgets.push({ key, value: null, limit, inclusive: true, text: `<= ${limit}` });
    return r;
  }
  const catalog = loadOptional("src/data/catalog.ts");
  const datasets = catalog.ok ? ((catalog.mod.DATASETS as readonly Dataset[] | undefined) ?? []) : [];
  let epoch: Dataset | undefined;
  const loader = loadOptional("src/data/epoch-models-loader.ts");
  const loadEpoch = loader.ok ? fnExport<() => Promise<Dataset>>(loader.mod, "loadEpochModels") : undefined;
  if (loadEpoch) epoch = await loadEpoch().catch(() => undefined);
  const payloads: number[] = [];

  const step = async (key: string, label: string, work: () => Promise<{ value: number; detail: string }>): Promise<void> => {
    const limit = SYNC_BUDGETS[key];
    const budget: Budget | undefined = limit === undefined ? undefined : { key, value: null, limit, inclusive: true, text: `<= ${limit}` };
    if (budget) r.budgets.push(budget);
    const budgetCells = (): { budget?: string; status?: string } => (budget ? { budget: budget.text, status: budgetStatus(budget) } : {});
    try {
      const { value, detail } = await work();
      r.figures[key] = value;
      if (budget) budget.value = value;
      r.rows.push({ section: SECTION, what: label, value: fmtNum(value), baseline: detail, ...budgetCells() });
    } catch (e) {
      r.figures[key] = null;
      r.na[key] = errorText(e);
      r.rows.push({ section: SECTION, what: label, value: "n/a", baseline: errorText(e), ...budgetCells() });
    }
  };

  // Inserts, in the pane's sequence: listTracked when it opens (not counted), then the insert.
  const all = epoch ? [...datasets, epoch] : [...datasets];
  const measureInserts = async (target: InsertOptions["target"]): Promise<{ value: number; detail: string }> => {
    if (all.length === 0) throw new Error(catalog.ok ? "src/data/catalog.ts exports no DATASETS" : catalog.reason);
    let max = 0;
    let coldMax = 0;
    let worst = "";
    for (const d of all) {
      for (const language of ["en", "zh"] as const) {
        const fake = rec.newFake();
        const wb = rec.newWorkbook(fake);
        await wb.listTracked();
        const { syncs } = await counted(fake, () => wb.insertDataset(d, { target, language, chart: true }), payloads);
        if (syncs > max) [max, worst] = [syncs, `${d.id}, ${language}`];
        // A cold instance (no listTracked before), for the record.
        const coldFake = rec.newFake();
        const cold = rec.newWorkbook(coldFake);
        const c = await counted(coldFake, () => cold.insertDataset(d, { target, language, chart: true }), payloads);
        coldMax = Math.max(coldMax, c.syncs);
      }
    }
    return { value: max, detail: `${all.length} datasets × en/zh, with chart; worst: ${worst}; a cold instance (no listTracked): ${coldMax}` };
  };
  await step("syncs_per_insert_max", "syncs per insertDataset on a new sheet, after listTracked (max)", () => measureInserts("newSheet"));
  await step("syncs_per_insert_selection_max", "syncs per insertDataset at the selection: read, then write (max)", () => measureInserts("selection"));

  await step("syncs_per_refresh", "syncs per refresh (every inserted table updated)", async () => {
    if (all.length === 0) throw new Error("no datasets");
    const fake = rec.newFake();
    const wb = rec.newWorkbook(fake);
    for (const d of all) await wb.insertDataset(d, { target: "newSheet", language: "en", chart: true });
    const next = new Map(all.map((d) => [d.id, bumped(d)]));
    const { syncs, value } = await counted(fake, () => wb.refresh(next), payloads);
    const notUpdated = value.tables.filter((t) => t.status !== "updated");
    if (notUpdated.length > 0 || value.tables.length !== all.length)
      throw new Error(
        `the refresh did not update every table (${value.tables.length} of ${all.length} seen; ${notUpdated.map((t) => `${t.datasetId}: ${t.status}${t.reason ? ` ${t.reason}` : ""}`).join("; ")})`
      );
    return {
      value: syncs,
      detail: `${value.tables.length} of ${all.length} tables updated (${epoch ? "bundled and epoch-models" : "bundled only: epoch-models could not be loaded"})`,
    };
  });

  await step("syncs_per_model_max", "syncs per ExcelWorkbook.insertModel after listTracked (max)", async () => {
    if (!rec.insertModel || rec.templates.length === 0) throw new Error(rec.modelPath || "no model templates");
    const insertModel = rec.insertModel;
    let max = 0;
    let coldMax = 0;
    let worst = "";
    let built = 0;
    const skipped: string[] = [];
    for (const t of rec.templates) {
      if (t.requires.length && !epoch) {
        skipped.push(t.id);
        continue;
      }
      for (const language of ["en", "zh"] as const) {
        for (const mode of ["ai", "portable"] as const) {
          const fake = rec.newFake();
          const wb = rec.newWorkbook(fake);
          await wb.listTracked();
          const { syncs } = await counted(fake, () => insertModel(wb, t, language, mode, { epochModels: epoch }), payloads);
          built++;
          if (syncs > max) [max, worst] = [syncs, `${t.id}, ${language}, ${mode}`];
          const coldFake = rec.newFake();
          const cold = rec.newWorkbook(coldFake);
          const c = await counted(coldFake, () => insertModel(cold, t, language, mode, { epochModels: epoch }), payloads);
          coldMax = Math.max(coldMax, c.syncs);
        }
      }
    }
    if (built === 0) throw new Error("no template could be built");
    if (skipped.length > 0) r.notes.push(`round trips: models not measured (epoch-models could not be loaded): ${skipped.join(", ")}`);
    return {
      value: max,
      detail: `${built} sheets (${rec.templates.length - skipped.length} templates × en/zh × ai/portable); worst: ${worst}; a cold instance: ${coldMax}`,
    };
  });

  {
    const key = "refresh_small_change_bytes";
    const budget: Budget = { key, value: null, limit: SMALL_CHANGE_LIMIT, inclusive: false, text: "< 50 KB" };
    r.budgets.push(budget);
    const label = "write bytes of a refresh of epoch-models: 5 rows changed, 10 added (syncs ≤ 2)";
    try {
      const mod = loadOptional("src/data/datasets/epoch-models.ts");
      const d = epoch ?? (mod.ok ? (mod.mod.epochModels as Dataset | undefined) : undefined);
      if (!d) throw new Error(mod.ok ? "src/data/datasets/epoch-models.ts exports no epochModels" : mod.reason);
      const fake = rec.newFake();
      const wb = rec.newWorkbook(fake);
      await wb.insertDataset(d, { target: "newSheet", language: "en", chart: false });
      const { syncs, value } = await counted(fake, () => wb.refresh(new Map([[d.id, smallChange(d)]])), payloads);
      const t = value.tables[0];
      if (t?.status !== "updated" || t.added !== 10 || t.changed !== 5) throw new Error(`the refresh did not do what was measured: ${JSON.stringify(t)}`);
      if (syncs > 2) throw new Error(`${syncs} syncs (budget: 2)`);
      const writes = fake.syncs.slice(1).map((x) => x.payloadBytes);
      const bytes = writes.reduce((n, b) => n + b, 0);
      budget.value = bytes;
      r.figures[key] = bytes;
      r.rows.push({
        section: SECTION,
        what: label,
        value: fmtBytes(bytes),
        baseline: `${d.rows.length} rows; ${syncs} syncs (read, write); largest write request ${fmtBytes(Math.max(...writes))}`,
        budget: budget.text,
        status: budgetStatus(budget),
      });
    } catch (e) {
      r.figures[key] = null;
      r.na[key] = errorText(e);
      r.rows.push({ section: SECTION, what: label, value: "n/a", baseline: errorText(e), budget: budget.text, status: budgetStatus(budget) });
    }
  }

  let bigMs: number | null = null;
  await step("syncs_200k", `syncs to insert ${fmtNum(opts.bigRows)} rows × 10 columns`, async () => {
    const big = syntheticDataset(opts.bigRows);
    const fake = rec.newFake();
    const wb = rec.newWorkbook(fake);
    const t0 = nowMs();
    const { syncs } = await counted(fake, () => wb.insertDataset(big, { target: "newSheet", language: "en", chart: false }), payloads);
    bigMs = nowMs() - t0;
    return { value: syncs, detail: `${fmtNum(bigMs)} ms against the fake` };
  });
  r.figures.insert_200k_ms = bigMs === null ? null : Math.round(bigMs);
  if (bigMs === null) r.na.insert_200k_ms = r.na.syncs_200k ?? "not measured";

  const maxPayload = payloads.length ? Math.max(...payloads) : null;
  r.figures.max_payload_bytes = maxPayload;
  if (maxPayload === null) r.na.max_payload_bytes = "no sync was recorded";
  const budget: Budget = { key: "max_payload_bytes", value: maxPayload, limit: REQUEST_LIMIT, inclusive: false, text: REQUEST_TEXT };
  r.budgets.push(budget);
  r.rows.push({
    section: SECTION,
    what: `largest sync payload (${payloads.length} syncs)`,
    value: fmtBytes(maxPayload),
    budget: budget.text,
    status: budgetStatus(budget),
  });
  return r;
}
