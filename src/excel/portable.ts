/**
 * Make portable, Restore and Repair (issue 13) on Excel: reads the cells of the scope and the
 * store of original formulas, asks the pure planner (sheet/portable-plan.ts) what to do, and
 * writes everything in one request.
 *
 * Syncs per action, whatever the number of sheets (counted by tests/excel/portable.test.ts):
 * 1. read: the used range (formulas and values) of each sheet in scope — the selection's sheet,
 *    the active sheet or every sheet — with the selection's extent, each sheet's protection,
 *    the sheet list, the store sheet's cells and, where notes exist (ExcelApi 1.18), the sheets'
 *    notes;
 * 2. write: store rows, cells and notes; Repair loads the re-entered cells' values in the same
 *    request, after the writes, to tell repaired from still failing.
 * One more read, between the two, only for Make portable when a lookup kept as a value may be
 *    spilling (ExcelApi 1.12: its spill range is read, so the whole spilled matrix is kept) or
 *    sits on a sheet that already has notes (ExcelApi 1.18: whether that cell has one, as a cell
 *    holds one note); and one more when the workbook's sheet names are not known yet (the pane's
 *    listTracked reads them) or turned out stale.
 *
 * Consistency of cells and store: the write request queues the cell writes first, then the
 * store rows, then the notes. Office.js applies a request in order and stops at a failing call
 * (see tests/excel/fake-excel.ts), so a failure leaves a prefix applied: then one more request
 * writes back what the scope held before (each written range's formula, the store's rows), and
 * the action reports WorkbookError "excelRejected". Protected sheets are found in the read and
 * left alone, so the common cause of a refused write never starts one.
 *
 * Requirement sets: ExcelApi 1.1–1.4 unguarded (ranges, used range, visibility, protection);
 * Range.getSpillingToRangeOrNullObject only after supports("1.12") (without it Excel has no
 * dynamic arrays, so nothing spills); Worksheet.notes only after supports("1.18") (without it
 * values are kept without a note, and each such cell says so).
 *
 * Office.js pages used (ExcelApi sets as the typings state them):
 * - https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values (Range.formulas, values: 1.1)
 * - https://learn.microsoft.com/javascript/api/excel/excel.worksheet (getUsedRangeOrNullObject 1.4, visibility 1.1/1.2, protection 1.2, notes 1.18)
 * - https://learn.microsoft.com/javascript/api/excel/excel.sheetvisibility ("VeryHidden", ExcelApi 1.1)
 * - https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dynamic-arrays (getSpillingToRangeOrNullObject, ExcelApi 1.12)
 * - https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes and
 *   https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-18-requirement-set (NoteCollection.add, Note.delete: ExcelApi 1.18)
 * - Office.context.requirements.isSetSupported, through apply-plan.ts's officeSupports.
 */
import { columnLetters, rangeAddress, type RangeOffset } from "../sheet/plan";
import {
  decodeStore,
  emptyResult,
  encodeStore,
  findAiFormulas,
  FORMULA_STORE_SHEET,
  maySpill,
  planMakePortable,
  planRepair,
  planRestore,
  repairResult,
  STORE_HEADERS,
  untouchedFormulas,
  untouchedRecords,
  type CellWrite,
  type Content,
  type FormulaActionPlan,
  type FormulaRecord,
  type ScannedSheet,
  type WriteCell,
} from "../sheet/portable-plan";
import type { FormulaActionResult, FormulaScope, Language } from "../sheet/workbook";
import { officeErrorCode, type SupportsFn } from "./apply-plan";

export interface PortableRun {
  context: Excel.RequestContext;
  supports: SupportsFn;
  now: Date;
  /** The workbook's sheet names as last read on this instance (null: not read yet). */
  knownSheets: readonly string[] | null;
  /** Receives the sheet names whenever they are read (the caller's cache). */
  onSheets: (names: string[]) => void;
  /** Called right before each context.sync(), a failed one included. */
  counted: () => void;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The add-in's own very hidden sheets (the store, an exported file's settings): never scanned. */
const isOwnSheet = (name: string): boolean => name.toLowerCase().startsWith("_aica_");

/** A cell as Range.formulas takes it: text with the apostrophe prefix, so it stays text. */
function excelCell(c: WriteCell): Content {
  switch (c.kind) {
    case "formula":
      return c.formula;
    case "text":
      // Excel's text prefix: "'=cmd" is the text "=cmd" (KB 214233; read back without it, office-js#6687).
      return `'${c.text}`;
    case "number":
    case "boolean":
      return c.value;
    case "blank":
      return "";
  }
}

interface SheetRead {
  name: () => string;
  used: Excel.Range;
  protection: Excel.WorksheetProtection;
  sheet: Excel.Worksheet;
  /** Loaded only with ExcelApi 1.18. */
  notes: Excel.NoteCollection | null;
}

interface ScopeRead {
  sheets: SheetRead[];
  area: (() => RangeOffset) | null;
  list: Excel.WorksheetCollection;
  store: Excel.Range | null;
}

/** Queues the read of the scope, the sheet list and the store (see the module comment). */
function queueRead(run: PortableRun, scope: FormulaScope, names: readonly string[], withNotes: boolean): ScopeRead {
  const { context } = run;
  const list = context.workbook.worksheets;
  list.load("items/name");
  const readSheet = (sheet: Excel.Worksheet): SheetRead => {
    sheet.load("name");
    // Values only: formats alone do not make a cell worth reading here.
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("formulas,values,rowIndex,columnIndex");
    const protection = sheet.protection;
    protection.load("protected");
    let notes: Excel.NoteCollection | null = null;
    if (withNotes && run.supports("1.18")) {
      notes = sheet.notes;
      notes.load("items/content");
    }
    return { name: () => sheet.name, used, protection, sheet, notes };
  };
  let sheets: SheetRead[];
  let area: (() => RangeOffset) | null = null;
  if (scope === "selection") {
    const sel = context.workbook.getSelectedRange();
    sel.load("rowIndex,columnIndex,rowCount,columnCount");
    // sel.worksheet is a navigation property (a proxy), not a loaded value: no sync is needed.
    // eslint-disable-next-line office-addins/call-sync-before-read
    sheets = [readSheet(sel.worksheet)];
    // Read only after the sync (the getter is called then); the linter cannot see through the closure.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
    area = () => ({ row: sel.rowIndex, col: sel.columnIndex, rows: sel.rowCount, cols: sel.columnCount });
  } else if (scope === "sheet") {
    sheets = [readSheet(context.workbook.worksheets.getActiveWorksheet())];
  } else {
    sheets = names.filter((n) => !isOwnSheet(n)).map((n) => readSheet(context.workbook.worksheets.getItem(n)));
  }
  let store: Excel.Range | null = null;
  if (names.some((n) => same(n, FORMULA_STORE_SHEET))) {
    store = context.workbook.worksheets.getItem(FORMULA_STORE_SHEET).getUsedRangeOrNullObject(true);
    store.load("values");
  }
  return { sheets, area, list, store };
}

function scanned(read: SheetRead, area: RangeOffset | null): ScannedSheet {
  const name = read.name();
  const base = area ? { area } : {};
  if (read.used.isNullObject) return { name, row: 0, col: 0, formulas: [], values: [], ...base };
  return {
    name,
    row: read.used.rowIndex,
    col: read.used.columnIndex,
    formulas: read.used.formulas as Content[][],
    values: read.used.values as Content[][],
    ...base,
  };
}

interface Scope {
  sheets: ScannedSheet[];
  reads: SheetRead[];
  protectedSheets: Set<string>;
  records: FormulaRecord[];
  storeRows: number;
  storeExists: boolean;
  /** The sheet names as read. */
  names: string[];
}

/** Reads the scope: names first when unknown, again when the known ones turned out stale. */
async function readScope(run: PortableRun, scope: FormulaScope, withNotes: boolean): Promise<Scope> {
  const { context } = run;
  let names = run.knownSheets;
  for (let attempt = 0; ; attempt++) {
    if (!names) {
      const list = context.workbook.worksheets;
      list.load("items/name");
      run.counted();
      // At most twice: a names read only on a cold instance or after a stale name (see the module comment).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      const read = list.items.map((s) => s.name);
      run.onSheets(read);
      names = read;
    }
    const read = queueRead(run, scope, names, withNotes);
    try {
      run.counted();
      // The scope's read: once, or twice when the known names were stale.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      // A sheet named in the stale list is gone (renamed or deleted meanwhile): read the names and try again once.
      if (attempt === 0 && officeErrorCode(error) === "ItemNotFound") {
        names = null;
        continue;
      }
      throw error;
    }
    const fresh = read.list.items.map((s) => s.name);
    run.onSheets(fresh);
    const storeNow = fresh.some((n) => same(n, FORMULA_STORE_SHEET));
    const missed = scope === "workbook" && fresh.some((n) => !isOwnSheet(n) && !names?.some((k) => same(k, n)));
    if (attempt === 0 && ((storeNow && !read.store) || missed)) {
      // A sheet (or the store) was added since the names were read: read again with the fresh list.
      names = fresh;
      continue;
    }
    const area = read.area ? read.area() : null;
    const storeValues = read.store && !read.store.isNullObject ? (read.store.values as Content[][]) : [];
    return {
      sheets: read.sheets.map((s) => scanned(s, area)),
      reads: read.sheets,
      protectedSheets: new Set(read.sheets.filter((s) => s.protection.protected).map((s) => s.name().toLowerCase())),
      records: decodeStore(storeValues),
      storeRows: storeValues.length,
      storeExists: storeNow,
      names: fresh,
    };
  }
}

/** Leaves protected sheets out of what is acted upon, reporting each AI formula on them. */
function withoutProtected(scope: Scope): { acted: ScannedSheet[]; skipped: ScannedSheet[] } {
  return {
    acted: scope.sheets.filter((s) => !scope.protectedSheets.has(s.name.toLowerCase())),
    skipped: scope.sheets.filter((s) => scope.protectedSheets.has(s.name.toLowerCase())),
  };
}

function queueCellWrite(context: Excel.RequestContext, w: CellWrite): void {
  context.workbook.worksheets.getItem(w.sheet).getRange(rangeAddress(w.at)).formulas = w.cells.map((row) => row.map(excelCell));
}

/** Queues the store's rows (as text, on its very hidden sheet, added when missing). */
function queueStore(context: Excel.RequestContext, scope: Scope, records: readonly FormulaRecord[]): void {
  const rows = encodeStore(records);
  const height = Math.max(rows.length, scope.storeRows);
  const width = STORE_HEADERS.length;
  const padded = Array.from({ length: height }, (_, i) => rows[i] ?? Array.from({ length: width }, () => ""));
  let sheet: Excel.Worksheet;
  if (scope.storeExists) sheet = context.workbook.worksheets.getItem(FORMULA_STORE_SHEET);
  else {
    sheet = context.workbook.worksheets.add(FORMULA_STORE_SHEET);
    // Very hidden: not listed under Unhide, so only code finds it (ExcelApi 1.2 to set).
    sheet.visibility = "VeryHidden";
  }
  const range = sheet.getRange(`A1:${columnLetters(width - 1)}${height}`);
  // Text format first, so no stored formula text ever becomes a formula.
  range.numberFormat = padded.map((row) => row.map(() => "@"));
  range.values = padded;
}

/** Writes a plan in one request; on a refused request, puts the scope back (one more request). */
async function writePlan(run: PortableRun, scope: Scope, plan: FormulaActionPlan, queueExtra: () => void): Promise<void> {
  const { context } = run;
  for (const w of plan.writes) queueCellWrite(context, w);
  if (plan.storeChanged) queueStore(context, scope, plan.records);
  if (plan.addNotes.length > 0 || plan.removeNotes.length > 0) {
    if (run.supports("1.18")) {
      for (const n of plan.addNotes) context.workbook.worksheets.getItem(n.sheet).notes.add(rangeAddress({ row: n.row, col: n.col, rows: 1, cols: 1 }), n.text);
      const used = new Set<Excel.Note>();
      for (const n of plan.removeNotes) {
        const notes = scope.reads.find((r) => same(r.name(), n.sheet))?.notes;
        const item = notes?.items.find((i) => !used.has(i) && i.content.includes(n.text));
        if (item) {
          used.add(item);
          item.delete();
        }
      }
    }
  }
  queueExtra();
  try {
    run.counted();
    await context.sync();
  } catch (error) {
    await rollBack(run, scope, plan, error);
  }
  // The store sheet this request added is a sheet name the next action must know.
  if (plan.storeChanged && !scope.storeExists) run.onSheets([...scope.names, FORMULA_STORE_SHEET]);
}

/** Writes back what each planned range held and the store's old rows; rethrows the first error. */
async function rollBack(run: PortableRun, scope: Scope, plan: FormulaActionPlan, error: unknown): Promise<never> {
  const { context } = run;
  const formulaAt = (sheet: string, row: number, col: number): Content => {
    const s = scope.sheets.find((x) => same(x.name, sheet));
    return s?.formulas[row - s.row]?.[col - s.col] ?? "";
  };
  let restored = true;
  try {
    for (const w of plan.writes) {
      // The anchor's own content, blanks elsewhere: a spilled range refills itself from its formula.
      const cells: WriteCell[][] = w.cells.map((row, i) =>
        row.map((_, j): WriteCell => {
          if (i > 0 || j > 0) return { kind: "blank" };
          const before = formulaAt(w.sheet, w.at.row, w.at.col);
          return typeof before === "string"
            ? before.startsWith("=")
              ? { kind: "formula", formula: before }
              : { kind: "text", text: before }
            : typeof before === "number"
              ? { kind: "number", value: before }
              : { kind: "boolean", value: before };
        })
      );
      queueCellWrite(context, { sheet: w.sheet, at: w.at, cells });
    }
    if (plan.storeChanged) queueStore(context, { ...scope, storeExists: true }, scope.records);
    run.counted();
    await context.sync();
  } catch {
    restored = false;
  }
  const detail = error instanceof Error ? error.message : String(error);
  const wrapped = new Error(
    restored
      ? `${detail} (nothing was changed: the cells already written were put back)`
      : `${detail} (putting the cells back failed too: some cells may be changed; Restore puts back those it recorded)`
  );
  (wrapped as Error & { code?: string }).code = officeErrorCode(error);
  throw wrapped;
}

/** Make portable on Excel (see the module comment for the syncs). */
export async function excelMakePortable(run: PortableRun, scope: FormulaScope, language: Language): Promise<FormulaActionResult> {
  const read = await readScope(run, scope, true);
  const { acted, skipped } = withoutProtected(read);
  const cells = findAiFormulas(acted);
  const sheetNames = read.sheets.map((s) => s.name);
  const spills = new Map<string, Content[][]>();
  const noted = new Set<string>();
  const values = cells.filter((c) => c.conversion.kind === "value");
  const hasNotes = (sheet: string): boolean => (read.reads.find((r) => same(r.name(), sheet))?.notes?.items.length ?? 0) > 0;
  const spilling = run.supports("1.12") ? values.filter((c) => maySpill(acted.find((s) => same(s.name, c.sheet)) as ScannedSheet, c.row, c.col)) : [];
  const onNoted = values.filter((c) => hasNotes(c.sheet));
  if (spilling.length > 0 || onNoted.length > 0) {
    const getters: (() => void)[] = [];
    if (run.supports("1.12")) {
      for (const c of spilling) {
        const spill = run.context.workbook.worksheets
          .getItem(c.sheet)
          .getRange(rangeAddress({ row: c.row, col: c.col, rows: 1, cols: 1 }))
          .getSpillingToRangeOrNullObject();
        spill.load("values");
        getters.push(() => {
          // Called after the probe's sync below.
          // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
          if (!spill.isNullObject) spills.set(`${c.sheet.toLowerCase()}!${c.row},${c.col}`, spill.values as Content[][]);
        });
      }
    }
    if (run.supports("1.18")) {
      for (const c of onNoted) {
        const note = run.context.workbook.worksheets.getItem(c.sheet).notes.getItemOrNullObject(rangeAddress({ row: c.row, col: c.col, rows: 1, cols: 1 }));
        note.load("content");
        getters.push(() => {
          // Called after the probe's sync below.
          // eslint-disable-next-line office-addins/call-sync-before-read
          if (!note.isNullObject) noted.add(`${c.sheet.toLowerCase()}!${c.row},${c.col}`);
        });
      }
    }
    run.counted();
    await run.context.sync();
    for (const g of getters) g();
  }
  const plan = planMakePortable({
    scope,
    sheetNames,
    cells,
    records: read.records,
    language,
    now: run.now,
    spillOf: (sheet, row, col) => spills.get(`${sheet.toLowerCase()}!${row},${col}`) ?? null,
    notes: run.supports("1.18"),
    notesReason: "no cell note: this Excel lacks ExcelApi 1.18 (notes)",
    cellHasNote: (sheet, row, col) => noted.has(`${sheet.toLowerCase()}!${row},${col}`),
    untouched: untouchedFormulas(skipped, PROTECTED),
  });
  if (plan.writes.length > 0 || plan.storeChanged) await writePlan(run, read, plan, () => undefined);
  return plan.result;
}

const PROTECTED = "the sheet is protected (unprotect it, then try again)";

/** Restore on Excel: 2 syncs. */
export async function excelRestore(run: PortableRun, scope: FormulaScope): Promise<FormulaActionResult> {
  const read = await readScope(run, scope, true);
  const { acted, skipped } = withoutProtected(read);
  const plan = planRestore({
    scope,
    sheetNames: read.sheets.map((s) => s.name),
    sheets: acted,
    records: read.records,
    untouched: untouchedRecords(read.records, skipped, PROTECTED),
  });
  if (plan.writes.length > 0 || plan.storeChanged) await writePlan(run, read, plan, () => undefined);
  return plan.result;
}

/** Repair on Excel: 2 syncs; the re-entered cells' values are loaded in the write request. */
export async function excelRepair(run: PortableRun, scope: FormulaScope): Promise<FormulaActionResult> {
  const read = await readScope(run, scope, false);
  const { acted, skipped } = withoutProtected(read);
  const sheetNames = read.sheets.map((s) => s.name);
  const repair = planRepair(acted);
  const untouched = untouchedFormulas(skipped, PROTECTED, true);
  if (repair.writes.length === 0) return repairResult(scope, sheetNames, repair, [], untouched);
  const ranges: Excel.Range[] = [];
  const plan: FormulaActionPlan = {
    writes: repair.writes,
    addNotes: [],
    removeNotes: [],
    records: read.records,
    storeChanged: false,
    result: emptyResult("repair", scope, sheetNames),
  };
  await writePlan(run, read, plan, () => {
    for (const c of repair.cells) {
      const r = run.context.workbook.worksheets.getItem(c.sheet).getRange(rangeAddress({ row: c.row, col: c.col, rows: 1, cols: 1 }));
      r.load("values");
      ranges.push(r);
    }
  });
  return repairResult(
    scope,
    sheetNames,
    repair,
    ranges.map((r) => (r.values as Content[][])[0][0]),
    untouched
  );
}
