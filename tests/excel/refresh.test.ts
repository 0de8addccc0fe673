import type { Dataset } from "../../src/data/types";
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { decodeRecord, trackingKey, type TrackedRecord } from "../../src/sheet/tracking";
import type { ProgressFn } from "../../src/sheet/workbook";
import { FakeExcel, type FakeCell } from "./fake-excel";
import { allTypesDataset, bigDataset, column, indexDataset, INJECTIONS, injectionDataset, llmDataset } from "../sheet/fixtures";

const NOW = new Date("2024-03-01T08:00:00.000Z");
const LATER = new Date("2024-04-01T08:00:00.000Z");

function setup(options: { supports?: (v: string) => boolean } = {}): { fake: FakeExcel; wb: ExcelWorkbook; clock: { now: Date } } {
  const fake = new FakeExcel();
  const clock = { now: NOW };
  const wb = new ExcelWorkbook({ run: fake.run, supports: options.supports ?? (() => true), now: () => clock.now });
  return { fake, wb, clock };
}

const map = (...ds: Dataset[]): Map<string, Dataset> => new Map(ds.map((d) => [d.id, d]));

function withVersion(d: Dataset, version: string): Dataset {
  return { ...d, version };
}

/** Every cell of a sheet outside the given rectangles (A1 ranges), for "nothing else moved". */
function outside(fake: FakeExcel, sheet: string, ...ranges: string[]): Map<string, FakeCell> {
  const rects = ranges.map((r) => {
    const [a, b = a] = r.split(":");
    const p = (x: string): [number, number] => {
      const m = /^([A-Z]+)(\d+)$/.exec(x) as RegExpExecArray;
      return [Number(m[2]), m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)];
    };
    return [p(a), p(b)];
  });
  const out = new Map<string, FakeCell>();
  for (const [addr, cell] of fake.snapshot(sheet)) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr) as RegExpExecArray;
    const row = Number(m[2]);
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    if (!rects.some(([[r1, c1], [r2, c2]]) => row >= r1 && row <= r2 && col >= c1 && col <= c2)) out.set(addr, cell);
  }
  return out;
}

describe("refresh: sync counts", () => {
  test("three tables: one read sync and one write sync", async () => {
    const { fake, wb, clock } = setup();
    await wb.insertDataset(llmDataset(3), { target: "newSheet", language: "en", chart: true });
    await wb.insertDataset(indexDataset(), { target: "newSheet", language: "zh", chart: true });
    await wb.insertDataset(allTypesDataset(), { target: "newSheet", language: "en", chart: false });
    fake.resetCounters();
    clock.now = LATER;

    const index2 = withVersion(indexDataset(), "2023-02-17");
    index2.rows = [
      ["计算机 (申万)", 0.021, 0.018],
      ["沪深300", 0.003, 0],
    ];
    const types2 = withVersion(allTypesDataset(), "1.1.0");
    types2.rows = [types2.rows[0], ["PaLM 2", 2.5, 118, 0.01, "2023-05-10", "2023-05", 7.34e24, 1e15, 16e9, 340e9, 3]];
    const summary = await wb.refresh(map(withVersion(llmDataset(4), "1.1.0"), index2, types2));

    expect(fake.syncCount).toBe(2);
    expect(wb.lastSyncs).toBe(2);
    expect(fake.syncs.map((s) => s.implicit)).toEqual([false, false]);
    expect(fake.syncs[0].calls.every((c) => c.endsWith(".load"))).toBe(true);
    expect(fake.syncs[1].calls.filter((c) => c.endsWith(".load"))).toEqual([]);
    expect(fake.calculationSuspensions).toBe(1);
    expect(summary.tables).toEqual([
      {
        tableName: "AI_all_types",
        datasetId: "all-types",
        status: "updated",
        oldVersion: "1.0.0",
        newVersion: "1.1.0",
        added: 1,
        changed: 0,
        removed: 1,
        addedKeys: ["PaLM 2"],
        removedKeys: ["PaLM"],
      },
      {
        tableName: "AI_index_performance",
        datasetId: "index-performance",
        status: "updated",
        oldVersion: "2023-02-10",
        newVersion: "2023-02-17",
        added: 0,
        changed: 2,
        removed: 0,
        changes: [
          { row: "计算机 (申万)", column: "weekly_return", old: 0.0047, new: 0.021 },
          { row: "计算机 (申万)", column: "relative_return", old: 0.0132, new: 0.018 },
          { row: "沪深300", column: "weekly_return", old: -0.0085, new: 0.003 },
        ],
      },
      {
        tableName: "AI_llm_comparison",
        datasetId: "llm-comparison",
        status: "updated",
        oldVersion: "1.0.0",
        newVersion: "1.1.0",
        added: 1,
        changed: 0,
        removed: 0,
        addedKeys: ["Yuan 1.0"],
      },
    ]);
    expect(fake.read("LLM comparison", "A5:E5")).toEqual([["Yuan 1.0", "Inspur", 44467, 245.7e9, 3.54e23]]);
    expect(fake.tableAddress("AI_llm_comparison")).toBe("A1:E5");
    expect(fake.read("LLM comparison", "A6:A8")).toEqual([
      [""],
      ["数据来源: 各公司官网, 财通证券研究所 | As of: 2023-02 | llm-comparison version 1.1.0"],
      ["Note: Yuan 1.0 tokens unconfirmed"],
    ]);
    expect(fake.read("指数表现", "B2:C2")).toEqual([[0.021, 0.018]]);
    const record = decodeRecord(fake.settings.get(trackingKey("AI_llm_comparison"))) as TrackedRecord;
    expect(record).toMatchObject({ version: "1.1.0", refreshedAt: LATER.toISOString(), insertedAt: NOW.toISOString() });
    expect((await wb.listTracked()).map((t) => t.version)).toEqual(["1.1.0", "2023-02-17", "1.1.0"]);
  });

  test("nothing changed: one read sync, no write", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(llmDataset(), { target: "newSheet", language: "en", chart: false });
    await wb.insertDataset(indexDataset(), { target: "newSheet", language: "en", chart: false });
    fake.resetCounters();
    const summary = await wb.refresh(map(llmDataset(), indexDataset()));
    expect(summary.tables.map((t) => t.status)).toEqual(["unchanged", "unchanged"]);
    expect(fake.syncCount).toBe(1);
    expect(fake.writes).toEqual([]);
  });

  test("a new instance (names not known yet): two reads, one write", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(llmDataset(3), { target: "newSheet", language: "en", chart: false });
    fake.resetCounters();
    const fresh = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => LATER });
    const summary = await fresh.refresh(map(llmDataset(4)));
    expect(summary.tables[0]).toMatchObject({ status: "updated", added: 1 });
    expect(fake.syncCount).toBe(3);
    fake.resetCounters();
    await fresh.refresh(map(llmDataset(4)));
    expect(fake.syncCount).toBe(1); // remembered now; unchanged
  });

  test("the validator already refused the feed: an empty map writes nothing", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(llmDataset(), { target: "newSheet", language: "en", chart: false });
    await wb.insertDataset(indexDataset(), { target: "newSheet", language: "en", chart: false });
    const before = [fake.snapshot("LLM comparison"), fake.snapshot("Index performance")];
    const settingsBefore = new Map(fake.settings);
    fake.resetCounters();
    const summary = await wb.refresh(new Map());
    expect(summary.tables.map((t) => [t.status, t.reason])).toEqual([
      ["skipped", 'No validated data for dataset "index-performance" was supplied, so table "AI_index_performance" was left as it is.'],
      ["skipped", 'No validated data for dataset "llm-comparison" was supplied, so table "AI_llm_comparison" was left as it is.'],
    ]);
    expect(fake.syncCount).toBe(1);
    // Worksheet.load: whether the workbook has a file's settings sheet, in the same request (src/excel/tracking.ts).
    expect(fake.syncs[0].calls).toEqual(["SettingCollection.load", "Worksheet.load", "TableCollection.load"]);
    expect(fake.writes).toEqual([]);
    expect([fake.snapshot("LLM comparison"), fake.snapshot("Index performance")]).toEqual(before);
    expect(fake.settings).toEqual(settingsBefore);
  });
});

describe("refresh: user work is kept", () => {
  test("a user-added formula column survives and fills down; cells around the table stay", async () => {
    const { fake, wb } = setup();
    fake.select("Sheet1", "C5");
    await wb.insertDataset(llmDataset(3), { target: "selection", language: "en", chart: false });
    expect(fake.tableAddress("AI_llm_comparison")).toBe("C5:G8");
    // The analyst adds "Params (bn)" = Parameters / 1e9 as a table column, and types around it.
    fake.addTableColumn("AI_llm_comparison", "Params (bn)", "=F6/1E9");
    fake.type("Sheet1", "B5", [["left"]]);
    fake.type("Sheet1", "C3", [["above"]]);
    fake.type("Sheet1", "J6", [["right"]]);
    fake.type("Sheet1", "I9", [[42]]);
    fake.type("Sheet1", "C30", [["far below"]]);
    const around = outside(fake, "Sheet1", "C5:H9", "C10:C12");

    const summary = await wb.refresh(map(withVersion(llmDataset(4), "2.0.0")));
    expect(summary.tables[0]).toMatchObject({ status: "updated", added: 1, changed: 0, removed: 0 });
    expect(fake.tableAddress("AI_llm_comparison")).toBe("C5:H9");
    expect(fake.read("Sheet1", "H5:H9")).toEqual([["Params (bn)"], ["=F6/1E9"], ["=F7/1E9"], ["=F8/1E9"], ["=F9/1E9"]]);
    expect(fake.read("Sheet1", "C9:G9")).toEqual([["Yuan 1.0", "Inspur", 44467, 245.7e9, 3.54e23]]);
    expect(fake.read("Sheet1", "C10:C12")).toEqual([
      [""],
      ["数据来源: 各公司官网, 财通证券研究所 | As of: 2023-02 | llm-comparison version 2.0.0"],
      ["Note: Yuan 1.0 tokens unconfirmed"],
    ]);
    expect(outside(fake, "Sheet1", "C5:H9", "C10:C12")).toEqual(around);
  });

  test("rows matched by key keep their places: a removed row closes up, user cells move with their row, new rows go last", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(llmDataset(3), { target: "newSheet", language: "en", chart: false });
    fake.addTableColumn("AI_llm_comparison", "Comment", null);
    fake.type("LLM comparison", "F2", [["gpt note"], ["lamda note"], ["palm note"]]);
    const next = withVersion(llmDataset(4), "2.0.0");
    // New order: PaLM (changed), Yuan (new), GPT-3; LaMDA removed.
    next.rows = [
      ["PaLM", "Google", "2022-04-04", 540e9, 2.6e24],
      ["Yuan 1.0", "Inspur", "2021-09-28", 245.7e9, 3.54e23],
      ["GPT-3", "OpenAI", "2020-05-28", 175e9, 3.14e23],
    ];
    const summary = await wb.refresh(map(next));
    expect(summary.tables[0]).toMatchObject({
      status: "updated",
      added: 1,
      changed: 1,
      removed: 1,
      changes: [{ row: "PaLM", column: "train_flop", old: 2.53e24, new: 2.6e24 }],
      addedKeys: ["Yuan 1.0"],
      removedKeys: ["LaMDA"],
    });
    // The table's order, not the feed's: GPT-3 stays first, PaLM moves up into LaMDA's place.
    expect(fake.read("LLM comparison", "A2:F4")).toEqual([
      ["GPT-3", "OpenAI", 43979, 175e9, 3.14e23, "gpt note"],
      ["PaLM", "Google", 44655, 540e9, 2.6e24, "palm note"],
      ["Yuan 1.0", "Inspur", 44467, 245.7e9, 3.54e23, ""],
    ]);
    expect(fake.tableAddress("AI_llm_comparison")).toBe("A1:F4");
  });

  test("fewer rows: the table shrinks, released rows are cleared, notes move up", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(llmDataset(4), { target: "newSheet", language: "en", chart: false });
    fake.type("LLM comparison", "G3", [["beside"]]);
    const summary = await wb.refresh(map(withVersion(llmDataset(2), "2.0.0")));
    expect(summary.tables[0]).toMatchObject({ status: "updated", added: 0, changed: 0, removed: 2 });
    expect(fake.tableAddress("AI_llm_comparison")).toBe("A1:E3");
    expect(fake.read("LLM comparison", "A4:E9")).toEqual([
      ["", "", "", "", ""],
      ["数据来源: 各公司官网, 财通证券研究所 | As of: 2023-02 | llm-comparison version 2.0.0", "", "", "", ""],
      ["Note: Yuan 1.0 tokens unconfirmed", "", "", "", ""],
      ["", "", "", "", ""],
      ["", "", "", "", ""],
      ["", "", "", "", ""],
    ]);
    expect(fake.cell("LLM comparison", "A4")).toBeUndefined();
    expect(fake.read("LLM comparison", "G3")).toEqual([["beside"]]);
  });

  test("only changed cells are written; a changed column format rewrites the column", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(llmDataset(4), { target: "newSheet", language: "en", chart: false });
    fake.resetCounters();
    const next = withVersion(llmDataset(4), "2.0.0");
    next.rows[2] = ["PaLM", "Google", "2022-04-04", 540e9, 2.6e24];
    await wb.refresh(map(next));
    expect(fake.writes.filter((w) => w.property === "values").map((w) => w.address)).toEqual(["E4", "A7:A8"]);
    fake.resetCounters();
    const reformatted = withVersion(next, "3.0.0");
    reformatted.columns = next.columns.map((c) => (c.key === "params" ? { ...c, numberFormat: "#,##0" } : c));
    await wb.refresh(map(reformatted));
    expect(fake.writes.filter((w) => w.property === "values").map((w) => w.address)).toEqual(["A2:E5", "A7:A8"]);
    expect(fake.formats("LLM comparison", "D2:D5")).toEqual([["#,##0"], ["#,##0"], ["#,##0"], ["#,##0"]]);
  });

  test("refreshed strings stay literal text", async () => {
    const { fake, wb } = setup();
    const r = await wb.insertDataset(injectionDataset(), { target: "newSheet", language: "en", chart: false });
    const next = withVersion(injectionDataset(), "2");
    next.rows = [...INJECTIONS].reverse().map((s) => [`${s}`, s, "2024-01-01"]);
    next.rows.push(["=NEW()", "=NEW()", "=NEW()"]);
    await wb.refresh(map(next));
    for (const [, cols] of fake.sheet(r.sheetName).cells) for (const [, cell] of cols) expect(cell.formula).toBeUndefined();
    expect(fake.read(r.sheetName, `A${INJECTIONS.length + 2}:C${INJECTIONS.length + 2}`)).toEqual([["=NEW()", "=NEW()", "=NEW()"]]);
  });
});

describe("refresh: tables that cannot be updated safely are skipped, untouched", () => {
  async function twoTables(): Promise<{ fake: FakeExcel; wb: ExcelWorkbook }> {
    const { fake, wb } = setup();
    await wb.insertDataset(llmDataset(3), { target: "newSheet", language: "en", chart: false });
    await wb.insertDataset(indexDataset(), { target: "newSheet", language: "en", chart: false });
    fake.resetCounters();
    return { fake, wb };
  }
  const nextIndex = (): Dataset => {
    const d = withVersion(indexDataset(), "2");
    d.rows = [["计算机 (申万)", 0.05, 0.04], d.rows[1]];
    return d;
  };

  test("deleted table: skipped with a reason; the other table is still refreshed", async () => {
    const { fake, wb } = await twoTables();
    fake.deleteTable("AI_llm_comparison", true);
    const before = fake.snapshot("LLM comparison");
    const summary = await wb.refresh(map(withVersion(llmDataset(4), "2.0.0"), nextIndex()));
    expect(summary.tables).toEqual([
      {
        tableName: "AI_index_performance",
        datasetId: "index-performance",
        status: "updated",
        oldVersion: "2023-02-10",
        newVersion: "2",
        added: 0,
        changed: 1,
        removed: 0,
        changes: [
          { row: "计算机 (申万)", column: "weekly_return", old: 0.0047, new: 0.05 },
          { row: "计算机 (申万)", column: "relative_return", old: 0.0132, new: 0.04 },
        ],
      },
      {
        tableName: "AI_llm_comparison",
        datasetId: "llm-comparison",
        status: "skipped",
        reason: 'Table "AI_llm_comparison" is no longer in the workbook (it was deleted or renamed), so nothing was changed.',
        oldVersion: "1.0.0",
        newVersion: "2.0.0",
        added: 0,
        changed: 0,
        removed: 0,
      },
    ]);
    expect(fake.snapshot("LLM comparison")).toEqual(before);
    // The optimistic read failed on the missing table; the list, the tables, then one write.
    expect(fake.syncs.map((s) => s.error ?? "ok")).toEqual(["ItemNotFound", "ok", "ok", "ok"]);
  });

  test("renamed table: skipped, untouched", async () => {
    const { fake, wb } = await twoTables();
    fake.renameTable("AI_llm_comparison", "MyModels");
    const before = fake.snapshot("LLM comparison");
    const summary = await wb.refresh(map(withVersion(llmDataset(4), "2.0.0")));
    expect(summary.tables.find((t) => t.datasetId === "llm-comparison")).toMatchObject({
      status: "skipped",
      reason: expect.stringMatching(/deleted or renamed/),
    });
    expect(fake.snapshot("LLM comparison")).toEqual(before);
  });

  test("a dataset column renamed by the user: skipped, untouched", async () => {
    const { fake, wb } = await twoTables();
    fake.type("LLM comparison", "D1", [["Params"]]);
    const before = fake.snapshot("LLM comparison");
    const summary = await wb.refresh(map(withVersion(llmDataset(4), "2.0.0"), nextIndex()));
    expect(summary.tables.find((t) => t.datasetId === "llm-comparison")).toMatchObject({
      status: "skipped",
      reason:
        'Column "Parameters" is no longer in table "AI_llm_comparison" (renamed or deleted), so the dataset\'s columns cannot be matched safely. Nothing was changed.',
    });
    expect(summary.tables.find((t) => t.datasetId === "index-performance")?.status).toBe("updated");
    expect(fake.snapshot("LLM comparison")).toEqual(before);
  });

  test("dataset columns moved by the user are still found by header", async () => {
    const { fake, wb } = await twoTables();
    // The user swaps the Organisation and Release date columns (headers move with them).
    fake.type("LLM comparison", "B1", [["Release date", "Organisation"]]);
    fake.type("LLM comparison", "B2", [
      [43979, "OpenAI"],
      [44334, "Google"],
      [44655, "Google"],
    ]);
    const summary = await wb.refresh(map(withVersion(llmDataset(4), "2.0.0")));
    expect(summary.tables.find((t) => t.datasetId === "llm-comparison")).toMatchObject({ status: "updated", added: 1, changed: 0 });
    expect(fake.read("LLM comparison", "A5:E5")).toEqual([["Yuan 1.0", 44467, "Inspur", 245.7e9, 3.54e23]]);
  });

  test("the dataset's own columns changed: skipped", async () => {
    const { fake, wb } = await twoTables();
    const d = withVersion(indexDataset(), "3");
    d.columns = [...d.columns, column("monthly_return", "percent", "Monthly", "月涨跌幅")];
    d.rows = d.rows.map((r) => [...r, 0.1]);
    const before = fake.snapshot("Index performance");
    const summary = await wb.refresh(map(d));
    expect(summary.tables.find((t) => t.datasetId === "index-performance")).toMatchObject({
      status: "skipped",
      reason: expect.stringContaining("new: monthly_return"),
    });
    expect(fake.snapshot("Index performance")).toEqual(before);
  });

  test("new rows would overwrite user cells below the table: skipped; cells beside the table do not block", async () => {
    const { fake, wb } = await twoTables();
    fake.type("LLM comparison", "G6", [["beside, not below"]]);
    fake.type("LLM comparison", "B9", [["user total"]]);
    const before = fake.snapshot("LLM comparison");
    const bigger = withVersion(llmDataset(4), "2.0.0");
    bigger.rows = [...bigger.rows, ["Gopher", "DeepMind", "2021-12-08", 280e9, 6.31e23]];
    const summary = await wb.refresh(map(bigger));
    expect(summary.tables.find((t) => t.datasetId === "llm-comparison")).toMatchObject({
      status: "skipped",
      reason:
        'Table "AI_llm_comparison" needs row 9 of sheet "LLM comparison" below it (for 2 new rows and the source note), but those cells are not empty. Move them away and refresh again; nothing was changed.',
    });
    expect(fake.snapshot("LLM comparison")).toEqual(before);
    // Moved away: now it works, and the note lines move below the grown table.
    fake.type("LLM comparison", "B9", [[""]]);
    const ok = await wb.refresh(map(bigger));
    expect(ok.tables.find((t) => t.datasetId === "llm-comparison")).toMatchObject({ status: "updated", added: 2 });
    expect(fake.tableAddress("AI_llm_comparison")).toBe("A1:E6");
    expect(fake.read("LLM comparison", "A8")[0][0]).toMatch(/^数据来源/);
    expect(fake.read("LLM comparison", "G6")).toEqual([["beside, not below"]]);
  });

  test("a Total Row that would have to move: skipped", async () => {
    const { fake, wb } = await twoTables();
    fake.table("AI_llm_comparison").showTotals = true;
    const summary = await wb.refresh(map(withVersion(llmDataset(4), "2.0.0")));
    expect(summary.tables.find((t) => t.datasetId === "llm-comparison")).toMatchObject({ status: "skipped", reason: expect.stringMatching(/Total Row/) });
  });

  test("Excel without table.resize (ExcelApi 1.13): row changes skipped, same-size updates still done", async () => {
    const { fake, wb } = setup({ supports: (v) => v !== "1.13" });
    await wb.insertDataset(llmDataset(3), { target: "newSheet", language: "en", chart: false });
    const grown = await wb.refresh(map(withVersion(llmDataset(4), "2.0.0")));
    expect(grown.tables[0]).toMatchObject({ status: "skipped", reason: expect.stringMatching(/cannot resize/) });
    const same = withVersion(llmDataset(3), "2.0.0");
    same.rows[0] = ["GPT-3", "OpenAI", "2020-05-28", 175e9, 3.2e23];
    const updated = await wb.refresh(map(same));
    expect(updated.tables[0]).toMatchObject({ status: "updated", changed: 1 });
    expect(fake.read("LLM comparison", "E2")).toEqual([[3.2e23]]);
  });

  test("only the named tables; a name the add-in did not insert is reported", async () => {
    const { fake, wb } = await twoTables();
    const before = fake.snapshot("Index performance");
    const progress: [number, number, string][] = [];
    const onProgress: ProgressFn = (done, total, label) => progress.push([done, total, label]);
    const summary = await wb.refresh(map(withVersion(llmDataset(4), "2.0.0"), nextIndex()), ["ai_llm_comparison", "Nope"], onProgress);
    expect(summary.tables.map((t) => [t.tableName, t.status])).toEqual([
      ["AI_llm_comparison", "updated"],
      ["Nope", "skipped"],
    ]);
    expect(summary.tables[1].reason).toMatch(/not inserted by the add-in/);
    expect(fake.snapshot("Index performance")).toEqual(before);
    expect(fake.syncCount).toBe(2);
    expect(progress[0]).toEqual([0, 1, "Reading tracked tables"]);
    expect(progress[progress.length - 1]).toEqual([2, 2, "Done"]);
  });
});

describe("refresh: what changed, and where new rows go", () => {
  test("a row inserted at the top of the feed is appended: the rows below are not rewritten, a user's sort is kept", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(bigDataset(500, 6), { target: "newSheet", language: "en", chart: false });
    // The analyst sorts the table descending by key (the rows are now in the reverse order).
    const body = fake.read("Big synthetic", "A2:F501");
    fake.type("Big synthetic", "A2", [...body].reverse() as (string | number)[][]);
    fake.resetCounters();
    const next = withVersion(bigDataset(500, 6), "2");
    next.rows.unshift(["row-new", 1, 2, 3, 4, 5]);
    next.rows[100][2] = 7;
    const summary = await wb.refresh(map(next));
    expect(summary.tables[0]).toMatchObject({
      status: "updated",
      added: 1,
      changed: 1,
      removed: 0,
      addedKeys: ["row-new"],
      changes: [{ row: "row-99", column: "v2", old: body[99][2], new: 7 }],
    });
    expect(fake.read("Big synthetic", "A2")).toEqual([["row-499"]]);
    expect(fake.read("Big synthetic", "A502:F502")).toEqual([["row-new", 1, 2, 3, 4, 5]]);
    // row-99 sits at table row 401 (sheet row 402) after the user's sort.
    expect(fake.read("Big synthetic", "C402")).toEqual([[7]]);
    expect(fake.writes.filter((w) => w.property === "values").map((w) => w.address)).toEqual(["C402", "A502:F502", "A504"]);
    expect(fake.syncs[1].payloadBytes).toBeLessThan(3000);
  });

  test("counts are exact; the changes, added and removed keys list the first five", async () => {
    const { wb } = setup();
    await wb.insertDataset(bigDataset(40, 3), { target: "newSheet", language: "en", chart: false });
    const next = withVersion(bigDataset(40, 3), "2");
    next.rows = next.rows.filter((_, i) => i % 5 !== 4).map((r, i) => (i < 8 ? [r[0], 1000 + i, r[2]] : r));
    for (let i = 0; i < 7; i++) next.rows.push([`extra-${i}`, i, i]);
    const [t] = (await wb.refresh(map(next))).tables;
    expect(t).toMatchObject({ status: "updated", added: 7, changed: 8, removed: 8 });
    expect(t.changes?.map((c) => `${c.row}.${c.column}`)).toEqual(["row-0.v1", "row-1.v1", "row-2.v1", "row-3.v1", "row-5.v1"]);
    expect(t.addedKeys).toEqual(["extra-0", "extra-1", "extra-2", "extra-3", "extra-4"]);
    expect(t.removedKeys).toEqual(["row-4", "row-9", "row-14", "row-19", "row-24"]);
  });

  test("rows matched by position: the changes name the row number", async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => NOW, rowKeys: { "llm-comparison": null } });
    await wb.insertDataset(llmDataset(3), { target: "newSheet", language: "en", chart: false });
    const next = withVersion(llmDataset(3), "1.0.1");
    next.rows[1] = ["LaMDA", "Google", "2021-05-18", 138e9, 3.55e23];
    const [t] = (await wb.refresh(map(next))).tables;
    expect(t).toMatchObject({ status: "updated", changed: 1, changes: [{ row: "#2", column: "params", old: 137e9, new: 138e9 }] });
    expect(t.addedKeys).toBeUndefined();
  });
});

describe("refresh: pinned tables and older versions", () => {
  test("a pinned table is left as it is, with the versions in the reason; unpinned, it is refreshed", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(llmDataset(3), { target: "newSheet", language: "en", chart: false });
    await wb.insertDataset(indexDataset(), { target: "newSheet", language: "en", chart: false });
    fake.resetCounters();
    await wb.setPinned("ai_llm_comparison", true);
    expect(fake.syncCount).toBe(1);
    expect(wb.lastSyncs).toBe(1);
    expect((await wb.listTracked()).map((t) => [t.tableName, t.pinned])).toEqual([
      ["AI_index_performance", undefined],
      ["AI_llm_comparison", true],
    ]);
    const before = fake.snapshot("LLM comparison");
    fake.resetCounters();
    const summary = await wb.refresh(map(withVersion(llmDataset(4), "1.1.0"), withVersion(indexDataset(), "2023-02-17")));
    expect(summary.tables.find((t) => t.datasetId === "llm-comparison")).toEqual({
      tableName: "AI_llm_comparison",
      datasetId: "llm-comparison",
      status: "pinned",
      reason: 'Table "AI_llm_comparison" is pinned to 1.0.0; the feed has 1.1.0. Unpin it to refresh it.',
      oldVersion: "1.0.0",
      newVersion: "1.1.0",
      added: 0,
      changed: 0,
      removed: 0,
    });
    expect(fake.snapshot("LLM comparison")).toEqual(before);
    expect(fake.syncCount).toBe(2);

    await wb.setPinned("AI_llm_comparison", false);
    expect(decodeRecord(fake.settings.get(trackingKey("AI_llm_comparison")))?.pinned).toBeUndefined();
    const after = await wb.refresh(map(withVersion(llmDataset(4), "1.1.0")));
    expect(after.tables.find((t) => t.datasetId === "llm-comparison")).toMatchObject({ status: "updated", added: 1 });
  });

  test("setPinned: a record refreshed meanwhile by another instance is pinned as it is now (two syncs)", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(llmDataset(3), { target: "newSheet", language: "en", chart: false });
    const other = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => LATER });
    await other.refresh(map(withVersion(llmDataset(4), "1.1.0")));
    fake.resetCounters();
    await wb.setPinned("AI_llm_comparison", true);
    expect(fake.syncCount).toBe(2);
    const stored = decodeRecord(fake.settings.get(trackingKey("AI_llm_comparison")));
    expect(stored).toMatchObject({ version: "1.1.0", pinned: true, refreshedAt: LATER.toISOString() });
    // An instance that never read the records: read, then write.
    fake.resetCounters();
    const cold = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => LATER });
    await cold.setPinned("AI_llm_comparison", false);
    expect(fake.syncCount).toBe(2);
    expect(decodeRecord(fake.settings.get(trackingKey("AI_llm_comparison")))).toMatchObject({ version: "1.1.0" });
    expect(decodeRecord(fake.settings.get(trackingKey("AI_llm_comparison")))?.pinned).toBeUndefined();
  });

  test("setPinned on a table the add-in does not track: tableMissing, and nothing is left behind", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(llmDataset(3), { target: "newSheet", language: "en", chart: false });
    await expect(wb.setPinned("Nope", true)).rejects.toMatchObject({ code: "tableMissing" });
    // Known to this instance but removed meanwhile: the blind write is taken back.
    fake.settings.delete(trackingKey("AI_llm_comparison"));
    await expect(wb.setPinned("AI_llm_comparison", true)).rejects.toMatchObject({ code: "tableMissing" });
    expect(fake.settings.has(trackingKey("AI_llm_comparison"))).toBe(false);
  });

  test("a feed older than the table: skipped with both versions named, nothing written", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(withVersion(llmDataset(3), "1.2.0"), { target: "newSheet", language: "en", chart: false });
    fake.resetCounters();
    const summary = await wb.refresh(map(withVersion(llmDataset(4), "1.1.9")));
    expect(summary.tables[0]).toMatchObject({
      status: "skipped",
      oldVersion: "1.2.0",
      newVersion: "1.1.9",
      reason:
        'The feed has version 1.1.9 of dataset "llm-comparison", older than the 1.2.0 that table "AI_llm_comparison" holds. A refresh never goes back to an older version, so the table was left as it is.',
    });
    expect(fake.writes).toEqual([]);
    expect(fake.syncCount).toBe(1);
    // The same version with the same data: unchanged.
    const same = await wb.refresh(map(withVersion(llmDataset(3), "1.2.0")));
    expect(same.tables[0].status).toBe("unchanged");
  });
});

describe("refresh: large tables", () => {
  test("a 200,000-row table: body read in chunks under 5 MB each, only the changed cell written", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(bigDataset(200_000, 10), { target: "newSheet", language: "en", chart: false });
    fake.resetCounters();
    const next = withVersion(bigDataset(200_000, 10), "2");
    next.rows[5][3] = 1;
    const summary = await wb.refresh(map(next));
    expect(summary.tables[0]).toMatchObject({ status: "updated", added: 0, changed: 1, removed: 0 });
    expect(fake.syncs.length).toBeGreaterThan(3);
    for (const s of fake.syncs) {
      expect(s.responseBytes).toBeLessThan(5 * 1024 * 1024);
      expect(s.payloadBytes).toBeLessThan(4_000_000);
    }
    const writes = fake.writes.filter((w) => w.property === "values").map((w) => w.address);
    expect(writes).toEqual(["D7", "A200003"]);
    expect(fake.read("Big synthetic", "D7")).toEqual([[1]]);
  }, 120_000);
});
