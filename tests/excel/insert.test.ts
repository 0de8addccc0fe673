import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { CHUNK_THRESHOLD_BYTES } from "../../src/excel/apply-plan";
import { decodeRecord, trackingKey } from "../../src/excel/tracking";
import { WorkbookError } from "../../src/sheet/workbook";
import { FakeExcel } from "./fake-excel";
import { allTypesDataset, bigDataset, INJECTIONS, injectionDataset, llmDataset } from "../sheet/fixtures";

const NOW = new Date("2024-03-01T08:00:00.000Z");

function setup(sheets?: string[]): { fake: FakeExcel; wb: ExcelWorkbook } {
  const fake = new FakeExcel(sheets ? { sheets } : {});
  const wb = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => NOW });
  return { fake, wb };
}

describe("insertDataset on a new sheet", () => {
  test("one read sync and one write sync; table, formats, notes, chart and tracking record", async () => {
    const { fake, wb } = setup();
    const result = await wb.insertDataset(llmDataset(), { target: "newSheet", language: "en", chart: true });
    expect(result).toEqual({ tableName: "AI_llm_comparison", sheetName: "LLM comparison", address: "A1:E4" });

    expect(fake.syncCount).toBe(2);
    expect(wb.lastSyncs).toBe(2);
    expect(fake.syncs.every((s) => !s.implicit && !s.error)).toBe(true);
    const [read, write] = fake.syncs;
    expect(read.calls.every((c) => c.endsWith(".load"))).toBe(true);
    expect(write.calls.filter((c) => c.endsWith(".load"))).toEqual([]);
    expect(write.calls[0]).toBe("Application.suspendApiCalculationUntilNextSync");
    expect(write.calls).toEqual(expect.arrayContaining(["WorksheetCollection.add", "TableCollection.add", "ChartCollection.add", "SettingCollection.add"]));

    const s = "LLM comparison";
    expect(fake.read(s, "A1:E4")).toEqual([
      ["Model", "Organisation", "Release date", "Parameters", "Training compute (FLOP)"],
      ["GPT-3", "OpenAI", 43979, 175e9, 3.14e23],
      ["LaMDA", "Google", 44334, 137e9, 3.55e23],
      ["PaLM", "Google", 44655, 540e9, 2.53e24],
    ]);
    expect(fake.formats(s, "A2:E2")).toEqual([["@", "@", "yyyy-mm-dd", "0.00E+00", "0.00E+00"]]);
    expect(fake.read(s, "A5:A7")).toEqual([[""], ["数据来源: 各公司官网, 财通证券研究所 | As of: 2023-02 | llm-comparison version 1.0.0"], ["Note: Yuan 1.0 tokens unconfirmed"]]);
    expect(fake.cell(s, "A6")).toMatchObject({ numberFormat: "@", italic: true });

    const table = fake.table("AI_llm_comparison");
    expect(fake.tableAddress(table.name)).toBe("A1:E4");
    expect(table.style).toBe("TableStyleMedium2");
    const sheet = fake.sheet(s);
    expect(sheet.freeze).toEqual({ rows: 1, cols: 0 });
    expect(sheet.autofitted).toEqual(["A1:E4"]);
    expect(fake.activeSheet).toBe(s);
    expect(sheet.charts).toEqual([
      {
        type: "XYScatter",
        source: "'LLM comparison'!D2:D4",
        seriesBy: "Columns",
        series: [{ values: "'LLM comparison'!D2:D4", name: "Parameters", xValues: "'LLM comparison'!C2:C4" }],
        valueAxis: { scaleType: "Logarithmic" },
        categoryAxis: { numberFormat: "yyyy-mm-dd" },
        title: "Model parameters vs release date",
        legendVisible: false,
        position: ["G1", "N18"],
      },
    ]);

    const record = decodeRecord(fake.settings.get(trackingKey("AI_llm_comparison")));
    expect(record).toEqual({
      schema: 1,
      tableName: "AI_llm_comparison",
      sheetName: s,
      datasetId: "llm-comparison",
      version: "1.0.0",
      columnKeys: ["model", "org", "release_date", "params", "train_flop"],
      language: "en",
      insertedAt: NOW.toISOString(),
      headers: ["Model", "Organisation", "Release date", "Parameters", "Training compute (FLOP)"],
      notes: ["数据来源: 各公司官网, 财通证券研究所 | As of: 2023-02 | llm-comparison version 1.0.0", "Note: Yuan 1.0 tokens unconfirmed"],
      formats: ["@", "@", "yyyy-mm-dd", "0.00E+00", "0.00E+00"],
    });
    expect(await wb.listTracked()).toEqual([
      { tableName: "AI_llm_comparison", sheetName: s, datasetId: "llm-comparison", version: "1.0.0", columnKeys: record?.columnKeys, language: "en", insertedAt: NOW.toISOString() },
    ]);
  });

  test("Chinese headers and every column type", async () => {
    const { fake, wb } = setup();
    const r = await wb.insertDataset(allTypesDataset(), { target: "newSheet", language: "zh", chart: true });
    expect(r.sheetName).toBe("全部列类型");
    expect(fake.read(r.sheetName, "A1:K1")[0]).toEqual(["名称", "数值", "数量", "占比", "发布日期", "月份", "训练算力 (FLOP)", "峰值算力 (FLOP/s)", "内存 (bytes)", "参数量", "资本开支 (USD bn)"]);
    expect(fake.formats(r.sheetName, "A2:K2")[0]).toEqual(["@", "0.0", "0", "0.00%", "yyyy-mm-dd", "yyyy-mm", "0.00E+00", "0.00E+00", "#,##0", "0.00E+00", "#,##0.0"]);
    expect(fake.read(r.sheetName, "A3:K3")[0]).toEqual(["PaLM", "", 118, -0.012, 44655, 44652, 2.53e24, 1e15, 16e9, 540e9, 3]);
    expect(fake.sheet(r.sheetName).charts).toEqual([]);
  });

  test("inserting twice gives a unique sheet and table name", async () => {
    const { fake, wb } = setup(["Sheet1", "llm COMPARISON"]);
    const r = await wb.insertDataset(llmDataset(), { target: "newSheet", language: "en", chart: false });
    expect(r).toMatchObject({ sheetName: "LLM comparison (2)", tableName: "AI_llm_comparison" });
    const r2 = await wb.insertDataset(llmDataset(), { target: "newSheet", language: "en", chart: false });
    expect(r2).toMatchObject({ sheetName: "LLM comparison (3)", tableName: "AI_llm_comparison_2" });
    expect(fake.tables.map((t) => t.name)).toEqual(["AI_llm_comparison", "AI_llm_comparison_2"]);
  });
});

describe("insertDataset at the selection", () => {
  test("anchored at the selected cell; no freeze panes, no sheet activation", async () => {
    const { fake, wb } = setup();
    fake.select("Sheet1", "C5:D9");
    const r = await wb.insertDataset(llmDataset(), { target: "selection", language: "zh", chart: false });
    expect(r).toEqual({ tableName: "AI_llm_comparison", sheetName: "Sheet1", address: "C5:G8" });
    expect(fake.syncCount).toBe(2);
    expect(fake.read("Sheet1", "C5:D6")).toEqual([["模型", "机构"], ["GPT-3", "OpenAI"]]);
    expect(fake.read("Sheet1", "C10")).toEqual([["数据来源: 各公司官网, 财通证券研究所 | 数据截至: 2023-02 | llm-comparison 版本 1.0.0"]]);
    expect(fake.sheet("Sheet1").freeze).toBeUndefined();
  });

  test("refuses to overwrite cells that are not empty, and writes nothing", async () => {
    const { fake, wb } = setup();
    fake.type("Sheet1", "F10", [["user data"]]);
    fake.select("Sheet1", "C5");
    const attempt = wb.insertDataset(llmDataset(), { target: "selection", language: "en", chart: false });
    await expect(attempt).rejects.toBeInstanceOf(WorkbookError);
    await expect(attempt).rejects.toMatchObject({ code: "noSelection", message: expect.stringContaining("Sheet1!F10 are not empty") });
    expect(fake.syncCount).toBe(1);
    expect(fake.writes).toEqual([]);
    expect(fake.tables).toEqual([]);
    expect([...fake.settings.keys()]).toEqual([]);
  });
});

describe("security: dataset strings never become formulas", () => {
  test("injection strings in headers, text and number cells, dates and notes stay literal", async () => {
    const { fake, wb } = setup();
    const r = await wb.insertDataset(injectionDataset(), { target: "newSheet", language: "en", chart: false });
    const sheet = fake.sheet(r.sheetName);
    for (const [, cols] of sheet.cells) for (const [, cell] of cols) expect(cell.formula).toBeUndefined();
    expect(fake.read(r.sheetName, "A1:C1")).toEqual([["=Label", "+Value", "-Day"]]);
    expect(fake.read(r.sheetName, `A2:A${INJECTIONS.length + 1}`).map((row) => row[0])).toEqual(INJECTIONS);
    expect(fake.read(r.sheetName, "B2:B4")).toEqual([[INJECTIONS[0]], [1], [INJECTIONS[2]]]);
    expect(fake.cell(r.sheetName, "B2")?.numberFormat).toBe("@");
    expect(fake.cell(r.sheetName, "C2")).toMatchObject({ value: "not-a-date", numberFormat: "@" });
    expect(fake.read(r.sheetName, `A${INJECTIONS.length + 3}`)[0][0]).toMatch(/^=HYPERLINK/);
    // Every write of a string was preceded (same or earlier sync) by an "@" format on its cell.
    expect(fake.writes.filter((w) => w.property === "formulas" || w.property === "formulasR1C1")).toEqual([]);
  });
});

describe("large datasets", () => {
  test("200,000 rows × 10 columns are written in chunks, each sync under 4 MB", async () => {
    const { fake, wb } = setup();
    const ds = bigDataset(200_000, 10);
    const r = await wb.insertDataset(ds, { target: "newSheet", language: "en", chart: false });
    expect(r.address).toBe("A1:J200001");
    const writes = fake.syncs.slice(1);
    expect(writes.length).toBeGreaterThan(2);
    for (const s of fake.syncs) {
      expect(s.payloadBytes).toBeLessThan(4_000_000);
      expect(s.implicit).toBe(false);
    }
    expect(fake.calculationSuspensions).toBe(writes.length);
    const last = writes[writes.length - 1].calls;
    expect(last).toEqual(expect.arrayContaining(["TableCollection.add", "SettingCollection.add"]));
    for (const s of writes.slice(0, -1)) expect(s.calls).not.toContain("TableCollection.add");
    expect(fake.read(r.sheetName, "A2:C2")).toEqual([["row-0", 17 / 7, 34 / 7]]);
    expect(fake.read(r.sheetName, "A200001:A200001")).toEqual([["row-199999"]]);
    expect(fake.tableAddress("AI_big_synthetic")).toBe("A1:J200001");
    // Values written exactly once each, in row order.
    const valueWrites = fake.writes.filter((w) => w.property === "values" && w.address.startsWith("A") && w.address !== "A1:J1");
    const rows = valueWrites.reduce((n, w) => n + (w.value as unknown[][]).length, 0);
    expect(rows).toBe(200_000 + 1); // body + the note line
  }, 120_000);

  test("without chunking, Excel on the web would reject the request (the fake enforces 5 MB)", async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook({ run: fake.run, supports: () => true, thresholdBytes: 1e12, targetBytes: 1e12 });
    await expect(wb.insertDataset(bigDataset(60_000, 10), { target: "newSheet", language: "en", chart: false })).rejects.toMatchObject({ code: "tooLarge" });
    expect(CHUNK_THRESHOLD_BYTES).toBeLessThan(5 * 1024 * 1024);
  }, 60_000);
});
