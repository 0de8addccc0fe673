/**
 * A single value beside a range (=AI.TRAINCOST(A2:A10001, "312 万亿", 2)) is converted once per
 * call, not once per element (issue 21): the per-element results are the same as before, the
 * text is read once, and an invalid one gives every element the one error it makes.
 */
import * as parse from "../../src/core/parse";
import { CellError, isCellError } from "../../src/core/errors";
import { invoke } from "../../src/core/spec";
import { TRAINCOST } from "../../src/core/compute";
import { RELRETURN } from "../../src/core/returns";

const rows = 10_000;
const column = (f: (i: number) => unknown): unknown[][] => Array.from({ length: rows }, (_, i) => [f(i)]);

afterEach(() => jest.restoreAllMocks());

describe("spread: a single value beside a range", () => {
  test("a number written as text is parsed once for 10,000 rows, and every element is what a single call gives", () => {
    const spy = jest.spyOn(parse, "parseReportNumber");
    const flops = column((i) => 1e20 * (i + 1));
    const out = invoke(TRAINCOST, [flops, "312 万亿", 2]) as unknown[][];
    expect(spy).toHaveBeenCalledTimes(1);
    expect(out).toHaveLength(rows);
    for (const i of [0, 1, 4_999, rows - 1]) expect(out[i][0]).toBe(invoke(TRAINCOST, [1e20 * (i + 1), 312e12, 2]));
  });

  test("a text that is no number gives every element the same #VALUE!, made once, quoting at most 40 characters", () => {
    const flops = column((i) => i);
    const out = invoke(TRAINCOST, [flops, "x".repeat(32_767), 2]) as unknown[][];
    const errors = new Set(out.map((r) => r[0]));
    expect(errors.size).toBe(1);
    const e = [...errors][0] as CellError;
    expect(isCellError(e)).toBe(true);
    expect(e.code).toBe("invalidValue");
    expect(e.message.length).toBeLessThan(120);
  });

  test("an element's own error still comes before a later argument's (argument order), and other elements keep their values", () => {
    const flops = column((i) => (i === 3 ? "bad" : 1e21));
    const out = invoke(TRAINCOST, [flops, 312e12, "also bad"]) as unknown[][];
    expect((out[3][0] as CellError).message).toMatch(/^flop must be a number/);
    expect((out[0][0] as CellError).message).toMatch(/^price_per_chip_hour must be a number/);
  });

  test("a text parameter with choices beside a range: checked once, then the same answer for every element", () => {
    const a = column((i) => (i % 7) / 100);
    const out = invoke(RELRETURN, [a, 0.01, "Geometric"]) as unknown[][];
    for (const i of [0, 3, rows - 1]) expect(out[i][0]).toBe(invoke(RELRETURN, [(i % 7) / 100, 0.01, "geometric"]));
    const bad = invoke(RELRETURN, [a, 0.01, "y".repeat(32_767)]) as unknown[][];
    expect(new Set(bad.map((r) => r[0])).size).toBe(1);
    expect((bad[0][0] as CellError).message).toMatch(/^method must be one of "arithmetic", "geometric"/);
  });
});
