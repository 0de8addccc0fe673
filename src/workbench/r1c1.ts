/**
 * A1 ⇄ R1C1 for formulas, as Excel's Range.formulasR1C1 reads and writes them. The refresh
 * logic (src/sheet/refresh-plan.ts) compares and moves formulas in R1C1 form, so the HyperFormula
 * workbook converts on the way in and out. Handles cell references with or without "$" and a
 * sheet prefix; string literals and quoted sheet names are left untouched. Whole-row and
 * whole-column references ("A:A", "1:1") are not converted. Pure.
 */
import { columnIndex, columnLetters, type CellOffset } from "../sheet/plan";

/** Splits a formula into code and literal parts ("…" strings and '…' sheet names). */
function segments(formula: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  let i = 0;
  let start = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      if (i > start) out.push({ code: true, text: formula.slice(start, i) });
      let j = i + 1;
      for (;;) {
        if (j >= formula.length) break;
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            j += 2; // doubled quote inside the literal
            continue;
          }
          break;
        }
        j++;
      }
      out.push({ code: false, text: formula.slice(i, j + 1) });
      i = j + 1;
      start = i;
    } else i++;
  }
  if (start < formula.length) out.push({ code: true, text: formula.slice(start) });
  return out;
}

const A1_REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(.])/g;
const R1C1_REF = /(^|[^A-Za-z0-9_.])[Rr](\[-?\d+\]|\d+)?[Cc](\[-?\d+\]|\d+)?(?![A-Za-z0-9_(.])/g;

/**
 * An A1 formula written in cell `at` (zero-based) as R1C1.
 * @example toR1C1("=A1*2+$B$1", { row: 1, col: 2 }) // "=R[-1]C[-2]*2+R1C2"
 */
export function toR1C1(formula: string, at: CellOffset): string {
  return segments(formula)
    .map((s) =>
      !s.code
        ? s.text
        : s.text.replace(A1_REF, (whole, pre: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
            let col: number;
            try {
              col = columnIndex(letters);
            } catch {
              return whole;
            }
            const row = Number(digits) - 1;
            if (row < 0) return whole;
            const r = rowAbs ? `R${row + 1}` : row === at.row ? "R" : `R[${row - at.row}]`;
            const c = colAbs ? `C${col + 1}` : col === at.col ? "C" : `C[${col - at.col}]`;
            return `${pre}${r}${c}`;
          })
    )
    .join("");
}

/**
 * An R1C1 formula written into cell `at` (zero-based) as A1.
 * @example toA1("=R[-1]C[-2]*2+R1C2", { row: 1, col: 2 }) // "=A1*2+$B$1"
 */
export function toA1(formula: string, at: CellOffset): string {
  return segments(formula)
    .map((s) =>
      !s.code
        ? s.text
        : s.text.replace(R1C1_REF, (whole, pre: string, r: string | undefined, c: string | undefined) => {
            const part = (spec: string | undefined, base: number): { index: number; abs: boolean } => {
              if (spec === undefined) return { index: base, abs: false };
              if (spec.startsWith("[")) return { index: base + Number(spec.slice(1, -1)), abs: false };
              return { index: Number(spec) - 1, abs: true };
            };
            const row = part(r, at.row);
            const col = part(c, at.col);
            if (row.index < 0 || col.index < 0) return whole;
            let letters: string;
            try {
              letters = columnLetters(col.index);
            } catch {
              return whole;
            }
            return `${pre}${col.abs ? "$" : ""}${letters}${row.abs ? "$" : ""}${row.index + 1}`;
          })
    )
    .join("");
}

/**
 * Excel reads 1E9 and 1e9 alike; HyperFormula 3 only reads the lower-case form ("1E9" is a
 * parse error there). Lower-cases the exponent of number literals outside strings.
 * @example hfNumberLiterals("=A1/1E9+2.5E-3") // "=A1/1e9+2.5e-3"
 */
export function hfNumberLiterals(formula: string): string {
  return segments(formula)
    .map((s) => (s.code ? s.text.replace(/(^|[^A-Za-z0-9_.$])(\d+(?:\.\d*)?|\.\d+)E([+-]?\d)/g, "$1$2e$3") : s.text))
    .join("");
}
