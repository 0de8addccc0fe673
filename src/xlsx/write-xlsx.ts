/**
 * The .xlsx adapter (DESIGN.md): writes sheet plans to an Office Open XML workbook with ExcelJS,
 * for the workbench's export and `npm run export`. No Office.js, no engine: cached formula
 * results come from the caller (`cachedValue`, e.g. HyperFormula's values), so this module
 * imports no other adapter.
 *
 * Cells go through the same pure write ops as Excel's (sheet/write-ops.ts planCellOps), so the
 * file follows the same rules: every non-empty literal string is formatted "@" and written as
 * text, formula cells are never "@", spilled cells are left unwritten, note lines are cells.
 *
 * What a file cannot hold the way Excel holds it:
 * - Spills: ExcelJS cannot write a dynamic-array formula (that needs the cell-metadata part
 *   Excel 365 writes); a spill anchor is written as a legacy array formula over the plan's spill
 *   range (Excel shows {=…}; same values, but the range does not grow or shrink by itself).
 * - Tracking records: Office.js keeps workbook settings in the add-in's webextension part,
 *   which ExcelJS does not write; the "setting" ops go to a very hidden sheet, SETTINGS_SHEET
 *   (key in column A, JSON value in column B). The Excel adapter reads it where its own settings
 *   lack a key (src/excel/tracking.ts).
 * - Charts: ExcelJS writes none; a plan's chart is left out (listed in XlsxResult.skipped).
 * - Name comments: ExcelJS writes none.
 */
import ExcelJS from "exceljs";
import {
  absolute,
  assertValidPlan,
  cellAddress,
  parseCell,
  quoteSheetName,
  rangeAddress,
  type CellStyle,
  type RangeOffset,
  type SheetPlan,
} from "../sheet/plan";
import { SETTINGS_SHEET } from "../sheet/tracking";
import { autofitWidth, cellWidth } from "./snapshot";
import { planCellOps, type WriteOp } from "../sheet/write-ops";

/** A formula cell's value as an engine computed it; an error as its Excel code ("#DIV/0!"). */
export type CachedValue = number | string | boolean | null | { error: string };

/** The cached result of the formula at a zero-based absolute cell, or undefined when unknown. */
export type CachedValueFn = (sheetName: string, row: number, col: number) => CachedValue | undefined;

export interface XlsxInput {
  /** Applied in order; an anchor plan goes onto a sheet an earlier plan created. */
  plans: readonly SheetPlan[];
  /** Workbook settings as the Excel adapter would store them (e.g. tracking records: recordWriteOp()). */
  settings?: readonly { key: string; value: string }[];
  cachedValue?: CachedValueFn;
  /** Stored as the file's creator. */
  creator?: string;
  /** Creation and modification time (fixed in tests so two exports are byte-comparable). */
  created?: Date;
}

export interface XlsxResult {
  workbook: ExcelJS.Workbook;
  /** What a plan asked for that the file does not get, e.g. "chart on 'Compute trend'". */
  skipped: string[];
}

/** The very hidden sheet holding the add-in's workbook settings (tracking records); defined beside the records. */
export { SETTINGS_SHEET };
/** Excel's limit on the characters of one cell. */
export const CELL_TEXT_MAX = 32_767;

/**
 * Functions newer than Excel 2007 are stored with a prefix in the file (ECMA-376 and MS-XLSX
 * "future functions"); without it Excel shows #NAME?. The ones our plans use, and common ones a
 * user may type in the workbench.
 */
const FUTURE_FUNCTIONS: Readonly<Record<string, string>> = {
  "CEILING.MATH": "_xlfn.CEILING.MATH",
  "FLOOR.MATH": "_xlfn.FLOOR.MATH",
  RRI: "_xlfn.RRI",
  PDURATION: "_xlfn.PDURATION",
  IFNA: "_xlfn.IFNA",
  IFS: "_xlfn.IFS",
  SWITCH: "_xlfn.SWITCH",
  XOR: "_xlfn.XOR",
  DAYS: "_xlfn.DAYS",
  CONCAT: "_xlfn.CONCAT",
  TEXTJOIN: "_xlfn.TEXTJOIN",
  MAXIFS: "_xlfn.MAXIFS",
  MINIFS: "_xlfn.MINIFS",
  "STDEV.S": "_xlfn.STDEV.S",
  "STDEV.P": "_xlfn.STDEV.P",
  "VAR.S": "_xlfn.VAR.S",
  "VAR.P": "_xlfn.VAR.P",
  "RANK.EQ": "_xlfn.RANK.EQ",
  "RANK.AVG": "_xlfn.RANK.AVG",
  "PERCENTILE.INC": "_xlfn.PERCENTILE.INC",
  "PERCENTILE.EXC": "_xlfn.PERCENTILE.EXC",
  "FORECAST.LINEAR": "_xlfn.FORECAST.LINEAR",
  XLOOKUP: "_xlfn.XLOOKUP",
  XMATCH: "_xlfn.XMATCH",
  LET: "_xlfn.LET",
  SEQUENCE: "_xlfn.SEQUENCE",
  UNIQUE: "_xlfn.UNIQUE",
  FILTER: "_xlfn._xlws.FILTER",
  SORT: "_xlfn._xlws.SORT",
};

/**
 * A plan formula ("=RRI(…)") as the file stores it: no "=", future functions prefixed. String
 * literals are left alone.
 */
export function fileFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return body
    .split('"')
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(?<![A-Za-z0-9_.])([A-Z][A-Z0-9.]*)(?=\()/g, (name: string) => FUTURE_FUNCTIONS[name] ?? name)))
    .join('"');
}

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

function cellsOf(at: RangeOffset, each: (row: number, col: number, r: number, c: number) => void): void {
  for (let r = 0; r < at.rows; r++) for (let c = 0; c < at.cols; c++) each(at.row + r + 1, at.col + c + 1, r, c);
}

/** Sets a plan style's font colour, bold, italic and solid fill on a cell (keeping its other font settings). */
export function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
  if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  cell.font = font;
  if (style.fillColor !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fillColor) } };
}

/** A cached value as ExcelJS takes it (errors as { error }). */
export function toCellValue(v: CachedValue | undefined): ExcelJS.CellValue | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "object" && v !== null) return { error: v.error as ExcelJS.CellErrorValue["error"] };
  return v;
}

/** A formula cell's value for ExcelJS: the formula and, when known, its cached result. */
export function formulaValue(formula: string, result: CachedValue | undefined): ExcelJS.CellFormulaValue {
  const r = toCellValue(result);
  return (r === undefined || r === null ? { formula: fileFormula(formula) } : { formula: fileFormula(formula), result: r }) as ExcelJS.CellFormulaValue;
}

function widthOf(cell: ExcelJS.Cell): number {
  const v = cell.value;
  const isFormula = v !== null && typeof v === "object" && "formula" in v;
  return cellWidth(v, isFormula);
}

/** Approximates Excel's autofit: the widest cell of each column of the range, within bounds. */
export function autofit(ws: ExcelJS.Worksheet, at: RangeOffset): void {
  for (let c = 0; c < at.cols; c++) {
    const widths: number[] = [];
    for (let r = 0; r < at.rows; r++) widths.push(widthOf(ws.getCell(at.row + r + 1, at.col + c + 1)));
    const column = ws.getColumn(at.col + c + 1);
    column.width = Math.max(column.width ?? 0, autofitWidth(widths));
  }
}

function applyOp(ws: ExcelJS.Worksheet, op: WriteOp, cached: CachedValueFn): void {
  switch (op.kind) {
    case "numberFormat":
      cellsOf(op.at, (row, col) => (ws.getCell(row, col).numFmt = op.format));
      return;
    case "numberFormatGrid":
      cellsOf(op.at, (row, col, r, c) => {
        const f = op.formats[r][c];
        if (f !== null) ws.getCell(row, col).numFmt = f;
      });
      return;
    case "values":
      cellsOf(op.at, (row, col, r, c) => {
        const v = op.values[r][c];
        if (v === null) return;
        if (typeof v === "string" && v.length > CELL_TEXT_MAX)
          throw new Error(`${ws.name}!${cellAddress({ row: row - 1, col: col - 1 })}: text longer than Excel's ${CELL_TEXT_MAX} characters`);
        ws.getCell(row, col).value = v === "" ? null : v;
      });
      return;
    case "formulas":
      cellsOf(op.at, (row, col, r, c) => {
        const f = op.formulas[r][c];
        if (f !== null) ws.getCell(row, col).value = formulaValue(f, cached(ws.name, row - 1, col - 1));
      });
      return;
    case "style":
      cellsOf(op.at, (row, col) => applyStyle(ws.getCell(row, col), op.style));
      return;
    default:
      // Refresh-only ops (R1C1, clear, resize, deletes) never come from a plan's cells.
      throw new Error(`xlsx: a plan's cell writes cannot contain a "${op.kind}" op`);
  }
}

/** Worksheet.fillFormula as ExcelJS implements it: its typings omit the shareType argument. */
interface ArrayFormulaFill {
  fillFormula(range: string, formula: string, results: (row: number, col: number) => ExcelJS.CellValue, shareType: "array" | "shared"): void;
}

/**
 * Writes `formula` (file form, no "=") as a legacy array formula over `range` (A1), each cell
 * with the cached value `result(row, col)` (1-based, as ExcelJS counts).
 */
export function fillArrayFormula(ws: ExcelJS.Worksheet, range: string, formula: string, result: (row: number, col: number) => ExcelJS.CellValue): void {
  (ws as unknown as ArrayFormulaFill).fillFormula(range, formula, result, "array");
}

/** A defined name as ExcelJS's workbook writer and reader model it (localSheetId: the sheet's index, for a sheet-scoped name). */
export interface DefinedNameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

/**
 * Adds sheet-scoped names. ExcelJS's name API has no sheet scope, but its workbook writer renders
 * localSheetId (it uses it for print areas): the names join the model it writes.
 */
export function addScopedNames(wb: ExcelJS.Workbook, scopedNames: readonly DefinedNameModel[]): void {
  if (scopedNames.length === 0) return;
  const names = wb.definedNames as unknown as { model: DefinedNameModel[] };
  const base = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(names), "model");
  if (!base?.get) throw new Error("xlsx: this ExcelJS has no definedNames.model");
  const getter = base.get;
  Object.defineProperty(names, "model", { configurable: true, get: () => [...(getter.call(names) as DefinedNameModel[]), ...scopedNames], set: base.set });
}

/** Writes workbook settings (key in column A, value in column B, both text) on the very hidden SETTINGS_SHEET. */
export function addSettingsSheet(wb: ExcelJS.Workbook, settings: readonly { key: string; value: string }[]): void {
  if (settings.length === 0) return;
  const ws = wb.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
  settings.forEach((s, i) => {
    if (s.value.length > CELL_TEXT_MAX) throw new Error(`xlsx: the setting ${s.key} is longer than a cell holds`);
    ws.getCell(i + 1, 1).value = s.key;
    ws.getCell(i + 1, 2).value = s.value;
    ws.getCell(i + 1, 1).numFmt = "@";
    ws.getCell(i + 1, 2).numFmt = "@";
  });
}

/** Whether a plan has a formula that calls one of the add-in's AI.* functions. */
function callsAddin(plan: SheetPlan): boolean {
  return plan.blocks.some((b) => (b.formulas ?? []).some((row) => row.some((f) => f !== null && /(?<![A-Za-z0-9_.])AI\./i.test(f))));
}

/**
 * Makes an Excel table (a ListObject) of the cells already written at `r`, the first row its
 * header. addTable rewrites the cells it covers with these same values; formats and styles stay.
 */
export function addTableOver(ws: ExcelJS.Worksheet, name: string, r: RangeOffset, style: string): void {
  const headers: string[] = [];
  const rows: ExcelJS.CellValue[][] = [];
  for (let c = 0; c < r.cols; c++) headers.push(String(ws.getCell(r.row + 1, r.col + c + 1).value ?? ""));
  for (let i = 1; i < r.rows; i++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = 0; c < r.cols; c++) row.push(ws.getCell(r.row + i + 1, r.col + c + 1).value);
    rows.push(row);
  }
  ws.addTable({
    name,
    displayName: name,
    ref: cellAddress(r),
    headerRow: true,
    totalsRow: false,
    style: { theme: style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows,
  });
}

/**
 * Builds the workbook in memory. Throws on a malformed plan, an anchor on a sheet no earlier
 * plan created, or a setting value longer than a cell holds.
 */
export function buildXlsx(input: XlsxInput): XlsxResult {
  const wb = new ExcelJS.Workbook();
  wb.creator = input.creator ?? "AI Compute Analyst";
  const created = input.created ?? new Date();
  wb.created = created;
  wb.modified = created;
  // Full recalculation on load (an engine that opens the file recomputes every formula), unless
  // a formula calls the add-in: recomputed where the add-in is not loaded, it would show #NAME?
  // instead of its cached value.
  if (!input.plans.some(callsAddin)) wb.calcProperties = { fullCalcOnLoad: true };
  const cached: CachedValueFn = input.cachedValue ?? (() => undefined);
  const skipped: string[] = [];
  const scopedNames: DefinedNameModel[] = [];
  let activeTab: number | undefined;

  for (const plan of input.plans) {
    assertValidPlan(plan);
    let ws: ExcelJS.Worksheet;
    let origin = { row: 0, col: 0 };
    if (plan.target.kind === "newSheet") {
      ws = wb.addWorksheet(plan.target.name);
    } else {
      const found = wb.getWorksheet(plan.target.sheetName);
      if (!found) throw new Error(`xlsx: no sheet named "${plan.target.sheetName}" for the plan's anchor`);
      ws = found;
      origin = parseCell(plan.target.cell);
    }
    const at = (r: RangeOffset): RangeOffset => absolute(origin, r);
    for (const op of planCellOps(plan, ws.name, origin)) applyOp(ws, op, cached);

    // Spill anchors: a legacy array formula over the planned range, each cell with its cached value.
    for (const spill of plan.spills ?? []) {
      const s = at(spill);
      const anchor = ws.getCell(s.row + 1, s.col + 1);
      const v = anchor.value;
      const formula = v !== null && typeof v === "object" && "formula" in v ? v.formula : undefined;
      if (formula === undefined) continue;
      fillArrayFormula(ws, rangeAddress(s), formula, (row, col) => toCellValue(cached(ws.name, row - 1, col - 1)) ?? null);
    }

    if (plan.table) addTableOver(ws, plan.table.name, at(plan.table.range), plan.table.style);

    for (const n of plan.names ?? []) {
      const ref = `${quoteSheetName(ws.name)}!${rangeAddress(at(n.range)).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
      if ((n.scope ?? "workbook") === "workbook") wb.definedNames.add(ref, n.name);
      else scopedNames.push({ name: n.name, ranges: [ref], localSheetId: wb.worksheets.indexOf(ws) });
    }

    for (const v of plan.validations ?? []) {
      const source = v.listRange ? rangeAddress(at(v.listRange)).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2") : `"${v.list.join(",")}"`;
      const validation: ExcelJS.DataValidation = { type: "list", allowBlank: v.allowBlank ?? true, formulae: [source], showErrorMessage: true };
      cellsOf(at(v.range), (row, col) => (ws.getCell(row, col).dataValidation = { ...validation, formulae: [...validation.formulae] }));
    }

    if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0)) {
      ws.views = [
        { state: "frozen", xSplit: plan.freeze.cols, ySplit: plan.freeze.rows, topLeftCell: cellAddress({ row: plan.freeze.rows, col: plan.freeze.cols }) },
      ];
    }
    for (const r of plan.autofit ?? []) autofit(ws, at(r));
    if (plan.chart) skipped.push(`chart "${plan.chart.title}" on ${quoteSheetName(ws.name)} (ExcelJS writes no charts)`);
    for (const n of plan.names ?? []) if (n.comment !== undefined) skipped.push(`comment of the name ${n.name} (ExcelJS writes none)`);
    if (plan.activate) activeTab = wb.worksheets.indexOf(ws);
  }

  addSettingsSheet(wb, input.settings ?? []);
  if (activeTab !== undefined) wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: "visible" }];
  addScopedNames(wb, scopedNames);
  return { workbook: wb, skipped };
}

/** The .xlsx file's bytes. */
export async function writeXlsx(input: XlsxInput): Promise<{ bytes: Uint8Array; skipped: string[] }> {
  const { workbook, skipped } = buildXlsx(input);
  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer as ArrayBuffer), skipped };
}
