/**
 * An AI-mode model opened without the add-in (issue 15, item 3): LibreOffice Calc knows no AI.*
 * function, so the cells can only show numbers if Calc keeps the values cached in the file. The
 * training-compute model (AI mode) is written twice, as `npm run export -- --mode ai` writes it
 * and as the workbench's "Download .xlsx" writes it, opened by headless Calc without
 * recalculation, saved, and read back.
 *
 * Calc's load option that keeps cached values: "Recalculation on File Load" for Excel 2007 and
 * newer = "Never recalculate" (org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode = 1, set
 * in the private profile here; it is also Debian's default). With it, every single-cell AI.*
 * formula keeps its cached value. What Calc recalculates anyway: legacy array formulas (how a
 * file carries a spill) are always computed on load, whatever that option says, so the spilled
 * AI.* outputs show #NAME? in Calc; the test checks that too, so a Calc that changes this is
 * noticed. (With OOXMLRecalcMode = 0, "Always recalculate", every AI.* cell shows #NAME?.)
 *
 * Skips, like libreoffice.test.ts, when soffice is not installed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { exportPlans, planFor } from "../../scripts/export-xlsx";
import { getModelTemplate } from "../../src/sheet/models";
import { cellAddress, parseRangeAddress } from "../../src/sheet/plan";
import { HfWorkbook } from "../../src/workbench/hf-workbook";
import { bookToXlsx } from "../../src/workbench/xlsx-io";
import { readXlsx } from "../../src/xlsx/read-xlsx";
import type { SnapshotValue } from "../../src/xlsx/snapshot";
import { convertWithCalc, fromFile, same, soffice, type Comparable } from "./soffice";

const exe = soffice();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aica-lo-ai-"));
const FILES = ["export-ai.xlsx", "workbench-ai.xlsx"] as const;

const comparable = (v: SnapshotValue): Comparable => (v !== null && typeof v === "object" ? v.error : v);

describe("LibreOffice Calc opens an AI-mode model without the add-in and shows the cached values", () => {
  beforeAll(async () => {
    if (!exe) return;
    fs.mkdirSync(path.join(dir, "in"));
    const plan = await planFor({ model: "training-compute", mode: "ai", language: "en" });
    fs.writeFileSync(path.join(dir, "in", FILES[0]), (await exportPlans([plan])).bytes);
    const book = new HfWorkbook();
    await book.insertModel((names) => {
      const t = getModelTemplate("training-compute");
      if (!t) throw new Error("no training-compute template");
      return t.build({ language: "en", mode: "ai", existingSheetNames: names });
    });
    fs.writeFileSync(path.join(dir, "in", FILES[1]), await bookToXlsx(book));
    convertWithCalc(
      exe,
      FILES.map((f) => path.join(dir, "in", f)),
      path.join(dir, "out"),
      path.join(dir, "profile"),
      1
    );
  }, 180_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  (exe ? test.each(FILES) : test.skip.each(FILES))("%s: single-cell AI.* formulas keep their cached values; spills are recomputed (#NAME?)", async (file) => {
    const written = await readXlsx(fs.readFileSync(path.join(dir, "in", file)));
    const sheet = written.sheets.find((s) => s.name === "Training compute");
    if (!sheet) throw new Error("no model sheet in the file");
    const calc = new ExcelJS.Workbook();
    await calc.xlsx.readFile(path.join(dir, "out", file));
    const ws = calc.getWorksheet(sheet.name);
    if (!ws) throw new Error("Calc saved no model sheet");

    const spilled = new Set<string>();
    for (const c of sheet.cells) {
      if (c.arrayRange === undefined) continue;
      const r = parseRangeAddress(c.arrayRange);
      for (let row = r.row; row < r.row + r.rows; row++) for (let col = r.col; col < r.col + r.cols; col++) spilled.add(cellAddress({ row, col }));
    }
    const kept: string[] = [];
    const lost: string[] = [];
    const spills: Comparable[] = [];
    for (const c of sheet.cells) {
      const address = cellAddress(c);
      const inFile = comparable(c.value);
      const inCalc = fromFile(ws.getCell(address));
      if (spilled.has(address)) {
        if (inFile !== null) spills.push(inCalc);
        continue;
      }
      if (c.formula === undefined || !/AI\./.test(c.formula)) continue;
      if (same(inFile, inCalc)) kept.push(address);
      else lost.push(`${address} ${c.formula}: file ${JSON.stringify(inFile)}, Calc ${JSON.stringify(inCalc)}`);
    }
    expect(lost).toEqual([]);
    expect(kept.length).toBeGreaterThan(5);
    expect(spills.length).toBeGreaterThan(0);
    expect(spills.filter((v) => v !== "#NAME?")).toEqual([]);
  });
});
