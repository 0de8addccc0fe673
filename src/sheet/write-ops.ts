/**
 * Write operations: what an adapter does to a workbook, as plain data (absolute rectangles of a
 * named sheet), and the pure steps around them: a plan's cell writes, note lines, the request
 * size estimate (of the JSON Office.js sends) and the packing into batches. Shared by every
 * adapter: Excel applies the ops with Office.js, the workbench to HyperFormula, the .xlsx writer
 * to an ExcelJS workbook; nothing here touches an engine.
 */
import { utf8Length } from "../core/utf8";
import { absolute, spillCovering, rangeAddress, type CellOffset, type CellStyle, type PlanValue, type RangeOffset, type SheetPlan } from "./plan";

export { utf8Length };

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
