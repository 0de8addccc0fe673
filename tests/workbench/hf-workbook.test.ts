/** The workbench's WorkbookPort on HyperFormula: insert, track, refresh, typed input, Name Box. */
import { getDataset } from "../../src/data/catalog";
import type { Dataset } from "../../src/data/types";
import { buildTrainingCompute } from "../../src/sheet/models/training-compute";
import { WorkbookError } from "../../src/sheet/workbook";
import { HfWorkbook } from "../../src/workbench/hf-workbook";
import { formatValue } from "../../src/workbench/format";

const NOW = new Date("2026-01-02T03:04:05Z");
const llm = (): Dataset => {
  const d = getDataset("llm-comparison");
  if (!d) throw new Error("llm-comparison missing");
  return d;
};
const book = (): HfWorkbook => new HfWorkbook({ now: () => NOW });

/** The zero-based position of the first cell showing `text` on a sheet. */
function find(b: HfWorkbook, sheet: number, text: string): { row: number; col: number } {
  const { rows, cols } = b.extent(sheet);
  for (let row = 0; row < rows; row++) for (let col = 0; col < cols; col++) if (b.cellView(sheet, row, col).value === text) return { row, col };
  throw new Error(`"${text}" not found`);
}

/** A copy of llm-comparison with GPT-3's parameters changed, one row more and a new version. */
function changedLlm(): Dataset {
  const d = llm();
  const params = d.columns.findIndex((c) => c.key === "params");
  const model = d.columns.findIndex((c) => c.key === "model_en");
  const rows = d.rows.map((r) => [...r]);
  const gpt3 = rows.findIndex((r) => r[model] === "GPT-3");
  rows[gpt3][params] = 176e9;
  const extra = [...rows[rows.length - 1]];
  extra[model] = "Test model";
  rows.push(extra);
  return { ...d, version: "1.0.1", rows };
}

describe("HfWorkbook: insert and track", () => {
  it("inserts a dataset on a new sheet as a formatted table and tracks it", async () => {
    const b = book();
    const r = await b.insertDataset(llm(), { target: "newSheet", language: "en", chart: true });
    expect(r.tableName).toBe("AI_llm_comparison");
    expect(r.address).toMatch(/^A1:[A-Z]+\d+$/);
    const sheet = b.findSheet(r.sheetName);
    expect(sheet).toBeDefined();
    expect(b.activeSheet).toBe(sheet);
    const s = sheet as number;
    const gpt3 = find(b, s, "GPT-3");
    const paramsCol = llm().columns.findIndex((c) => c.key === "params");
    const v = b.cellView(s, gpt3.row, paramsCol);
    expect(v.value).toBe(175e9);
    expect(v.numberFormat).toBe("0.00E+00");
    expect(formatValue(v.value, v.numberFormat)).toBe("1.75E+11");
    expect(b.cellView(s, 0, 0).tablePart).toBe("header");
    expect(b.charts(s)).toHaveLength(1);
    const tracked = await b.listTracked();
    expect(tracked).toEqual([
      expect.objectContaining({ tableName: "AI_llm_comparison", datasetId: "llm-comparison", version: "1.0.0", sheetName: r.sheetName }),
    ]);
  });

  it("inserts at the selected cell, and refuses when the cells there are not empty", async () => {
    const b = book();
    const s = b.activeSheet;
    b.select(s, 2, 1);
    const r = await b.insertDataset(llm(), { target: "selection", language: "zh", chart: false });
    expect(r.sheetName).toBe("Sheet1");
    expect(r.address.startsWith("B3:")).toBe(true);
    b.select(s, 4, 2);
    await expect(b.insertDataset(llm(), { target: "selection", language: "en", chart: false })).rejects.toMatchObject({
      code: "targetNotEmpty",
    });
    await expect(b.insertDataset(llm(), { target: "selection", language: "en", chart: false })).rejects.toBeInstanceOf(WorkbookError);
  });

  it("names a second copy uniquely", async () => {
    const b = book();
    const one = await b.insertDataset(llm(), { target: "newSheet", language: "en", chart: false });
    const two = await b.insertDataset(llm(), { target: "newSheet", language: "en", chart: false });
    expect(two.sheetName).not.toBe(one.sheetName);
    expect(two.tableName).toBe("AI_llm_comparison_2");
  });
});

describe("HfWorkbook: refresh with the Excel adapter's decisions", () => {
  it("reports added and changed rows, moves the notes, fills a calculated user column down", async () => {
    const b = book();
    const r = await b.insertDataset(llm(), { target: "newSheet", language: "en", chart: false });
    const s = b.findSheet(r.sheetName) as number;
    const width = llm().columns.length;
    const rows = llm().rows.length;
    // The analyst adds a column to the table's right: a header and one formula per row.
    const paramsCol = llm().columns.findIndex((c) => c.key === "params");
    const letter = String.fromCharCode(65 + paramsCol);
    expect(b.input(s, 0, width, "Params (bn)")).toBeNull();
    for (let i = 1; i <= rows; i++) expect(b.input(s, i, width, `=${letter}${i + 1}/1E9`)).toBeNull();
    b.execute([{ kind: "resizeTable", sheet: r.sheetName, table: r.tableName, at: { row: 0, col: 0, rows: rows + 1, cols: width + 1 } }]);

    const summary = await b.refresh(new Map([["llm-comparison", changedLlm()]]));
    expect(summary.tables).toEqual([
      expect.objectContaining({
        tableName: r.tableName,
        status: "updated",
        added: 1,
        changed: 1,
        removed: 0,
        oldVersion: "1.0.0",
        newVersion: "1.0.1",
      }),
    ]);
    const gpt3 = find(b, s, "GPT-3");
    expect(b.cellView(s, gpt3.row, paramsCol).value).toBe(176e9);
    expect(b.cellView(s, gpt3.row, width).value).toBe(176);
    // The new row got the calculated column, and the notes sit under the grown table.
    expect(b.cellView(s, rows + 1, width).hasFormula).toBe(true);
    const note = b.cellView(s, rows + 3, 0);
    expect(String(note.value)).toContain("llm-comparison version 1.0.1");
    expect(b.cellView(s, rows + 2, 0).kind).toBe("empty");
    expect((await b.listTracked())[0].version).toBe("1.0.1");

    const again = await b.refresh(new Map([["llm-comparison", changedLlm()]]));
    expect(again.tables[0]).toMatchObject({ status: "unchanged", added: 0, changed: 0, removed: 0 });
  });

  it("skips a table whose column was renamed, writing nothing", async () => {
    const b = book();
    const r = await b.insertDataset(llm(), { target: "newSheet", language: "en", chart: false });
    const s = b.findSheet(r.sheetName) as number;
    b.input(s, 0, 0, "Renamed");
    const summary = await b.refresh(new Map([["llm-comparison", changedLlm()]]));
    expect(summary.tables[0].status).toBe("skipped");
    expect(summary.tables[0].reason).toMatch(/no longer in table/);
    expect((await b.listTracked())[0].version).toBe("1.0.0");
  });

  it("says which named tables it does not know", async () => {
    const summary = await book().refresh(new Map(), ["Nope"]);
    expect(summary.tables).toEqual([expect.objectContaining({ tableName: "Nope", status: "skipped" })]);
  });
});

describe("HfWorkbook: pinned tables, older versions, failed writes", () => {
  /** Every cell the grid shows on a sheet (value, format, style), for "exactly as before". */
  const cellsOf = (b: HfWorkbook, sheet: number): string[] => {
    const out: string[] = [];
    const { rows, cols } = b.extent(sheet);
    for (let row = 0; row < rows + 4; row++)
      for (let col = 0; col <= cols; col++) {
        const v = b.cellView(sheet, row, col);
        if (v.kind !== "empty" || v.numberFormat !== undefined || v.style !== undefined) out.push(`${row},${col}: ${JSON.stringify(v)}`);
      }
    return out;
  };

  it("leaves a pinned table as it is and says so; refuses to pin an unknown table", async () => {
    const b = book();
    const r = await b.insertDataset(llm(), { target: "newSheet", language: "en", chart: false });
    const s = b.findSheet(r.sheetName) as number;
    await b.setPinned(r.tableName, true);
    expect((await b.listTracked())[0].pinned).toBe(true);
    const before = cellsOf(b, s);
    const summary = await b.refresh(new Map([["llm-comparison", changedLlm()]]));
    expect(summary.tables[0]).toMatchObject({
      status: "pinned",
      reason: `Table "${r.tableName}" is pinned to 1.0.0; the feed has 1.0.1. Unpin it to refresh it.`,
    });
    expect(cellsOf(b, s)).toEqual(before);
    await expect(b.setPinned("Nope", true)).rejects.toMatchObject({ code: "tableMissing" });
    await b.setPinned(r.tableName, false);
    expect((await b.refresh(new Map([["llm-comparison", changedLlm()]]))).tables[0].status).toBe("updated");
  });

  it("refuses an older version than the table holds", async () => {
    const b = book();
    await b.insertDataset(changedLlm(), { target: "newSheet", language: "en", chart: false });
    const summary = await b.refresh(new Map([["llm-comparison", llm()]]));
    expect(summary.tables[0]).toMatchObject({
      status: "skipped",
      reason: expect.stringContaining('version 1.0.0 of dataset "llm-comparison", older than the 1.0.1'),
    });
  });

  it("a write refused at any step restores that table exactly, and only that table fails", async () => {
    const proto = HfWorkbook.prototype as unknown as { executeOne: (op: unknown) => void };
    const original = proto.executeOne;
    let tried = 0;
    try {
      for (let failAt = 0; ; failAt++) {
        const b = book();
        const r1 = await b.insertDataset(llm(), { target: "newSheet", language: "en", chart: false });
        const r2 = await b.insertDataset(getDataset("index-performance") as Dataset, { target: "newSheet", language: "en", chart: false });
        const s1 = b.findSheet(r1.sheetName) as number;
        const before = cellsOf(b, s1);
        const tracked = JSON.stringify((await b.listTracked()).find((t) => t.tableName === r1.tableName));
        let calls = 0;
        const spy = jest.spyOn(proto, "executeOne").mockImplementation(function (this: unknown, op: unknown) {
          if ((op as { sheet?: string }).sheet === r1.sheetName && calls++ === failAt) throw new Error("injected");
          original.call(this, op);
        });
        const index = getDataset("index-performance") as Dataset;
        const summary = await b.refresh(
          new Map([
            ["llm-comparison", changedLlm()],
            [index.id, { ...index, version: "9.0.0" }],
          ])
        );
        spy.mockRestore();
        const t1 = summary.tables.find((t) => t.tableName === r1.tableName);
        if (calls <= failAt) break; // every op of the table has been refused once
        tried++;
        expect(t1).toMatchObject({ status: "failed", reason: expect.stringContaining("refused the update: injected; the table was left as it was") });
        expect({ failAt, cells: cellsOf(b, s1) }).toEqual({ failAt, cells: before });
        expect(JSON.stringify((await b.listTracked()).find((t) => t.tableName === r1.tableName))).toBe(tracked);
        expect(summary.tables.find((t) => t.tableName === r2.tableName)?.status).toBe("updated");
      }
    } finally {
      jest.restoreAllMocks();
    }
    console.log(`HfWorkbook refresh faults: ${tried} refused ops tried, each table checked`);
    expect(tried).toBeGreaterThan(5);
  });
});

describe("HfWorkbook: typed input, Name Box, model sheets", () => {
  it("parses typed input as Excel does and shows errors with their message", () => {
    const b = book();
    const s = b.activeSheet;
    b.input(s, 0, 0, '=AI.TRAINFLOPS(AI.MODEL("GPT-3","params"), 300e9)');
    expect(b.cellView(s, 0, 0).value).toBe(3.15e23);
    expect(formatValue(3.15e23, b.cellView(s, 0, 0).numberFormat)).toBe("3.15E+23");
    b.input(s, 1, 0, "=AI.TRAINDAYS(1e23, 0, 312e12)");
    expect(b.cellView(s, 1, 0)).toMatchObject({ kind: "error", value: "#VALUE!", message: "chips must be greater than 0, got 0" });
    b.input(s, 2, 0, "10%");
    expect(b.cellView(s, 2, 0)).toMatchObject({ value: 0.1, numberFormat: "0%" });
    expect(b.editText(s, 2, 0)).toBe("10%");
    b.input(s, 3, 0, "2023-02-06");
    expect(b.cellView(s, 3, 0)).toMatchObject({ value: 44963, numberFormat: "yyyy-mm-dd" });
    expect(b.editText(s, 3, 0)).toBe("2023-02-06");
    b.input(s, 4, 0, "GPT-3");
    expect(b.cellView(s, 4, 0)).toMatchObject({ kind: "text", value: "GPT-3" });
    b.input(s, 4, 0, "");
    expect(b.cellView(s, 4, 0).kind).toBe("empty");
  });

  it("resolves Name Box entries: addresses, sheet-qualified addresses, names and tables", async () => {
    const b = book();
    const s = b.activeSheet;
    expect(b.resolve("c5")).toEqual({ sheet: s, row: 4, col: 2 });
    expect(b.resolve("B2:D4")).toEqual({ sheet: s, row: 1, col: 1 });
    expect(b.resolve("nonsense here")).toBeNull();
    const r = await b.insertDataset(llm(), { target: "newSheet", language: "en", chart: false });
    const other = b.findSheet(r.sheetName) as number;
    expect(b.resolve(`'${r.sheetName}'!B3`)).toEqual({ sheet: other, row: 2, col: 1 });
    expect(b.resolve("ai_llm_comparison")).toEqual({ sheet: other, row: 0, col: 0 });
  });

  it("builds a model sheet whose outputs follow its inputs", async () => {
    const b = book();
    const plan = buildTrainingCompute({ language: "en", mode: "ai", existingSheetNames: b.hf.getSheetNames() });
    const where = await b.applySheetPlan(plan);
    const s = b.findSheet(where.sheetName) as number;
    const out = plan.model.outputs.find((o) => o.key === "flop" && o.rowKey === "GPT-3");
    const params = plan.model.inputs.find((i) => i.label.startsWith("GPT-3") && i.cell.col === 1);
    expect(out && params).toBeTruthy();
    if (!out || !params) return;
    const before = b.cellView(s, out.cell.row, out.cell.col).value as number;
    expect(before).toBeCloseTo(3.15e23, -20);
    // GPT-3's row is below the first model row: its FLOP comes from the column's spilled formula, in the plan's format.
    expect(plan.spills?.some((r) => r.col === out.cell.col && r.row < out.cell.row && out.cell.row < r.row + r.rows)).toBe(true);
    expect(b.numberFormatAt(s, out.cell.row, out.cell.col)).toBe("0.00E+00");
    b.input(s, params.cell.row, params.cell.col, "350000000000");
    expect(b.cellView(s, out.cell.row, out.cell.col).value as number).toBeCloseTo(6.3e23, -20);
    expect(b.validationAt(s, params.cell.row, 3)?.list.length).toBeGreaterThan(3);
    // A second copy gets its own sheet.
    const again = await b.applySheetPlan(buildTrainingCompute({ language: "en", mode: "ai", existingSheetNames: b.hf.getSheetNames() }));
    expect(again.sheetName).not.toBe(where.sheetName);
  });

  it("insertModel (the pane's Build): the builder gets the sheet names, the sheet becomes active, nothing is tracked", async () => {
    const b = book();
    const given: (readonly string[])[] = [];
    const build = (names: readonly string[]) => {
      given.push(names);
      return buildTrainingCompute({ language: "zh", mode: "portable", existingSheetNames: names });
    };
    const first = await b.insertModel(build);
    const second = await b.insertModel(build);
    expect(given).toEqual([["Sheet1"], ["Sheet1", "大模型训练算力测算"]]);
    expect([first.sheetName, second.sheetName]).toEqual(["大模型训练算力测算", "大模型训练算力测算 (2)"]);
    expect(first.tableName).toBe("");
    expect(first.address).toMatch(/^A1:[A-Z]+\d+$/);
    expect(b.activeSheet).toBe(b.findSheet(second.sheetName));
    expect(await b.listTracked()).toEqual([]);
    // Portable: native formulas compute GPT-3's training FLOP, and follow a changed input.
    const s = b.findSheet(first.sheetName) as number;
    const plan = build(["Sheet1"]);
    const out = plan.model.outputs.find((o) => o.key === "flop" && o.rowKey === "GPT-3");
    const params = plan.model.inputs.find((i) => i.label.startsWith("GPT-3") && i.cell.col === 1);
    if (!out || !params) throw new Error("GPT-3 row not found");
    expect(b.cellView(s, out.cell.row, out.cell.col).value as number).toBeCloseTo(3.15e23, -20);
    b.input(s, params.cell.row, params.cell.col, "350000000000");
    expect(b.cellView(s, out.cell.row, out.cell.col).value as number).toBeCloseTo(6.3e23, -20);
  });

  it("insertModel refuses a plan that does not target a new sheet, as a WorkbookError, and adds nothing", async () => {
    const b = book();
    const anchored = () => ({ target: { kind: "anchor" as const, sheetName: "Sheet1", cell: "A1" }, blocks: [{ at: { row: 0, col: 0 }, values: [[1]] }] });
    await expect(b.insertModel(anchored)).rejects.toBeInstanceOf(WorkbookError);
    expect(b.hf.getSheetNames()).toEqual(["Sheet1"]);
  });
});
