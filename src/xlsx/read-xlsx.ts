/**
 * Reads an .xlsx file (ours or Excel's) into a WorkbookSnapshot with ExcelJS: every sheet with
 * its visibility, cells (value or formula with its cached result, a legacy array formula's range
 * on its anchor), number formats, font colour/bold/italic and solid fills, column widths, frozen
 * panes, drop-down lists, tables, defined names (with their sheet scope) and the settings kept on
 * the very hidden settings sheet.
 *
 * Not read (the snapshot has no place for them): charts, comments, merged cells (the first cell
 * keeps the value), conditional formats, theme colours, validations other than lists, defined
 * names that are not ranges (ExcelJS's parser keeps only ranges).
 */
import ExcelJS from "exceljs";
import { parseRangeAddress, rangeAddress, type CellStyle } from "../sheet/plan";
import { SETTINGS_SHEET, settingsFromSheetRows } from "../sheet/tracking";
import {
  shownFormula,
  type SnapshotCell,
  type SnapshotSheet,
  type SnapshotTable,
  type SnapshotValidation,
  type SnapshotValue,
  type WorkbookSnapshot,
} from "./snapshot";
import type { DefinedNameModel } from "./write-xlsx";

/** Excel's serial day number of a date ExcelJS read from a date-formatted cell (1900 date system). */
export const serialOf = (d: Date): number => (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

function plain(v: unknown): SnapshotValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return serialOf(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((run) => run.text).join("");
    if (typeof o.text === "string") return o.text; // a hyperlink
  }
  return String(v);
}

const hex = (argb: unknown): string | undefined => (typeof argb === "string" && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined);

function styleOf(cell: ExcelJS.Cell): CellStyle | undefined {
  const style: CellStyle = {};
  const font = cell.font as Partial<ExcelJS.Font> | undefined;
  const fontColor = hex(font?.color?.argb);
  if (fontColor !== undefined) style.fontColor = fontColor;
  if (font?.bold) style.bold = true;
  if (font?.italic) style.italic = true;
  const fill = cell.fill as ExcelJS.Fill | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    const fillColor = hex(fill.fgColor?.argb);
    if (fillColor !== undefined) style.fillColor = fillColor;
  }
  return Object.keys(style).length > 0 ? style : undefined;
}

/** A note's text: ExcelJS gives a string, or a comment of rich-text runs. */
function noteOf(note: unknown): string | undefined {
  if (typeof note === "string") return note;
  if (note !== null && typeof note === "object" && Array.isArray((note as { texts?: unknown }).texts))
    return ((note as { texts: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
  return undefined;
}

function cellOf(cell: ExcelJS.Cell, row: number, col: number): SnapshotCell | null {
  const out: SnapshotCell = { row, col, value: null };
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // cell.formula translates a shared formula to this cell; cell.result keeps a falsy result (value.result drops 0 and false).
    out.formula = shownFormula(cell.formula);
    out.value = plain(cell.result);
    const v = cell.value as { shareType?: string; ref?: string };
    if (v.shareType === "array" && typeof v.ref === "string") out.arrayRange = rangeAddress(parseRangeAddress(v.ref.replace(/\$/g, "")));
  } else out.value = plain(cell.value);
  const numFmt = cell.numFmt;
  if (typeof numFmt === "string" && numFmt !== "" && numFmt !== "General") out.numberFormat = numFmt;
  const style = styleOf(cell);
  if (style) out.style = style;
  const note = noteOf(cell.note);
  if (note !== undefined) out.note = note;
  return out.value !== null || out.formula !== undefined || out.numberFormat !== undefined || out.style !== undefined || out.note !== undefined ? out : null;
}

/** A list validation's items: a literal list ("a,b,c" in quotes), or the values of the range it refers to. */
function listItems(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, formula: unknown): string[] | null {
  if (typeof formula !== "string") return null;
  const f = formula.trim().replace(/^=/, "");
  if (f.startsWith('"') && f.endsWith('"')) return f.slice(1, -1).replace(/""/g, '"').split(",");
  try {
    const r = parseRangeAddress(f.replace(/\$/g, ""));
    const source = r.sheet !== undefined ? wb.getWorksheet(r.sheet) : ws;
    if (!source) return null;
    const items: string[] = [];
    for (let row = r.row; row < r.row + r.rows; row++)
      for (let col = r.col; col < r.col + r.cols; col++) {
        const v = plain(source.getCell(row + 1, col + 1).value);
        if (v !== null && typeof v !== "object") items.push(String(v));
      }
    return items;
  } catch {
    return null;
  }
}

/**
 * ExcelJS keeps validations cell by cell; joins cells with the same list into rectangles (runs
 * down each column, then neighbouring columns with the same run), in row-major order.
 */
function validationsOf(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): SnapshotValidation[] {
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model; // not in ExcelJS's typings
  const groups = new Map<string, { list: string[]; allowBlank: boolean; cells: { row: number; col: number }[] }>();
  for (const [address, v] of Object.entries(model)) {
    if (!v || v.type !== "list") continue;
    const list = listItems(wb, ws, v.formulae?.[0]);
    if (list === null) continue;
    const allowBlank = v.allowBlank ?? false;
    const key = JSON.stringify([list, allowBlank]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { list, allowBlank, cells: [] }));
    g.cells.push(parseRangeAddress(address));
  }
  const out: SnapshotValidation[] = [];
  for (const g of groups.values()) {
    const byCol = new Map<number, number[]>();
    for (const c of g.cells) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c.row]);
    const runs: { row: number; col: number; rows: number; cols: number }[] = [];
    for (const [col, rows] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
      rows.sort((a, b) => a - b);
      for (let i = 0; i < rows.length;) {
        let j = i;
        while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
        const run = { row: rows[i], col, rows: j - i + 1, cols: 1 };
        const left = runs.find((x) => x.row === run.row && x.rows === run.rows && x.col + x.cols === col);
        if (left) left.cols++;
        else runs.push(run);
        i = j + 1;
      }
    }
    for (const r of runs) out.push({ address: rangeAddress(r), list: g.list, allowBlank: g.allowBlank });
  }
  return out.sort((a, b) => {
    const p = parseRangeAddress(a.address);
    const q = parseRangeAddress(b.address);
    return p.row - q.row || p.col - q.col;
  });
}

function sheetOf(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): SnapshotSheet {
  const cells: SnapshotCell[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      const snap = cell ? cellOf(cell, r - 1, c - 1) : null;
      if (snap) cells.push(snap);
    }
  }
  const columnWidths: { col: number; width: number }[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const width = ws.getColumn(c).width;
    if (typeof width === "number") columnWidths.push({ col: c - 1, width });
  }
  const sheet: SnapshotSheet = { name: ws.name, visibility: ws.state ?? "visible", cells, columnWidths, validations: validationsOf(wb, ws) };
  const view = ws.views?.[0];
  if (view?.state === "frozen") {
    const rows = view.ySplit ?? 0;
    const cols = view.xSplit ?? 0;
    if (rows > 0 || cols > 0) sheet.freeze = { rows, cols };
  }
  return sheet;
}

/** A loaded table's model, as ExcelJS keeps it (not in its typings). */
interface LoadedTable {
  table: { name?: string; displayName?: string; tableRef?: string; ref?: string; style?: { theme?: string } };
}

function tablesOf(ws: ExcelJS.Worksheet): SnapshotTable[] {
  return (ws.getTables() as unknown as LoadedTable[]).map(({ table }) => ({
    name: table.displayName ?? table.name ?? "",
    sheet: ws.name,
    address: rangeAddress(parseRangeAddress((table.tableRef ?? table.ref ?? "A1").replace(/\$/g, ""))),
    style: table.style?.theme ?? "TableStyleMedium2",
  }));
}

/** ExcelJS's loader, whose reconcile step still has each defined name's localSheetId (its name API then drops it). */
interface Reconciling {
  reconcile(model: { definedNames?: DefinedNameModel[] }, options: unknown): void;
}

/**
 * The snapshot of an .xlsx file.
 * @throws when the bytes are not an .xlsx file ExcelJS can read.
 */
export async function readXlsx(bytes: Uint8Array | ArrayBuffer): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  const io = wb.xlsx as unknown as Reconciling;
  if (typeof io.reconcile !== "function") throw new Error("xlsx: this ExcelJS has no xlsx.reconcile (needed for sheet-scoped names)");
  let definedNames: DefinedNameModel[] = [];
  const reconcile = io.reconcile.bind(io);
  io.reconcile = (model, options) => {
    reconcile(model, options);
    definedNames = model.definedNames ?? [];
  };
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // ExcelJS takes a Node Buffer or (in the browser) an ArrayBuffer; a Uint8Array is read as either.
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);

  const worksheets = wb.worksheets;
  const snapshot: WorkbookSnapshot = { sheets: [], tables: [], names: [], settings: [] };
  for (const ws of worksheets) {
    if (ws.name.toLowerCase() === SETTINGS_SHEET.toLowerCase()) {
      const rows: unknown[][] = [];
      for (let r = 1; r <= ws.rowCount; r++) rows.push([plain(ws.getCell(r, 1).value), plain(ws.getCell(r, 2).value)]);
      snapshot.settings.push(...settingsFromSheetRows(rows));
      continue;
    }
    snapshot.sheets.push(sheetOf(wb, ws));
    snapshot.tables.push(...tablesOf(ws));
  }
  for (const n of definedNames) {
    const name = { name: n.name, refersTo: n.ranges.join(",") };
    const sheet = n.localSheetId !== undefined ? worksheets[n.localSheetId]?.name : undefined;
    snapshot.names.push(sheet !== undefined ? { ...name, sheet } : name);
  }
  const active = wb.views?.[0]?.activeTab;
  if (active !== undefined && worksheets[active]) snapshot.activeSheet = worksheets[active].name;
  return snapshot;
}
