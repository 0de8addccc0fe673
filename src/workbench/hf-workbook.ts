/**
 * The WorkbookPort on HyperFormula, for the dev-only workbench (and tests): the task pane talks
 * to it exactly as it talks to Excel. Dev-only: HyperFormula is GPL-3.0 and must never enter a
 * production bundle (tests/build/no-hyperformula.test.ts checks dist/).
 *
 * What Excel keeps and HyperFormula cannot (number formats, styles, tables, charts, drop-downs,
 * frozen panes, the add-in's tracking settings) lives beside the engine in this class. Inserts go
 * through the same pure planDatasetInsert() and the HyperFormula plan applier
 * (src/hyperformula/apply-plan.ts); refresh goes through the same pure planTableRefresh() that
 * the Excel adapter uses, and its WriteOps are executed here on the engine. So a skipped table,
 * a kept user column or a moved note behaves in the workbench as it will in Excel.
 *
 * It also holds what the grid needs: the active sheet, the selected cell (the anchor of an
 * insert at "selection"), typed input parsed the way Excel parses it, and a change counter that
 * the grid subscribes to.
 */
import { CellValueDetailedType, DetailedCellError, HyperFormula, type RawCellContent, type SimpleCellAddress } from "hyperformula";
import type { Dataset } from "../data/types";
import { registerAiFunctions } from "../hyperformula/ai-plugin";
import { applyPlan, literalText, type AppliedCellFormat, type AppliedChart, type AppliedPlan, type AppliedValidation } from "../hyperformula/apply-plan";
import { planDatasetInsert } from "../sheet/dataset-plan";
import {
  cellAddress,
  parseRangeAddress,
  planFootprint,
  rangeAddress,
  type CellOffset,
  type CellStyle,
  type PlanValue,
  type RangeOffset,
  type SheetPlan,
} from "../sheet/plan";
import {
  WorkbookError,
  type FormulaActionResult,
  type FormulaScope,
  type InsertOptions,
  type Language,
  type InsertResult,
  type ProgressFn,
  type RefreshSummary,
  type RefreshTableResult,
  type ActiveCell,
  type ReadResult,
  type SheetValue,
  type SheetPlanBuilder,
  type TrackedTable,
  type WorkbookPort,
} from "../sheet/workbook";
import type { WriteOp } from "../sheet/write-ops";
import { failedResult, NEAR_ROWS, planTableRefresh, untrackedResults, type TableRefreshPlan, type TableSnapshot } from "../sheet/refresh-plan";
import { tableUnder } from "../sheet/table-at";
import { decodeRecord, recordFromPlan, recordWriteOp, toTrackedTable, TRACKING_PREFIX, withPinned, type TrackedRecord } from "../sheet/tracking";
import { isDateFormat, isPercentFormat, serialToIso } from "./format";
import { hfNumberLiterals, toA1, toR1C1 } from "./r1c1";
import { hfMakePortable, hfRepair, hfRestore } from "./hf-portable";

/** A table as the workbench remembers it (Excel keeps this in the workbook). */
export interface HfTable {
  name: string;
  sheetId: number;
  /** Absolute, header row included. */
  range: RangeOffset;
  style: string;
}

/** What HyperFormula does not hold for a sheet. */
interface SheetExtras {
  /** Number format and style by A1 address. */
  formats: Map<string, AppliedCellFormat>;
  charts: AppliedChart[];
  validations: AppliedValidation[];
  freeze?: { rows: number; cols: number };
  /** Autofitted ranges (A1), for the grid's column widths. */
  autofit: string[];
  /** Column widths (Excel's character units) by column, as a file opened in the workbench gave them. */
  columnWidths?: Map<number, number>;
  /** Cell notes by A1 address (Make portable's notes on values; the grid may show them). */
  notes?: Map<string, string>;
}

/** How a sheet shows in Excel's tabs (Worksheet.visibility). */
export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** A whole workbook to load into the workbench (src/workbench/xlsx-io.ts builds one from a file). */
export interface HfContents {
  sheets: {
    name: string;
    visibility: SheetVisibility;
    /** Row-major contents as HyperFormula takes them ("=…" formulas, "'…" literal text). */
    cells: RawCellContent[][];
    /** Number format and style by A1 address. */
    formats: Record<string, AppliedCellFormat>;
    validations: AppliedValidation[];
    freeze?: { rows: number; cols: number };
    columnWidths: Record<number, number>;
    /** Cell notes by A1 address. */
    notes: Record<string, string>;
  }[];
  /** Defined names: expression "='Sheet'!$A$1"; `sheet` for a sheet-scoped name. */
  names: { name: string; expression: string; sheet?: string }[];
  tables: { name: string; sheet: string; range: RangeOffset; style: string }[];
  settings: { key: string; value: string }[];
  activeSheet?: string;
}

export interface Selection {
  sheet: number;
  row: number;
  col: number;
}

/** A cell as the grid shows it. */
export interface CellView {
  kind: "empty" | "number" | "text" | "boolean" | "error";
  /** The raw value (numbers unformatted); for errors the code, e.g. "#VALUE!". */
  value: number | string | boolean | null;
  /** The error's message, for errors. */
  message?: string;
  /** The number format Excel would apply (explicit, or implied by typed input such as "10%"). */
  numberFormat?: string;
  style?: CellStyle;
  /** Where the cell sits in a table: its header row, or an odd/even body row (banding). */
  tablePart?: "header" | "odd" | "even";
  hasFormula: boolean;
  /** The cell's note, when it has one. */
  note?: string;
}

/** Row key columns per dataset id for refresh (same option as the Excel adapter). */
export interface HfWorkbookOptions {
  now?: () => Date;
  rowKeys?: Readonly<Record<string, string | null>>;
}

/** The sheets of a new workbook, as Excel names them. */
const FIRST_SHEET = "Sheet1";

const key = (s: string): string => s.toLowerCase();

function toWorkbookError(error: unknown, fallback: string): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (/already exists|already defined|taken/i.test(detail)) return new WorkbookError("sheetNameTaken", detail);
  if (/size limit|too large|exceed/i.test(detail)) return new WorkbookError("tooLarge", detail);
  return new WorkbookError("excelRejected", `${fallback}: ${detail}`);
}

/** A value for HyperFormula from a plan value written as a literal (strings stay text). */
function literal(v: PlanValue): RawCellContent {
  if (v === null || v === "") return null;
  if (typeof v === "string") return literalText(v);
  return v;
}

const BLANK = (v: PlanValue | undefined): boolean => v === null || v === undefined || v === "";

export class HfWorkbook implements WorkbookPort {
  readonly hf: HyperFormula;
  private readonly extras = new Map<number, SheetExtras>();
  private tablesList: HfTable[] = [];
  /** Workbook settings, as Office keeps them (the add-in's tracking records live here). */
  private readonly settings = new Map<string, string>();
  /** Sheets shown otherwise than "visible" (a file's hidden sheets). */
  private readonly visibility = new Map<number, SheetVisibility>();
  private listeners = new Set<() => void>();
  /** Sheets Excel would show no tab for (the very hidden store of original formulas). */
  private readonly hidden = new Set<number>();
  private changeCount = 0;
  activeSheet: number;
  selection: Selection;

  constructor(private readonly options: HfWorkbookOptions = {}) {
    registerAiFunctions();
    this.hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      // Typed dates as analysts type them (ISO first), and Excel's date system.
      dateFormats: ["YYYY-MM-DD", "YYYY/MM/DD", "DD/MM/YYYY", "DD/MM/YY"],
      // 100,000-row datasets do not fit HyperFormula's default limit; ours are far smaller.
      maxRows: 100_000,
      // Values as stored, like Excel (HyperFormula otherwise rounds outputs to 10 significant
      // digits, and refresh would see every large byte count as changed).
      smartRounding: false,
      // Array arithmetic as in Excel 365 (=IF(B2:B9="","",B2:B9*C2:C9) spills), which the model
      // templates' one-formula-per-column outputs need.
      useArrayArithmetic: true,
    });
    const name = this.hf.addSheet(FIRST_SHEET);
    const id = this.sheetIdOf(name);
    this.activeSheet = id;
    this.selection = { sheet: id, row: 0, col: 0 };
  }

  // ------------------------------------------------------------------------------------------
  // Change notification (the grid re-renders on every change)
  // ------------------------------------------------------------------------------------------

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** A number that changes with every change (for useSyncExternalStore). */
  get version(): number {
    return this.changeCount;
  }

  /** Tells subscribers that something changed (after an external recalculation, e.g.). */
  changed(): void {
    this.changeCount++;
    for (const l of [...this.listeners]) l();
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  // ------------------------------------------------------------------------------------------
  // Sheets, tables, extras
  // ------------------------------------------------------------------------------------------

  private sheetIdOf(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new WorkbookError("excelRejected", `There is no sheet named "${name}".`);
    return id;
  }

  /** The sheet id for a name, ignoring case as Excel does; undefined when there is none. */
  findSheet(name: string): number | undefined {
    const exact = this.hf.getSheetId(name);
    if (exact !== undefined) return exact;
    const match = this.hf.getSheetNames().find((n) => key(n) === key(name));
    return match === undefined ? undefined : this.hf.getSheetId(match);
  }

  /** The sheets with a tab, in order (very hidden ones are left out, as Excel's tabs do). */
  sheets(): { id: number; name: string }[] {
    return this.allSheets().filter((s) => !this.hidden.has(s.id));
  }

  /** Every sheet, very hidden ones included. */
  allSheets(): { id: number; name: string }[] {
    return this.hf.getSheetNames().map((name) => ({ id: this.sheetIdOf(name), name }));
  }

  /** Hides a sheet as Excel's "VeryHidden" visibility does (no tab; code still finds it). */
  hideSheet(id: number): void {
    this.hidden.add(id);
  }

  isSheetHidden(id: number): boolean {
    return this.hidden.has(id);
  }

  /** The note on a cell, when it has one. */
  noteAt(sheet: number, row: number, col: number): string | undefined {
    return this.extras.get(sheet)?.notes?.get(cellAddress({ row, col }));
  }

  /** Adds (text) or removes (null) the note on a cell. */
  setNote(sheet: number, row: number, col: number, text: string | null): void {
    const e = this.extrasOf(sheet);
    e.notes ??= new Map();
    if (text === null) e.notes.delete(cellAddress({ row, col }));
    else e.notes.set(cellAddress({ row, col }), text);
  }

  /** Sets or clears (null) a cell's number format (the store's "@" cells). */
  setNumberFormat(sheet: number, row: number, col: number, format: string | null): void {
    this.setFormat(sheet, row, col, format === null ? null : { numberFormat: format });
  }

  sheetName(id: number): string {
    const name = this.hf.getSheetName(id);
    if (name === undefined) throw new WorkbookError("excelRejected", `There is no sheet ${id}.`);
    return name;
  }

  private extrasOf(sheet: number): SheetExtras {
    let e = this.extras.get(sheet);
    if (!e) {
      e = { formats: new Map(), charts: [], validations: [], autofit: [] };
      this.extras.set(sheet, e);
    }
    return e;
  }

  tables(): readonly HfTable[] {
    return this.tablesList;
  }

  charts(sheet: number): readonly AppliedChart[] {
    return this.extras.get(sheet)?.charts ?? [];
  }

  validations(sheet: number): readonly AppliedValidation[] {
    return this.extras.get(sheet)?.validations ?? [];
  }

  autofitRanges(sheet: number): readonly RangeOffset[] {
    return (this.extras.get(sheet)?.autofit ?? []).map((a) => parseRangeAddress(a));
  }

  freeze(sheet: number): { rows: number; cols: number } | undefined {
    return this.extras.get(sheet)?.freeze;
  }

  /** The drop-down list of a cell, when it has one. */
  validationAt(sheet: number, row: number, col: number): AppliedValidation | undefined {
    return this.validations(sheet).find((v) => {
      const r = parseRangeAddress(v.address);
      return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
    });
  }

  /** Records what applyPlan could not give HyperFormula. */
  private absorb(applied: AppliedPlan): void {
    const e = this.extrasOf(applied.sheetId);
    for (const [address, f] of Object.entries(applied.cells)) e.formats.set(address, { ...f });
    // Cells the plan wrote without a format keep none (Excel: a new sheet's cells are General).
    for (const address of applied.written) if (!(address in applied.cells)) e.formats.delete(address);
    if (applied.chart) e.charts.push(applied.chart);
    e.validations.push(...applied.validations);
    if (applied.freeze) e.freeze = { ...applied.freeze };
    e.autofit.push(...applied.autofit);
    if (applied.table) {
      this.tablesList.push({
        name: applied.table.name,
        sheetId: applied.sheetId,
        range: parseRangeAddress(applied.table.address),
        style: applied.table.style,
      });
    }
    if (applied.activate) {
      this.activeSheet = applied.sheetId;
      this.selection = { sheet: applied.sheetId, row: applied.origin.row, col: applied.origin.col };
    }
  }

  /** Table and workbook-level names (one namespace in Excel). */
  private takenNames(): string[] {
    return [...this.tablesList.map((t) => t.name), ...this.hf.listNamedExpressions()];
  }

  // ------------------------------------------------------------------------------------------
  // WorkbookPort
  // ------------------------------------------------------------------------------------------

  /** Inserts a dataset as a table on a new sheet or at the selected cell, and records it. */
  async insertDataset(dataset: Dataset, options: InsertOptions): Promise<InsertResult> {
    try {
      let anchor: { sheetName: string; cell: string } | undefined;
      if (options.target === "selection") {
        const sel = this.selection;
        const provisional = planDatasetInsert(dataset, { ...options, anchor: { sheetName: "_", cell: "A1" } });
        const fp = planFootprint(provisional);
        const area: RangeOffset = { row: sel.row, col: sel.col, rows: fp.row + fp.rows, cols: fp.col + fp.cols };
        const used = this.usedIn(sel.sheet, area);
        if (used) {
          throw new WorkbookError(
            "targetNotEmpty",
            `The cells ${rangeAddress(used)} are not empty; select an empty area for the table, or insert it on a new sheet.`
          );
        }
        anchor = { sheetName: this.sheetName(sel.sheet), cell: cellAddress(sel) };
      }
      const plan = planDatasetInsert(dataset, {
        ...options,
        anchor,
        existingSheetNames: this.hf.getSheetNames(),
        existingTableNames: this.takenNames(),
      });
      const applied = applyPlan(this.hf, plan);
      this.absorb(applied);
      const record = recordFromPlan(plan, applied.sheetName, this.now().toISOString());
      this.execute([recordWriteOp(record)]);
      return { tableName: record.tableName, sheetName: applied.sheetName, address: applied.table?.address ?? "" };
    } catch (error) {
      throw toWorkbookError(error, `The workbench refused to insert ${dataset.id}`);
    } finally {
      this.changed();
    }
  }

  private records(): TrackedRecord[] {
    return [...this.settings.entries()]
      .filter(([k]) => k.startsWith(TRACKING_PREFIX))
      .map(([, v]) => decodeRecord(v))
      .filter((r): r is TrackedRecord => r !== null)
      .sort((a, b) => a.tableName.localeCompare(b.tableName));
  }

  async listTracked(): Promise<TrackedTable[]> {
    return this.records().map(toTrackedTable);
  }

  /** The tracked table the selected cell is in (WorkbookPort.tableAtSelection), compared as Excel's adapter does (sheet/table-at.ts). */
  async tableAtSelection(): Promise<string | null> {
    const sel = this.selection;
    const ours = new Set(this.records().map((r) => r.tableName.toLowerCase()));
    const tracked = this.tablesList.filter((t) => ours.has(t.name.toLowerCase()));
    const sheet = (id: number) => `'${this.sheetName(id).replace(/'/g, "''")}'`;
    return tableUnder(
      `${sheet(sel.sheet)}!${cellAddress(sel)}`,
      tracked.map((t) => ({ name: t.name, address: `${sheet(t.sheetId)}!${rangeAddress(t.range)}` }))
    );
  }

  /**
   * Updates tracked tables from validated datasets with the Excel adapter's own decisions
   * (planTableRefresh): a table is updated whole or skipped with a reason. Each table's writes
   * run on their own; when one fails part-way, that table's rollback ops (the same ones the
   * Excel adapter sends) restore it and it is reported "failed", the others are not affected.
   * hf.undo() would restore the engine's cells, but not the formats, table extents and
   * settings this class keeps beside the engine, hence the rollback ops.
   */
  async refresh(datasets: ReadonlyMap<string, Dataset>, tableNames?: string[], onProgress?: ProgressFn): Promise<RefreshSummary> {
    try {
      const wanted = tableNames ? new Set(tableNames.map(key)) : null;
      const records = this.records();
      const targets = records.filter((r) => !wanted || wanted.has(key(r.tableName)));
      const now = this.now().toISOString();
      const maxRows = Math.max(1, ...[...datasets.values()].map((d) => d.rows.length));
      const farRows = maxRows + NEAR_ROWS + 2;
      onProgress?.(0, targets.length + 1, "Reading tracked tables");
      const plans = targets.map((r) => {
        const table = this.tablesList.find((t) => key(t.name) === key(r.tableName));
        const snap = table ? this.snapshot(table, farRows) : null;
        const rowKey = this.options.rowKeys && r.datasetId in this.options.rowKeys ? this.options.rowKeys[r.datasetId] : undefined;
        return planTableRefresh(r, datasets.get(r.datasetId), snap, { canResize: true, now, rowKey });
      });
      const results: RefreshTableResult[] = plans.map((plan, i) => {
        const result = this.applyRefresh(plan);
        onProgress?.(i + 1, targets.length + 1, targets[i].tableName);
        return result;
      });
      results.push(...untrackedResults(records, tableNames));
      onProgress?.(targets.length + 1, targets.length + 1, "Done");
      return { tables: results };
    } catch (error) {
      throw toWorkbookError(error, "The workbench refused the refresh");
    } finally {
      this.changed();
    }
  }

  /** Runs one table's refresh ops; on a failure, its rollback ops. */
  private applyRefresh(plan: TableRefreshPlan): RefreshTableResult {
    try {
      this.execute(plan.ops);
      return plan.result;
    } catch (error) {
      const r = plan.result;
      const message = error instanceof Error ? error.message : String(error);
      try {
        this.execute(plan.rollback);
      } catch (again) {
        const second = again instanceof Error ? again.message : String(again);
        return failedResult(
          r,
          `The workbench refused the update of table "${r.tableName}" (${message}) and then refused to restore it (${second}), so the table may be partly updated. Refresh again to complete it, or delete the table and insert the dataset again.`
        );
      }
      return failedResult(r, `Table "${r.tableName}" was not updated because the workbench refused the update: ${message}; the table was left as it was.`);
    }
  }

  /**
   * Pins a tracked table to its version (refresh then leaves it, status "pinned") or unpins it.
   * @throws WorkbookError "tableMissing" when no tracked table has that name.
   */
  async setPinned(tableName: string, pinned: boolean): Promise<void> {
    const record = this.records().find((r) => key(r.tableName) === key(tableName));
    if (!record) throw new WorkbookError("tableMissing", `No table named "${tableName}" was inserted by the add-in, so it cannot be pinned.`);
    this.execute([recordWriteOp(withPinned(record, pinned))]);
    this.changed();
  }

  // ------------------------------------------------------------------------------------------
  // Formula actions (issue 13; hf-portable.ts, on the same pure planner as Excel)
  // ------------------------------------------------------------------------------------------

  /** Make portable on the workbench; "selection" is the selected cell. */
  async makePortable(scope: FormulaScope, language: Language): Promise<FormulaActionResult> {
    try {
      return hfMakePortable(this, scope, language, this.now());
    } catch (error) {
      throw toWorkbookError(error, "The workbench refused to make the formulas portable");
    } finally {
      this.changed();
    }
  }

  async restoreFormulas(scope: FormulaScope): Promise<FormulaActionResult> {
    try {
      return hfRestore(this, scope);
    } catch (error) {
      throw toWorkbookError(error, "The workbench refused to restore the formulas");
    } finally {
      this.changed();
    }
  }

  async repairFormulas(scope: FormulaScope): Promise<FormulaActionResult> {
    try {
      return hfRepair(this, scope);
    } catch (error) {
      throw toWorkbookError(error, "The workbench refused to repair the formulas");
    } finally {
      this.changed();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Model sheets (the pane's "Build" in its Models section)
  // ------------------------------------------------------------------------------------------

  /**
   * Adds a model sheet built by `build` from the workbook's sheet names, through
   * applySheetPlan (so the sheet becomes active). Not tracked for refresh: tableName is "".
   */
  async insertModel(build: SheetPlanBuilder): Promise<InsertResult> {
    let plan: SheetPlan;
    try {
      plan = build(this.hf.getSheetNames());
      if (plan.target.kind !== "newSheet") throw new Error("a model plan must target a new sheet");
    } catch (error) {
      throw toWorkbookError(error, "The workbench refused the model sheet");
    }
    const where = await this.applySheetPlan(plan);
    return { tableName: "", sheetName: where.sheetName, address: where.address };
  }

  /**
   * Applies any sheet plan (a model template's plan) on a new sheet, renamed " (2)"… when the
   * name is taken, and makes it active. Returns where it went.
   */
  async applySheetPlan(plan: SheetPlan): Promise<{ sheetName: string; address: string }> {
    try {
      const applied = applyPlan(this.hf, plan, { onNameTaken: "rename" });
      this.absorb(applied);
      this.activeSheet = applied.sheetId;
      this.selection = { sheet: applied.sheetId, row: applied.origin.row, col: applied.origin.col };
      const fp = planFootprint(plan);
      return {
        sheetName: applied.sheetName,
        address: rangeAddress({ ...fp, row: fp.row + applied.origin.row, col: fp.col + applied.origin.col }),
      };
    } catch (error) {
      throw toWorkbookError(error, "The workbench refused the sheet");
    } finally {
      this.changed();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Reading a table the way refresh.ts reads it from Excel
  // ------------------------------------------------------------------------------------------

  private addr(sheet: number, row: number, col: number): SimpleCellAddress {
    return { sheet, row, col };
  }

  /** A cell as Range.formulasR1C1 gives it: the formula in R1C1, else the value. */
  private formulaR1C1(sheet: number, row: number, col: number): PlanValue {
    const a = this.addr(sheet, row, col);
    if (this.hf.doesCellHaveFormula(a)) return toR1C1(this.hf.getCellFormula(a) ?? "", { row, col });
    return this.plainValue(sheet, row, col);
  }

  /** A cell as Range.values gives it: errors as their code, blanks as "". */
  private plainValue(sheet: number, row: number, col: number): PlanValue {
    const v = this.hf.getCellValue(this.addr(sheet, row, col));
    if (v instanceof DetailedCellError) return v.value;
    if (v === null || v === undefined) return "";
    return v;
  }

  private snapshot(table: HfTable, farRows: number): TableSnapshot {
    const { sheetId, range } = table;
    const cols = Array.from({ length: range.cols }, (_, c) => range.col + c);
    const rowOf = (r: number, read: (row: number, col: number) => PlanValue): PlanValue[] => cols.map((c) => read(r, c));
    const values = (row: number, col: number): PlanValue => this.plainValue(sheetId, row, col);
    const formulas = (row: number, col: number): PlanValue => this.formulaR1C1(sheetId, row, col);
    const end = range.row + range.rows; // first row below the table
    const height = this.hf.getSheetDimensions(sheetId).height;
    let farFirstUsedRow: number | null = null;
    for (let r = end + NEAR_ROWS; r < Math.min(height, end + NEAR_ROWS + farRows); r++) {
      if (rowOf(r, values).some((v) => !BLANK(v))) {
        farFirstUsedRow = r;
        break;
      }
    }
    return {
      tableName: table.name,
      sheetName: this.sheetName(sheetId),
      showHeaders: true,
      showTotals: false,
      top: range.row,
      left: range.col,
      rowCount: range.rows,
      width: range.cols,
      headers: rowOf(range.row, values),
      bodyRows: range.rows - 1,
      body: Array.from({ length: range.rows - 1 }, (_, i) => rowOf(range.row + 1 + i, formulas)),
      near: Array.from({ length: NEAR_ROWS }, (_, i) => rowOf(end + i, values)),
      farFirstUsedRow,
      farRows,
    };
  }

  // ------------------------------------------------------------------------------------------
  // Executing the Excel adapter's WriteOps on HyperFormula
  // ------------------------------------------------------------------------------------------

  private eachCell(at: RangeOffset, fn: (row: number, col: number, r: number, c: number) => void): void {
    for (let r = 0; r < at.rows; r++) for (let c = 0; c < at.cols; c++) fn(at.row + r, at.col + c, r, c);
  }

  private setFormat(sheet: number, row: number, col: number, patch: AppliedCellFormat | null): void {
    const formats = this.extrasOf(sheet).formats;
    const address = cellAddress({ row, col });
    if (patch === null) {
      formats.delete(address);
      return;
    }
    const old = formats.get(address) ?? {};
    const next: AppliedCellFormat = { ...old };
    if (patch.numberFormat !== undefined) next.numberFormat = patch.numberFormat;
    if (patch.style !== undefined) next.style = { ...(old.style ?? {}), ...patch.style };
    formats.set(address, next);
  }

  private put(sheet: number, row: number, col: number, raw: RawCellContent): void {
    this.hf.setCellContents(this.addr(sheet, row, col), [[raw]]);
  }

  /** Runs WriteOps (the Excel adapter's write language) on the engine, in one batch. */
  execute(ops: readonly WriteOp[]): void {
    if (ops.length === 0) return;
    this.hf.batch(() => {
      for (const op of ops) this.executeOne(op);
    });
  }

  private executeOne(op: WriteOp): void {
    switch (op.kind) {
      case "setting":
        this.settings.set(op.key, op.value);
        return;
      case "deleteSetting":
        this.settings.delete(op.key);
        return;
      case "deleteTable": {
        const table = this.tablesList.find((t) => key(t.name) === key(op.table));
        if (!table) throw new Error(`no table named "${op.table}"`);
        this.eachCell(table.range, (row, col) => this.put(table.sheetId, row, col, null));
        this.tablesList = this.tablesList.filter((t) => t !== table);
        return;
      }
      case "deleteSheet": {
        const id = this.findSheet(op.sheet);
        if (id === undefined) throw new Error(`no sheet named "${op.sheet}"`);
        this.removeSheet(id);
        return;
      }
      default:
        this.executeOnSheet(op);
    }
  }

  /** Removes a sheet with everything the workbench kept for it. */
  private removeSheet(id: number): void {
    this.hf.removeSheet(id);
    this.hidden.delete(id);
    this.extras.delete(id);
    this.visibility.delete(id);
    this.tablesList = this.tablesList.filter((t) => t.sheetId !== id);
    if (this.activeSheet === id || this.selection.sheet === id) {
      const first = this.sheets()[0];
      if (first) {
        this.activeSheet = first.id;
        this.selection = { sheet: first.id, row: 0, col: 0 };
      }
    }
  }

  private executeOnSheet(op: Exclude<WriteOp, { kind: "setting" | "deleteSetting" | "deleteTable" | "deleteSheet" }>): void {
    const sheet = this.findSheet(op.sheet);
    if (sheet === undefined) throw new Error(`no sheet named "${op.sheet}"`);
    switch (op.kind) {
      case "numberFormat":
        this.eachCell(op.at, (row, col) => this.setFormat(sheet, row, col, { numberFormat: op.format }));
        return;
      case "numberFormatGrid":
        this.eachCell(op.at, (row, col, r, c) => {
          const f = op.formats[r]?.[c];
          if (f !== null && f !== undefined) this.setFormat(sheet, row, col, { numberFormat: f });
        });
        return;
      case "values":
        this.eachCell(op.at, (row, col, r, c) => {
          const v = op.values[r]?.[c];
          if (v !== null && v !== undefined) this.put(sheet, row, col, literal(v));
        });
        return;
      case "formulas":
        this.eachCell(op.at, (row, col, r, c) => {
          const f = op.formulas[r]?.[c];
          if (f !== null && f !== undefined) this.put(sheet, row, col, f === "" ? null : hfNumberLiterals(f));
        });
        return;
      case "formulasR1C1":
        this.eachCell(op.at, (row, col, r, c) => {
          const v = op.formulas[r]?.[c];
          if (v === null || v === undefined) return;
          this.put(sheet, row, col, typeof v === "string" && v.startsWith("=") ? hfNumberLiterals(toA1(v, { row, col })) : literal(v));
        });
        return;
      case "fillR1C1":
        this.eachCell(op.at, (row, col) => this.put(sheet, row, col, hfNumberLiterals(toA1(op.formula, { row, col }))));
        return;
      case "style":
        this.eachCell(op.at, (row, col) => this.setFormat(sheet, row, col, { style: op.style }));
        return;
      case "clear":
        this.eachCell(op.at, (row, col) => {
          this.put(sheet, row, col, null);
          if (op.applyTo === "All") this.setFormat(sheet, row, col, null);
        });
        return;
      case "resizeTable": {
        const table = this.tablesList.find((t) => key(t.name) === key(op.table));
        if (!table) throw new Error(`no table named "${op.table}"`);
        table.range = { ...op.at };
        return;
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // The grid's view
  // ------------------------------------------------------------------------------------------

  /** The first non-empty cell's rectangle inside `area` (bounded by the sheet), or null. */
  private usedIn(sheet: number, area: RangeOffset): RangeOffset | null {
    const dims = this.hf.getSheetDimensions(sheet);
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (let r = area.row; r < Math.min(area.row + area.rows, dims.height); r++) {
      for (let c = area.col; c < Math.min(area.col + area.cols, dims.width); c++) {
        if (this.hf.getCellValue(this.addr(sheet, r, c)) !== null || this.hf.doesCellHaveFormula(this.addr(sheet, r, c))) {
          top = Math.min(top, r);
          left = Math.min(left, c);
          bottom = Math.max(bottom, r);
          right = Math.max(right, c);
        }
      }
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** Rows and columns in use (at least 1 × 1). */
  extent(sheet: number): { rows: number; cols: number } {
    const d = this.hf.getSheetDimensions(sheet);
    let rows = d.height;
    let cols = d.width;
    for (const t of this.tablesList) {
      if (t.sheetId !== sheet) continue;
      rows = Math.max(rows, t.range.row + t.range.rows);
      cols = Math.max(cols, t.range.col + t.range.cols);
    }
    return { rows: Math.max(1, rows), cols: Math.max(1, cols) };
  }

  private tableAt(sheet: number, row: number, col: number): HfTable | undefined {
    return this.tablesList.find(
      (t) => t.sheetId === sheet && row >= t.range.row && row < t.range.row + t.range.rows && col >= t.range.col && col < t.range.col + t.range.cols
    );
  }

  /** The number format of a cell: explicit, else implied by what was typed (10% → percent). */
  numberFormatAt(sheet: number, row: number, col: number): string | undefined {
    const explicit = this.extras.get(sheet)?.formats.get(cellAddress({ row, col }))?.numberFormat;
    if (explicit !== undefined && explicit !== "General") return explicit;
    const a = this.addr(sheet, row, col);
    switch (this.hf.getCellValueDetailedType(a)) {
      case CellValueDetailedType.NUMBER_PERCENT:
        return "0%";
      case CellValueDetailedType.NUMBER_DATE:
        return "yyyy-mm-dd";
      case CellValueDetailedType.NUMBER_DATETIME:
        return "yyyy-mm-dd hh:mm";
      case CellValueDetailedType.NUMBER_TIME:
        return "hh:mm:ss";
      default:
        return explicit;
    }
  }

  cellView(sheet: number, row: number, col: number): CellView {
    const a = this.addr(sheet, row, col);
    const v = this.hf.getCellValue(a);
    const stored = this.extras.get(sheet)?.formats.get(cellAddress({ row, col }));
    const view: CellView = { kind: "empty", value: null, hasFormula: this.hf.doesCellHaveFormula(a) };
    if (v instanceof DetailedCellError) {
      view.kind = "error";
      view.value = v.value;
      view.message = v.message;
    } else if (typeof v === "number") {
      view.kind = "number";
      view.value = v;
    } else if (typeof v === "string") {
      view.kind = "text";
      view.value = v;
    } else if (typeof v === "boolean") {
      view.kind = "boolean";
      view.value = v;
    }
    const nf = this.numberFormatAt(sheet, row, col);
    if (nf !== undefined) view.numberFormat = nf;
    if (stored?.style) view.style = stored.style;
    const t = this.tableAt(sheet, row, col);
    if (t) view.tablePart = row === t.range.row ? "header" : (row - t.range.row) % 2 === 1 ? "odd" : "even";
    const note = this.noteAt(sheet, row, col);
    if (note !== undefined) view.note = note;
    return view;
  }

  /** What the formula bar shows for a cell: its formula, else its value as one would type it. */
  editText(sheet: number, row: number, col: number): string {
    const a = this.addr(sheet, row, col);
    if (this.hf.doesCellHaveFormula(a)) return this.hf.getCellFormula(a) ?? "";
    const v = this.hf.getCellValue(a);
    if (v === null || v === undefined) return "";
    if (v instanceof DetailedCellError) return v.value;
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (typeof v === "string") return v;
    const nf = this.numberFormatAt(sheet, row, col);
    if (isDateFormat(nf)) return serialToIso(v);
    if (isPercentFormat(nf)) return `${Number((v * 100).toPrecision(15))}%`;
    return String(Number(v.toPrecision(15)))
      .replace("e+", "E+")
      .replace("e-", "E-");
  }

  /**
   * Sets a cell from typed text, as Excel does: "=…" is a formula, "" clears, numbers,
   * percentages, dates and TRUE/FALSE are parsed, anything else (or anything typed into a cell
   * formatted "@") is text. Returns an error message when the engine refuses it.
   */
  input(sheet: number, row: number, col: number, text: string): string | null {
    const a = this.addr(sheet, row, col);
    const format = this.extras.get(sheet)?.formats.get(cellAddress({ row, col }))?.numberFormat;
    let raw: RawCellContent;
    if (text === "") raw = null;
    else if (text.startsWith("=")) raw = hfNumberLiterals(text);
    else if (format === "@") raw = literalText(text);
    else raw = text;
    try {
      if (!this.hf.isItPossibleToSetCellContents(a)) return `The cell ${cellAddress({ row, col })} cannot be changed (it is part of a spilled array).`;
      this.hf.setCellContents(a, [[raw]]);
      // A number typed into a text-formatted cell stays text: Excel would too.
      if (format === "@" && raw !== null && !text.startsWith("=")) this.setFormat(sheet, row, col, { numberFormat: "@" });
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      this.changed();
    }
  }

  /** Selects a cell (and its sheet). */
  select(sheet: number, row: number, col: number): void {
    this.rangeEnd = null;
    this.activeSheet = sheet;
    this.selection = { sheet, row: Math.max(0, row), col: Math.max(0, col) };
    this.changed();
  }

  /** Shows another sheet, with the selection at its top-left cell. */
  activate(sheet: number): void {
    if (sheet === this.activeSheet) return;
    this.select(sheet, 0, 0);
  }

  /**
   * What a Name Box entry points at: "B2", "C5:F9", "Sheet 2!B2", a defined name (sheet-scoped
   * names of the active sheet first) or a table name. The top-left cell, or null.
   */
  resolve(text: string): Selection | null {
    const t = text.trim();
    if (t === "") return null;
    const fromAddress = (s: string, defaultSheet: number): Selection | null => {
      try {
        const r = parseRangeAddress(s);
        const sheet = r.sheet !== undefined ? this.findSheet(r.sheet) : defaultSheet;
        if (sheet === undefined) return null;
        return { sheet, row: r.row, col: r.col };
      } catch {
        return null;
      }
    };
    const direct = fromAddress(t, this.activeSheet);
    if (direct) return direct;
    const named = this.hf.getNamedExpression(t, this.activeSheet) ?? this.hf.getNamedExpression(t);
    if (named?.expression && named.expression.startsWith("=")) {
      const target = fromAddress(named.expression.slice(1), named.scope ?? this.activeSheet);
      if (target) return target;
    }
    const table = this.tablesList.find((x) => key(x.name) === key(t));
    if (table) return { sheet: table.sheetId, row: table.range.row, col: table.range.col };
    return null;
  }

  // ------------------------------------------------------------------------------------------
  // The workbook as a file (src/workbench/xlsx-io.ts): what this class keeps beside the engine
  // ------------------------------------------------------------------------------------------

  /** Number formats and styles set on a sheet's cells, by A1 address (typed "10%" implies one: numberFormatAt). */
  cellFormats(sheet: number): ReadonlyMap<string, AppliedCellFormat> {
    return this.extras.get(sheet)?.formats ?? new Map<string, AppliedCellFormat>();
  }

  /** Column widths a file gave a sheet (Excel's character units), by zero-based column. */
  columnWidths(sheet: number): ReadonlyMap<number, number> {
    return this.extras.get(sheet)?.columnWidths ?? new Map<number, number>();
  }

  /** The workbook settings (Office's add-in settings: the tracking records), in insertion order. */
  settingEntries(): { key: string; value: string }[] {
    return [...this.settings.entries()].map(([k, v]) => ({ key: k, value: v }));
  }

  /** A sheet's visibility: as set (a file's), else "veryHidden" for a sheet hidden with hideSheet, else "visible". */
  sheetVisibility(sheet: number): SheetVisibility {
    return this.visibility.get(sheet) ?? (this.hidden.has(sheet) ? "veryHidden" : "visible");
  }

  /** Sets a sheet's visibility; a hidden or very hidden sheet gets no tab (as in Excel). */
  setSheetVisibility(sheet: number, visibility: SheetVisibility): void {
    this.visibility.set(sheet, visibility);
    if (visibility === "visible") this.hidden.delete(sheet);
    else this.hidden.add(sheet);
    this.changed();
  }

  /**
   * Replaces the whole workbook (sheets, cells, names, formats, tables, settings) with
   * `contents`, as opening a file does. Returns the names HyperFormula refused (the rest loads).
   * Sheets first, then names, then cells, so formulas find the sheets and names they use.
   */
  replaceContents(contents: HfContents): string[] {
    const refused: string[] = [];
    try {
      for (const n of this.hf.listNamedExpressions()) this.hf.removeNamedExpression(n);
      for (const s of this.allSheets()) for (const n of this.hf.listNamedExpressions(s.id)) this.hf.removeNamedExpression(n, s.id);
      for (const s of this.allSheets()) this.hf.removeSheet(s.id);
      this.extras.clear();
      this.visibility.clear();
      this.hidden.clear();
      this.tablesList = [];
      this.settings.clear();
      const sheets =
        contents.sheets.length > 0
          ? contents.sheets
          : [{ name: FIRST_SHEET, visibility: "visible" as const, cells: [], formats: {}, validations: [], columnWidths: {}, notes: {} }];
      const ids = sheets.map((s) => this.sheetIdOf(this.hf.addSheet(s.name)));
      for (const n of contents.names) {
        const scope = n.sheet === undefined ? undefined : this.findSheet(n.sheet);
        try {
          this.hf.addNamedExpression(n.name, n.expression, scope);
        } catch (error) {
          refused.push(`${n.name} (${error instanceof Error ? error.message : String(error)})`);
        }
      }
      this.hf.batch(() => sheets.forEach((s, i) => this.hf.setSheetContent(ids[i], s.cells)));
      sheets.forEach((s, i) => {
        const e = this.extrasOf(ids[i]);
        for (const [address, f] of Object.entries(s.formats)) e.formats.set(address, { ...f });
        e.validations.push(...s.validations.map((v) => ({ ...v, list: [...v.list] })));
        if (s.freeze) e.freeze = { ...s.freeze };
        e.columnWidths = new Map(Object.entries(s.columnWidths).map(([c, w]) => [Number(c), w]));
        if (Object.keys(s.notes).length > 0) e.notes = new Map(Object.entries(s.notes));
        if (s.visibility !== "visible") {
          this.visibility.set(ids[i], s.visibility);
          this.hidden.add(ids[i]);
        }
      });
      for (const t of contents.tables) {
        const sheetId = this.findSheet(t.sheet);
        if (sheetId !== undefined) this.tablesList.push({ name: t.name, sheetId, range: { ...t.range }, style: t.style });
      }
      for (const { key: k, value } of contents.settings) this.settings.set(k, value);
      const active =
        (contents.activeSheet !== undefined ? this.findSheet(contents.activeSheet) : undefined) ??
        ids.find((id) => this.sheetVisibility(id) === "visible") ??
        ids[0];
      this.activeSheet = active;
      this.selection = { sheet: active, row: 0, col: 0 };
      return refused;
    } finally {
      this.changed();
    }
  }

  /** Recalculates everything (after the Epoch table arrives, AI.MODEL may answer differently). */
  recalculate(): void {
    this.hf.rebuildAndRecalculate();
    this.changed();
  }

  // ------------------------------------------------------------------------------------------
  // The selected range and the active cell (issue 20: the pane's Functions tab)
  // ------------------------------------------------------------------------------------------

  /** The far corner of a range selection, valid while the selection's anchor is where it was set. */
  private rangeEnd: { anchor: Selection; row: number; col: number } | null = null;

  /** Extends the selection from its anchor (the active cell) to (row, col), as Shift+click does. */
  extendSelection(row: number, col: number): void {
    this.rangeEnd = { anchor: { ...this.selection }, row: Math.max(0, row), col: Math.max(0, col) };
    this.changed();
  }

  /** The selected range: from the active cell to the far corner of a Shift-extended selection. */
  selectedRange(): RangeOffset {
    const s = this.selection;
    const e = this.rangeEnd;
    if (!e || e.anchor.sheet !== s.sheet || e.anchor.row !== s.row || e.anchor.col !== s.col) return { row: s.row, col: s.col, rows: 1, cols: 1 };
    const row = Math.min(s.row, e.row);
    const col = Math.min(s.col, e.col);
    return { row, col, rows: Math.abs(e.row - s.row) + 1, cols: Math.abs(e.col - s.col) + 1 };
  }

  /** A cell's value as the pane reads it: errors with their message, blank as null. */
  private sheetValue(sheet: number, row: number, col: number): SheetValue {
    const v = this.hf.getCellValue(this.addr(sheet, row, col));
    if (v instanceof DetailedCellError) return v.message ? { error: v.value, message: v.message } : { error: v.value };
    if (v === null || v === undefined) return null;
    return v;
  }

  /**
   * The anchor of the spill that covers a cell (a spilled cell holds no formula): up its column
   * and then left along the anchor's row while the cells belong to an array without a formula;
   * checked against the anchor's own extent (the engine evaluates its formula again).
   */
  spillAnchor(sheet: number, row: number, col: number): { row: number; col: number } | null {
    const inArray = (r: number, c: number): boolean => this.hf.isCellPartOfArray({ sheet, row: r, col: c });
    const hasFormula = (r: number, c: number): boolean => this.hf.doesCellHaveFormula({ sheet, row: r, col: c });
    if (hasFormula(row, col) || !inArray(row, col)) return null;
    let r = row;
    while (r > 0 && inArray(r - 1, col) && !hasFormula(r, col)) r--;
    let c = col;
    while (!hasFormula(r, c) && c > 0 && inArray(r, c - 1)) c--;
    if (!hasFormula(r, c)) return null;
    const result = this.hf.calculateFormula(this.hf.getCellFormula({ sheet, row: r, col: c }) ?? "", sheet);
    if (!Array.isArray(result)) return null;
    const rows = result.length;
    const cols = (result[0] as unknown[] | undefined)?.length ?? 0;
    return row < r + rows && col < c + cols ? { row: r, col: c } : null;
  }

  /** The active cell (the selection's anchor), its formula or its spill anchor's, and the selected range. */
  async getActiveCell(): Promise<ActiveCell> {
    const { sheet, row, col } = this.selection;
    const a = this.addr(sheet, row, col);
    const base = {
      sheet: this.sheetName(sheet),
      address: cellAddress({ row, col }),
      selection: rangeAddress(this.selectedRange()),
      value: this.sheetValue(sheet, row, col),
    };
    if (this.hf.doesCellHaveFormula(a)) return { ...base, formula: this.hf.getCellFormula(a) ?? null, spill: null };
    const anchor = this.spillAnchor(sheet, row, col);
    if (!anchor) return { ...base, formula: null, spill: null };
    return {
      ...base,
      formula: this.hf.getCellFormula(this.addr(sheet, anchor.row, anchor.col)) ?? null,
      spill: { anchor: cellAddress(anchor), row: row - anchor.row, col: col - anchor.col },
    };
  }

  /** Calls `handler` when the active cell or the selected range changes (not on other changes, as Excel's event). */
  onSelectionChanged(handler: () => void): () => void {
    const key = (): string => `${this.selection.sheet}|${rangeAddress(this.selectedRange())}|${this.selection.row},${this.selection.col}`;
    let last = key();
    return this.subscribe(() => {
      const now = key();
      if (now === last) return;
      last = now;
      handler();
    });
  }

  /**
   * The values of references as a formula on `sheet` reads them: an A1 cell or range (another
   * sheet's too), a defined name (the sheet's own first), anything else the engine can evaluate.
   */
  async readValues(sheet: string, references: readonly string[]): Promise<ReadResult[]> {
    const home = this.findSheet(sheet);
    if (home === undefined) return references.map(() => ({ ok: false, reason: `there is no sheet named "${sheet}"` }));
    return references.map((ref) => this.readReference(home, ref));
  }

  private readReference(home: number, ref: string): ReadResult {
    const area = (text: string, defaultSheet: number): ReadResult | null => {
      let r: RangeOffset & { sheet?: string };
      try {
        r = parseRangeAddress(text);
      } catch {
        return null;
      }
      const sheet = r.sheet === undefined ? defaultSheet : this.findSheet(r.sheet);
      if (sheet === undefined) return { ok: false, reason: `there is no sheet named "${r.sheet ?? ""}"` };
      const values: SheetValue[][] = [];
      for (let i = 0; i < r.rows; i++) values.push(Array.from({ length: r.cols }, (_, j) => this.sheetValue(sheet, r.row + i, r.col + j)));
      return { ok: true, values };
    };
    const direct = area(ref, home);
    if (direct) return direct;
    const named = this.hf.getNamedExpression(ref, home) ?? this.hf.getNamedExpression(ref);
    if (named?.expression?.startsWith("=")) {
      const viaName = area(named.expression.slice(1), named.scope ?? home);
      if (viaName) return viaName;
    }
    try {
      const v = this.hf.calculateFormula(`=${ref}`, home);
      const one = (x: unknown): SheetValue =>
        x instanceof DetailedCellError ? { error: x.value, message: x.message } : x === null || x === undefined ? null : (x as SheetValue);
      if (!Array.isArray(v)) {
        if (v instanceof DetailedCellError && (v.type === "NAME" || v.type === "REF")) return { ok: false, reason: v.message || v.value };
        return { ok: true, values: [[one(v)]] };
      }
      return { ok: true, values: v.map((row) => row.map(one)) };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Writes a formula into the active cell as typing it would; what the cell then shows. */
  async setActiveCellFormula(formula: string): Promise<{ sheet: string; address: string; value: SheetValue }> {
    const { sheet, row, col } = this.selection;
    const problem = this.input(sheet, row, col, formula);
    if (problem !== null) throw new WorkbookError("excelRejected", `The workbench refused the formula in ${cellAddress({ row, col })}: ${problem}`);
    return { sheet: this.sheetName(sheet), address: cellAddress({ row, col }), value: this.sheetValue(sheet, row, col) };
  }
}

/** Zero-based position → the Name Box text "B2". */
export function selectionAddress(s: CellOffset): string {
  return cellAddress(s);
}
