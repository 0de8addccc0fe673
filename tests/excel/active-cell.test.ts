/**
 * The Excel adapter's reads and writes for the Functions tab (issue 20) against the strict fake:
 * the active cell (a spilled cell's anchor and offset with ExcelApi 1.12, "unknown" without it;
 * the active cell inside a range with 1.7), selection events added and removed on their
 * context, references and names read in one sync (one refused: each alone), a formula inserted
 * in one sync.
 */
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { WorkbookError } from "../../src/sheet/workbook";
import { FakeExcel, type Scalar } from "./fake-excel";

/** Excel's results for the formulas these tests type (the fake does not calculate by itself). */
function calc(_sheet: string, formula: string): Scalar | Scalar[][] {
  if (formula === "=AI.TRAINFLOPS(A1:A3,300e9)") return [[1.8e21], [3.6e21], ["#VALUE!"]];
  if (formula === "=AI.PFDAYS(8.64e19)") return 1;
  if (formula === '=AI.CHIP("A100")') return 312e12;
  if (formula.startsWith("=AI.TRAINDAYS(1e23,0")) return "#VALUE!";
  return 0;
}

function setup(version = "1.18") {
  const fake = new FakeExcel({ sheets: ["Sheet1", "Other sheet"] });
  fake.calc = calc;
  fake.type("Sheet1", "A1", [[1e9], [2e9], ["abc"]]);
  fake.type("Sheet1", "C1", [["=AI.TRAINFLOPS(A1:A3,300e9)"]]);
  fake.type("Sheet1", "E1", [["=AI.PFDAYS(8.64e19)"]]);
  fake.type("Other sheet", "B2", [[42]]);
  fake.names.push({ name: "Rate", reference: "=Sheet1!$A$2", scope: "workbook" }, { name: "Rate", reference: "=Sheet1!$A$1", scope: "Other sheet" });
  const max = Number(version.split(".")[1]);
  const supports = (v: string): boolean => Number(v.split(".")[1]) <= max;
  const book = new ExcelWorkbook({ run: fake.run, rerun: fake.rerun, supports });
  return { fake, book };
}

describe("getActiveCell", () => {
  it("reads a formula cell, its value and the selection in one sync", async () => {
    const { fake, book } = setup();
    fake.select("Sheet1", "E1");
    fake.resetCounters();
    expect(await book.getActiveCell()).toEqual({ sheet: "Sheet1", address: "E1", selection: "E1", formula: "=AI.PFDAYS(8.64e19)", value: 1, spill: null });
    expect(fake.syncCount).toBe(1);
    expect(book.lastSyncs).toBe(1);
  });

  it("gives a spilled cell its anchor's formula and offset (ExcelApi 1.12), and its error value", async () => {
    const { fake, book } = setup();
    fake.select("Sheet1", "C3");
    expect(await book.getActiveCell()).toEqual({
      sheet: "Sheet1",
      address: "C3",
      selection: "C3",
      formula: "=AI.TRAINFLOPS(A1:A3,300e9)",
      value: { error: "#VALUE!" },
      spill: { anchor: "C1", row: 2, col: 0 },
    });
    fake.select("Sheet1", "C1");
    expect((await book.getActiveCell()).spill).toBeNull();
  });

  it("without ExcelApi 1.12, a spilled cell is 'unknown' (its formula cannot be found), a formula cell is still itself", async () => {
    const { fake, book } = setup("1.11");
    fake.select("Sheet1", "C2");
    expect(await book.getActiveCell()).toEqual(expect.objectContaining({ address: "C2", formula: null, value: 3.6e21, spill: "unknown" }));
    fake.select("Sheet1", "E1");
    expect(await book.getActiveCell()).toEqual(expect.objectContaining({ formula: "=AI.PFDAYS(8.64e19)", spill: null }));
    expect(fake.syncs.flatMap((s) => s.calls)).not.toContain("Range.getSpillParentOrNullObject");
  });

  it("the active cell inside a selected range (ExcelApi 1.7), else the range's first cell", async () => {
    const { fake, book } = setup();
    fake.select("Other sheet", "A1:B5", "B2");
    expect(await book.getActiveCell()).toEqual({ sheet: "Other sheet", address: "B2", selection: "A1:B5", formula: null, value: 42, spill: null });
    const old = setup("1.6");
    old.fake.select("Other sheet", "A1:B5", "B2");
    expect(await old.book.getActiveCell()).toEqual(expect.objectContaining({ address: "A1", selection: "A1:B5", value: null }));
  });
});

describe("onSelectionChanged", () => {
  it("registers in one sync, calls the handler on each selection, and is removed on its own context", async () => {
    const { fake, book } = setup();
    fake.resetCounters();
    let calls = 0;
    const stop = book.onSelectionChanged(() => calls++);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.selectionHandlers).toHaveLength(1);
    expect(fake.syncs.map((s) => s.calls)).toEqual([["Workbook.onSelectionChanged.add"]]);
    fake.select("Sheet1", "B2");
    fake.select("Sheet1", "B3");
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
    stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.selectionHandlers).toHaveLength(0);
    expect(fake.syncs.map((s) => s.calls)[1]).toEqual(["EventHandlerResult.remove"]);
    fake.select("Sheet1", "B4");
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
  });
});

describe("readValues", () => {
  it("reads addresses, other sheets and names (the sheet's own first) in one sync, errors and blanks as such", async () => {
    const { fake, book } = setup();
    fake.resetCounters();
    const r = await book.readValues("Other sheet", ["B2", "Sheet1!A1:A4", "Rate", "Sheet1!C3"]);
    expect(r).toEqual([
      { ok: true, values: [[42]] },
      { ok: true, values: [[1e9], [2e9], ["abc"], [null]] },
      { ok: true, values: [[1e9]] },
      { ok: true, values: [[{ error: "#VALUE!" }]] },
    ]);
    expect(fake.syncCount).toBe(1);
    expect((await book.readValues("Sheet1", ["Rate"]))[0]).toEqual({ ok: true, values: [[2e9]] });
  });

  it("when Excel refuses one reference, reads each alone so the others answer", async () => {
    const { fake, book } = setup();
    fake.resetCounters();
    const r = await book.readValues("Sheet1", ["A1", "NoSuchName", "E1"]);
    expect(r[0]).toEqual({ ok: true, values: [[1e9]] });
    expect(r[1]).toEqual({ ok: false, reason: expect.stringMatching(/not valid/) });
    expect(r[2]).toEqual({ ok: true, values: [[1]] });
    expect(fake.syncCount).toBe(4);
  });
});

describe("setActiveCellFormula", () => {
  it("writes the formula into the active cell and reads what it shows, in one sync", async () => {
    const { fake, book } = setup();
    fake.select("Sheet1", "G1:G3", "G2");
    fake.resetCounters();
    expect(await book.setActiveCellFormula('=AI.CHIP("A100")')).toEqual({ sheet: "Sheet1", address: "G2", value: 312e12 });
    expect(fake.syncCount).toBe(1);
    expect(fake.writes).toEqual([expect.objectContaining({ sheet: "Sheet1", address: "G2", property: "formulas", value: [['=AI.CHIP("A100")']] })]);
    expect(await book.setActiveCellFormula("=AI.TRAINDAYS(1e23,0,312e12)")).toEqual(expect.objectContaining({ value: { error: "#VALUE!" } }));
  });

  it("a refused write is a WorkbookError and leaves the cell as it was", async () => {
    const { fake, book } = setup();
    fake.select("Sheet1", "E1");
    fake.protectSheet("Sheet1");
    await expect(book.setActiveCellFormula("=1")).rejects.toThrow(WorkbookError);
    expect(fake.read("Sheet1", "E1")).toEqual([["=AI.PFDAYS(8.64e19)"]]);
  });
});
