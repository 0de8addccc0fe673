import { DetailedCellError, HyperFormula } from "hyperformula";
import { applyPlan, appliedValue, literalText } from "../../src/hyperformula/apply-plan";
import type { SheetPlan } from "../../src/sheet/plan";

const hf = () => HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });

const TRICKY_TEXT = ["=SUM(1,2)", "+1", "-5", "@x", "2023-01", "10%", "TRUE", "#N/A", "'quoted", "1,024", "$5", "2023-01-05", " 5", "=AI.TRAINFLOPS(1,2)"];

describe("applyPlan: literal values", () => {
  it("writes every string value as text, whatever its first character (= + - @ ' # $ digits)", () => {
    const e = hf();
    const plan: SheetPlan = { target: { kind: "newSheet", name: "T" }, blocks: [{ at: { row: 0, col: 0 }, values: TRICKY_TEXT.map((s) => [s]) }] };
    const a = applyPlan(e, plan);
    TRICKY_TEXT.forEach((s, i) => {
      expect(e.getCellValue({ sheet: a.sheetId, row: i, col: 0 })).toBe(s);
      expect(e.getCellValueType({ sheet: a.sheetId, row: i, col: 0 })).toBe("STRING");
    });
  });

  it("literalText prefixes one apostrophe, which HyperFormula drops on reading", () => {
    expect(literalText("=1+1")).toBe("'=1+1");
    const e = hf();
    const s = e.getSheetId(e.addSheet("S"))!;
    e.setCellContents({ sheet: s, row: 0, col: 0 }, literalText("'already quoted"));
    expect(e.getCellValue({ sheet: s, row: 0, col: 0 })).toBe("'already quoted");
  });

  it("numbers, booleans and blanks keep their type; formulas evaluate", () => {
    const e = hf();
    const plan: SheetPlan = {
      target: { kind: "newSheet", name: "T" },
      blocks: [{ at: { row: 1, col: 1 }, values: [[2, true, null, null]], formulas: [[null, null, null, "=B2*3"]] }],
    };
    const a = applyPlan(e, plan);
    expect(appliedValue(e, a, { row: 1, col: 1 })).toBe(2);
    expect(appliedValue(e, a, { row: 1, col: 2 })).toBe(true);
    expect(appliedValue(e, a, { row: 1, col: 3 })).toBeNull();
    expect(appliedValue(e, a, { row: 1, col: 4 })).toBe(6);
  });

  it("notes are written one per row as text", () => {
    const e = hf();
    const a = applyPlan(e, {
      target: { kind: "newSheet", name: "T" },
      blocks: [{ at: { row: 0, col: 0 }, values: [[1]] }],
      notes: { at: { row: 3, col: 0 }, lines: ["-1 is a note", "=not a formula"] },
    });
    expect(appliedValue(e, a, { row: 3, col: 0 })).toBe("-1 is a note");
    expect(appliedValue(e, a, { row: 4, col: 0 })).toBe("=not a formula");
    expect(a.cells.A4.numberFormat).toBe("@");
  });

  it("refuses a non-finite number and a malformed plan", () => {
    expect(() => applyPlan(hf(), { target: { kind: "newSheet", name: "T" }, blocks: [{ at: { row: 0, col: 0 }, values: [[Number.NaN]] }] })).toThrow(/finite/);
    expect(() => applyPlan(hf(), { target: { kind: "newSheet", name: "T" }, blocks: [{ at: { row: 0, col: 0 }, values: [[1], [1, 2]] }] })).toThrow(
      /invalid sheet plan/
    );
  });
});

describe("applyPlan: names", () => {
  it("defines workbook and sheet names that formulas use, on a sheet whose name needs quoting", () => {
    const e = hf();
    const plan: SheetPlan = {
      target: { kind: "newSheet", name: "训练 算力" },
      blocks: [{ at: { row: 0, col: 0 }, values: [[175e9, 300e9, null]], formulas: [[null, null, "=Params*Tokens*6"]] }],
      names: [
        { name: "Params", range: { row: 0, col: 0, rows: 1, cols: 1 }, scope: "sheet" },
        { name: "Tokens", range: { row: 0, col: 1, rows: 1, cols: 1 } },
      ],
    };
    const a = applyPlan(e, plan);
    expect(appliedValue(e, a, { row: 0, col: 2 }) as number).toBeCloseTo(3.15e23, -20);
    expect(a.names).toEqual([
      { name: "Params", scope: "sheet", refersTo: "='训练 算力'!$A$1" },
      { name: "Tokens", scope: "workbook", refersTo: "='训练 算力'!$B$1" },
    ]);
    // A sheet-scoped name is invisible from another sheet; a workbook name is not.
    const other = e.getSheetId(e.addSheet("Other"))!;
    e.setCellContents({ sheet: other, row: 0, col: 0 }, [["=Params", "=Tokens"]]);
    expect((e.getCellValue({ sheet: other, row: 0, col: 0 }) as DetailedCellError).value).toBe("#NAME?");
    expect(e.getCellValue({ sheet: other, row: 0, col: 1 })).toBe(300e9);
  });

  it("sheet-scoped names let the same model sit on two sheets", () => {
    const e = hf();
    const plan = (name: string): SheetPlan => ({
      target: { kind: "newSheet", name },
      blocks: [{ at: { row: 0, col: 0 }, values: [[name === "A" ? 1 : 2, null]], formulas: [[null, "=X*10"]] }],
      names: [{ name: "X", range: { row: 0, col: 0, rows: 1, cols: 1 }, scope: "sheet" }],
    });
    const a = applyPlan(e, plan("A"));
    const b = applyPlan(e, plan("B"));
    expect(appliedValue(e, a, { row: 0, col: 1 })).toBe(10);
    expect(appliedValue(e, b, { row: 0, col: 1 })).toBe(20);
  });

  it("a workbook name defined twice is an error, and the failed plan leaves nothing behind", () => {
    const e = hf();
    const plan = (name: string): SheetPlan => ({
      target: { kind: "newSheet", name },
      blocks: [{ at: { row: 0, col: 0 }, values: [[1]] }],
      names: [
        { name: `Only_${name}`, range: { row: 0, col: 0, rows: 1, cols: 1 } },
        { name: "X", range: { row: 0, col: 0, rows: 1, cols: 1 } },
      ],
    });
    applyPlan(e, plan("A"));
    expect(() => applyPlan(e, plan("B"))).toThrow(/already defined/);
    expect(e.getSheetNames()).toEqual(["A"]);
    expect(e.listNamedExpressions().sort()).toEqual(["Only_A", "X"]);
  });

  it("a bad value fails before anything is written", () => {
    const e = hf();
    e.addSheet("Existing");
    e.setCellContents({ sheet: 0, row: 0, col: 0 }, "keep");
    const bad: SheetPlan = {
      target: { kind: "anchor", sheetName: "Existing", cell: "A1" },
      blocks: [{ at: { row: 0, col: 0 }, values: [["new", Number.POSITIVE_INFINITY]] }],
    };
    expect(() => applyPlan(e, bad)).toThrow(/finite/);
    expect(e.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe("keep");
  });
});

describe("applyPlan: what HyperFormula cannot hold is recorded", () => {
  const plan: SheetPlan = {
    target: { kind: "newSheet", name: "Rec" },
    blocks: [
      {
        at: { row: 0, col: 0 },
        values: [
          ["Name", "Share"],
          ["a", 0.5],
          ["b", 0.25],
        ],
        columnFormats: ["@", "0.0%"],
        cellFormats: [
          [null, null],
          [null, "0.00%"],
          [null, null],
        ],
        style: { bold: true },
        columnStyles: [null, { fontColor: "#0000FF", fillColor: "#FFF2CC" }],
      },
    ],
    table: { range: { row: 0, col: 0, rows: 3, cols: 2 }, name: "T_Rec", style: "TableStyleMedium2", hasHeaders: true },
    validations: [{ range: { row: 1, col: 0, rows: 2, cols: 1 }, list: ["a", "b"] }],
    chart: {
      kind: "columnClustered",
      title: "Shares",
      series: [{ name: "Share", values: { row: 1, col: 1, rows: 2, cols: 1 }, categories: { row: 1, col: 0, rows: 2, cols: 1 } }],
      logValueAxis: false,
      valueAxisFormat: "0%",
      position: { row: 0, col: 3, rows: 10, cols: 5 },
    },
    freeze: { rows: 1, cols: 0 },
    autofit: [{ row: 0, col: 0, rows: 3, cols: 2 }],
    activate: true,
  };

  it("formats (text cells as @, cell overrides) and merged block + column styles by address", () => {
    const a = applyPlan(hf(), plan);
    expect(a.cells.A1).toEqual({ numberFormat: "@", style: { bold: true } });
    expect(a.cells.B1).toEqual({ numberFormat: "@", style: { bold: true, fontColor: "#0000FF", fillColor: "#FFF2CC" } }); // "Share" is text
    expect(a.cells.B2.numberFormat).toBe("0.00%");
    expect(a.cells.B3.numberFormat).toBe("0.0%");
    expect(a.written).toEqual(["A1", "B1", "A2", "B2", "A3", "B3"]);
  });

  it("table, validation, chart, freeze, autofit and activation with absolute addresses", () => {
    const a = applyPlan(hf(), plan);
    expect(a.table).toEqual({ name: "T_Rec", address: "A1:B3", style: "TableStyleMedium2" });
    expect(a.validations).toEqual([{ address: "A2:A3", list: ["a", "b"], allowBlank: true }]);
    expect(a.chart).toEqual({
      kind: "columnClustered",
      title: "Shares",
      logValueAxis: false,
      valueAxisFormat: "0%",
      position: "D1:H10",
      series: [{ name: "Share", values: "B2:B3", categories: "A2:A3" }],
    });
    expect(a.freeze).toEqual({ rows: 1, cols: 0 });
    expect(a.autofit).toEqual(["A1:B3"]);
    expect(a.activate).toBe(true);
  });

  it("an anchor target offsets values, names and records from the anchor cell", () => {
    const e = hf();
    e.addSheet("Existing");
    const a = applyPlan(e, {
      ...plan,
      target: { kind: "anchor", sheetName: "Existing", cell: "C3" },
      names: [{ name: "Shares", range: { row: 1, col: 1, rows: 2, cols: 1 } }],
    });
    expect(a.origin).toEqual({ row: 2, col: 2 });
    expect(e.getCellValue({ sheet: a.sheetId, row: 3, col: 3 })).toBe(0.5);
    expect(a.names[0].refersTo).toBe("=Existing!$D$4:$D$5");
    expect(a.table?.address).toBe("C3:D5");
    expect(a.cells.D4.numberFormat).toBe("0.00%");
  });

  it("a taken sheet name is an error unless renaming is asked for; a missing anchor sheet is an error", () => {
    const e = hf();
    applyPlan(e, plan);
    expect(() => applyPlan(e, plan)).toThrow(/already exists/);
    expect(applyPlan(e, { ...plan, table: undefined }, { onNameTaken: "rename" }).sheetName).toBe("Rec (2)");
    expect(() => applyPlan(hf(), { ...plan, target: { kind: "anchor", sheetName: "Nope", cell: "A1" } })).toThrow(/no sheet named/);
  });
});
