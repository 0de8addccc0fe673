/**
 * The bad-input matrix: every parameter of every function, against every kind of bad input.
 * Driven by the registry, so a new function is covered the day it is added.
 */
import { FUNCTIONS } from "../../src/functions/registry";
import { CellError, isCellError, valueError } from "../../src/core/errors";
import { invoke, isOptional, type AnyFunctionSpec, type NumberParam } from "../../src/core/spec";
import { FUNCTION_DOCS } from "../../src/functions/docs";

/** Valid arguments for a function: its documented example. */
const valid = (f: AnyFunctionSpec): unknown[] => [...FUNCTION_DOCS[f.id].example];
const withArg = (f: AnyFunctionSpec, i: number, v: unknown): unknown[] => {
  const args: unknown[] = f.params.map((_, j) => (j < valid(f).length ? valid(f)[j] : null));
  args[i] = v;
  return args;
};

const cases = FUNCTIONS.flatMap((f) => f.params.map((p, i) => ({ id: f.id, f, p, i, name: p.name })));
const numberCases = cases.filter((c) => c.p.kind === "number");

describe("every function, every number parameter", () => {
  it.each(numberCases)("$id($name): text that is not a number is #VALUE! naming the argument", ({ f, i, name }) => {
    const e = invoke(f, withArg(f, i, "abc")) as CellError;
    expect(e).toBeInstanceOf(CellError);
    expect(e.code).toBe("invalidValue");
    expect(e.message).toBe(`${name} must be a number, got text "abc"`);
  });

  it.each(numberCases)("$id($name): a boolean is #VALUE!", ({ f, i, name }) => {
    expect((invoke(f, withArg(f, i, true)) as CellError).message).toBe(`${name} must be a number, got true`);
  });

  it.each(numberCases)("$id($name): a 2×2 range broadcasts to a 2×2 result, each element what its single value gives", ({ f, i }) => {
    const v = valid(f)[i] as number;
    const range = [
      [v, "abc"],
      [null, v],
    ];
    const at = (x: unknown) => invoke(f, withArg(f, i, x));
    expect(invoke(f, withArg(f, i, range))).toEqual([
      [at(v), at("abc")],
      [at(null), at(v)],
    ]);
  });

  it.each(numberCases)("$id($name): a 1×1 range gives a 1×1 result holding what its value gives", ({ f, i }) => {
    const v = valid(f)[i];
    expect(invoke(f, withArg(f, i, [[v]]))).toEqual([[invoke(f, valid(f))]]);
  });

  it.each(numberCases)("$id($name): an error passed in comes out unchanged", ({ f, i }) => {
    const err = valueError("upstream");
    expect(invoke(f, withArg(f, i, err))).toBe(err);
  });

  it.each(numberCases.filter((c) => !isOptional(c.p)))("$id($name): a missing required argument is #VALUE!", ({ f, i, name }) => {
    expect((invoke(f, withArg(f, i, null)) as CellError).message).toBe(`${name} is required`);
  });

  it.each(numberCases.filter((c) => isOptional(c.p)))("$id($name): an empty optional argument takes its default", ({ f, i, p }) => {
    expect(invoke(f, withArg(f, i, null))).toEqual(invoke(f, withArg(f, i, (p as NumberParam).default)));
  });

  const bounded = numberCases.filter((c) => {
    const p = c.p as NumberParam;
    return p.min !== undefined || p.above !== undefined || p.max !== undefined;
  });
  it.each(bounded)("$id($name): values outside the domain are #VALUE! stating the bound", ({ f, i, p }) => {
    const n = p as NumberParam;
    const outside: number[] = [];
    if (n.above !== undefined) outside.push(n.above, n.above - 1);
    if (n.min !== undefined) outside.push(n.min - 1e-9, n.min - 1);
    if (n.max !== undefined) outside.push(n.max + 1e-9);
    for (const v of outside) {
      const e = invoke(f, withArg(f, i, v)) as CellError;
      expect(isCellError(e)).toBe(true);
      expect(e.code).toBe("invalidValue");
      expect(e.message).toMatch(new RegExp(`^${n.name} must be (greater than|at least|at most)`));
    }
  });
});

describe("no function returns NaN or ±Infinity", () => {
  const extremes = [0, 1e-300, 1e300, Number.MAX_VALUE, -Number.MAX_VALUE, -1];
  it.each(FUNCTIONS.map((f) => ({ id: f.id, f })))("$id: extreme arguments give a finite number or an error", ({ f }) => {
    for (let i = 0; i < f.params.length; i++) {
      if (f.params[i].kind !== "number") continue;
      for (const v of extremes) {
        const out = invoke(f, withArg(f, i, v));
        if (typeof out === "number") expect(Number.isFinite(out)).toBe(true);
        else expect(isCellError(out)).toBe(true);
      }
    }
  });
  it("an overflowing result is #NUM! with a message", () => {
    const f = FUNCTIONS.find((x) => x.id === "TRAINFLOPS")!;
    const e = invoke(f, [1e300, 1e300]) as CellError;
    expect(e.code).toBe("invalidNumber");
    expect(e.message).toMatch(/too large/);
  });
  it("too many arguments is #VALUE!", () => {
    const f = FUNCTIONS.find((x) => x.id === "PFDAYS")!;
    expect((invoke(f, [1, 2]) as CellError).message).toBe("AI.PFDAYS takes at most 1 arguments, got 2");
  });
});

describe("text arguments written as reports write them are accepted", () => {
  it('TRAINFLOPS("1750 亿", "300B") equals TRAINFLOPS(175e9, 300e9)', () => {
    const f = FUNCTIONS.find((x) => x.id === "TRAINFLOPS")!;
    expect(invoke(f, ["1750 亿", "300B"])).toBe(invoke(f, [175e9, 300e9]));
  });
});
