/**
 * Refresh: rewrite tracked tables in place from new, already validated datasets.
 *
 * Two layers again:
 * - planTableRefresh() is pure: from a table's tracking record, the new dataset and a snapshot
 *   of the table as it is now (headers, body formulas, the cells right below it) it decides
 *   whether the table can be updated and, if so, returns every write as WriteOps. Any doubt
 *   (table gone, a dataset column renamed or missing, the dataset's columns changed, cells in
 *   the way of new rows, a Total Row that would have to move) skips the whole table with a
 *   reason and no write at all: a table is never half updated by a decision.
 * - refreshTables() reads snapshots with Office.js (one sync in the usual case) and writes all
 *   tables' ops together (one sync unless the payload has to be chunked).
 *
 * What is rewritten: only the dataset's own columns, found by the header text recorded at
 * insert time (so the user may move them or add columns between them). Columns the user added
 * to the table keep their content; a column holding one formula for every row (a calculated
 * column) is filled down over new rows explicitly, because Excel's own fill-down on resize
 * depends on a user AutoCorrect option. When rows are matched by key and their order changed,
 * user-column cells move with their row. Cells outside the table are never written, except the
 * add-in's own note lines under it, which move with the table's last row.
 *
 * Rows are matched by a key column (the dataset's first column unless configured otherwise)
 * when its values are non-blank and unique in both the table and the new data, else by position.
 */
import type { CellValue, Dataset } from "../data/types";
import type { RefreshSummary, RefreshTableResult, ProgressFn } from "../sheet/workbook";
import { datasetBody, datasetHeaders, datasetNoteLines, MAX_NOTE_LINES, NOTE_GAP_ROWS, NOTE_STYLE } from "../sheet/dataset-plan";
import type { PlanValue } from "../sheet/plan";
import {
  jsonBytes,
  noteOps,
  officeErrorCode,
  packBatches,
  runBatches,
  SheetCache,
  TEXT_FORMAT,
  type PackOptions,
  type SupportsFn,
  type WriteOp,
} from "./apply-plan";
import { queueReadRecords, recordWriteOp, type TrackedRecord } from "./tracking";

/** Rows read right below a table: the gap row and the note lines. */
export const NEAR_ROWS = NOTE_GAP_ROWS + MAX_NOTE_LINES;
/** Above this many separate runs of changed rows, the dataset's columns are rewritten whole. */
export const MAX_ROW_RUNS = 64;

/** A table as it is in the workbook now (everything refresh needs, read in one sync). */
export interface TableSnapshot {
  /** The table's current name (case may differ from the record). */
  tableName: string;
  sheetName: string;
  showHeaders: boolean;
  showTotals: boolean;
  /** Absolute zero-based position of the table's first row (the header row) and first column. */
  top: number;
  left: number;
  /** Rows of the whole table: header + body (+ totals row when shown). */
  rowCount: number;
  width: number;
  /** The header row's values. */
  headers: PlanValue[];
  bodyRows: number;
  /** The body as formulasR1C1 (constants as values, formulas as R1C1 text): bodyRows × width. */
  body: PlanValue[][];
  /** Values of the NEAR_ROWS rows right below the table, table width. */
  near: PlanValue[][];
  /** The first used row (absolute) in the FAR zone below `near`, or null when it is empty. */
  farFirstUsedRow: number | null;
  /** How many rows the far zone covers. */
  farRows: number;
}

export interface TableRefreshOptions {
  /** table.resize is available (ExcelApi 1.13). */
  canResize: boolean;
  /** ISO timestamp stored as refreshedAt. */
  now: string;
  /** The key column: a column key, null for "match by position", undefined for the first column. */
  rowKey?: string | null;
}

export interface TableRefreshPlan {
  result: RefreshTableResult;
  ops: WriteOp[];
  /** How rows were matched (for tests and logs). */
  matchedBy?: "key" | "position";
  /** The record to keep in memory after the write (also inside ops when it changed). */
  record?: TrackedRecord;
}

const blank = (v: unknown): boolean => v === null || v === undefined || v === "";

/** Whether two cells hold the same thing (numbers within 1e-12 relative). */
export function sameCell(a: PlanValue | undefined, b: PlanValue | undefined): boolean {
  if (blank(a) && blank(b)) return true;
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  return a === b;
}

function keyOf(v: PlanValue | undefined): string | null {
  if (blank(v)) return null;
  if (typeof v === "string") return `s:${v.trim()}`;
  return `${typeof v}:${String(v)}`;
}

/** The dataset column used as row key (-1: match by position). */
export function rowKeyColumn(dataset: Dataset, rowKey?: string | null): number {
  if (rowKey === null) return -1;
  if (rowKey === undefined) return dataset.columns.length > 0 ? 0 : -1;
  return dataset.columns.findIndex((c) => c.key === rowKey);
}

function uniqueNonBlank(keys: (string | null)[]): boolean {
  const seen = new Set<string>();
  for (const k of keys) {
    if (k === null || seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

function uniformFormula(cells: PlanValue[]): string | null {
  if (cells.length === 0) return null;
  const first = cells[0];
  if (typeof first !== "string" || !first.startsWith("=")) return null;
  return cells.every((c) => c === first) ? first : null;
}

const norm = (v: PlanValue | undefined): string =>
  String(v ?? "")
    .trim()
    .toLowerCase();

/** A skipped result for each requested table name that has no tracking record (any adapter). */
export function untrackedResults(records: readonly { tableName: string }[], tableNames: readonly string[] | undefined): RefreshTableResult[] {
  const known = new Set(records.map((r) => r.tableName.toLowerCase()));
  return (tableNames ?? [])
    .filter((n) => !known.has(n.toLowerCase()))
    .map((n) => ({
      tableName: n,
      datasetId: "",
      status: "skipped",
      reason: `Table "${n}" was not inserted by the add-in, so it cannot be refreshed.`,
      oldVersion: "",
      newVersion: "",
      added: 0,
      changed: 0,
      removed: 0,
    }));
}

/**
 * Decides how to refresh one table. Pure.
 *
 * @example
 *   const plan = planTableRefresh(record, dataset, snapshot, { canResize: true, now: new Date().toISOString() });
 *   if (plan.result.status === "skipped") console.log(plan.result.reason);
 */
export function planTableRefresh(
  record: TrackedRecord,
  dataset: Dataset | undefined,
  snap: TableSnapshot | null,
  options: TableRefreshOptions
): TableRefreshPlan {
  const name = snap?.tableName ?? record.tableName;
  const base: RefreshTableResult = {
    tableName: name,
    datasetId: record.datasetId,
    status: "skipped",
    oldVersion: record.version,
    newVersion: dataset?.version ?? record.version,
    added: 0,
    changed: 0,
    removed: 0,
  };
  const skip = (reason: string): TableRefreshPlan => ({ result: { ...base, status: "skipped", reason }, ops: [] });

  if (!dataset) return skip(`No validated data for dataset "${record.datasetId}" was supplied, so table "${name}" was left as it is.`);
  const dsKeys = dataset.columns.map((c) => c.key);
  const newKeys = dsKeys.filter((k) => !record.columnKeys.includes(k));
  const goneKeys = record.columnKeys.filter((k) => !dsKeys.includes(k));
  if (newKeys.length > 0 || goneKeys.length > 0) {
    const parts = [newKeys.length > 0 ? `new: ${newKeys.join(", ")}` : "", goneKeys.length > 0 ? `removed: ${goneKeys.join(", ")}` : ""].filter(Boolean);
    return skip(
      `The columns of dataset "${dataset.id}" changed since table "${name}" was inserted (${parts.join("; ")}). Insert the dataset again to get the new layout; the old table was left as it is.`
    );
  }
  if (!snap) return skip(`Table "${name}" is no longer in the workbook (it was deleted or renamed), so nothing was changed.`);
  if (!snap.showHeaders) return skip(`Table "${name}" has its header row hidden, so its columns cannot be matched. Show the header row and refresh again.`);

  // Find every dataset column by its recorded header text.
  const recordedHeaders =
    record.headers.length === record.columnKeys.length
      ? record.headers
      : ((): string[] => {
          const hs = datasetHeaders(dataset, record.language);
          return record.columnKeys.map((k) => hs[dsKeys.indexOf(k)]);
        })();
  const posOfKey = new Map<string, number>();
  for (let i = 0; i < record.columnKeys.length; i++) {
    const want = norm(recordedHeaders[i]);
    const matches: number[] = [];
    snap.headers.forEach((h, j) => {
      if (norm(h) === want) matches.push(j);
    });
    if (matches.length === 0)
      return skip(
        `Column "${recordedHeaders[i]}" is no longer in table "${name}" (renamed or deleted), so the dataset's columns cannot be matched safely. Nothing was changed.`
      );
    if (matches.length > 1)
      return skip(
        `Column "${recordedHeaders[i]}" appears ${matches.length} times in table "${name}", so it is not clear which one holds the dataset. Nothing was changed.`
      );
    posOfKey.set(record.columnKeys[i], matches[0]);
  }
  const posOfDs = dataset.columns.map((c) => posOfKey.get(c.key) as number);
  if (new Set(posOfDs).size !== posOfDs.length) return skip(`Two dataset columns map to the same column of table "${name}". Nothing was changed.`);

  // Old and new grids (dataset columns, in dataset order).
  const body = datasetBody(dataset);
  const newDataRows = dataset.rows.length;
  const newBodyRows = Math.max(1, newDataRows);
  const newGrid: PlanValue[][] = newDataRows > 0 ? body.values : [dataset.columns.map(() => null)];
  const oldBodyRows = snap.bodyRows;
  const oldAt = (r: number, d: number): PlanValue => snap.body[r]?.[posOfDs[d]] ?? null;
  let oldDataRows = oldBodyRows;
  if (oldBodyRows === 1 && dataset.columns.every((_, d) => blank(oldAt(0, d)))) oldDataRows = 0;

  // Match rows.
  let newToOld: number[] | null = null;
  let matchedBy: "key" | "position" = "position";
  const keyIdx = rowKeyColumn(dataset, options.rowKey);
  if (keyIdx >= 0) {
    const oldKeys = Array.from({ length: oldDataRows }, (_, r) => keyOf(oldAt(r, keyIdx)));
    const newKeys2 = Array.from({ length: newDataRows }, (_, r) => keyOf(newGrid[r][keyIdx]));
    if (uniqueNonBlank(oldKeys) && uniqueNonBlank(newKeys2)) {
      const oldIndex = new Map(oldKeys.map((k, r) => [k as string, r]));
      newToOld = newKeys2.map((k) => oldIndex.get(k as string) ?? -1);
      matchedBy = "key";
    }
  }
  if (!newToOld) newToOld = Array.from({ length: newDataRows }, (_, r) => (r < oldDataRows ? r : -1));
  const added = newToOld.filter((o) => o < 0).length;
  const removed = oldDataRows - (newDataRows - added);
  let changed = 0;
  newToOld.forEach((o, r) => {
    if (o >= 0 && dataset.columns.some((_, d) => !sameCell(oldAt(o, d), newGrid[r][d]))) changed++;
  });
  const counts = { added, changed, removed };

  const g = newBodyRows - oldBodyRows;
  // Rows whose dataset cells change (new rows always do); written in runs of adjacent rows.
  const dirty: number[] = [];
  for (let r = 0; r < newBodyRows; r++) {
    if (r >= oldBodyRows || dataset.columns.some((_, d) => !sameCell(oldAt(r, d), newGrid[r][d]))) dirty.push(r);
  }
  const newFormats = record.columnKeys.map((k) => body.columnFormats[dsKeys.indexOf(k)]);
  const formatsChanged = !record.formats || record.formats.some((f, i) => f !== newFormats[i]);
  let rowRuns: [number, number][] = [];
  for (const r of dirty) {
    const last = rowRuns[rowRuns.length - 1];
    if (last && last[1] === r) last[1] = r + 1;
    else rowRuns.push([r, r + 1]);
  }
  if (formatsChanged || rowRuns.length > MAX_ROW_RUNS) rowRuns = [[0, newBodyRows]];
  const gridDiffers = dirty.length > 0 || formatsChanged;

  const sheet = snap.sheetName;
  const bodyTop = snap.top + 1;

  // Columns the user added to the table.
  const datasetPositions = new Set(posOfDs);
  const identity = newToOld.every((o, r) => (o < 0 ? r >= oldDataRows : o === r));
  const userOps: WriteOp[] = [];
  for (let p = 0; p < snap.width; p++) {
    if (datasetPositions.has(p)) continue;
    const oldCol = Array.from({ length: oldBodyRows }, (_, r) => snap.body[r]?.[p] ?? "");
    const fill = uniformFormula(oldCol.slice(0, oldDataRows));
    if (identity) {
      if (fill !== null && newDataRows > oldDataRows) {
        userOps.push({
          kind: "fillR1C1",
          sheet,
          at: { row: bodyTop + oldDataRows, col: snap.left + p, rows: newDataRows - oldDataRows, cols: 1 },
          formula: fill,
        });
      }
      continue;
    }
    const newCol: PlanValue[] = Array.from({ length: newBodyRows }, (_, r) => {
      const o = r < newToOld.length ? newToOld[r] : -1;
      if (o >= 0) return oldCol[o];
      return newDataRows > 0 && fill !== null ? fill : "";
    });
    if (newCol.some((v, r) => !sameCell(v, r < oldBodyRows ? oldCol[r] : ""))) {
      userOps.push({ kind: "formulasR1C1", sheet, at: { row: bodyTop, col: snap.left + p, rows: newBodyRows, cols: 1 }, formulas: newCol.map((v) => [v]) });
    }
  }

  // The note lines under the table, and the rows the update needs below the table.
  const newNotes = datasetNoteLines(dataset, record.language);
  const oldEnd = snap.top + snap.rowCount - 1;
  const newEnd = oldEnd + g;
  const notesWrite = g !== 0 || newNotes.length !== record.notes.length || newNotes.some((l, i) => l !== record.notes[i]);
  const ours = record.notes.map((line, i) => {
    const row = snap.near[NOTE_GAP_ROWS + i];
    return row !== undefined && row[0] === line && row.slice(1).every(blank);
  });
  if (g !== 0 && snap.showTotals)
    return skip(
      `Table "${name}" shows a Total Row, which would have to move for the ${g > 0 ? "new" : "removed"} rows. Turn the Total Row off, refresh, then turn it back on.`
    );
  if (g !== 0 && !options.canResize)
    return skip(`Table "${name}" needs ${g > 0 ? "more" : "fewer"} rows, and this version of Excel cannot resize tables (ExcelApi 1.13). Nothing was changed.`);
  const need: { row: number; fullWidth: boolean }[] = [];
  for (let r = oldEnd + 1; r <= newEnd; r++) need.push({ row: r, fullWidth: true });
  if (notesWrite) newNotes.forEach((_, i) => need.push({ row: newEnd + 1 + NOTE_GAP_ROWS + i, fullWidth: false }));
  const blocked: number[] = [];
  for (const { row, fullWidth } of need) {
    const rel = row - oldEnd;
    if (rel < 1) continue; // inside the old table: its own cells
    if (rel <= NEAR_ROWS) {
      const cells = snap.near[rel - 1] ?? [];
      const noteIdx = rel - 1 - NOTE_GAP_ROWS;
      if (noteIdx >= 0 && noteIdx < ours.length && ours[noteIdx]) continue;
      if (fullWidth ? cells.some((c) => !blank(c)) : !blank(cells[0])) blocked.push(row);
    } else if (rel - NEAR_ROWS > snap.farRows || (snap.farFirstUsedRow !== null && snap.farFirstUsedRow <= row)) {
      blocked.push(row);
    }
  }
  if (blocked.length > 0) {
    const first = Math.min(...blocked) + 1;
    const last = Math.max(...blocked) + 1;
    const rows = first === last ? `row ${first}` : `rows ${first}–${last}`;
    const what = g > 0 ? `${g} new row${g === 1 ? "" : "s"} and the source note` : "the source note";
    return skip(
      `Table "${name}" needs ${rows} of sheet "${sheet}" below it (for ${what}), but those cells are not empty. Move them away and refresh again; nothing was changed.`
    );
  }

  const record2: TrackedRecord = {
    ...record,
    tableName: snap.tableName,
    sheetName: sheet,
    version: dataset.version,
    headers: [...recordedHeaders],
    notes: notesWrite ? newNotes : [...record.notes],
    formats: newFormats,
  };
  if (!gridDiffers && userOps.length === 0 && !notesWrite) {
    const ops = record.version !== dataset.version || record.headers.length !== record.columnKeys.length || formatsChanged ? [recordWriteOp(record2)] : [];
    return { result: { ...base, ...counts, status: "unchanged" }, ops, matchedBy, record: record2 };
  }
  record2.refreshedAt = options.now;

  const ops: WriteOp[] = [];
  if (notesWrite) {
    ours.forEach((isOurs, i) => {
      if (isOurs) ops.push({ kind: "clear", sheet, at: { row: oldEnd + 1 + NOTE_GAP_ROWS + i, col: snap.left, rows: 1, cols: 1 }, applyTo: "All" });
    });
  }
  if (g !== 0) ops.push({ kind: "resizeTable", sheet, table: snap.tableName, at: { row: snap.top, col: snap.left, rows: 1 + newBodyRows, cols: snap.width } });
  if (g < 0) ops.push({ kind: "clear", sheet, at: { row: newEnd + 1, col: snap.left, rows: -g, cols: snap.width }, applyTo: "All" });
  if (gridDiffers) {
    // Runs of adjacent table columns holding dataset columns: one values write per column run
    // and row run; every cell's number format ("@" for strings) is queued before its value.
    const order = posOfDs.map((p, d) => ({ p, d })).sort((a, b) => a.p - b.p);
    const colRuns: { p: number; d: number }[][] = [];
    for (const item of order) {
      const run = colRuns[colRuns.length - 1];
      if (run && run[run.length - 1].p === item.p - 1) run.push(item);
      else colRuns.push([item]);
    }
    const formatAt = (r: number, d: number): string => {
      const v = newGrid[r][d];
      if (typeof v === "string" && v !== "") return TEXT_FORMAT;
      return (newDataRows > 0 ? body.cellFormats?.[r]?.[d] : null) ?? body.columnFormats[d];
    };
    for (const [from, to] of rowRuns) {
      const rows = newGrid.slice(from, to);
      for (const run of colRuns) {
        for (const { p, d } of run) {
          const colAt = { row: bodyTop + from, col: snap.left + p, rows: to - from, cols: 1 };
          const formats = rows.map((_, i) => formatAt(from + i, d));
          if (formats.every((f) => f === formats[0])) ops.push({ kind: "numberFormat", sheet, at: colAt, format: formats[0] });
          else ops.push({ kind: "numberFormatGrid", sheet, at: colAt, formats: formats.map((f) => [f]) });
        }
        ops.push({
          kind: "values",
          sheet,
          at: { row: bodyTop + from, col: snap.left + run[0].p, rows: to - from, cols: run.length },
          values: rows.map((row) => run.map(({ d }) => (row[d] === null ? "" : row[d]))),
        });
      }
    }
  }
  ops.push(...userOps);
  if (notesWrite) ops.push(...noteOps(sheet, { row: newEnd + 1 + NOTE_GAP_ROWS, col: snap.left }, newNotes, { ...NOTE_STYLE }));
  ops.push(recordWriteOp(record2));
  return { result: { ...base, ...counts, status: "updated" }, ops, matchedBy, record: record2 };
}

// ---------------------------------------------------------------------------------------------
// Office.js
// ---------------------------------------------------------------------------------------------

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
  if (guessed.length > 0) {
    const getRecords = queueReadRecords(context);
    const setList = readTableList();
    const queued = guessed.map((n) => [n, queueProbe(context, n, farRows, inlineFor(known.get(n)))] as const);
    try {
      await context.sync();
      syncs++;
      records = getRecords();
      setList();
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
    records = getRecords();
    setList();
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

  // 6. Write every table's ops together.
  const ops = plans.flatMap((p) => p.ops);
  if (ops.length > 0) syncs += await runBatches(context, sheets, packBatches(ops, options), options.supports);
  onProgress?.(targets.length + 1, targets.length + 1, "Done");

  const summary: RefreshSummary = { tables: plans.map((p) => p.result) };
  summary.tables.push(...untrackedResults(records, tableNames));
  const updated = new Map(
    plans.filter((p) => p.record && p.ops.length > 0).map((p) => [lower((p.record as TrackedRecord).tableName), p.record as TrackedRecord])
  );
  const after = records.map((r) => updated.get(lower(r.tableName)) ?? r);
  return { summary, records: after, syncs, tableNames: listed };
}
