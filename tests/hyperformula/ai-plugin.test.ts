import { HyperFormula, DetailedCellError } from "hyperformula";
import { registerAiFunctions } from "../../src/hyperformula/ai-plugin";
import { FUNCTIONS } from "../../src/functions/registry";
import { FUNCTION_DOCS } from "../../src/functions/docs";
import { invoke } from "../../src/core/spec";

registerAiFunctions();
const hf = () => HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });

const literal = (v: number | string) => (typeof v === "string" ? `"${v}"` : String(v));

describe("the AI functions in HyperFormula", () => {
  it("=AI.TRAINFLOPS(175e9, 300e9) is 3.15E+23", () => {
    const e = hf();
    const s = e.getSheetId(e.addSheet("S"))!;
    e.setCellContents({ sheet: s, row: 0, col: 0 }, "=AI.TRAINFLOPS(175e9, 300e9)");
    expect(e.getCellValue({ sheet: s, row: 0, col: 0 })).toBeCloseTo(3.15e23, -20);
  });

  it.each(FUNCTIONS.map((f) => f.id))("%s: the documented example gives what the core gives", (id) => {
    const spec = FUNCTIONS.find((f) => f.id === id)!;
    const doc = FUNCTION_DOCS[id];
    const e = hf();
    const s = e.getSheetId(e.addSheet("S"))!;
    e.setCellContents({ sheet: s, row: 0, col: 0 }, `=AI.${id}(${doc.example.map(literal).join(", ")})`);
    const got = e.getCellValue({ sheet: s, row: 0, col: 0 });
    const core = invoke(spec, [...doc.example]);
    if (typeof doc.result === "object") {
      // A spilled matrix: its top-left cell holds the first value, and the spill has the documented size.
      const m = core as unknown[][];
      expect([m.length, m[0].length]).toEqual([doc.result.rows, doc.result.cols]);
      expect(got).toEqual(m[0][0]);
      expect(e.getCellValue({ sheet: s, row: doc.result.rows - 1, col: doc.result.cols - 1 })).toEqual(m[m.length - 1][m[0].length - 1]);
    } else if (typeof core === "number") {
      // HyperFormula rounds displayed values to 10 significant digits (its precisionRounding).
      expect(Math.abs((got as number) - core)).toBeLessThanOrEqual(Math.abs(core) * 1e-9);
      if (typeof doc.result === "number") expect(Math.abs((got as number) - doc.result)).toBeLessThanOrEqual(Math.abs(doc.result) * 1e-3);
    } else {
      expect(got).toEqual(core);
    }
  });

  it("cell references, empty optional arguments and text as reports write it", () => {
    const e = hf();
    const s = e.getSheetId(e.addSheet("S"))!;
    e.setSheetContent(s, [["1750 亿", 300e9, "=AI.TRAINFLOPS(A1, B1)", "=AI.TRAINDAYS(C1, 1024, 312e12, )", "=AI.TRAINDAYS(C1, 1024, 312e12)"]]);
    expect(e.getCellValue({ sheet: s, row: 0, col: 2 })).toBeCloseTo(3.15e23, -20);
    expect(e.getCellValue({ sheet: s, row: 0, col: 4 }) as number).toBeCloseTo(38.04, 2);
  });

  it("a bad argument is an error value carrying the core's message", () => {
    const e = hf();
    const s = e.getSheetId(e.addSheet("S"))!;
    e.setCellContents({ sheet: s, row: 0, col: 0 }, '=AI.TRAINDAYS(1e23, 0, 312e12)');
    e.setCellContents({ sheet: s, row: 1, col: 0 }, '=AI.PARSENUM("abc")');
    const a = e.getCellValue({ sheet: s, row: 0, col: 0 }) as DetailedCellError;
    expect(a).toBeInstanceOf(DetailedCellError);
    expect(a.value).toBe("#VALUE!");
    expect(a.message).toBe("chips must be greater than 0, got 0");
    expect((e.getCellValue({ sheet: s, row: 1, col: 0 }) as DetailedCellError).message).toBe('cannot read a number from "abc"');
  });

  it("an upstream error passes through unchanged", () => {
    const e = hf();
    const s = e.getSheetId(e.addSheet("S"))!;
    e.setSheetContent(s, [["=1/0", "=AI.PFDAYS(A1)"]]);
    expect((e.getCellValue({ sheet: s, row: 0, col: 1 }) as DetailedCellError).value).toBe("#DIV/0!");
  });

  it("the model is live: changing an input changes the output", () => {
    const e = hf();
    const s = e.getSheetId(e.addSheet("S"))!;
    e.setSheetContent(s, [[175e9, 300e9, "=AI.TRAINFLOPS(A1, B1)"]]);
    e.setCellContents({ sheet: s, row: 0, col: 1 }, 600e9);
    expect(e.getCellValue({ sheet: s, row: 0, col: 2 })).toBeCloseTo(6.3e23, -20);
  });
});
