/**
 * Excel's General number format in a standard-width column, as a cell shows a number it has no
 * format for: at most 11 characters ("1.75E+11", "0.3", "3634.259259"). Shared by the pane's
 * explanations (src/functions/display.ts) and the workbench's grid (src/workbench/format.ts).
 */

/** An exponent as Excel writes it: sign and at least two digits ("+11", "-05"). */
export function exponentText(exp: number): string {
  return `${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}

/**
 * @example formatGeneral(175e9) // "1.75E+11"
 * @example formatGeneral(3634.2592592) // "3634.259259"
 */
export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [m, e] = n.toExponential(5).split("e");
    const mantissa = m.includes(".") ? m.replace(/0+$/, "").replace(/\.$/, "") : m;
    return `${mantissa}E${exponentText(Number(e))}`;
  }
  const sign = n < 0 ? 1 : 0;
  const intDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  const decimals = Math.max(0, Math.min(10, 11 - sign - intDigits - 1));
  let s = n.toFixed(decimals);
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s === "-0" ? "0" : s;
}
