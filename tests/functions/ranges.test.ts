/**
 * Issue 14: every function takes ranges and spills. A broadcasting matrix over every function
 * of the registry (shapes 1×1, n×1, 1×n, n×m, a column against a row, mismatched; empty cells
 * and errors inside): each element must be exactly what the function gives for those single
 * values, through the core runner (invoke) and through the Excel wrapper, which gets its
 * arguments as Excel passes matrix parameters (2-D arrays, a single cell as [[v]]).
 */
import { FUNCTIONS } from "../../src/functions/registry";
import { CORE_FUNCTIONS } from "../../src/core/registry";
import { ERROR_TEXT, isCellError, naError, valueError, type CellError } from "../../src/core/errors";
import { invoke, type AnyFunctionSpec } from "../../src/core/spec";
import { FUNCTION_DOCS } from "../../src/functions/docs";

class FakeCfError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: FakeCfError, ErrorCode: { ...ERROR_TEXT } };
const wrappers = require("../../src/functions/functions") as Record<string, (...a: unknown[]) => unknown>;

type Grid = unknown[][];
const isGrid = (x: unknown): x is Grid => Array.isArray(x);

/** The broadcast of the arguments, computed independently of src/core/broadcast.ts. */
function expected(f: AnyFunctionSpec, args: unknown[]): unknown {
  const grids = args.filter(isGrid);
  const rows = Math.max(...grids.map((g) => g.length));
  const cols = Math.max(...grids.map((g) => g[0].length));
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const one = invoke(
        f,
        args.map((a) => (isGrid(a) ? a[a.length === 1 ? 0 : r][a[0].length === 1 ? 0 : c] : a))
      );
      return one;
    })
  );
}

/** Errors of either side as { code, message }. */
function plain(x: unknown): unknown {
  if (isCellError(x)) return { code: ERROR_TEXT[x.code], message: x.message };
  if (x instanceof FakeCfError) return { code: x.code, message: x.message };
  if (Array.isArray(x)) return x.map(plain);
  return x;
}

function viaWrapper(f: AnyFunctionSpec, args: unknown[]): unknown {
  try {
    return plain(wrappers[f.id.toLowerCase()](...args));
  } catch (e) {
    if (!(e instanceof FakeCfError)) throw e;
    return plain(e);
  }
}

const BROADCASTING = FUNCTIONS.filter((f) => f.returns !== "matrix");
const example = (f: AnyFunctionSpec): unknown[] => f.params.map((_, i) => FUNCTION_DOCS[f.id].example[i] ?? null);
/** Another valid value of the same kind: numbers doubled (still inside every bound but utilization's), text as is. */
const other = (v: unknown): unknown => (typeof v === "number" && v > 1 ? v * 2 : v);
const UPSTREAM = valueError("upstream");

/** The argument lists of the matrix for one function: position i replaced by each shape. */
function shapes(f: AnyFunctionSpec): [string, unknown[]][] {
  const ex = example(f);
  const at = (i: number, v: unknown): unknown[] => ex.map((x, j) => (j === i ? v : x));
  const cases: [string, unknown[]][] = [];
  f.params.forEach((p, i) => {
    const v = ex[i];
    cases.push([`${p.name} 1×1`, at(i, [[v]])]);
    cases.push([`${p.name} n×1 with an empty cell and an error inside`, at(i, [[v], [other(v)], [null], [UPSTREAM]])]);
    cases.push([`${p.name} 1×n with text that is not a value`, at(i, [[v, "abc", other(v)]])]);
    cases.push([
      `${p.name} n×m`,
      at(i, [
        [v, other(v), v],
        [naError("missing"), v, ""],
      ]),
    ]);
  });
  if (f.params.length >= 2) {
    const [a, b] = [ex[0], ex[1]];
    cases.push(["a column against a row gives the grid", [[[a], [other(a)], [null]], [[b, other(b)]], ...ex.slice(2)]]);
    cases.push([
      "a column against a table with as many rows",
      [
        [[a], [other(a)]],
        [
          [b, other(b), b],
          [other(b), b, null],
        ],
        ...ex.slice(2),
      ],
    ]);
  }
  return cases;
}

describe.each(BROADCASTING.map((f) => [f.id, f] as const))("AI.%s over ranges", (_id, f) => {
  it.each(shapes(f))("%s: every element is what its single values give", (_what, args) => {
    const out = invoke(f, args);
    expect(Array.isArray(out)).toBe(true);
    expect(plain(out)).toEqual(plain(expected(f, args)));
  });

  it("shapes that cannot pair (2×3 against 3×2) give one #VALUE! naming both", () => {
    const ex = example(f);
    const two = [
      [ex[0], ex[0], ex[0]],
      [ex[0], ex[0], ex[0]],
    ];
    const three = [
      [ex[0], ex[0]],
      [ex[0], ex[0]],
      [ex[0], ex[0]],
    ];
    const second = f.params.length >= 2 ? 1 : 0;
    const args = [...ex];
    args[0] = two;
    args[second] = second === 0 ? two : three.map((r) => r.map(() => ex[1]));
    const e = invoke(f, args);
    if (second === 0) return expect(Array.isArray(e)).toBe(true); // one argument always broadcasts with itself
    expect(plain(e)).toEqual({
      code: "#VALUE!",
      message: `${f.params[0].name} is 2×3 and ${f.params[1].name} is 3×2: arrays pair when each dimension is equal or 1 (a single value, a column or a row)`,
    });
  });
});

describe.each(CORE_FUNCTIONS.map((f) => [f.id, f] as const))("the Excel wrapper AI.%s given 2-D arrays as Excel passes them", (_id, f) => {
  it("every argument as [[v]] (Excel's single cell) gives a 1×1 result holding the single value's answer", () => {
    const ex = example(f);
    expect(
      viaWrapper(
        f,
        ex.map((v) => (v === null ? null : [[v]]))
      )
    ).toEqual(plain([[invoke(f, ex)]]));
  });

  it.each(shapes(f))("%s: answers what invoke() answers, errors as CustomFunctions.Error in their elements", (_what, args) => {
    expect(viaWrapper(f, args)).toEqual(plain(invoke(f, args)));
  });
});

describe("functions that return a table do not broadcast", () => {
  const dataset = FUNCTIONS.find((f) => f.id === "DATASET")!;
  it('AI.DATASET(A1:B2) is #VALUE! "id takes a single value"; a 1×1 range is its value', () => {
    expect((invoke(dataset, [[["accelerators", "llm-comparison"]]]) as CellError).message).toBe("id takes a single value, got a 1×2 range");
    expect(invoke(dataset, [[["accelerators"]]])).toEqual(invoke(dataset, ["accelerators"]));
  });
});

describe("text arguments broadcast too", () => {
  const model = FUNCTIONS.find((f) => f.id === "MODEL")!;
  const chip = FUNCTIONS.find((f) => f.id === "CHIP")!;
  const parsenum = FUNCTIONS.find((f) => f.id === "PARSENUM")!;
  it('AI.MODEL(A2:A4, "params"): GPT-3\'s parameters, #N/A for an unknown name, #VALUE! for an empty cell', () => {
    const out = invoke(model, [[["GPT-3"], ["no such model"], [null]], "params"]) as unknown[][];
    expect(out[0][0]).toBe(1.75e11);
    expect(plain(out[1][0])).toMatchObject({ code: "#N/A" });
    expect(plain(out[2][0])).toEqual({ code: "#VALUE!", message: "name is required" });
  });
  it('AI.MODEL("GPT-3", {"params","tokens"}) spills a row of fields', () => {
    expect(invoke(model, ["GPT-3", [["params", "tokens"]]])).toEqual([[1.75e11, 3e11]]);
  });
  it("AI.CHIP(D2:D3) and AI.PARSENUM(E2:E4)", () => {
    expect(invoke(chip, [[["H100"], ["A100"]]])).toEqual([[9.89e14], [3.12e14]]);
    expect(invoke(parsenum, [[["1750 亿"], ["18. 41%"], ["175B"]]])).toEqual([[1.75e11], [0.1841], [1.75e11]]);
  });
});
