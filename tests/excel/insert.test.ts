import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { CHUNK_THRESHOLD_BYTES } from "../../src/sheet/write-ops";
import { decodeRecord, trackingKey } from "../../src/sheet/tracking";
import { WorkbookError } from "../../src/sheet/workbook";
import { FakeExcel } from "./fake-excel";
import { allTypesDataset, bigDataset, indexDataset, INJECTIONS, injectionDataset, llmDataset } from "../sheet/fixtures";

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
    expect(fake.read(s, "A5:A7")).toEqual([
      [""],
      ["数据来源: 各公司官网, 财通证券研究所 | As of: 2023-02 | llm-comparison version 1.0.0"],
      ["Note: Yuan 1.0 tokens unconfirmed"],
    ]);
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
        name: "Chart 1",
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
      {
        tableName: "AI_llm_comparison",
        sheetName: s,
        datasetId: "llm-comparison",
        version: "1.0.0",
        columnKeys: record?.columnKeys,
        language: "en",
        insertedAt: NOW.toISOString(),
      },
    ]);
  });

  test("Chinese headers and every column type", async () => {
    const { fake, wb } = setup();
    const r = await wb.insertDataset(allTypesDataset(), { target: "newSheet", language: "zh", chart: true });
    expect(r.sheetName).toBe("全部列类型");
    expect(fake.read(r.sheetName, "A1:K1")[0]).toEqual([
      "名称",
      "数值",
      "数量",
      "占比",
      "发布日期",
      "月份",
      "训练算力 (FLOP)",
      "峰值算力 (FLOP/s)",
      "内存 (bytes)",
      "参数量",
      "资本开支 (USD bn)",
    ]);
    expect(fake.formats(r.sheetName, "A2:K2")[0]).toEqual([
      "@",
      "0.0",
      "0",
      "0.00%",
      "yyyy-mm-dd",
      "yyyy-mm",
      "0.00E+00",
      "0.00E+00",
      "#,##0",
      "0.00E+00",
      "#,##0.0",
    ]);
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
    expect(fake.read("Sheet1", "C5:D6")).toEqual([
      ["模型", "机构"],
      ["GPT-3", "OpenAI"],
    ]);
    expect(fake.read("Sheet1", "C10")).toEqual([["数据来源: 各公司官网, 财通证券研究所 | 数据截至: 2023-02 | llm-comparison 版本 1.0.0"]]);
    expect(fake.sheet("Sheet1").freeze).toBeUndefined();
  });

  test("refuses to overwrite cells that are not empty, and writes nothing", async () => {
    const { fake, wb } = setup();
    fake.type("Sheet1", "F10", [["user data"]]);
    fake.select("Sheet1", "C5");
    const attempt = wb.insertDataset(llmDataset(), { target: "selection", language: "en", chart: false });
    await expect(attempt).rejects.toBeInstanceOf(WorkbookError);
    await expect(attempt).rejects.toMatchObject({ code: "targetNotEmpty", message: expect.stringContaining("Sheet1!F10 are not empty") });
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
    // The first chunk's batch creates the sheet and the table; the last one writes the record.
    expect(writes[0].calls.slice(0, 8)).toEqual([
      "Application.suspendApiCalculationUntilNextSync",
      "SettingCollection.add",
      "WorksheetCollection.add",
      "SettingCollection.add",
      "TableCollection.add",
      "Table.name",
      "SettingCollection.add",
      "Table.style",
    ]);
    for (const s of writes.slice(1)) expect(s.calls).not.toContain("TableCollection.add");
    const last = writes[writes.length - 1].calls;
    expect(last.slice(-2)).toEqual(["SettingCollection.add", "Setting.delete"]);
    for (const s of writes.slice(0, -1)) expect(s.calls).not.toContain("Setting.delete");
    expect([...fake.settings.keys()]).toEqual([trackingKey("AI_big_synthetic")]);
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

describe("round trips: one sync per insert on a new sheet once the names are known", () => {
  const newSheet = { target: "newSheet", language: "en", chart: true } as const;
  const keys = (fake: FakeExcel): string[] => [...fake.settings.keys()].sort();

  test("after listTracked: exactly 1 sync; sheet and table are created before any cell is written; same result as with a read first", async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    expect(wb.lastSyncs).toBe(1);
    fake.resetCounters();
    const r = await wb.insertDataset(llmDataset(), newSheet);
    expect(r).toEqual({ tableName: "AI_llm_comparison", sheetName: "LLM comparison", address: "A1:E4" });
    expect(fake.syncCount).toBe(1);
    expect(wb.lastSyncs).toBe(1);
    const calls = fake.syncs[0].calls;
    expect(fake.syncs[0]).toMatchObject({ implicit: false });
    expect(fake.syncs[0].error).toBeUndefined();
    expect(calls.filter((c) => c.endsWith(".load"))).toEqual([]);
    expect(calls.slice(0, 8)).toEqual([
      "Application.suspendApiCalculationUntilNextSync",
      "SettingCollection.add",
      "WorksheetCollection.add",
      "SettingCollection.add",
      "TableCollection.add",
      "Table.name",
      "SettingCollection.add",
      "Table.style",
    ]);
    expect(calls.indexOf("Range.values")).toBeGreaterThan(calls.indexOf("Table.name"));
    expect(calls.slice(-2)).toEqual(["SettingCollection.add", "Setting.delete"]);
    expect(fake.syncs[0].payloadBytes).toBeLessThan(4_000_000);
    expect(keys(fake)).toEqual([trackingKey("AI_llm_comparison")]);

    // The same workbook as an instance that reads the names first (2 syncs).
    const other = setup();
    await other.wb.insertDataset(llmDataset(), newSheet);
    expect(other.fake.syncCount).toBe(2);
    expect(fake.snapshot("LLM comparison")).toEqual(other.fake.snapshot("LLM comparison"));
    expect(fake.sheet("LLM comparison").charts).toEqual(other.fake.sheet("LLM comparison").charts);
    expect(fake.settings).toEqual(other.fake.settings);
    expect(fake.tables.map((t) => [t.name, fake.tableAddress(t.name)])).toEqual([["AI_llm_comparison", "A1:E4"]]);
  });

  test("a fresh instance reads the names first (2 syncs); from then on the names are kept and each insert costs 1", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(llmDataset(), newSheet);
    expect(wb.lastSyncs).toBe(2);
    expect(fake.syncs[0].calls).toEqual(["WorksheetCollection.load", "TableCollection.load", "NamedItemCollection.load"]);
    const results = [];
    for (const d of [llmDataset(), indexDataset(), llmDataset()]) {
      fake.resetCounters();
      results.push(await wb.insertDataset(d, newSheet));
      expect(fake.syncCount).toBe(1);
      expect(wb.lastSyncs).toBe(1);
    }
    expect(results.map((x) => [x.sheetName, x.tableName])).toEqual([
      ["LLM comparison (2)", "AI_llm_comparison_2"],
      ["Index performance", "AI_index_performance"],
      ["LLM comparison (3)", "AI_llm_comparison_3"],
    ]);
    expect(fake.syncs.every((x) => !x.error)).toBe(true);
  });

  test("a refresh keeps the names known: the next insert is still 1 sync", async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    await wb.insertDataset(llmDataset(), newSheet);
    await wb.refresh(new Map([["llm-comparison", llmDataset(4)]]));
    fake.resetCounters();
    await wb.insertDataset(indexDataset(), newSheet);
    expect(fake.syncCount).toBe(1);
  });

  test("stale names: a sheet with the chosen name was added behind the adapter's back → retried under a unique name, 3 syncs, the user's sheet untouched", async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    fake.addSheet("LLM comparison");
    fake.type("LLM comparison", "B2", [["the user's"]]);
    const userSheet = fake.snapshot("LLM comparison");
    fake.resetCounters();
    const r = await wb.insertDataset(llmDataset(), newSheet);
    expect(r).toEqual({ tableName: "AI_llm_comparison", sheetName: "LLM comparison (2)", address: "A1:E4" });
    expect(fake.syncCount).toBe(3);
    expect(wb.lastSyncs).toBe(3);
    expect(fake.syncs.map((x) => x.error)).toEqual(["ItemAlreadyExists", undefined, undefined]);
    // The failed batch stopped at the sheet (after the marker naming it): no cell was written.
    expect(fake.syncs[0].calls.slice(0, 3)).toEqual(["Application.suspendApiCalculationUntilNextSync", "SettingCollection.add", "WorksheetCollection.add"]);
    expect(fake.writes.filter((w) => w.sync === 0)).toEqual([]);
    expect(fake.syncs[1].calls.every((c) => c.endsWith(".load"))).toBe(true);
    expect(fake.sheets.map((x) => x.name)).toEqual(["Sheet1", "LLM comparison", "LLM comparison (2)"]);
    expect(fake.snapshot("LLM comparison")).toEqual(userSheet);
    expect(fake.read("LLM comparison (2)", "A1:B2")).toEqual([
      ["Model", "Organisation"],
      ["GPT-3", "OpenAI"],
    ]);
    expect(fake.tables.map((t) => t.name)).toEqual(["AI_llm_comparison"]);
    expect(keys(fake)).toEqual([trackingKey("AI_llm_comparison")]);
    expect(decodeRecord(fake.settings.get(trackingKey("AI_llm_comparison")))?.sheetName).toBe("LLM comparison (2)");
    // The names were read again: the next insert is back to 1 sync.
    fake.resetCounters();
    await wb.insertDataset(indexDataset(), newSheet);
    expect(fake.syncCount).toBe(1);
  });

  test("stale names: a table with the chosen name was added since → the empty sheet the failed batch left is deleted and the insert retried, 3 syncs", async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    fake.type("Sheet1", "A1", [["h"], [1]]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:A2", true).name = "AI_llm_comparison";
      await ctx.sync();
    });
    const sheet1 = fake.snapshot("Sheet1");
    fake.resetCounters();
    const r = await wb.insertDataset(llmDataset(), newSheet);
    expect(r).toEqual({ tableName: "AI_llm_comparison_2", sheetName: "LLM comparison", address: "A1:E4" });
    expect(fake.syncCount).toBe(3);
    expect(fake.syncs.map((x) => x.error)).toEqual(["ItemAlreadyExists", undefined, undefined]);
    // The failed batch got as far as the table name: an empty sheet, no cell written.
    expect(fake.writes.filter((w) => w.sync === 0)).toEqual([]);
    // The retry deletes that sheet first, then creates it again.
    expect(fake.syncs[2].calls.slice(0, 4)).toEqual([
      "Application.suspendApiCalculationUntilNextSync",
      "Worksheet.delete",
      "SettingCollection.add",
      "WorksheetCollection.add",
    ]);
    expect(fake.sheets.map((x) => x.name)).toEqual(["Sheet1", "LLM comparison"]);
    expect(fake.tables.map((t) => [t.name, t.sheet.name, fake.tableAddress(t.name)])).toEqual([
      ["AI_llm_comparison", "Sheet1", "A1:A2"],
      ["AI_llm_comparison_2", "LLM comparison", "A1:E4"],
    ]);
    expect(fake.snapshot("Sheet1")).toEqual(sheet1);
    expect(fake.read("LLM comparison", "A1:A2")).toEqual([["Model"], ["GPT-3"]]);
    expect(keys(fake)).toEqual([trackingKey("AI_llm_comparison_2")]);
  });

  test("a failure that is not about names: what the first batch created is removed (the marker says it is ours), then the error is reported", async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    fake.resetCounters();
    fake.failSync(0, "InvalidArgument", "Range.values");
    await expect(wb.insertDataset(llmDataset(), newSheet)).rejects.toMatchObject({ code: "excelRejected" });
    expect(wb.lastSyncs).toBe(3); // the failed write, one read, one cleanup
    expect(fake.syncs.map((x) => x.error)).toEqual(["InvalidArgument", undefined, undefined]);
    expect(fake.syncs[2].calls).toEqual(["Worksheet.delete", "Setting.delete"]);
    expect(fake.sheets.map((x) => x.name)).toEqual(["Sheet1"]);
    expect(fake.tables).toEqual([]);
    expect(keys(fake)).toEqual([]);
    // Nothing is left, so inserting again works, in one sync.
    fake.resetCounters();
    expect(await wb.insertDataset(llmDataset(), newSheet)).toMatchObject({ sheetName: "LLM comparison", tableName: "AI_llm_comparison" });
    expect(fake.syncCount).toBe(1);
  });

  test("a request lost as a whole: nothing was created, so nothing is removed (and a user's sheet of that name is never touched)", async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    fake.resetCounters();
    fake.failSync(0);
    await expect(wb.insertDataset(llmDataset(), newSheet)).rejects.toMatchObject({ code: "excelRejected" });
    expect(fake.syncCount).toBe(2); // the lost write and the read that shows nothing is left
    expect(fake.sheets.map((x) => x.name)).toEqual(["Sheet1"]);
    expect(keys(fake)).toEqual([]);
  });

  test("a chunked insert that fails part-way deletes its sheet in one read and one cleanup batch", async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => NOW, thresholdBytes: 200_000, targetBytes: 150_000 });
    await wb.listTracked();
    fake.resetCounters();
    fake.failSync(2);
    await expect(wb.insertDataset(bigDataset(5_000, 10), { target: "newSheet", language: "en", chart: false })).rejects.toMatchObject({
      code: "excelRejected",
    });
    expect(fake.syncCount).toBe(5); // two chunks applied, the third lost, a read (is the record there?), one cleanup
    expect(wb.lastSyncs).toBe(5);
    expect(fake.syncs[0].calls).toContain("TableCollection.add");
    expect(fake.syncs[3].calls).toEqual(["Setting.load"]);
    expect(fake.syncs[4].calls).toEqual(["Worksheet.delete", "Setting.delete"]);
    expect(fake.sheets.map((x) => x.name)).toEqual(["Sheet1"]);
    expect(fake.tables).toEqual([]);
    expect(keys(fake)).toEqual([]);
  });

  test("a chunked insert at the selection that fails part-way removes its table and leaves the cells as they were", async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => NOW, thresholdBytes: 200_000, targetBytes: 150_000 });
    fake.type("Sheet1", "A1", [["the user's"]]);
    fake.select("Sheet1", "C3");
    const before = fake.workbookState();
    fake.failSync(3);
    await expect(wb.insertDataset(bigDataset(5_000, 10), { target: "selection", language: "en", chart: false })).rejects.toMatchObject({
      code: "excelRejected",
    });
    expect(fake.syncCount).toBe(6); // the read, two chunks applied, the third lost, a read (tables, charts), one cleanup
    expect(fake.syncs[5].calls.slice(0, 3)).toEqual(["Table.delete", "Range.clear", "Range.clear"]);
    expect(fake.tables).toEqual([]);
    expect(fake.workbookState()).toBe(before);
    expect(keys(fake)).toEqual([]);
  });

  test("selection: 2 syncs, also once the names are known (the cells must be read first)", async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    fake.select("Sheet1", "B2");
    fake.resetCounters();
    const r = await wb.insertDataset(llmDataset(), { target: "selection", language: "en", chart: true });
    expect(r).toEqual({ tableName: "AI_llm_comparison", sheetName: "Sheet1", address: "B2:F5" });
    expect(fake.syncCount).toBe(2);
    expect(wb.lastSyncs).toBe(2);
    expect(fake.syncs[0].calls.every((c) => c.endsWith(".load"))).toBe(true);
    // The names read there are kept: a new-sheet insert next is 1 sync and avoids the table name.
    fake.resetCounters();
    expect(await wb.insertDataset(llmDataset(), newSheet)).toMatchObject({ tableName: "AI_llm_comparison_2" });
    expect(fake.syncCount).toBe(1);
  });

  test("occupied selection: targetNotEmpty, nothing written, one sync", async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    fake.type("Sheet1", "D4", [[1]]);
    fake.select("Sheet1", "B2");
    const before = fake.snapshot("Sheet1");
    fake.resetCounters();
    await expect(wb.insertDataset(llmDataset(), { target: "selection", language: "zh", chart: true })).rejects.toMatchObject({
      code: "targetNotEmpty",
      message: expect.stringContaining("Sheet1!D4"),
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.writes).toEqual([]);
    expect(fake.snapshot("Sheet1")).toEqual(before);
    expect(fake.tables).toEqual([]);
    expect(keys(fake)).toEqual([]);
  });
});

describe("features an older Excel cannot add are reported in the result", () => {
  /** An Excel with ExcelApi up to 1.6: no freeze panes, no multi-series chart, no drop-downs. */
  const upTo16 = (v: string): boolean => Number(v.split(".")[1]) <= 6;

  test("new sheet: freeze panes and the chart are skipped with their requirement set; the table and its tracking record are written", async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook({ run: fake.run, supports: upTo16, now: () => NOW });
    const r = await wb.insertDataset(llmDataset(), { target: "newSheet", language: "en", chart: true });
    expect(r.skipped).toEqual([
      { feature: "freezePanes", requirement: "ExcelApi 1.7" },
      { feature: "chart", requirement: "ExcelApi 1.7" },
    ]);
    expect(fake.sheet(r.sheetName).charts).toEqual([]);
    expect(fake.sheet(r.sheetName).freeze).toBeUndefined();
    expect(fake.tableAddress(r.tableName)).toBe("A1:E4");
    expect(decodeRecord(fake.settings.get(trackingKey(r.tableName)))).toMatchObject({ datasetId: "llm-comparison" });
  });

  test("selection: only the chart is skipped (an insert at the selection freezes nothing)", async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook({ run: fake.run, supports: upTo16, now: () => NOW });
    fake.select("Sheet1", "C5");
    const r = await wb.insertDataset(llmDataset(), { target: "selection", language: "en", chart: true });
    expect(r.skipped).toEqual([{ feature: "chart", requirement: "ExcelApi 1.7" }]);
  });

  test("nothing skipped: the result has no skipped list, with or without a chart asked for", async () => {
    const { wb } = setup();
    expect(await wb.insertDataset(llmDataset(), { target: "newSheet", language: "en", chart: true })).not.toHaveProperty("skipped");
    const fake = new FakeExcel();
    const old = new ExcelWorkbook({ run: fake.run, supports: upTo16, now: () => NOW });
    fake.select("Sheet1", "C5");
    expect(await old.insertDataset(llmDataset(), { target: "selection", language: "en", chart: false })).not.toHaveProperty("skipped");
  });
});
