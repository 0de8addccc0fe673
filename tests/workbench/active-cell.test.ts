/** The workbench's active cell, selection, reads and formula insert (issue 20: the Functions tab's workbook methods). */
import { HfWorkbook } from "../../src/workbench/hf-workbook";

function book(): HfWorkbook {
  const b = new HfWorkbook();
  const s = b.activeSheet;
  b.input(s, 0, 0, "1e9");
  b.input(s, 1, 0, "2e9");
  b.input(s, 2, 0, "abc");
  b.input(s, 0, 2, "=AI.TRAINFLOPS(A1:A3, 300e9)");
  b.input(s, 0, 4, "=AI.PFDAYS(8.64e19)");
  return b;
}

describe("getActiveCell", () => {
  it("gives a formula cell's formula and value", async () => {
    const b = book();
    b.select(b.activeSheet, 0, 4);
    expect(await b.getActiveCell()).toEqual({
      sheet: "Sheet1",
      address: "E1",
      selection: "E1",
      formula: b.editText(b.activeSheet, 0, 4),
      value: 1,
      spill: null,
    });
    expect(b.editText(b.activeSheet, 0, 4)).toMatch(/^=AI\.PFDAYS\(/);
  });

  it("gives a spilled cell its anchor's formula and its offset, and the element's own error", async () => {
    const b = book();
    b.select(b.activeSheet, 2, 2);
    const cell = await b.getActiveCell();
    expect(cell).toEqual(expect.objectContaining({ address: "C3", formula: b.editText(b.activeSheet, 0, 2), spill: { anchor: "C1", row: 2, col: 0 } }));
    expect(cell.value).toEqual({ error: "#VALUE!", message: 'params must be a number, got text "abc"' });
    b.select(b.activeSheet, 1, 2);
    expect((await b.getActiveCell()).value).toBe(2e9 * 300e9 * 6);
  });

  it("a constant or blank has no formula; the selected range is the Shift-extended one", async () => {
    const b = book();
    b.select(b.activeSheet, 0, 0);
    b.extendSelection(2, 0);
    expect(await b.getActiveCell()).toEqual({ sheet: "Sheet1", address: "A1", selection: "A1:A3", formula: null, value: 1e9, spill: null });
    b.select(b.activeSheet, 5, 5);
    expect(await b.getActiveCell()).toEqual(expect.objectContaining({ selection: "F6", formula: null, value: null }));
  });
});

describe("onSelectionChanged", () => {
  it("fires when the active cell or the range changes, not for other changes; stops when asked", () => {
    const b = book();
    let calls = 0;
    const stop = b.onSelectionChanged(() => calls++);
    b.select(b.activeSheet, 1, 1);
    b.extendSelection(3, 1);
    b.input(b.activeSheet, 9, 9, "5");
    expect(calls).toBe(2);
    stop();
    b.select(b.activeSheet, 0, 0);
    expect(calls).toBe(2);
  });
});

describe("readValues", () => {
  it("reads cells, ranges, other sheets and defined names, blanks as null, errors with their message", async () => {
    const b = book();
    const other = b.hf.getSheetId(b.hf.addSheet("Other sheet")) as number;
    b.input(other, 1, 1, "42");
    b.hf.addNamedExpression("Rate", "=Sheet1!$A$2");
    const r = await b.readValues("Sheet1", ["A1", "A1:A4", "'Other sheet'!B2", "Rate", "C3", "NoSuchName"]);
    expect(r.slice(0, 4)).toEqual([
      { ok: true, values: [[1e9]] },
      { ok: true, values: [[1e9], [2e9], ["abc"], [null]] },
      { ok: true, values: [[42]] },
      { ok: true, values: [[2e9]] },
    ]);
    expect(r[4]).toEqual({ ok: true, values: [[{ error: "#VALUE!", message: 'params must be a number, got text "abc"' }]] });
    expect(r[5].ok).toBe(false);
  });
});

describe("setActiveCellFormula", () => {
  it("writes into the active cell and answers what it shows", async () => {
    const b = book();
    b.select(b.activeSheet, 4, 0);
    expect(await b.setActiveCellFormula('=AI.CHIP("A100")')).toEqual({ sheet: "Sheet1", address: "A5", value: 312e12 });
    expect(b.editText(b.activeSheet, 4, 0)).toBe('=AI.CHIP("A100")');
  });

  it("answers the error the cell shows, with its message", async () => {
    const b = book();
    b.select(b.activeSheet, 6, 0);
    expect((await b.setActiveCellFormula("=AI.TRAINDAYS(1e23,0,312e12)")).value).toEqual({ error: "#VALUE!", message: "chips must be greater than 0, got 0" });
  });
});
