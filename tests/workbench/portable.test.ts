/** The workbench's formula actions (src/workbench/hf-portable.ts) on HyperFormula, evaluated for real. */
import { FORMULA_STORE_SHEET } from "../../src/sheet/portable-plan";
import { HfWorkbook } from "../../src/workbench/hf-workbook";

const NOW = new Date("2025-03-01T10:00:00Z");

function filled(): { b: HfWorkbook; s: number } {
  const b = new HfWorkbook({ now: () => NOW });
  const s = b.activeSheet;
  const rows: string[][] = [
    ["1.75E11", "3E11", "=AI.TRAINFLOPS(A1,B1)", "=AI.PFDAYS(C1)", "=AI.TRAINDAYS(C1,1E15,1000,0.4)"],
    ["7E10", "1.4E12", "=AI.TRAINFLOPS(A2,B2)*2+SUM(A2:B2)", "=IF(C2>0,AI.PFDAYS(C2),0)", '=AI.PARSENUM("1.5T")'],
  ];
  rows.forEach((row, r) => row.forEach((text, c) => expect(b.input(s, r, c, text)).toBeNull()));
  return { b, s };
}

const grid = <T>(read: (r: number, c: number) => T): T[][] => Array.from({ length: 2 }, (_, r) => Array.from({ length: 5 }, (__, c) => read(r, c)));

describe("workbench formula actions", () => {
  test("Make portable keeps every value, writes native formulas, keeps a lookup as a value with a note; Restore puts the AI formulas back exactly", async () => {
    const { b, s } = filled();
    const values = grid((r, c) => b.cellView(s, r, c).value);
    const formulas = grid((r, c) => b.editText(s, r, c));
    const result = await b.makePortable("sheet", "en");
    expect(result.counts.leftAlone).toBe(0);
    expect(result.counts.converted + result.counts.toValue).toBe(6);
    const after = grid((r, c) => b.cellView(s, r, c).value);
    after.forEach((row, r) =>
      row.forEach((v, c) => {
        const was = values[r][c];
        if (typeof was === "number" && typeof v === "number") expect(Math.abs(v - was)).toBeLessThanOrEqual(1e-12 * Math.abs(was));
        else expect(v).toEqual(was);
      })
    );
    expect(
      grid((r, c) => b.editText(s, r, c))
        .flat()
        .some((f) => /AI\./i.test(f))
    ).toBe(false);
    const valueCells = result.cells.filter((c) => c.outcome === "toValue");
    for (const c of valueCells) expect(b.cellView(s, Number(c.address.slice(1)) - 1, c.address.charCodeAt(0) - 65).note).toMatch(/AI Compute Analyst/);
    // The store is a very hidden sheet: no tab.
    const store = b.findSheet(FORMULA_STORE_SHEET) as number;
    expect(b.isSheetHidden(store)).toBe(true);
    expect(b.sheets().map((x) => x.name)).not.toContain(FORMULA_STORE_SHEET);

    const again = await b.makePortable("sheet", "en");
    expect(again.counts.converted + again.counts.toValue).toBe(0);

    const back = await b.restoreFormulas("workbook");
    expect(back.counts.restored).toBe(6);
    expect(grid((r, c) => b.editText(s, r, c))).toEqual(formulas);
    expect(grid((r, c) => b.cellView(s, r, c).value)).toEqual(values);
    expect(
      grid((r, c) => b.cellView(s, r, c).note)
        .flat()
        .every((n) => n === undefined)
    ).toBe(true);
  });

  test("selection scope is the selected cell; an edited cell is left by Restore", async () => {
    const { b, s } = filled();
    b.select(s, 0, 3);
    const one = await b.makePortable("selection", "zh");
    expect(one.counts.converted).toBe(1);
    expect(b.editText(s, 0, 2)).toBe("=AI.TRAINFLOPS(A1,B1)");
    await b.makePortable("sheet", "en");
    b.input(s, 0, 2, "5");
    const back = await b.restoreFormulas("sheet");
    expect(back.counts).toMatchObject({ editedSince: 1, restored: 5 });
    expect(b.editText(s, 0, 2)).toBe("5");
  });

  test("Repair re-enters the _xldudf_ form: #NAME? becomes a value", async () => {
    const b = new HfWorkbook({ now: () => NOW });
    const s = b.activeSheet;
    b.input(s, 0, 0, "=_xldudf_AI_TRAINFLOPS(2,3)");
    expect(b.cellView(s, 0, 0).kind).toBe("error"); // #ERROR! here: HyperFormula cannot read the prefix (Excel: #NAME?)
    const r = await b.repairFormulas("sheet");
    expect(r.counts).toMatchObject({ repaired: 1, stillFailing: 0 });
    expect(b.editText(s, 0, 0)).toBe("=AI.TRAINFLOPS(2,3)");
    expect(b.cellView(s, 0, 0).value).toBe(36);
  });
});
