import {
  applyPlan,
  CHUNK_TARGET_BYTES,
  opBytes,
  packBatches,
  planCellOps,
  skippedFeatures,
  splitOp,
  utf8Length,
  type WriteOp,
} from "../../src/excel/apply-plan";
import type { SheetPlan } from "../../src/sheet/plan";
import { FakeExcel } from "./fake-excel";

const all = (): boolean => true;

describe("plan → write ops (pure)", () => {
  test("strings are formatted @ before they are written, whatever the plan says; formula cells never @", () => {
    const plan: SheetPlan = {
      target: { kind: "anchor", sheetName: "S", cell: "B2" },
      blocks: [
        {
          at: { row: 0, col: 0 },
          values: [
            ["=evil()", 1, null],
            [2, "+1", null],
          ],
          columnFormats: ["0.00", "0.00", "@"],
          formulas: [
            [null, null, "=A1*2"],
            [null, null, "=A2*2"],
          ],
        },
      ],
    };
    const ops = planCellOps(plan, "S", { row: 1, col: 1 });
    expect(ops).toEqual([
      { kind: "numberFormatGrid", sheet: "S", at: { row: 1, col: 1, rows: 2, cols: 1 }, formats: [["@"], ["0.00"]] },
      { kind: "numberFormatGrid", sheet: "S", at: { row: 1, col: 2, rows: 2, cols: 1 }, formats: [["0.00"], ["@"]] },
      { kind: "numberFormat", sheet: "S", at: { row: 1, col: 3, rows: 2, cols: 1 }, format: "General" },
      {
        kind: "values",
        sheet: "S",
        at: { row: 1, col: 1, rows: 2, cols: 3 },
        values: [
          ["=evil()", 1, null],
          [2, "+1", null],
        ],
      },
      { kind: "formulas", sheet: "S", at: { row: 1, col: 3, rows: 2, cols: 1 }, formulas: [["=A1*2"], ["=A2*2"]] },
    ]);
  });

  test("adjacent columns with one format share one op; blanks clear", () => {
    const ops = planCellOps(
      { target: { kind: "newSheet", name: "S" }, blocks: [{ at: { row: 0, col: 0 }, values: [[1, 2, null]], columnFormats: ["0%", "0%", "0%"] }] },
      "S",
      { row: 0, col: 0 }
    );
    expect(ops).toEqual([
      { kind: "numberFormat", sheet: "S", at: { row: 0, col: 0, rows: 1, cols: 3 }, format: "0%" },
      { kind: "values", sheet: "S", at: { row: 0, col: 0, rows: 1, cols: 3 }, values: [[1, 2, ""]] },
    ]);
  });

  test("UTF-8 sizes", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("数据")).toBe(6);
    expect(utf8Length("😀")).toBe(4);
    expect(utf8Length("é")).toBe(2);
  });

  test("small writes go in one batch; large grids are split into row chunks, in order", () => {
    const small: WriteOp[] = [{ kind: "values", sheet: "S", at: { row: 0, col: 0, rows: 1, cols: 1 }, values: [[1]] }];
    expect(packBatches(small)).toEqual([small]);
    const rows = 50_000;
    const values = Array.from({ length: rows }, (_, r) => [`row ${r}`, r, r / 3]);
    const ops: WriteOp[] = [
      { kind: "numberFormat", sheet: "S", at: { row: 0, col: 0, rows, cols: 1 }, format: "@" },
      { kind: "values", sheet: "S", at: { row: 0, col: 0, rows, cols: 3 }, values },
    ];
    const batches = packBatches(ops, { thresholdBytes: 200_000, targetBytes: 150_000 });
    expect(batches.length).toBeGreaterThan(5);
    for (const b of batches) expect(b.reduce((n, op) => n + opBytes(op), 0)).toBeLessThanOrEqual(150_000);
    const flat = batches.flat();
    expect(flat[0].kind).toBe("numberFormat");
    const chunks = flat.filter((o): o is Extract<WriteOp, { kind: "values" }> => o.kind === "values");
    expect(chunks.flatMap((c) => c.values)).toEqual(values);
    let next = 0;
    for (const c of chunks) {
      expect(c.at.row).toBe(next);
      expect(c.at.rows).toBe(c.values.length);
      next += c.at.rows;
    }
  });

  test("a large grid's first chunk fills what is left of the current batch (no batch of formats alone)", () => {
    const rows = 20_000;
    const values = Array.from({ length: rows }, (_, r) => [`row ${r}`, r]);
    const ops: WriteOp[] = [
      { kind: "numberFormat", sheet: "S", at: { row: 0, col: 0, rows, cols: 1 }, format: "@" },
      { kind: "values", sheet: "S", at: { row: 0, col: 0, rows, cols: 2 }, values },
    ];
    const batches = packBatches(ops, { thresholdBytes: 100_000, targetBytes: 80_000 });
    expect(batches[0].map((o) => o.kind)).toEqual(["numberFormat", "values"]);
    for (const b of batches) expect(b.reduce((n, op) => n + opBytes(op), 0)).toBeLessThanOrEqual(80_000);
    const total = ops.reduce((n, op) => n + opBytes(op), 0);
    expect(batches.length).toBe(Math.ceil(total / 80_000));
    expect(batches.flat().flatMap((o) => (o.kind === "values" ? o.values : []))).toEqual(values);
  });

  test("splitOp leaves non-grid ops alone", () => {
    const op: WriteOp = { kind: "numberFormat", sheet: "S", at: { row: 0, col: 0, rows: 1e6, cols: 1 }, format: "@" };
    expect(splitOp(op, 10)).toEqual([op]);
    expect(CHUNK_TARGET_BYTES).toBeLessThan(4_000_000);
  });
});

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
