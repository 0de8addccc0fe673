/**
 * Refresh planning: rewrite tracked tables in place from new, already validated datasets.
 *
 * Two layers again:
 * - planTableRefresh() is pure: from a table's tracking record, the new dataset and a snapshot
 *   of the table as it is now (headers, body formulas, the cells right below it) it decides
 *   whether the table can be updated and, if so, returns every write as WriteOps, and the
 *   writes that undo them. Any doubt (table gone, a dataset column renamed or missing, the
 *   dataset's columns changed, an older version than the table holds, cells in the way of new
 *   rows, a Total Row that would have to move) skips the whole table with a reason and no write
 *   at all; a pinned table is left as it is.
 * - an adapter reads the snapshots and writes the ops with its engine (Excel: excel/refresh.ts,
 *   which also rolls back what Excel refused; the workbench: its HyperFormula workbook).
 *
 * What is rewritten: only the cells that change, in the dataset's own columns found by the
 * header text recorded at insert time (so the user may move them or add columns between them),
 * so a request grows with the change, not with the table. Rows matched by key keep their places
 * (a user's sort survives); new rows are appended at the bottom in the feed's order; removed
 * rows close up. Columns the user added to the table keep their content, which moves with its
 * row; a column holding one formula for every row (a calculated column) is filled down over new
 * rows explicitly, because Excel's own fill-down on resize depends on a user AutoCorrect option.
 * Cells outside the table are never written, except the add-in's own note lines under it, which
 * move with the table's last row.
 *
 * Rows are matched by a key column (the dataset's declared `key`, else its first column, unless
 * configured otherwise) when its values are non-blank in both the table and the new data; a
 * declared key pairs repeated values by occurrence, a guessed or configured one must be (nearly)
 * unique (MAX_DUPLICATE_KEY_SHARE); else rows are matched by position.
 */
import type { CellValue, Dataset } from "../data/types";
import { compareVersions } from "../data/semver";
import { MAX_CHANGES_LISTED, type CellChange, type RefreshTableResult } from "./workbook";
import { datasetBody, datasetHeaders, datasetNoteLines, MAX_NOTE_LINES, NOTE_GAP_ROWS, NOTE_STYLE } from "./dataset-plan";
import { EXCEL_MAX_ROWS, type PlanValue } from "./plan";
import { noteOps, OP_OVERHEAD_BYTES, opBytes, TEXT_FORMAT, utf8Length, type WriteOp } from "./write-ops";
import { recordWriteOp, type TrackedRecord } from "./tracking";

/** Rows read right below a table: the gap row and the note lines. */
export const NEAR_ROWS = NOTE_GAP_ROWS + MAX_NOTE_LINES;
/** Above this many rectangles of changed cells, rewriting the dataset's columns whole is considered (the cheaper in bytes wins). */
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
  /** The writes, the table's tracking record last. */
  ops: WriteOp[];
  /**
   * Writes that bring the table back to the snapshot (extent, every cell `ops` writes or clears,
   * the note lines, the record), whichever prefix of `ops` was applied; empty when `ops` is.
   */
  rollback: WriteOp[];
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
  const key = rowKey ?? dataset.key;
  if (key === undefined) return dataset.columns.length > 0 ? 0 : -1;
  return dataset.columns.findIndex((c) => c.key === key);
}

/** Rows sharing a key with another row, as a share of all rows, above which the column is no key. */
export const MAX_DUPLICATE_KEY_SHARE = 0.01;

/**
 * Keys made unique by their occurrence ("k", "k#1", …), or null when the column cannot be a row
 * key: a blank key, or more than MAX_DUPLICATE_KEY_SHARE of the rows sharing a key (Epoch's
 * table lists one model twice among 1,892; a column like "organisation" repeats everywhere).
 */
function occurrenceKeys(keys: (string | null)[], declared: boolean): string[] | null {
  const count = new Map<string, number>();
  for (const k of keys) {
    if (k === null) return null;
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  let shared = 0;
  for (const n of count.values()) if (n > 1) shared += n;
  // A key the dataset declares is trusted with its repeats; a guessed one (the first column) is not.
  if (!declared && shared > Math.floor(keys.length * MAX_DUPLICATE_KEY_SHARE)) return null;
  const seen = new Map<string, number>();
  return (keys as string[]).map((k) => {
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return n === 0 ? k : `${k}\u0000${n}`;
  });
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

/** A planned table's result once its write failed: nothing was added, changed or removed. */
export function failedResult(r: RefreshTableResult, reason: string): RefreshTableResult {
  return {
    tableName: r.tableName,
    datasetId: r.datasetId,
    status: "failed",
    reason,
    oldVersion: r.oldVersion,
    newVersion: r.newVersion,
    added: 0,
    changed: 0,
    removed: 0,
  };
}

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
  const skip = (reason: string): TableRefreshPlan => ({ result: { ...base, status: "skipped", reason }, ops: [], rollback: [] });

  if (record.origin === "paste") {
    const reason = `Table "${name}" was pasted from a report's text, not inserted from the feed: there is nothing to refresh, so it was left as it is.`;
    return { result: { ...base, status: "skipped", reason, newVersion: record.version }, ops: [], rollback: [] };
  }
  if (record.pinned) {
    const feed = dataset ? `; the feed has ${dataset.version}` : "";
    const reason = `Table "${name}" is pinned to ${record.version}${feed}. Unpin it to refresh it.`;
    return { result: { ...base, status: "pinned", reason }, ops: [], rollback: [] };
  }
  if (!dataset) return skip(`No validated data for dataset "${record.datasetId}" was supplied, so table "${name}" was left as it is.`);
  if (compareVersions(dataset.version, record.version) < 0)
    return skip(
      `The feed has version ${dataset.version} of dataset "${dataset.id}", older than the ${record.version} that table "${name}" holds. A refresh never goes back to an older version, so the table was left as it is.`
    );
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
    // The dataset's own declared key is trusted with its repeats; a key given by option or guessed is checked.
    const declared = options.rowKey === undefined && dataset.key !== undefined;
    const oldKeys = occurrenceKeys(
      Array.from({ length: oldDataRows }, (_, r) => keyOf(oldAt(r, keyIdx))),
      declared
    );
    const newKeys2 = occurrenceKeys(
      Array.from({ length: newDataRows }, (_, r) => keyOf(newGrid[r][keyIdx])),
      declared
    );
    if (oldKeys && newKeys2) {
      const oldIndex = new Map(oldKeys.map((k, r) => [k, r]));
      newToOld = newKeys2.map((k) => oldIndex.get(k) ?? -1);
      matchedBy = "key";
    }
  }
  if (!newToOld) newToOld = Array.from({ length: newDataRows }, (_, r) => (r < oldDataRows ? r : -1));

  // Where each row goes. By key: rows already in the table keep their places (a user's sort
  // survives, and one row inserted near the top of the feed rewrites nothing below it); removed
  // rows close up; new rows are appended in the feed's order. By position: the feed's order.
  const slots: { o: number; n: number }[] = [];
  if (matchedBy === "key") {
    const oldToNew = new Array<number>(oldDataRows).fill(-1);
    newToOld.forEach((o, n) => {
      if (o >= 0) oldToNew[o] = n;
    });
    oldToNew.forEach((n, o) => {
      if (n >= 0) slots.push({ o, n });
    });
    newToOld.forEach((o, n) => {
      if (o < 0) slots.push({ o: -1, n });
    });
  } else newToOld.forEach((o, n) => slots.push({ o, n }));

  // What changed, for the summary: exact counts, the first few cells and keys.
  const order = posOfDs.map((p, d) => ({ p, d })).sort((a, b) => a.p - b.p);
  const keyText = (v: CellValue | PlanValue | undefined): string => (blank(v) ? "" : String(v));
  const rowLabel = (i: number): string => (matchedBy === "key" ? keyText(dataset.rows[slots[i].n][keyIdx]) : `#${i + 1}`);
  const asCell = (v: PlanValue | undefined): CellValue => (blank(v) ? null : (v as CellValue));
  const changes: CellChange[] = [];
  let changed = 0;
  slots.forEach(({ o, n }, i) => {
    if (o < 0) return;
    let rowChanged = false;
    for (const { d } of order) {
      if (sameCell(oldAt(o, d), newGrid[n][d])) continue;
      rowChanged = true;
      if (changes.length < MAX_CHANGES_LISTED) changes.push({ row: rowLabel(i), column: dsKeys[d], old: asCell(oldAt(o, d)), new: asCell(newGrid[n][d]) });
      else break;
    }
    if (rowChanged) changed++;
  });
  const added = newToOld.filter((o) => o < 0).length;
  const removed = oldDataRows - (newDataRows - added);
  const counts: Pick<RefreshTableResult, "added" | "changed" | "removed" | "changes" | "addedKeys" | "removedKeys"> = { added, changed, removed };
  if (changes.length > 0) counts.changes = changes;
  if (matchedBy === "key") {
    const addedKeys = slots.filter((s) => s.o < 0).slice(0, MAX_CHANGES_LISTED);
    if (addedKeys.length > 0) counts.addedKeys = addedKeys.map((s) => keyText(dataset.rows[s.n][keyIdx]));
    const kept = new Set(slots.map((s) => s.o));
    const removedKeys: string[] = [];
    for (let o = 0; o < oldDataRows && removedKeys.length < MAX_CHANGES_LISTED; o++) if (!kept.has(o)) removedKeys.push(keyText(oldAt(o, keyIdx)));
    if (removedKeys.length > 0) counts.removedKeys = removedKeys;
  }

  const g = newBodyRows - oldBodyRows;
  const sheet = snap.sheetName;
  const bodyTop = snap.top + 1;
  const newFormats = record.columnKeys.map((k) => body.columnFormats[dsKeys.indexOf(k)]);
  const formatsChanged = !record.formats || record.formats.some((f, i) => f !== newFormats[i]);
  const oldFormats = dataset.columns.map((c, d) => record.formats?.[record.columnKeys.indexOf(c.key)] ?? body.columnFormats[d]);

  // Every body cell as it will be (row i of the table) and as it is.
  const want = (i: number, d: number): PlanValue => (i < slots.length ? newGrid[slots[i].n][d] : null);
  const wantFormat = (i: number, d: number): string => {
    const v = want(i, d);
    if (typeof v === "string" && v !== "") return TEXT_FORMAT;
    return (i < slots.length ? body.cellFormats?.[slots[i].n]?.[d] : null) ?? body.columnFormats[d];
  };
  // The format a cell had, as the add-in wrote it (the snapshot reads no formats): "@" for text.
  const hadFormat = (i: number, d: number): string => {
    const v = oldAt(i, d);
    return typeof v === "string" && v !== "" ? TEXT_FORMAT : oldFormats[d];
  };
  const dirty = (i: number, d: number): boolean => formatsChanged || i >= oldBodyRows || !sameCell(oldAt(i, d), want(i, d));

  // Runs of adjacent table columns holding dataset columns (indexes into `order`).
  const colRuns: [number, number][] = [];
  order.forEach((item, k) => {
    const run = colRuns[colRuns.length - 1];
    if (run && order[run[1] - 1].p === item.p - 1) run[1] = k + 1;
    else colRuns.push([k, k + 1]);
  });
  // Changed cells become rectangles: per row, segments of changed cells within a column run
  // (a gap of unchanged cells is written too when that costs fewer bytes than two more ops);
  // the same segment on consecutive rows extends one rectangle.
  const cellBytes = (i: number, d: number): number => utf8Length(JSON.stringify(want(i, d) ?? "")) + wantFormat(i, d).length + 4;
  const segmentsOf = (i: number): [number, number][] => {
    const segs: [number, number][] = [];
    for (const [a, b] of colRuns) {
      let open: [number, number] | null = null;
      let gap = 0;
      for (let k = a; k < b; k++) {
        if (dirty(i, order[k].d)) {
          if (open && gap > 2 * OP_OVERHEAD_BYTES) {
            segs.push(open);
            open = null;
          }
          if (open) open[1] = k + 1;
          else open = [k, k + 1];
          gap = 0;
        } else if (open) gap += cellBytes(i, order[k].d);
      }
      if (open) segs.push(open);
    }
    return segs;
  };
  interface Rect {
    from: number;
    to: number;
    a: number;
    b: number;
  }
  let rects: Rect[] = [];
  let openRects = new Map<string, Rect>();
  for (let i = 0; i < newBodyRows; i++) {
    const next = new Map<string, Rect>();
    for (const [a, b] of segmentsOf(i)) {
      const key = `${a}:${b}`;
      const r = openRects.get(key);
      if (r) r.to = i + 1;
      const rect = r ?? { from: i, to: i + 1, a, b };
      if (!r) rects.push(rect);
      next.set(key, rect);
    }
    openRects = next;
  }

  // Number formats then values of a rectangle: one format op when all agree, else whichever
  // costs fewer bytes of one per column or one grid.
  const rectOps = (rect: Rect, value: (i: number, d: number) => PlanValue, format: (i: number, d: number) => string): WriteOp[] => {
    const cols = order.slice(rect.a, rect.b);
    const rows = Array.from({ length: rect.to - rect.from }, (_, k) => rect.from + k);
    const at = { row: bodyTop + rect.from, col: snap.left + cols[0].p, rows: rows.length, cols: cols.length };
    const grid = rows.map((i) => cols.map(({ d }) => format(i, d)));
    const out: WriteOp[] = [];
    if (grid.every((row) => row.every((f) => f === grid[0][0]))) out.push({ kind: "numberFormat", sheet, at, format: grid[0][0] });
    else {
      const perColumn: WriteOp[] = cols.map(({ p }, c) => {
        const colAt = { ...at, col: snap.left + p, cols: 1 };
        const fs = grid.map((row) => row[c]);
        return fs.every((f) => f === fs[0])
          ? { kind: "numberFormat", sheet, at: colAt, format: fs[0] }
          : { kind: "numberFormatGrid", sheet, at: colAt, formats: fs.map((f) => [f]) };
      });
      const whole: WriteOp = { kind: "numberFormatGrid", sheet, at, formats: grid };
      const bytes = (ops: WriteOp[]): number => ops.reduce((n, op) => n + opBytes(op), 0);
      out.push(...(bytes(perColumn) <= opBytes(whole) ? perColumn : [whole]));
    }
    out.push({ kind: "values", sheet, at, values: rows.map((i) => cols.map(({ d }) => value(i, d) ?? "")) });
    return out;
  };
  const writeNew = (rect: Rect): WriteOp[] => rectOps(rect, want, wantFormat);
  let gridOps = rects.flatMap(writeNew);
  if (rects.length > MAX_ROW_RUNS) {
    // Scattered changes: rewriting the dataset's columns whole may cost fewer bytes.
    const wholeRects = colRuns.map(([a, b]) => ({ from: 0, to: newBodyRows, a, b }));
    const wholeOps = wholeRects.flatMap(writeNew);
    const bytes = (ops: WriteOp[]): number => ops.reduce((n, op) => n + opBytes(op), 0);
    if (bytes(wholeOps) < bytes(gridOps)) [rects, gridOps] = [wholeRects, wholeOps];
  }
  const gridDiffers = rects.length > 0;

  // Columns the user added to the table: their cells move with their row; a column holding one
  // formula for every row (a calculated column) is filled down over new rows.
  const datasetPositions = new Set(posOfDs);
  const userCols: number[] = [];
  for (let p = 0; p < snap.width; p++) if (!datasetPositions.has(p)) userCols.push(p);
  const userRuns: { p: number; from: number; to: number }[] = [];
  const userOps: WriteOp[] = [];
  for (const p of userCols) {
    const had = (i: number): PlanValue => (i < oldBodyRows ? (snap.body[i]?.[p] ?? "") : "");
    const fill = uniformFormula(Array.from({ length: oldDataRows }, (_, r) => had(r)));
    const will = (i: number): PlanValue => (i < slots.length ? (slots[i].o >= 0 ? had(slots[i].o) : (fill ?? "")) : "");
    for (let i = 0; i < newBodyRows; i++) {
      if (sameCell(will(i), had(i))) continue;
      const run = userRuns[userRuns.length - 1];
      if (run && run.p === p && run.to === i) run.to = i + 1;
      else userRuns.push({ p, from: i, to: i + 1 });
    }
    for (const run of userRuns.filter((r) => r.p === p)) {
      const at = { row: bodyTop + run.from, col: snap.left + p, rows: run.to - run.from, cols: 1 };
      const cells = Array.from({ length: at.rows }, (_, k) => will(run.from + k));
      if (fill !== null && cells.every((c) => c === fill)) userOps.push({ kind: "fillR1C1", sheet, at, formula: fill });
      else userOps.push({ kind: "formulasR1C1", sheet, at, formulas: cells.map((v) => [v]) });
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
  const beyond = need.filter((n) => n.row >= EXCEL_MAX_ROWS).length;
  if (beyond > 0) {
    const what = g > 0 ? `${g} new row${g === 1 ? "" : "s"} and the source note` : "the source note";
    return skip(
      `Table "${name}" needs ${beyond} row${beyond === 1 ? "" : "s"} below row ${EXCEL_MAX_ROWS.toLocaleString("en-US")}, the last row of a sheet (for ${what}). Move the table up or insert the dataset on a new sheet; nothing was changed.`
    );
  }
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
    const recordOnly = record.version !== dataset.version || record.headers.length !== record.columnKeys.length || formatsChanged;
    const ops = recordOnly ? [recordWriteOp(record2)] : [];
    return { result: { ...base, ...counts, status: "unchanged" }, ops, rollback: recordOnly ? [recordWriteOp(record)] : [], matchedBy, record: record2 };
  }
  record2.refreshedAt = options.now;

  // The write, in an order that leaves the table's record for last: a record that says "new"
  // never exists beside cells that are not all new.
  const ops: WriteOp[] = [];
  if (notesWrite) {
    ours.forEach((isOurs, i) => {
      if (isOurs) ops.push({ kind: "clear", sheet, at: { row: oldEnd + 1 + NOTE_GAP_ROWS + i, col: snap.left, rows: 1, cols: 1 }, applyTo: "All" });
    });
  }
  if (g !== 0) ops.push({ kind: "resizeTable", sheet, table: snap.tableName, at: { row: snap.top, col: snap.left, rows: 1 + newBodyRows, cols: snap.width } });
  // Removed rows: the rows below the first removed one were rewritten one place up (above, by
  // cell); the rows the table gave back are cleared. Compacting rather than deleting table rows
  // (Range.delete with shift up): a delete also moves every cell under the table in its columns
  // (user cells, the note lines), which a refresh never touches, and undoing it would need an
  // insert with shift down; compacting is plain cell writes, restored the same way.
  const released = g < 0 ? { row: newEnd + 1, col: snap.left, rows: -g, cols: snap.width } : null;
  if (released) ops.push({ kind: "clear", sheet, at: released, applyTo: "All" });
  ops.push(...gridOps, ...userOps);
  if (notesWrite) ops.push(...noteOps(sheet, { row: newEnd + 1 + NOTE_GAP_ROWS, col: snap.left }, newNotes, { ...NOTE_STYLE }));
  ops.push(recordWriteOp(record2));

  // The rollback: whatever part of `ops` Excel applied, these bring back the table as the
  // snapshot saw it (extent, the cells written or cleared, the note lines, the record).
  const rollback: WriteOp[] = [];
  if (g !== 0)
    rollback.push({ kind: "resizeTable", sheet, table: snap.tableName, at: { row: snap.top, col: snap.left, rows: snap.rowCount, cols: snap.width } });
  if (notesWrite)
    newNotes.forEach((_, i) =>
      rollback.push({ kind: "clear", sheet, at: { row: newEnd + 1 + NOTE_GAP_ROWS + i, col: snap.left, rows: 1, cols: 1 }, applyTo: "All" })
    );
  if (g > 0) rollback.push({ kind: "clear", sheet, at: { row: oldEnd + 1, col: snap.left, rows: g, cols: snap.width }, applyTo: "All" });
  const restore = (rect: Rect): WriteOp[] => (rect.from < oldBodyRows ? rectOps({ ...rect, to: Math.min(rect.to, oldBodyRows) }, oldAt, hadFormat) : []);
  rollback.push(...rects.flatMap(restore));
  const restoreUser = (p: number, from: number, to: number): WriteOp[] =>
    from < Math.min(to, oldBodyRows)
      ? [
          {
            kind: "formulasR1C1",
            sheet,
            at: { row: bodyTop + from, col: snap.left + p, rows: Math.min(to, oldBodyRows) - from, cols: 1 },
            formulas: Array.from({ length: Math.min(to, oldBodyRows) - from }, (_, k) => [snap.body[from + k]?.[p] ?? ""]),
          },
        ]
      : [];
  for (const run of userRuns) rollback.push(...restoreUser(run.p, run.from, run.to));
  if (released) {
    for (const [a, b] of colRuns) rollback.push(...restore({ from: newBodyRows, to: oldBodyRows, a, b }));
    for (const p of userCols) rollback.push(...restoreUser(p, newBodyRows, oldBodyRows));
  }
  if (notesWrite) {
    ours.forEach((isOurs, i) => {
      if (isOurs) rollback.push(...noteOps(sheet, { row: oldEnd + 1 + NOTE_GAP_ROWS + i, col: snap.left }, [record.notes[i]], { ...NOTE_STYLE }));
    });
  }
  rollback.push(recordWriteOp(record));
  return { result: { ...base, ...counts, status: "updated" }, ops, rollback, matchedBy, record: record2 };
}
