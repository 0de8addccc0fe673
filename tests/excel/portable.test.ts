/**
 * The Excel adapter's formula actions (src/excel/portable.ts) against the strict fake: what is
 * written, the store sheet, notes, spills, sync counts, and a save/reopen (a fresh adapter over
 * the same fake workbook).
 */
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { FORMULA_STORE_SHEET } from "../../src/sheet/portable-plan";
import { FakeExcel, type Scalar } from "./fake-excel";

const NOW = new Date("2025-03-01T10:00:00Z");

type Calc = (sheet: string, formula: string, row: number, col: number) => Scalar | Scalar[][];

/** Excel with the add-in loaded: AI.* compute, the unregistered _xldudf_ form shows #NAME?. */
function calc(loaded: { on: boolean }): Calc {
  return (_sheet, formula) => {
    const f = formula.toUpperCase();
    if (f.includes("_XLDUDF_")) return "#NAME?";
    if (f.startsWith("=AI.DATASET"))
      return loaded.on
        ? [
            ["GPT-4", 1.8e12],
            ["PaLM", 5.4e11],
          ]
        : "#NAME?";
    if (f.startsWith("=AI.MODEL")) return loaded.on ? (f.includes("NAME") ? "=cmd" : 1.8e12) : "#NAME?";
    if (f.includes("AI.")) return loaded.on ? 42 : "#NAME?";
    return 7; // native formulas: the fake does not evaluate them
  };
}

function workbook(sheets = ["Sheet1"], versions = "1.18") {
  const fake = new FakeExcel({ sheets });
  const loaded = { on: true };
  fake.calc = calc(loaded);
  const max = Number(versions.split(".")[1]);
  const supports = (v: string): boolean => Number(v.split(".")[1]) <= max;
  const book = (): ExcelWorkbook => new ExcelWorkbook({ run: fake.run, supports, now: () => NOW });
  return { fake, loaded, book };
}

async function known(book: ExcelWorkbook): Promise<ExcelWorkbook> {
  await book.listTracked(); // the pane does this when it opens: the sheet names become known
  return book;
}

describe("Excel formula actions", () => {
  test("Make portable: native formulas, a lookup as text with a note, the store very hidden and text; 2 syncs", async () => {
    const { fake, book } = workbook();
    fake.type("Sheet1", "A1", [[2, 3, "=AI.TRAINFLOPS(A1,B1)", '=AI.MODEL("x","name")', "=SUM(A1:B1)"]]);
    const wb = await known(book());
    fake.resetCounters();
    const result = await wb.makePortable("sheet", "en");
    expect(wb.lastSyncs).toBe(2);
    expect(fake.syncCount).toBe(2);
    expect(result.counts).toMatchObject({ converted: 1, toValue: 1, leftAlone: 0 });
    const c1 = fake.read("Sheet1", "C1")[0][0] as string;
    expect(c1).toMatch(/^=IF\(/);
    expect(c1).not.toMatch(/AI\./);
    // "=cmd" stays text (apostrophe prefix), never a formula.
    expect(fake.cell("Sheet1", "D1")).toMatchObject({ value: "=cmd" });
    expect(fake.cell("Sheet1", "D1")?.formula).toBeUndefined();
    expect(fake.read("Sheet1", "E1")).toEqual([["=SUM(A1:B1)"]]);
    expect(fake.sheet("Sheet1").notes.get("D1")).toMatch(/AI\.MODEL\("x","name"\).*2025-03-01.*Restore/);
    const store = fake.sheet(FORMULA_STORE_SHEET);
    expect(store.visibility).toBe("VeryHidden");
    expect(
      fake
        .formats(FORMULA_STORE_SHEET, "A1:G3")
        .flat()
        .every((f) => f === "@")
    ).toBe(true);
    expect([...store.cells.values()].every((r) => [...r.values()].every((c) => c.formula === undefined))).toBe(true);
    expect(fake.read(FORMULA_STORE_SHEET, "A2:C3")).toEqual([
      ["Sheet1", "C1", "=AI.TRAINFLOPS(A1,B1)"],
      ["Sheet1", "D1", '=AI.MODEL("x","name")'],
    ]);
  });

  test("twice is safe; restore after save and reopen puts the AI formulas back exactly, in 2 syncs", async () => {
    const { fake, book } = workbook();
    fake.type("Sheet1", "A1", [[2, 3, "=AI.TRAINFLOPS(A1,B1)", '=AI.MODEL("x","params")']]);
    const wb = await known(book());
    await wb.makePortable("sheet", "zh");
    expect(fake.sheet("Sheet1").notes.get("D1")).toMatch(/原为公式/);
    const second = await wb.makePortable("sheet", "zh");
    expect(second.counts).toMatchObject({ converted: 0, toValue: 0 });
    expect(fake.read(FORMULA_STORE_SHEET, "A2:A3")).toEqual([["Sheet1"], ["Sheet1"]]);
    const reopened = await known(book());
    fake.resetCounters();
    const restored = await reopened.restoreFormulas("workbook");
    expect(reopened.lastSyncs).toBe(2);
    expect(restored.counts.restored).toBe(2);
    expect(fake.read("Sheet1", "C1:D1")).toEqual([["=AI.TRAINFLOPS(A1,B1)", '=AI.MODEL("x","params")']]);
    expect(fake.sheet("Sheet1").notes.size).toBe(0);
    expect(fake.read(FORMULA_STORE_SHEET, "A2:A3")).toEqual([[""], [""]]);
  });

  test("restore leaves a cell edited since and says so", async () => {
    const { fake, book } = workbook();
    fake.type("Sheet1", "A1", [[2, 3, "=AI.TRAINFLOPS(A1,B1)", "=AI.PFDAYS(A1)"]]);
    const wb = await known(book());
    await wb.makePortable("sheet", "en");
    fake.type("Sheet1", "C1", [[99]]);
    const r = await wb.restoreFormulas("sheet");
    expect(r.counts).toMatchObject({ restored: 1, editedSince: 1 });
    expect(r.cells.find((c) => c.outcome === "editedSince")).toMatchObject({ address: "C1" });
    expect(fake.read("Sheet1", "C1:D1")).toEqual([[99, "=AI.PFDAYS(A1)"]]);
  });

  test("a spilling lookup is kept whole (ExcelApi 1.12) and spills again after restore", async () => {
    const { fake, book } = workbook();
    fake.type("Sheet1", "A1", [['=AI.DATASET("models")']]);
    const wb = await known(book());
    fake.resetCounters();
    const r = await wb.makePortable("sheet", "en");
    expect(wb.lastSyncs).toBe(3); // the spill range is read before anything is written
    expect(r.counts.toValue).toBe(1);
    expect(fake.read("Sheet1", "A1:B2")).toEqual([
      ["GPT-4", 1.8e12],
      ["PaLM", 5.4e11],
    ]);
    expect(fake.cell("Sheet1", "A1")?.formula).toBeUndefined();
    const back = await wb.restoreFormulas("sheet");
    expect(back.counts.restored).toBe(1);
    expect(fake.read("Sheet1", "A1")).toEqual([['=AI.DATASET("models")']]);
    expect(fake.read("Sheet1", "B2")).toEqual([[5.4e11]]); // spilling again
  });

  test("repair re-enters #NAME? formulas and counts repaired and still failing, 2 syncs", async () => {
    const { fake, loaded, book } = workbook();
    fake.type("Sheet1", "A1", [["=_xldudf_AI_TRAINFLOPS(1,2)", "=AI.PFDAYS(1)", "=SUM(1)"]]);
    loaded.on = false;
    const inner = calc(loaded);
    fake.calc = (s, f, r, c) => (r === 0 && c === 0 ? "#NAME?" : inner(s, f, r, c));
    const wb = await known(book());
    fake.resetCounters();
    const r = await wb.repairFormulas("sheet");
    expect(wb.lastSyncs).toBe(2);
    expect(r.counts).toMatchObject({ repaired: 0, stillFailing: 2 });
    loaded.on = true;
    fake.calc = calc(loaded);
    fake.type("Sheet1", "A1", [["=_xldudf_AI_TRAINFLOPS(1,2)"]]);
    const again = await wb.repairFormulas("sheet");
    expect(again.counts).toMatchObject({ repaired: 1, stillFailing: 0 });
    expect(fake.read("Sheet1", "A1")).toEqual([["=AI.TRAINFLOPS(1,2)"]]);
  });

  test("at most 2 syncs over a 3-sheet workbook; selection scope acts on the selection only", async () => {
    const { fake, book } = workbook(["S1", "S2", "S3"]);
    for (const s of ["S1", "S2", "S3"]) fake.type(s, "A1", [[1, 2, "=AI.TRAINFLOPS(A1,B1)"]]);
    const wb = await known(book());
    fake.resetCounters();
    const r = await wb.makePortable("workbook", "en");
    expect(wb.lastSyncs).toBe(2);
    expect(r.sheets).toEqual(["S1", "S2", "S3"]);
    expect(r.counts.converted).toBe(3);
    for (const action of [() => wb.restoreFormulas("workbook"), () => wb.repairFormulas("workbook")]) {
      await action();
      expect(wb.lastSyncs).toBeLessThanOrEqual(2);
    }
    fake.type("S2", "D1", [["=AI.PFDAYS(1)"]]);
    fake.select("S2", "D1");
    const sel = await wb.makePortable("selection", "en");
    expect(sel.counts.converted).toBe(1);
    expect(fake.read("S2", "C1")).toEqual([["=AI.TRAINFLOPS(A1,B1)"]]);
  });

  test("without ExcelApi 1.18 values are kept without a note, and the result says why", async () => {
    const { fake, book } = workbook(["Sheet1"], "1.11");
    fake.type("Sheet1", "A1", [['=AI.MODEL("x","params")']]);
    const wb = await known(book());
    const r = await wb.makePortable("sheet", "en");
    expect(r.cells[0]).toMatchObject({ outcome: "toValue", reason: expect.stringMatching(/1\.18/) });
    expect(fake.sheet("Sheet1").notes.size).toBe(0);
    expect(fake.syncs.flatMap((s) => s.calls).some((c) => c.startsWith("Note"))).toBe(false);
  });

  test("a protected sheet is left alone; a refused write is put back and reported excelRejected", async () => {
    const { fake, book } = workbook(["A", "B"]);
    fake.type("A", "A1", [["=AI.PFDAYS(1)"]]);
    fake.type("B", "A1", [["=AI.PFDAYS(2)"]]);
    fake.protectSheet("B");
    const wb = await known(book());
    const r = await wb.makePortable("workbook", "en");
    expect(r.counts).toMatchObject({ converted: 1, leftAlone: 1 });
    expect(r.cells.find((c) => c.sheet === "B")?.reason).toMatch(/protected/);
    fake.type("A", "B1", [["=AI.PFDAYS(3)"]]);
    // Contents, not formats: the put-back may leave empty "@"-formatted cells on the store sheet.
    const contents = (): string =>
      fake
        .workbookState()
        .split("\n")
        .filter((l) => !l.includes('"value":""'))
        .join("\n");
    const before = contents();
    fake.resetCounters();
    fake.failSync(1, "GeneralException", "Range.values"); // the store write is refused, after the cells
    await expect(wb.makePortable("sheet", "en")).rejects.toMatchObject({ code: "excelRejected" });
    expect(contents()).toBe(before);
    expect(fake.read("A", "B1")).toEqual([["=AI.PFDAYS(3)"]]);
  });
});
