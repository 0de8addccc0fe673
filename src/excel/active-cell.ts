/**
 * The active cell, references and a formula insert for the pane's Functions tab (issue 20), with
 * Office.js: each a batch of its own for ExcelWorkbook to run (excel-workbook.ts loads this module
 * on first use, so the pane's up-front scripts do not carry it).
 */
import type { ActiveCell, ReadResult, SheetValue } from "../sheet/workbook";
import type { SupportsFn } from "./apply-plan";

/** "Sheet1!C4" or "'My sheet'!B2:B9", as Range.address gives it → the sheet and the A1 address. */
export function splitAddress(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: "", local: address };
  const sheet = address.slice(0, bang);
  return { sheet: sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet, local: address.slice(bang + 1) };
}

/** A cell as Range.values and Range.valueTypes give it (Excel.RangeValueType): blank null, an error its text. */
export function sheetValueOf(value: unknown, type: unknown): SheetValue {
  if (type === "Error") return { error: String(value) };
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  return typeof value === "number" || typeof value === "boolean" ? value : String(value);
}

/** Zero-based row and column of a single-cell A1 address ("C4" → 3, 2). */
function cellPosition(local: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(local);
  if (!m) throw new Error(`Excel gave an address the add-in cannot read: ${local}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The active cell: Workbook.getActiveCell (ExcelApi 1.7), else the selection's first cell. */
function activeCellOf(context: Excel.RequestContext, supports: SupportsFn): Excel.Range {
  return supports("1.7") ? context.workbook.getActiveCell() : context.workbook.getSelectedRange().getCell(0, 0);
}

/**
 * The active cell, its formula and what it shows, and the selected range, in one sync. A cell a
 * dynamic array spilled into gives its anchor's formula and its offset, found with
 * Range.getSpillParentOrNullObject (ExcelApi 1.12; "Range spilling",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dynamic-arrays); an
 * Excel without it cannot tell ("unknown"). Values and their types: Range.values and
 * Range.valueTypes (ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.range).
 */
export async function readActiveCell(context: Excel.RequestContext, supports: SupportsFn): Promise<ActiveCell> {
  const selected = context.workbook.getSelectedRange();
  selected.load("address");
  const cell = activeCellOf(context, supports);
  cell.load("address, formulas, values, valueTypes");
  const parent = supports("1.12") ? cell.getSpillParentOrNullObject() : null;
  if (parent) parent.load("address, formulas");
  await context.sync();
  const at = splitAddress(cell.address);
  const range = splitAddress(selected.address);
  const base = { sheet: at.sheet, address: at.local, selection: range.local, value: sheetValueOf(cell.values[0][0], cell.valueTypes[0][0]) };
  const own = cell.formulas[0][0];
  const formula = typeof own === "string" && own.startsWith("=") ? own : null;
  if (parent && !parent.isNullObject && parent.address !== cell.address) {
    const anchor = splitAddress(parent.address).local;
    const p = cellPosition(anchor);
    const c = cellPosition(at.local);
    const f = parent.formulas[0][0];
    return { ...base, formula: typeof f === "string" && f.startsWith("=") ? f : formula, spill: { anchor, row: c.row - p.row, col: c.col - p.col } };
  }
  return { ...base, formula, spill: formula === null && !parent ? "unknown" : null };
}

/**
 * The values of references as a formula on `sheet` reads them, in one sync: an address ("C1",
 * "'Other'!B2:B9") or a defined name, through Worksheet.getRange, which takes "the address or
 * name of the range" ("Get range by name", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-get).
 * When Excel refuses one, the request fails whole: each is then read alone, so the others still
 * answer. `counted` is called once per sync.
 */
export async function readReferences(context: Excel.RequestContext, sheet: string, references: readonly string[], counted: () => void): Promise<ReadResult[]> {
  const queue = (ref: string): Excel.Range => {
    const { sheet: other, local } = splitAddress(ref);
    const range = context.workbook.worksheets.getItem(other || sheet).getRange(local);
    range.load("values, valueTypes");
    return range;
  };
  const valuesOf = (r: Excel.Range): ReadResult => ({ ok: true, values: r.values.map((row, i) => row.map((x, j) => sheetValueOf(x, r.valueTypes[i][j]))) });
  const ranges = references.map(queue);
  try {
    await context.sync();
    counted();
    return ranges.map(valuesOf);
  } catch {
    counted();
  }
  const out: ReadResult[] = [];
  for (const ref of references) {
    const range = queue(ref);
    try {
      // Only after Excel refused the whole request: one sync per reference says which.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      out.push(valuesOf(range));
    } catch (error) {
      out.push({ ok: false, reason: error instanceof Error ? error.message : String(error) });
    }
    counted();
  }
  return out;
}

/**
 * Writes a formula into the active cell (Range.formulas, as typing it) and reads back what the
 * cell shows, in one sync. A custom function Excel has not finished shows #BUSY!.
 */
export async function writeActiveCellFormula(
  context: Excel.RequestContext,
  supports: SupportsFn,
  formula: string
): Promise<{ sheet: string; address: string; value: SheetValue }> {
  const cell = activeCellOf(context, supports);
  cell.formulas = [[formula]];
  cell.load("address, values, valueTypes");
  await context.sync();
  const at = splitAddress(cell.address);
  return { sheet: at.sheet, address: at.local, value: sheetValueOf(cell.values[0][0], cell.valueTypes[0][0]) };
}
