/**
 * Inserting a dataset or a model sheet with as few context.sync() calls as the target allows (in
 * Excel on the web every sync is a network round trip).
 *
 * New sheet (the default): ONE sync when the workbook's sheet, table and defined names are
 * already known (ExcelWorkbook reads them with listTracked, which the pane calls when it opens,
 * and keeps them up to date after each insert). The insert is optimistic: the names it picks
 * may be stale (someone added a sheet or table since), so the batch is ordered to fail on a
 * name conflict before any cell is written (see applyPlan): the sheet is added first, then the
 * table over the still-empty range, then the cells. On failure of that first batch, one read
 * tells what it left and which names are taken now, and a stale name is retried once with
 * fresh names (3 syncs on that rare path). When the names were never read on this instance,
 * they are read first: 2 syncs.
 *
 * What a failed batch left: Office.js applies the operations queued before the failing one and
 * none after it, and it does not reliably say which one failed (debugInfo.errorLocation is
 * "if available"). So the batch writes a pending marker (a workbook setting, removed by the
 * batch that writes the tracking record) right before adding the sheet, again right after (the
 * sheet is added), and again right after naming the table, naming both. After a failure the
 * marker says what is this insert's (before the add: the sheet, unless the add itself failed on
 * a taken name): its sheet is deleted, its table goes with it and does not count as a taken name;
 * a sheet or table the marker does not name belongs to someone else and is left alone. A
 * chunked insert that fails after its first batch deletes its sheet in one cleanup batch.
 * Either way no half-written sheet and no tracking record without its table are left behind
 * (unless Excel refuses the cleanup too).
 *
 * A model sheet (insertModelOnNewSheet) goes the same way: its plan has no table and no
 * tracking record, and its defined names (sheet-scoped and workbook), drop-downs, chart, styles
 * and formats are all in the same single batch; on a stale sheet name the model's builder is
 * called again with the fresh names.
 *
 * Selection: TWO syncs. The cells the table and its notes would cover must be checked empty
 * before anything is written (the add-in never destroys a user's cells), and that needs a read;
 * the same read gets fresh names, so the write cannot hit a stale one.
 */
import type { Dataset } from "../data/types";
import { planDatasetInsert } from "../sheet/dataset-plan";
import { absolute, cellAddress, parseCell, parseRangeAddress, planFootprint, rangeAddress, type SheetPlan } from "../sheet/plan";
import { WorkbookError, type InsertOptions, type InsertResult, type SheetPlanBuilder, type SkippedFeature } from "../sheet/workbook";
import type { PackOptions, WriteOp } from "../sheet/write-ops";
import { encodeRecord, pendingKey, recordFromPlan, recordWriteOp, trackingKey, type TrackedRecord } from "../sheet/tracking";
import { applyPlan, officeErrorCode, queueOp, SheetCache, skippedFeatures, type SupportsFn } from "./apply-plan";

// Read by listTracked before any insert, so they live apart (names.ts): this module is a chunk of its own.
export { queueNamesRead, type WorkbookNames } from "./names";
import { queueNamesRead, type WorkbookNames } from "./names";

/** One insert's Excel.run: the context and how to sync, count and size requests in it. */
export interface InsertRun {
  context: Excel.RequestContext;
  /** Called right before each context.sync(), so the caller counts syncs (a failed one too). */
  counted: () => void;
  supports: SupportsFn;
  pack: PackOptions;
  /** ISO timestamp for the tracking record. */
  insertedAt: string;
  /** Unique to this insert: names its pending marker. */
  token: string;
  /** Receives the workbook's names whenever they are read or changed (the caller's cache). */
  onNames: (names: WorkbookNames) => void;
}

export interface Inserted {
  result: InsertResult;
  record: TrackedRecord;
}

/**
 * What a pending marker says: the sheet this insert is adding (`added` false: written just
 * before the add, so a failure right after the add still finds it), and its table once named.
 */
interface Pending {
  sheet: string;
  added: boolean;
  table?: string;
}

function encodePending(p: Pending): string {
  return JSON.stringify(p);
}

function decodePending(value: unknown): Pending | null {
  try {
    const v: unknown = typeof value === "string" ? JSON.parse(value) : value;
    if (typeof v !== "object" || v === null) return null;
    const o = v as Record<string, unknown>;
    if (typeof o.sheet !== "string") return null;
    const added = o.added !== false;
    return typeof o.table === "string" ? { sheet: o.sheet, added, table: o.table } : { sheet: o.sheet, added };
  } catch {
    return null;
  }
}

const same = (a: string | null, b: string | null): boolean => a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

/** Both null, or the same name ignoring case. */
const sameOrNone = (a: string | null, b: string | null): boolean => (a === null && b === null) || same(a, b);

/** The result with `skipped` only when something was (the common case stays the plain result). */
function withSkipped(result: InsertResult, skipped: readonly SkippedFeature[]): InsertResult {
  return skipped.length > 0 ? { ...result, skipped: [...skipped] } : result;
}

function tableOf(plan: SheetPlan): string {
  if (!plan.table) throw new Error("a dataset plan always has a table");
  return plan.table.name;
}

/**
 * applyPlan's sync hook for one attempt: one sync per batch applyPlan packs (one for a normal
 * insert, more only over 4 MB), counted for the caller; done() says how many went through, so a
 * failure knows whether the first batch (sheet and table) exists.
 */
function countingSync(run: InsertRun): { sync: () => Promise<void>; done: () => number } {
  let synced = 0;
  return {
    sync: async () => {
      run.counted();
      await run.context.sync();
      synced++;
    },
    done: () => synced,
  };
}

/** Runs cleanup ops in one sync; a failure here is swallowed (the caller rethrows the original). */
async function cleanUp(run: InsertRun, ops: readonly WriteOp[]): Promise<void> {
  if (ops.length === 0) return;
  const { context } = run;
  const sheets = new SheetCache(context);
  try {
    for (const op of ops) queueOp(context, sheets, op, run.supports);
    run.counted();
    await context.sync();
  } catch {
    // Nothing more to do: the original failure is what the analyst needs to see.
  }
}

/** What an insert on a new sheet wrote. */
export interface NewSheetInserted {
  /** The plan as applied (built with the names the insert finally used). */
  plan: SheetPlan;
  sheetName: string;
  /** The plan's table, or null when it has none (a model sheet). */
  tableName: string | null;
  /** The tracking record written with it, or null. */
  record: TrackedRecord | null;
  /** The table's address ("A1:F8"), or the cells the plan wrote when it has no table. */
  address: string;
  /** What this Excel could not add (missing requirement sets). */
  skipped: SkippedFeature[];
}

/**
 * Adds a new sheet from a plan: 1 sync with `known` names, 2 without (names read first), 3 when
 * a name turned out to be taken (stale `known`) and the plan was rebuilt with fresh names and
 * applied again. Everything the plan holds (sheet, table, defined names of either scope, cells,
 * formats, styles, drop-downs, chart) goes into that one batch, ordered so that a name conflict
 * fails before any cell is written; a failure removes the sheet this insert added.
 *
 * `planWith` builds the plan from the workbook's names (called again on a retry) and must
 * target a new sheet; `track` gives the tracking record to write with it (null: none).
 */
export async function insertPlanOnNewSheet(
  run: InsertRun,
  planWith: (names: WorkbookNames) => SheetPlan,
  known: WorkbookNames | null,
  track: (plan: SheetPlan, sheetName: string) => TrackedRecord | null
): Promise<NewSheetInserted> {
  const { context } = run;
  let names = known;
  if (!names) {
    // Never read on this instance (no listTracked yet): read the names first (2 syncs in all).
    const get = queueNamesRead(context);
    run.counted();
    await context.sync();
    names = get();
    run.onNames(names);
  }
  const marker = pendingKey(run.token);
  const targetOf = (plan: SheetPlan): string => {
    if (plan.target.kind !== "newSheet") throw new Error("a plan inserted on a new sheet must target a new sheet");
    return plan.target.name;
  };
  /**
   * A sheet a failed attempt left: deleted first thing in the next attempt's batch (already left
   * out of `names`, with its table, so the retry may reuse both names).
   */
  let leftover: string | null = null;
  /** A successful insert: the caller's cache of names learns what it added. */
  const finished = (plan: SheetPlan, sheetName: string, tableName: string | null, record: TrackedRecord | null, tableAddress?: string): NewSheetInserted => {
    const workbookNames = (plan.names ?? []).filter((n) => n.scope !== "sheet").map((n) => n.name);
    const known = names as WorkbookNames; // read or given before the first attempt
    run.onNames({
      sheets: [...known.sheets, sheetName],
      tables: tableName !== null ? [...known.tables, tableName] : known.tables,
      names: [...known.names, ...workbookNames],
    });
    const address = tableAddress ?? rangeAddress(planFootprint(plan));
    // From the plan, not applyPlan's result: a sync that failed after everything was written
    // (the recovery paths below) has no result, and skipped what the same guards skip.
    return { plan, sheetName, tableName, record, address, skipped: skippedFeatures(plan, run.supports) };
  };
  for (let attempt = 0; ; attempt++) {
    const plan = planWith(names);
    const sheetName = targetOf(plan);
    const tableName = plan.table?.name ?? null;
    const record = track(plan, sheetName);
    const batches = countingSync(run);
    try {
      const applied = await applyPlan(context, plan, {
        ...run.pack,
        supports: run.supports,
        sync: batches.sync,
        firstOps: [
          ...(leftover !== null ? [{ kind: "deleteSheet", sheet: leftover } as const] : []),
          { kind: "setting", key: marker, value: encodePending({ sheet: sheetName, added: false }) },
        ],
        afterSheetOps: [{ kind: "setting", key: marker, value: encodePending({ sheet: sheetName, added: true }) }],
        afterTableOps: tableName !== null ? [{ kind: "setting", key: marker, value: encodePending({ sheet: sheetName, added: true, table: tableName }) }] : [],
        finalOps: [...(record ? [recordWriteOp(record)] : []), { kind: "deleteSetting", key: marker }],
      });
      return finished(plan, sheetName, tableName, record, applied.tableAddress);
    } catch (error) {
      // The tracking record is the last write but one (before the marker's removal): when it is
      // there as this insert wrote it, everything else is too, and only the marker is left over.
      const written = record ? context.workbook.settings.getItemOrNullObject(trackingKey(record.tableName)) : null;
      written?.load("value");
      const complete = (): boolean => record !== null && written !== null && !written.isNullObject && written.value === encodeRecord(record);
      if (batches.done() > 0) {
        // The first batch went through, so the sheet and the marker exist: remove both.
        try {
          run.counted();
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        } catch {
          throw error;
        }
        if (complete()) {
          await cleanUp(run, [{ kind: "deleteSetting", key: marker }]);
          return finished(plan, sheetName, tableName, record, plan.table ? rangeAddress(plan.table.range) : undefined);
        }
        await cleanUp(run, [
          { kind: "deleteSheet", sheet: sheetName },
          { kind: "deleteSetting", key: marker },
        ]);
        throw error;
      }
      // The first batch failed somewhere. One read: the names now, the marker (present once this
      // attempt began, see the module comment) and the tracking record.
      const getNames = queueNamesRead(context);
      const pending = context.workbook.settings.getItemOrNullObject(marker);
      pending.load("value");
      try {
        run.counted();
        // The recovery read of a bounded retry (at most one), after a failed first batch.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch {
        throw error;
      }
      if (complete()) {
        await cleanUp(run, [{ kind: "deleteSetting", key: marker }]);
        return finished(plan, sheetName, tableName, record, plan.table ? rangeAddress(plan.table.range) : undefined);
      }
      const fresh = getNames();
      const mine = pending.isNullObject ? null : decodePending(pending.value);
      // A marker written before the add names a sheet that is this insert's unless the add
      // itself failed on a taken name (ItemAlreadyExists: the sheet is someone else's).
      const ours = mine !== null && (mine.added || officeErrorCode(error) !== "ItemAlreadyExists");
      const orphan = mine && ours && fresh.sheets.some((s) => same(s, mine.sheet)) ? mine.sheet : null;
      // The orphan is deleted (first thing in the retry, or in the cleanup), its table with it:
      // the marker names it, or the failure came right after naming it (a taken name fails the
      // naming itself with ItemAlreadyExists, and the table is then someone else's).
      const ownTable = orphan !== null ? (mine?.table ?? (officeErrorCode(error) !== "ItemAlreadyExists" ? tableName : null)) : null;
      names = { ...fresh, sheets: fresh.sheets.filter((s) => !same(s, orphan)), tables: fresh.tables.filter((t) => !same(t, ownTable)) };
      run.onNames(names);
      // Stale names: with what is in the workbook now, other names would be chosen. Retry once
      // (whatever Excel's error code: a duplicate sheet is ItemAlreadyExists, and a duplicate
      // table name is caught the same way). Otherwise the failure is not about names.
      let stale = false;
      try {
        const replanned = planWith(names);
        stale = !same(targetOf(replanned), sheetName) || !sameOrNone(replanned.table?.name ?? null, tableName);
      } catch {
        // A builder that fails now cannot be retried; what this attempt left is cleaned up below.
      }
      if (attempt === 0 && stale) {
        leftover = orphan;
        continue;
      }
      const ops: WriteOp[] = [];
      if (orphan !== null) ops.push({ kind: "deleteSheet", sheet: orphan });
      if (!pending.isNullObject) ops.push({ kind: "deleteSetting", key: marker });
      await cleanUp(run, ops);
      throw error;
    }
  }
}

/**
 * Inserts a dataset on a new sheet (see insertPlanOnNewSheet): 1 sync with `known` names, 2
 * without, 3 when a name turned out to be taken and the insert was retried with fresh names.
 */
export async function insertOnNewSheet(run: InsertRun, dataset: Dataset, options: InsertOptions, known: WorkbookNames | null): Promise<Inserted> {
  const inserted = await insertPlanOnNewSheet(
    run,
    (n) => planDatasetInsert(dataset, { ...options, existingSheetNames: n.sheets, existingTableNames: [...n.tables, ...n.names] }),
    known,
    (plan, sheetName) => recordFromPlan(plan, sheetName, run.insertedAt)
  );
  const { record } = inserted;
  if (!record) throw new Error("a dataset insert always writes its tracking record");
  return { result: withSkipped({ tableName: tableOf(inserted.plan), sheetName: inserted.sheetName, address: inserted.address }, inserted.skipped), record };
}

/**
 * Inserts a model sheet (a plan without a table, not tracked for refresh; see
 * insertPlanOnNewSheet): 1 sync with `known` names, 2 without, 3 on a stale sheet name.
 */
export async function insertModelOnNewSheet(run: InsertRun, build: SheetPlanBuilder, known: WorkbookNames | null): Promise<InsertResult> {
  const inserted = await insertPlanOnNewSheet(
    run,
    (n) => build(n.sheets),
    known,
    () => null
  );
  return withSkipped({ tableName: inserted.tableName ?? "", sheetName: inserted.sheetName, address: inserted.address }, inserted.skipped);
}

/**
 * Inserts at the selected cell: 2 syncs (3 when the cells it covers carry number formats of the
 * user's: they are read before writing, to be put back on failure). The read (selection,
 * whether the cells the table and its notes would cover are empty, the names, the charts of the
 * sheet, the widths of the columns) must come before any write: never destroy a user's cells.
 * Throws `noSelection` without a usable selection and `targetNotEmpty`, having written nothing,
 * when the cells are not empty. On failure, one read and one cleanup batch take back what the
 * insert left (see undoAtSelection).
 */
export async function insertAtSelection(run: InsertRun, dataset: Dataset, options: InsertOptions): Promise<Inserted> {
  const { context } = run;
  // The footprint does not depend on names, so a provisional plan gives the area to check.
  const fp = planFootprint(planDatasetInsert(dataset, { ...options, anchor: { sheetName: "_", cell: "A1" } }));
  const getNames = queueNamesRead(context);
  const selected = context.workbook.getSelectedRange();
  selected.load("address");
  const area = selected.getCell(0, 0).getResizedRange(fp.row + fp.rows - 1, fp.col + fp.cols - 1);
  const used = area.getUsedRangeOrNullObject(true);
  used.load("address");
  // What a failed insert must put back: formatted cells, column widths (autofit), charts.
  const formatted = area.getUsedRangeOrNullObject(false);
  formatted.load("address");
  const widths = Array.from({ length: fp.col + fp.cols }, (_, j) => area.getColumn(j).format.load("columnWidth"));
  const charts = selected.worksheet.charts.load("items/name");
  try {
    run.counted();
    await context.sync();
  } catch (error) {
    throw new WorkbookError(
      "noSelection",
      `Select one cell on a worksheet with room for the table below and to the right of it (${officeErrorCode(error) ?? "error"}).`
    );
  }
  const names = getNames();
  run.onNames(names);
  const where = parseRangeAddress(selected.address);
  if (!where.sheet) throw new WorkbookError("noSelection", "Select a cell on a worksheet.");
  if (!used.isNullObject)
    throw new WorkbookError("targetNotEmpty", `The cells ${used.address} are not empty; select an empty area for the table, or insert it on a new sheet.`);
  const sheetName = where.sheet;
  const anchor = { sheetName, cell: cellAddress(where) };
  const before: SelectionBefore = {
    sheetName,
    area: rangeAddress(absolute(parseCell(anchor.cell), { row: 0, col: 0, rows: fp.row + fp.rows, cols: fp.col + fp.cols })),
    tables: names.tables,
    charts: charts.items.map((c) => c.name),
    widths: widths.map((w) => w.columnWidth),
    formats: null,
  };
  if (!formatted.isNullObject) {
    // Rare: the empty cells carry formats of the user's. Read them before writing over them.
    formatted.load("numberFormat");
    run.counted();
    await context.sync();
    before.formats = { address: rangeAddress(parseRangeAddress(formatted.address)), numberFormat: formatted.numberFormat };
  }
  const plan = planDatasetInsert(dataset, {
    ...options,
    anchor,
    existingSheetNames: names.sheets,
    existingTableNames: [...names.tables, ...names.names],
  });
  const tableName = tableOf(plan);
  const record = recordFromPlan(plan, sheetName, run.insertedAt);
  const batches = countingSync(run);
  try {
    const applied = await applyPlan(context, plan, {
      ...run.pack,
      supports: run.supports,
      sync: batches.sync,
      finalOps: [recordWriteOp(record)],
    });
    run.onNames({ ...names, tables: [...names.tables, tableName] });
    return { result: withSkipped({ tableName, sheetName, address: applied.tableAddress ?? "" }, applied.skipped), record };
  } catch (error) {
    await undoAtSelection(run, before);
    throw error;
  }
}

/** What the cells and the sheet of an insert at the selection were like before it wrote. */
interface SelectionBefore {
  sheetName: string;
  /** The cells the insert covers ("C5:G10"), value-empty before it. */
  area: string;
  /** Every table of the workbook. */
  tables: readonly string[];
  /** The charts of the sheet, by name (names may repeat). */
  charts: readonly string[];
  /** Width of each column of the area, in points (null: not uniform, left as it is). */
  widths: readonly (number | null)[];
  /** Number formats of the area's formatted cells (address without the sheet), or null when none had any. */
  formats: { address: string; numberFormat: unknown[][] } | null;
}

/**
 * Takes back what a failed insert at the selection left, in one read and one batch (only on
 * failure): tables and charts of the sheet that were not there before (by name: a table or
 * chart that failed before it was renamed has a name of Excel's that was not there either),
 * the area's contents and formats (the user's number formats written back), column widths.
 * The user's font and fill formatting on the area's empty cells is not read, so it is cleared.
 * A failure here is swallowed: the caller rethrows the original.
 */
async function undoAtSelection(run: InsertRun, before: SelectionBefore): Promise<void> {
  const { context } = run;
  try {
    const sheet = context.workbook.worksheets.getItem(before.sheetName);
    const tables = sheet.tables.load("items/name");
    const charts = sheet.charts.load("items/name");
    run.counted();
    await context.sync();
    for (const t of tables.items) if (!before.tables.some((n) => same(n, t.name))) t.delete();
    const kept = [...before.charts];
    for (const c of charts.items) {
      const i = kept.indexOf(c.name);
      if (i >= 0) kept.splice(i, 1);
      else c.delete();
    }
    const area = sheet.getRange(before.area);
    area.clear("Contents");
    area.clear("Formats");
    if (before.formats) sheet.getRange(before.formats.address).numberFormat = before.formats.numberFormat;
    before.widths.forEach((w, j) => {
      if (w !== null) area.getColumn(j).format.columnWidth = w;
    });
    run.counted();
    await context.sync();
  } catch {
    // Nothing more to do: the original failure is what the analyst needs to see.
  }
}
