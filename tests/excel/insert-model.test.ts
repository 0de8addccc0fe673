/**
 * ExcelWorkbook.insertModel on the recording fake: every model template, in both formula modes
 * and both languages, goes onto a new sheet in ONE context.sync() once listTracked has read the
 * workbook's names (what the pane does when it opens); formulas are written as formulas, text
 * as text formatted "@", names with their scope, drop-downs, styles and the chart in that batch.
 */
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { loadEpochModels } from "../../src/data/epoch-models-loader";
import type { Dataset } from "../../src/data/types";
import { MODEL_TEMPLATES, getModelTemplate, type ModelSheetPlan, type TemplateData } from "../../src/sheet/models";
import { absoluteRef, cellAddress, quoteSheetName, rangeAddress, VALIDATION_LIST_MAX, type SheetPlan } from "../../src/sheet/plan";
import { a1ToR1C1, FakeExcel, parseAddress } from "./fake-excel";

const NOW = new Date("2024-03-01T08:00:00.000Z");
const MODES = ["ai", "portable"] as const;
const LANGUAGES = ["en", "zh"] as const;
const CASES = MODEL_TEMPLATES.flatMap((t) => MODES.flatMap((mode) => LANGUAGES.map((language) => [t.id, mode, language] as const)));

let epochModels: Dataset;
beforeAll(async () => {
  epochModels = await loadEpochModels();
});

function setup(sheets?: string[]): { fake: FakeExcel; wb: ExcelWorkbook } {
  const fake = new FakeExcel(sheets ? { sheets } : {});
  const wb = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => NOW });
  return { fake, wb };
}

/** A builder for the template that remembers every plan it built and the names it was given. */
function builder(id: string, mode: "ai" | "portable", language: "en" | "zh") {
  const template = getModelTemplate(id);
  if (!template) throw new Error(`no template ${id}`);
  const data: TemplateData = { epochModels };
  const built: { names: readonly string[]; plan: ModelSheetPlan }[] = [];
  const build = (names: readonly string[]): ModelSheetPlan => {
    const plan = template.build({ language, mode, existingSheetNames: names }, data);
    built.push({ names, plan });
    return plan;
  };
  return { build, built };
}

/** Checks every cell, name, drop-down and the chart of `plan` as the fake holds them on `sheet`. */
function expectWritten(fake: FakeExcel, plan: SheetPlan, sheet: string): void {
  let formulas = 0;
  let texts = 0;
  for (const block of plan.blocks) {
    block.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const at = { row: block.at.row + r, col: block.at.col + c };
        const address = cellAddress(at);
        const cell = fake.cell(sheet, address);
        const f = block.formulas?.[r]?.[c] ?? null;
        const planned = block.cellFormats?.[r]?.[c] ?? block.columnFormats?.[c] ?? null;
        const where = `${sheet}!${address}`;
        if (f !== null) {
          formulas++;
          expect({ where, formula: cell?.formula }).toEqual({ where, formula: a1ToR1C1(f, at.row, at.col) });
          expect({ where, format: cell?.numberFormat }).toEqual({ where, format: planned === null || planned === "@" ? "General" : planned });
        } else if (typeof v === "string" && v !== "") {
          texts++;
          expect({ where, value: cell?.value, format: cell?.numberFormat, formula: cell?.formula }).toEqual({
            where,
            value: v,
            format: "@",
            formula: undefined,
          });
        } else if (typeof v === "number" || typeof v === "boolean") {
          expect({ where, value: cell?.value, formula: cell?.formula }).toEqual({ where, value: v, formula: undefined });
          if (planned !== null) expect({ where, format: cell?.numberFormat }).toEqual({ where, format: planned });
        }
        const style = { ...(block.style ?? {}), ...(block.columnStyles?.[c] ?? {}) };
        if (Object.keys(style).length > 0) expect(cell).toMatchObject(style);
      })
    );
  }
  expect(formulas).toBeGreaterThan(0);
  expect(texts).toBeGreaterThan(0);
  // A spilled formula's cells below its anchor: formatted, but no write ever put anything there
  // (not even "", which would give #SPILL! in Excel).
  for (const s of plan.spills ?? []) {
    for (let r = 0; r < s.rows; r++) {
      for (let c = 0; c < s.cols; c++) {
        if (r === 0 && c === 0) continue;
        const at = { row: s.row + r, col: s.col + c };
        const where = `${sheet}!${cellAddress(at)}`;
        const content = fake.writes
          .filter((w) => w.sheet === sheet && w.property !== "numberFormat")
          .map((w) => {
            const rect = parseAddress(w.address);
            const inside = at.row >= rect.row && at.row < rect.row + rect.rows && at.col >= rect.col && at.col < rect.col + rect.cols;
            return inside ? (Array.isArray(w.value) ? (w.value as unknown[][])[at.row - rect.row][at.col - rect.col] : w.value) : null;
          })
          .filter((v) => v !== null && v !== undefined);
        expect({ where, content }).toEqual({ where, content: [] });
        expect(fake.cell(sheet, cellAddress(at))?.numberFormat).toBe(fake.cell(sheet, cellAddress(s))?.numberFormat);
      }
    }
  }
  plan.notes?.lines.forEach((line, i) => {
    const cell = fake.cell(sheet, cellAddress({ row: plan.notes!.at.row + i, col: plan.notes!.at.col }));
    expect(cell).toMatchObject({ value: line, numberFormat: "@" });
    expect(cell?.formula).toBeUndefined();
  });
  // Names: each with its scope and the cells it points at.
  const expectedNames = (plan.names ?? []).map((n) => ({
    name: n.name,
    scope: n.scope === "sheet" ? sheet : "workbook",
    reference: `=${quoteSheetName(sheet)}!${rangeAddress(n.range)}`,
  }));
  const actualNames = fake.names
    .filter((n) => n.scope === sheet || n.scope === "workbook")
    .map((n) => ({ name: n.name, scope: n.scope, reference: n.reference }));
  expect(actualNames).toEqual(expect.arrayContaining(expectedNames));
  for (const v of plan.validations ?? []) {
    // A list over Excel's 255-character typed limit refers to the cells that hold its entries.
    const source = v.listRange ? `=${absoluteRef(v.listRange)}` : v.list.join(",");
    if (!v.listRange) expect(source.length).toBeLessThanOrEqual(VALIDATION_LIST_MAX);
    const cells = v.listRange;
    if (cells) {
      const held = Array.from({ length: cells.rows }, (_, r) => fake.cell(sheet, cellAddress({ row: cells.row + r, col: cells.col }))?.value);
      expect(held).toEqual(v.list);
    }
    for (let r = 0; r < v.range.rows; r++) {
      for (let c = 0; c < v.range.cols; c++) {
        const cell = fake.cell(sheet, cellAddress({ row: v.range.row + r, col: v.range.col + c }));
        expect(cell?.validation).toEqual({ list: { inCellDropDown: true, source } });
      }
    }
  }
  const charts = fake.sheet(sheet).charts;
  expect(charts.map((c) => c.title)).toEqual(plan.chart ? [plan.chart.title] : []);
  expect(fake.sheet(sheet).autofitted.length).toBe((plan.autofit ?? []).length);
}

describe.each(CASES)("insertModel %s (%s, %s)", (id, mode, language) => {
  test('one sync after listTracked: formulas as formulas, text as text ("@"), names with their scope, drop-downs, styles, chart', async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    fake.resetCounters();
    const { build, built } = builder(id, mode, language);
    const result = await wb.insertModel(build);

    expect(fake.syncCount).toBe(1);
    expect(wb.lastSyncs).toBe(1);
    const [sync] = fake.syncs;
    expect(sync.error).toBeUndefined();
    expect(sync.implicit).toBe(false);
    expect(sync.calls.filter((c) => c.endsWith(".load"))).toEqual([]);
    expect(sync.calls.slice(0, 4)).toEqual([
      "Application.suspendApiCalculationUntilNextSync",
      "SettingCollection.add",
      "WorksheetCollection.add",
      "SettingCollection.add",
    ]);
    expect(sync.calls.slice(-2)).toEqual(["Worksheet.activate", "Setting.delete"]);
    expect(sync.payloadBytes).toBeLessThan(4_000_000);

    expect(built).toHaveLength(1);
    expect(built[0].names).toEqual(["Sheet1"]);
    const plan = built[0].plan;
    expect(plan.target).toEqual({ kind: "newSheet", name: result.sheetName });
    expect(result.tableName).toBe("");
    expect(result.address).toMatch(/^A1:[A-Z]+\d+$/);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", result.sheetName]);
    expect(fake.activeSheet).toBe(result.sheetName);
    expect(fake.tables).toEqual([]);
    if (plan.validations?.length) expect(sync.calls).toContain("DataValidation.rule");
    if (plan.names?.length) expect(sync.calls).toContain("NamedItemCollection.add");
    expectWritten(fake, plan, result.sheetName);
    // Not a dataset table: nothing tracked, and the pending marker is gone.
    expect([...fake.settings.keys()]).toEqual([]);
    expect(await wb.listTracked()).toEqual([]);
  });
});

describe("insertModel: names, retries and failures", () => {
  const training = () => builder("training-compute", "ai", "en");

  test("the builder gets the workbook's sheet names: a second copy gets its own sheet, its sheet-scoped names beside the first one's, still 1 sync", async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    const first = await wb.insertModel(training().build);
    fake.resetCounters();
    const b = training();
    const second = await wb.insertModel(b.build);
    expect(fake.syncCount).toBe(1);
    expect([first.sheetName, second.sheetName]).toEqual(["Training compute", "Training compute (2)"]);
    expect(b.built[0].names).toEqual(["Sheet1", "Training compute"]);
    const scoped = (sheet: string) => fake.names.filter((n) => n.scope === sheet).map((n) => n.name);
    expect(scoped(second.sheetName)).toEqual(scoped(first.sheetName));
    expect(scoped(first.sheetName).length).toBeGreaterThan(0);
  });

  test("a cold instance reads the names first: 2 syncs", async () => {
    const { fake, wb } = setup(["Sheet1", "Training compute"]);
    const b = training();
    const r = await wb.insertModel(b.build);
    expect(fake.syncCount).toBe(2);
    expect(wb.lastSyncs).toBe(2);
    expect(fake.syncs[0].calls).toEqual(["WorksheetCollection.load", "TableCollection.load", "NamedItemCollection.load"]);
    expect(r.sheetName).toBe("Training compute (2)");
    expect(b.built.map((x) => x.names)).toEqual([["Sheet1", "Training compute"]]);
  });

  test("stale names: a sheet with the model's name was added since → rebuilt with fresh names and retried, 3 syncs, the user's sheet untouched", async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    fake.addSheet("Training compute");
    fake.type("Training compute", "A1", [["the user's"]]);
    const before = fake.snapshot("Training compute");
    fake.resetCounters();
    const b = training();
    const r = await wb.insertModel(b.build);
    expect(r.sheetName).toBe("Training compute (2)");
    expect(fake.syncs.map((s) => s.error)).toEqual(["ItemAlreadyExists", undefined, undefined]);
    expect(wb.lastSyncs).toBe(3);
    expect(fake.writes.filter((w) => w.sync === 0)).toEqual([]);
    // Built twice: the first with the stale names (the second plan's names are checked too).
    expect(b.built.map((x) => x.plan.target)).toEqual([
      { kind: "newSheet", name: "Training compute" },
      { kind: "newSheet", name: "Training compute (2)" },
      { kind: "newSheet", name: "Training compute (2)" },
    ]);
    expect(fake.snapshot("Training compute")).toEqual(before);
    expectWritten(fake, b.built[2].plan, r.sheetName);
    expect([...fake.settings.keys()]).toEqual([]);
    fake.resetCounters();
    await wb.insertModel(training().build);
    expect(fake.syncCount).toBe(1);
  });

  test("a failure that is not about names removes the sheet and the marker, and is reported", async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    fake.resetCounters();
    fake.failSync(0, "InvalidArgument", "Range.values");
    await expect(wb.insertModel(training().build)).rejects.toMatchObject({ name: "WorkbookError", code: "excelRejected" });
    expect(fake.syncs.map((s) => s.error)).toEqual(["InvalidArgument", undefined, undefined]);
    expect(fake.syncs[2].calls).toEqual(["Worksheet.delete", "Setting.delete"]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.names).toEqual([]);
    expect([...fake.settings.keys()]).toEqual([]);
    fake.resetCounters();
    expect(await wb.insertModel(training().build)).toMatchObject({ sheetName: "Training compute" });
    expect(fake.syncCount).toBe(1);
  });

  test("workbook-scoped names are created in the workbook, sheet-scoped ones on the sheet, and the workbook's are remembered", async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    fake.resetCounters();
    const plan = (names: readonly string[]): SheetPlan => ({
      target: { kind: "newSheet", name: names.includes("Scenario") ? "Scenario (2)" : "Scenario" },
      blocks: [
        {
          at: { row: 0, col: 0 },
          values: [
            ["Chips", 1024],
            ["=not a formula", null],
          ],
          formulas: [
            [null, null],
            [null, "=B1*2"],
          ],
        },
      ],
      names: [
        { name: "Cluster_Chips", range: { row: 0, col: 1, rows: 1, cols: 1 }, scope: "workbook" },
        { name: "Doubled", range: { row: 1, col: 1, rows: 1, cols: 1 }, scope: "sheet" },
      ],
    });
    const r = await wb.insertModel(plan);
    expect(fake.syncCount).toBe(1);
    expect(fake.names).toEqual([
      { name: "Cluster_Chips", reference: "=Scenario!B1", scope: "workbook" },
      { name: "Doubled", reference: "=Scenario!B2", scope: "Scenario" },
    ]);
    expect(fake.cell(r.sheetName, "A2")).toMatchObject({ value: "=not a formula", numberFormat: "@" });
    expect(fake.cell(r.sheetName, "B2")?.formula).toBe("=R[-1]C*2");
    // A second copy: its workbook-scoped name is taken (a sheet-scoped one would not be), so it
    // is refused and the sheet it added is removed.
    fake.resetCounters();
    await expect(wb.insertModel(plan)).rejects.toMatchObject({ code: "sheetNameTaken" });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "Scenario"]);
    expect(fake.names.map((n) => n.name)).toEqual(["Cluster_Chips", "Doubled"]);
    expect([...fake.settings.keys()]).toEqual([]);
  });

  test("a plan that does not target a new sheet is refused before anything is written", async () => {
    const { fake, wb } = setup();
    await wb.listTracked();
    fake.resetCounters();
    const anchored = (): SheetPlan => ({ target: { kind: "anchor", sheetName: "Sheet1", cell: "A1" }, blocks: [{ at: { row: 0, col: 0 }, values: [[1]] }] });
    await expect(wb.insertModel(anchored)).rejects.toMatchObject({ name: "WorkbookError" });
    expect(fake.syncCount).toBe(0);
  });

  test("an Excel without ExcelApi 1.7 and 1.8: the model is built and its result says drop-downs, freeze panes and chart were skipped, with their sets", async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook({ run: fake.run, supports: (v) => Number(v.split(".")[1]) <= 6, now: () => NOW });
    const b = training();
    const r = await wb.insertModel(b.build);
    const plan = b.built[b.built.length - 1].plan;
    expect(plan.validations?.length).toBeGreaterThan(0);
    const expected = [
      { feature: "dropDowns", requirement: "ExcelApi 1.8" },
      ...(plan.freeze ? [{ feature: "freezePanes", requirement: "ExcelApi 1.7" }] : []),
      ...(plan.chart ? [{ feature: "chart", requirement: "ExcelApi 1.7" }] : []),
    ];
    expect(r.skipped).toEqual(expected);
    expect(fake.sheet(r.sheetName).charts).toEqual([]);
  });

  test("every feature supported: a model's result has no skipped list", async () => {
    const { wb } = setup();
    expect(await wb.insertModel(training().build)).not.toHaveProperty("skipped");
  });
});
