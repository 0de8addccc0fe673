/**
 * The workbench's workbook as a file and back (issue 15, item 4): a workbook with a dataset
 * table, an AI-mode model, a portable model and an analyst's own cells is downloaded, opened
 * into a fresh workbench and downloaded again; the two files are read back and compared whole
 * (every sheet, cell value and formula, number format, font and fill, column width, table, name,
 * drop-down, frozen pane and setting). Opened, the dataset table is still tracked and refreshes.
 *
 * What legitimately differs: between the two files' contents, nothing. Their bytes are not
 * compared: the zip entries carry the time of writing (JSZip stamps each entry when the file is
 * generated, to 2 seconds), so two writes a second apart differ even with the same creation time.
 * Against the workbench before the first download: charts (a file carries none; the snapshot
 * has no place for them), name comments, plans' autofit ranges (the file keeps the widths they
 * gave), and formulas the analyst typed are saved in HyperFormula's spelling ("/1E9" becomes
 * "/1000000000").
 */
import { getDataset } from "../../src/data/catalog";
import type { Dataset } from "../../src/data/types";
import { getModelTemplate } from "../../src/sheet/models";
import { decodeRecord, TRACKING_PREFIX } from "../../src/sheet/tracking";
import { HfWorkbook } from "../../src/workbench/hf-workbook";
import { bookToSnapshot, bookToXlsx, openXlsx } from "../../src/workbench/xlsx-io";
import { readXlsx } from "../../src/xlsx/read-xlsx";
import type { WorkbookSnapshot } from "../../src/xlsx/snapshot";

const NOW = new Date("2026-01-02T03:04:05Z");
const LATER = new Date("2026-02-03T04:05:06Z");

function llm(): Dataset {
  const d = getDataset("llm-comparison");
  if (!d) throw new Error("llm-comparison missing");
  return d;
}

/** llm-comparison with GPT-3's parameters changed and a new version. */
function changedLlm(): Dataset {
  const d = llm();
  const params = d.columns.findIndex((c) => c.key === "params");
  const model = d.columns.findIndex((c) => c.key === "model_en");
  const rows = d.rows.map((r) => [...r]);
  rows[rows.findIndex((r) => r[model] === "GPT-3")][params] = 176e9;
  return { ...d, version: "1.0.1", rows };
}

function template(id: string) {
  const t = getModelTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

/** A workbench workbook as an analyst leaves it: a dataset, two models, typed cells and formulas. */
async function analystsBook(): Promise<{ book: HfWorkbook; llmSheet: string; aiSheet: string; portableSheet: string }> {
  const clock = { now: NOW };
  const book = new HfWorkbook({ now: () => clock.now });
  const inserted = await book.insertDataset(llm(), { target: "newSheet", language: "en", chart: true });
  const ai = await book.insertModel((names) => template("training-compute").build({ language: "en", mode: "ai", existingSheetNames: names }));
  const portable = await book.insertModel((names) => template("inference-demand").build({ language: "zh", mode: "portable", existingSheetNames: names }));
  const s = book.findSheet("Sheet1") as number;
  const typed: [number, number, string][] = [
    [0, 0, "Budget (USD)"],
    [0, 1, "1200000"],
    [1, 0, "Growth"],
    [1, 1, "12.5%"],
    [2, 0, "Next year"],
    [2, 1, "=B1*(1+B2)"],
    [3, 0, "Start"],
    [3, 1, "2026-03-01"],
    [4, 0, "All parameters (bn)"],
    [4, 1, `=SUM('${inserted.sheetName}'!G2:G16)/1E9`],
    [5, 0, "Text that looks like a number"],
    [5, 1, "'00123"],
    [6, 0, "An error"],
    [6, 1, "=1/0"],
    [7, 0, "Spill"],
    [7, 1, "=SEQUENCE(3,2)"],
  ];
  for (const [row, col, text] of typed) expect(book.input(s, row, col, text)).toBeNull();
  // A very hidden sheet of the add-in's own (as makePortable keeps the original formulas) and a sheet the analyst hid.
  const kept = book.findSheet(book.hf.addSheet("_aica_formulas")) as number;
  book.hideSheet(kept);
  book.hf.setCellContents({ sheet: kept, row: 0, col: 0 }, [["'Sheet1!B3", "'=B1*(1+B2)"]]);
  const hidden = book.findSheet(book.hf.addSheet("Scratch")) as number;
  book.setSheetVisibility(hidden, "hidden");
  book.hf.setCellContents({ sheet: hidden, row: 0, col: 0 }, [[42]]);
  book.setNote(s, 5, 1, "Typed with an apostrophe: stays text");
  book.select(book.findSheet(ai.sheetName) as number, 4, 2);
  return { book, llmSheet: inserted.sheetName, aiSheet: ai.sheetName, portableSheet: portable.sheetName };
}

describe("the workbench's workbook as a file and back", () => {
  let first: Uint8Array;
  let second: Uint8Array;
  let one: WorkbookSnapshot;
  let two: WorkbookSnapshot;
  let before: WorkbookSnapshot;
  let names: { llmSheet: string; aiSheet: string; portableSheet: string };
  let reopened: HfWorkbook;

  beforeAll(async () => {
    const built = await analystsBook();
    names = built;
    before = await bookToSnapshot(built.book);
    first = await bookToXlsx(built.book, { created: NOW });
    reopened = new HfWorkbook({ now: () => LATER });
    expect(await openXlsx(reopened, first)).toEqual([]);
    second = await bookToXlsx(reopened, { created: NOW });
    one = await readXlsx(first);
    two = await readXlsx(second);
  });

  test("the second file holds exactly what the first holds", () => {
    expect(two).toEqual(one);
  });

  test("the first file holds the workbench's workbook as it stood (charts aside: a file has none)", () => {
    expect(one).toEqual(before);
    expect(one.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Sheet1", "visible"],
      [names.llmSheet, "visible"],
      [names.aiSheet, "visible"],
      [names.portableSheet, "visible"],
      ["_aica_formulas", "veryHidden"],
      ["Scratch", "hidden"],
    ]);
    expect(one.activeSheet).toBe(names.aiSheet);
  });

  test("the file holds the analyst's typed cells with their implied formats, and an error as an error", () => {
    const sheet1 = one.sheets[0];
    const at = (a: string) => sheet1.cells.find((c) => c.row === Number(a.slice(1)) - 1 && c.col === a.charCodeAt(0) - 65);
    expect(at("B1")).toEqual({ row: 0, col: 1, value: 1200000 });
    expect(at("B2")).toEqual({ row: 1, col: 1, value: 0.125, numberFormat: "0%" });
    expect(at("B3")).toEqual({ row: 2, col: 1, value: 1350000, formula: "=B1*(1+B2)" });
    expect(at("B4")).toMatchObject({ value: 46082, numberFormat: "yyyy-mm-dd" });
    expect(at("B6")).toEqual({ row: 5, col: 1, value: "00123", note: "Typed with an apostrophe: stays text" });
    expect(at("B7")).toEqual({ row: 6, col: 1, value: { error: "#DIV/0!" }, formula: "=1/0" });
    expect(at("B8")).toEqual({ row: 7, col: 1, value: 1, formula: "=SEQUENCE(3,2)", arrayRange: "B8:C10" });
    expect(at("C10")).toEqual({ row: 9, col: 2, value: 6 });
  });

  test("tables, names, drop-downs, frozen panes and tracking records are in the file", () => {
    expect(one.tables).toEqual([
      { name: "AI_llm_comparison", sheet: names.llmSheet, address: expect.stringMatching(/^A1:[A-Z]+\d+$/), style: "TableStyleMedium2" },
    ]);
    expect(one.names.length).toBeGreaterThan(10);
    expect(one.names).toContainEqual({ name: "Flop_Per_Param_Token", refersTo: "'Training compute'!$B$6", sheet: names.aiSheet });
    const ai = one.sheets.find((s) => s.name === names.aiSheet);
    expect(ai?.validations.length).toBeGreaterThan(0);
    expect(one.sheets.find((s) => s.name === names.llmSheet)?.freeze).toEqual({ rows: 1, cols: 0 });
    expect(one.settings.map((s) => s.key)).toEqual([`${TRACKING_PREFIX}ai_llm_comparison`]);
    expect(decodeRecord(one.settings[0].value)).toMatchObject({ tableName: "AI_llm_comparison", datasetId: "llm-comparison", version: "1.0.0" });
  });

  test("the AI-mode model's spilled AI.* formulas are saved as array formulas with HyperFormula's values cached", () => {
    const ai = one.sheets.find((s) => s.name === names.aiSheet);
    const arrays = ai?.cells.filter((c) => c.arrayRange !== undefined) ?? [];
    expect(arrays.length).toBeGreaterThan(0);
    expect(arrays.every((c) => c.formula?.includes("AI."))).toBe(true);
    const flops = arrays.find((c) => c.formula?.includes("AI.TRAINFLOPS"));
    expect(typeof flops?.value).toBe("number");
  });

  test("opened, a spill is one formula at its anchor and spills again to the same values", () => {
    const ai = reopened.findSheet(names.aiSheet) as number;
    const anchor = one.sheets.find((s) => s.name === names.aiSheet)?.cells.find((c) => c.arrayRange !== undefined);
    if (!anchor?.arrayRange) throw new Error("no spill");
    expect(reopened.hf.doesCellHaveFormula({ sheet: ai, row: anchor.row, col: anchor.col })).toBe(true);
    expect(reopened.hf.doesCellHaveFormula({ sheet: ai, row: anchor.row + 1, col: anchor.col })).toBe(false);
    expect(reopened.hf.getCellValue({ sheet: ai, row: anchor.row + 1, col: anchor.col })).toBe(
      one.sheets.find((s) => s.name === names.aiSheet)?.cells.find((c) => c.row === anchor.row + 1 && c.col === anchor.col)?.value
    );
  });
});

describe("a tracked table stays refreshable after the file is opened", () => {
  test("listTracked lists it and refresh with a newer dataset version updates it", async () => {
    const { book, llmSheet } = await analystsBook();
    const bytes = await bookToXlsx(book, { created: NOW });
    const opened = new HfWorkbook({ now: () => LATER });
    await openXlsx(opened, bytes);
    expect(await opened.listTracked()).toEqual(await book.listTracked());

    const summary = await opened.refresh(new Map([["llm-comparison", changedLlm()]]));
    expect(summary.tables).toEqual([
      expect.objectContaining({ tableName: "AI_llm_comparison", status: "updated", changed: 1, oldVersion: "1.0.0", newVersion: "1.0.1" }),
    ]);
    const sheet = opened.findSheet(llmSheet) as number;
    const params = llm().columns.findIndex((c) => c.key === "params");
    const model = llm().columns.findIndex((c) => c.key === "model_en");
    const row = llm().rows.findIndex((r) => r[model] === "GPT-3") + 1;
    expect(opened.cellView(sheet, row, params).value).toBe(176e9);
    expect((await opened.listTracked())[0]).toMatchObject({ version: "1.0.1" });
    // Saved again, the refreshed record travels in the file.
    const again = await readXlsx(await bookToXlsx(opened, { created: LATER }));
    expect(decodeRecord(again.settings[0].value)).toMatchObject({ version: "1.0.1", refreshedAt: LATER.toISOString() });
  });

  test("a file that is not an .xlsx is refused and the workbook is left as it was", async () => {
    const { book } = await analystsBook();
    const sheets = book.sheets().map((s) => s.name);
    await expect(openXlsx(book, new TextEncoder().encode("not a zip"))).rejects.toThrow();
    expect(book.sheets().map((s) => s.name)).toEqual(sheets);
  });
});
