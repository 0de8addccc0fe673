/**
 * Refresh in Excel: reads each tracked table's snapshot with Office.js (one sync in the usual
 * case), lets the pure planner (sheet/refresh-plan.ts, which also explains what is rewritten
 * and how rows are matched) decide the writes, and writes all tables' ops together (one sync
 * unless the payload has to be chunked). When Excel refuses a write, every table the refused
 * request touched is rolled back in one more sync: each table ends fully old or fully new,
 * never half-written. When Excel refuses the read of several tables (for a reason other than a
 * table gone), each is read on its own: a table that still cannot be read fails alone, with
 * Excel's reason, and the others refresh. Tables may fill the sheet down to its last row.
 */
import type { CellValue, Dataset } from "../data/types";
import type { RefreshSummary, ProgressFn } from "../sheet/workbook";
import { EXCEL_MAX_ROWS, type PlanValue } from "../sheet/plan";
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
  /** The rows right below the table (null where the table ends at the sheet's last row). */
  near: Excel.Range | null;
  /** The used part of the far zone (null where the zone is empty: the sheet ends first). */
  far: Excel.Range | null;
  inlineBody: boolean;
}

/** Queues the reads of a table itself: its name, sheet, extent, header row and body. */
function queueTable(context: Excel.RequestContext, name: string, inlineBody: boolean): Omit<Probe, "near" | "far"> {
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
  return { table, sheet, whole, header, body, inlineBody };
}

/**
 * The used cells of the far zone: from the row below `near` down to the sheet's last row, in the
 * table's columns. A range spanned to the sheet's last row (getBoundingRect with the last row of
 * the table's whole columns) rather than a count of rows: a count large enough for any refresh
 * ran off the sheet for a table over half of it, and failed the read of every table (issue 21).
 * Range.getBoundingRect, getEntireColumn, getLastRow: ExcelApi 1.1
 * (https://learn.microsoft.com/javascript/api/excel/excel.range).
 */
function queueFar(whole: Excel.Range, near: Excel.Range): Excel.Range {
  const far = near.getRowsBelow(1).getBoundingRect(whole.getEntireColumn().getLastRow()).getUsedRangeOrNullObject(true);
  far.load("rowIndex");
  return far;
}

/**
 * Queues the reads for one table. Uses tables.getItem (not getItemOrNullObject): ranges are
 * then taken from a table that is known to exist, and a table deleted since the names were
 * known fails the whole read sync with ItemNotFound, which the caller handles by reading the
 * list of tables first. The rows below the table are NEAR_ROWS and then the rest of the sheet,
 * which fits unless the table ends within NEAR_ROWS + 1 rows of the sheet's last row: that
 * table fails the read, and readAlone() reads it on its own.
 */
function queueProbe(context: Excel.RequestContext, name: string, inlineBody: boolean): Probe {
  const t = queueTable(context, name, inlineBody);
  const near = t.whole.getRowsBelow(NEAR_ROWS);
  near.load("values");
  return { ...t, near, far: queueFar(t.whole, near) };
}

/**
 * Reads one table in two syncs, whatever its place on the sheet: the table first, then as many
 * rows below it as the sheet has (none for a table that ends at the last row). The path for a
 * table whose read failed among others.
 */
async function readAlone(context: Excel.RequestContext, name: string, inlineBody: boolean): Promise<{ probe: Probe; syncs: number }> {
  const t = queueTable(context, name, inlineBody);
  await context.sync();
  const end = t.whole.rowIndex + t.whole.rowCount - 1;
  const nearRows = Math.min(NEAR_ROWS, EXCEL_MAX_ROWS - 1 - end);
  let near: Excel.Range | null = null;
  let far: Excel.Range | null = null;
  if (nearRows > 0) {
    near = t.whole.getRowsBelow(nearRows);
    near.load("values");
    if (end + nearRows < EXCEL_MAX_ROWS - 1) far = queueFar(t.whole, near);
    await context.sync();
  }
  return { probe: { ...t, near, far }, syncs: nearRows > 0 ? 2 : 1 };
}

function snapshotOf(p: Probe, body: PlanValue[][]): TableSnapshot {
  const end = p.whole.rowIndex + p.whole.rowCount - 1;
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
    near: p.near ? (p.near.values as PlanValue[][]) : [],
    farFirstUsedRow: p.far === null || p.far.isNullObject ? null : p.far.rowIndex,
    // The far zone runs to the sheet's last row.
    farRows: Math.max(0, EXCEL_MAX_ROWS - 1 - end - NEAR_ROWS),
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
  /** Tables that could not be read (lower name → Excel's reason): each fails alone, the others refresh. */
  const unreadable = new Map<string, string>();
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
  // Whether the tables are read one by one: after a read of several failed for a reason other
  // than a table gone, so that one table that cannot be read does not fail the others.
  let alone = false;
  if (guessed.length > 0) {
    const getRecords = queueReadRecords(context);
    const setList = readTableList();
    const queued = guessed.map((n) => [n, queueProbe(context, n, inlineFor(known.get(n)))] as const);
    try {
      await context.sync();
      syncs++;
      setList();
      records = await getRecords(fileSync);
      for (const [n, p] of queued) probes.set(n, p);
    } catch (error) {
      syncs++;
      if (officeErrorCode(error) !== "ItemNotFound") alone = true;
      inlineBudget = READ_INLINE_BYTES; // read the list first, then the tables again
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
  if (missing.length > 0 && !alone) {
    const queued = missing.map((r) => [lower(r.tableName), queueProbe(context, existing.get(lower(r.tableName)) as string, inlineFor(r.datasetId))] as const);
    try {
      await context.sync();
      syncs++;
      for (const [n, p] of queued) probes.set(n, p);
    } catch (error) {
      syncs++;
      void error; // which table it was, Excel does not say: each is read on its own below
      alone = true;
    }
  }
  if (alone) {
    inlineBudget = READ_INLINE_BYTES;
    for (const r of missing) {
      const key = lower(r.tableName);
      try {
        // Deliberate: one table at a time, so that a table Excel refuses to read fails alone.
        const read = await readAlone(context, existing.get(key) as string, inlineFor(r.datasetId));
        syncs += read.syncs;
        probes.set(key, read.probe);
      } catch (error) {
        syncs++;
        unreadable.set(key, messageOf(error));
      }
    }
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
    try {
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
    } catch (error) {
      syncs++;
      unreadable.set(key, messageOf(error));
    }
  }

  // 5. Decide, table by table (pure).
  const now = options.now().toISOString();
  const canResize = options.supports("1.13");
  const plans: TableRefreshPlan[] = [];
  targets.forEach((r, i) => {
    const key = lower(r.tableName);
    const p = existing.has(key) ? probes.get(key) : undefined;
    const rowKey = options.rowKeys && r.datasetId in options.rowKeys ? options.rowKeys[r.datasetId] : undefined;
    const problem = unreadable.get(key);
    if (problem !== undefined) {
      const base = planTableRefresh(r, datasets.get(r.datasetId), null, { canResize, now, rowKey }).result;
      const reason = `Excel could not read table "${r.tableName}" (${problem}), so it was left as it is; the other tables were refreshed.`;
      plans.push({ result: failedResult(base, reason), ops: [], rollback: [] });
    } else {
      const snap = p ? snapshotOf(p, bodies.get(key) ?? []) : null;
      plans.push(planTableRefresh(r, datasets.get(r.datasetId), snap, { canResize, now, rowKey }));
    }
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
