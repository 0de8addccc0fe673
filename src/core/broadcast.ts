/**
 * Broadcasting arguments the way Excel's own arithmetic pairs arrays (=A2:A10*B2:B10): arrays of
 * the same shape pair element by element, a single value (or a 1×1 array) pairs with every
 * element, a column against a row gives the grid, and a column (row) against a table with as
 * many rows (columns) is repeated across it. Each dimension must match or be 1.
 *
 * One difference from Excel, on purpose: Excel pads the shorter of two mismatched arrays with
 * #N/A ({1;2;3}+{1;2} is {2;4;#N/A}); here shapes that cannot pair (2×3 against 3×2) give one
 * #VALUE! naming both shapes, because a misaligned pair of columns is a mistake to show, not a
 * result to spill (issue 14).
 *
 * Pure: no Office, no HyperFormula. The runner (spec.ts) uses it for every function.
 */
import { CellError, valueError } from "./errors";

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/** A 2-D array as Excel passes a range (rows of cells). */
export type Grid = readonly (readonly unknown[])[];

export const isGrid = (x: unknown): x is Grid => Array.isArray(x);

const shown = (s: Shape): string => `${s.rows}×${s.cols}`;

/**
 * The shape of a 2-D array: rows, and the width of its first row. A 1-D array (a JavaScript
 * caller's, never Excel's) is one row. Empty, or rows of different widths: #VALUE!.
 */
export function shapeOf(name: string, x: readonly unknown[]): Shape | CellError {
  const rows = x.length;
  if (rows === 0) return valueError(`${name} is an empty array`);
  const first = x[0];
  if (!Array.isArray(first)) {
    // A flat list of values: one row. Nested deeper than 2-D is refused below, element by element.
    return { rows: 1, cols: rows };
  }
  const cols = first.length;
  if (cols === 0) return valueError(`${name} is an empty array`);
  for (let r = 1; r < rows; r++) {
    const row = x[r];
    if (!Array.isArray(row) || row.length !== cols)
      return valueError(`${name} is not rectangular: row 1 has ${cols} values, row ${r + 1} has ${Array.isArray(row) ? row.length : 1}`);
  }
  return { rows, cols };
}

/**
 * The shape every argument broadcasts to, or one #VALUE! naming the first two shapes that cannot
 * pair. `args[i]` is a scalar or a grid; `names[i]` names it in the message. Null when no
 * argument is an array (the caller keeps its scalar path).
 */
export function broadcastShape(names: readonly string[], args: ArrayLike<unknown>): Shape | CellError | null {
  let rows = 1;
  let cols = 1;
  let rowsFrom = -1; // the argument that set rows (> 1), for the message
  let colsFrom = -1;
  let any = false;
  const shapes: (Shape | null)[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!isGrid(a)) {
      shapes.push(null);
      continue;
    }
    any = true;
    const s = shapeOf(names[i] ?? `argument ${i + 1}`, a);
    if (s instanceof CellError) return s;
    shapes.push(s);
    if (s.rows !== 1) {
      if (rows === 1) {
        rows = s.rows;
        rowsFrom = i;
      } else if (s.rows !== rows) return mismatch(names, shapes, rowsFrom, i);
    }
    if (s.cols !== 1) {
      if (cols === 1) {
        cols = s.cols;
        colsFrom = i;
      } else if (s.cols !== cols) return mismatch(names, shapes, colsFrom, i);
    }
  }
  return any ? { rows, cols } : null;
}

function mismatch(names: readonly string[], shapes: readonly (Shape | null)[], a: number, b: number): CellError {
  const sa = shapes[a] as Shape;
  const sb = shapes[b] as Shape;
  return valueError(
    `${names[a] ?? `argument ${a + 1}`} is ${shown(sa)} and ${names[b] ?? `argument ${b + 1}`} is ${shown(sb)}: ` +
      `arrays pair when each dimension is equal or 1 (a single value, a column or a row)`
  );
}

/** Element (r, c) of an argument broadcast to a larger shape: a scalar is itself, a 1-wide dimension repeats. */
export function elementAt(x: unknown, r: number, c: number): unknown {
  if (!isGrid(x)) return x;
  const first = x[0];
  if (!Array.isArray(first)) return x.length === 1 ? first : (x as readonly unknown[])[c]; // a flat list is one row
  const row = x.length === 1 ? first : x[r];
  return row.length === 1 ? row[0] : row[c];
}

/**
 * Calls `f` on every element of the broadcast arguments; `f` receives the elements in `into`
 * (reused: read it before returning). Null when no argument is an array.
 */
export function broadcastMap<T>(names: readonly string[], args: ArrayLike<unknown>, into: unknown[], f: (elements: unknown[]) => T): T[][] | CellError | null {
  const shape = broadcastShape(names, args);
  if (shape === null || shape instanceof CellError) return shape;
  const n = args.length;
  const out: T[][] = new Array<T[]>(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const row: T[] = new Array<T>(shape.cols);
    for (let c = 0; c < shape.cols; c++) {
      for (let i = 0; i < n; i++) into[i] = elementAt(args[i], r, c);
      row[c] = f(into);
    }
    out[r] = row;
  }
  return out;
}
