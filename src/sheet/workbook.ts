/**
 * The one interface the task pane uses to change a workbook. The Excel adapter (src/excel/)
 * implements it with Office.js; the workbench implements it on HyperFormula. The pane never
 * touches Office.js directly.
 */
import type { CellValue, Dataset } from "../data/types";
import type { SheetPlan } from "./plan";

export type Language = "zh" | "en";

/** What the workbook remembers about a table it inserted (survives save, close, reopen). */
export interface TrackedTable {
  tableName: string;
  sheetName: string;
  datasetId: string;
  version: string;
  columnKeys: string[];
  language: Language;
  /** ISO timestamp. */
  insertedAt: string;
  /** Pinned to its version: refresh leaves it as it is and says so (see WorkbookPort.setPinned). */
  pinned?: boolean;
  /** ISO timestamp of the last refresh that wrote to the table; absent when none has since the insert. */
  refreshedAt?: string;
  /** "paste": pasted from a report's text (Dataset.origin), not from the feed: refresh leaves it as it is and says so. */
  origin?: "paste";
}

export interface InsertOptions {
  /** "newSheet": a new worksheet named after the dataset; "selection": at the selected cell. */
  target: "newSheet" | "selection";
  language: Language;
  /** Add the dataset's chart beside the table, where it has one. */
  chart: boolean;
}

/**
 * A part of an insert this Excel could not add because it lacks a requirement set (the rest was
 * inserted). A code, not a sentence, so the pane words it in its own language:
 * - dropDowns: the in-cell drop-down lists (data validation, ExcelApi 1.8);
 * - freezePanes: the frozen header rows or columns (ExcelApi 1.7);
 * - chart: the chart (it needs several series or category values: ExcelApi 1.7);
 * - chartAxisFormats: the number formats of the chart's axes (ExcelApi 1.8; the chart is there).
 */
export interface SkippedFeature {
  feature: "dropDowns" | "freezePanes" | "chart" | "chartAxisFormats";
  /** The requirement set the feature needs, as Office names it: "ExcelApi 1.8". */
  requirement: string;
}

export interface InsertResult {
  /** The table's name; "" for a sheet without a table (a model sheet, see insertModel). */
  tableName: string;
  sheetName: string;
  /** A1 address of the table, e.g. "A1:F8" (for a model sheet: the cells the plan wrote). */
  address: string;
  /** What this Excel could not add (each feature once); absent or empty when nothing was skipped. */
  skipped?: SkippedFeature[];
}

/**
 * Builds the plan of a sheet to add (a model template's plan) from the names of the sheets the
 * workbook has, so the plan's new sheet gets a unique name. Called once, or again with fresh
 * names when the ones it was given turned out to be stale. The plan targets a new sheet.
 * @example (names) => template.build({ language: "en", mode: "ai", existingSheetNames: names })
 */
export type SheetPlanBuilder = (existingSheetNames: readonly string[]) => SheetPlan;

/**
 * - updated / unchanged: the table now holds the feed's version;
 * - skipped: left as it was, for a reason the analyst can act on (table reshaped, cells in the
 *   way, the feed offers an older version than the table holds, …);
 * - pinned: left as it was because the analyst pinned it to its version;
 * - failed: the table's data could not be had (missing from the feed, invalid) or Excel refused
 *   the write; the table is as it was before the refresh (or, if even that could not be
 *   restored, the reason says so).
 */
export type RefreshStatus = "updated" | "unchanged" | "skipped" | "pinned" | "failed";

/** How many changed cells, added keys and removed keys a result lists (the counts are exact). */
export const MAX_CHANGES_LISTED = 5;

/** One changed cell of a refreshed table, as the summary shows it: "GPT-4 · parameters: 1.7E+12 → 1.8E+12". */
export interface CellChange {
  /** The row's key value as text (the key column's value), or "#12" (1-based row) when rows match by position. */
  row: string;
  /** The dataset column key, e.g. "parameters". */
  column: string;
  old: CellValue;
  new: CellValue;
}

export interface RefreshTableResult {
  tableName: string;
  datasetId: string;
  status: RefreshStatus;
  /** Why a table was skipped, in words an analyst understands. */
  reason?: string;
  oldVersion: string;
  newVersion: string;
  added: number;
  changed: number;
  removed: number;
  /** The first MAX_CHANGES_LISTED changed cells (old → new), in table order. */
  changes?: CellChange[];
  /** Keys of the first MAX_CHANGES_LISTED rows added and removed (when rows match by key). */
  addedKeys?: string[];
  removedKeys?: string[];
}

export interface RefreshSummary {
  tables: RefreshTableResult[];
}

/** Progress callback: done of total steps, and what is happening, for the pane's progress bar. */
export type ProgressFn = (done: number, total: number, label: string) => void;

/** Where a formula action works: the selected range, the active sheet, or every sheet. */
export type FormulaScope = "selection" | "sheet" | "workbook";

/** The three formula actions of the "Share" section (issue 13). */
export type FormulaAction = "makePortable" | "restore" | "repair";

/**
 * What a formula action did to one cell.
 * - converted: makePortable rewrote the AI formula as native Excel formulas (still live);
 * - toValue: makePortable replaced a lookup with no native form (AI.MODEL, AI.CHIP …) by its
 *   current value, with a cell note saying where the value came from;
 * - restored: restore put the original AI formula back;
 * - editedSince: restore left a cell the user changed after it was made portable;
 * - repaired: repair re-entered a #NAME? AI formula and it no longer shows #NAME?;
 * - stillFailing: repair re-entered it and it still shows #NAME?;
 * - leftAlone: not changed, `reason` says why (e.g. a formula the parser cannot read).
 */
export type CellOutcome = "converted" | "toValue" | "restored" | "editedSince" | "repaired" | "stillFailing" | "leftAlone";

/** How many cells a FormulaActionResult lists (the counts are exact). */
export const MAX_CELLS_LISTED = 20;

export interface CellOutcomeEntry {
  /** The sheet's name as the workbook shows it. */
  sheet: string;
  /** A1 address of the cell (a spill's anchor cell for a spilled formula), e.g. "C4". */
  address: string;
  outcome: CellOutcome;
  /** The formula before the action, e.g. "=AI.TRAINFLOPS(B2,C2)". */
  before: string;
  /** The cell's formula (or value as text) after the action; absent when unchanged. */
  after?: string;
  /** Why, for leftAlone / editedSince / stillFailing (English; the pane words the outcome itself). */
  reason?: string;
}

export interface FormulaActionResult {
  action: FormulaAction;
  scope: FormulaScope;
  /** The sheets the action looked at, in workbook order. */
  sheets: string[];
  /** Exact count of cells per outcome (every outcome present, 0 when none). */
  counts: Record<CellOutcome, number>;
  /** The first MAX_CELLS_LISTED cells changed or left alone, in sheet then row-major order. */
  cells: CellOutcomeEntry[];
}

/**
 * A cell's value as the pane reads it (issue 20): blank is null; an error is its text as the
 * cell shows it ("#N/A"), with the workbook's message where it has one (Excel gives none).
 */
export type SheetValue = number | string | boolean | null | { error: string; message?: string };

/** The values of one reference, or why they could not be read (English). */
export type ReadResult = { ok: true; values: SheetValue[][] } | { ok: false; reason: string };

/** The active cell, for the Functions tab's "Explain this cell" and its "use selection". */
export interface ActiveCell {
  /** The sheet's name as the workbook shows it. */
  sheet: string;
  /** A1 address of the active cell, e.g. "C4". */
  address: string;
  /** A1 address of the whole selected range (the active cell's when one cell is selected), e.g. "B2:B9". */
  selection: string;
  /** The cell's formula ("=…"), or its spill anchor's for a cell a dynamic array spilled into; null for a constant or a blank. */
  formula: string | null;
  /** What the cell shows. */
  value: SheetValue;
  /**
   * For a cell a dynamic array spilled into: the anchor's A1 address and this cell's offset from
   * it. null when the cell is not spilled into (or is the anchor itself); "unknown" when this
   * workbook cannot tell (Excel without ExcelApi 1.12).
   */
  spill: { anchor: string; row: number; col: number } | null | "unknown";
}

export interface WorkbookPort {
  insertDataset(dataset: Dataset, options: InsertOptions): Promise<InsertResult>;
  listTracked(): Promise<TrackedTable[]>;
  /**
   * Adds a new sheet from a plan (an analyst model: cells, formulas, names, drop-downs, chart),
   * the sheet's name chosen unique by `build` from the workbook's sheet names, and makes it
   * active. Not tracked for refresh (a model has no dataset table). Nothing half-written is
   * left when the workbook refuses it.
   */
  insertModel(build: SheetPlanBuilder): Promise<InsertResult>;
  /**
   * Update tracked tables in place from already-validated datasets (keyed by id). Only tables
   * named in `tableNames` when given, else all. Never partially applies a table's update.
   */
  refresh(datasets: ReadonlyMap<string, Dataset>, tableNames?: string[], onProgress?: ProgressFn): Promise<RefreshSummary>;
  /**
   * Pins a tracked table to the version it holds (refresh then leaves it, status "pinned") or
   * unpins it. Stored in the table's tracking record, so it survives save and reopen.
   * @throws WorkbookError "tableMissing" when no tracked table has that name.
   */
  setPinned(tableName: string, pinned: boolean): Promise<void>;
  /**
   * Rewrites every formula in `scope` that calls an AI function as native Excel formulas with
   * the same result (still live); lookups with no native form become their current values with
   * a cell note in `language`. Every original formula is kept in the workbook (a very hidden
   * sheet, so it survives save and reopen) for restoreFormulas. At most 2 syncs per sheet.
   */
  makePortable(scope: FormulaScope, language: Language): Promise<FormulaActionResult>;
  /**
   * Puts back the original AI formulas kept by makePortable in `scope`, exactly; a cell whose
   * content differs from what makePortable wrote is left (outcome "editedSince").
   */
  restoreFormulas(scope: FormulaScope): Promise<FormulaActionResult>;
  /**
   * Re-enters the formulas in `scope` that call AI functions (or show Excel's `_xldudf_` form)
   * and whose value is #NAME?, then reports which now compute and which still fail.
   */
  repairFormulas(scope: FormulaScope): Promise<FormulaActionResult>;
  /**
   * The tracked table (one the add-in inserted, see listTracked) that the selection is in or
   * overlaps, by name; null when the selection touches none. When it touches several, the first
   * in listTracked's order. For "Refresh the selected table" (the ribbon's and the pane's).
   * Optional: a workbook that cannot tell leaves it out, and the pane says so.
   * @throws WorkbookError "noSelection" without a usable selection.
   */
  tableAtSelection?(): Promise<string | null>;

  // Optional (issue 20, the Functions tab): a workbook without them gets a pane that says what it cannot do.

  /** The active cell and the selected range. */
  getActiveCell?(): Promise<ActiveCell>;
  /** Calls `handler` after the selection changes; returns the function that stops it. */
  onSelectionChanged?(handler: () => void): () => void;
  /**
   * The values of references as a formula on `sheet` writes them ("C1", "B2:B9", "'Other sheet'!A1",
   * a defined name), one result per reference, in order.
   */
  readValues?(sheet: string, references: readonly string[]): Promise<ReadResult[]>;
  /**
   * Writes `formula` into the active cell (as typing it would) and returns what the cell then
   * shows. @throws WorkbookError when the workbook refuses it (the cell is unchanged).
   */
  setActiveCellFormula?(formula: string): Promise<{ sheet: string; address: string; value: SheetValue }>;
}

/**
 * A failure the pane shows to the analyst; `code` selects the localized message.
 * - noSelection: no usable selected cell (e.g. the selection is a chart);
 * - targetNotEmpty: the cells the table and its notes would cover at the selection hold data;
 * - sheetNameTaken: a sheet or table name was taken, even after reading the names again;
 * - tableMissing, tooLarge, excelRejected: as named.
 */
export class WorkbookError extends Error {
  constructor(
    readonly code: "noSelection" | "targetNotEmpty" | "sheetNameTaken" | "tableMissing" | "tooLarge" | "excelRejected",
    message: string
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}
