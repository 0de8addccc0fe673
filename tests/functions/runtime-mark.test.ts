/** The mark functions.js leaves on the global object it runs in (src/functions/runtime-mark.ts). */
import { FUNCTIONS_MARK_KEY, markFunctionsRuntime, readFunctionsMark } from "../../src/functions/runtime-mark";

describe("functions runtime mark", () => {
  it("marks a global object with the time and whether the CustomFunctions API was there, and reads it back", () => {
    const shared: Record<string, unknown> = { CustomFunctions: {} };
    expect(readFunctionsMark(shared)).toBeNull();
    markFunctionsRuntime(shared, () => new Date("2026-08-21T10:00:00.000Z"));
    expect(Object.keys(shared)).toEqual(["CustomFunctions", FUNCTIONS_MARK_KEY]);
    expect(readFunctionsMark(shared)).toEqual({ loadedAt: "2026-08-21T10:00:00.000Z", customFunctionsApi: true });
    const bare: Record<string, unknown> = {};
    markFunctionsRuntime(bare);
    expect(readFunctionsMark(bare)?.customFunctionsApi).toBe(false);
  });

  it("is set by loading the functions module, on this runtime's global object", async () => {
    await import("../../src/functions/functions");
    expect(readFunctionsMark()).not.toBeNull();
  });

  it("reads nothing from a window without the mark, or with something else under its key", () => {
    expect(readFunctionsMark({})).toBeNull();
    expect(readFunctionsMark({ [FUNCTIONS_MARK_KEY]: "yes" })).toBeNull();
    expect(readFunctionsMark({ [FUNCTIONS_MARK_KEY]: { loadedAt: 5 } })).toBeNull();
  });
});
