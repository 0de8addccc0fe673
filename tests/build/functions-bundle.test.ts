/**
 * The shipped bundle: dist/functions.js evaluated alone, in a plain JavaScript context that
 * provides only what Excel's custom-functions runtime provides (CustomFunctions.associate,
 * Error, ErrorCode, self, window), must register exactly the ids of dist/functions.json, and
 * each registered function must return what the core returns. A function that fails to
 * register shows #NAME? in Excel.
 */
import * as vm from "vm";
import { readDist } from "./dist";
import { FUNCTIONS, getFunctionSpec } from "../../src/functions/registry";
import { FUNCTION_DOCS } from "../../src/functions/docs";
import { invoke } from "../../src/core/spec";
import { isCellError, ERROR_TEXT, type ErrorCode } from "../../src/core/errors";
import { readFunctionsMark } from "../../src/excel/diagnostics";

type Fn = (...args: unknown[]) => unknown;

class FakeCfError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}
// The runtime's ErrorCode values are the texts Excel shows.
const ErrorCodeEnum: Record<ErrorCode, string> = { ...ERROR_TEXT };

function loadBundle(): Map<string, Fn> {
  const registered = new Map<string, Fn>();
  const CustomFunctions = {
    associate(id: string | Record<string, Fn>, fn?: Fn) {
      if (typeof id === "string") {
        if (registered.has(id)) throw new Error(`${id} associated twice`);
        registered.set(id, fn as Fn);
      } else {
        for (const [k, v] of Object.entries(id)) registered.set(k, v);
      }
    },
    Error: FakeCfError,
    ErrorCode: ErrorCodeEnum,
  };
  const sandbox: Record<string, unknown> = { CustomFunctions };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(readDist("functions.js"), sandbox, { filename: "functions.js" });
  return registered;
}

interface MetaFunction {
  id: string;
  parameters: { name: string; description?: string; optional?: boolean }[];
}

describe("dist/functions.js", () => {
  const registered = loadBundle();
  const metadata = JSON.parse(readDist("functions.json")) as { functions: MetaFunction[] };

  it("marks the global object it runs in, where the pane's diagnostics look for it (one runtime)", () => {
    const sandbox: Record<string, unknown> = { CustomFunctions: { associate: () => undefined, Error: FakeCfError, ErrorCode: ErrorCodeEnum } };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    vm.createContext(sandbox);
    vm.runInContext(readDist("functions.js"), sandbox, { filename: "functions.js" });
    expect(readFunctionsMark(sandbox)).toEqual({ loadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it("registers exactly the ids listed in dist/functions.json", () => {
    expect([...registered.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  it("registers every function of the registry (one source of truth)", () => {
    expect([...registered.keys()].sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  });

  it.each(FUNCTIONS.map((f) => f.id))("%s returns what the core returns for its documented example", async (id) => {
    const spec = getFunctionSpec(id)!;
    const args = [...FUNCTION_DOCS[id].example];
    while (args.length < spec.params.length) args.push(null as unknown as number); // Excel passes null for omitted arguments
    await expect(Promise.resolve(registered.get(id)!(...args))).resolves.toEqual(invoke(spec, args));
  });

  it.each(FUNCTIONS.map((f) => f.id))("%s throws CustomFunctions.Error with the core's message on bad input", async (id) => {
    const spec = getFunctionSpec(id)!;
    const args: unknown[] = spec.params.map(() => null);
    // A ragged array is refused whole (no function can pair its rows), a range or not.
    args[0] = spec.params[0].kind === "number" ? "not a number" : [[1, 2], [3]];
    const expected = invoke(spec, args);
    expect(isCellError(expected)).toBe(true);
    let thrown: unknown;
    try {
      await registered.get(id)!(...args); // async functions reject instead of throwing
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FakeCfError);
    if (isCellError(expected)) {
      expect((thrown as FakeCfError).code).toBe(ERROR_TEXT[expected.code]);
      expect((thrown as FakeCfError).message).toBe(expected.message);
    }
  });

  it("the GPT-3 example from the issue: =AI.TRAINFLOPS(175e9, 300e9) is 3.15E+23", () => {
    expect(registered.get("TRAINFLOPS")!(175e9, 300e9, null)).toBeCloseTo(3.15e23, -20);
  });

  // Issue 14: the metadata declares matrix parameters, so Excel passes 2-D arrays: a single cell as [[v]], a range as rows of cells.
  const broadcasting = FUNCTIONS.filter((f) => f.returns !== "matrix");

  it.each(broadcasting.map((f) => f.id))(
    "%s given its example as Excel passes matrix parameters ([[v]], null when omitted) returns [[the core's answer]]",
    async (id) => {
      const spec = getFunctionSpec(id)!;
      const args: unknown[] = spec.params.map((_, i) => (i < FUNCTION_DOCS[id].example.length ? [[FUNCTION_DOCS[id].example[i]]] : null));
      const scalar = spec.params.map((_, i) => FUNCTION_DOCS[id].example[i] ?? null);
      await expect(Promise.resolve(registered.get(id)!(...args))).resolves.toEqual([[invoke(spec, scalar)]]);
    }
  );

  it("=AI.TRAINFLOPS(B2:B5, C2:C5) spills four results; a bad element is a CustomFunctions.Error in its cell, the others are numbers", () => {
    const out = registered.get("TRAINFLOPS")!([[175e9], [70e9], ["abc"], [null]], [[300e9], [1.4e12], [1], [1]], null) as unknown[][];
    expect(out.length).toBe(4);
    expect(out[0][0]).toBeCloseTo(3.15e23, -20);
    expect(out[1][0]).toBeCloseTo(5.88e23, -20);
    expect(out[2][0]).toBeInstanceOf(FakeCfError);
    expect(out[2][0]).toMatchObject({ code: "#VALUE!", message: 'params must be a number, got text "abc"' });
    expect(out[3][0]).toMatchObject({ code: "#VALUE!", message: "params is required" });
  });

  it("=AI.TRAINDAYS(A2:A3, B1:D1, …): a column against a row spills the grid", () => {
    const out = registered.get("TRAINDAYS")!([[1e23], [2e23]], [[512, 1024, 2048]], [[312e12]], null) as number[][];
    expect(out.map((r) => r.length)).toEqual([3, 3]);
    expect(out[1][2]).toBeCloseTo(2e23 / (2048 * 312e12 * 0.3) / 86400, 9);
  });

  it("shapes that cannot pair (2×3 against 3×2) throw one #VALUE! naming both shapes", () => {
    let thrown: unknown;
    try {
      registered.get("TRAINFLOPS")!(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        null
      );
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^params is 2×3 and tokens is 3×2/) });
  });

  it('AI.MODEL(A2:A3, "params") and AI.PARSENUM(E2:E3) broadcast text arguments', () => {
    expect(registered.get("MODEL")!([["GPT-3"], ["LaMDA"]], [["params"]])).toEqual([[1.75e11], [137e9]]);
    expect(registered.get("PARSENUM")!([["1750 亿"], ["18. 41%"]])).toEqual([[1.75e11], [0.1841]]);
  });
});
