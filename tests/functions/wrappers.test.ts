/**
 * The Excel wrappers take fast paths (checkNumberArgs into a Float64Array, checkArgs into a
 * shared scratch array) that must answer exactly what the reference runner, invoke(), answers.
 * Every core function, every parameter, a matrix of good and bad inputs, called one after
 * another so that a value left in a scratch array by one call would show up in the next.
 */
import { CORE_FUNCTIONS } from "../../src/core/registry";
import { ERROR_TEXT, isCellError, valueError } from "../../src/core/errors";
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

// Imported after the global above exists (the wrappers read it when they throw).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wrappers = require("../../src/functions/functions") as Record<string, (...a: unknown[]) => unknown>;

/** Inputs for one argument position: in and out of every bound, every kind Excel can pass. */
const INPUTS: readonly unknown[] = [
  null,
  "",
  0,
  -0,
  1,
  -1,
  0.3,
  1.5,
  -2,
  175e9,
  1e308,
  // One double either side of each bound (0, -1, 1) and the largest finite numbers.
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  -1 - Number.EPSILON,
  -1 + Number.EPSILON / 2,
  1 - Number.EPSILON / 2,
  1 + Number.EPSILON,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  NaN,
  Infinity,
  -Infinity,
  "abc",
  "1750 亿",
  "18. 41%",
  "geometric",
  "ARITHMETIC",
  true,
  false,
  // Ranges as Excel passes them (rows of cells): they broadcast, one result per element.
  [[2]],
  [["x"]],
  [[null]],
  [
    [1, 2],
    [3, 4],
  ],
  [[1], [-1], ["abc"], [null], [valueError("inside")]],
  [[0.3, "1750 亿", NaN]],
  valueError("upstream"),
];

type Outcome = { value: unknown } | { code: string; message: string };

/** A spilled result's elements, errors as { code, message } whichever side made them. */
function elements(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((row: unknown[]) =>
    row.map((c) => (c instanceof FakeCfError ? { code: c.code, message: c.message } : isCellError(c) ? { code: ERROR_TEXT[c.code], message: c.message } : c))
  );
}

function viaWrapper(spec: AnyFunctionSpec, args: unknown[]): Outcome {
  try {
    return { value: elements(wrappers[spec.id.toLowerCase()](...args)) };
  } catch (e) {
    if (!(e instanceof FakeCfError)) throw e;
    return { code: e.code, message: e.message };
  }
}

function viaInvoke(spec: AnyFunctionSpec, args: unknown[]): Outcome {
  const out = invoke(spec, args);
  return isCellError(out) ? { code: ERROR_TEXT[out.code], message: out.message } : { value: elements(out) };
}

describe("the Excel wrappers answer what invoke() answers", () => {
  it.each(CORE_FUNCTIONS.map((f) => [f.id, f] as const))("AI.%s: every input in every argument position", (_id, spec) => {
    const example: unknown[] = [...FUNCTION_DOCS[spec.id].example];
    while (example.length < spec.params.length) example.push(null);
    let compared = 0;
    for (let i = 0; i < spec.params.length; i++) {
      for (const input of INPUTS) {
        const args = [...example];
        args[i] = input;
        expect({ args, out: viaWrapper(spec, args) }).toEqual({ args, out: viaInvoke(spec, args) });
        // The example again right after: nothing of the previous call may leak into this one.
        expect(viaWrapper(spec, example)).toEqual(viaInvoke(spec, example));
        compared += 2;
      }
    }
    expect(compared).toBe(2 * INPUTS.length * spec.params.length);
  });

  it("a wrapper whose arguments all fail reports the first argument's error, as invoke() does", () => {
    const spec = CORE_FUNCTIONS.find((f) => f.id === "TRAINDAYS")!;
    const args = ["abc", 0, -1, 2];
    expect(viaWrapper(spec, args)).toEqual(viaInvoke(spec, args));
    expect(viaWrapper(spec, args)).toEqual({ code: ERROR_TEXT.invalidValue, message: 'flop must be a number, got text "abc"' });
  });
});
