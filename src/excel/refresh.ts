/**
 * Refresh in Excel: reads each tracked table's snapshot with Office.js (one sync in the usual
 * case), lets the pure planner (sheet/refresh-plan.ts, which also explains what is rewritten
 * and how rows are matched) decide the writes, and writes all tables' ops together (one sync
 * unless the payload has to be chunked). When Excel refuses a write, every table the refused
 * request touched is rolled back in one more sync: each table ends fully old or fully new,
 * never half-written.
 */
import type { CellValue, Dataset } from "../data/types";
import type { RefreshSummary, ProgressFn } from "../sheet/workbook";
import type { PlanValue } from "../sheet/plan";
import { jsonBytes, packTaggedBatches, type PackOptions, type TaggedOp } from "../sheet/write-ops";
import { failedResult, NEAR_ROWS, planTableRefresh, untrackedResults, type TableRefreshPlan, type TableSnapshot } from "../sheet/refresh-plan";
import type { TrackedRecord } from "../sheet/tracking";
import { officeErrorCode, queueOp, SheetCache, suspendCalculation, type SupportsFn } from "./apply-plan";
import { queueReadRecords } from "./tracking";

/** Bodies up to this estimate (all tables together) are read in the first sync. */
export const READ_INLINE_BYTES = 2_500_000;
/** Larger bodies are read in row chunks of about this size, one sync each. */
export const READ_CHUNK_BYTES = 3_000_000;

interface Probe {
  table: Excel.Table;
  sheet: Excel.Worksheet;
  whole: Excel.Range;
  header: Excel.Range;
  body: Excel.Range;
  near: Excel.Range;
  far: Excel.Range;
  farRows: number;
  inlineBody: boolean;
}

/**
 * Queues the reads for one table. Uses tables.getItem (not getItemOrNullObject): ranges are
 * then taken from a table that is known to exist, and a table deleted since the names were
 * known fails the whole read sync with ItemNotFound, which the caller handles by reading the
 * list of tables first.
 */
function queueProbe(context: Excel.RequestContext, name: string, farRows: number, inlineBody: boolean): Probe {
  const table = context.workbook.tables.getItem(name);
  table.load("name,showHeaders,showTotals");
  // table.worksheet is a navigation property (a proxy), not a loaded value: no sync is needed.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  const sheet = table.worksheet;
  sheet.load("name");
  const whole = table.getRange();
  whole.load("rowIndex,columnIndex,rowCount,columnCount");
  const header = whole.getRow(0);
  header.load("values");
  const body = table.getDataBodyRange();
  // The property list is chosen at run time; it is never empty.
  // eslint-disable-next-line office-addins/no-empty-load
  body.load(inlineBody ? "rowCount,formulasR1C1" : "rowCount");
  const near = whole.getRowsBelow(NEAR_ROWS);
  near.load("values");
  const far = near.getRowsBelow(farRows).getUsedRangeOrNullObject(true);
  far.load("rowIndex");
  return { table, sheet, whole, header, body, near, far, farRows, inlineBody };
}

function snapshotOf(p: Probe, body: PlanValue[][]): TableSnapshot {
  return {
    tableName: p.table.name,
    sheetName: p.sheet.name,
    showHeaders: p.table.showHeaders,
    showTotals: p.table.showTotals,
    top: p.whole.rowIndex,
    left: p.whole.columnIndex,
    rowCount: p.whole.rowCount,
    width: p.whole.columnCount,
    headers: (p.header.values[0] ?? []) as PlanValue[],
    bodyRows: p.body.rowCount,
    body,
    near: p.near.values as PlanValue[][],
    farFirstUsedRow: p.far.isNullObject ? null : p.far.rowIndex,
    farRows: p.farRows,
  };
}

/** A rough size of a dataset's body as JSON, to choose between inline and chunked reads. */
function datasetBytes(dataset: Dataset | undefined): number {
  if (!dataset) return 0;
  const sample = dataset.rows.slice(0, 200);
  const perRow = sample.length > 0 ? jsonBytes(sample as CellValue[][]) / sample.length : 16;
  return Math.ceil(perRow * 1.5 * dataset.rows.length) + 1000;
}

export interface RefreshTablesOptions extends PackOptions {
  supports: SupportsFn;
  now: () => Date;
  /** Row key per dataset id (see rowKeyColumn); datasets not listed use their first column. */
  rowKeys?: Readonly<Record<string, string | null>>;
  /** Table names believed tracked (from an earlier listTracked/insert), read optimistically. */
  knownTables?: readonly { tableName: string; datasetId: string }[];
}

export interface RefreshTablesResult {
  summary: RefreshSummary;
  /** All tracking records after the refresh. */
  records: TrackedRecord[];
  /** context.sync() calls made (reads and writes). */
  syncs: number;
  /** The names of every table in the workbook, as read (not changed by a refresh). */
  tableNames: string[];
}

/**
 * Refreshes tracked tables inside one Excel.run context. Reads: one sync when the tracked
 * tables are known in advance (tableNames, or knownTables from an earlier call) and still
 * exist, else two (records and table list first, then the tables), plus one per chunk for
 * bodies too large to read at once. Writes: one sync for all tables unless chunked; none when
 * nothing changed.
 */
export async function refreshTables(
  context: Excel.RequestContext,
  datasets: ReadonlyMap<string, Dataset>,
  tableNames: readonly string[] | undefined,
  options: RefreshTablesOptions,
  onProgress?: ProgressFn
): Promise<RefreshTablesResult> {
  let syncs = 0;
  const lower = (s: string): string => s.toLowerCase();
  const wanted = tableNames ? new Set(tableNames.map(lower)) : null;
  const maxRows = Math.max(1, ...[...datasets.values()].map((d) => d.rows.length));
  const farRows = maxRows + NEAR_ROWS + 2;
  const maxBytes = Math.max(0, ...[...datasets.values()].map(datasetBytes));
  let inlineBudget = READ_INLINE_BYTES;
  const inlineFor = (datasetId: string | undefined): boolean => {
    const bytes = datasetId !== undefined ? datasetBytes(datasets.get(datasetId)) : maxBytes;
    if (bytes > inlineBudget) return false;
    inlineBudget -= bytes;
    return true;
  };

  let records: TrackedRecord[] | null = null;
  let existing = new Map<string, string>(); // lower name → name
  let listed: string[] = [];
  const probes = new Map<string, Probe>();
  const readTableList = (): (() => void) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    return () => {
      listed = tables.items.map((t) => t.name);
      existing = new Map(listed.map((n) => [lower(n), n]));
    };
  };

  onProgress?.(0, 1, "Reading tracked tables");
  // 1. Optimistic: records, table list and the tables we expect, all in one sync.
  const known = new Map((options.knownTables ?? []).map((k) => [lower(k.tableName), k.datasetId]));
  // Names given but never seen by this instance are not guessed when others are known: a typo
  // would fail the optimistic read; they go through the table list instead.
  const named = (tableNames ?? []).map(lower);
  const fromNames = known.size > 0 ? named.filter((n) => known.has(n)) : named;
  const guess = datasets.size === 0 ? [] : [...new Set(tableNames ? fromNames : [...known.keys()])];
  const guessed = guess.filter((n) => {
    const id = known.get(n);
    return id === undefined || datasets.has(id);
  });
  // The extra read of a file's settings sheet (tracking.ts), only in a workbook that has one.
  const fileSync = async (): Promise<void> => {
    await context.sync();
    syncs++;
  };
  if (guessed.length > 0) {
    const getRecords = queueReadRecords(context);
    const setList = readTableList();
    const queued = guessed.map((n) => [n, queueProbe(context, n, farRows, inlineFor(known.get(n)))] as const);
    try {
      await context.sync();
      syncs++;
      setList();
      records = await getRecords(fileSync);
      for (const [n, p] of queued) probes.set(n, p);
    } catch (error) {
      syncs++;
      if (officeErrorCode(error) !== "ItemNotFound") throw error;
      inlineBudget = READ_INLINE_BYTES; // a guessed table is gone: read the list first
    }
  }
  // 2. Records and table list, when the optimistic read was not possible.
  if (!records) {
    const getRecords = queueReadRecords(context);
    const setList = readTableList();
    await context.sync();
    syncs++;
    setList();
    records = await getRecords(fileSync);
  }
  const targets = records.filter((r) => !wanted || wanted.has(lower(r.tableName)));
  // 3. Tables still to read (not guessed): they exist, so getItem is safe.
  const missing = targets.filter((r) => existing.has(lower(r.tableName)) && !probes.has(lower(r.tableName)) && datasets.has(r.datasetId));
  if (missing.length > 0) {
    for (const r of missing) probes.set(lower(r.tableName), queueProbe(context, existing.get(lower(r.tableName)) as string, farRows, inlineFor(r.datasetId)));
    await context.sync();
    syncs++;
  }
  // 4. Bodies too large for one response, in row chunks.
  const bodies = new Map<string, PlanValue[][]>();
  const sheets = new SheetCache(context);
  for (const r of targets) {
    const key = lower(r.tableName);
    const p = probes.get(key);
    if (!p || !existing.has(key)) continue;
    if (p.inlineBody) {
      bodies.set(key, p.body.formulasR1C1 as PlanValue[][]);
      continue;
    }
    const rows = p.body.rowCount;
    const perRow = Math.max(1, datasetBytes(datasets.get(r.datasetId)) / Math.max(1, datasets.get(r.datasetId)?.rows.length ?? 1));
    const chunk = Math.max(1, Math.floor(READ_CHUNK_BYTES / perRow));
    const out: PlanValue[][] = [];
    for (let start = 0; start < rows; start += chunk) {
      const range = sheets.range(p.sheet.name, {
        row: p.whole.rowIndex + 1 + start,
        col: p.whole.columnIndex,
        rows: Math.min(chunk, rows - start),
        cols: p.whole.columnCount,
      });
      range.load("formulasR1C1");
      // Deliberate: a large table's body is read in chunks, each response under Excel on the web's 5 MB limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
      out.push(...(range.formulasR1C1 as PlanValue[][]));
    }
    bodies.set(key, out);
  }

  // 5. Decide, table by table (pure).
  const now = options.now().toISOString();
  const canResize = options.supports("1.13");
  const plans: TableRefreshPlan[] = [];
  targets.forEach((r, i) => {
    const key = lower(r.tableName);
    const p = existing.has(key) ? probes.get(key) : undefined;
    const snap = p ? snapshotOf(p, bodies.get(key) ?? []) : null;
    const rowKey = options.rowKeys && r.datasetId in options.rowKeys ? options.rowKeys[r.datasetId] : undefined;
    plans.push(planTableRefresh(r, datasets.get(r.datasetId), snap, { canResize, now, rowKey }));
    onProgress?.(i + 1, targets.length + 1, r.tableName);
  });

  // 6. Write every table's ops together; roll back what a refused request touched.
  const outcome = await writeAll(context, sheets, plans, options);
  syncs += outcome.syncs;
  onProgress?.(targets.length + 1, targets.length + 1, "Done");

  const summary: RefreshSummary = { tables: plans.map((p) => p.result) };
  summary.tables.push(...untrackedResults(records, tableNames));
  const updated = new Map(
    plans
      .filter((p) => p.record && p.ops.length > 0 && p.result.status !== "failed")
      .map((p) => [lower((p.record as TrackedRecord).tableName), p.record as TrackedRecord])
  );
  const after = records.map((r) => updated.get(lower(r.tableName)) ?? r);
  return { summary, records: after, syncs, tableNames: listed };
}

/** Runs the batches in order; returns how many succeeded and, if one was refused, its error. */
async function runTagged(
  context: Excel.RequestContext,
  sheets: SheetCache,
  batches: readonly TaggedOp<number>[][],
  supports: SupportsFn
): Promise<{ done: number; syncs: number; error?: unknown }> {
  let done = 0;
  for (const batch of batches) {
    suspendCalculation(context, supports);
    for (const { op } of batch) queueOp(context, sheets, op, supports);
    try {
      // Deliberate: one sync per batch, each request under Excel on the web's 5 MB limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      return { done, syncs: done + 1, error };
    }
    done++;
  }
  return { done, syncs: done };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Writes every plan's ops (tables in order, each table's record last). When Excel refuses a
 * request, the calls before the refused one are applied and the rest are not, and the error
 * does not say which table the refused call belonged to. So every table with ops in that
 * request, or in an earlier one and a later one, runs its rollback (one more request for all of
 * them; one per table only if that fails too) and is reported "failed"; tables whose ops all
 * went through in earlier requests are "updated"; tables whose ops were never sent are "failed"
 * and untouched. Mutates the plans' results.
 */
async function writeAll(
  context: Excel.RequestContext,
  sheets: SheetCache,
  plans: TableRefreshPlan[],
  options: RefreshTablesOptions
): Promise<{ syncs: number }> {
  const tagged: TaggedOp<number>[] = plans.flatMap((p, t) => p.ops.map((op) => ({ op, tag: t })));
  if (tagged.length === 0) return { syncs: 0 };
  const batches = packTaggedBatches(tagged, options);
  const run = await runTagged(context, sheets, batches, options.supports);
  let syncs = run.syncs;
  if (run.error === undefined) return { syncs };

  const first = new Map<number, number>();
  const last = new Map<number, number>();
  batches.forEach((batch, b) =>
    batch.forEach(({ tag }) => {
      if (!first.has(tag)) first.set(tag, b);
      last.set(tag, b);
    })
  );
  const refused = messageOf(run.error);
  const fail = (t: number, reason: string): void => {
    plans[t].result = failedResult(plans[t].result, reason);
  };
  const toRestore: number[] = [];
  for (const [t, b] of first) {
    if ((last.get(t) as number) < run.done) continue; // all of it went through
    const name = plans[t].result.tableName;
    if (b > run.done)
      fail(
        t,
        `Table "${name}" was not updated: Excel refused an earlier part of the refresh (${refused}), so its update was not sent; the table was left as it was.`
      );
    else toRestore.push(t);
  }
  const restored = (t: number): void =>
    fail(
      t,
      `Table "${plans[t].result.tableName}" was not updated because Excel refused the update: ${refused}; the table was left as it was. Refresh again to retry.`
    );
  const rollback = (ts: readonly number[]): TaggedOp<number>[][] =>
    packTaggedBatches(
      ts.flatMap((t) => plans[t].rollback.map((op) => ({ op, tag: t }))),
      options
    );
  const all = await runTagged(context, sheets, rollback(toRestore), options.supports);
  syncs += all.syncs;
  if (all.error === undefined) {
    toRestore.forEach(restored);
    return { syncs };
  }
  // The joint rollback was refused part-way: retry table by table (rollback writes can be
  // repeated), so one table's trouble does not mark the others.
  for (const t of toRestore) {
    const one = await runTagged(context, sheets, rollback([t]), options.supports);
    syncs += one.syncs;
    if (one.error === undefined) restored(t);
    else
      fail(
        t,
        `Excel refused the update of table "${plans[t].result.tableName}" (${refused}) and then refused to restore it (${messageOf(one.error)}), so the table may be partly updated. Refresh again to complete it, or delete the table and insert the dataset again.`
      );
  }
  return { syncs };
}
