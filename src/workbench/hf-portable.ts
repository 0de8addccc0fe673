/**
 * Make portable, Restore and Repair (issue 13) on the workbench's HyperFormula engine, through
 * the same pure planner as Excel (sheet/portable-plan.ts): the cells are read as Range.formulas
 * and Range.values would give them, the plan's writes run in one engine batch, notes go to the
 * workbook's extras (CellView.note) and the store is a very hidden sheet (no tab in the grid).
 *
 * Scope: "selection" is the selected cell (the workbench selects one cell), "sheet" the active
 * sheet, "workbook" every sheet with a tab.
 */
import { DetailedCellError, type RawCellContent } from "hyperformula";
import { literalText } from "../hyperformula/apply-plan";
import { parseCell, rangeAddress } from "../sheet/plan";
import {
  decodeStore,
  encodeStore,
  findAiFormulas,
  FORMULA_STORE_SHEET,
  planMakePortable,
  planRepair,
  planRestore,
  repairResult,
  type Content,
  type FormulaActionPlan,
  type ScannedSheet,
  type WriteCell,
} from "../sheet/portable-plan";
import type { FormulaActionResult, FormulaScope, Language } from "../sheet/workbook";
import type { HfWorkbook } from "./hf-workbook";
import { hfNumberLiterals } from "./r1c1";
import { functionNames } from "../formula/tokenize";

/** A cell as Range.values gives it: errors as their code, blanks as "". */
function valueAt(book: HfWorkbook, sheet: number, row: number, col: number): Content {
  const v = book.hf.getCellValue({ sheet, row, col });
  if (v instanceof DetailedCellError) return v.value;
  if (v === null || v === undefined) return "";
  return v;
}

/** A cell as Range.formulas gives it: the formula (A1), else the value. */
function formulaAt(book: HfWorkbook, sheet: number, row: number, col: number): Content {
  const a = { sheet, row, col };
  if (book.hf.doesCellHaveFormula(a)) return book.hf.getCellFormula(a) ?? "";
  return valueAt(book, sheet, row, col);
}

/** Whether a formula calls a function in Excel's `_xldudf_` spelling (read by the formula scanner, not a pattern). */
function showsUnregistered(formula: string): boolean {
  return functionNames(formula).some((f) => f.name.toLowerCase().startsWith("_xldudf_"));
}

function scan(book: HfWorkbook, sheet: number): ScannedSheet {
  const { width, height } = book.hf.getSheetDimensions(sheet);
  const grid = (read: (r: number, c: number) => Content): Content[][] =>
    Array.from({ length: height }, (_, r) => Array.from({ length: width }, (__, c) => read(r, c)));
  return {
    name: book.sheetName(sheet),
    row: 0,
    col: 0,
    formulas: grid((r, c) => formulaAt(book, sheet, r, c)),
    values: grid((r, c) => {
      const v = valueAt(book, sheet, r, c);
      // HyperFormula cannot parse Excel's _xldudf_ prefix (#ERROR!); Excel shows #NAME? there.
      return v === "#ERROR!" && showsUnregistered(String(formulaAt(book, sheet, r, c))) ? "#NAME?" : v;
    }),
  };
}

function scopeSheets(book: HfWorkbook, scope: FormulaScope): ScannedSheet[] {
  if (scope === "workbook") return book.sheets().map((s) => scan(book, s.id));
  if (scope === "sheet") return [scan(book, book.activeSheet)];
  const sel = book.selection;
  return [{ ...scan(book, sel.sheet), area: { row: sel.row, col: sel.col, rows: 1, cols: 1 } }];
}

function storeId(book: HfWorkbook): number | undefined {
  return book.findSheet(FORMULA_STORE_SHEET);
}

function readStore(book: HfWorkbook): { records: ReturnType<typeof decodeStore>; rows: number } {
  const id = storeId(book);
  if (id === undefined) return { records: [], rows: 0 };
  const s = scan(book, id);
  return { records: decodeStore(s.values), rows: s.values.length };
}

function raw(c: WriteCell): RawCellContent {
  switch (c.kind) {
    case "formula":
      return hfNumberLiterals(c.formula);
    case "text":
      return literalText(c.text);
    case "number":
    case "boolean":
      return c.value;
    case "blank":
      return null;
  }
}

/** Runs a plan: cells, then what HyperFormula reads back as "written", then the store and notes. */
function apply(book: HfWorkbook, plan: FormulaActionPlan, storeRows: number): void {
  const sheetId = (name: string): number => {
    const id = book.findSheet(name);
    if (id === undefined) throw new Error(`no sheet named "${name}"`);
    return id;
  };
  book.hf.batch(() => {
    for (const w of plan.writes)
      book.hf.setCellContents(
        { sheet: sheetId(w.sheet), row: w.at.row, col: w.at.col },
        w.cells.map((row) => row.map(raw))
      );
  });
  // The engine may print a formula differently from how it was written (number literals, case):
  // keep what it gives back, so Restore compares like with like.
  for (const r of plan.records) {
    const w = plan.writes.find((x) => x.sheet === r.sheet && rangeAddress(x.at) === r.address);
    if (!w) continue;
    const id = sheetId(r.sheet);
    r.written = r.written.map((row, i) => row.map((_, j) => formulaAt(book, id, w.at.row + i, w.at.col + j)));
  }
  if (plan.storeChanged) {
    let id = storeId(book);
    if (id === undefined) {
      book.hf.addSheet(FORMULA_STORE_SHEET);
      id = sheetId(FORMULA_STORE_SHEET);
      book.hideSheet(id);
    }
    const store = id;
    const rows = encodeStore(plan.records);
    const height = Math.max(rows.length, storeRows);
    const grid: RawCellContent[][] = Array.from({ length: height }, (_, i) =>
      Array.from({ length: rows[0].length }, (__, j) => (rows[i] ? literalText(rows[i][j]) : null))
    );
    book.hf.setCellContents({ sheet: store, row: 0, col: 0 }, grid);
    grid.forEach((row, i) => row.forEach((_, j) => book.setNumberFormat(store, i, j, "@")));
  }
  for (const n of plan.addNotes) book.setNote(sheetId(n.sheet), n.row, n.col, n.text);
  for (const n of plan.removeNotes) {
    const id = sheetId(n.sheet);
    const at = parseCell(n.address);
    if (book.noteAt(id, at.row, at.col)?.includes(n.text)) book.setNote(id, at.row, at.col, null);
  }
}

/** The spilled values of an anchor (anchor first), or null when it does not spill. */
function spillOf(book: HfWorkbook, sheetName: string, row: number, col: number): Content[][] | null {
  const sheet = book.findSheet(sheetName);
  if (sheet === undefined) return null;
  const a = { sheet, row, col };
  if (!book.hf.doesCellHaveFormula(a) || !book.hf.isCellPartOfArray(a)) return null;
  // The array's extent: the engine evaluates the formula again (A1 references are absolute).
  const result = book.hf.calculateFormula(book.hf.getCellFormula(a) ?? "", sheet);
  if (!Array.isArray(result) || result.length === 0) return null;
  const rows = result.length;
  const cols = (result[0] as unknown[]).length;
  if (rows * cols <= 1) return null;
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (__, j) => valueAt(book, sheet, row + i, col + j)));
}

export function hfMakePortable(book: HfWorkbook, scope: FormulaScope, language: Language, now: Date): FormulaActionResult {
  const sheets = scopeSheets(book, scope);
  const store = readStore(book);
  const plan = planMakePortable({
    scope,
    sheetNames: sheets.map((s) => s.name),
    cells: findAiFormulas(sheets),
    records: store.records,
    language,
    now,
    spillOf: (sheet, row, col) => spillOf(book, sheet, row, col),
    notes: true,
    cellHasNote: (sheet, row, col) => {
      const id = book.findSheet(sheet);
      return id !== undefined && book.noteAt(id, row, col) !== undefined;
    },
  });
  apply(book, plan, store.rows);
  return plan.result;
}

export function hfRestore(book: HfWorkbook, scope: FormulaScope): FormulaActionResult {
  const sheets = scopeSheets(book, scope);
  const store = readStore(book);
  const plan = planRestore({ scope, sheetNames: sheets.map((s) => s.name), sheets, records: store.records });
  apply(book, plan, store.rows);
  return plan.result;
}

export function hfRepair(book: HfWorkbook, scope: FormulaScope): FormulaActionResult {
  const sheets = scopeSheets(book, scope);
  const repair = planRepair(sheets);
  const plan: FormulaActionPlan = {
    writes: repair.writes,
    addNotes: [],
    removeNotes: [],
    records: [],
    storeChanged: false,
    result: repairResult(scope, [], repair, []),
  };
  apply(book, plan, 0);
  const after = repair.cells.map((c) => {
    const id = book.findSheet(c.sheet);
    return id === undefined ? "" : valueAt(book, id, c.row, c.col);
  });
  return repairResult(
    scope,
    sheets.map((s) => s.name),
    repair,
    after
  );
}
