/**
 * A whole workbook as plain data: what an .xlsx file holds that the add-in cares about. The
 * workbench saves its workbook as one (src/workbench/xlsx-io.ts → writeSnapshot) and opens a file
 * into one (readXlsx → xlsx-io.ts), so the file format stays in src/xlsx and the engine in
 * src/workbench; tests compare two files by comparing their snapshots.
 *
 * Conventions: zero-based rows and columns; A1 addresses without "$"; formulas as Excel shows
 * them ("=RRI(…)", "=AI.TRAINFLOPS(…)"), without the file's "_xlfn." prefixes; colours "#RRGGBB".
 */
import type { CellStyle } from "../sheet/plan";

/** A cell's value: a literal, or a formula's cached result; an error as its code. */
export type SnapshotValue = number | string | boolean | { error: string } | null;

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SnapshotCell {
  row: number;
  col: number;
  /** The literal value, or the formula's cached result (null when the file has none). */
  value: SnapshotValue;
  formula?: string;
  /**
   * For a legacy array formula (how the file carries a spill): the A1 range it covers, on its
   * anchor cell. The other cells of the range carry only their cached values.
   */
  arrayRange?: string;
  numberFormat?: string;
  style?: CellStyle;
  /** The cell's note (Excel's "Note", a legacy comment), as plain text. */
  note?: string;
}

export interface SnapshotValidation {
  /** A1 range. */
  address: string;
  list: string[];
  allowBlank: boolean;
}

export interface SnapshotSheet {
  name: string;
  visibility: SheetVisibility;
  /** Every cell with a value, a formula, a number format or a style, row-major. */
  cells: SnapshotCell[];
  /** Column widths in Excel's character units, by zero-based column, for columns that have one. */
  columnWidths: { col: number; width: number }[];
  freeze?: { rows: number; cols: number };
  validations: SnapshotValidation[];
}

export interface SnapshotTable {
  name: string;
  sheet: string;
  /** A1 range, header row included. */
  address: string;
  /** "TableStyleMedium2" */
  style: string;
}

export interface SnapshotName {
  name: string;
  /** What it refers to, as Excel writes it without "=": "'Training compute'!$C$5". */
  refersTo: string;
  /** The sheet of a sheet-scoped name; absent for a workbook name. */
  sheet?: string;
}

export interface WorkbookSnapshot {
  /** In tab order, the settings sheet excluded (its content is `settings`). */
  sheets: SnapshotSheet[];
  tables: SnapshotTable[];
  names: SnapshotName[];
  /** Workbook settings (the add-in's tracking records), in file order. */
  settings: { key: string; value: string }[];
  /** The sheet shown when the file opens. */
  activeSheet?: string;
  /** What reading the file clipped, one phrase each (readXlsx sets it only when there is something to say). */
  notices?: string[];
}

/** Prefixes the file format puts before functions newer than Excel 2007 ("_xlfn._xlws.FILTER"). */
const FUTURE_PREFIX = /_xlfn\.(?:_xlws\.)?/g;

/** A formula as the file stores it ("_xlfn.RRI(A1,B1)") as Excel shows it ("=RRI(A1,B1)"). String literals are left alone. */
export function shownFormula(fileText: string): string {
  const body = fileText
    .split('"')
    .map((part, i) => (i % 2 === 1 ? part : part.replace(FUTURE_PREFIX, "")))
    .join('"');
  return `=${body}`;
}

/** Display width of a text in Excel's character units (CJK characters count double). */
export function textWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\uFFEF]/.test(ch) ? 2 : 1;
  return n;
}

/** About how wide a cell shows (character units): formulas 12, numbers 8 to 14, text its width. */
export function cellWidth(value: unknown, isFormula: boolean): number {
  if (isFormula) return 12;
  if (value === null || value === undefined) return 0;
  if (typeof value === "string") return textWidth(value);
  if (typeof value === "number") return Math.max(8, Math.min(14, String(value).length));
  return textWidth(String(value));
}

/** Approximates Excel's autofit from the widths of a column's cells: the widest plus 2, within 8 to 60. */
export function autofitWidth(cellWidths: readonly number[]): number {
  let widest = 0; // a loop, not Math.max(...cellWidths): spreading 100,000 arguments overflows the stack
  for (const w of cellWidths) if (w > widest) widest = w;
  return Math.min(60, Math.max(8, widest + 2));
}
