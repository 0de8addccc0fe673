import fc from "fast-check";
import {
  absoluteRef,
  cellAddress,
  columnIndex,
  columnLetters,
  isValidTableName,
  makeSheetName,
  makeTableName,
  parseCell,
  parseRangeAddress,
  planFootprint,
  planProblems,
  quoteSheetName,
  rangeAddress,
  sheetNameProblem,
  spillCovering,
  type SheetPlan,
  VALIDATION_LIST_MAX,
} from "../../src/sheet/plan";

describe("addresses", () => {
  test("column letters round-trip", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(16383)).toBe("XFD");
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (c) => columnIndex(columnLetters(c)) === c));
    expect(() => columnLetters(16384)).toThrow(RangeError);
  });

  test("cells and ranges", () => {
    expect(parseCell("C5")).toEqual({ row: 4, col: 2 });
    expect(parseCell("$c$5")).toEqual({ row: 4, col: 2 });
    expect(cellAddress({ row: 0, col: 0 })).toBe("A1");
    expect(rangeAddress({ row: 4, col: 2, rows: 3, cols: 2 })).toBe("C5:D7");
    expect(rangeAddress({ row: 4, col: 2, rows: 1, cols: 1 })).toBe("C5");
    expect(parseRangeAddress("'My sheet'!$C$5:$D$7")).toEqual({ sheet: "My sheet", row: 4, col: 2, rows: 3, cols: 2 });
    expect(parseRangeAddress("Sheet1!B2")).toEqual({ sheet: "Sheet1", row: 1, col: 1, rows: 1, cols: 1 });
    expect(parseRangeAddress("'It''s'!A1").sheet).toBe("It's");
    expect(() => parseCell("A0")).toThrow();
    expect(() => parseCell("A1048577")).toThrow();
  });

  test("sheet names in references are quoted when needed", () => {
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("LLM comparison")).toBe("'LLM comparison'");
    expect(quoteSheetName("大模型")).toBe("'大模型'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName("AB12")).toBe("'AB12'");
  });
});

describe("sheet names", () => {
  test("problems", () => {
    expect(sheetNameProblem("Data")).toBeNull();
    expect(sheetNameProblem("")).not.toBeNull();
    expect(sheetNameProblem("a".repeat(32))).not.toBeNull();
    for (const ch of ["[", "]", ":", "*", "?", "/", "\\"]) expect(sheetNameProblem(`a${ch}b`)).not.toBeNull();
    expect(sheetNameProblem("'quoted")).not.toBeNull();
    expect(sheetNameProblem("History")).not.toBeNull();
  });

  test("made valid, at most 31 characters, unique case-insensitively", () => {
    expect(makeSheetName("Compute: GPU/TPU [2023]?", [])).toBe("Compute_ GPU_TPU _2023__");
    expect(makeSheetName("  'quoted'  ", [])).toBe("quoted");
    expect(makeSheetName("", [], "llm-comparison")).toBe("llm-comparison");
    expect(makeSheetName("history", [])).toBe("history_");
    expect(makeSheetName("LLM comparison", ["llm COMPARISON"])).toBe("LLM comparison (2)");
    expect(makeSheetName("LLM comparison", ["LLM comparison", "LLM comparison (2)"])).toBe("LLM comparison (3)");
    const long = "A very long dataset title that goes on and on";
    const once = makeSheetName(long, []);
    expect(once.length).toBeLessThanOrEqual(31);
    const twice = makeSheetName(long, [once]);
    expect(twice.length).toBeLessThanOrEqual(31);
    expect(twice.endsWith(" (2)")).toBe(true);
  });

  test("any text gives a valid unique name (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(fc.string({ maxLength: 31 }), { maxLength: 5 }), (raw, existing) => {
        const name = makeSheetName(raw, existing);
        return sheetNameProblem(name) === null && !existing.some((e) => e.toLowerCase() === name.toLowerCase());
      })
    );
  });
});

describe("table names", () => {
  test("validity", () => {
    expect(isValidTableName("AI_llm_comparison")).toBe(true);
    expect(isValidTableName("_x")).toBe(true);
    expect(isValidTableName("表格1")).toBe(true);
    expect(isValidTableName("A1")).toBe(false);
    expect(isValidTableName("XFD100")).toBe(false);
    expect(isValidTableName("R1C1")).toBe(false);
    expect(isValidTableName("c")).toBe(false);
    expect(isValidTableName("1abc")).toBe(false);
    expect(isValidTableName("has space")).toBe(false);
    expect(isValidTableName("a-b")).toBe(false);
    expect(isValidTableName("TRUE")).toBe(false);
    expect(isValidTableName("x".repeat(256))).toBe(false);
  });

  test("made valid and unique", () => {
    expect(makeTableName("AI_llm-comparison", [])).toBe("AI_llm_comparison");
    expect(makeTableName("AI_llm_comparison", ["ai_llm_comparison"])).toBe("AI_llm_comparison_2");
    expect(makeTableName("1st", [])).toBe("_1st");
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }), (raw, existing) => {
        const name = makeTableName(raw, existing);
        return isValidTableName(name) && !existing.some((e) => e.toLowerCase() === name.toLowerCase());
      })
    );
  });
});

describe("plan checks", () => {
  const good: SheetPlan = {
    target: { kind: "newSheet", name: "Model" },
    blocks: [{ at: { row: 0, col: 0 }, values: [["a", 1]], formulas: [[null, "=A1*2"]], columnFormats: ["@", "0.00"] }],
    names: [{ name: "Train_FLOP", range: { row: 0, col: 1, rows: 1, cols: 1 } }],
    validations: [{ range: { row: 1, col: 0, rows: 1, cols: 1 }, list: ["H100", "A100"] }],
  };

  test("a well-formed plan has no problems", () => {
    expect(planProblems(good)).toEqual([]);
  });

  test("problems are reported", () => {
    const bad: SheetPlan = {
      target: { kind: "anchor", sheetName: "S", cell: "nope" },
      blocks: [
        { at: { row: 0, col: 0 }, values: [["a", 1], ["b"]] },
        { at: { row: 0, col: 0 }, values: [["x"]], formulas: [["SUM(A1)"]] },
        { at: { row: 0, col: 0 }, values: [[1, 2]], columnFormats: ["0"] },
      ],
      table: { range: { row: 0, col: 0, rows: 1, cols: 2 }, name: "A1", style: "TableStyleMedium2", hasHeaders: true },
      validations: [{ range: { row: 0, col: 0, rows: 1, cols: 1 }, list: ["a,b"] }],
    };
    const problems = planProblems(bad).join("\n");
    expect(problems).toMatch(/anchor/);
    expect(problems).toMatch(/rows of different lengths/);
    expect(problems).toMatch(/does not start with "="/);
    expect(problems).toMatch(/columnFormats/);
    expect(problems).toMatch(/header row and at least one body row/);
    expect(problems).toMatch(/invalid name/);
    expect(problems).toMatch(/commas/);
  });

  test("a drop-down over Excel's 255-character typed list limit needs cells that hold its entries", () => {
    const entries = Array.from({ length: 26 }, (_, i) => `Accelerator ${String(i).padStart(2, "0")}`); // 26 × 14 + 25 commas = 389 characters
    const typed: SheetPlan = { ...good, validations: [{ range: { row: 1, col: 0, rows: 1, cols: 1 }, list: entries }] };
    expect(planProblems(typed).join("\n")).toMatch(/typed list over 255 characters/);
    const listed: SheetPlan = {
      ...good,
      validations: [{ range: { row: 1, col: 0, rows: 1, cols: 1 }, list: entries, listRange: { row: 3, col: 0, rows: 26, cols: 1 } }],
    };
    expect(planProblems(listed)).toEqual([]);
    const short: SheetPlan = {
      ...good,
      validations: [{ range: { row: 1, col: 0, rows: 1, cols: 1 }, list: entries, listRange: { row: 3, col: 0, rows: 25, cols: 1 } }],
    };
    expect(planProblems(short).join("\n")).toMatch(/one cell per entry/);
    expect(VALIDATION_LIST_MAX).toBe(255);
  });

  test("a spill range: its anchor holds the formula and no block or note writes into the cells it fills", () => {
    // A1:A3 inputs; B1 spills =A1:A3*2 over B1:B3, whose cells carry only a format.
    const spilled: SheetPlan = {
      target: { kind: "newSheet", name: "S" },
      blocks: [
        {
          at: { row: 0, col: 0 },
          values: [
            [1, null],
            [2, null],
            [3, null],
          ],
          formulas: [
            [null, "=A1:A3*2"],
            [null, null],
            [null, null],
          ],
          columnFormats: ["0", "0.0"],
        },
      ],
      spills: [{ row: 0, col: 1, rows: 3, cols: 1 }],
    };
    expect(planProblems(spilled)).toEqual([]);
    expect(spillCovering(spilled, { row: 2, col: 1 })).toEqual({ row: 0, col: 1, rows: 3, cols: 1 });
    expect(spillCovering(spilled, { row: 0, col: 1 })).toBeUndefined(); // the anchor holds its own formula
    expect(spillCovering(spilled, { row: 1, col: 0 })).toBeUndefined();

    const blocked: SheetPlan = { ...spilled, blocks: [...spilled.blocks, { at: { row: 2, col: 1 }, values: [[""]] }] };
    expect(planProblems(blocked).join("\n")).toMatch(/cell \(2,1\) is in spill 0 but holds ""/);
    const noFormula: SheetPlan = { ...spilled, spills: [{ row: 0, col: 0, rows: 3, cols: 1 }] };
    expect(planProblems(noFormula).join("\n")).toMatch(/spill 0: no formula at its anchor \(0,0\)/);
    const overlapping: SheetPlan = { ...spilled, spills: [...(spilled.spills ?? []), { row: 0, col: 1, rows: 2, cols: 1 }] };
    expect(planProblems(overlapping).join("\n")).toMatch(/spill 1: overlaps another spill/);
    const noted: SheetPlan = { ...spilled, notes: { at: { row: 1, col: 1 }, lines: ["n"] } };
    expect(planProblems(noted).join("\n")).toMatch(/spill 0: the notes write into it/);
  });

  test("absoluteRef writes fixed references", () => {
    expect(absoluteRef({ row: 30, col: 0, rows: 22, cols: 1 })).toBe("$A$31:$A$52");
    expect(absoluteRef({ row: 0, col: 27, rows: 1, cols: 1 })).toBe("$AB$1");
  });

  test("footprint covers blocks, table and notes", () => {
    const plan: SheetPlan = {
      target: { kind: "newSheet", name: "S" },
      blocks: [{ at: { row: 0, col: 0 }, values: [["h1", "h2", "h3"]] }],
      table: { range: { row: 0, col: 0, rows: 4, cols: 3 }, name: "T", style: "s", hasHeaders: true },
      notes: { at: { row: 5, col: 0 }, lines: ["a", "b"] },
    };
    expect(planFootprint(plan)).toEqual({ row: 0, col: 0, rows: 7, cols: 3 });
  });
});
