import { applyPlan, skippedFeatures } from "../../src/excel/apply-plan";
import type { SheetPlan } from "../../src/sheet/plan";
import { FakeExcel } from "./fake-excel";

const all = (): boolean => true;

describe("applyPlan with the fake (the shape model sheets will use)", () => {
  const modelPlan: SheetPlan = {
    target: { kind: "newSheet", name: "Model" },
    blocks: [
      {
        at: { row: 0, col: 0 },
        values: [
          ["Chips", 1024, "count"],
          ["Chip", "H100", ""],
          ["Train FLOP", null, "FLOP"],
        ],
        columnFormats: ["@", "#,##0", "@"],
        cellFormats: [
          [null, null, null],
          [null, "@", null],
          [null, "0.00E+00", null],
        ],
        formulas: [
          [null, null, null],
          [null, null, null],
          [null, "=6*B1*1E12", null],
        ],
        columnStyles: [null, { fontColor: "#0000FF", fillColor: "#FFF2CC" }, null],
      },
    ],
    names: [
      { name: "Chips", range: { row: 0, col: 1, rows: 1, cols: 1 } },
      { name: "Train_FLOP", range: { row: 2, col: 1, rows: 1, cols: 1 }, scope: "sheet", comment: "6·N·D" },
    ],
    validations: [{ range: { row: 1, col: 1, rows: 1, cols: 1 }, list: ["H100", "A100", "910B"] }],
    freeze: { rows: 1, cols: 1 },
    autofit: [{ row: 0, col: 0, rows: 3, cols: 3 }],
    chart: {
      kind: "columnClustered",
      title: "Two series",
      series: [
        { name: "a", values: { row: 0, col: 1, rows: 1, cols: 1 }, categories: { row: 0, col: 0, rows: 1, cols: 1 } },
        { name: "b", values: { row: 2, col: 1, rows: 1, cols: 1 } },
      ],
      logValueAxis: false,
      valueAxisFormat: "0",
      position: { row: 0, col: 4, rows: 10, cols: 6 },
    },
  };

  test("one sync; formulas are formulas, text is text, names, drop-downs, styles and chart applied", async () => {
    const fake = new FakeExcel();
    const result = await fake.run((ctx) => applyPlan(ctx, modelPlan, { supports: all }));
    expect(result.syncs).toBe(1);
    expect(result.skipped).toEqual([]);
    expect(fake.syncCount).toBe(1);
    expect(fake.calculationSuspensions).toBe(1);
    expect(fake.cell("Model", "B3")?.formula).toBe("=6*R[-2]C*1E12");
    expect(fake.cell("Model", "B3")?.numberFormat).toBe("0.00E+00");
    expect(fake.cell("Model", "B2")).toMatchObject({ value: "H100", numberFormat: "@", fontColor: "#0000FF", fillColor: "#FFF2CC" });
    expect(fake.cell("Model", "B2")?.validation).toEqual({ list: { inCellDropDown: true, source: "H100,A100,910B" } });
    expect(fake.names).toEqual([
      { name: "Chips", reference: "=Model!B1", scope: "workbook" },
      { name: "Train_FLOP", reference: "=Model!B3", scope: "Model", comment: "6·N·D" },
    ]);
    const sheet = fake.sheet("Model");
    expect(sheet.freeze).toEqual({ rows: 1, cols: 1, at: "A1" });
    expect(sheet.autofitted).toEqual(["A1:C3"]);
    expect(sheet.charts[0]).toMatchObject({
      type: "ColumnClustered",
      title: "Two series",
      series: [
        { name: "a", xValues: "Model!A1" },
        { name: "b", values: "Model!B3" },
      ],
      valueAxis: { numberFormat: "0" },
      position: ["E1", "J10"],
    });
  });

  test("parts needing newer requirement sets are skipped and reported as codes with their set, each feature once", async () => {
    const fake = new FakeExcel();
    const result = await fake.run((ctx) => applyPlan(ctx, modelPlan, { supports: (v) => Number(v.split(".")[1]) < 7 }));
    expect(result.skipped).toEqual([
      { feature: "dropDowns", requirement: "ExcelApi 1.8" },
      { feature: "freezePanes", requirement: "ExcelApi 1.7" },
      { feature: "chart", requirement: "ExcelApi 1.7" },
    ]);
    expect(fake.sheet("Model").charts).toEqual([]);
    expect(fake.cell("Model", "B3")?.formula).toBe("=6*R[-2]C*1E12");
  });

  test("ExcelApi 1.7 without 1.8: the chart is added without its axis number format, which is reported with the drop-downs", async () => {
    const fake = new FakeExcel();
    const result = await fake.run((ctx) => applyPlan(ctx, modelPlan, { supports: (v) => v !== "1.8" && v !== "1.13" }));
    expect(result.skipped).toEqual([
      { feature: "dropDowns", requirement: "ExcelApi 1.8" },
      { feature: "chartAxisFormats", requirement: "ExcelApi 1.8" },
    ]);
    const sheet = fake.sheet("Model");
    expect(sheet.freeze).toEqual({ rows: 1, cols: 1, at: "A1" });
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].valueAxis?.numberFormat).toBeUndefined();
    expect(fake.cell("Model", "B2")?.validation).toBeUndefined();
  });

  test.each([
    ["1.7 and 1.8", true, true],
    ["1.7 only", true, false],
    ["1.8 only", false, true],
    ["neither", false, false],
  ])("skippedFeatures (pure) says exactly what applyPlan leaves out: %s", async (_, has17, has18) => {
    const supports = (v: string): boolean => (v === "1.7" ? has17 : v === "1.8" ? has18 : Number(v.split(".")[1]) < 7);
    const fake = new FakeExcel();
    const result = await fake.run((ctx) => applyPlan(ctx, modelPlan, { supports }));
    expect(result.skipped).toEqual(skippedFeatures(modelPlan, supports));
    const sheet = fake.sheet("Model");
    const features = result.skipped.map((f) => f.feature);
    expect(features.includes("dropDowns")).toBe(fake.cell("Model", "B2")?.validation === undefined);
    expect(features.includes("freezePanes")).toBe(sheet.freeze === undefined || sheet.freeze === null);
    expect(features.includes("chart")).toBe(sheet.charts.length === 0);
    expect(features.includes("chartAxisFormats")).toBe(sheet.charts.length === 1 && sheet.charts[0].valueAxis?.numberFormat === undefined);
  });

  test("skippedFeatures: a plan without drop-downs, freeze panes or chart skips nothing, whatever the Excel", () => {
    const plain: SheetPlan = { target: { kind: "newSheet", name: "P" }, blocks: [{ at: { row: 0, col: 0 }, values: [[1]] }] };
    expect(skippedFeatures(plain, () => false)).toEqual([]);
    expect(skippedFeatures({ ...modelPlan, validations: [], freeze: { rows: 0, cols: 0 } }, (v) => v !== "1.8")).toEqual([
      { feature: "chartAxisFormats", requirement: "ExcelApi 1.8" },
    ]);
  });

  test("anchored plans write at the anchor of an existing sheet", async () => {
    const fake = new FakeExcel();
    await fake.run((ctx) =>
      applyPlan(ctx, { target: { kind: "anchor", sheetName: "Sheet1", cell: "D4" }, blocks: [{ at: { row: 1, col: 1 }, values: [["x"]] }] }, { supports: all })
    );
    expect(fake.read("Sheet1", "E5")).toEqual([["x"]]);
  });

  test("a malformed plan is refused before anything is queued", async () => {
    const fake = new FakeExcel();
    await expect(fake.run((ctx) => applyPlan(ctx, { target: { kind: "newSheet", name: "a/b" }, blocks: [] }, { supports: all }))).rejects.toThrow(
      /invalid sheet plan/
    );
    expect(fake.syncCount).toBe(0);
  });
});
