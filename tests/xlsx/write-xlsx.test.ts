import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { exportPlans, main, parseArgs, planFor } from "../../scripts/export-xlsx";
import { planDatasetInsert } from "../../src/sheet/dataset-plan";
import type { ModelSheetPlan } from "../../src/sheet/models";
import type { SheetPlan } from "../../src/sheet/plan";
import { decodeRecord, TRACKING_PREFIX } from "../../src/sheet/tracking";
import { buildXlsx, fileFormula, SETTINGS_SHEET } from "../../src/xlsx/write-xlsx";
import { INJECTIONS, injectionDataset, llmDataset } from "../sheet/fixtures";

const NOW = new Date("2024-03-01T08:00:00.000Z");

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer); // ExcelJS's Buffer type is its own alias of Node's
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

const formulaOf = (cell: ExcelJS.Cell): string | undefined => {
  const v = cell.value;
  return v !== null && typeof v === "object" && "formula" in v ? v.formula : undefined;
};
// cell.result, not cell.value.result: ExcelJS leaves a falsy result (0, false) out of the value.
const resultOf = (cell: ExcelJS.Cell): unknown => cell.result;

describe("fileFormula: plan formulas as the file stores them", () => {
  test("drops the = and prefixes functions newer than Excel 2007, not text inside quotes", () => {
    expect(fileFormula("=CEILING.MATH(A1/B1)+RRI(5,B2,B3)")).toBe("_xlfn.CEILING.MATH(A1/B1)+_xlfn.RRI(5,B2,B3)");
    expect(fileFormula('=IF(A1="RRI(1)",FILTER(B1:B9,C1:C9),SUM(A1:A3))')).toBe('IF(A1="RRI(1)",_xlfn._xlws.FILTER(B1:B9,C1:C9),SUM(A1:A3))');
    expect(fileFormula("=AI.TRAINFLOPS(B5,C5)")).toBe("AI.TRAINFLOPS(B5,C5)");
  });
});

describe("a dataset table in the file", () => {
  let wb: ExcelJS.Workbook;
  let plan: SheetPlan;
  beforeAll(async () => {
    plan = planDatasetInsert(llmDataset(3), { language: "en", target: "newSheet", chart: true });
    const { bytes, skipped } = await exportPlans([plan], NOW);
    expect(skipped).toEqual([expect.stringContaining("ExcelJS writes no charts")]);
    wb = await reopen(bytes);
  });

  test("is an Excel table (ListObject) with the plan's name, style and range", () => {
    const name = plan.target.kind === "newSheet" ? plan.target.name : "";
    const ws = sheet(wb, name);
    const tables = (ws as unknown as { tables: Record<string, { table: { name: string; ref: string; tableRef?: string; style: { theme: string } } }> }).tables; // loaded tables are not in ExcelJS's typings
    const t = tables[plan.table?.name ?? ""];
    expect(t).toBeDefined();
    expect(t.table.style.theme).toBe(plan.table?.style);
    expect(t.table.tableRef ?? t.table.ref).toMatch(/^A1:[A-Z]+4$/);
    expect(ws.getCell("A1").value).toBe(plan.dataset?.headers[0]);
  });

  test("text is text with the @ format; numbers keep their formats; note lines are cells", () => {
    const ws = sheet(wb, plan.target.kind === "newSheet" ? plan.target.name : "");
    expect(ws.getCell("A2").value).toBe("GPT-3");
    expect(ws.getCell("A2").numFmt).toBe("@");
    const formats = plan.dataset?.columnFormats ?? [];
    const c = formats.findIndex((f, i) => f !== "@" && typeof ws.getCell(2, i + 1).value === "number");
    expect(c).toBeGreaterThanOrEqual(0);
    expect(ws.getCell(2, c + 1).numFmt).toBe(formats[c]);
    const notes = plan.notes;
    if (!notes) throw new Error("the plan has notes");
    expect(ws.getCell(notes.at.row + 1, notes.at.col + 1).value).toBe(notes.lines[0]);
  });

  test("the tracking record is in the very hidden settings sheet, keyed as Excel's setting", () => {
    const ws = sheet(wb, SETTINGS_SHEET);
    expect(ws.state).toBe("veryHidden");
    expect(String(ws.getCell("A1").value).startsWith(TRACKING_PREFIX)).toBe(true);
    const record = decodeRecord(ws.getCell("B1").value);
    expect(record).toMatchObject({ tableName: plan.table?.name, datasetId: "llm-comparison", insertedAt: NOW.toISOString() });
  });

  test("the frozen header row and autofitted column widths", () => {
    const ws = sheet(wb, plan.target.kind === "newSheet" ? plan.target.name : "");
    if (plan.freeze) expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: plan.freeze.rows });
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(8);
  });
});

test("strings that look like formulas stay text in the file", async () => {
  const plan = planDatasetInsert(injectionDataset(), { language: "en", target: "newSheet", chart: false });
  const { bytes } = await exportPlans([plan], NOW);
  const wb = await reopen(bytes);
  const ws = wb.worksheets[0];
  const texts: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      expect(formulaOf(cell)).toBeUndefined();
      if (typeof cell.value === "string") {
        texts.push(cell.value);
        expect(cell.numFmt).toBe("@");
      }
    })
  );
  for (const s of INJECTIONS) expect(texts).toContain(s);
});

describe("a portable model sheet in the file", () => {
  let wb: ExcelJS.Workbook;
  let plan: SheetPlan;
  let hfValue: (row: number, col: number) => unknown;
  beforeAll(async () => {
    plan = await planFor({ model: "training-compute", mode: "portable", language: "en" });
    const out = await exportPlans([plan], NOW);
    const id = out.hf.getSheetId(plan.target.kind === "newSheet" ? plan.target.name : "") ?? -1;
    hfValue = (row, col) => out.hf.getCellValue({ sheet: id, row, col });
    wb = await reopen(out.bytes);
  });

  test("every formula cell holds the plan's formula and HyperFormula's value as its cached result", () => {
    const ws = wb.worksheets[0];
    let n = 0;
    for (const b of plan.blocks) {
      b.formulas?.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f === null) return;
          const cell = ws.getCell(b.at.row + r + 1, b.at.col + c + 1);
          expect(formulaOf(cell)).toBe(fileFormula(f));
          const v = hfValue(b.at.row + r, b.at.col + c);
          if (typeof v === "number") expect(resultOf(cell)).toBe(v);
          n++;
        })
      );
    }
    expect(n).toBeGreaterThan(10);
  });

  test("a spill anchor is an array formula over the planned range, each cell with its value", () => {
    const spill = plan.spills?.[0];
    if (!spill) throw new Error("training-compute spills");
    const ws = wb.worksheets[0];
    const anchor = ws.getCell(spill.row + 1, spill.col + 1);
    expect(anchor.value).toMatchObject({ shareType: "array" });
    const below = ws.getCell(spill.row + 2, spill.col + 1).value;
    const v = hfValue(spill.row + 1, spill.col);
    expect(below).toBe(v === "" ? null : v);
  });

  test("sheet-scoped names keep their scope; the chip drop-down lists a range of the sheet", async () => {
    // ExcelJS drops localSheetId when it reads a file, so the names are checked as written.
    const names = (buildXlsx({ plans: [plan] }).workbook.model as unknown as { definedNames: { name: string; localSheetId?: number }[] }).definedNames; // the writer's model, not in ExcelJS's typings
    for (const n of plan.names ?? []) {
      const found = names.find((m) => m.name === n.name);
      expect(found).toBeDefined();
      if ((n.scope ?? "workbook") === "sheet") expect(found?.localSheetId).toBe(0);
    }
    const v = plan.validations?.[0];
    if (!v) throw new Error("training-compute has a drop-down");
    const dv = wb.worksheets[0].getCell(v.range.row + 1, v.range.col + 1).dataValidation;
    expect(dv.type).toBe("list");
    expect(dv.formulae[0]).toMatch(v.listRange ? /^\$A\$\d+:\$A\$\d+$/ : /^"/);
  });

  test("inputs are blue on a light fill; the file asks for a full recalculation on load", () => {
    const { workbook } = buildXlsx({ plans: [plan] });
    expect(workbook.calcProperties.fullCalcOnLoad).toBe(true);
    const input = (plan as ModelSheetPlan).model.inputs[0];
    const cell = wb.worksheets[0].getCell(input.cell.row + 1, input.cell.col + 1);
    expect(cell.font?.color?.argb).toBe("FF0000FF");
    expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid" });
  });
});

test("an anchor plan goes onto a sheet an earlier plan created, and nowhere else", () => {
  const first = planDatasetInsert(llmDataset(2), { language: "en", target: "newSheet", chart: false });
  const name = first.target.kind === "newSheet" ? first.target.name : "";
  const anchored = planDatasetInsert(llmDataset(2), {
    language: "en",
    target: "selection",
    chart: false,
    anchor: { sheetName: name, cell: "T3" },
    existingSheetNames: [name],
    existingTableNames: [first.table?.name ?? ""],
  });
  const { workbook } = buildXlsx({ plans: [first, anchored] });
  expect(workbook.getWorksheet(name)?.getCell("T3").value).toBe(anchored.dataset?.headers[0]);
  expect(() => buildXlsx({ plans: [anchored] })).toThrow(/no sheet named/);
});

describe("npm run export (scripts/export-xlsx.ts)", () => {
  test("parses a model, a dataset, and refuses what it cannot do", () => {
    expect(parseArgs(["--model", "training-compute", "--mode", "portable", "--lang", "en", "out.xlsx"])).toEqual({
      model: "training-compute",
      mode: "portable",
      language: "en",
      out: "out.xlsx",
    });
    expect(parseArgs(["--dataset", "accelerators", "x.xlsx"])).toMatchObject({ dataset: "accelerators", out: "x.xlsx" });
    expect(parseArgs(["--model", "a", "--dataset", "b", "x.xlsx"])).toMatch(/exactly one/);
    expect(parseArgs(["--model", "a", "x.csv"])).toMatch(/\.xlsx/);
    expect(parseArgs(["--model", "a", "--lang", "fr", "x.xlsx"])).toMatch(/--lang/);
  });

  test("writes the file and exits 0; an unknown template exits 1 with a message", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aica-export-"));
    const out = path.join(dir, "m.xlsx");
    const log: string[] = [];
    const sink = { log: (s: string) => log.push(s), error: (s: string) => log.push(s) };
    expect(await main(["--model", "inference-demand", "--lang", "zh", out], sink)).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
    expect((await reopen(fs.readFileSync(out))).worksheets[0].name).toBe("推理算力需求测算");
    expect(await main(["--model", "nope", out], sink)).toBe(1);
    expect(log.at(-1)).toMatch(/no model template "nope"/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

test("an AI-mode model asks for no full recalculation on load (recalculated without the add-in, AI.* shows #NAME?)", async () => {
  const ai = await planFor({ model: "training-compute", mode: "ai", language: "en" });
  expect(buildXlsx({ plans: [ai] }).workbook.calcProperties.fullCalcOnLoad).toBeUndefined();
});
