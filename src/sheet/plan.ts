/**
 * A sheet plan: plain, JSON-serialisable data that says what to write to one worksheet.
 *
 * Datasets and (later) model templates build plans; adapters apply them (src/excel/ with
 * Office.js, the workbench and tests with HyperFormula or a fake). Nothing here knows Office.js.
 *
 * Positions inside a plan are zero-based offsets from the plan's origin: cell A1 of a new sheet,
 * or the anchor cell of an existing sheet. Literal values and formulas are kept apart: a string
 * in `values` is always written as text (the adapter formats it "@" before writing), and only
 * strings in `formulas` (each starting with "=") may become formulas.
 */

/** A literal cell value. null is a blank cell. Never a formula, whatever its first character. */
export type PlanValue = string | number | boolean | null;

/** A cell, as row/column offsets from the plan's origin (zero-based). */
export interface CellOffset {
  row: number;
  col: number;
}

/** A rectangle, as offsets from the plan's origin plus a size (rows, cols ≥ 1). */
export interface RangeOffset extends CellOffset {
  rows: number;
  cols: number;
}

/** Where the plan goes: a new worksheet, or an anchor cell on an existing one. */
export type SheetTarget = { kind: "newSheet"; name: string } | { kind: "anchor"; sheetName: string; cell: string };

/** Font and fill. Colours are "#RRGGBB". */
export interface CellStyle {
  fontColor?: string;
  fillColor?: string;
  bold?: boolean;
  italic?: boolean;
}

/** A rectangle of cells: literal values, their number formats, optional formulas and styles. */
export interface CellBlock {
  at: CellOffset;
  /** Rectangular: every row has the same length. Literal values only. */
  values: PlanValue[][];
  /** One number format per column (length = width), e.g. "0.00%", "@", "yyyy-mm-dd". */
  columnFormats?: string[];
  /** Per-cell overrides of `columnFormats`, same shape as `values`; null = the column's format. */
  cellFormats?: (string | null)[][];
  /**
   * Formulas, same shape as `values`; null where the cell holds its literal value. Each
   * non-null entry starts with "=" and replaces the value of its cell.
   */
  formulas?: (string | null)[][];
  /** Style for the whole block. */
  style?: CellStyle;
  /** Per-column styles (length = width); null = none. */
  columnStyles?: (CellStyle | null)[];
}

export interface TablePlan {
  /** The whole table, header row included. */
  range: RangeOffset;
  /** A valid, workbook-unique Excel table name (see isValidTableName). */
  name: string;
  /** e.g. "TableStyleMedium2". */
  style: string;
  /** The first row of `range` holds the headers. Always true for the tables we write. */
  hasHeaders: true;
}

/** A defined name (e.g. Train_FLOP) pointing at a range of the plan. */
export interface NamePlan {
  name: string;
  range: RangeOffset;
  /** "workbook" (default) or scoped to the plan's sheet. */
  scope?: "workbook" | "sheet";
  comment?: string;
}

/** Lines of text written one per row, in column `at.col`, starting at `at.row`. Always literal. */
export interface NotesPlan {
  at: CellOffset;
  lines: string[];
  style?: CellStyle;
}

/**
 * Excel refuses a typed data-validation list source longer than 255 characters (Excel
 * specifications and limits: "Data validation list source ... 255 characters"); a longer list
 * must come from cells on the sheet.
 */
export const VALIDATION_LIST_MAX = 255;

/** An in-cell drop-down list. */
export interface ValidationPlan {
  range: RangeOffset;
  /** The allowed entries; none may contain a comma (Excel's list source separator). */
  list: string[];
  /**
   * Cells of the same sheet (plan offsets) that hold exactly `list`, one entry per cell: the
   * drop-down's source is then a reference to them, which has no length limit.
   */
  listRange?: RangeOffset;
  allowBlank?: boolean;
}

export type ChartKind = "scatter" | "line" | "columnClustered" | "barClustered";

export interface ChartSeriesPlan {
  name: string;
  /** The Y values (one column or row). */
  values: RangeOffset;
  /** X values (scatter) or category labels (line, column, bar). */
  categories?: RangeOffset;
}

export interface ChartPlan {
  kind: ChartKind;
  title: string;
  series: ChartSeriesPlan[];
  /** A logarithmic value (Y) axis, for quantities spanning orders of magnitude. */
  logValueAxis: boolean;
  /** Number format for the X / category axis labels, e.g. "yyyy-mm". */
  categoryAxisFormat?: string;
  /** Number format for the value axis labels, e.g. "0%". */
  valueAxisFormat?: string;
  /** Where the chart sits: the cells it covers. */
  position: RangeOffset;
}

/** What a dataset plan was built from: the adapter stores it to refresh the table later. */
export interface DatasetPlanInfo {
  datasetId: string;
  version: string;
  language: "zh" | "en";
  columnKeys: string[];
  /** The header texts as written, in column order. */
  headers: string[];
  /** The note lines as written under the table. */
  notes: string[];
  /** The body's number format per column, in column order (refresh rewrites all rows when they change). */
  columnFormats?: string[];
  /** "paste": pasted from a report's text, not from the feed (see Dataset.origin). */
  origin?: "paste";
}

export interface SheetPlan {
  target: SheetTarget;
  blocks: CellBlock[];
  table?: TablePlan;
  names?: NamePlan[];
  notes?: NotesPlan;
  /** Ranges whose columns are autofitted after writing (keep long note lines out of these). */
  autofit?: RangeOffset[];
  /** Freeze the top `rows` rows and left `cols` columns of the sheet (new sheets only). */
  freeze?: { rows: number; cols: number };
  validations?: ValidationPlan[];
  chart?: ChartPlan;
  /** Make the sheet the active one after writing. */
  activate?: boolean;
  dataset?: DatasetPlanInfo;
  /**
   * Dynamic-array formulas: the top-left cell of each range holds a formula whose result fills
   * the range. The range's other cells hold no value or formula in any block, and adapters leave
   * them unwritten (Excel shows #SPILL! when anything, even "", is in the way); their formats
   * and styles are applied as usual.
   */
  spills?: RangeOffset[];
}

// ---------------------------------------------------------------------------------------------
// Excel limits and addresses
// ---------------------------------------------------------------------------------------------

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;
export const SHEET_NAME_MAX = 31;
export const TABLE_NAME_MAX = 255;

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col >= EXCEL_MAX_COLS) {
    throw new RangeError(`column index out of range: ${col}`);
  }
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" → 0, "AA" → 26. Case-insensitive. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`not a column: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "C5" or "$C$5" → { row: 4, col: 2 }. */
export function parseCell(address: string): CellOffset {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`not a cell address: ${address}`);
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || row >= EXCEL_MAX_ROWS || col >= EXCEL_MAX_COLS) throw new RangeError(`cell outside the sheet: ${address}`);
  return { row, col };
}

/** Absolute zero-based position → "C5". */
export function cellAddress(cell: CellOffset): string {
  if (cell.row < 0 || cell.row >= EXCEL_MAX_ROWS) throw new RangeError(`row out of range: ${cell.row}`);
  return `${columnLetters(cell.col)}${cell.row + 1}`;
}

/** Absolute rectangle → "C5:F9" (a single cell gives "C5"). */
export function rangeAddress(r: RangeOffset): string {
  if (r.rows < 1 || r.cols < 1) throw new RangeError(`empty range: ${JSON.stringify(r)}`);
  const first = cellAddress(r);
  if (r.rows === 1 && r.cols === 1) return first;
  return `${first}:${cellAddress({ row: r.row + r.rows - 1, col: r.col + r.cols - 1 })}`;
}

/**
 * Parses "C5", "C5:F9", "Sheet1!C5:F9" or "'My sheet'!$C$5:$F$9" into an absolute rectangle and
 * the sheet name when one is given.
 */
export function parseRangeAddress(address: string): RangeOffset & { sheet?: string } {
  let rest = address.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const [a, b] = rest.split(":");
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  const out: RangeOffset & { sheet?: string } = {
    row: Math.min(p.row, q.row),
    col: Math.min(p.col, q.col),
    rows: Math.abs(q.row - p.row) + 1,
    cols: Math.abs(q.col - p.col) + 1,
  };
  if (sheet !== undefined) out.sheet = sheet;
  return out;
}

/** Absolute rectangle → "$C$5:$F$9", as a formula or a validation source refers to fixed cells. */
export function absoluteRef(r: RangeOffset): string {
  return rangeAddress(r).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

/** Offsets a plan rectangle by the plan's origin, giving an absolute one. */
export function absolute(origin: CellOffset, r: RangeOffset): RangeOffset {
  return { row: origin.row + r.row, col: origin.col + r.col, rows: r.rows, cols: r.cols };
}

/** The sheet name as it must appear in a reference: quoted when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------
// Sheet and table names
// ---------------------------------------------------------------------------------------------

const SHEET_FORBIDDEN = /[[\]:*?/\\]/;

/** Why a worksheet name is invalid, or null when Excel accepts it. Does not check uniqueness. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "a sheet name cannot be empty";
  if (name.length > SHEET_NAME_MAX) return `a sheet name has at most ${SHEET_NAME_MAX} characters`;
  if (SHEET_FORBIDDEN.test(name)) return "a sheet name cannot contain [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot begin or end with an apostrophe";
  if (name.toLowerCase() === "history") return '"History" is reserved by Excel';
  return null;
}

/** Cuts a string to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out;
}

/**
 * A valid worksheet name from any text: forbidden characters become "_", control characters
 * and edge apostrophes go, at most 31 characters, unique (case-insensitive) among `existing` by
 * a " (2)", " (3)"… suffix. `fallback` is used when nothing is left of `raw`.
 */
export function makeSheetName(raw: string, existing: readonly string[], fallback = "Data"): string {
  let base = raw
    // Control characters are what this strips: the regex names them on purpose.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (base.length === 0) base = fallback;
  if (base.toLowerCase() === "history") base = `${base}_`;
  base = cut(base, SHEET_NAME_MAX).trim();
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${cut(base, SHEET_NAME_MAX - suffix.length).trim()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** True when `name` is a valid Excel table or defined name (uniqueness not checked). */
export function isValidTableName(name: string): boolean {
  if (name.length === 0 || name.length > TABLE_NAME_MAX) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false; // looks like a cell (A1, XFD12)
  if (/^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[Rr]\d+$/.test(name) || /^[Cc]\d+$/.test(name)) return false; // R1C1
  if (/^(true|false)$/i.test(name)) return false;
  return true;
}

/**
 * A valid, unique table name: `base` with invalid characters turned into "_", made to start
 * with a letter or "_", and suffixed "_2", "_3"… when taken. Table names share one namespace
 * with defined names, so `existing` should hold both; the comparison is case-insensitive.
 */
export function makeTableName(base: string, existing: readonly string[]): string {
  let name = base.replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(name)) name = `_${name}`;
  name = name.slice(0, TABLE_NAME_MAX - 8);
  if (!isValidTableName(name)) name = `_${name}`;
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name}_${i}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

// ---------------------------------------------------------------------------------------------
// Checks and geometry
// ---------------------------------------------------------------------------------------------

function rangeProblem(what: string, r: RangeOffset): string | null {
  if (![r.row, r.col, r.rows, r.cols].every(Number.isInteger)) return `${what}: offsets must be integers`;
  if (r.row < 0 || r.col < 0) return `${what}: negative offset`;
  if (r.rows < 1 || r.cols < 1) return `${what}: empty range`;
  if (r.row + r.rows > EXCEL_MAX_ROWS || r.col + r.cols > EXCEL_MAX_COLS) return `${what}: beyond the sheet's last row or column`;
  return null;
}

/** Every problem with a plan's shape (empty when it is well formed). Pure. */
export function planProblems(plan: SheetPlan): string[] {
  const out: string[] = [];
  const add = (p: string | null): void => {
    if (p) out.push(p);
  };
  if (plan.target.kind === "newSheet") add(sheetNameProblem(plan.target.name));
  else {
    try {
      parseCell(plan.target.cell);
    } catch {
      out.push(`anchor is not a cell address: ${plan.target.cell}`);
    }
  }
  plan.blocks.forEach((b, i) => {
    const h = b.values.length;
    const w = h > 0 ? b.values[0].length : 0;
    if (h === 0 || w === 0) {
      out.push(`block ${i}: no cells`);
      return;
    }
    if (b.values.some((row) => row.length !== w)) out.push(`block ${i}: rows of different lengths`);
    add(rangeProblem(`block ${i}`, { ...b.at, rows: h, cols: w }));
    if (b.columnFormats && b.columnFormats.length !== w) out.push(`block ${i}: columnFormats has ${b.columnFormats.length} entries for ${w} columns`);
    if (b.columnStyles && b.columnStyles.length !== w) out.push(`block ${i}: columnStyles has ${b.columnStyles.length} entries for ${w} columns`);
    for (const [label, grid] of [
      ["cellFormats", b.cellFormats],
      ["formulas", b.formulas],
    ] as const) {
      if (grid && (grid.length !== h || grid.some((row) => row.length !== w))) out.push(`block ${i}: ${label} is not ${h}×${w}`);
    }
    b.formulas?.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f !== null && !f.startsWith("=")) out.push(`block ${i}: formula at (${r},${c}) does not start with "="`);
      })
    );
  });
  if (plan.table) {
    add(rangeProblem("table", plan.table.range));
    if (plan.table.range.rows < 2) out.push("table: needs a header row and at least one body row");
    if (!isValidTableName(plan.table.name)) out.push(`table: invalid name ${JSON.stringify(plan.table.name)}`);
  }
  for (const n of plan.names ?? []) {
    add(rangeProblem(`name ${n.name}`, n.range));
    if (!isValidTableName(n.name)) out.push(`name: invalid ${JSON.stringify(n.name)}`);
  }
  for (const v of plan.validations ?? []) {
    add(rangeProblem("validation", v.range));
    if (v.list.length === 0) out.push("validation: empty list");
    if (v.list.some((e) => e.includes(","))) out.push("validation: list entries cannot contain commas");
    if (v.listRange) {
      add(rangeProblem("validation list", v.listRange));
      if (v.listRange.rows * v.listRange.cols !== v.list.length) out.push("validation: the list range does not hold one cell per entry");
    } else if (v.list.join(",").length > VALIDATION_LIST_MAX) {
      out.push(`validation: a typed list over ${VALIDATION_LIST_MAX} characters (Excel refuses it); give it a listRange`);
    }
  }
  for (const a of plan.autofit ?? []) add(rangeProblem("autofit", a));
  out.push(...spillProblems(plan));
  if (plan.notes) add(rangeProblem("notes", { ...plan.notes.at, rows: Math.max(1, plan.notes.lines.length), cols: 1 }));
  if (plan.chart) {
    add(rangeProblem("chart position", plan.chart.position));
    if (plan.chart.series.length === 0) out.push("chart: no series");
    plan.chart.series.forEach((s, i) => {
      add(rangeProblem(`chart series ${i}`, s.values));
      if (s.categories) add(rangeProblem(`chart series ${i} categories`, s.categories));
    });
  }
  return out;
}

const inRange = (r: RangeOffset, cell: CellOffset): boolean => cell.row >= r.row && cell.row < r.row + r.rows && cell.col >= r.col && cell.col < r.col + r.cols;

/**
 * The declared spill range that computes `cell`, when `cell` is one of its spilled cells (not
 * the anchor, which holds the formula).
 */
export function spillCovering(plan: SheetPlan, cell: CellOffset): RangeOffset | undefined {
  return plan.spills?.find((s) => inRange(s, cell) && !(cell.row === s.row && cell.col === s.col));
}

function spillProblems(plan: SheetPlan): string[] {
  const out: string[] = [];
  const spills = plan.spills ?? [];
  spills.forEach((s, i) => {
    const p = rangeProblem(`spill ${i}`, s);
    if (p) out.push(p);
    if (spills.some((t, j) => j < i && t.row < s.row + s.rows && s.row < t.row + t.rows && t.col < s.col + s.cols && s.col < t.col + t.cols))
      out.push(`spill ${i}: overlaps another spill`);
    let anchored = false; // later blocks win, as adapters write them
    plan.blocks.forEach((b, k) => {
      b.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = { row: b.at.row + r, col: b.at.col + c };
          if (!inRange(s, cell)) return;
          const f = b.formulas?.[r]?.[c] ?? null;
          if (cell.row === s.row && cell.col === s.col) anchored = f !== null;
          else if (v !== null || f !== null) out.push(`block ${k}: cell (${cell.row},${cell.col}) is in spill ${i} but holds ${f ?? JSON.stringify(v)}`);
        })
      );
    });
    if (!anchored) out.push(`spill ${i}: no formula at its anchor (${s.row},${s.col})`);
    const n = plan.notes;
    if (n && n.lines.some((_, k) => inRange(s, { row: n.at.row + k, col: n.at.col }))) out.push(`spill ${i}: the notes write into it`);
  });
  return out;
}

/** Throws when the plan is malformed (a bug in whatever built it). */
export function assertValidPlan(plan: SheetPlan): void {
  const problems = planProblems(plan);
  if (problems.length > 0) throw new Error(`invalid sheet plan: ${problems.join("; ")}`);
}

/**
 * The rectangle of cells the plan writes (blocks, table, notes), as offsets from the origin.
 * The chart floats over cells and is not part of it.
 */
export function planFootprint(plan: SheetPlan): RangeOffset {
  const rects: RangeOffset[] = plan.blocks.map((b) => ({ ...b.at, rows: b.values.length, cols: b.values[0]?.length ?? 0 }));
  if (plan.table) rects.push(plan.table.range);
  if (plan.notes && plan.notes.lines.length > 0) rects.push({ ...plan.notes.at, rows: plan.notes.lines.length, cols: 1 });
  if (rects.length === 0) return { row: 0, col: 0, rows: 1, cols: 1 };
  const top = Math.min(...rects.map((r) => r.row));
  const left = Math.min(...rects.map((r) => r.col));
  const bottom = Math.max(...rects.map((r) => r.row + r.rows));
  const right = Math.max(...rects.map((r) => r.col + r.cols));
  return { row: top, col: left, rows: bottom - top, cols: right - left };
}
