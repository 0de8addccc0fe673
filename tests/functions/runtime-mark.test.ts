/** The mark functions.js leaves on the global object it runs in (src/functions/runtime-mark.ts), as the Excel diagnostics read it. */
import { FUNCTIONS_MARK_KEY } from "../../src/functions/runtime-mark";
import { readFunctionsMark } from "../../src/excel/diagnostics";

describe("functions runtime mark", () => {
  it("is set by loading the functions module, on this runtime's global object, to the time it loaded", async () => {
    const before = Date.now();
    await import("../../src/functions/functions");
    const mark = readFunctionsMark();
    expect(mark).not.toBeNull();
    expect(Date.parse(mark?.loadedAt ?? "")).toBeGreaterThanOrEqual(before); // each test file has a global object of its own
  });

  it("reads the time a global object was marked with", () => {
    expect(readFunctionsMark({ [FUNCTIONS_MARK_KEY]: Date.parse("2026-08-21T10:00:00.000Z") })).toEqual({ loadedAt: "2026-08-21T10:00:00.000Z" });
  });

  it("reads nothing from a window without the mark, or with something else under its key", () => {
    expect(readFunctionsMark({})).toBeNull();
    expect(readFunctionsMark({ [FUNCTIONS_MARK_KEY]: "yes" })).toBeNull();
    expect(readFunctionsMark({ [FUNCTIONS_MARK_KEY]: { loadedAt: 5 } })).toBeNull();
    expect(readFunctionsMark({ [FUNCTIONS_MARK_KEY]: NaN })).toBeNull();
  });
});
