/**
 * An imported table goes into the workbook through the dataset path every insert takes (the
 * same plan, one sync on a new sheet after the pane's listTracked), is tracked, and refresh
 * leaves it alone with its reason, in Excel (the recording fake driving the real adapter) and in
 * the workbench's HyperFormula workbook.
 */
import { getDataset } from "../../src/data/catalog";
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { PASTED_DATASET_ID, toDataset } from "../../src/import";
import { datasetHeaders, datasetNoteLines, isoMonthToSerial, planDatasetInsert } from "../../src/sheet/dataset-plan";
import { decodeRecord, encodeRecord, fromFeed } from "../../src/sheet/tracking";
import { planTableRefresh } from "../../src/sheet/refresh-plan";
import { HfWorkbook } from "../../src/workbench/hf-workbook";
import { FakeExcel } from "../excel/fake-excel";
import { allAccepted, fixture, imported } from "./helpers";

const NOW = new Date("2026-01-02T03:04:05Z");
const fig8 = (language: "zh" | "en" = "zh") => {
  const table = imported(fixture("fig8"), { language });
  const wudao = table.flags.find((f) => f.kind === "magnitude") as { id: string };
  return toDataset(imported(fixture("fig8"), { language, decisions: { [wudao.id]: true } }), language);
};

describe("toDataset", () => {
  it("carries the title, source, the text's note, the conversions and the flags' outcomes", () => {
    const d = fig8();
    expect(d).toMatchObject({ id: PASTED_DATASET_ID, origin: "paste", version: "1.0.0", title: { zh: "图8.国内外 AI 大模型对比" }, asOf: "未注明" });
    expect(d.shortTitle?.zh).toBe("国内外 AI 大模型对比");
    expect(d.source).toEqual([{ text: "数据来源:各公司官网,财通证券研究所" }]);
    expect(d.notes[0]).toBe("1TB 为 1024GB");
    expect(d.notes).toContain("预训练数据量: 以字节存储，1TB = 1024GB (按原文注释)");
    expect(d.notes).toContain("第 19 行「参数 (个)」: “1.75 万” → 1.75E+12");
    expect(d.notes).toContain("第 3 行「公司」: “0penAl” 按原文保留 (已标记)");
    expect(d.notes.some((n) => n.startsWith("2 个数字去掉了 PDF 空格"))).toBe(true);
  });

  it("types and formats the columns as the curated datasets do", () => {
    const d = fig8();
    expect(d.columns.map((c) => [c.type, c.numberFormat])).toEqual([
      ["text", "@"],
      ["text", "@"],
      ["month", "yyyy-mm"],
      ["params", "0.00E+00"],
      ["bytes", "0.00E+00"],
      ["text", "@"],
      ["text", "@"],
    ]);
    expect(datasetHeaders(d, "zh")).toEqual(["公司", "模型", "发布时间", "参数 (个)", "预训练数据量 (字节, 1TB = 1024GB)", "预训练数据量 限定词", "模型类型"]);
  });

  it("the note lines under the table name the source but no feed version", () => {
    const lines = datasetNoteLines(fig8(), "zh");
    expect(lines[0]).toBe("数据来源:各公司官网,财通证券研究所 | 数据截至: 未注明");
    expect(lines[1]).toMatch(/^注: 1TB 为 1024GB; /);
  });

  it("pasted text is written as text, never as a formula (and “+1”, “-2” as the numbers they are)", () => {
    const d = toDataset(imported('Name\tNote\n=HYPERLINK("http://x")\t+1\n@SUM(A1)\t-2', { language: "en" }), "en");
    const plan = planDatasetInsert(d, { language: "en", target: "newSheet", chart: false });
    expect(plan.blocks.every((b) => b.formulas === undefined)).toBe(true);
    expect(plan.blocks[1].values).toEqual([
      ['=HYPERLINK("http://x")', 1],
      ["@SUM(A1)", -2],
    ]);
    expect(plan.blocks[1].columnFormats).toEqual(["@", "#,##0"]);
  });

  it("a table with neither title nor source says so, in the pane's language", () => {
    const d = toDataset(imported("Chip\tPrice\nH100\t30000\nA100\t10000", { language: "en" }), "en");
    expect(d.title.en).toBe("Pasted table");
    expect(d.source).toEqual([{ text: "Source: pasted text (not stated)" }]);
  });

  it("the plan and the tracking record carry the origin; refresh skips the table with its reason", () => {
    const plan = planDatasetInsert(fig8(), { language: "zh", target: "newSheet", chart: true, existingSheetNames: ["Sheet1"] });
    expect(plan.target).toEqual({ kind: "newSheet", name: "国内外 AI 大模型对比" });
    expect(plan.table?.name).toBe("AI_pasted_table");
    expect(plan.chart).toBeUndefined();
    expect(plan.dataset?.origin).toBe("paste");
    const record = decodeRecord(encodeRecord({ ...recordOf(plan), origin: "paste" }));
    expect(record?.origin).toBe("paste");
    expect(fromFeed(record as { origin?: "paste" })).toBe(false);
    const refreshed = planTableRefresh(record as NonNullable<typeof record>, undefined, null, { canResize: true, now: NOW.toISOString() });
    expect(refreshed.result).toMatchObject({ status: "skipped", tableName: "AI_pasted_table" });
    expect(refreshed.result.reason).toContain("not inserted from the feed: there is nothing to refresh");
    expect(refreshed.ops).toEqual([]);
  });
});

function recordOf(plan: ReturnType<typeof planDatasetInsert>) {
  return {
    schema: 1,
    tableName: plan.table?.name ?? "",
    sheetName: "s",
    datasetId: plan.dataset?.datasetId ?? "",
    version: "1.0.0",
    columnKeys: plan.dataset?.columnKeys ?? [],
    language: "zh" as const,
    insertedAt: NOW.toISOString(),
    headers: plan.dataset?.headers ?? [],
    notes: plan.dataset?.notes ?? [],
  };
}

describe("in Excel (the recording fake driving ExcelWorkbook)", () => {
  it("inserts in one sync after listTracked, tracked with its origin; Refresh all leaves it and writes nothing", async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => NOW });
    await wb.listTracked();
    fake.resetCounters();
    const r = await wb.insertDataset(fig8(), { target: "newSheet", language: "zh", chart: false });
    expect(fake.syncCount).toBe(1);
    expect(r).toMatchObject({ tableName: "AI_pasted_table", sheetName: "国内外 AI 大模型对比", address: "A1:G16" });
    expect(fake.read(r.sheetName, "C14:E14")).toEqual([[isoMonthToSerial("2021-06"), 1.75e12, Math.round(4.9 * 1024 ** 4)]]);
    expect(await wb.listTracked()).toEqual([expect.objectContaining({ tableName: "AI_pasted_table", datasetId: PASTED_DATASET_ID, origin: "paste" })]);

    fake.resetCounters();
    const summary = await wb.refresh(new Map());
    expect(summary.tables).toEqual([expect.objectContaining({ tableName: "AI_pasted_table", status: "skipped" })]);
    expect(summary.tables[0].reason).toMatch(/pasted from a report's text/);
    expect(fake.writes).toEqual([]);
    expect(fake.read(r.sheetName, "D14")).toEqual([[1.75e12]]);
  });

  it("at the selected cell: two syncs (the target is read first)", async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => NOW });
    await wb.listTracked();
    fake.resetCounters();
    await wb.insertDataset(fig8(), { target: "selection", language: "zh", chart: false });
    expect(fake.syncCount).toBe(2);
  });
});

describe("in the workbench (HyperFormula)", () => {
  it("two pastes are two tracked tables; Refresh all updates the feed's table and skips the pasted ones", async () => {
    const b = new HfWorkbook({ now: () => NOW });
    const llm = getDataset("llm-comparison");
    if (!llm) throw new Error("no llm-comparison");
    await b.insertDataset(llm, { target: "newSheet", language: "en", chart: false });
    const first = await b.insertDataset(fig8(), { target: "newSheet", language: "zh", chart: false });
    const second = await b.insertDataset(toDataset(allAccepted(fixture("fig1")), "zh"), { target: "newSheet", language: "zh", chart: false });
    expect([first.tableName, second.tableName]).toEqual(["AI_pasted_table", "AI_pasted_table_2"]);
    const tracked = await b.listTracked();
    expect(tracked.filter((t) => t.origin === "paste").map((t) => t.tableName)).toEqual(["AI_pasted_table", "AI_pasted_table_2"]);

    const summary = await b.refresh(new Map([[llm.id, { ...llm, version: "1.0.1" }]]));
    const status = Object.fromEntries(summary.tables.map((t) => [t.tableName, t.status]));
    expect(status).toEqual({ AI_llm_comparison: "updated", AI_pasted_table: "skipped", AI_pasted_table_2: "skipped" });
    expect(await b.listTracked()).toHaveLength(3);
    const sheet = b.findSheet(second.sheetName) as number;
    expect(b.cellView(sheet, 1, 0).value).toBe("801750.SI");
    expect(b.cellView(sheet, 1, 2).value).toBe(0.0047);
  });
});
