/**
 * The workbench's "Download .xlsx" and "Open .xlsx": the HyperFormula workbook ⇄ a
 * WorkbookSnapshot (src/xlsx/snapshot.ts) ⇄ an .xlsx file. This file knows the engine; src/xlsx
 * knows the file format; neither imports the other's engine.
 *
 * ExcelJS (about 1 MB) is loaded only when a file is written or read: src/xlsx is reached by
 * dynamic import(), and only types are imported statically.
 *
 * Saved: every sheet HyperFormula has (with its visibility), every cell with a value or formula
 * (formulas with HyperFormula's value cached, so a reader that does not recalculate, or Excel
 * without the add-in, shows numbers), number formats (explicit, or implied by typed input such as
 * "10%"), fonts and fills, column widths (a file's, else the autofit ones), tables, defined names,
 * drop-down lists, frozen panes, the active sheet, and the workbook settings (the tracking
 * records) on the very hidden settings sheet. A spill is saved as a legacy array formula over the
 * cells it covers, and opened as the formula at its anchor (it spills again).
 * Not saved: charts (ExcelJS writes none), name comments.
 */
import { DetailedCellError, type RawCellContent } from "hyperformula";
import type { AppliedCellFormat } from "../hyperformula/apply-plan";
import { literalText } from "../hyperformula/apply-plan";
import { cellAddress, parseRangeAddress, rangeAddress, type RangeOffset } from "../sheet/plan";
import type { SnapshotCell, SnapshotSheet, SnapshotValue, WorkbookSnapshot } from "../xlsx/snapshot";
import type { SnapshotWriteOptions } from "../xlsx/write-snapshot";
import type { HfContents, HfWorkbook } from "./hf-workbook";
import { hfNumberLiterals } from "./r1c1";

/** The MIME type of an .xlsx file. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function valueOf(v: ReturnType<HfWorkbook["hf"]["getCellValue"]>): SnapshotValue {
  if (v instanceof DetailedCellError) return { error: v.value };
  return v ?? null;
}

/** The cells a spill anchored at (row, col) covers: right and down while the cells belong to an array and hold no formula. */
function spillRange(book: HfWorkbook, sheet: number, row: number, col: number, rows: number, cols: number): RangeOffset {
  const inArray = (r: number, c: number): boolean =>
    book.hf.isCellPartOfArray({ sheet, row: r, col: c }) && !book.hf.doesCellHaveFormula({ sheet, row: r, col: c });
  let width = 1;
  while (col + width < cols && inArray(row, col + width)) width++;
  let height = 1;
  while (row + height < rows && inArray(row + height, col)) height++;
  return { row, col, rows: height, cols: width };
}

/** Column widths for the file: a width the opened file had, else the autofit of the ranges the plans autofitted. */
function widthsOf(
  book: HfWorkbook,
  sheet: number,
  cells: readonly SnapshotCell[],
  snapshotMod: typeof import("../xlsx/snapshot")
): { col: number; width: number }[] {
  const widths = new Map<number, number>(book.columnWidths(sheet));
  const at = new Map(cells.map((c) => [cellAddress(c), c]));
  for (const r of book.autofitRanges(sheet)) {
    for (let col = r.col; col < r.col + r.cols; col++) {
      if (book.columnWidths(sheet).has(col)) continue;
      const w: number[] = [];
      for (let row = r.row; row < r.row + r.rows; row++) {
        const c = at.get(cellAddress({ row, col }));
        if (c) w.push(snapshotMod.cellWidth(c.value, c.formula !== undefined));
      }
      widths.set(col, Math.max(widths.get(col) ?? 0, snapshotMod.autofitWidth(w)));
    }
  }
  return [...widths.entries()].sort((a, b) => a[0] - b[0]).map(([col, width]) => ({ col, width }));
}

/** The workbench's workbook as a snapshot (every sheet, cell, format, table, name, validation, freeze and setting). */
export async function bookToSnapshot(book: HfWorkbook): Promise<WorkbookSnapshot> {
  const snapshotMod = await import(/* webpackChunkName: "xlsx" */ "../xlsx/snapshot");
  const hf = book.hf;
  const sheets: SnapshotSheet[] = [];
  // Every sheet, very hidden ones included (allSheets; sheets() lists only those with a tab).
  for (const { id, name } of book.allSheets()) {
    const { width, height } = hf.getSheetDimensions(id);
    const formats = book.cellFormats(id);
    const cells: SnapshotCell[] = [];
    const seen = new Set<string>();
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const a = { sheet: id, row, col };
        const address = cellAddress({ row, col });
        const hasFormula = hf.doesCellHaveFormula(a);
        const value = valueOf(hf.getCellValue(a));
        const stored: AppliedCellFormat | undefined = formats.get(address);
        const note = book.noteAt(id, row, col);
        if (!hasFormula && (value === null || value === "") && !stored && note === undefined) continue;
        const cell: SnapshotCell = { row, col, value: value === "" ? null : value };
        if (hasFormula) {
          cell.formula = hf.getCellFormula(a) ?? "";
          if (hf.isCellPartOfArray(a)) {
            const r = spillRange(book, id, row, col, height, width);
            if (r.rows > 1 || r.cols > 1) cell.arrayRange = rangeAddress(r);
          }
        }
        const nf = value !== null ? book.numberFormatAt(id, row, col) : stored?.numberFormat;
        if (nf !== undefined && nf !== "General") cell.numberFormat = nf;
        if (stored?.style && Object.keys(stored.style).length > 0) cell.style = { ...stored.style };
        if (note !== undefined) cell.note = note;
        cells.push(cell);
        seen.add(address);
      }
    }
    // Formats on cells beyond the engine's extent (an empty formatted cell below the data).
    for (const [address, f] of formats) {
      if (seen.has(address) || (f.numberFormat === undefined && !f.style)) continue;
      const p = parseRangeAddress(address);
      const cell: SnapshotCell = { row: p.row, col: p.col, value: null };
      if (f.numberFormat !== undefined && f.numberFormat !== "General") cell.numberFormat = f.numberFormat;
      if (f.style && Object.keys(f.style).length > 0) cell.style = { ...f.style };
      if (cell.numberFormat !== undefined || cell.style) cells.push(cell);
    }
    cells.sort((a, b) => a.row - b.row || a.col - b.col);
    const sheet: SnapshotSheet = {
      name,
      visibility: book.sheetVisibility(id),
      cells,
      columnWidths: widthsOf(book, id, cells, snapshotMod),
      validations: book.validations(id).map((v) => ({ address: v.address, list: [...v.list], allowBlank: v.allowBlank })),
    };
    const freeze = book.freeze(id);
    if (freeze && (freeze.rows > 0 || freeze.cols > 0)) sheet.freeze = { ...freeze };
    sheets.push(sheet);
  }
  const names: WorkbookSnapshot["names"] = [];
  const scopes: (number | undefined)[] = [undefined, ...book.allSheets().map((s) => s.id)];
  for (const scope of scopes) {
    for (const n of hf.listNamedExpressions(scope)) {
      const e = hf.getNamedExpression(n, scope);
      if (!e || typeof e.expression !== "string") continue;
      const refersTo = e.expression.startsWith("=") ? e.expression.slice(1) : e.expression;
      names.push(scope === undefined ? { name: e.name, refersTo } : { name: e.name, refersTo, sheet: book.sheetName(scope) });
    }
  }
  return {
    sheets,
    tables: book.tables().map((t) => ({ name: t.name, sheet: book.sheetName(t.sheetId), address: rangeAddress(t.range), style: t.style })),
    names,
    settings: book.settingEntries(),
    activeSheet: book.sheetName(book.activeSheet),
  };
}

/** The workbench's workbook as .xlsx bytes (ExcelJS loaded on first use). */
export async function bookToXlsx(book: HfWorkbook, options: SnapshotWriteOptions = {}): Promise<Uint8Array> {
  const snapshot = await bookToSnapshot(book);
  const { writeSnapshot } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/write-snapshot");
  return writeSnapshot(snapshot, options);
}

/** A snapshot cell as HyperFormula takes it: formulas as typed, text kept text, errors as their code. */
function rawOf(c: SnapshotCell): RawCellContent {
  if (c.formula !== undefined) return hfNumberLiterals(c.formula);
  const v = c.value;
  if (v === null) return null;
  if (typeof v === "string") return v === "" ? null : literalText(v);
  if (typeof v === "object") return v.error;
  return v;
}

/** The cells of each array formula's range besides its anchor (ranges are clipped by readXlsx, so this is bounded by its caps). */
function coveredCells(cells: readonly SnapshotCell[]): Set<string> {
  const covered = new Set<string>();
  for (const c of cells) {
    if (c.formula === undefined || c.arrayRange === undefined) continue;
    const r = parseRangeAddress(c.arrayRange);
    for (let row = r.row; row < r.row + r.rows; row++)
      for (let col = r.col; col < r.col + r.cols; col++) if (row !== c.row || col !== c.col) covered.add(cellAddress({ row, col }));
  }
  return covered;
}

/** What loading a snapshot gives the workbench: the engine's contents and what it keeps beside them. */
export function snapshotToContents(snapshot: WorkbookSnapshot): HfContents {
  return {
    sheets: snapshot.sheets.map((s) => {
      // Cells a spill covers (besides its anchor) stay empty: the anchor's formula spills into them.
      const covered = coveredCells(s.cells);
      // Rows only as long as their last cell (HyperFormula takes ragged rows), sized by a loop:
      // Math.max(...cells) overflows the stack past about 100,000 cells.
      let height = 0;
      for (const c of s.cells) if (c.row + 1 > height) height = c.row + 1;
      const cells: RawCellContent[][] = Array.from({ length: height }, (): RawCellContent[] => []);
      const formats: Record<string, AppliedCellFormat> = {};
      const notes: Record<string, string> = {};
      for (const c of s.cells) {
        if (c.note !== undefined) notes[cellAddress(c)] = c.note;
        const address = cellAddress(c);
        if (!covered.has(address)) {
          const row = cells[c.row];
          while (row.length < c.col) row.push(null);
          row[c.col] = rawOf(c);
        }
        const f: AppliedCellFormat = {};
        if (c.numberFormat !== undefined) f.numberFormat = c.numberFormat;
        if (c.style) f.style = { ...c.style };
        if (f.numberFormat !== undefined || f.style) formats[address] = f;
      }
      return {
        name: s.name,
        visibility: s.visibility,
        cells,
        formats,
        validations: s.validations.map((v) => ({ address: v.address, list: [...v.list], allowBlank: v.allowBlank })),
        ...(s.freeze ? { freeze: { ...s.freeze } } : {}),
        columnWidths: Object.fromEntries(s.columnWidths.map((w) => [w.col, w.width])),
        notes,
      };
    }),
    names: snapshot.names.map((n) =>
      n.sheet === undefined ? { name: n.name, expression: `=${n.refersTo}` } : { name: n.name, expression: `=${n.refersTo}`, sheet: n.sheet }
    ),
    tables: snapshot.tables.map((t) => ({ name: t.name, sheet: t.sheet, range: parseRangeAddress(t.address), style: t.style })),
    settings: snapshot.settings.map((s) => ({ ...s })),
    ...(snapshot.activeSheet !== undefined ? { activeSheet: snapshot.activeSheet } : {}),
  };
}

/**
 * Why the workbench's engine cannot hold a snapshot (a sheet or table past its last row or
 * column, two sheets whose names differ only in case), or null when it can. Checked before the
 * workbook is touched: replaceContents removes the old sheets before it adds the new ones.
 */
export function engineRefusal(book: HfWorkbook, snapshot: WorkbookSnapshot): string | null {
  const { maxRows, maxColumns } = book.hf.getConfig();
  const limit = `the workbench's engine holds ${maxRows.toLocaleString("en-US")} rows × ${maxColumns.toLocaleString("en-US")} columns`;
  const names = new Set<string>();
  for (const s of snapshot.sheets) {
    const key = s.name.toLowerCase();
    if (names.has(key)) return `two sheets are named "${s.name}" (names differ only in case)`;
    names.add(key);
    let last: SnapshotCell | undefined;
    for (const c of s.cells) if (c.row >= maxRows || c.col >= maxColumns) last = c;
    if (last) return `${s.name}!${cellAddress(last)} is beyond the sheet's end: ${limit}`;
  }
  for (const t of snapshot.tables) {
    const r = parseRangeAddress(t.address);
    if (r.row + r.rows > maxRows || r.col + r.cols > maxColumns) return `${t.sheet}: the table ${t.name} (${t.address}) ends beyond the sheet's end: ${limit}`;
  }
  return null;
}

/**
 * Replaces the workbench's workbook with an .xlsx file's contents (ExcelJS loaded on first use).
 * Tracked tables stay refreshable: their records come back from the settings sheet.
 * Returns what the workbook does not have as the file had it, one phrase each: array formulas
 * clipped to the cells their sheet has, names HyperFormula refused.
 * @throws when the bytes are not an .xlsx file, pass a cap of src/xlsx/open-limits.ts, do not
 * fit the engine, or the engine fails while loading them; the workbook is then as it was.
 */
export async function openXlsx(book: HfWorkbook, bytes: Uint8Array | ArrayBuffer): Promise<string[]> {
  const { readXlsx } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/read-xlsx");
  const snapshot = await readXlsx(bytes);
  const refusal = engineRefusal(book, snapshot);
  if (refusal !== null) throw new Error(refusal);
  // The checks above are what we foresaw; should the engine still throw half-way through the
  // replacement, the analyst's workbook is put back from this copy.
  const backup = snapshotToContents(await bookToSnapshot(book));
  let refused: string[];
  try {
    refused = book.replaceContents(snapshotToContents(snapshot));
  } catch (error) {
    book.replaceContents(backup);
    throw new Error(`the workbench could not load this workbook (${error instanceof Error ? error.message : String(error)}); your workbook is as it was`);
  }
  return [...(snapshot.notices ?? []), ...refused.map((n) => `name not loaded: ${n}`)];
}
