/**
 * readXlsx on a file written by someone else (ExcelJS standing in for Excel): shared formulas,
 * "_xlfn." prefixes, dates, rich text, merged cells, validations from a range, a sheet-scoped
 * name on each of two sheets with the same name, hidden sheets, and the settings sheet.
 */
import ExcelJS from "exceljs";
import { SETTINGS_SHEET } from "../../src/sheet/tracking";
import { readXlsx } from "../../src/xlsx/read-xlsx";
import { shownFormula } from "../../src/xlsx/snapshot";
import { addScopedNames } from "../../src/xlsx/write-xlsx";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test("shownFormula drops the file's future-function prefixes, not text inside quotes", () => {
  expect(shownFormula('_xlfn.RRI(5,A1,B1)+_xlfn._xlws.FILTER(A1:A3,B1:B3)&"_xlfn.X"')).toBe('=RRI(5,A1,B1)+FILTER(A1:A3,B1:B3)&"_xlfn.X"');
});

describe("a workbook not written by the workbench", () => {
  let snapshot: Awaited<ReturnType<typeof readXlsx>>;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("Inputs");
    a.getCell("A1").value = new Date(Date.UTC(2024, 0, 31));
    a.getCell("A1").numFmt = "yyyy-mm-dd";
    a.getCell("A2").value = { richText: [{ text: "Rich " }, { text: "text", font: { bold: true } }] };
    a.getCell("B1").value = 2;
    a.getCell("B2").value = 3;
    a.getCell("C1").value = { formula: "B1*10", result: 20 } as ExcelJS.CellFormulaValue;
    a.getCell("C2").value = { sharedFormula: "C1", result: 30 } as ExcelJS.CellSharedFormulaValue;
    a.getCell("D1").value = { formula: "_xlfn.RRI(5,B1,B2)", result: 0.08447177119769855 } as ExcelJS.CellFormulaValue;
    a.mergeCells("E1:F1");
    a.getCell("E1").value = "merged";
    a.getCell("G1").value = "x";
    a.getCell("H1").value = "y";
    a.getCell("A5").dataValidation = { type: "list", allowBlank: true, formulae: ["$G$1:$H$1"] };
    a.getCell("A6").dataValidation = { type: "list", allowBlank: true, formulae: ["$G$1:$H$1"] };
    const b = wb.addWorksheet("Other", { state: "hidden" });
    b.getCell("A1").value = 1;
    const s = wb.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
    s.getCell("A1").value = "aica.table.t";
    s.getCell("B1").value = '{"x":1}';
    addScopedNames(wb, [
      { name: "Rate", ranges: ["Inputs!$B$1"], localSheetId: 0 },
      { name: "Rate", ranges: ["Other!$A$1"], localSheetId: 1 },
      { name: "Both", ranges: ["Inputs!$B$1:$B$2"] },
    ]);
    snapshot = await readXlsx(await bytesOf(wb));
  });

  test("sheets keep their order and visibility; the settings sheet becomes settings", () => {
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Inputs", "visible"],
      ["Other", "hidden"],
    ]);
    expect(snapshot.settings).toEqual([{ key: "aica.table.t", value: '{"x":1}' }]);
  });

  test("dates are serial numbers, rich text is text, a shared formula is the formula of its own cell, prefixes dropped", () => {
    const cells = new Map(snapshot.sheets[0].cells.map((c) => [`${c.row},${c.col}`, c]));
    expect(cells.get("0,0")).toMatchObject({ value: 45322, numberFormat: "yyyy-mm-dd" });
    expect(cells.get("1,0")?.value).toBe("Rich text");
    expect(cells.get("0,2")).toMatchObject({ formula: "=B1*10", value: 20 });
    expect(cells.get("1,2")).toMatchObject({ formula: "=B2*10", value: 30 });
    expect(cells.get("0,3")).toMatchObject({ formula: "=RRI(5,B1,B2)" });
    expect(cells.get("0,4")?.value).toBe("merged");
    expect(cells.has("0,5")).toBe(false);
  });

  test("a drop-down from a range lists the range's values, joined into one rectangle", () => {
    expect(snapshot.sheets[0].validations).toEqual([{ address: "A5:A6", list: ["x", "y"], allowBlank: true }]);
  });

  test("two sheet-scoped names of the same name stay apart; a workbook name has no sheet", () => {
    expect(snapshot.names).toEqual(
      expect.arrayContaining([
        { name: "Rate", refersTo: "Inputs!$B$1", sheet: "Inputs" },
        { name: "Rate", refersTo: "Other!$A$1", sheet: "Other" },
        { name: "Both", refersTo: "Inputs!$B$1:$B$2" },
      ])
    );
  });
});
