import * as fs from "fs";
import * as path from "path";
import {
  columnNumberFormat,
  datasetBody,
  datasetHeaders,
  datasetNoteLines,
  datasetTableBaseName,
  isoDateToSerial,
  isoMonthToSerial,
  planDatasetInsert,
  toSheetCell,
} from "../../src/sheet/dataset-plan";
import { isValidTableName, planProblems, sheetNameProblem, type SheetPlan } from "../../src/sheet/plan";
import { allTypesDataset, column, indexDataset, injectionDataset, INJECTIONS, llmDataset } from "./fixtures";

const GOLDEN_DIR = path.join(__dirname, "golden");

/** Compares with tests/sheet/golden/<name>.json (committed); UPDATE_GOLDEN=1 rewrites it. A missing golden file fails. */
function expectGolden(name: string, plan: SheetPlan): void {
  const file = path.join(GOLDEN_DIR, `${name}.json`);
  const text = `${JSON.stringify(plan, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === "1") {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
}

describe("golden plans", () => {
  test.each([
    ["all-types.en", () => planDatasetInsert(allTypesDataset(), { language: "en", target: "newSheet", chart: true, existingSheetNames: ["Sheet1"] })],
    ["all-types.zh", () => planDatasetInsert(allTypesDataset(), { language: "zh", target: "newSheet", chart: true, existingSheetNames: ["Sheet1"] })],
    ["llm-comparison.en.chart", () => planDatasetInsert(llmDataset(), { language: "en", target: "newSheet", chart: true })],
    ["index-performance.zh.chart", () => planDatasetInsert(indexDataset(), { language: "zh", target: "newSheet", chart: true })],
    ["llm-comparison.zh.selection", () => planDatasetInsert(llmDataset(), { language: "zh", target: "selection", chart: false, anchor: { sheetName: "Model", cell: "C5" }, existingTableNames: ["AI_llm_comparison"] })],
    ["injection.en", () => planDatasetInsert(injectionDataset(), { language: "en", target: "newSheet", chart: false })],
  ])("%s", (name, make) => {
    const plan = make();
    expect(planProblems(plan)).toEqual([]);
    expectGolden(name, plan);
  });
});

describe("cells by column type", () => {
  test("number formats: the column's own, text always @, dates always a date format", () => {
    expect(columnNumberFormat(column("a", "text", "A", "A", "", "0.00"))).toBe("@");
    expect(columnNumberFormat(column("a", "percent", "A", "A", "", "0.0%"))).toBe("0.0%");
    expect(columnNumberFormat(column("a", "percent", "A", "A"))).toBe("0.00%");
    expect(columnNumberFormat(column("a", "flop", "A", "A", "FLOP", "@"))).toBe("0.00E+00");
    expect(columnNumberFormat(column("a", "date", "A", "A", "", "@"))).toBe("yyyy-mm-dd");
    expect(columnNumberFormat(column("a", "month", "A", "A"))).toBe("yyyy-mm");
    expect(columnNumberFormat(column("a", "date", "A", "A", "", "yyyy/mm/dd"))).toBe("yyyy/mm/dd");
    expect(columnNumberFormat(column("a", "integer", "A", "A"))).toBe("0");
    expect(columnNumberFormat(column("a", "bytes", "A", "A"))).toBe("#,##0");
  });

  test("dates become Excel serials (1900 system)", () => {
    expect(isoDateToSerial("1900-03-01")).toBe(61);
    expect(isoDateToSerial("2023-02-06")).toBe(44963);
    expect(isoDateToSerial("2023-02-30")).toBeNull();
    expect(isoDateToSerial("1900-01-15")).toBeNull();
    expect(isoDateToSerial("06/02/2023")).toBeNull();
    expect(isoMonthToSerial("2023-02")).toBe(44958);
    expect(isoMonthToSerial("2023-13")).toBeNull();
  });

  test("strings stay text in every column type; unparseable dates stay text", () => {
    expect(toSheetCell(column("d", "date", "D", "D"), "2023-02-06")).toEqual({ value: 44963, format: null });
    expect(toSheetCell(column("d", "date", "D", "D"), "Q1 2023")).toEqual({ value: "Q1 2023", format: "@" });
    expect(toSheetCell(column("m", "month", "M", "M"), "2023-02")).toEqual({ value: 44958, format: null });
    expect(toSheetCell(column("n", "number", "N", "N"), "n/a")).toEqual({ value: "n/a", format: "@" });
    expect(toSheetCell(column("n", "number", "N", "N"), 1.5)).toEqual({ value: 1.5, format: null });
    expect(toSheetCell(column("n", "number", "N", "N"), Number.NaN)).toEqual({ value: null, format: null });
    expect(toSheetCell(column("t", "text", "T", "T"), 42)).toEqual({ value: "42", format: null });
    expect(toSheetCell(column("t", "text", "T", "T"), null)).toEqual({ value: null, format: null });
  });

  test("body of all types", () => {
    const body = datasetBody(allTypesDataset());
    expect(body.columnFormats).toEqual(["@", "0.0", "0", "0.00%", "yyyy-mm-dd", "yyyy-mm", "0.00E+00", "0.00E+00", "#,##0", "0.00E+00", "#,##0.0"]);
    expect(body.values[0]).toEqual(["GPT-3", 1.5, 96, 0.0047, 43979, 43952, 3.14e23, 3.12e14, 80e9, 175e9, 12.5]);
    expect(body.values[1][1]).toBeNull();
    expect(body.cellFormats).toBeUndefined();
  });
});

describe("headers, notes, names", () => {
  test("headers in the chosen language, unit appended once, unique", () => {
    expect(datasetHeaders(allTypesDataset(), "en")).toContain("Training compute (FLOP)");
    expect(datasetHeaders(allTypesDataset(), "zh")).toContain("训练算力 (FLOP)");
    expect(datasetHeaders(allTypesDataset(), "zh")[0]).toBe("名称");
    const ds = allTypesDataset();
    ds.columns = [column("a", "text", "Name", ""), column("b", "text", "name", ""), column("c", "number", "", "", "FLOP/s"), column("d", "number", "Rate (FLOP/s)", "", "FLOP/s")];
    ds.rows = [];
    expect(datasetHeaders(ds, "zh")).toEqual(["Name", "name (2)", "c (FLOP/s)", "Rate (FLOP/s)"]);
  });

  test("note lines: sources, as-of and version, then caveats", () => {
    expect(datasetNoteLines(llmDataset(), "zh")).toEqual(["数据来源: 各公司官网, 财通证券研究所 | 数据截至: 2023-02 | llm-comparison 版本 1.0.0", "注: Yuan 1.0 tokens unconfirmed"]);
    const ds = indexDataset();
    ds.source = [{ text: "Source: A", url: "https://a.example" }, { text: "Source: B" }];
    expect(datasetNoteLines(ds, "en")).toEqual(["Source: A (https://a.example); Source: B | As of: 2023-02-06/2023-02-10 | index-performance version 2023-02-10"]);
    ds.source = [];
    expect(datasetNoteLines(ds, "en")[0]).toMatch(/^Source: not stated/);
  });

  test("table name from the id", () => {
    expect(datasetTableBaseName("llm-comparison")).toBe("AI_llm_comparison");
    expect(isValidTableName(datasetTableBaseName("9-chips"))).toBe(true);
    const plan = planDatasetInsert(llmDataset(), { language: "en", target: "newSheet", chart: false, existingTableNames: ["AI_LLM_COMPARISON", "AI_llm_comparison_2"] });
    expect(plan.table?.name).toBe("AI_llm_comparison_3");
  });

  test("sheet name from the title, valid and unique", () => {
    const ds = llmDataset();
    ds.title = { en: "LLMs: params/compute [2023] and a very long tail", zh: "大模型：参数/算力" };
    const en = planDatasetInsert(ds, { language: "en", target: "newSheet", chart: false, existingSheetNames: [] });
    expect(en.target.kind).toBe("newSheet");
    const name = en.target.kind === "newSheet" ? en.target.name : "";
    expect(sheetNameProblem(name)).toBeNull();
    expect(name.length).toBeLessThanOrEqual(31);
    const zh = planDatasetInsert(ds, { language: "zh", target: "newSheet", chart: false, existingSheetNames: ["大模型：参数_算力"] });
    expect(zh.target).toEqual({ kind: "newSheet", name: "大模型：参数_算力 (2)" });
  });
});

describe("layout", () => {
  test("table, gap row, notes; header frozen on new sheets only", () => {
    const plan = planDatasetInsert(llmDataset(), { language: "en", target: "newSheet", chart: false });
    expect(plan.table?.range).toEqual({ row: 0, col: 0, rows: 4, cols: 5 });
    expect(plan.notes?.at).toEqual({ row: 5, col: 0 });
    expect(plan.freeze).toEqual({ rows: 1, cols: 0 });
    const sel = planDatasetInsert(llmDataset(), { language: "en", target: "selection", chart: false, anchor: { sheetName: "S", cell: "B2" } });
    expect(sel.target).toEqual({ kind: "anchor", sheetName: "S", cell: "B2" });
    expect(sel.freeze).toBeUndefined();
    expect(() => planDatasetInsert(llmDataset(), { language: "en", target: "selection", chart: false })).toThrow(/anchor/);
  });

  test("an empty dataset still gets a one-row table and no chart", () => {
    const ds = llmDataset(0);
    const plan = planDatasetInsert(ds, { language: "en", target: "newSheet", chart: true });
    expect(plan.table?.range.rows).toBe(2);
    expect(plan.blocks[1].values).toEqual([[null, null, null, null, null]]);
    expect(plan.chart).toBeUndefined();
  });

  test("charts only where they read better, and only when asked", () => {
    expect(planDatasetInsert(llmDataset(), { language: "en", target: "newSheet", chart: false }).chart).toBeUndefined();
    expect(planDatasetInsert(allTypesDataset(), { language: "en", target: "newSheet", chart: true }).chart).toBeUndefined();
    const llm = planDatasetInsert(llmDataset(), { language: "en", target: "newSheet", chart: true }).chart;
    expect(llm).toMatchObject({ kind: "scatter", logValueAxis: true, series: [{ name: "Parameters", values: { row: 1, col: 3, rows: 3, cols: 1 }, categories: { row: 1, col: 2, rows: 3, cols: 1 } }] });
    const idx = planDatasetInsert(indexDataset(), { language: "en", target: "newSheet", chart: true }).chart;
    expect(idx).toMatchObject({ kind: "barClustered", logValueAxis: false, series: [{ name: "Relative to CSI 300", values: { col: 2 }, categories: { col: 0 } }] });
  });
});

describe("security: dataset strings stay literal text", () => {
  test("every string cell is formatted @ in the plan (text columns as a whole, others per cell)", () => {
    const plan = planDatasetInsert(injectionDataset(), { language: "en", target: "newSheet", chart: false });
    const [header, body] = plan.blocks;
    expect(header.columnFormats).toEqual(["@", "@", "@"]);
    expect(header.formulas).toBeUndefined();
    expect(body.formulas).toBeUndefined();
    expect(body.columnFormats?.[0]).toBe("@");
    body.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === "string") expect(body.cellFormats?.[r]?.[c] ?? body.columnFormats?.[c]).toBe("@");
      })
    );
    expect(body.values.map((r) => r[0])).toEqual(INJECTIONS);
    expect(plan.notes?.lines.join("\n")).toContain('=HYPERLINK("http://evil.example")');
  });
});
