/**
 * Property: for random AI formulas (random functions, nesting, literal and reference arguments,
 * omitted and empty arguments, values at and beyond the bounds) over random sheets, the native
 * form gives the AI formula's values and errors in HyperFormula.
 *
 * Two families, because HyperFormula passes an error given as a single value back before the
 * function runs (as Excel does), but checks a range element by element in argument order:
 * - single values: any cell (errors included), error literals, calls nested anywhere;
 * - ranges: at least one range argument, ranges and single cells drawn from error-free cells,
 *   and a nested call (itself over a range) only as the first argument: its elements may be
 *   errors, which are first in argument order either way. The README lists what differs outside these families.
 */
import fc from "fast-check";
import { sameResult, toPortable } from "../../src/portable/convert";
import { NATIVE_FORMS } from "../../src/portable/native";
import { isOptional, type ParamSpec } from "../../src/core/spec";
import { differences, evaluate } from "./hf-helpers";

const REL = 1e-12;
const IDS = [...NATIVE_FORMS.keys()];
const COLS = "ABCDEF";
type Mode = "scalar" | "range";

// Bounds of every parameter (0, 1, −1, 1 ± a little) and typical magnitudes.
const BOUNDARY = [0, -0.5, 1, -1, 0.3, 1.5, 1.0000001, 0.9999999, -1.0000001, 2, 6, 12, 20, 3.43, 1e-3, 1024, 312e12, 175e9, 1e23, 3.15e23, -2];
const numberArb = fc.oneof(
  fc.constantFrom(...BOUNDARY),
  fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 1000)
);
const METHOD_TEXT = ["arithmetic", "geometric", "GEOMETRIC", "bad", '=""', null];
/** A cell: a number, empty, empty text, text; errors only where `errors`. */
const cellArb = (errors: boolean) =>
  fc.oneof(
    { weight: 6, arbitrary: numberArb },
    { weight: 1, arbitrary: fc.constantFrom<number | string | null>(null, '=""', "text") },
    { weight: errors ? 1 : 0, arbitrary: fc.constantFrom("=1/0", "=NA()", "=SQRT(-1)") }
  );
/** Rows 1–3 of A:F error-free (ranges and the range family read only those), rows 4–6 anything; G holds methods. */
const dataArb = fc
  .tuple(
    fc.array(fc.array(cellArb(false), { minLength: 6, maxLength: 6 }), { minLength: 3, maxLength: 3 }),
    fc.array(fc.array(cellArb(true), { minLength: 6, maxLength: 6 }), { minLength: 3, maxLength: 3 }),
    fc.array(fc.constantFrom(...METHOD_TEXT), { minLength: 6, maxLength: 6 })
  )
  .map(([clean, any, methods]) => [...clean, ...any].map((row, r) => [...row, methods[r]]));

const dollar = fc.constantFrom("", "$");
const cellRef = (rows: number) =>
  fc.tuple(dollar, fc.constantFrom(...COLS), dollar, fc.integer({ min: 1, max: rows })).map(([a, c, b, r]) => `${a}${c}${b}${r}`);
const rangeRef = fc.oneof(
  fc.constantFrom(...COLS).map((c) => `${c}1:${c}3`),
  fc.constantFrom(...COLS).map((c) => `$${c}$1:$${c}$3`),
  fc.constant("A1:C1") // a row: against a column it gives the grid
);
const hasRange = (f: string): boolean => f.includes(":");
const literalNumber = numberArb.map((n) => String(n));

function argArb(mode: Mode, depth: number, p: ParamSpec, position: number): fc.Arbitrary<string> {
  const scalarRef = cellRef(mode === "scalar" ? 6 : 3);
  if (p.kind === "text") {
    return fc.oneof(
      fc.constantFrom('"arithmetic"', '"geometric"', '" Geometric "', '"bad"', '""', ""),
      fc.integer({ min: 1, max: mode === "scalar" ? 6 : 3 }).map((r) => `G${r}`),
      ...(mode === "range" ? [fc.constant("G1:G3")] : [])
    );
  }
  const options: fc.Arbitrary<string>[] = [
    literalNumber,
    literalNumber,
    fc.constantFrom('"175B"', '"1750 亿"', '"abc"', '""', '"1e3"'),
    scalarRef,
    scalarRef,
    scalarRef.map((r) => `${r}*2`),
    scalarRef.map((r) => `-${r}`),
  ];
  if (p.kind === "number" && isOptional(p)) options.push(fc.constant("")); // an argument left empty
  if (mode === "range")
    options.push(
      rangeRef,
      rangeRef,
      rangeRef.map((r) => `${r}/10`)
    );
  else options.push(fc.constantFrom("#N/A", "#DIV/0!", "#NUM!"));
  if (depth > 0 && mode === "scalar") options.push(callArb(mode, depth - 1, true), callArb(mode, depth - 1, true));
  if (depth > 0 && mode === "range" && position === 0)
    options.push(callArb(mode, depth - 1, true).filter(hasRange), callArb(mode, depth - 1, true).filter(hasRange));
  return fc.oneof(...options);
}

// HyperFormula leaves an overflow inside array arithmetic as Infinity where Excel gives #NUM!, so
// in the range family the exponentials (which can overflow) are not nested, and no SUM adds an
// Infinity element to an error element (Excel: the first error; HyperFormula: the error after it).
const EXPONENTIAL = ["COMPUTEGROWTH", "CAGR"];

function callArb(mode: Mode, depth: number, nested = false): fc.Arbitrary<string> {
  const ids = mode === "range" && nested ? IDS.filter((id) => !EXPONENTIAL.includes(id)) : IDS;
  return fc.constantFrom(...ids).chain((id) => {
    const params = NATIVE_FORMS.get(id)!.spec.params;
    const required = params.filter((p) => !isOptional(p)).length;
    return fc
      .integer({ min: required, max: params.length })
      .chain((n) => fc.tuple(...params.slice(0, n).map((p, i) => argArb(mode, depth, p, i))))
      .map((args) => `AI.${id}(${args.join(",")})`);
  });
}

const WRAPS: Record<Mode, string[]> = {
  scalar: ["{}", "{}", "SUM({},1)", "IF(A4>0,{},-1)", "-{}", "{}*2+A1"],
  range: ["{}", "{}", "INDEX({},2)", "{}*2"],
};
const formulaArb = (mode: Mode) =>
  fc
    .tuple(fc.constantFrom(...WRAPS[mode]), callArb(mode, 2))
    .map(([wrap, call]) => `=${wrap.replace("{}", call)}`)
    .filter((f) => mode === "scalar" || hasRange(f)); // the range family has a range

function check(mode: Mode, runs: number): void {
  let compared = 0;
  fc.assert(
    fc.property(dataArb, fc.array(formulaArb(mode), { minLength: 4, maxLength: 4 }), (data, formulas) => {
      const converted = formulas.map((f) => toPortable(f));
      const pairs = formulas.flatMap((f, i) => {
        const c = converted[i];
        if (c.kind === "value") return []; // too long for Excel: no formula to compare
        if (c.kind !== "native") throw new Error(`${f}: ${JSON.stringify(c)}`);
        return [[f, c.formula] as const];
      });
      const before = evaluate(
        data,
        pairs.map(([f]) => f)
      );
      const after = evaluate(
        data,
        pairs.map(([, n]) => n)
      );
      pairs.forEach(([f, n], i) => {
        const d = differences(before[i], after[i], REL, sameResult);
        if (d.length > 0) throw new Error(`${f}\nnative: ${n}\n${d.join("\n")}`);
      });
      compared += pairs.length;
    }),
    { numRuns: runs, seed: Number(process.env.PORTABLE_SEED ?? 20250613) }
  );
  expect(compared).toBeGreaterThan(runs * 3); // nearly every formula had a native form to compare
}

describe("random AI formulas: native forms give the same values and errors (relative difference ≤ 1e-12)", () => {
  it("single values: any cell, error literals, nesting anywhere", () => check("scalar", 150));
  it("ranges: broadcasting over error-free ranges, nesting in the first argument", () => check("range", 100));
});
