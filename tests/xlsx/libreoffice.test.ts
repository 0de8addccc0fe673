/**
 * A second engine: every portable model template (en and zh) is written to .xlsx without cached
 * values, opened and recalculated by headless LibreOffice Calc (Debian's libreoffice-calc-nogui,
 * which .ci/run installs), saved again, and every formula cell (spilled cells included) is
 * compared with HyperFormula's value: relative difference under 1e-9, the same error code, and
 * no #NAME? anywhere. A file without cached values is always calculated on load, whatever
 * Calc's "recalculation on file load" setting says. Every dataset workbook (Chinese headers) is
 * read back by Calc too: each cell as written, text still text.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { HyperFormula } from "hyperformula";
import { exportPlans, planFor } from "../../scripts/export-xlsx";
import { ALL_DATASET_IDS } from "../../src/data/catalog";
import { MODEL_TEMPLATE_IDS, type ModelLanguage } from "../../src/sheet/models";
import { cellAddress, type CellOffset, type SheetPlan } from "../../src/sheet/plan";
import { writeXlsx } from "../../src/xlsx/write-xlsx";
import { convertWithCalc, fromFile, fromHf, same, soffice, type Comparable } from "./soffice";

/** Every cell the plan computes: formula cells and the cells their spills cover. */
function computedCells(plan: SheetPlan): { cell: CellOffset; formula: string }[] {
  const out: { cell: CellOffset; formula: string }[] = [];
  for (const b of plan.blocks) {
    b.formulas?.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f !== null) out.push({ cell: { row: b.at.row + r, col: b.at.col + c }, formula: f });
      })
    );
  }
  for (const s of plan.spills ?? []) {
    const anchor = out.find((o) => o.cell.row === s.row && o.cell.col === s.col);
    for (let r = 0; r < s.rows; r++)
      for (let c = 0; c < s.cols; c++)
        if (r > 0 || c > 0) out.push({ cell: { row: s.row + r, col: s.col + c }, formula: `(spilled from ${anchor?.formula ?? "?"})` });
  }
  return out;
}

const CASES: { id: string; language: ModelLanguage }[] = MODEL_TEMPLATE_IDS.flatMap((id) => (["en", "zh"] as const).map((language) => ({ id, language })));
const exe = soffice();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aica-lo-"));
const plans = new Map<string, { plan: SheetPlan; hf: HyperFormula }>();
const fileOf = (c: { id: string; language: string }): string => `${c.id}-${c.language}.xlsx`;

describe("LibreOffice Calc recalculates every portable model as HyperFormula does", () => {
  beforeAll(async () => {
    if (!exe) return;
    fs.mkdirSync(path.join(dir, "in"));
    for (const c of CASES) {
      const plan = await planFor({ model: c.id, mode: "portable", language: c.language });
      const { hf } = await exportPlans([plan]);
      plans.set(fileOf(c), { plan, hf });
      // No cached values: Calc has to compute every formula itself.
      const { bytes } = await writeXlsx({ plans: [plan] });
      fs.writeFileSync(path.join(dir, "in", fileOf(c)), bytes);
    }
    convertWithCalc(
      exe,
      CASES.map((c) => path.join(dir, "in", fileOf(c))),
      path.join(dir, "out"),
      path.join(dir, "profile")
    );
  }, 180_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("soffice is installed (.ci/run installs Debian's libreoffice-calc-nogui; or set $SOFFICE)", () => {
    if (!exe) throw new Error("no soffice on PATH: apt-get install -y libreoffice-calc-nogui");
  });

  (exe ? test.each(CASES) : test.skip.each(CASES))("$id ($language): every formula cell within 1e-9 of HyperFormula, same errors, no #NAME?", async (c) => {
    const entry = plans.get(fileOf(c));
    if (!entry) throw new Error(`no plan for ${fileOf(c)}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "out", fileOf(c)));
    const ws = wb.worksheets[0];
    const sheet = entry.hf.getSheetId(ws.name);
    if (sheet === undefined) throw new Error(`HyperFormula has no sheet ${ws.name}`);
    const cells = computedCells(entry.plan);
    expect(cells.length).toBeGreaterThan(0);
    const differences: string[] = [];
    for (const { cell, formula } of cells) {
      const hf = fromHf(entry.hf.getCellValue({ sheet, ...cell }));
      const lo = fromFile(ws.getCell(cell.row + 1, cell.col + 1));
      if (!same(hf, lo)) differences.push(`${ws.name}!${cellAddress(cell)} ${formula}: HyperFormula ${JSON.stringify(hf)}, LibreOffice ${JSON.stringify(lo)}`);
    }
    const names: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => void (fromFile(cell) === "#NAME?" && names.push(cell.address))));
    expect(differences).toEqual([]);
    expect(names).toEqual([]);
  });
});

const DATASET_CASES = ALL_DATASET_IDS.map((id) => ({ id }));
const datasetDir = fs.mkdtempSync(path.join(os.tmpdir(), "aica-lo-data-"));
const datasetPlans = new Map<string, SheetPlan>();

describe("LibreOffice Calc reads every dataset workbook back as written", () => {
  beforeAll(async () => {
    if (!exe) return;
    fs.mkdirSync(path.join(datasetDir, "in"));
    for (const { id } of DATASET_CASES) {
      const plan = await planFor({ dataset: id, mode: "portable", language: "zh" });
      datasetPlans.set(id, plan);
      fs.writeFileSync(path.join(datasetDir, "in", `${id}.xlsx`), (await exportPlans([plan])).bytes);
    }
    convertWithCalc(
      exe,
      DATASET_CASES.map(({ id }) => path.join(datasetDir, "in", `${id}.xlsx`)),
      path.join(datasetDir, "out"),
      path.join(datasetDir, "profile")
    );
  }, 180_000);

  afterAll(() => fs.rmSync(datasetDir, { recursive: true, force: true }));

  (exe ? test.each(DATASET_CASES) : test.skip.each(DATASET_CASES))("$id: every cell Calc reads equals the plan's value (text stays text)", async ({ id }) => {
    const plan = datasetPlans.get(id);
    if (!plan) throw new Error(`no plan for ${id}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(datasetDir, "out", `${id}.xlsx`));
    const ws = wb.worksheets[0];
    const differences: string[] = [];
    for (const b of plan.blocks) {
      b.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = ws.getCell(b.at.row + r + 1, b.at.col + c + 1);
          const lo = fromFile(cell);
          const expected: Comparable = v === "" ? null : v;
          if (!same(expected, lo)) differences.push(`${ws.name}!${cell.address}: written ${JSON.stringify(expected)}, LibreOffice ${JSON.stringify(lo)}`);
        })
      );
    }
    expect(differences.slice(0, 20)).toEqual([]);
  });
});
