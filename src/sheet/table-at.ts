/**
 * "Refresh the selected table" (issue 20): which of the tracked tables the selection is in or
 * overlaps, from A1 addresses with their sheet ("Sheet1!B3:C4", "'My sheet'!A1:F8", as Excel's
 * Range.address gives them). Pure, shared by the adapters.
 */
import { parseRangeAddress, type RangeOffset } from "./plan";

/** Whether two rectangles share a cell. */
export function rectanglesOverlap(a: RangeOffset, b: RangeOffset): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/**
 * The first table (in the order given) on the selection's sheet whose range shares a cell with
 * the selection; null when none does, or an address does not parse. Sheet names compare as
 * Excel compares them, without regard to case.
 * @example tableUnder("Sheet1!C5", [{ name: "AI_llm_comparison", address: "Sheet1!A1:F16" }]) // "AI_llm_comparison"
 */
export function tableUnder(selection: string, tables: readonly { name: string; address: string }[]): string | null {
  let at: ReturnType<typeof parseRangeAddress>;
  try {
    at = parseRangeAddress(selection);
  } catch {
    return null;
  }
  for (const table of tables) {
    let range: ReturnType<typeof parseRangeAddress>;
    try {
      range = parseRangeAddress(table.address);
    } catch {
      continue;
    }
    const sameSheet = (at.sheet ?? "").toLowerCase() === (range.sheet ?? "").toLowerCase();
    if (sameSheet && rectanglesOverlap(at, range)) return table.name;
  }
  return null;
}
