/**
 * A small recording fake of exactly the Office.js Excel objects the add-in uses, for tests, the
 * benchmark and (later) the model-sheet work.
 *
 * Why not office-addin-mock: it builds a mock from a seed object, hands back an error *string*
 * when an unloaded property is read, does not count context.sync() calls and does not check API
 * names (a misspelt method just becomes another property). Sync counts, request sizes and "did
 * we call an API that exists" are exactly what these tests are about. This fake:
 * - queues every call and applies it at context.sync(), like Office.js; reading a property that
 *   was not loaded and synced throws, as Office.js does;
 * - a failing call fails its sync the way Office.js does: the calls queued before it have been
 *   applied, the ones after it have not, nothing is rolled back, and no property loaded in that
 *   sync becomes readable (the response is an error); `failSync` makes a chosen sync fail as a
 *   whole (a request lost or refused), to test what the adapter leaves behind;
 * - counts syncs and records each sync's queued payload (JSON bytes of the data sent) and
 *   response (JSON bytes loaded), and rejects either over 5 MB (RequestPayloadSizeLimitExceeded,
 *   ResponsePayloadSizeLimitExceeded), as Excel on the web does;
 * - records every value, number format and formula written (`writes`);
 * - keeps a cell grid per sheet, and parses strings the way Excel does when the cell is not
 *   formatted "@": "=…" becomes a formula, "+…", "-…" and "@…" too unless they are numbers,
 *   numeric text becomes a number, "2023-02-06" a date, "TRUE" a boolean;
 * - models tables (add, name rules, resize, header/body ranges), worksheets (name rules),
 *   defined names, settings, charts, freeze panes, data validation and autofit calls;
 * - throws on any property or method it does not emulate, so the adapter cannot drift onto an
 *   API nobody checked;
 * - enforces the documented rules the adapter relies on, each throwing the code Excel throws
 *   (codes: "Error codes" in https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling):
 *   - PropertyNotLoaded for a property read before load() and sync()
 *     (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts, "load()" and "sync()");
 *   - sheet names: not blank, at most 31 characters, none of : \ / ? * [ ], no apostrophe first
 *     or last, not "History" (InvalidArgument); unique ignoring case (ItemAlreadyExists)
 *     (https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9);
 *   - table and defined names: a letter, _ or \ first, then letters, digits, _ . \; no cell
 *     reference, not R or C; at most 255 characters (InvalidArgument); one namespace shared by
 *     tables and names, unique ignoring case within a scope (ItemAlreadyExists)
 *     (https://support.microsoft.com/office/names-in-formulas-fc2935f9-115d-4bef-a370-3aa8bb4c91f1,
 *     https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114);
 *   - a table that would overlap another table (InvalidArgument: "A table can't overlap another table");
 *   - a cell text over 32,767 characters, a formula over 8,192 (InvalidArgument)
 *     (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
 *   - any change to cells, tables, charts, panes or column widths of a protected sheet
 *     (AccessDenied, "You cannot perform the requested operation": what Excel's service answers
 *     for a locked cell, e.g. https://github.com/microsoftgraph/microsoft-graph-docs/issues/4546;
 *     every cell of a protected sheet counts as locked here, Excel's default);
 *   - a request or a response over 5 MB (RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded:
 *     Excel on the web, https://learn.microsoft.com/office/dev/add-ins/develop/resource-limits-and-performance-optimization#excel-add-ins);
 *   - deleting a sheet turns workbook-scoped names that refer to it into #REF! (Excel keeps them).
 * Issue 13 additions (formula actions), each with its page:
 *   - calculation on demand: with `calc` set, `values` of a formula cell give calc's result, and a
 *     2-D result spills into the blank cells right of and below it, or shows #SPILL! when one of
 *     them is not blank ("Dynamic array formulas and spilled array behavior",
 *     https://support.microsoft.com/office/205c6b06-03ba-4151-89a1-87a7eb36e531); spilled cells
 *     count as used; Range.getSpillingToRangeOrNullObject (ExcelApi 1.12) gives the spill of an
 *     anchor, a null object otherwise
 *     (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dynamic-arrays).
 *     Assumption (not documented): `formulas` of a spilled cell gives its value, as for a constant;
 *   - a text written with a leading apostrophe stays text without it ("precede the entry with an
 *     apostrophe", Microsoft KB 214233; Office.js reads such a cell back without the apostrophe:
 *     https://github.com/OfficeDev/office-js/issues/6687);
 *   - Worksheet.visibility ("Visible", "Hidden", "VeryHidden"; ExcelApi 1.1 to read, 1.2 to set;
 *     a very hidden sheet cannot be deleted: InvalidOperation, per the Worksheet.delete reference,
 *     https://learn.microsoft.com/javascript/api/excel/excel.worksheet), Worksheet.getUsedRangeOrNullObject
 *     (ExcelApi 1.4), WorksheetCollection.getActiveWorksheet (ExcelApi 1.1);
 *   - cell notes, Worksheet.notes (ExcelApi 1.18): add on one cell, load("items/content"),
 *     getItemOrNullObject(address), Note.delete
 *     (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes). Assumption (not
 *     documented): adding a note to a cell that has one fails (InvalidArgument).
 * Issue 20 additions (the Functions tab's reads), each with its page:
 *   - Workbook.getActiveCell (ExcelApi 1.7): the active cell, `activeCell` when a test sets one
 *     with select(), else the selection's top-left cell
 *     (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getactivecell-member(1));
 *   - Workbook.onSelectionChanged (ExcelApi 1.2): add(handler) registers at the next sync and
 *     returns an EventHandlerResult whose remove() is queued on the same context, run again
 *     with Excel.run(context, batch) (`rerun` here), as "Remove an event handler" shows
 *     (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events); select()
 *     fires the handlers asynchronously with { workbook } (Excel.SelectionChangedEventArgs,
 *     https://learn.microsoft.com/javascript/api/excel/excel.selectionchangedeventargs);
 *   - Range.getSpillParentOrNullObject (ExcelApi 1.12): the anchor of the spill a single cell
 *     belongs to, else a null object; called on more than one cell, a null object
 *     (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dynamic-arrays,
 *     "Range spilling"). Assumption (not documented): the anchor itself gives itself;
 *   - Range.valueTypes (ExcelApi 1.1): "Empty", "String", "Double", "Boolean" or "Error" per
 *     cell (Excel.RangeValueType, https://learn.microsoft.com/javascript/api/excel/excel.rangevaluetype);
 *     a value that is an error literal ("#N/A", "#VALUE!", …) counts as an error;
 *   - Worksheet.getRange(name): a defined name (the sheet's own first, then the workbook's)
 *     gives the range it refers to ("Get range by name",
 *     https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-get); anything that
 *     is neither an address nor a name fails the request (InvalidArgument).
 * Issue 21 additions (diagnostics): Application.calculationMode (read), and `busyReads`: a
 *   formula cell reads #BUSY! while its custom function computes (see the field).
 * Deliberate simplifications: without `calc`, formulas are stored, not calculated (reading
 * `values` of a formula cell gives its A1 text); table.resize does not fill calculated columns (in Excel that depends
 * on a user AutoCorrect option, so the adapter fills them itself); A1↔R1C1 conversion handles
 * plain cell references, not every formula grammar.
 */

export type Scalar = string | number | boolean;

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Excel's default column width in points (8.43 characters of Calibri 11, 64 pixels). */
export const DEFAULT_COLUMN_WIDTH = 48;
/** Characters a cell can hold, and the longest formula (Excel specifications and limits). */
export const MAX_CELL_TEXT = 32_767;
export const MAX_FORMULA_LENGTH = 8_192;
/** Excel on the web rejects requests larger than this. */
export const WEB_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

/** The error a rejected sync throws: Office.js's RichApi.Error has the same `code` field. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

// ---------------------------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------------------------

export interface FakeCell {
  /** The constant ("" when blank or when the cell holds a formula). */
  value: Scalar;
  /** The formula in R1C1 form, with its "=". */
  formula?: string;
  numberFormat: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fillColor?: string;
  validation?: unknown;
}

/** Blank: what a cell Excel never touched looks like (no value, formula, format or validation). */
export function isBlankCell(c: FakeCell): boolean {
  return (
    c.value === "" &&
    c.formula === undefined &&
    c.numberFormat === "General" &&
    c.fontColor === undefined &&
    c.bold === undefined &&
    c.italic === undefined &&
    c.fillColor === undefined &&
    c.validation === undefined
  );
}

export interface FakeChart {
  /** "Chart 1", "Chart 2"… unless renamed (Excel's default names). */
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  series: { name?: string; values?: string; xValues?: string }[];
  valueAxis: { scaleType?: string; numberFormat?: string };
  categoryAxis: { numberFormat?: string };
  legendVisible?: boolean;
  position?: [string, string];
}

export class FakeSheet {
  readonly cells = new Map<number, Map<number, FakeCell>>();
  freeze?: { rows: number; cols: number; at?: string };
  readonly charts: FakeChart[] = [];
  readonly autofitted: string[] = [];
  /** Column widths in points that differ from the default (autofit, or set). */
  readonly columnWidths = new Map<number, number>();
  /** Protected (Worksheet.protection): every cell locked, as by default in Excel. */
  isProtected = false;
  /** Worksheet.visibility. */
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Cell notes (Worksheet.notes) by A1 address of their cell. */
  readonly notes = new Map<string, string>();
  constructor(
    readonly id: number,
    public name: string
  ) {}
  get(row: number, col: number): FakeCell | undefined {
    return this.cells.get(row)?.get(col);
  }
  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }
  ensure(row: number, col: number): FakeCell {
    let r = this.cells.get(row);
    if (!r) {
      r = new Map();
      this.cells.set(row, r);
    }
    let c = r.get(col);
    if (!c) {
      c = { value: "", numberFormat: "General" };
      r.set(col, c);
    }
    return c;
  }
  remove(row: number, col: number): void {
    this.cells.get(row)?.delete(col);
  }
}

export class FakeTable {
  style = "TableStyleMedium2";
  showHeaders = true;
  showTotals = false;
  constructor(
    readonly id: number,
    public name: string,
    public sheet: FakeSheet,
    public top: number,
    public left: number,
    /** Rows including the header row. */
    public rows: number,
    public cols: number
  ) {}
}

export interface FakeName {
  name: string;
  reference: string;
  comment?: string;
  scope: "workbook" | string;
}

interface Rect {
  sheet: FakeSheet;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

// ---------------------------------------------------------------------------------------------
// Addresses and formulas
// ---------------------------------------------------------------------------------------------

export function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function rectAddress(r: Rect, qualified = true): string {
  const local = r.rows === 1 && r.cols === 1 ? a1(r.row, r.col) : `${a1(r.row, r.col)}:${a1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
  return qualified ? `${quoteSheet(r.sheet.name)}!${local}` : local;
}

/** "B2", "B2:C9", "$B$2:$C$9", optionally "Sheet!…" → sheet name (if any) and rectangle. */
export function parseAddress(address: string): { sheet?: string; row: number; col: number; rows: number; cols: number } {
  let rest = address.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    sheet = rest
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(rest);
  if (!m) throw new FakeExcelError("InvalidArgument", `The address is not valid: ${address}`);
  const r1 = Number(m[2]) - 1;
  const c1 = colIndex(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? colIndex(m[3]) : c1;
  const out = { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
  return sheet === undefined ? out : { ...out, sheet };
}

/** Runs `fn` on the parts of a formula outside string literals. */
function outsideStrings(formula: string, fn: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join("");
}

/** "=B2*2" at (row 1, col 2) → "=RC[-1]*2". Plain cell references only. */
export function a1ToR1C1(formula: string, row: number, col: number): string {
  return outsideStrings(formula, (part) =>
    part.replace(/(?<![A-Za-z0-9_.[@!$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(\]])/g, (_m, cAbs: string, letters: string, rAbs: string, digits: string) => {
      const r = Number(digits) - 1;
      const c = colIndex(letters);
      const rs = rAbs ? `R${r + 1}` : r === row ? "R" : `R[${r - row}]`;
      const cs = cAbs ? `C${c + 1}` : c === col ? "C" : `C[${c - col}]`;
      return rs + cs;
    })
  );
}

/** "=RC[-1]*2" at (row 1, col 2) → "=B2*2". */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  return outsideStrings(formula, (part) =>
    part.replace(/(?<![A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/g, (_m, rp: string | undefined, cp: string | undefined) => {
      const rel = (p: string | undefined, here: number): { n: number; abs: boolean } =>
        p === undefined ? { n: here, abs: false } : p.startsWith("[") ? { n: here + Number(p.slice(1, -1)), abs: false } : { n: Number(p) - 1, abs: true };
      const r = rel(rp, row);
      const c = rel(cp, col);
      return `${c.abs ? "$" : ""}${colLetters(c.n)}${r.abs ? "$" : ""}${r.n + 1}`;
    })
  );
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoSerial(s: string): number | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Excel's error values, as Range.values gives them. */
const ERROR_VALUES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
]);

/** Excel.RangeValueType of a value as Range.values gives it. */
function valueTypeOf(v: unknown): string {
  if (v === "" || v === null || v === undefined) return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return ERROR_VALUES.has(String(v)) ? "Error" : "String";
}

/** UTF-8 bytes of the JSON of a value. */
export function jsonSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "null", "utf8");
}

// ---------------------------------------------------------------------------------------------
// Context, queue and strictness
// ---------------------------------------------------------------------------------------------

interface Action {
  call: string;
  bytes: number;
  run: () => void;
}

export interface SyncRecord {
  index: number;
  /** Calls queued in this sync, e.g. "Range.values", "TableCollection.add". */
  calls: string[];
  /** JSON bytes of the data queued (values, formats, formulas, arguments). */
  payloadBytes: number;
  /** JSON bytes of the properties loaded by this sync (the response). */
  responseBytes: number;
  /** True for the sync Excel.run makes itself when the batch left calls queued. */
  implicit: boolean;
  error?: string;
}

export interface WriteRecord {
  sync: number;
  sheet: string;
  address: string;
  property: "values" | "numberFormat" | "formulas" | "formulasR1C1";
  value: unknown;
}

/** Per-action overhead added to the payload estimate (object path, method name, ids). */
const ACTION_BYTES = 40;

const PASS_THROUGH = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "constructor",
  "inspect",
  "toString",
  "valueOf",
  "length",
]);

/** Wraps a fake object so that any unknown property or method throws. */
function strict<T extends object>(target: T, typeName: string): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === "symbol" || prop in t) return Reflect.get(t, prop, receiver) as unknown;
      if (PASS_THROUGH.has(prop) || prop.startsWith("@@") || prop.startsWith("_")) return undefined;
      throw new Error(`FakeExcel: ${typeName}.${prop} is not emulated (is it a real Office.js API, and does the adapter need it?)`);
    },
    set(t, prop, value, receiver) {
      if (typeof prop === "symbol" || prop in t) return Reflect.set(t, prop, value, receiver);
      throw new Error(`FakeExcel: setting ${typeName}.${String(prop)} is not emulated`);
    },
  });
}

class Ctx {
  queue: Action[] = [];
  /** What the current sync's loads hand to their proxies once the whole sync has succeeded. */
  commits: (() => void)[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  constructor(readonly fake: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
    return strict(this, "RequestContext");
  }
  enqueue(call: string, payload: unknown, run: () => void): void {
    this.queue.push({ call, bytes: ACTION_BYTES + jsonSize(payload), run });
  }
  /** Runs `fn` when the sync in progress succeeds (loaded values only arrive with a good response). */
  onSuccess(fn: () => void): void {
    this.commits.push(fn);
  }
  sync(): Promise<void> {
    return this.fake.flush(this, false);
  }
}

type LoadSpec = string | string[] | undefined;

function loadProps(spec: LoadSpec): string[] {
  if (spec === undefined) return [];
  const list = Array.isArray(spec) ? spec : spec.split(",");
  return list.map((s) => s.trim()).filter((s) => s !== "");
}

/** What Office.js throws for a property read before load() and a successful sync(). */
function notLoaded(what: string): FakeExcelError {
  return new FakeExcelError("PropertyNotLoaded", `FakeExcel: ${what} was read before load() and context.sync() (Office.js throws PropertyNotLoaded).`);
}

abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: Ctx,
    protected readonly typeName: string
  ) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(`${this.typeName}.${prop}`);
    return this.loaded.get(prop) as T;
  }
  protected queueLoad(spec: LoadSpec, allowed: readonly string[], snapshot: (props: string[]) => Record<string, unknown>): void {
    const props = loadProps(spec);
    for (const p of props) if (!allowed.includes(p)) throw new Error(`FakeExcel: ${this.typeName}.load("${p}") is not emulated`);
    this.ctx.enqueue(`${this.typeName}.load`, props, () => {
      const snap = snapshot(props);
      this.ctx.fake.noteResponse(jsonSize(snap));
      this.ctx.onSuccess(() => {
        for (const [k, v] of Object.entries(snap)) this.loaded.set(k, v);
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Proxies
// ---------------------------------------------------------------------------------------------

type RectResolver = () => Rect | null;

function checkRect(r: Rect): Rect {
  if (r.rows < 1 || r.cols < 1 || r.row < 0 || r.col < 0 || r.row + r.rows > MAX_ROWS || r.col + r.cols > MAX_COLS) {
    throw new FakeExcelError("InvalidArgument", `The range is outside the sheet: ${JSON.stringify({ row: r.row, col: r.col, rows: r.rows, cols: r.cols })}`);
  }
  return r;
}

function isGrid(v: unknown): v is unknown[][] {
  return Array.isArray(v) && v.every((row) => Array.isArray(row));
}

class RangeProxy extends ClientObject {
  private formatProxy: RangeFormatProxy | undefined = undefined;
  private validationProxy: DataValidationProxy | undefined = undefined;
  /** `resolveRaw` returns null for a null object (getUsedRangeOrNullObject on empty cells). */
  constructor(
    ctx: Ctx,
    private readonly resolveRaw: RectResolver
  ) {
    super(ctx, "Range");
    return strict(this, "Range");
  }
  /** The rectangle at execution time; a null object cannot be used further. */
  resolve(): Rect {
    const r = this.resolveRaw();
    if (r === null) throw new FakeExcelError("InvalidOperation", "The operation is not allowed on a null object.");
    return checkRect(r);
  }
  private derive(fn: (r: Rect) => Rect | null): RangeProxy {
    return new RangeProxy(this.ctx, () => fn(this.resolve()));
  }
  private write(prop: WriteRecord["property"], value: unknown): void {
    this.ctx.enqueue(`Range.${prop}`, value, () => this.ctx.fake.writeRange(this.resolve(), prop, value));
  }

  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.write("values", v);
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.write("numberFormat", v);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write("formulas", v);
  }
  get formulasR1C1(): unknown[][] {
    return this.read("formulasR1C1");
  }
  set formulasR1C1(v: unknown[][]) {
    this.write("formulasR1C1", v);
  }
  get address(): string {
    return this.read("address");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get format(): RangeFormatProxy {
    this.formatProxy ??= new RangeFormatProxy(this.ctx, this);
    return this.formatProxy;
  }
  get dataValidation(): DataValidationProxy {
    this.validationProxy ??= new DataValidationProxy(this.ctx, this);
    return this.validationProxy;
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.resolve().sheet);
  }

  load(spec?: LoadSpec): this {
    this.queueLoad(
      spec,
      ["address", "values", "valueTypes", "numberFormat", "formulas", "formulasR1C1", "rowIndex", "columnIndex", "rowCount", "columnCount"],
      (props) => {
        const r = this.resolveRaw();
        if (r === null) return { isNullObject: true, ...Object.fromEntries(props.map((p) => [p, null])) };
        checkRect(r);
        const out: Record<string, unknown> = { isNullObject: false };
        for (const p of props) out[p] = this.ctx.fake.readRange(r, p);
        return out;
      }
    );
    return this;
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derive((r) => ({ sheet: r.sheet, row: r.row + row, col: r.col + column, rows: 1, cols: 1 }));
  }
  getRow(row: number): RangeProxy {
    return this.derive((r) => ({ ...r, row: r.row + row, rows: 1 }));
  }
  getColumn(column: number): RangeProxy {
    return this.derive((r) => ({ ...r, col: r.col + column, cols: 1 }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derive((r) => ({ ...r, row: r.row + rowOffset, col: r.col + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derive((r) => ({ ...r, rows: r.rows + deltaRows, cols: r.cols + deltaColumns }));
  }
  getRowsBelow(count = 1): RangeProxy {
    return this.derive((r) => ({ ...r, row: r.row + r.rows, rows: count }));
  }
  /** The whole columns of the range: every row of the sheet (ExcelApi 1.1). */
  getEntireColumn(): RangeProxy {
    return this.derive((r) => ({ ...r, row: 0, rows: MAX_ROWS }));
  }
  /** The range's last row (ExcelApi 1.1). */
  getLastRow(): RangeProxy {
    return this.derive((r) => ({ ...r, row: r.row + r.rows - 1, rows: 1 }));
  }
  /**
   * The smallest range that covers this range and another on the same sheet (ExcelApi 1.1:
   * "the GetBoundingRect of "B2:C5" and "D10:E15" is "B2:E15"",
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getboundingrect-member(1)).
   * Another sheet's range is InvalidArgument (assumption: the reference does not say).
   */
  getBoundingRect(anotherRange: RangeProxy): RangeProxy {
    return this.derive((r) => {
      const o = anotherRange.resolve();
      if (o.sheet !== r.sheet) throw new FakeExcelError("InvalidArgument", "The ranges are on different worksheets.");
      const row = Math.min(r.row, o.row);
      const col = Math.min(r.col, o.col);
      return { sheet: r.sheet, row, col, rows: Math.max(r.row + r.rows, o.row + o.rows) - row, cols: Math.max(r.col + r.cols, o.col + o.cols) - col };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.derive((r) => this.ctx.fake.usedRect(r, valuesOnly));
  }
  /** ExcelApi 1.12: the spill range of an anchor cell, else a null object. */
  getSpillingToRangeOrNullObject(): RangeProxy {
    return this.derive((r) => this.ctx.fake.spillOf(r));
  }
  /** ExcelApi 1.12: the anchor of the spill a single cell belongs to, else a null object. */
  getSpillParentOrNullObject(): RangeProxy {
    return this.derive((r) => this.ctx.fake.spillParentOf(r));
  }
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.ctx.enqueue("Range.clear", applyTo, () => this.ctx.fake.clearRect(this.resolve(), applyTo));
  }
}

class RangeFormatProxy extends ClientObject {
  readonly font: FontProxy;
  readonly fill: FillProxy;
  constructor(
    ctx: Ctx,
    private readonly range: RangeProxy
  ) {
    super(ctx, "RangeFormat");
    this.font = new FontProxy(ctx, range);
    this.fill = new FillProxy(ctx, range);
    return strict(this, "RangeFormat");
  }
  /** The width of every column of the range in points; null when they differ (as Office.js). */
  get columnWidth(): number | null {
    return this.read("columnWidth");
  }
  set columnWidth(v: number) {
    this.ctx.enqueue("RangeFormat.columnWidth", v, () => {
      const r = this.range.resolve();
      this.ctx.fake.assertWritable(r.sheet);
      for (let c = r.col; c < r.col + r.cols; c++) {
        if (v === DEFAULT_COLUMN_WIDTH) r.sheet.columnWidths.delete(c);
        else r.sheet.columnWidths.set(c, v);
      }
    });
  }
  load(spec?: LoadSpec): this {
    this.queueLoad(spec, ["columnWidth"], () => {
      const r = this.range.resolve();
      const widths = new Set<number>();
      for (let c = r.col; c < r.col + r.cols; c++) widths.add(r.sheet.columnWidth(c));
      return { columnWidth: widths.size === 1 ? [...widths][0] : null };
    });
    return this;
  }
  /** Widths from the longest text of each column (a stand-in for Excel's font metrics). */
  autofitColumns(): void {
    this.ctx.enqueue("RangeFormat.autofitColumns", null, () => {
      const r = this.range.resolve();
      this.ctx.fake.assertWritable(r.sheet);
      r.sheet.autofitted.push(rectAddress(r, false));
      for (let c = r.col; c < r.col + r.cols; c++) {
        let longest = 0;
        for (let row = r.row; row < r.row + r.rows; row++) {
          const cell = r.sheet.get(row, c);
          if (cell) longest = Math.max(longest, String(cell.formula ?? cell.value).length);
        }
        r.sheet.columnWidths.set(c, Math.max(12, Math.round(longest * 5.5 + 6)));
      }
    });
  }
}

function styleSetter(ctx: Ctx, range: RangeProxy, call: string, apply: (cell: FakeCell) => void): void {
  ctx.enqueue(call, null, () => ctx.fake.eachCell(range.resolve(), apply, true));
}

class FontProxy {
  constructor(
    private readonly ctx: Ctx,
    private readonly range: RangeProxy
  ) {
    return strict(this, "RangeFont");
  }
  set color(v: string) {
    styleSetter(this.ctx, this.range, "RangeFont.color", (c) => (c.fontColor = v));
  }
  set bold(v: boolean) {
    styleSetter(this.ctx, this.range, "RangeFont.bold", (c) => (c.bold = v));
  }
  set italic(v: boolean) {
    styleSetter(this.ctx, this.range, "RangeFont.italic", (c) => (c.italic = v));
  }
}

class FillProxy {
  constructor(
    private readonly ctx: Ctx,
    private readonly range: RangeProxy
  ) {
    return strict(this, "RangeFill");
  }
  set color(v: string) {
    styleSetter(this.ctx, this.range, "RangeFill.color", (c) => (c.fillColor = v));
  }
}

class DataValidationProxy {
  constructor(
    private readonly ctx: Ctx,
    private readonly range: RangeProxy
  ) {
    return strict(this, "DataValidation");
  }
  set rule(v: unknown) {
    this.ctx.enqueue("DataValidation.rule", v, () =>
      this.ctx.fake.eachCell(this.range.resolve(), (c) => (c.validation = JSON.parse(JSON.stringify(v)) as unknown), true)
    );
  }
  set ignoreBlanks(v: boolean) {
    this.ctx.enqueue("DataValidation.ignoreBlanks", v, () => undefined);
  }
  clear(): void {
    this.ctx.enqueue("DataValidation.clear", null, () => this.ctx.fake.eachCell(this.range.resolve(), (c) => delete c.validation, true));
  }
}

type SheetResolver = () => FakeSheet | null;

class WorksheetProxy extends ClientObject {
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly notes: NoteCollectionProxy;
  readonly protection: WorksheetProtectionProxy;
  constructor(
    ctx: Ctx,
    private readonly resolveRaw: SheetResolver
  ) {
    super(ctx, "Worksheet");
    this.tables = new TableCollectionProxy(ctx, () => this.resolve());
    this.charts = new ChartCollectionProxy(ctx, () => this.resolve());
    this.names = new NamedItemCollectionProxy(ctx, () => this.resolve());
    this.freezePanes = new FreezePanesProxy(ctx, () => this.resolve());
    this.notes = new NoteCollectionProxy(ctx, () => this.resolve());
    this.protection = new WorksheetProtectionProxy(ctx, () => this.resolve());
    return strict(this, "Worksheet");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw new Error(`FakeExcel: visibility ${v} is not a SheetVisibility`);
    this.ctx.enqueue("Worksheet.visibility", v, () => {
      const sheet = this.resolve();
      if (v !== "Visible" && this.ctx.fake.sheets.every((s) => s === sheet || s.visibility !== "Visible"))
        throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      sheet.visibility = v;
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      // Strict: the docs do not say that null objects propagate, so a method called on the null
      // object of a missing sheet fails the request (resolve), and code must check isNullObject first.
      const sheet = this.resolve();
      return this.ctx.fake.usedRect({ sheet, row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS }, valuesOnly);
    });
  }
  resolve(): FakeSheet {
    const s = this.resolveRaw();
    if (!s) throw new FakeExcelError("InvalidOperation", "The operation is not allowed on a null object.");
    if (!this.ctx.fake.sheets.includes(s)) throw new FakeExcelError("ItemNotFound", `The worksheet ${s.name} no longer exists.`);
    return s;
  }
  /** Collection loads hand out items whose properties are already loaded. */
  preload(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }
  get name(): string {
    return this.read("name");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  load(spec?: LoadSpec): this {
    this.queueLoad(spec, ["name", "id", "visibility"], (props) => {
      const s = this.resolveRaw();
      if (!s) return { isNullObject: true, name: null, id: null };
      const all: Record<string, unknown> = { name: s.name, id: String(s.id), visibility: s.visibility };
      return { isNullObject: false, ...Object.fromEntries(props.map((p) => [p, all[p]])) };
    });
    return this;
  }
  getRange(address?: string): RangeProxy {
    if (address === undefined) throw new Error("FakeExcel: Worksheet.getRange() without an address is not emulated");
    return new RangeProxy(this.ctx, () => {
      const named = this.ctx.fake.namedRect(this.resolve(), address);
      if (named) return named;
      const a = parseAddress(address);
      if (a.sheet !== undefined && a.sheet.toLowerCase() !== this.resolve().name.toLowerCase())
        throw new FakeExcelError("InvalidArgument", `The address ${address} is on another sheet.`);
      return { sheet: this.resolve(), row: a.row, col: a.col, rows: a.rows, cols: a.cols };
    });
  }
  activate(): void {
    this.ctx.enqueue("Worksheet.activate", null, () => (this.ctx.fake.activeSheet = this.resolve().name));
  }
  delete(): void {
    this.ctx.enqueue("Worksheet.delete", null, () => this.ctx.fake.deleteSheet(this.resolve()));
  }
}

class FreezePanesProxy {
  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: () => FakeSheet
  ) {
    return strict(this, "WorksheetFreezePanes");
  }
  private writable(): FakeSheet {
    const s = this.sheet();
    this.ctx.fake.assertWritable(s);
    return s;
  }
  freezeRows(count = 1): void {
    this.ctx.enqueue("WorksheetFreezePanes.freezeRows", count, () => (this.writable().freeze = { rows: count, cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this.ctx.enqueue("WorksheetFreezePanes.freezeColumns", count, () => (this.writable().freeze = { rows: 0, cols: count }));
  }
  freezeAt(range: RangeProxy): void {
    this.ctx.enqueue("WorksheetFreezePanes.freezeAt", null, () => {
      const r = range.resolve();
      this.writable().freeze = { rows: r.row + r.rows, cols: r.col + r.cols, at: rectAddress(r, false) };
    });
  }
}

class WorksheetCollectionProxy extends ClientObject {
  private loadedItems: WorksheetProxy[] | undefined = undefined;
  constructor(ctx: Ctx) {
    super(ctx, "WorksheetCollection");
    return strict(this, "WorksheetCollection");
  }
  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw notLoaded("WorksheetCollection.items");
    return this.loadedItems;
  }
  load(spec?: LoadSpec): this {
    const props = loadProps(spec);
    for (const p of props) if (p !== "items/name" && p !== "items/visibility") throw new Error(`FakeExcel: WorksheetCollection.load("${p}") is not emulated`);
    this.ctx.enqueue("WorksheetCollection.load", props, () => {
      const items = this.ctx.fake.sheets.map((s) => {
        const w = new WorksheetProxy(this.ctx, () => s);
        w.preload({ name: s.name, isNullObject: false, ...(props.includes("items/visibility") ? { visibility: s.visibility } : {}) });
        return w;
      });
      this.ctx.fake.noteResponse(jsonSize(items.map((w) => w.name)));
      this.ctx.onSuccess(() => (this.loadedItems = items));
    });
    return this;
  }
  add(name?: string): WorksheetProxy {
    const handle: { sheet: FakeSheet | null } = { sheet: null };
    this.ctx.enqueue("WorksheetCollection.add", name ?? null, () => (handle.sheet = this.ctx.fake.addSheet(name)));
    return new WorksheetProxy(this.ctx, () => handle.sheet);
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.fake.findSheet(key);
      if (!s) throw new FakeExcelError("ItemNotFound", `The worksheet ${key} does not exist.`);
      return s;
    });
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.fake.findSheet(key) ?? null);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.fake.sheet(this.ctx.fake.activeSheet));
  }
}

/** Worksheet.protection (ExcelApi 1.2): only whether the sheet is protected, read. */
class WorksheetProtectionProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, "WorksheetProtection");
    return strict(this, "WorksheetProtection");
  }
  get protected(): boolean {
    return this.read("protected");
  }
  load(spec?: LoadSpec): this {
    this.queueLoad(spec, ["protected"], () => ({ protected: this.sheet().isProtected }));
    return this;
  }
}

class NoteProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly sheet: () => FakeSheet,
    private readonly address: string,
    private readonly orNull: boolean
  ) {
    super(ctx, "Note");
    return strict(this, "Note");
  }
  preload(content: string): void {
    this.loaded.set("content", content);
    this.loaded.set("isNullObject", false);
  }
  get content(): string {
    return this.read("content");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  load(spec?: LoadSpec): this {
    this.queueLoad(spec, ["content"], () => {
      const text = this.sheet().notes.get(this.address);
      if (text === undefined) {
        if (!this.orNull) throw new FakeExcelError("ItemNotFound", `There is no note on ${this.address}.`);
        return { isNullObject: true, content: null };
      }
      return { isNullObject: false, content: text };
    });
    return this;
  }
  delete(): void {
    this.ctx.enqueue("Note.delete", this.address, () => {
      const sheet = this.sheet();
      this.ctx.fake.assertWritable(sheet);
      if (!sheet.notes.has(this.address)) throw new FakeExcelError(this.orNull ? "InvalidOperation" : "ItemNotFound", `There is no note on ${this.address}.`);
      sheet.notes.delete(this.address);
    });
  }
}

/** Worksheet.notes (ExcelApi 1.18), see the file comment. */
class NoteCollectionProxy extends ClientObject {
  private loadedItems: NoteProxy[] | undefined = undefined;
  constructor(
    ctx: Ctx,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, "NoteCollection");
    return strict(this, "NoteCollection");
  }
  get items(): NoteProxy[] {
    if (!this.loadedItems) throw notLoaded("NoteCollection.items");
    return this.loadedItems;
  }
  load(spec?: LoadSpec): this {
    const props = loadProps(spec);
    for (const p of props) if (p !== "items/content") throw new Error(`FakeExcel: NoteCollection.load("${p}") is not emulated`);
    this.ctx.enqueue("NoteCollection.load", props, () => {
      const sheet = this.sheet();
      const items = [...sheet.notes.entries()].map(([address, text]) => {
        const n = new NoteProxy(this.ctx, () => sheet, address, false);
        n.preload(text);
        return n;
      });
      this.ctx.fake.noteResponse(jsonSize([...sheet.notes.values()]));
      this.ctx.onSuccess(() => (this.loadedItems = items));
    });
    return this;
  }
  add(cellAddress: RangeProxy | string, content: string): NoteProxy {
    this.ctx.enqueue("NoteCollection.add", [typeof cellAddress === "string" ? cellAddress : null, content], () => {
      const sheet = this.sheet();
      let r: Rect;
      if (typeof cellAddress === "string") {
        const a = parseAddress(cellAddress);
        r = { sheet, row: a.row, col: a.col, rows: a.rows, cols: a.cols };
      } else r = cellAddress.resolve();
      if (r.sheet !== sheet || r.rows !== 1 || r.cols !== 1) throw new FakeExcelError("InvalidCellAddress", "A note goes on a single cell of this worksheet.");
      this.ctx.fake.assertWritable(sheet);
      const address = a1(r.row, r.col);
      if (sheet.notes.has(address)) throw new FakeExcelError("InvalidArgument", `The cell ${address} already has a note.`);
      sheet.notes.set(address, String(content));
    });
    return new NoteProxy(this.ctx, () => this.sheet(), typeof cellAddress === "string" ? cellAddress.toUpperCase() : "", false);
  }
  getItemOrNullObject(key: string): NoteProxy {
    return new NoteProxy(this.ctx, () => this.sheet(), parseAddressA1(key), true);
  }
}

function parseAddressA1(address: string): string {
  const a = parseAddress(address);
  return a1(a.row, a.col);
}

class TableProxy extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly resolveRaw: () => FakeTable | null
  ) {
    super(ctx, "Table");
    return strict(this, "Table");
  }
  resolve(): FakeTable {
    const t = this.resolveRaw();
    if (!t) throw new FakeExcelError("InvalidOperation", "The operation is not allowed on a null object.");
    if (!this.ctx.fake.tables.includes(t)) throw new FakeExcelError("ItemNotFound", `The table ${t.name} no longer exists.`);
    return t;
  }
  preloadName(name: string): void {
    this.loaded.set("name", name);
    this.loaded.set("isNullObject", false);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.ctx.enqueue("Table.name", v, () => this.ctx.fake.renameTableChecked(this.resolve(), v));
  }
  get style(): string {
    return this.read("style");
  }
  set style(v: string) {
    this.ctx.enqueue("Table.style", v, () => (this.resolve().style = v));
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.resolve().sheet);
  }
  load(spec?: LoadSpec): this {
    this.queueLoad(spec, ["name", "style", "showHeaders", "showTotals", "id"], (props) => {
      const t = this.resolveRaw();
      if (!t || !this.ctx.fake.tables.includes(t)) {
        if (t) throw new FakeExcelError("ItemNotFound", `The table ${t.name} no longer exists.`);
        return { isNullObject: true, ...Object.fromEntries(props.map((p) => [p, null])) };
      }
      const all: Record<string, unknown> = { name: t.name, style: t.style, showHeaders: t.showHeaders, showTotals: t.showTotals, id: String(t.id) };
      return { isNullObject: false, ...Object.fromEntries(props.map((p) => [p, all[p]])) };
    });
    return this;
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, row: t.top, col: t.left, rows: t.rows, cols: t.cols };
    });
  }
  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, row: t.top, col: t.left, rows: 1, cols: t.cols };
    });
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, row: t.top + 1, col: t.left, rows: t.rows - 1 - (t.showTotals ? 1 : 0), cols: t.cols };
    });
  }
  /** Deletes the table with its cells' contents and formats, as Excel's Table.delete does. */
  delete(): void {
    this.ctx.enqueue("Table.delete", null, () => {
      const t = this.resolve();
      this.ctx.fake.assertWritable(t.sheet);
      this.ctx.fake.deleteTable(t.name, false);
    });
  }
  resize(newRange: RangeProxy | string): void {
    this.ctx.enqueue("Table.resize", typeof newRange === "string" ? newRange : null, () => {
      const t = this.resolve();
      let r: Rect;
      if (typeof newRange === "string") {
        const a = parseAddress(newRange);
        r = { sheet: t.sheet, row: a.row, col: a.col, rows: a.rows, cols: a.cols };
      } else r = newRange.resolve();
      this.ctx.fake.resizeTableChecked(t, r);
    });
  }
}

class TableCollectionProxy extends ClientObject {
  private loadedItems: TableProxy[] | undefined = undefined;
  constructor(
    ctx: Ctx,
    private readonly sheet: (() => FakeSheet) | null
  ) {
    super(ctx, "TableCollection");
    return strict(this, "TableCollection");
  }
  get items(): TableProxy[] {
    if (!this.loadedItems) throw notLoaded("TableCollection.items");
    return this.loadedItems;
  }
  load(spec?: LoadSpec): this {
    const props = loadProps(spec);
    for (const p of props) if (p !== "items/name") throw new Error(`FakeExcel: TableCollection.load("${p}") is not emulated`);
    this.ctx.enqueue("TableCollection.load", props, () => {
      const sheet = this.sheet?.();
      const items = this.ctx.fake.tables
        .filter((t) => !sheet || t.sheet === sheet)
        .map((t) => {
          const p = new TableProxy(this.ctx, () => t);
          p.preloadName(t.name);
          return p;
        });
      this.ctx.fake.noteResponse(jsonSize(items.map((p) => p.name)));
      this.ctx.onSuccess(() => (this.loadedItems = items));
    });
    return this;
  }
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    const handle: { table: FakeTable | null } = { table: null };
    this.ctx.enqueue("TableCollection.add", [typeof address === "string" ? address : null, hasHeaders], () => {
      let r: Rect;
      if (typeof address === "string") {
        const a = parseAddress(address);
        const sheet = a.sheet !== undefined ? this.ctx.fake.findSheet(a.sheet) : this.sheet?.();
        if (!sheet) throw new FakeExcelError("InvalidArgument", `No sheet for ${address}`);
        r = { sheet, row: a.row, col: a.col, rows: a.rows, cols: a.cols };
      } else r = address.resolve();
      if (this.sheet && r.sheet !== this.sheet()) throw new FakeExcelError("InvalidArgument", "The range is not on this worksheet.");
      handle.table = this.ctx.fake.addTable(r, hasHeaders);
    });
    return new TableProxy(this.ctx, () => handle.table);
  }
  getItem(key: string): TableProxy {
    return new TableProxy(this.ctx, () => {
      const t = this.ctx.fake.findTable(key);
      if (!t) throw new FakeExcelError("ItemNotFound", `The table ${key} does not exist.`);
      return t;
    });
  }
  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(this.ctx, () => this.ctx.fake.findTable(key) ?? null);
  }
}

class NamedItemProxy extends ClientObject {
  constructor(ctx: Ctx, name: string) {
    super(ctx, "NamedItem");
    this.loaded.set("name", name);
    return strict(this, "NamedItem");
  }
  get name(): string {
    return this.read("name");
  }
}

class NamedItemCollectionProxy extends ClientObject {
  private loadedItems: NamedItemProxy[] | undefined = undefined;
  constructor(
    ctx: Ctx,
    private readonly sheet: (() => FakeSheet) | null
  ) {
    super(ctx, "NamedItemCollection");
    return strict(this, "NamedItemCollection");
  }
  get items(): NamedItemProxy[] {
    if (!this.loadedItems) throw notLoaded("NamedItemCollection.items");
    return this.loadedItems;
  }
  load(spec?: LoadSpec): this {
    const props = loadProps(spec);
    for (const p of props) if (p !== "items/name") throw new Error(`FakeExcel: NamedItemCollection.load("${p}") is not emulated`);
    this.ctx.enqueue("NamedItemCollection.load", props, () => {
      const scope = this.sheet ? this.sheet().name : "workbook";
      const items = this.ctx.fake.names.filter((n) => n.scope === scope).map((n) => new NamedItemProxy(this.ctx, n.name));
      this.ctx.fake.noteResponse(jsonSize(items.map((n) => n.name)));
      this.ctx.onSuccess(() => (this.loadedItems = items));
    });
    return this;
  }
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    this.ctx.enqueue("NamedItemCollection.add", [name, typeof reference === "string" ? reference : null, comment ?? null], () => {
      const ref = typeof reference === "string" ? reference : `=${rectAddress(reference.resolve())}`;
      this.ctx.fake.addName({ name, reference: ref, scope: this.sheet ? this.sheet().name : "workbook", ...(comment !== undefined ? { comment } : {}) });
    });
    return new NamedItemProxy(this.ctx, name);
  }
}

/** Where a Setting proxy comes from: a loaded collection or add (value known), or getItem…(). */
type SettingSource = { value: unknown } | "getItem" | "getItemOrNullObject";

class SettingProxy extends ClientObject {
  private readonly orNull: boolean;
  constructor(
    ctx: Ctx,
    private readonly key_: string,
    source: SettingSource
  ) {
    super(ctx, "Setting");
    this.orNull = source === "getItemOrNullObject";
    if (typeof source === "object") {
      this.loaded.set("key", key_);
      this.loaded.set("value", source.value);
    }
    return strict(this, "Setting");
  }
  get key(): string {
    return this.read("key");
  }
  get value(): unknown {
    return this.read("value");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  load(spec?: LoadSpec): this {
    this.queueLoad(spec, ["key", "value"], (props) => {
      const settings = this.ctx.fake.settings;
      if (!settings.has(this.key_)) {
        if (!this.orNull) throw new FakeExcelError("ItemNotFound", `The setting ${this.key_} does not exist.`);
        return { isNullObject: true, ...Object.fromEntries(props.map((p) => [p, null])) };
      }
      const all: Record<string, unknown> = { key: this.key_, value: JSON.parse(JSON.stringify(settings.get(this.key_))) as unknown };
      return { isNullObject: false, ...Object.fromEntries(props.map((p) => [p, all[p]])) };
    });
    return this;
  }
  delete(): void {
    this.ctx.enqueue("Setting.delete", this.key_, () => {
      if (!this.ctx.fake.settings.has(this.key_)) {
        if (this.orNull) throw new FakeExcelError("InvalidOperation", "The operation is not allowed on a null object.");
        throw new FakeExcelError("ItemNotFound", `The setting ${this.key_} does not exist.`);
      }
      this.ctx.fake.settings.delete(this.key_);
    });
  }
}

class SettingCollectionProxy extends ClientObject {
  private loadedItems: SettingProxy[] | undefined = undefined;
  constructor(ctx: Ctx) {
    super(ctx, "SettingCollection");
    return strict(this, "SettingCollection");
  }
  get items(): SettingProxy[] {
    if (!this.loadedItems) throw notLoaded("SettingCollection.items");
    return this.loadedItems;
  }
  load(spec?: LoadSpec): this {
    const props = loadProps(spec);
    for (const p of props) if (p !== "items/key" && p !== "items/value") throw new Error(`FakeExcel: SettingCollection.load("${p}") is not emulated`);
    this.ctx.enqueue("SettingCollection.load", props, () => {
      const entries = [...this.ctx.fake.settings.entries()];
      this.ctx.fake.noteResponse(jsonSize(entries));
      const items = entries.map(([k, v]) => new SettingProxy(this.ctx, k, { value: JSON.parse(JSON.stringify(v)) as unknown }));
      this.ctx.onSuccess(() => (this.loadedItems = items));
    });
    return this;
  }
  add(key: string, value: unknown): SettingProxy {
    this.ctx.enqueue("SettingCollection.add", [key, value], () => this.ctx.fake.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown));
    return new SettingProxy(this.ctx, key, { value });
  }
  getItem(key: string): SettingProxy {
    return new SettingProxy(this.ctx, key, "getItem");
  }
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.ctx, key, "getItemOrNullObject");
  }
}

class ChartSeriesProxy {
  constructor(
    private readonly ctx: Ctx,
    private readonly series: () => FakeChart["series"][number]
  ) {
    return strict(this, "ChartSeries");
  }
  set name(v: string) {
    this.ctx.enqueue("ChartSeries.name", v, () => (this.series().name = v));
  }
  setValues(range: RangeProxy): void {
    this.ctx.enqueue("ChartSeries.setValues", null, () => (this.series().values = rectAddress(range.resolve())));
  }
  setXAxisValues(range: RangeProxy): void {
    this.ctx.enqueue("ChartSeries.setXAxisValues", null, () => (this.series().xValues = rectAddress(range.resolve())));
  }
}

class ChartSeriesCollectionProxy {
  constructor(
    private readonly ctx: Ctx,
    private readonly chart: () => FakeChart
  ) {
    return strict(this, "ChartSeriesCollection");
  }
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.ctx, () => {
      const s = this.chart().series[index];
      if (!s) throw new FakeExcelError("ItemNotFound", `No series at ${index}`);
      return s;
    });
  }
  add(name?: string): ChartSeriesProxy {
    const handle: { s: FakeChart["series"][number] | null } = { s: null };
    this.ctx.enqueue("ChartSeriesCollection.add", name ?? null, () => {
      handle.s = name === undefined ? {} : { name };
      this.chart().series.push(handle.s);
    });
    return new ChartSeriesProxy(this.ctx, () => handle.s as FakeChart["series"][number]);
  }
}

class ChartAxisProxy {
  constructor(
    private readonly ctx: Ctx,
    private readonly axis: () => { scaleType?: string; numberFormat?: string },
    private readonly label: string
  ) {
    return strict(this, "ChartAxis");
  }
  set scaleType(v: string) {
    if (this.label !== "value") throw new Error("FakeExcel: scaleType is only emulated on the value axis");
    this.ctx.enqueue("ChartAxis.scaleType", v, () => (this.axis().scaleType = v));
  }
  set numberFormat(v: string) {
    this.ctx.enqueue("ChartAxis.numberFormat", v, () => (this.axis().numberFormat = v));
  }
}

class ChartProxy extends ClientObject {
  readonly series: ChartSeriesCollectionProxy;
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: { valueAxis: ChartAxisProxy; categoryAxis: ChartAxisProxy };
  constructor(
    ctx: Ctx,
    private readonly chart: () => FakeChart,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, "Chart");
    this.series = new ChartSeriesCollectionProxy(ctx, chart);
    const c = ctx;
    this.title = strict(
      {
        set text(v: string) {
          c.enqueue("ChartTitle.text", v, () => (chart().title = v));
        },
      } as { text: string },
      "ChartTitle"
    );
    this.legend = strict(
      {
        set visible(v: boolean) {
          c.enqueue("ChartLegend.visible", v, () => (chart().legendVisible = v));
        },
      } as { visible: boolean },
      "ChartLegend"
    );
    this.axes = strict(
      { valueAxis: new ChartAxisProxy(ctx, () => chart().valueAxis, "value"), categoryAxis: new ChartAxisProxy(ctx, () => chart().categoryAxis, "category") },
      "ChartAxes"
    );
    return strict(this, "Chart");
  }
  preloadName(name: string): void {
    this.loaded.set("name", name);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.ctx.enqueue("Chart.name", v, () => {
      this.ctx.fake.assertWritable(this.sheet());
      this.chart().name = v;
    });
  }
  delete(): void {
    this.ctx.enqueue("Chart.delete", null, () => {
      const sheet = this.sheet();
      this.ctx.fake.assertWritable(sheet);
      const i = sheet.charts.indexOf(this.chart());
      if (i < 0) throw new FakeExcelError("ItemNotFound", "The chart no longer exists.");
      sheet.charts.splice(i, 1);
    });
  }
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this.ctx.enqueue("Chart.setPosition", null, () => {
      const addr = (x: RangeProxy | string | undefined): string => (x === undefined ? "" : typeof x === "string" ? x : rectAddress(x.resolve(), false));
      this.chart().position = [addr(startCell), addr(endCell)];
    });
  }
}

class ChartCollectionProxy extends ClientObject {
  private loadedItems: ChartProxy[] | undefined = undefined;
  constructor(
    ctx: Ctx,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, "ChartCollection");
    return strict(this, "ChartCollection");
  }
  get items(): ChartProxy[] {
    if (!this.loadedItems) throw notLoaded("ChartCollection.items");
    return this.loadedItems;
  }
  load(spec?: LoadSpec): this {
    const props = loadProps(spec);
    for (const p of props) if (p !== "items/name") throw new Error(`FakeExcel: ChartCollection.load("${p}") is not emulated`);
    this.ctx.enqueue("ChartCollection.load", props, () => {
      const sheet = this.sheet();
      const items = sheet.charts.map((c) => {
        const p = new ChartProxy(
          this.ctx,
          () => c,
          () => sheet
        );
        p.preloadName(c.name);
        return p;
      });
      this.ctx.fake.noteResponse(jsonSize(items.map((c) => c.name)));
      this.ctx.onSuccess(() => (this.loadedItems = items));
    });
    return this;
  }
  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    const handle: { chart: FakeChart | null } = { chart: null };
    this.ctx.enqueue("ChartCollection.add", [type, seriesBy], () => {
      const r = sourceData.resolve();
      const sheet = this.sheet();
      this.ctx.fake.assertWritable(sheet);
      let n = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      handle.chart = { name: `Chart ${n}`, type, source: rectAddress(r), seriesBy, series: [{ values: rectAddress(r) }], valueAxis: {}, categoryAxis: {} };
      sheet.charts.push(handle.chart);
    });
    return new ChartProxy(
      this.ctx,
      () => handle.chart as FakeChart,
      () => this.sheet()
    );
  }
}

class ApplicationProxy extends ClientObject {
  constructor(ctx: Ctx) {
    super(ctx, "Application");
    return strict(this, "Application");
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue("Application.suspendApiCalculationUntilNextSync", null, () => this.ctx.fake.calculationSuspensions++);
  }
  /** Application.calculationMode (ExcelApi 1.1 to read): the fake's `calculationMode`. */
  get calculationMode(): string {
    return this.read("calculationMode");
  }
  load(spec?: LoadSpec): this {
    this.queueLoad(spec, ["calculationMode"], () => ({ calculationMode: this.ctx.fake.calculationMode }));
    return this;
  }
}

/** OfficeExtension.EventHandlerResult: the context it was added on, and remove() queued there. */
class EventHandlerResultProxy {
  constructor(
    readonly context: Ctx,
    private readonly registration: { handler: (args: unknown) => unknown; workbook: unknown }
  ) {
    return strict(this, "EventHandlerResult");
  }
  remove(): void {
    this.context.enqueue("EventHandlerResult.remove", null, () => {
      const list = this.context.fake.selectionHandlers;
      const i = list.indexOf(this.registration);
      if (i >= 0) list.splice(i, 1);
    });
  }
}

class SelectionEventProxy {
  constructor(
    private readonly ctx: Ctx,
    private readonly workbook: WorkbookProxy
  ) {
    return strict(this, "EventHandlers");
  }
  add(handler: (args: unknown) => unknown): EventHandlerResultProxy {
    const registration = { handler, workbook: this.workbook };
    this.ctx.enqueue("Workbook.onSelectionChanged.add", null, () => this.ctx.fake.selectionHandlers.push(registration));
    return new EventHandlerResultProxy(this.ctx, registration);
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly application: ApplicationProxy;
  constructor(private readonly ctx: Ctx) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, null);
    this.names = new NamedItemCollectionProxy(ctx, null);
    this.settings = new SettingCollectionProxy(ctx);
    this.application = new ApplicationProxy(ctx);
    return strict(this, "Workbook");
  }
  /** ExcelApi 1.7: the active cell. */
  getActiveCell(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sel = this.ctx.fake.selection;
      const sheet = this.ctx.fake.findSheet(sel.sheet);
      if (!sheet) throw new FakeExcelError("InvalidSelection", "The current selection is invalid.");
      const a = parseAddress(this.ctx.fake.activeCell ?? sel.address);
      return { sheet, row: a.row, col: a.col, rows: 1, cols: 1 };
    });
  }
  /** ExcelApi 1.2: the selection-changed event. */
  get onSelectionChanged(): SelectionEventProxy {
    return new SelectionEventProxy(this.ctx, this);
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sel = this.ctx.fake.selection;
      const sheet = this.ctx.fake.findSheet(sel.sheet);
      if (!sheet) throw new FakeExcelError("InvalidSelection", "The current selection is invalid.");
      const a = parseAddress(sel.address);
      return { sheet, row: a.row, col: a.col, rows: a.rows, cols: a.cols };
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The fake workbook
// ---------------------------------------------------------------------------------------------

export interface FakeExcelOptions {
  /** Sheets to start with (default ["Sheet1"]). */
  sheets?: string[];
  /** Reject syncs whose payload exceeds this (default 5 MB, as Excel on the web). */
  maxRequestBytes?: number;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names: FakeName[] = [];
  readonly settings = new Map<string, unknown>();
  readonly syncs: SyncRecord[] = [];
  readonly writes: WriteRecord[] = [];
  selection: { sheet: string; address: string };
  /** The active cell inside the selection (A1), when a test sets one; else the selection's top-left cell. */
  activeCell: string | undefined = undefined;
  /** Workbook.onSelectionChanged registrations (added and removed at a sync). */
  readonly selectionHandlers: { handler: (args: unknown) => unknown; workbook: unknown }[] = [];
  activeSheet: string;
  calculationSuspensions = 0;
  /**
   * Excel's calculation, when a test wants values (see the file comment): the result of a formula
   * (A1, with its "=") at a cell; a 2-D array spills. Unset: `values` of a formula give its text.
   */
  calc: ((sheet: string, formula: string, row: number, col: number) => Scalar | Scalar[][]) | undefined = undefined;
  /** Application.calculationMode as Excel reports it (the fake does not change calculation with it). */
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /**
   * Custom functions compute asynchronously: "When Excel is waiting for a custom function to
   * complete, it displays #BUSY! in the cell"
   * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-troubleshooting). With
   * `busyReads` set to n, the next n reads of `values` that include a formula cell show #BUSY! for
   * every formula cell (one read per load), then calc's results.
   */
  busyReads = 0;
  private nextId = 1;
  private readonly failures = new Map<number, { code: string; atCall?: string | number }>();
  private readonly maxRequestBytes: number;

  constructor(options: FakeExcelOptions = {}) {
    for (const name of options.sheets ?? ["Sheet1"]) this.addSheet(name);
    this.selection = { sheet: this.sheets[0].name, address: "A1" };
    this.activeSheet = this.sheets[0].name;
    this.maxRequestBytes = options.maxRequestBytes ?? WEB_REQUEST_LIMIT_BYTES;
  }

  /** Excel.run: one context per call; calls left queued are synced at the end (counted). */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new Ctx(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.queue.length > 0) await this.flush(ctx, true);
    return result;
  };

  /** Excel.run(context, batch): a batch on an existing context (an event handler's, to remove it). */
  readonly rerun = async <T>(context: unknown, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    if (!(context instanceof Ctx)) throw new Error("FakeExcel: rerun needs a context this fake made");
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.queue.length > 0) await this.flush(context, true);
    return result;
  };

  /**
   * context.sync(): applies the queue in order. A failing call stops the rest: the calls before
   * it stay applied (no rollback), the ones after it never run, and the loads of this sync
   * hand nothing to their proxies (Office.js returns an error instead of the loaded values).
   * That is Office.js's documented behaviour: in the example of the OfficeExtension.Error
   * reference (https://learn.microsoft.com/javascript/api/office/officeextension.error, under
   * traceMessages) a batch "successfully inserts the third and fourth paragraphs but fails in
   * the call to insert the fifth paragraph. All other commands after the failed command in the
   * batch are not executed"; see also "Error handling with the application-specific JavaScript
   * APIs" (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
   */
  async flush(ctx: Ctx, implicit: boolean): Promise<void> {
    const actions = ctx.queue;
    ctx.queue = [];
    ctx.commits = [];
    const record: SyncRecord = {
      index: this.syncs.length,
      calls: actions.map((a) => a.call),
      payloadBytes: actions.reduce((n, a) => n + a.bytes, 0),
      responseBytes: 0,
      implicit,
    };
    this.syncs.push(record);
    await Promise.resolve();
    const planned = this.failures.get(record.index);
    if (planned !== undefined && planned.atCall === undefined) {
      record.error = planned.code;
      throw new FakeExcelError(planned.code, `Sync ${record.index} was made to fail (${planned.code}).`);
    }
    if (record.payloadBytes > this.maxRequestBytes) {
      record.error = "RequestPayloadSizeLimitExceeded";
      throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `The request payload size (${record.payloadBytes} bytes) has exceeded the limit.`);
    }
    for (const [i, a] of actions.entries()) {
      try {
        if (planned !== undefined && (planned.atCall === a.call || planned.atCall === i))
          throw new FakeExcelError(planned.code, `${a.call} was made to fail in sync ${record.index} (${planned.code}).`);
        a.run();
      } catch (error) {
        record.error = error instanceof FakeExcelError ? error.code : String(error);
        ctx.commits = [];
        throw error;
      }
    }
    if (record.responseBytes > this.maxRequestBytes) {
      record.error = "ResponsePayloadSizeLimitExceeded";
      ctx.commits = [];
      throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`);
    }
    const commits = ctx.commits;
    ctx.commits = [];
    for (const commit of commits) commit();
  }

  /**
   * Makes the sync with this index (as in `syncs`, counted since the last resetCounters) fail
   * with `code`: as a whole, before any of its calls is applied (a request lost or refused), or,
   * with `atCall`, at the first call of that name (e.g. "Range.values") or at the call with
   * that zero-based position in the sync's queue (as in `syncs[index].calls`), the calls before
   * it applied (Excel refusing that operation).
   */
  failSync(index: number, code = "GeneralException", atCall?: string | number): void {
    this.failures.set(index, atCall === undefined ? { code } : { code, atCall });
  }

  /** Adds loaded bytes to the current sync's response. */
  noteResponse(bytes: number): void {
    const current = this.syncs[this.syncs.length - 1];
    if (current) current.responseBytes += bytes;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** Forgets recorded syncs and writes (the workbook itself stays). */
  resetCounters(): void {
    this.syncs.length = 0;
    this.writes.length = 0;
    this.calculationSuspensions = 0;
    this.failures.clear();
  }

  // ---- model operations (also used by the proxies) ----

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  addSheet(name?: string): FakeSheet {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    if (n.length === 0 || n.length > 31 || /[[\]:*?/\\]/.test(n) || n.startsWith("'") || n.endsWith("'") || n.toLowerCase() === "history") {
      throw new FakeExcelError("InvalidArgument", `The sheet name is not valid: ${n}`);
    }
    if (this.findSheet(n)) throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${n} already exists.`);
    const s = new FakeSheet(this.nextId++, n);
    this.sheets.push(s);
    return s;
  }

  /** Worksheet.delete: the sheet goes with its tables, charts and sheet-scoped names. */
  deleteSheet(s: FakeSheet): void {
    if (s.visibility === "VeryHidden") throw new FakeExcelError("InvalidOperation", "A very hidden worksheet cannot be deleted; make it visible first.");
    if (this.sheets.length === 1) throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.sheets.splice(this.sheets.indexOf(s), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheet === s) this.tables.splice(i, 1);
    for (let i = this.names.length - 1; i >= 0; i--) if (this.names[i].scope === s.name) this.names.splice(i, 1);
    // Excel keeps a workbook-scoped name whose sheet is gone, referring to #REF!.
    const prefix = new RegExp(escapeRegExp(quoteSheet(s.name)) + "!", "gi");
    for (const n of this.names) if (n.scope === "workbook") n.reference = n.reference.replace(prefix, "#REF!");
    if (this.activeSheet.toLowerCase() === s.name.toLowerCase()) this.activeSheet = this.sheets[0].name;
    if (this.selection.sheet.toLowerCase() === s.name.toLowerCase()) this.selection = { sheet: this.sheets[0].name, address: "A1" };
  }

  findTable(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  table(name: string): FakeTable {
    const t = this.findTable(name);
    if (!t) throw new Error(`no table ${name}`);
    return t;
  }

  private checkTableName(name: string, self?: FakeTable, scope?: FakeName["scope"]): void {
    const valid =
      name.length > 0 &&
      name.length <= 255 &&
      /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
      !/^[A-Za-z]{1,3}\d+$/.test(name) &&
      !/^[RrCc]$/.test(name) &&
      !/^[Rr]\d*[Cc]\d*$/.test(name);
    if (!valid) throw new FakeExcelError("InvalidArgument", `The table name is not valid: ${name}`);
    // Tables share one namespace with defined names; a defined name is unique within its scope
    // (the same sheet-scoped name may exist on several sheets, as in Excel).
    const clash =
      this.tables.some((t) => t !== self && t.name.toLowerCase() === name.toLowerCase()) ||
      this.names.some((n) => n.name.toLowerCase() === name.toLowerCase() && (scope === undefined || n.scope.toLowerCase() === scope.toLowerCase()));
    if (clash) throw new FakeExcelError("ItemAlreadyExists", `The name ${name} is already used.`);
  }

  private overlapsTable(r: Rect, except?: FakeTable): FakeTable | undefined {
    return this.tables.find(
      (t) => t !== except && t.sheet === r.sheet && r.row < t.top + t.rows && t.top < r.row + r.rows && r.col < t.left + t.cols && t.left < r.col + r.cols
    );
  }

  addTable(r: Rect, hasHeaders: boolean): FakeTable {
    this.assertWritable(r.sheet);
    if (this.overlapsTable(r)) throw new FakeExcelError("InvalidArgument", "A table cannot overlap another table.");
    let rect = r;
    if (!hasHeaders) {
      // Excel inserts a header row above the data; keep it simple: require headers.
      throw new Error("FakeExcel: tables.add(…, false) is not emulated");
    }
    if (rect.rows < 2) rect = { ...rect, rows: 2 };
    let i = 1;
    while (this.findTable(`Table${i}`)) i++;
    const t = new FakeTable(this.nextId++, `Table${i}`, rect.sheet, rect.row, rect.col, rect.rows, rect.cols);
    // Header cells become unique text names, as Excel does.
    const seen = new Set<string>();
    for (let c = 0; c < rect.cols; c++) {
      const cell = rect.sheet.ensure(rect.row, c + rect.col);
      let h = cell.formula ? r1c1ToA1(cell.formula, rect.row, rect.col + c) : String(cell.value);
      if (h === "") h = `Column${c + 1}`;
      let name = h;
      for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${h}${k}`;
      seen.add(name.toLowerCase());
      cell.value = name;
      delete cell.formula;
    }
    this.tables.push(t);
    return t;
  }

  renameTableChecked(t: FakeTable, name: string): void {
    this.checkTableName(name, t);
    t.name = name;
  }

  resizeTableChecked(t: FakeTable, r: Rect): void {
    this.assertWritable(t.sheet);
    if (r.sheet !== t.sheet) throw new FakeExcelError("InvalidArgument", "The new range must be on the table's sheet.");
    if (r.row !== t.top) throw new FakeExcelError("InvalidArgument", "The header row of the table must stay in the same row.");
    const overlaps = r.row < t.top + t.rows && t.top < r.row + r.rows && r.col < t.left + t.cols && t.left < r.col + r.cols;
    if (!overlaps) throw new FakeExcelError("InvalidArgument", "The new range must overlap the table.");
    if (r.rows < 2) throw new FakeExcelError("InvalidArgument", "A table needs a header row and a body row.");
    if (this.overlapsTable(r, t)) throw new FakeExcelError("InvalidArgument", "A table cannot overlap another table.");
    t.left = r.col;
    t.rows = r.rows;
    t.cols = r.cols;
  }

  addName(n: FakeName): void {
    this.checkTableName(n.name, undefined, n.scope);
    this.names.push(n);
  }

  /** Runs `fn` on every cell of `r` (a change when `writes`: refused on a protected sheet). */
  eachCell(r: Rect, fn: (cell: FakeCell, row: number, col: number) => void, writes = false): void {
    if (writes) this.assertWritable(r.sheet);
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) fn(r.sheet.ensure(r.row + i, r.col + j), r.row + i, r.col + j);
  }

  /** Writes one cell as Excel does for `values` (and for non-formula strings in `formulas`). */
  private writeValue(cell: FakeCell, v: unknown, row: number, col: number): void {
    if (v === null || v === undefined) return;
    delete cell.formula;
    if (typeof v === "number" || typeof v === "boolean") {
      cell.value = v;
      return;
    }
    if (typeof v !== "string") throw new FakeExcelError("InvalidArgument", `Unsupported cell value: ${JSON.stringify(v)}`);
    if (v === "" || cell.numberFormat === "@") {
      cell.value = v;
      return;
    }
    if (v.startsWith("'")) {
      // The apostrophe text prefix: the rest is text, whatever it looks like (see the file comment).
      cell.value = v.slice(1);
      return;
    }
    if (v.startsWith("=")) {
      cell.value = "";
      cell.formula = a1ToR1C1(v, row, col);
    } else if (NUMBER.test(v)) cell.value = Number(v);
    else if (/^[+\-@]/.test(v)) {
      cell.value = "";
      cell.formula = a1ToR1C1(`=${v.startsWith("@") ? v.slice(1) : v}`, row, col);
    } else if (isoSerial(v) !== null) {
      cell.value = isoSerial(v) as number;
      if (cell.numberFormat === "General") cell.numberFormat = "yyyy-mm-dd";
    } else if (/^(true|false)$/i.test(v)) cell.value = v.toLowerCase() === "true";
    else cell.value = v;
  }

  /** AccessDenied for a change to a protected sheet (see the file comment). */
  assertWritable(sheet: FakeSheet): void {
    if (sheet.isProtected) throw new FakeExcelError("AccessDenied", `You cannot perform the requested operation: the sheet ${sheet.name} is protected.`);
  }

  /** InvalidArgument for a text or formula longer than a cell holds (see the file comment). */
  private checkLength(v: unknown, prop: WriteRecord["property"]): void {
    if (typeof v !== "string") return;
    const formula = prop !== "numberFormat" && v.startsWith("=");
    const max = prop === "numberFormat" ? 255 : formula ? MAX_FORMULA_LENGTH : MAX_CELL_TEXT;
    if (v.length > max)
      throw new FakeExcelError(
        "InvalidArgument",
        `A ${prop === "numberFormat" ? "number format" : formula ? "formula" : "cell text"} of ${v.length} characters exceeds Excel's limit of ${max}.`
      );
  }

  writeRange(r: Rect, prop: WriteRecord["property"], value: unknown): void {
    this.assertWritable(r.sheet);
    this.writes.push({ sync: this.syncs.length - 1, sheet: r.sheet.name, address: rectAddress(r, false), property: prop, value });
    let at: (i: number, j: number) => unknown;
    if (isGrid(value)) {
      if (value.length !== r.rows || value.some((row) => row.length !== r.cols)) {
        throw new FakeExcelError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${r.rows}×${r.cols}).`
        );
      }
      at = (i, j) => value[i][j];
    } else if (Array.isArray(value)) {
      throw new FakeExcelError("InvalidArgument", "A range property takes a single value or a 2-D array.");
    } else at = () => value;
    for (let i = 0; i < r.rows; i++) {
      for (let j = 0; j < r.cols; j++) {
        const v = at(i, j);
        if (v === null || v === undefined) continue;
        this.checkLength(v, prop);
        const row = r.row + i;
        const col = r.col + j;
        const cell = r.sheet.ensure(row, col);
        if (prop === "numberFormat") cell.numberFormat = v === "" ? "General" : String(v);
        else if (prop === "values") this.writeValue(cell, v, row, col);
        else if (typeof v === "string" && v.startsWith("=")) {
          if (cell.numberFormat === "@") {
            // Excel keeps a formula typed into a text cell as text.
            delete cell.formula;
            cell.value = v;
          } else {
            cell.value = "";
            cell.formula = prop === "formulas" ? a1ToR1C1(v, row, col) : v;
          }
        } else this.writeValue(cell, v, row, col);
      }
    }
  }

  /**
   * What calculation shows on a sheet: each formula cell's value, the values spilled into blank
   * cells, and each spilling anchor's range (by "row,col"). Computed on every read (tests are small).
   */
  calculated(sheet: FakeSheet): { shown: Map<string, Scalar>; spills: Map<string, Rect> } {
    const shown = new Map<string, Scalar>();
    const spills = new Map<string, Rect>();
    const calc = this.calc;
    if (!calc) return { shown, spills };
    const claimed = new Set<string>();
    for (const row of [...sheet.cells.keys()].sort((a, b) => a - b)) {
      const cols = sheet.cells.get(row) as Map<number, FakeCell>;
      for (const col of [...cols.keys()].sort((a, b) => a - b)) {
        const cell = cols.get(col) as FakeCell;
        if (cell.formula === undefined) continue;
        const result = calc(sheet.name, r1c1ToA1(cell.formula, row, col), row, col);
        if (!Array.isArray(result)) {
          shown.set(`${row},${col}`, result);
          continue;
        }
        const rows = result.length;
        const width = result[0]?.length ?? 0;
        let blocked = false;
        for (let i = 0; i < rows && !blocked; i++)
          for (let j = 0; j < width && !blocked; j++) {
            if (i === 0 && j === 0) continue;
            const other = sheet.get(row + i, col + j);
            if ((other && !isBlankCell(other) && (other.value !== "" || other.formula !== undefined)) || claimed.has(`${row + i},${col + j}`)) blocked = true;
          }
        if (blocked) {
          shown.set(`${row},${col}`, "#SPILL!");
          continue;
        }
        for (let i = 0; i < rows; i++)
          for (let j = 0; j < width; j++) {
            shown.set(`${row + i},${col + j}`, result[i][j]);
            claimed.add(`${row + i},${col + j}`);
          }
        if (rows * width > 1) spills.set(`${row},${col}`, { sheet, row, col, rows, cols: width });
      }
    }
    return { shown, spills };
  }

  /** The anchor of the spill a single cell belongs to, or null (Range.getSpillParentOrNullObject). */
  spillParentOf(r: Rect): Rect | null {
    if (r.rows !== 1 || r.cols !== 1) return null;
    for (const s of this.calculated(r.sheet).spills.values()) {
      if (r.row >= s.row && r.row < s.row + s.rows && r.col >= s.col && r.col < s.col + s.cols)
        return { sheet: s.sheet, row: s.row, col: s.col, rows: 1, cols: 1 };
    }
    return null;
  }

  /** The range a defined name refers to, the sheet's own name first (Worksheet.getRange(name)); null when `text` names none. */
  namedRect(sheet: FakeSheet, text: string): Rect | null {
    const key = text.trim().toLowerCase();
    const n =
      this.names.find((x) => x.scope.toLowerCase() === sheet.name.toLowerCase() && x.name.toLowerCase() === key) ??
      this.names.find((x) => x.scope === "workbook" && x.name.toLowerCase() === key);
    if (!n) return null;
    const a = parseAddress(n.reference.replace(/^=/, ""));
    const target = a.sheet === undefined ? sheet : this.findSheet(a.sheet);
    if (!target) throw new FakeExcelError("InvalidArgument", `The name ${text} refers to a sheet that does not exist.`);
    return { sheet: target, row: a.row, col: a.col, rows: a.rows, cols: a.cols };
  }

  /** The spill range of an anchor cell, or null (Range.getSpillingToRangeOrNullObject). */
  spillOf(r: Rect): Rect | null {
    if (r.rows !== 1 || r.cols !== 1) return null;
    return this.calculated(r.sheet).spills.get(`${r.row},${r.col}`) ?? null;
  }

  readRange(r: Rect, prop: string): unknown {
    switch (prop) {
      case "address":
        return rectAddress(r);
      case "rowIndex":
        return r.row;
      case "columnIndex":
        return r.col;
      case "rowCount":
        return r.rows;
      case "columnCount":
        return r.cols;
    }
    if (prop === "valueTypes") return (this.readRange(r, "values") as unknown[][]).map((row) => row.map(valueTypeOf));
    const out: unknown[][] = [];
    const { shown } = prop === "values" || prop === "formulas" || prop === "formulasR1C1" ? this.calculated(r.sheet) : { shown: new Map<string, Scalar>() };
    if (prop === "values" && this.busyReads > 0) {
      let formulas = false;
      for (let i = 0; i < r.rows; i++)
        for (let j = 0; j < r.cols; j++) {
          if (r.sheet.get(r.row + i, r.col + j)?.formula === undefined) continue;
          shown.set(`${r.row + i},${r.col + j}`, "#BUSY!");
          formulas = true;
        }
      if (formulas) this.busyReads--;
    }
    for (let i = 0; i < r.rows; i++) {
      const row: unknown[] = [];
      for (let j = 0; j < r.cols; j++) {
        const cell = r.sheet.get(r.row + i, r.col + j);
        const calculated = shown.get(`${r.row + i},${r.col + j}`);
        if (prop === "numberFormat") row.push(cell?.numberFormat ?? "General");
        else if (calculated !== undefined && (prop === "values" || !cell?.formula)) row.push(calculated);
        else if (!cell) row.push("");
        else if (cell.formula) row.push(prop === "formulasR1C1" ? cell.formula : r1c1ToA1(cell.formula, r.row + i, r.col + j));
        else row.push(cell.value);
      }
      out.push(row);
    }
    return out;
  }

  /** The bounding box of used cells in `r` (values or formulas; with formats unless valuesOnly). */
  usedRect(r: Rect, valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [row, cols] of r.sheet.cells) {
      if (row < r.row || row >= r.row + r.rows) continue;
      for (const [col, cell] of cols) {
        if (col < r.col || col >= r.col + r.cols) continue;
        const used = valuesOnly ? cell.value !== "" || cell.formula !== undefined : !isBlankCell(cell);
        if (!used) continue;
        top = Math.min(top, row);
        bottom = Math.max(bottom, row);
        left = Math.min(left, col);
        right = Math.max(right, col);
      }
    }
    for (const s of this.calculated(r.sheet).spills.values()) {
      // Spilled cells are used (clipped to `r`).
      const t = Math.max(s.row, r.row);
      const b = Math.min(s.row + s.rows, r.row + r.rows) - 1;
      const l = Math.max(s.col, r.col);
      const rt = Math.min(s.col + s.cols, r.col + r.cols) - 1;
      if (t > b || l > rt) continue;
      top = Math.min(top, t);
      bottom = Math.max(bottom, b);
      left = Math.min(left, l);
      right = Math.max(right, rt);
    }
    if (bottom < 0) return null;
    return { sheet: r.sheet, row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  clearRect(r: Rect, applyTo: "All" | "Contents" | "Formats"): void {
    this.assertWritable(r.sheet);
    for (let i = 0; i < r.rows; i++) {
      for (let j = 0; j < r.cols; j++) {
        const cell = r.sheet.get(r.row + i, r.col + j);
        if (!cell) continue;
        if (applyTo === "All") r.sheet.remove(r.row + i, r.col + j);
        else if (applyTo === "Contents") {
          cell.value = "";
          delete cell.formula;
        } else {
          cell.numberFormat = "General";
          delete cell.fontColor;
          delete cell.bold;
          delete cell.italic;
          delete cell.fillColor;
        }
      }
    }
  }

  // ---- test helpers: what a user does by hand (not Office.js) ----

  /** Review → Protect Sheet (every cell locked): changes to the sheet throw AccessDenied. */
  protectSheet(sheet: string, on = true): void {
    this.sheet(sheet).isProtected = on;
  }

  /**
   * The whole workbook as comparable text: sheets in order with every non-blank cell (value,
   * formula, number format, font, fill, validation), column widths, frozen panes, charts and
   * protection; tables; defined names; settings. UI state (active sheet, selection) and the
   * fake's call records are left out.
   */
  workbookState(): string {
    const out: string[] = [];
    for (const s of this.sheets) {
      out.push(
        `sheet ${JSON.stringify(s.name)}${s.isProtected ? " (protected)" : ""}${s.visibility !== "Visible" ? ` (${s.visibility})` : ""} freeze ${JSON.stringify(s.freeze ?? null)}`
      );
      for (const [address, text] of [...s.notes.entries()].sort()) out.push(`  note ${address} ${JSON.stringify(text)}`);
      const widths = [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]);
      if (widths.length > 0) out.push(`  widths ${widths.map(([c, w]) => `${colLetters(c)}=${w}`).join(" ")}`);
      const rows = [...s.cells.keys()].sort((a, b) => a - b);
      for (const row of rows) {
        const cols = s.cells.get(row) as Map<number, FakeCell>;
        for (const col of [...cols.keys()].sort((a, b) => a - b)) {
          const c = cols.get(col) as FakeCell;
          if (!isBlankCell(c)) out.push(`  ${a1(row, col)} ${JSON.stringify(c, Object.keys(c).sort())}`);
        }
      }
      for (const c of s.charts) out.push(`  chart ${JSON.stringify(c)}`);
    }
    for (const t of [...this.tables].sort((a, b) => a.name.localeCompare(b.name)))
      out.push(`table ${t.name} ${t.sheet.name}!${this.tableAddress(t.name)} ${t.style} headers=${t.showHeaders} totals=${t.showTotals}`);
    for (const n of [...this.names].sort((a, b) => `${a.scope}/${a.name}`.localeCompare(`${b.scope}/${b.name}`)))
      out.push(`name ${n.scope}/${n.name} ${n.reference}${n.comment !== undefined ? ` (${n.comment})` : ""}`);
    for (const k of [...this.settings.keys()].sort()) out.push(`setting ${k} ${JSON.stringify(this.settings.get(k))}`);
    return out.join("\n");
  }

  /**
   * Selects `address` on `sheet` (what getSelectedRange returns), with `active` the active cell
   * (default: the top-left cell), and fires the selection-changed handlers, as a user does.
   */
  select(sheet: string, address: string, active?: string): void {
    this.selection = { sheet, address };
    this.activeCell = active;
    for (const r of [...this.selectionHandlers]) void Promise.resolve().then(() => r.handler({ workbook: r.workbook }));
  }

  /**
   * Types into cells from `topLeft`, as a user would: "=…" becomes a formula (A1), numbers stay
   * numbers, other strings text; null leaves a cell alone.
   */
  type(sheet: string, topLeft: string, rows: (Scalar | null)[][]): void {
    const s = this.sheet(sheet);
    const a = parseAddress(topLeft);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return;
        const cell = s.ensure(a.row + i, a.col + j);
        if (typeof v === "string" && v.startsWith("=")) {
          cell.value = "";
          cell.formula = a1ToR1C1(v, a.row + i, a.col + j);
        } else {
          delete cell.formula;
          cell.value = v;
        }
      })
    );
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const a = parseAddress(address);
    return this.sheet(sheet).get(a.row, a.col);
  }

  /** Constants of a range (formula cells give their A1 formula), "" for blank cells. */
  read(sheet: string, address: string): unknown[][] {
    const a = parseAddress(address);
    return this.readRange({ sheet: this.sheet(sheet), row: a.row, col: a.col, rows: a.rows, cols: a.cols }, "formulas") as unknown[][];
  }

  /** Number formats of a range. */
  formats(sheet: string, address: string): unknown[][] {
    const a = parseAddress(address);
    return this.readRange({ sheet: this.sheet(sheet), row: a.row, col: a.col, rows: a.rows, cols: a.cols }, "numberFormat") as unknown[][];
  }

  /** Every non-empty cell of a sheet as "A1" → cell (for "nothing else changed" checks). */
  snapshot(sheet: string): Map<string, FakeCell> {
    const out = new Map<string, FakeCell>();
    for (const [row, cols] of this.sheet(sheet).cells) for (const [col, cell] of cols) out.set(a1(row, col), { ...cell });
    return out;
  }

  tableAddress(name: string): string {
    const t = this.table(name);
    return rectAddress({ sheet: t.sheet, row: t.top, col: t.left, rows: t.rows, cols: t.cols }, false);
  }

  /** The user deletes a table; `keepCells` as Convert to Range (true) or Delete (false). */
  deleteTable(name: string, keepCells = true): void {
    const t = this.table(name);
    this.tables.splice(this.tables.indexOf(t), 1);
    if (!keepCells) this.clearRect({ sheet: t.sheet, row: t.top, col: t.left, rows: t.rows, cols: t.cols }, "All");
  }

  renameTable(name: string, newName: string): void {
    this.renameTableChecked(this.table(name), newName);
  }

  /** The user drags the table's corner (or types next to it and Excel extends it). */
  resizeTable(name: string, address: string): void {
    const t = this.table(name);
    const a = parseAddress(address);
    this.resizeTableChecked(t, { sheet: t.sheet, row: a.row, col: a.col, rows: a.rows, cols: a.cols });
  }

  /** The user adds a column at the table's right edge: header text and a formula for every row. */
  addTableColumn(name: string, header: string, formulaA1ForFirstRow: string | null): void {
    const t = this.table(name);
    const col = t.left + t.cols;
    this.resizeTableChecked(t, { sheet: t.sheet, row: t.top, col: t.left, rows: t.rows, cols: t.cols + 1 });
    this.type(t.sheet.name, a1(t.top, col), [[header]]);
    if (formulaA1ForFirstRow !== null) {
      const r1c1 = a1ToR1C1(formulaA1ForFirstRow, t.top + 1, col);
      for (let r = t.top + 1; r < t.top + t.rows; r++) {
        const cell = t.sheet.ensure(r, col);
        cell.value = "";
        cell.formula = r1c1;
      }
    }
  }
}
