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
 *
 * Bounded: the file passes xlsx-parts.ts's checks against the caps of open-limits.ts before
 * ExcelJS parses it; drop-downs are read from the XML as ranges (ExcelJS would enumerate every
 * cell of a range); an array formula's range is clipped to the cells its sheet has; nothing here
 * loops over a range larger than the cells that exist.
 */
import ExcelJS from "exceljs";
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, cellAddress, columnLetters, parseRangeAddress, rangeAddress, type CellStyle, type RangeOffset } from "../sheet/plan";
import { SETTINGS_SHEET, settingsFromSheetRows } from "../sheet/tracking";
import { count, XLSX_OPEN_LIMITS, type XlsxOpenLimits } from "./open-limits";
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
import { readXlsxParts, type RawValidation, type SheetScan } from "./xlsx-parts";

/** Excel's serial day number of a date ExcelJS read from a date-formatted cell (1900 date system). */
export const serialOf = (d: Date): number => (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

function plain(v: unknown): SnapshotValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" }; // a <v> that is not a number parses as NaN
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? serialOf(v) : { error: "#VALUE!" };
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

function cellOf(cell: ExcelJS.Cell, row: number, col: number, sheet: string): SnapshotCell | null {
  const out: SnapshotCell = { row, col, value: null };
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // cell.formula translates a shared formula to this cell; cell.result keeps a falsy result (value.result drops 0 and false).
    out.formula = shownFormula(cell.formula);
    out.value = plain(cell.result);
    const v = cell.value as { shareType?: string; ref?: string };
    if (v.shareType === "array" && typeof v.ref === "string") {
      try {
        out.arrayRange = rangeAddress(parseRangeAddress(v.ref.replace(/\$/g, "")));
      } catch {
        throw new Error(`${sheet}!${cellAddress(out)}: an array formula's range "${v.ref}" is not a range inside Excel's grid`);
      }
    }
  } else out.value = plain(cell.value);
  const numFmt = cell.numFmt;
  if (typeof numFmt === "string" && numFmt !== "" && numFmt !== "General") out.numberFormat = numFmt;
  const style = styleOf(cell);
  if (style) out.style = style;
  const note = noteOf(cell.note);
  if (note !== undefined) out.note = note;
  return out.value !== null || out.formula !== undefined || out.numberFormat !== undefined || out.style !== undefined || out.note !== undefined ? out : null;
}

/** Cells reached through ranges, against XlsxOpenLimits.maxRangeCells. */
interface RangeBudget {
  spent: number;
  readonly max: number;
}

function spend(budget: RangeBudget, n: number, what: string): void {
  budget.spent += n;
  if (budget.spent > budget.max)
    throw new Error(`${what}: ranges reach more than ${count(budget.max)} cells in all (merged cells, array formulas, drop-down lists)`);
}

/** A reference as a rectangle: "A1:B2", "$A:$A" (a whole column), "$1:$1" (a whole row), with an optional sheet. */
function sourceRange(ref: string): (RangeOffset & { sheet?: string }) | null {
  const bang = ref.lastIndexOf("!");
  const sheet = bang >= 0 ? ref.slice(0, bang + 1) : "";
  const body = ref.slice(bang + 1).replace(/\$/g, "");
  const whole = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(body) ?? /^(\d+):(\d+)$/.exec(body);
  const full = !whole
    ? body
    : /\d/.test(whole[1])
      ? `A${whole[1]}:${columnLetters(EXCEL_MAX_COLS - 1)}${whole[2]}`
      : `${whole[1]}1:${whole[2]}${EXCEL_MAX_ROWS}`;
  try {
    return parseRangeAddress(sheet + full);
  } catch {
    return null;
  }
}

/** First index in cells (row-major) at or after (row, col). */
function lowerBound(cells: readonly SnapshotCell[], row: number, col: number, from = 0): number {
  let lo = from;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = cells[mid];
    if (c.row < row || (c.row === row && c.col < col)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A list validation's items: a literal list ("a,b,c" in quotes), or the values of the cells of
 * the range it refers to, in row-major order (formulas give their cached values). Only the cells
 * the sheet has are visited, a row at a time, each row and item charged to the budget.
 */
function listItems(formula: string | undefined, sheet: string, cellsOf: ReadonlyMap<string, readonly SnapshotCell[]>, budget: RangeBudget): string[] | null {
  if (formula === undefined) return null;
  const f = formula.trim().replace(/^=/, "");
  if (f.startsWith('"') && f.endsWith('"')) return f.slice(1, -1).replace(/""/g, '"').split(",");
  const r = sourceRange(f);
  if (!r) return null;
  const cells = cellsOf.get(r.sheet ?? sheet);
  if (!cells) return null;
  const items: string[] = [];
  const bottom = r.row + r.rows - 1;
  const right = r.col + r.cols - 1;
  let k = lowerBound(cells, r.row, 0);
  while (k < cells.length && cells[k].row <= bottom) {
    const row = cells[k].row;
    const next = lowerBound(cells, row + 1, 0, k);
    const before = items.length;
    for (let i = lowerBound(cells, row, r.col, k); i < next && cells[i].col <= right; i++) {
      const v = cells[i].value;
      if (v !== null && typeof v !== "object") items.push(String(v));
    }
    spend(budget, 1 + items.length - before, `${sheet}: a drop-down's source ${f}`);
    k = next;
  }
  return items;
}

/**
 * The drop-downs of a sheet, one per range of each list validation (its sqref), in the order of
 * their first cells; a list is read once per source and charged to the budget once per range.
 */
function validationsOf(
  sheet: string,
  raw: readonly RawValidation[],
  cellsOf: ReadonlyMap<string, readonly SnapshotCell[]>,
  budget: RangeBudget,
  lists: Map<string, string[] | null>,
  dropDowns: { count: number; readonly max: number }
): SnapshotValidation[] {
  const out: { range: RangeOffset; v: SnapshotValidation }[] = [];
  for (const v of raw) {
    if (v.type !== "list") continue;
    const key = `${sheet}\u0000${v.formula1 ?? ""}`;
    if (!lists.has(key)) lists.set(key, listItems(v.formula1, sheet, cellsOf, budget));
    const list = lists.get(key);
    if (!list) continue;
    for (const address of v.sqref.split(/\s+/)) {
      if (address === "") continue;
      let range: RangeOffset;
      try {
        range = parseRangeAddress(address);
      } catch {
        continue; // as before: a range this cannot read loses its drop-down, not the file
      }
      if (++dropDowns.count > dropDowns.max) throw new Error(`${sheet}: the workbook has more than ${count(dropDowns.max)} drop-down ranges`);
      spend(budget, Math.max(1, list.length), `${sheet}: drop-down lists`);
      out.push({ range, v: { address: rangeAddress(range), list, allowBlank: v.allowBlank } });
    }
  }
  return out.sort((a, b) => a.range.row - b.range.row || a.range.col - b.range.col).map((x) => x.v);
}

/** Clips each array formula's range to the sheet's used range (the cells it has), charging the budget; says what it clipped. */
function clipArrays(sheet: SnapshotSheet, budget: RangeBudget, notices: string[]): void {
  let lastRow = -1;
  let lastCol = -1;
  for (const c of sheet.cells) {
    if (c.row > lastRow) lastRow = c.row;
    if (c.col > lastCol) lastCol = c.col;
  }
  for (const c of sheet.cells) {
    if (c.arrayRange === undefined) continue;
    const r = parseRangeAddress(c.arrayRange);
    const clipped = { row: r.row, col: r.col, rows: Math.min(r.rows, lastRow - r.row + 1), cols: Math.min(r.cols, lastCol - r.col + 1) };
    spend(budget, clipped.rows * clipped.cols, `${sheet.name}!${cellAddress(c)}: array formulas`);
    if (clipped.rows !== r.rows || clipped.cols !== r.cols) {
      const kept = rangeAddress(clipped);
      notices.push(`${sheet.name}!${cellAddress(c)}: array formula over ${c.arrayRange} kept over ${kept}, the cells the sheet has`);
      c.arrayRange = kept;
    }
  }
}

function sheetOf(ws: ExcelJS.Worksheet): SnapshotSheet {
  const cells: SnapshotCell[] = [];
  const rowCount = ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const cellCount = row.cellCount;
    for (let c = 1; c <= cellCount; c++) {
      const cell = row.findCell(c);
      const snap = cell ? cellOf(cell, r - 1, c - 1, ws.name) : null;
      if (snap) cells.push(snap);
    }
  }
  const columnWidths: { col: number; width: number }[] = [];
  // ws.columns once: ws.columnCount walks every row each time it is read.
  (ws.columns ?? []).forEach((column, c) => {
    const width = column.width;
    if (typeof width === "number") columnWidths.push({ col: c, width });
  });
  const sheet: SnapshotSheet = { name: ws.name, visibility: ws.state ?? "visible", cells, columnWidths, validations: [] };
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

function tablesOf(ws: ExcelJS.Worksheet, limits: XlsxOpenLimits): SnapshotTable[] {
  return (ws.getTables() as unknown as LoadedTable[]).map(({ table }) => {
    const name = table.displayName ?? table.name ?? "";
    const ref = table.tableRef ?? table.ref ?? "A1";
    let range: RangeOffset;
    try {
      range = parseRangeAddress(ref.replace(/\$/g, ""));
    } catch {
      throw new Error(`${ws.name}: the table ${name}'s range "${ref}" is not a range inside Excel's grid`);
    }
    if (range.rows * range.cols > limits.maxUsedArea)
      throw new Error(`${ws.name}: the table ${name} spans ${count(range.rows * range.cols)} cells (${ref}); at most ${count(limits.maxUsedArea)} open`);
    return { name, sheet: ws.name, address: rangeAddress(range), style: table.style?.theme ?? "TableStyleMedium2" };
  });
}

/** ExcelJS's loader, whose reconcile step still has each defined name's localSheetId (its name API then drops it). */
interface Reconciling {
  reconcile(model: { definedNames?: DefinedNameModel[] }, options: unknown): void;
}

export interface ReadXlsxOptions {
  /** The caps (default XLSX_OPEN_LIMITS, README's "Open .xlsx"). */
  limits?: XlsxOpenLimits;
}

/**
 * The snapshot of an .xlsx file; what reading clipped is in its `notices`.
 * @throws an Error saying why, when the bytes are not an .xlsx file this can read or pass a cap of `limits`.
 */
export async function readXlsx(bytes: Uint8Array | ArrayBuffer, options: ReadXlsxOptions = {}): Promise<WorkbookSnapshot> {
  const limits = options.limits ?? XLSX_OPEN_LIMITS;
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const parts = await readXlsxParts(data, limits);

  const wb = new ExcelJS.Workbook();
  const io = wb.xlsx as unknown as Reconciling;
  if (typeof io.reconcile !== "function") throw new Error("xlsx: this ExcelJS has no xlsx.reconcile (needed for sheet-scoped names)");
  let definedNames: DefinedNameModel[] = [];
  const reconcile = io.reconcile.bind(io);
  io.reconcile = (model, options) => {
    reconcile(model, options);
    definedNames = model.definedNames ?? [];
    // The workbook's name API stores a name cell by cell (a name over A1:XFD1048576 would never end); the snapshot needs only the models.
    model.definedNames = [];
  };
  // ExcelJS takes a Node Buffer or (in the browser) an ArrayBuffer; a Uint8Array is read as either,
  // but in Node JSZip decodes a Buffer's text natively and a Uint8Array's in JavaScript (4 times slower).
  const zip = typeof Buffer === "function" ? Buffer.from(parts.zip.buffer, parts.zip.byteOffset, parts.zip.length) : parts.zip;
  try {
    await wb.xlsx.load(zip as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new Error(`the file could not be read as a workbook (ExcelJS: ${error instanceof Error ? error.message : String(error)})`);
  }

  const worksheets = wb.worksheets;
  const snapshot: WorkbookSnapshot = { sheets: [], tables: [], names: [], settings: [] };
  const scans: (SheetScan | undefined)[] = [];
  for (const ws of worksheets) {
    if (ws.name.toLowerCase() === SETTINGS_SHEET.toLowerCase()) {
      const rows: unknown[][] = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const row = ws.findRow(r);
        rows.push([plain(row?.findCell(1)?.value), plain(row?.findCell(2)?.value)]);
      }
      for (const entry of settingsFromSheetRows(rows)) snapshot.settings.push(entry); // not push(...): a long sheet would overflow the stack
      continue;
    }
    snapshot.sheets.push(sheetOf(ws));
    scans.push(parts.sheets.get(ws.id));
    snapshot.tables.push(...tablesOf(ws, limits));
  }
  const budget: RangeBudget = { spent: parts.rangeCells, max: limits.maxRangeCells };
  const notices: string[] = [];
  const cellsOf = new Map(snapshot.sheets.map((s) => [s.name, s.cells]));
  const lists = new Map<string, string[] | null>();
  const dropDowns = { count: 0, max: limits.maxDropDowns };
  snapshot.sheets.forEach((sheet, i) => {
    clipArrays(sheet, budget, notices);
    sheet.validations = validationsOf(sheet.name, scans[i]?.validations ?? [], cellsOf, budget, lists, dropDowns);
  });
  for (const n of definedNames) {
    const name = { name: n.name, refersTo: n.ranges.join(",") };
    const sheet = n.localSheetId !== undefined ? worksheets[n.localSheetId]?.name : undefined;
    snapshot.names.push(sheet !== undefined ? { ...name, sheet } : name);
  }
  const active = wb.views?.[0]?.activeTab;
  if (active !== undefined && worksheets[active]) snapshot.activeSheet = worksheets[active].name;
  if (notices.length > 0) snapshot.notices = notices;
  return snapshot;
}
