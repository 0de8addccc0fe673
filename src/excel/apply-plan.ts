/**
 * Applies a SheetPlan to Excel with Office.js: all writes queued, as few context.sync() calls as
 * the payload allows (one for anything under ~4 MB), calculation suspended while writing.
 *
 * The work is split in two layers:
 * - pure: a plan (or a refresh) becomes a list of WriteOps on absolute cell rectangles; the ops
 *   are estimated in bytes (the JSON Office.js sends) and packed into batches, splitting large
 *   grids into row chunks so that no request nears Excel on the web's 5 MB limit;
 * - Office.js: queueOp() turns one WriteOp into proxy calls, applyPlan() runs the batches.
 *
 * Requirement sets used: ExcelApi 1.1 (ranges, values, formats, charts.add), 1.2 (autofit,
 * formulasR1C1), 1.3 (tables.add with a Range), 1.4 (settings, names.add), 1.6
 * (suspendApiCalculationUntilNextSync, skipped when missing), 1.7 (freeze panes, chart series
 * and axis scale), 1.8 (data validation, axis number formats), 1.13 (table.resize, refresh).
 */
import { utf8Length } from "../core/utf8";
import type { SkippedFeature } from "../sheet/workbook";

export { utf8Length };
import {
  absolute,
  absoluteRef,
  assertValidPlan,
  parseCell,
  rangeAddress,
  spillCovering,
  type CellOffset,
  type CellStyle,
  type ChartKind,
  type PlanValue,
  type RangeOffset,
  type SheetPlan,
} from "../sheet/plan";

// ---------------------------------------------------------------------------------------------
// Write ops (pure data)
// ---------------------------------------------------------------------------------------------

/** A write on an absolute rectangle (zero-based row/col) of a named sheet. */
export type WriteOp =
  /** One number format for every cell of the rectangle. */
  | { kind: "numberFormat"; sheet: string; at: RangeOffset; format: string }
  /** A number format per cell; null leaves the cell's format as it is. */
  | { kind: "numberFormatGrid"; sheet: string; at: RangeOffset; formats: (string | null)[][] }
  /** Literal values; "" clears a cell, null leaves it as it is. */
  | { kind: "values"; sheet: string; at: RangeOffset; values: PlanValue[][] }
  /** A1 formulas; null leaves the cell as it is. */
  | { kind: "formulas"; sheet: string; at: RangeOffset; formulas: (string | null)[][] }
  /** R1C1 formulas or constants (as read from formulasR1C1); null leaves the cell as it is. */
  | { kind: "formulasR1C1"; sheet: string; at: RangeOffset; formulas: PlanValue[][] }
  /** One R1C1 formula for every cell of the rectangle (a calculated column filled down). */
  | { kind: "fillR1C1"; sheet: string; at: RangeOffset; formula: string }
  | { kind: "style"; sheet: string; at: RangeOffset; style: CellStyle }
  | { kind: "clear"; sheet: string; at: RangeOffset; applyTo: "All" | "Contents" }
  /** Table.resize (ExcelApi 1.13) to the rectangle (header row included). */
  | { kind: "resizeTable"; sheet: string; table: string; at: RangeOffset }
  /** A workbook setting (ExcelApi 1.4); value is a string (JSON). */
  | { kind: "setting"; key: string; value: string }
  /** Removes a workbook setting (ExcelApi 1.4); it must exist. */
  | { kind: "deleteSetting"; key: string }
  /** Deletes a worksheet (ExcelApi 1.1); it must exist. */
  | { kind: "deleteSheet"; sheet: string }
  /** Deletes a table and its cells' contents (ExcelApi 1.1); it must exist. */
  | { kind: "deleteTable"; table: string };

/** Bytes of JSON for a value: exact for grids of primitives, computed row by row. */
export function jsonBytes(value: unknown): number {
  if (Array.isArray(value) && value.length > 0 && Array.isArray(value[0])) {
    let n = 2 + value.length - 1; // [ ] and commas between rows
    for (const row of value as unknown[]) n += utf8Length(JSON.stringify(row));
    return n;
  }
  return utf8Length(JSON.stringify(value) ?? "null");
}

/** What an action costs beyond its data (ids, method name, object path): a generous guess. */
export const OP_OVERHEAD_BYTES = 160;

function opPayload(op: WriteOp): unknown {
  switch (op.kind) {
    case "numberFormat":
      return op.format;
    case "numberFormatGrid":
    case "values":
    case "formulas":
    case "formulasR1C1":
      return gridOf(op);
    case "fillR1C1":
      return op.formula;
    case "style":
      return op.style;
    case "clear":
      return op.applyTo;
    case "resizeTable":
      return rangeAddress(op.at);
    case "setting":
      return [op.key, op.value];
    case "deleteSetting":
      return op.key;
    case "deleteSheet":
      return null;
    case "deleteTable":
      return op.table;
  }
}

/** Estimated request bytes of one op. */
export function opBytes(op: WriteOp): number {
  const sheetBytes = "sheet" in op ? utf8Length(op.sheet) : 0;
  return OP_OVERHEAD_BYTES + sheetBytes + jsonBytes(opPayload(op));
}

/** Above this estimate a write is split into several syncs. */
export const CHUNK_THRESHOLD_BYTES = 4_000_000;
/** The size each chunk aims at (leaves room for the table, chart and tracking ops of the last). */
export const CHUNK_TARGET_BYTES = 3_000_000;

export interface PackOptions {
  thresholdBytes?: number;
  targetBytes?: number;
}

type GridOp = Extract<WriteOp, { kind: "numberFormatGrid" | "values" | "formulas" | "formulasR1C1" }>;

function gridOf(op: GridOp): unknown[][] {
  switch (op.kind) {
    case "numberFormatGrid":
      return op.formats;
    case "values":
      return op.values;
    case "formulas":
    case "formulasR1C1":
      return op.formulas;
  }
}

function withRows(op: GridOp, from: number, to: number): GridOp {
  const at = { row: op.at.row + from, col: op.at.col, rows: to - from, cols: op.at.cols };
  switch (op.kind) {
    case "numberFormatGrid":
      return { ...op, at, formats: op.formats.slice(from, to) };
    case "values":
      return { ...op, at, values: op.values.slice(from, to) };
    case "formulas":
      return { ...op, at, formulas: op.formulas.slice(from, to) };
    case "formulasR1C1":
      return { ...op, at, formulas: op.formulas.slice(from, to) };
  }
}

function isGridOp(op: WriteOp): op is GridOp {
  return op.kind === "numberFormatGrid" || op.kind === "values" || op.kind === "formulas" || op.kind === "formulasR1C1";
}

/**
 * Splits a grid op into row chunks of at most `target` estimated bytes each (the first of at
 * most `first`, to fill what is left of a batch). A chunk always has at least one row.
 */
export function splitOp(op: WriteOp, target: number, first = target): WriteOp[] {
  if (!isGridOp(op)) return [op];
  if (opBytes(op) <= first) return [op];
  const grid = gridOf(op);
  const fixed = OP_OVERHEAD_BYTES + utf8Length(op.sheet) + 2;
  const out: WriteOp[] = [];
  let start = 0;
  let bytes = fixed;
  for (let r = 0; r < grid.length; r++) {
    const rowBytes = utf8Length(JSON.stringify(grid[r])) + 1;
    if (r > start && bytes + rowBytes > (out.length === 0 ? first : target)) {
      out.push(withRows(op, start, r));
      start = r;
      bytes = fixed;
    }
    bytes += rowBytes;
  }
  out.push(withRows(op, start, grid.length));
  return out;
}

/**
 * Packs ops, in order, into batches (one context.sync() each). Everything goes into one batch
 * when the total estimate is at most `thresholdBytes`; otherwise large grids are split into row
 * chunks and batches are filled up to `targetBytes` (a grid's first chunk fills what is left of
 * the current batch). Order is kept, so a cell's number format is always queued before its value.
 */
export function packBatches(ops: readonly WriteOp[], options: PackOptions = {}): WriteOp[][] {
  return packTaggedBatches(
    ops.map((op) => ({ op, tag: 0 })),
    options
  ).map((batch) => batch.map((item) => item.op));
}

/** An op with what it belongs to (e.g. the index of the table a refresh writes). */
export interface TaggedOp<T> {
  op: WriteOp;
  tag: T;
}

/** packBatches for ops that carry a tag: every chunk of a split op keeps its op's tag. */
export function packTaggedBatches<T>(items: readonly TaggedOp<T>[], options: PackOptions = {}): TaggedOp<T>[][] {
  const threshold = options.thresholdBytes ?? CHUNK_THRESHOLD_BYTES;
  const target = options.targetBytes ?? CHUNK_TARGET_BYTES;
  const total = items.reduce((n, item) => n + opBytes(item.op), 0);
  if (total <= threshold) return [items.slice()];
  const batches: TaggedOp<T>[][] = [];
  let current: TaggedOp<T>[] = [];
  let bytes = 0;
  for (const { op: whole, tag } of items) {
    for (const op of splitOp(whole, target, Math.max(0, target - bytes))) {
      const b = opBytes(op);
      if (current.length > 0 && bytes + b > target) {
        batches.push(current);
        current = [];
        bytes = 0;
      }
      current.push({ op, tag });
      bytes += b;
    }
  }
  if (current.length > 0 || batches.length === 0) batches.push(current);
  return batches;
}

// ---------------------------------------------------------------------------------------------
// Plan → ops (pure)
// ---------------------------------------------------------------------------------------------

/** Text is always written into cells formatted as text, so Excel never parses it. */
export const TEXT_FORMAT = "@";

/**
 * The cell writes of a plan (blocks and notes), on absolute positions. Enforces the security
 * rule: every non-empty string value gets the "@" format, queued before the value, whatever
 * the plan says; formula cells never get "@" (Excel would keep the formula as text).
 */
export function planCellOps(plan: SheetPlan, sheet: string, origin: CellOffset): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const block of plan.blocks) {
    const h = block.values.length;
    const w = block.values[0].length;
    const at = absolute(origin, { ...block.at, rows: h, cols: w });
    const formulaAt = (r: number, c: number): string | null => block.formulas?.[r]?.[c] ?? null;
    const formatAt = (r: number, c: number): string | null => {
      const planned = block.cellFormats?.[r]?.[c] ?? block.columnFormats?.[c] ?? null;
      if (formulaAt(r, c) !== null) return planned === TEXT_FORMAT ? "General" : planned;
      const v = block.values[r][c];
      if (typeof v === "string" && v !== "") return TEXT_FORMAT;
      return planned;
    };
    // Number formats: one op per run of columns sharing a single format, a grid otherwise.
    let runStart = -1;
    let runFormat: string | null = null;
    const flush = (end: number): void => {
      if (runStart >= 0 && runFormat !== null) {
        ops.push({ kind: "numberFormat", sheet, at: { row: at.row, col: at.col + runStart, rows: h, cols: end - runStart }, format: runFormat });
      }
      runStart = -1;
      runFormat = null;
    };
    for (let c = 0; c < w; c++) {
      const first = formatAt(0, c);
      let uniform = true;
      for (let r = 1; r < h && uniform; r++) uniform = formatAt(r, c) === first;
      if (uniform) {
        if (runStart >= 0 && runFormat === first) continue;
        flush(c);
        if (first !== null) {
          runStart = c;
          runFormat = first;
        }
      } else {
        flush(c);
        const formats: (string | null)[][] = [];
        for (let r = 0; r < h; r++) formats.push([formatAt(r, c)]);
        ops.push({ kind: "numberFormatGrid", sheet, at: { row: at.row, col: at.col + c, rows: h, cols: 1 }, formats });
      }
    }
    flush(w);
    // Values: blanks clear the cell; formula cells are left for the formulas op, spilled cells
    // unwritten (even "" there would block the spill).
    const spilled = (r: number, c: number): boolean =>
      plan.spills !== undefined && spillCovering(plan, { row: block.at.row + r, col: block.at.col + c }) !== undefined;
    const values = block.values.map((row, r) => row.map((v, c) => (formulaAt(r, c) !== null || spilled(r, c) ? null : v === null ? "" : v)));
    ops.push({ kind: "values", sheet, at, values });
    if (block.formulas) {
      let top = h;
      let bottom = -1;
      let left = w;
      let right = -1;
      block.formulas.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f !== null) {
            top = Math.min(top, r);
            bottom = Math.max(bottom, r);
            left = Math.min(left, c);
            right = Math.max(right, c);
          }
        })
      );
      if (bottom >= 0) {
        const formulas = block.formulas.slice(top, bottom + 1).map((row) => row.slice(left, right + 1));
        ops.push({ kind: "formulas", sheet, at: { row: at.row + top, col: at.col + left, rows: bottom - top + 1, cols: right - left + 1 }, formulas });
      }
    }
    if (block.style) ops.push({ kind: "style", sheet, at, style: block.style });
    block.columnStyles?.forEach((style, c) => {
      if (style) ops.push({ kind: "style", sheet, at: { row: at.row, col: at.col + c, rows: h, cols: 1 }, style });
    });
  }
  if (plan.notes && plan.notes.lines.length > 0) {
    ops.push(...noteOps(sheet, { row: origin.row + plan.notes.at.row, col: origin.col + plan.notes.at.col }, plan.notes.lines, plan.notes.style));
  }
  return ops;
}

/** Literal note lines, one per row from `at`: formatted "@" first, then written, then styled. */
export function noteOps(sheet: string, at: CellOffset, lines: readonly string[], style?: CellStyle): WriteOp[] {
  if (lines.length === 0) return [];
  const rect = { row: at.row, col: at.col, rows: lines.length, cols: 1 };
  const ops: WriteOp[] = [
    { kind: "numberFormat", sheet, at: rect, format: TEXT_FORMAT },
    { kind: "values", sheet, at: rect, values: lines.map((l) => [l]) },
  ];
  if (style) ops.push({ kind: "style", sheet, at: rect, style });
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Office.js
// ---------------------------------------------------------------------------------------------

/** Checks an ExcelApi requirement set, e.g. supports("1.13"). */
export type SupportsFn = (version: string) => boolean;

/** Excel's own check; false outside Office (tests pass their own). */
export const officeSupports: SupportsFn = (version) => {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
};

/**
 * Office.js applies a single value to every cell of a range ("Update all cells in a range" in
 * Microsoft's docs); the typings only declare the 2-D form, hence this one narrow cast.
 */
function broadcast(range: Excel.Range, property: "numberFormat" | "formulasR1C1", value: string): void {
  (range as unknown as Record<typeof property, string>)[property] = value;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  if (style.fontColor !== undefined) range.format.font.color = style.fontColor;
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.italic !== undefined) range.format.font.italic = style.italic;
  if (style.fillColor !== undefined) range.format.fill.color = style.fillColor;
}

/** Keeps one Worksheet proxy per name inside a batch. */
export class SheetCache {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(private readonly context: Excel.RequestContext) {}
  set(name: string, sheet: Excel.Worksheet): void {
    this.sheets.set(name, sheet);
  }
  get(name: string): Excel.Worksheet {
    let sheet = this.sheets.get(name);
    if (!sheet) {
      sheet = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, sheet);
    }
    return sheet;
  }
  range(name: string, at: RangeOffset): Excel.Range {
    return this.get(name).getRange(rangeAddress(at));
  }
}

/** Queues one op (no sync). `supports` guards the ops above the manifest's ExcelApi 1.4. */
export function queueOp(context: Excel.RequestContext, sheets: SheetCache, op: WriteOp, supports: SupportsFn): void {
  switch (op.kind) {
    case "numberFormat":
      broadcast(sheets.range(op.sheet, op.at), "numberFormat", op.format);
      return;
    case "numberFormatGrid":
      sheets.range(op.sheet, op.at).numberFormat = op.formats;
      return;
    case "values":
      sheets.range(op.sheet, op.at).values = op.values;
      return;
    case "formulas":
      sheets.range(op.sheet, op.at).formulas = op.formulas;
      return;
    case "formulasR1C1":
      sheets.range(op.sheet, op.at).formulasR1C1 = op.formulas;
      return;
    case "fillR1C1":
      broadcast(sheets.range(op.sheet, op.at), "formulasR1C1", op.formula);
      return;
    case "style":
      applyStyle(sheets.range(op.sheet, op.at), op.style);
      return;
    case "clear":
      sheets.range(op.sheet, op.at).clear(op.applyTo);
      return;
    case "resizeTable":
      // The refresh plans a resize only where Excel has it (ExcelApi 1.13, see refresh.ts).
      if (supports("1.13")) context.workbook.tables.getItem(op.table).resize(sheets.range(op.sheet, op.at));
      else throw new Error("Table.resize needs ExcelApi 1.13");
      return;
    case "setting":
      context.workbook.settings.add(op.key, op.value);
      return;
    case "deleteSetting":
      context.workbook.settings.getItem(op.key).delete();
      return;
    case "deleteSheet":
      context.workbook.worksheets.getItem(op.sheet).delete();
      return;
    case "deleteTable":
      context.workbook.tables.getItem(op.table).delete();
      return;
  }
}

/** Suspends recalculation until the next sync, where the host has it (ExcelApi 1.6). */
export function suspendCalculation(context: Excel.RequestContext, supports: SupportsFn): void {
  if (supports("1.6")) context.application.suspendApiCalculationUntilNextSync();
}

export interface BatchHooks {
  /** Queued at the start of the first batch (after the calculation suspension). */
  beforeFirst?: () => void;
  /** Queued at the end of the last batch. */
  beforeLast?: () => void;
  /**
   * The sync to use instead of context.sync(): lets a caller count every sync, a failed one
   * included, and know how many batches went through when this throws.
   */
  sync?: () => Promise<void>;
}

/** Queues each batch and syncs it; returns the number of syncs. */
export async function runBatches(
  context: Excel.RequestContext,
  sheets: SheetCache,
  batches: readonly WriteOp[][],
  supports: SupportsFn,
  hooks: BatchHooks = {}
): Promise<number> {
  const sync = hooks.sync ?? (() => context.sync());
  let syncs = 0;
  for (let i = 0; i < batches.length; i++) {
    suspendCalculation(context, supports);
    if (i === 0) hooks.beforeFirst?.();
    for (const op of batches[i]) queueOp(context, sheets, op, supports);
    if (i === batches.length - 1) hooks.beforeLast?.();
    await sync();
    syncs++;
  }
  return syncs;
}

/** String forms of Excel.ChartType (the enum objects only exist inside Office). */
const CHART_TYPES: Readonly<Record<ChartKind, "XYScatter" | "Line" | "ColumnClustered" | "BarClustered">> = {
  scatter: "XYScatter",
  line: "Line",
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
};

export interface ApplyPlanOptions extends PackOptions {
  supports?: SupportsFn;
  /** Ops queued at the very start of the first batch, before the sheet is added. */
  firstOps?: readonly WriteOp[];
  /** Ops queued right after the new sheet is added (newSheet), before the table. */
  afterSheetOps?: readonly WriteOp[];
  /** Ops queued right after the table is added and named (before its style, the names and any cell write). */
  afterTableOps?: readonly WriteOp[];
  /** Ops queued in the last batch after everything else (e.g. the tracking record). */
  finalOps?: readonly WriteOp[];
  /** The sync to use instead of context.sync() (see BatchHooks.sync). */
  sync?: () => Promise<void>;
}

export interface ApplyPlanResult {
  sheetName: string;
  origin: CellOffset;
  /** The table's address without the sheet, e.g. "A1:F8". */
  tableAddress?: string;
  syncs: number;
  /** Parts of the plan this Excel could not apply (missing requirement sets), each feature once. */
  skipped: SkippedFeature[];
}

/**
 * The parts of a plan this Excel cannot add, each feature once, in the order applyPlan meets
 * them. Pure, so an insert that recovers from a failed sync still knows what it skipped; the
 * conditions are the `supports` guards in applyPlan (tests/excel/apply-plan.test.ts holds the
 * two together: what this lists is exactly what the fake did not receive).
 * @example skippedFeatures(plan, (v) => v !== "1.8") // [{ feature: "dropDowns", requirement: "ExcelApi 1.8" }]
 */
export function skippedFeatures(plan: SheetPlan, supports: SupportsFn): SkippedFeature[] {
  const skipped: SkippedFeature[] = [];
  if ((plan.validations ?? []).length > 0 && !supports("1.8")) skipped.push({ feature: "dropDowns", requirement: "ExcelApi 1.8" });
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) && !supports("1.7")) skipped.push({ feature: "freezePanes", requirement: "ExcelApi 1.7" });
  const c = plan.chart;
  if (c) {
    const needsSeriesApi = c.series.length > 1 || c.series.some((s) => s.categories) || c.logValueAxis;
    if (needsSeriesApi && !supports("1.7")) skipped.push({ feature: "chart", requirement: "ExcelApi 1.7" });
    else if ((c.categoryAxisFormat || c.valueAxisFormat) && !supports("1.8")) skipped.push({ feature: "chartAxisFormats", requirement: "ExcelApi 1.8" });
  }
  return skipped;
}

/**
 * Room kept in a single-batch request for what is queued besides the cell writes (sheet, table,
 * names, chart, freeze panes, autofit…; the caller's extra ops are counted exactly), so that
 * the whole request stays under CHUNK_THRESHOLD_BYTES.
 */
export const PLAN_EXTRAS_BYTES = 32_000;

/**
 * Applies a plan in the given context: one sync when the writes fit in one request, more when
 * the values have to be chunked.
 *
 * Order, chosen so that a name conflict fails before any cell is written (in a failed batch
 * Office.js has applied the operations before the failing one and none after it):
 * - first batch: `firstOps`; the sheet (newSheet), which fails at once when the name is taken;
 *   `afterSheetOps`; the table over the still-empty range and its name, which fails when the
 *   table name is taken (leaving only the empty new sheet); `afterTableOps`; the table style;
 *   the defined names; then the first (or only) cell writes;
 * - last batch: the remaining cell writes, then validations, freeze panes, autofit, chart,
 *   activation and `finalOps` (e.g. the tracking record, so a record never exists for a table
 *   whose values were not all written).
 * Removing what a failed apply left behind is the caller's job (see insert.ts).
 */
export async function applyPlan(context: Excel.RequestContext, plan: SheetPlan, options: ApplyPlanOptions = {}): Promise<ApplyPlanResult> {
  assertValidPlan(plan);
  const supports = options.supports ?? officeSupports;
  const sheets = new SheetCache(context);
  const target = plan.target;
  const sheetName = target.kind === "newSheet" ? target.name : target.sheetName;
  const origin = target.kind === "newSheet" ? { row: 0, col: 0 } : parseCell(target.cell);
  const extraOps = [...(options.firstOps ?? []), ...(options.afterSheetOps ?? []), ...(options.afterTableOps ?? []), ...(options.finalOps ?? [])];
  const reserve = PLAN_EXTRAS_BYTES + extraOps.reduce((n, op) => n + opBytes(op), 0);
  const batches = packBatches(planCellOps(plan, sheetName, origin), {
    ...options,
    thresholdBytes: (options.thresholdBytes ?? CHUNK_THRESHOLD_BYTES) - reserve,
  });
  const abs = (r: RangeOffset): Excel.Range => sheets.range(sheetName, absolute(origin, r));

  const beforeFirst = (): void => {
    for (const op of options.firstOps ?? []) queueOp(context, sheets, op, supports);
    if (target.kind === "newSheet") sheets.set(sheetName, context.workbook.worksheets.add(sheetName));
    for (const op of options.afterSheetOps ?? []) queueOp(context, sheets, op, supports);
    const sheet = sheets.get(sheetName);
    if (plan.table) {
      const table = sheet.tables.add(abs(plan.table.range), true);
      table.name = plan.table.name;
      // Right after the name: a marker written here knows the table is this insert's (insert.ts).
      for (const op of options.afterTableOps ?? []) queueOp(context, sheets, op, supports);
      table.style = plan.table.style;
    } else for (const op of options.afterTableOps ?? []) queueOp(context, sheets, op, supports);
    for (const n of plan.names ?? []) {
      const collection = n.scope === "sheet" ? sheet.names : context.workbook.names;
      collection.add(n.name, abs(n.range), n.comment);
    }
  };
  const beforeLast = (): void => {
    const sheet = sheets.get(sheetName);
    const validations = plan.validations ?? [];
    if (supports("1.8")) {
      for (const v of validations) {
        const range = abs(v.range);
        range.dataValidation.clear();
        range.dataValidation.ignoreBlanks = v.allowBlank ?? true;
        // A reference source ("=$A$40:$A$62") for lists over Excel's 255-character typed limit.
        const source = v.listRange ? `=${absoluteRef(absolute(origin, v.listRange))}` : v.list.join(",");
        range.dataValidation.rule = { list: { inCellDropDown: true, source } };
      }
    }
    // What a guard below leaves out is reported by skippedFeatures (the same conditions).
    if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) && supports("1.7")) {
      if (plan.freeze.cols === 0) sheet.freezePanes.freezeRows(plan.freeze.rows);
      else if (plan.freeze.rows === 0) sheet.freezePanes.freezeColumns(plan.freeze.cols);
      else sheet.freezePanes.freezeAt(sheet.getRange(rangeAddress({ row: 0, col: 0, rows: plan.freeze.rows, cols: plan.freeze.cols })));
    }
    for (const a of plan.autofit ?? []) abs(a).format.autofitColumns();
    if (plan.chart) {
      const c = plan.chart;
      const needsSeriesApi = c.series.length > 1 || c.series.some((s) => s.categories) || c.logValueAxis;
      if (!needsSeriesApi || supports("1.7")) {
        const chart = sheet.charts.add(CHART_TYPES[c.kind], abs(c.series[0].values), "Columns");
        chart.title.text = c.title;
        chart.series.getItemAt(0).name = c.series[0].name;
        // Without ExcelApi 1.7 the chart has its first series only (needsSeriesApi is false).
        if (supports("1.7")) {
          c.series.forEach((s, i) => {
            const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
            if (i > 0) {
              series.name = s.name;
              series.setValues(abs(s.values));
            }
            if (s.categories) series.setXAxisValues(abs(s.categories));
          });
          if (c.logValueAxis) chart.axes.valueAxis.scaleType = "Logarithmic";
        }
        if (c.series.length === 1) chart.legend.visible = false;
        if (supports("1.8")) {
          if (c.categoryAxisFormat) chart.axes.categoryAxis.numberFormat = c.categoryAxisFormat;
          if (c.valueAxisFormat) chart.axes.valueAxis.numberFormat = c.valueAxisFormat;
        }
        const p = absolute(origin, c.position);
        chart.setPosition(
          sheet.getRange(rangeAddress({ ...p, rows: 1, cols: 1 })),
          sheet.getRange(rangeAddress({ row: p.row + p.rows - 1, col: p.col + p.cols - 1, rows: 1, cols: 1 }))
        );
      }
    }
    if (plan.activate) sheet.activate();
    for (const op of options.finalOps ?? []) queueOp(context, sheets, op, supports);
  };

  const syncs = await runBatches(context, sheets, batches, supports, { beforeFirst, beforeLast, ...(options.sync ? { sync: options.sync } : {}) });
  const result: ApplyPlanResult = { sheetName, origin, syncs, skipped: skippedFeatures(plan, supports) };
  if (plan.table) result.tableAddress = rangeAddress(absolute(origin, plan.table.range));
  return result;
}

/** The error code of an Office.js rejection ("InvalidArgument", "ItemNotFound"…), if any. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}
