import { HyperFormula, DetailedCellError } from "hyperformula";
import { registerAiFunctions } from "../../src/hyperformula/ai-plugin";
import { FUNCTIONS } from "../../src/functions/registry";
import { FUNCTION_DOCS } from "../../src/functions/docs";
import { invoke } from "../../src/core/spec";
import { clearEpochCache, setEpochAccelerators } from "../../src/data/epoch-cache";
import { epochAcceleratorsFixture } from "../data/epoch-accelerators-fixture";

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
    e.setCellContents({ sheet: s, row: 0, col: 0 }, "=AI.TRAINDAYS(1e23, 0, 312e12)");
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

  describe("AI.CHIP: the curated table, then Epoch AI's hardware table once loaded", () => {
    afterEach(() => clearEpochCache());
    const sheet = (formulas: string[]) => {
      const e = hf();
      const s = e.getSheetId(e.addSheet("S"))!;
      e.setSheetContent(s, [formulas]);
      return { e, s, at: (col: number) => e.getCellValue({ sheet: s, row: 0, col }) };
    };

    it('=AI.CHIP("MI325X") is 1.3074E+15 and =AI.CHIP("TPU v5p","memory_gb") is 95, before any Epoch table is loaded', () => {
      const { at } = sheet(['=AI.CHIP("MI325X")', '=AI.CHIP("TPU v5p","memory_gb")', '=AI.CHIP("Trillium")', '=AI.CHIP("昇腾910C")']);
      // HyperFormula rounds to 10 significant digits: compare within 1e-9 relative.
      expect(Math.abs((at(0) as number) - 1.3074e15)).toBeLessThanOrEqual(1.3074e15 * 1e-9);
      expect(at(1)).toBe(95);
      expect(Math.abs((at(2) as number) - 9.18e14)).toBeLessThanOrEqual(9.18e14 * 1e-9);
      expect(Math.abs((at(3) as number) - 8e14)).toBeLessThanOrEqual(8e14 * 1e-9);
    });

    it('=AI.CHIP("Gaudi 2") is #N/A until epoch-accelerators is loaded, then 4.5E+14 after a recalculation', () => {
      const { e, at } = sheet(['=AI.CHIP("Gaudi 2")', '=AI.CHIP("MI325X","bandwidth")']);
      expect((at(0) as DetailedCellError).value).toBe("#N/A");
      expect((at(0) as DetailedCellError).message).toMatch(/^no chip named "Gaudi 2"/);
      setEpochAccelerators(epochAcceleratorsFixture());
      e.rebuildAndRecalculate();
      expect(Math.abs((at(0) as number) - 4.5e14)).toBeLessThanOrEqual(4.5e14 * 1e-9);
      expect(Math.abs((at(1) as number) - 6e12)).toBeLessThanOrEqual(6e12 * 1e-9);
    });

    it('=AI.DATASET("epoch-accelerators") spills once loaded', () => {
      setEpochAccelerators(epochAcceleratorsFixture());
      const { e, s, at } = sheet(['=AI.DATASET("epoch-accelerators")']);
      expect(at(0)).toBe("Hardware name");
      const rows = epochAcceleratorsFixture().rows.length;
      expect(e.getCellValue({ sheet: s, row: rows, col: 0 })).toBe("NVIDIA Tesla");
    });
  });
});

describe("ranges in HyperFormula: a range argument broadcasts and the result spills (issue 14)", () => {
  const sheet = (rows: (string | number | null)[][], useArrayArithmetic = false) => {
    const e = HyperFormula.buildFromArray(rows, { licenseKey: "gpl-v3", useArrayArithmetic });
    return (row: number, col: number) => e.getCellValue({ sheet: 0, row, col });
  };
  const near = (got: unknown, want: number) => expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(Math.abs(want) * 1e-9);

  it.each([false, true])("=AI.TRAINFLOPS(A1:A3, B1:B3) spills three results, an error in its own cell (useArrayArithmetic %s)", (arrays) => {
    const at = sheet(
      [
        [175e9, 300e9, "=AI.TRAINFLOPS(A1:A3, B1:B3)"],
        [70e9, "abc", null],
        [7e9, 140e9, null],
      ],
      arrays
    );
    near(at(0, 2), 3.15e23);
    expect((at(1, 2) as DetailedCellError).message).toBe('tokens must be a number, got text "abc"');
    near(at(2, 2), 6 * 7e9 * 140e9);
  });

  it("a column against a row gives the grid; an empty optional cell takes its default, an empty required one is #VALUE!", () => {
    const at = sheet([
      [1e23, 1024, 2048, null, "=AI.TRAINDAYS(A1:A2, B1:C1, 312e12, D1:D2)"],
      [null, null, null, null],
    ]);
    // D1:D2 is empty: utilization takes its default, 0.3.
    near(at(0, 4), 1e23 / (1024 * 312e12 * 0.3) / 86400);
    near(at(0, 5), 1e23 / (2048 * 312e12 * 0.3) / 86400);
    expect((at(1, 4) as DetailedCellError).message).toBe("flop is required");
    expect((at(1, 5) as DetailedCellError).message).toBe("flop is required");
  });

  it("shapes that cannot pair give one #VALUE! naming both, in one cell", () => {
    const at = sheet([
      [1, 2, "=AI.TRAINFLOPS(A1:B2, A1:A3)", null],
      [3, 4],
      [5, 6],
    ]);
    expect(at(0, 2)).toBeInstanceOf(DetailedCellError);
    expect((at(0, 2) as DetailedCellError).message).toBe(
      "params is 2×2 and tokens is 3×1: arrays pair when each dimension is equal or 1 (a single value, a column or a row)"
    );
    expect(at(0, 3)).toBeNull();
    expect(at(1, 2)).toBeNull();
  });

  it("nested: =AI.PFDAYS(AI.TRAINFLOPS(A1:A2, B1:B2)) spills, and text functions broadcast (AI.MODEL over names)", () => {
    const at = sheet([
      [175e9, 300e9, "=AI.PFDAYS(AI.TRAINFLOPS(A1:A2, B1:B2))", "GPT-3", '=AI.MODEL(D1:D2, "params")'],
      [70e9, 1.4e12, null, "LaMDA"],
    ]);
    near(at(0, 2), 3.15e23 / 8.64e19);
    near(at(1, 2), (6 * 70e9 * 1.4e12) / 8.64e19);
    expect(at(0, 4)).toBe(1.75e11);
    expect(at(1, 4)).toBe(137e9);
  });

  it('AI.DATASET over a range is #VALUE! "id takes a single value"', () => {
    const at = sheet([["accelerators", "index-performance", "=AI.DATASET(A1:B1)"]]);
    expect((at(0, 2) as DetailedCellError).message).toBe("id takes a single value, got a 1×2 range");
  });

  it.each(FUNCTIONS.filter((f) => f.returns !== "matrix").map((f) => f.id))(
    "%s: a column of its example and an empty cell spills what the core gives",
    (id) => {
      const spec = FUNCTIONS.find((f) => f.id === id)!;
      const ex = [...FUNCTION_DOCS[id].example];
      const rest = ex.slice(1).map(literal);
      const at = sheet([
        [ex[0], `=AI.${id}(A1:A2${rest.map((r) => `, ${r}`).join("")})`],
        [null, null],
      ]);
      const want = [invoke(spec, ex), invoke(spec, [null, ...ex.slice(1)])];
      want.forEach((w, r) => {
        const got = at(r, 1);
        if (typeof w === "number") near(got, w);
        else if (w instanceof Object && "message" in w) expect((got as DetailedCellError).message).toBe(w.message);
        else expect(got).toEqual(w);
      });
    }
  );
});
