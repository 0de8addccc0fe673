/**
 * No debris: every insert (dataset on a new sheet, dataset at the selection, model sheet; with
 * and without the workbook's names known) is run once per call of every sync it makes, each
 * time with Excel refusing that call (the calls before it applied, as Office.js does; see
 * FakeExcel.flush). Afterwards the whole workbook (every sheet's cells, number formats, fonts,
 * fills, validations, column widths, frozen panes and charts; tables; defined names; settings)
 * is either exactly as before or exactly as a clean run leaves it.
 */
import type { Dataset } from "../../src/data/types";
import { loadEpochModels } from "../../src/data/epoch-models-loader";
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { MODEL_TEMPLATES, type TemplateData } from "../../src/sheet/models";
import type { InsertResult, SheetPlanBuilder } from "../../src/sheet/workbook";
import { FakeExcel } from "./fake-excel";
import { llmDataset } from "../sheet/fixtures";

const NOW = new Date("2024-03-01T08:00:00.000Z");

let epochModels: Dataset;
beforeAll(async () => {
  epochModels = await loadEpochModels();
});

/**
 * A workbook a user has worked in: values around the selection, a number format and a column
 * width inside the area an insert at C5 covers, a table, a chart, a frozen pane, a workbook
 * name and a setting of its own.
 */
async function userWorkbook(): Promise<FakeExcel> {
  const fake = new FakeExcel({ sheets: ["Sheet1", "Data"] });
  fake.type("Sheet1", "A1", [
    ["Budget", 100],
    ["Rate", 0.05],
  ]);
  fake.type("Sheet1", "C3", [["above the table"]]);
  fake.type("Sheet1", "J5", [["right of the chart"]]);
  fake.type("Data", "A1", [
    ["Item", "Qty"],
    ["a", 1],
    ["b", 2],
  ]);
  await fake.run(async (ctx) => {
    const sheet1 = ctx.workbook.worksheets.getItem("Sheet1");
    sheet1.getRange("D6:D7").numberFormat = [["0.0%"], ["0.0%"]];
    sheet1.getRange("E1").format.columnWidth = 90;
    sheet1.getRange("A1").format.font.bold = true;
    sheet1.charts.add("Line", sheet1.getRange("B1:B2"), "Columns").name = "Budget chart";
    const data = ctx.workbook.worksheets.getItem("Data");
    data.tables.add("A1:B3", true).name = "Stock";
    data.freezePanes.freezeRows(1);
    ctx.workbook.names.add("Rate", sheet1.getRange("B2"), "the user's rate");
    ctx.workbook.settings.add("user.key", "kept");
    await ctx.sync();
  });
  fake.select("Sheet1", "C5");
  return fake;
}

interface Insert {
  name: string;
  /** Reads the names first (the pane's listTracked) when true. */
  namesKnown: boolean;
  run: (wb: ExcelWorkbook) => Promise<InsertResult>;
}

/** Plans by template and sheet names: building a model is deterministic, and slow to repeat hundreds of times. */
const builtPlans = new Map<string, ReturnType<SheetPlanBuilder>>();

function modelBuilder(id: string): SheetPlanBuilder {
  const template = MODEL_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`no template ${id}`);
  const data: TemplateData = { epochModels };
  return (names) => {
    const key = JSON.stringify([id, names]);
    let plan = builtPlans.get(key);
    if (!plan) {
      plan = template.build({ language: "en", mode: "ai", existingSheetNames: names }, data);
      builtPlans.set(key, plan);
    }
    return structuredClone(plan);
  };
}

const llm = (): Dataset => llmDataset();
const INSERTS: Insert[] = [
  { name: "dataset on a new sheet, names known", namesKnown: true, run: (wb) => wb.insertDataset(llm(), { target: "newSheet", language: "en", chart: true }) },
  {
    name: "dataset on a new sheet, names not read",
    namesKnown: false,
    run: (wb) => wb.insertDataset(llm(), { target: "newSheet", language: "en", chart: true }),
  },
  { name: "dataset at the selection", namesKnown: false, run: (wb) => wb.insertDataset(llm(), { target: "selection", language: "en", chart: true }) },
  ...MODEL_TEMPLATES.flatMap((t) => [
    { name: `model ${t.id}, names known`, namesKnown: true, run: (wb: ExcelWorkbook) => wb.insertModel(modelBuilder(t.id)) },
    { name: `model ${t.id}, names not read`, namesKnown: false, run: (wb: ExcelWorkbook) => wb.insertModel(modelBuilder(t.id)) },
  ]),
];

interface Outcome {
  fake: FakeExcel;
  result: InsertResult | null;
  error: unknown;
}

async function attempt(insert: Insert, fault?: { sync: number; call: number }): Promise<Outcome> {
  const fake = await userWorkbook();
  const wb = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => NOW });
  if (insert.namesKnown) await wb.listTracked();
  fake.resetCounters();
  if (fault) fake.failSync(fault.sync, "GeneralException", fault.call);
  try {
    return { fake, result: await insert.run(wb), error: null };
  } catch (error) {
    return { fake, result: null, error };
  }
}

describe("an insert Excel refuses at any call leaves the workbook as it was", () => {
  const totals = { tried: 0, compared: 0, failed: 0, completed: 0 };
  afterAll(() => {
    console.log(
      `insert faults: ${INSERTS.length} inserts, ${totals.tried} refused calls tried, ${totals.compared} workbooks compared ` +
        `(${totals.failed} left as before, ${totals.completed} completed as a clean run)`
    );
  });

  test.each(INSERTS.map((i) => [i.name, i] as const))(
    "%s",
    async (_name, insert) => {
      const before = (await userWorkbook()).workbookState();
      const clean = await attempt(insert);
      expect(clean.error).toBeNull();
      const after = clean.fake.workbookState();
      expect(after).not.toBe(before);
      const syncs = clean.fake.syncs.map((s) => s.calls);
      let tried = 0;
      for (let sync = 0; sync < syncs.length; sync++) {
        for (let call = 0; call < syncs[sync].length; call++) {
          const run = await attempt(insert, { sync, call });
          const where = `sync ${sync}, call ${call} (${syncs[sync][call]})`;
          expect({ where, error: run.fake.syncs[sync]?.error }).toEqual({ where, error: "GeneralException" });
          const state = run.fake.workbookState();
          if (run.error === null) {
            // Recovered (a retry): the result must be a clean run's.
            expect({ where, state }).toEqual({ where, state: after });
            expect(run.result).toEqual(clean.result);
            totals.completed++;
          } else {
            expect({ where, state }).toEqual({ where, state: before });
            totals.failed++;
          }
          tried++;
          totals.compared++;
        }
      }
      totals.tried += tried;
      expect(tried).toBeGreaterThan(10);
    },
    120_000
  );
});
