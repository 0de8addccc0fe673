/**
 * How the pane shows a dataset's cells in its preview: the way Excel will show them once
 * inserted (percent as %, FLOP counts in scientific notation, blanks blank), without Excel.
 */
import type { CellValue, Column } from "../data/types";

/** Decimal places a number format asks for: "0.00%" → 2, "0.00E+00" → 2, "#,##0" → 0; null if none is given. */
export function formatDecimals(numberFormat: string): number | null {
  const section = numberFormat.split(";")[0] ?? "";
  if (!/[0#]/.test(section)) return null;
  const match = /\.([0#]+)/.exec(section);
  return match ? match[1].length : 0;
}

/** "3.14E+23", as Excel's 0.00E+00 shows it. */
export function formatScientific(value: number, decimals: number): string {
  const [mantissa, exponent] = value.toExponential(decimals).split("e");
  const exp = Number(exponent);
  const sign = exp < 0 ? "-" : "+";
  return `${mantissa}E${sign}${String(Math.abs(exp)).padStart(2, "0")}`;
}

function formatPlain(value: number, decimals: number | null, grouping: boolean): string {
  const digits = decimals ?? undefined;
  return new Intl.NumberFormat("en-US", {
    useGrouping: grouping,
    minimumFractionDigits: digits ?? 0,
    maximumFractionDigits: digits ?? 6,
  }).format(value);
}

/**
 * One cell as text for the preview.
 * @example formatCell(0.0047, { type: "percent", numberFormat: "0.00%", ... }) // "0.47%"
 * @example formatCell(3.14e23, { type: "flop", numberFormat: "0.00E+00", ... }) // "3.14E+23"
 * @example formatCell(null, anyColumn) // ""
 */
export function formatCell(value: CellValue, column: Pick<Column, "type" | "numberFormat">): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);

  const format = column.numberFormat ?? "";
  const decimals = formatDecimals(format);
  if (column.type === "percent" || format.includes("%")) {
    return `${formatPlain(value * 100, decimals ?? 2, false)}%`;
  }
  if (column.type === "flop" || /E[+-]/i.test(format)) {
    return formatScientific(value, decimals ?? 2);
  }
  if (column.type === "integer") {
    // Years are integers too: group thousands only when the format asks for it.
    return formatPlain(value, decimals ?? 0, format.includes(","));
  }
  return formatPlain(value, decimals, format.includes(","));
}

/** Is this column right-aligned (numbers) in the preview? */
export function isNumericColumn(column: Pick<Column, "type">): boolean {
  return column.type !== "text" && column.type !== "date" && column.type !== "month";
}
