/**
 * Row keys of the updater's diff and of the corrections file: the key column's text, a repeated
 * value numbered by its occurrence ("P-LLama3", "P-LLama3 #2"), in row order.
 *
 * The keys are unique whatever the values: a text that already ends in " #<digits>" or is
 * wrapped in parentheses always carries its occurrence ("Dup #2" → "Dup #2 #1"), so it can never
 * meet the numbered repeat of another value ("Dup", "Dup" → "Dup", "Dup #2"); a value that is
 * not text is shown in parentheses ("(blank)", "(blank #2)", "(42)"), which no plain text key is.
 */
import type { CellValue } from "../src/data/types";

/** Texts that would look like a numbered repeat or a non-text value if left bare. */
const LOOKS_NUMBERED = / #\d+$/;
const LOOKS_BRACKETED = /^\(.*\)$/s;

/** The key of the n-th occurrence (1-based) of a value. */
export function rowKey(value: CellValue, n: number): string {
  if (typeof value === "string") {
    if (n === 1 && !LOOKS_NUMBERED.test(value) && !LOOKS_BRACKETED.test(value)) return value;
    return `${value} #${n}`;
  }
  const shown = value === null ? "blank" : String(value);
  return n === 1 ? `(${shown})` : `(${shown} #${n})`;
}

/**
 * The key of every row, by the value in column `keyIndex` (the first column by default).
 * Example: `rowKeys([["A"], ["A"], ["A #2"]])` → `["A", "A #2", "A #2 #1"]`.
 */
export function rowKeys(rows: readonly (readonly CellValue[])[], keyIndex = 0): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const v = r[keyIndex] ?? null;
    const id = `${typeof v}:${String(v)}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return rowKey(v, n);
  });
}
