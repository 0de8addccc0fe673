/**
 * The pure part of issue 13's formula actions — Make portable, Restore, Repair — shared by the
 * Excel adapter (src/excel/portable.ts) and the workbench (src/workbench/hf-portable.ts). No
 * Office.js here: an adapter reads each sheet's cells into a ScannedSheet (what Range.formulas
 * and Range.values give), asks this module for a plan, writes the plan's cells, notes and store
 * rows in one request, and returns the plan's FormulaActionResult.
 *
 * Originals live in the workbook itself, on the very hidden sheet FORMULA_STORE_SHEET (so they
 * survive save and reopen, and travel with a copy of the file): one row per converted cell,
 * every cell formatted "@" and written as text, so nothing on it is ever a formula. Columns:
 * sheet, address, original formula, what was written (JSON of the cells as Range.formulas reads
 * them back), kind, note text, ISO time.
 *
 * Decisions:
 * - A lookup kept as a value is written as a literal: text with Excel's apostrophe text prefix
 *   (so "=cmd", "+1", "007" or "TRUE" stay text), numbers and booleans as such, and a classic
 *   error (#N/A …) as the native constant formula "=#N/A" (still portable, same error). A cell
 *   showing #NAME?, #BUSY!, #SPILL! … is left alone: its value is not a result worth keeping.
 * - Restore drops the record of a cell it put back, and also of a cell edited since (reported
 *   editedSince): that cell's content is the user's now, and a later Restore must not overwrite
 *   it; keeping the record would only make every later Restore report the same cell again.
 * - Make portable twice is safe: the second run finds no AI formulas in converted cells, and
 *   the first run's records stay (a record is replaced only when its cell is converted again,
 *   i.e. the user typed an AI formula there since).
 */
import { callsAi, repairText, toPortable, type PortableConversion } from "../portable/convert";
import { FUNCTION_DOCS } from "../functions/docs";
import { cellAddress, parseRangeAddress, rangeAddress, type RangeOffset } from "./plan";
import {
  MAX_CELLS_LISTED,
  type CellOutcome,
  type CellOutcomeEntry,
  type FormulaAction,
  type FormulaActionResult,
  type FormulaScope,
  type Language,
} from "./workbook";

/** The very hidden sheet that keeps the original formulas (one source of truth for its name). */
export const FORMULA_STORE_SHEET = "_aica_formulas";
/** Its header row (row 1); records follow from row 2. */
export const STORE_HEADERS = ["sheet", "address", "original", "written", "kind", "note", "at"] as const;

/** A cell as Range.formulas / Range.values give it: "" when blank, errors as their code ("#N/A"). */
export type Content = string | number | boolean;

/** One sheet's cells as read: the grids' top-left is (row, col), 0-based. */
export interface ScannedSheet {
  name: string;
  row: number;
  col: number;
  /** Range.formulas: a formula "=…" or the constant. */
  formulas: readonly (readonly Content[])[];
  /** Range.values: the results. */
  values: readonly (readonly Content[])[];
  /** Only cells (anchors) inside this area are acted upon (the selection); absent: all. */
  area?: RangeOffset;
}

/** What one record remembers of a converted cell (a spilled value: its whole range). */
export interface FormulaRecord {
  sheet: string;
  /** "C4", or "C4:E9" for a spilled lookup kept as values. */
  address: string;
  original: string;
  /** The cells as Range.formulas reads them back after makePortable wrote them. */
  written: Content[][];
  kind: "native" | "value";
  /** The cell note added with a value ("" when none could be added). */
  note: string;
  at: string;
}

/** What an adapter writes into one cell (each adapter encodes text its own way, as literal text). */
export type WriteCell =
  | { kind: "formula"; formula: string }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "blank" };

/** A rectangle of cells to write, row-major. */
export interface CellWrite {
  sheet: string;
  at: RangeOffset;
  cells: WriteCell[][];
}

export interface NoteAdd {
  sheet: string;
  row: number;
  col: number;
  text: string;
}

/** A note to remove: the one on `sheet` whose content contains `text` (our own note). */
export interface NoteRemove {
  sheet: string;
  address: string;
  text: string;
}

export interface FormulaActionPlan {
  writes: CellWrite[];
  addNotes: NoteAdd[];
  removeNotes: NoteRemove[];
  /** The store's complete content after the action. */
  records: FormulaRecord[];
  /** False when the store needs no write. */
  storeChanged: boolean;
  result: FormulaActionResult;
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

const OUTCOMES: readonly CellOutcome[] = ["converted", "toValue", "restored", "editedSince", "repaired", "stillFailing", "leftAlone"];

/** Collects outcomes: exact counts, the first MAX_CELLS_LISTED entries in sheet then row-major order. */
export class ResultBuilder {
  private readonly entries: { order: number; row: number; col: number; entry: CellOutcomeEntry }[] = [];
  readonly counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<CellOutcome, number>;
  constructor(
    private readonly action: FormulaAction,
    private readonly scope: FormulaScope,
    private readonly sheets: readonly string[]
  ) {}
  add(entry: CellOutcomeEntry, row: number, col: number): void {
    this.counts[entry.outcome]++;
    const order = this.sheets.findIndex((s) => s.toLowerCase() === entry.sheet.toLowerCase());
    this.entries.push({ order: order < 0 ? this.sheets.length : order, row, col, entry });
  }
  build(): FormulaActionResult {
    const sorted = [...this.entries].sort((a, b) => a.order - b.order || a.row - b.row || a.col - b.col);
    return {
      action: this.action,
      scope: this.scope,
      sheets: [...this.sheets],
      counts: { ...this.counts },
      cells: sorted.slice(0, MAX_CELLS_LISTED).map((e) => e.entry),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Reading scanned sheets
// ---------------------------------------------------------------------------------------------

const isFormula = (c: Content | undefined): c is string => typeof c === "string" && c.startsWith("=");

function inArea(area: RangeOffset | undefined, row: number, col: number): boolean {
  return !area || (row >= area.row && row < area.row + area.rows && col >= area.col && col < area.col + area.cols);
}

function at(grid: readonly (readonly Content[])[], sheet: ScannedSheet, row: number, col: number): Content | undefined {
  return grid[row - sheet.row]?.[col - sheet.col];
}

/** Each formula cell of a scanned sheet inside its area, row-major. */
function* formulaCells(sheet: ScannedSheet): Generator<{ row: number; col: number; formula: string; value: Content }> {
  for (let i = 0; i < sheet.formulas.length; i++) {
    const row = sheet.row + i;
    for (let j = 0; j < sheet.formulas[i].length; j++) {
      const col = sheet.col + j;
      const f = sheet.formulas[i][j];
      if (isFormula(f) && inArea(sheet.area, row, col)) yield { row, col, formula: f, value: sheet.values[i]?.[j] ?? "" };
    }
  }
}

/** A cell that calls an AI function, with what the converter makes of it. */
export interface AiFormulaCell {
  sheet: string;
  row: number;
  col: number;
  formula: string;
  value: Content;
  conversion: Exclude<PortableConversion, { kind: "noAi" }>;
}

/** The cells (in the sheets' areas) whose formula calls an AI function, converted once each. */
export function findAiFormulas(sheets: readonly ScannedSheet[]): AiFormulaCell[] {
  const out: AiFormulaCell[] = [];
  for (const s of sheets) {
    for (const c of formulaCells(s)) {
      if (!callsAi(c.formula)) continue;
      const conversion = toPortable(c.formula);
      if (conversion.kind === "noAi") continue;
      out.push({ sheet: s.name, row: c.row, col: c.col, formula: c.formula, value: c.value, conversion });
    }
  }
  return out;
}

/**
 * Whether a formula cell might be spilling, judged from its neighbours: a spill of two or more
 * cells puts a value (not a formula, not a blank) right of or below its anchor. False is exact
 * up to one case: a spilled element that is an empty string reads as blank. Used to read spill
 * ranges only where one may exist (each read costs the Excel adapter a sync).
 */
export function maySpill(sheet: ScannedSheet, row: number, col: number): boolean {
  const filled = (c: Content | undefined): boolean => c !== undefined && c !== "" && !isFormula(c);
  return filled(at(sheet.formulas, sheet, row, col + 1)) || filled(at(sheet.formulas, sheet, row + 1, col));
}

// ---------------------------------------------------------------------------------------------
// Literals
// ---------------------------------------------------------------------------------------------

/** Errors Excel accepts as a constant in a formula (=#N/A), with the same error as result. */
const ERROR_LITERALS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NUM!", "#N/A"]);
const isErrorText = (v: Content): v is string => typeof v === "string" && /^#[A-Z0-9/_]+[!?]?$/i.test(v) && v.length <= 16;

/** The write for a current value, or why it is not kept: null write and a reason. */
function literalFor(v: Content): { cell: WriteCell; readBack: Content } | { reason: string } {
  if (typeof v === "number") return { cell: { kind: "number", value: v }, readBack: v };
  if (typeof v === "boolean") return { cell: { kind: "boolean", value: v }, readBack: v };
  if (v === "") return { cell: { kind: "blank" }, readBack: "" };
  if (ERROR_LITERALS.has(v.toUpperCase())) return { cell: { kind: "formula", formula: `=${v.toUpperCase()}` }, readBack: `=${v.toUpperCase()}` };
  if (v.toUpperCase() === "#NAME?") return { reason: "it shows #NAME? (the add-in's functions are not loaded): run Repair first, then Make portable" };
  if (isErrorText(v)) return { reason: `it shows ${v}, not a value worth keeping; try again once it has calculated` };
  return { cell: { kind: "text", text: v }, readBack: v };
}

// ---------------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------------

/**
 * The note on a cell kept as a value: what it was, where its figures come from (the source line
 * of each function without a native form, as the README's function reference gives it), as of
 * when, and how to get it back.
 */
export function valueNote(original: string, address: string, date: Date, language: Language, functions: readonly string[] = []): string {
  const day = date.toISOString().slice(0, 10);
  const sources = functions.map((id) => (FUNCTION_DOCS[id] ? `AI.${id}: ${FUNCTION_DOCS[id].source}` : null)).filter((s): s is string => s !== null);
  if (language === "zh") {
    const from = sources.length > 0 ? `来源：${sources.join("；")}。` : "";
    return `${address} 原为公式 ${original}（AI 算力分析加载项）。${from}此数值为 ${day} 的结果，不再更新。恢复公式：打开 AI 算力分析任务窗格 → 分享 → 恢复。`;
  }
  const from = sources.length > 0 ? ` Source: ${sources.join("; ")}.` : "";
  return `${address} held the formula ${original} (AI Compute Analyst add-in).${from} This value is as of ${day} and no longer updates. To get the formula back: AI Compute Analyst task pane → Share → Restore.`;
}

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

const key = (sheet: string, address: string): string => `${sheet.toLowerCase()}!${address.toUpperCase()}`;

/** The store's rows (header first), every cell a string. */
export function encodeStore(records: readonly FormulaRecord[]): string[][] {
  return [[...STORE_HEADERS], ...records.map((r) => [r.sheet, r.address, r.original, JSON.stringify(r.written), r.kind, r.note, r.at])];
}

function isContentGrid(v: unknown): v is Content[][] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((row) => Array.isArray(row) && row.length === (v[0] as unknown[]).length && row.every((c) => ["string", "number", "boolean"].includes(typeof c)))
  );
}

/** Records from the store's cells (as Range.values gives them); rows that are not records are skipped. */
export function decodeStore(grid: readonly (readonly Content[])[]): FormulaRecord[] {
  const out: FormulaRecord[] = [];
  for (const row of grid) {
    const [sheet, address, original, written, kind, note, atTime] = row.map((c) => String(c));
    if (sheet === STORE_HEADERS[0] && address === STORE_HEADERS[1]) continue;
    if (!sheet || !address || !original?.startsWith("=") || (kind !== "native" && kind !== "value")) continue;
    let cells: unknown;
    try {
      cells = JSON.parse(written ?? "");
    } catch {
      continue;
    }
    try {
      parseRangeAddress(address);
    } catch {
      continue;
    }
    if (!isContentGrid(cells)) continue;
    out.push({ sheet, address: address.toUpperCase(), original, written: cells, kind, note: note ?? "", at: atTime ?? "" });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Make portable
// ---------------------------------------------------------------------------------------------

export interface MakePortableInput {
  scope: FormulaScope;
  /** The sheets looked at, in workbook order (the result's `sheets`). */
  sheetNames: readonly string[];
  cells: readonly AiFormulaCell[];
  records: readonly FormulaRecord[];
  language: Language;
  now: Date;
  /** The spilled values of an anchor (anchor first), or null when it does not spill or is unknown. */
  spillOf: (sheet: string, row: number, col: number) => Content[][] | null;
  /** Whether cell notes can be added (Excel: ExcelApi 1.18). */
  notes: boolean;
  /** Why not, when `notes` is false (reported on each value cell). */
  notesReason?: string;
  /** Whether a cell already has a note (it keeps it; ours is left out: a cell holds one note). */
  cellHasNote?: (sheet: string, row: number, col: number) => boolean;
  /** AI formulas not acted upon (e.g. on a protected sheet), reported leftAlone with `reason`. */
  untouched?: readonly LeftAlone[];
}

/** A cell an adapter did not act upon, and why. */
export interface LeftAlone {
  sheet: string;
  row: number;
  col: number;
  before: string;
  reason: string;
}

function addLeftAlone(result: ResultBuilder, cells: readonly LeftAlone[] | undefined): void {
  for (const c of cells ?? []) result.add({ sheet: c.sheet, address: cellAddress(c), outcome: "leftAlone", before: c.before, reason: c.reason }, c.row, c.col);
}

/**
 * Plans Make portable: native formulas where the converter has them, current values (with a
 * note) for lookups, every change recorded in the store. Cells the parser cannot read, or whose
 * value is not worth keeping, are left alone with a reason.
 */
export function planMakePortable(input: MakePortableInput): FormulaActionPlan {
  const result = new ResultBuilder("makePortable", input.scope, input.sheetNames);
  const writes: CellWrite[] = [];
  const addNotes: NoteAdd[] = [];
  const fresh: FormulaRecord[] = [];
  const stamp = input.now.toISOString();
  for (const c of input.cells) {
    const address = cellAddress(c);
    const base = { sheet: c.sheet, address, before: c.formula };
    if (c.conversion.kind === "unreadable") {
      result.add({ ...base, outcome: "leftAlone", reason: c.conversion.reason }, c.row, c.col);
      continue;
    }
    if (c.conversion.kind === "native") {
      const formula = c.conversion.formula;
      writes.push({ sheet: c.sheet, at: { row: c.row, col: c.col, rows: 1, cols: 1 }, cells: [[{ kind: "formula", formula }]] });
      fresh.push({ sheet: c.sheet, address, original: c.formula, written: [[formula]], kind: "native", note: "", at: stamp });
      result.add({ ...base, outcome: "converted", after: formula }, c.row, c.col);
      continue;
    }
    const grid = input.spillOf(c.sheet, c.row, c.col) ?? [[c.value]];
    const literals = grid.map((row) => row.map(literalFor));
    const refused = literals.flat().find((l): l is { reason: string } => "reason" in l);
    if (refused) {
      result.add({ ...base, outcome: "leftAlone", reason: refused.reason }, c.row, c.col);
      continue;
    }
    const ok = literals as { cell: WriteCell; readBack: Content }[][];
    const rect: RangeOffset = { row: c.row, col: c.col, rows: grid.length, cols: grid[0].length };
    const hasNote = input.cellHasNote?.(c.sheet, c.row, c.col) ?? false;
    const note = input.notes && !hasNote ? valueNote(c.formula, address, input.now, input.language, c.conversion.functions) : "";
    writes.push({ sheet: c.sheet, at: rect, cells: ok.map((row) => row.map((l) => l.cell)) });
    if (note) addNotes.push({ sheet: c.sheet, row: c.row, col: c.col, text: note });
    const written = ok.map((row) => row.map((l) => l.readBack));
    fresh.push({ sheet: c.sheet, address: rangeAddress(rect), original: c.formula, written, kind: "value", note, at: stamp });
    const shown = written[0][0];
    const why = !input.notes
      ? (input.notesReason ?? "no cell note could be added")
      : hasNote
        ? "the cell already had a note, which was kept (no note of ours)"
        : undefined;
    result.add({ ...base, outcome: "toValue", after: String(shown), ...(why ? { reason: why } : {}) }, c.row, c.col);
  }
  addLeftAlone(result, input.untouched);
  const replaced = new Set(fresh.map((r) => key(r.sheet, r.address.split(":")[0])));
  const kept = input.records.filter((r) => !replaced.has(key(r.sheet, r.address.split(":")[0])));
  return { writes, addNotes, removeNotes: [], records: [...kept, ...fresh], storeChanged: fresh.length > 0, result: result.build() };
}

// ---------------------------------------------------------------------------------------------
// Restore
// ---------------------------------------------------------------------------------------------

/** Formula text compared as Excel may give it back: case and spaces outside strings ignored. */
function normalize(c: Content): Content {
  if (!isFormula(c)) return c;
  return c
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\s+/g, "").toUpperCase()))
    .join("");
}

export interface RestoreInput {
  scope: FormulaScope;
  sheetNames: readonly string[];
  sheets: readonly ScannedSheet[];
  records: readonly FormulaRecord[];
  /** Records not acted upon (e.g. on a protected sheet): kept, reported leftAlone. */
  untouched?: readonly LeftAlone[];
}

/**
 * Plans Restore: each record whose anchor is in a scanned sheet's area is restored when every
 * cell it wrote still holds exactly that (the original formula goes back to the anchor, the
 * rest of a spilled value's range is cleared so the formula can spill again, our note goes),
 * else reported editedSince and left. Both drop the record (see the module comment).
 */
export function planRestore(input: RestoreInput): FormulaActionPlan {
  const result = new ResultBuilder("restore", input.scope, input.sheetNames);
  const writes: CellWrite[] = [];
  const removeNotes: NoteRemove[] = [];
  const dropped = new Set<FormulaRecord>();
  for (const r of input.records) {
    const sheet = input.sheets.find((s) => s.name.toLowerCase() === r.sheet.toLowerCase());
    if (!sheet) continue;
    const rect = parseRangeAddress(r.address);
    if (!inArea(sheet.area, rect.row, rect.col)) continue;
    dropped.add(r);
    const anchor = cellAddress(rect);
    const current = r.written.map((row, i) => row.map((_, j) => at(sheet.formulas, sheet, rect.row + i, rect.col + j) ?? ""));
    const same = r.written.every((row, i) => row.every((w, j) => normalize(w) === normalize(current[i][j])));
    const shown = String(current[0][0]);
    if (!same) {
      result.add(
        { sheet: sheet.name, address: anchor, outcome: "editedSince", before: shown, reason: "the cell was changed after Make portable; it was left as it is" },
        rect.row,
        rect.col
      );
      continue;
    }
    const cells: WriteCell[][] = r.written.map((row, i) =>
      row.map((_, j) => (i === 0 && j === 0 ? { kind: "formula", formula: r.original } : { kind: "blank" }))
    );
    writes.push({ sheet: sheet.name, at: { row: rect.row, col: rect.col, rows: rect.rows, cols: rect.cols }, cells });
    if (r.note) removeNotes.push({ sheet: sheet.name, address: anchor, text: r.note });
    result.add({ sheet: sheet.name, address: anchor, outcome: "restored", before: shown, after: r.original }, rect.row, rect.col);
  }
  addLeftAlone(result, input.untouched);
  const records = input.records.filter((r) => !dropped.has(r));
  return { writes, addNotes: [], removeNotes, records, storeChanged: dropped.size > 0, result: result.build() };
}

// ---------------------------------------------------------------------------------------------
// Repair
// ---------------------------------------------------------------------------------------------

/** A cell Repair re-enters. */
export interface RepairCell {
  sheet: string;
  row: number;
  col: number;
  before: string;
  after: string;
}

export interface RepairPlan {
  writes: CellWrite[];
  cells: RepairCell[];
}

const isNameError = (v: Content | undefined): boolean => typeof v === "string" && v.toUpperCase() === "#NAME?";

/**
 * Plans Repair: the AI formulas (either spelling) in the areas that show #NAME?, re-entered as AI.X.
 * Re-entering is the documented workaround: a formula entered or opened before the add-in's
 * functions were registered stays #NAME? (or `_xldudf_AI_X`) even after they load, and a
 * recalculation does not help (OfficeDev/office-js#6611; why the `_xldudf_` form appears:
 * OfficeDev/office-js#3558). On a protected sheet it cannot be done (the adapters leave it).
 */
export function planRepair(sheets: readonly ScannedSheet[]): RepairPlan {
  const writes: CellWrite[] = [];
  const cells: RepairCell[] = [];
  for (const s of sheets) {
    for (const c of formulaCells(s)) {
      if (!isNameError(c.value)) continue;
      const after = repairText(c.formula);
      if (after === null) continue;
      writes.push({ sheet: s.name, at: { row: c.row, col: c.col, rows: 1, cols: 1 }, cells: [[{ kind: "formula", formula: after }]] });
      cells.push({ sheet: s.name, row: c.row, col: c.col, before: c.formula, after });
    }
  }
  return { writes, cells };
}

/** Repair's result from each re-entered cell's value after recalculation (same order as plan.cells). */
export function repairResult(
  scope: FormulaScope,
  sheetNames: readonly string[],
  plan: RepairPlan,
  valuesAfter: readonly Content[],
  untouched?: readonly LeftAlone[]
): FormulaActionResult {
  const result = new ResultBuilder("repair", scope, sheetNames);
  addLeftAlone(result, untouched);
  plan.cells.forEach((c, i) => {
    const failing = isNameError(valuesAfter[i]);
    const entry: CellOutcomeEntry = {
      sheet: c.sheet,
      address: cellAddress(c),
      outcome: failing ? "stillFailing" : "repaired",
      before: c.before,
      after: c.after,
      ...(failing ? { reason: "still #NAME? after re-entering it: the add-in's functions are not loaded (reload the add-in, then Repair again)" } : {}),
    };
    result.add(entry, c.row, c.col);
  });
  return result.build();
}

/** The AI formulas of sheets an adapter will not touch (Make portable and Repair report them). */
export function untouchedFormulas(sheets: readonly ScannedSheet[], reason: string, onlyFailing = false): LeftAlone[] {
  const out: LeftAlone[] = [];
  for (const s of sheets)
    for (const c of formulaCells(s))
      if (callsAi(c.formula) && (!onlyFailing || isNameError(c.value))) out.push({ sheet: s.name, row: c.row, col: c.col, before: c.formula, reason });
  return out;
}

/** The records on sheets an adapter will not touch, as LeftAlone (Restore reports them). */
export function untouchedRecords(records: readonly FormulaRecord[], sheets: readonly ScannedSheet[], reason: string): LeftAlone[] {
  const out: LeftAlone[] = [];
  for (const r of records) {
    const s = sheets.find((x) => x.name.toLowerCase() === r.sheet.toLowerCase());
    if (!s) continue;
    const rect = parseRangeAddress(r.address);
    if (inArea(s.area, rect.row, rect.col)) out.push({ sheet: s.name, row: rect.row, col: rect.col, before: r.original, reason });
  }
  return out;
}

/** The result of an action that found nothing to do. */
export function emptyResult(action: FormulaAction, scope: FormulaScope, sheetNames: readonly string[]): FormulaActionResult {
  return new ResultBuilder(action, scope, sheetNames).build();
}
