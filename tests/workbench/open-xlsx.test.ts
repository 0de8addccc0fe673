/**
 * The workbench's "Open .xlsx" (openXlsx) on crafted files (issue 21, item 4): a refused file
 * leaves the analyst's workbook exactly as it was (compared whole, as a snapshot); the files that
 * open do so with the right content. Reader-level checks of each cap: tests/xlsx/open-limits.test.ts.
 */
import ExcelJS from "exceljs";
import { HfWorkbook } from "../../src/workbench/hf-workbook";
import { bookToSnapshot, bookToXlsx, openXlsx } from "../../src/workbench/xlsx-io";
import { readXlsx } from "../../src/xlsx/read-xlsx";
import { craftedXlsx, numberCell, workbookEntries, zipOf } from "../xlsx/crafted";

const NOW = new Date("2026-01-02T03:04:05Z");

/** A workbook an analyst is working in: typed values, a formula, a second sheet. */
function analystsBook(): HfWorkbook {
  const book = new HfWorkbook({ now: () => NOW });
  const s = book.findSheet("Sheet1") as number;
  expect(book.input(s, 0, 0, "Budget")).toBeNull();
  expect(book.input(s, 0, 1, "1200000")).toBeNull();
  expect(book.input(s, 1, 1, "=B1*2")).toBeNull();
  const other = book.findSheet(book.hf.addSheet("Notes")) as number;
  expect(book.input(other, 2, 2, "keep me")).toBeNull();
  return book;
}

const sheet1 = (body: string): Uint8Array => craftedXlsx([{ name: "Sheet1", body }]);

const overDeclared = (): Uint8Array => {
  const entries = workbookEntries([{ name: "Sheet1", body: "<sheetData/>" }]);
  const part = entries.find((e) => e.name === "xl/worksheets/sheet1.xml");
  if (part) part.declaredSize = 200_000_000;
  return zipOf(entries);
};

describe("a refused file leaves the workbook untouched", () => {
  test.each<[string, () => Uint8Array, string | RegExp]>([
    ["a zip without xl/workbook.xml", () => zipOf([{ name: "hello.txt", data: "hi" }]), "the file is not an Excel workbook: its zip has no xl/workbook.xml"],
    ["bytes that are not a zip", () => new TextEncoder().encode("not a zip"), "the file is not an .xlsx workbook (not a zip archive)"],
    [
      "one cell at XFD1048576",
      () => sheet1(`<sheetData><row r="1048576">${numberCell("XFD1048576", 1)}</row></sheetData>`),
      "Sheet1: its used range A1:XFD1048576 spans 17,179,869,184 cells",
    ],
    ["parts declaring 200 MB decompressed", overDeclared, /^the workbook's parts declare 200,000,\d{3} bytes decompressed; at most 100,000,000 open$/],
    [
      "a merged range over the whole sheet",
      () => sheet1('<sheetData/><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
      "Sheet1: merged ranges (up to A1:XFD1048576) cover more than 1,000,000 cells",
    ],
    [
      "a cell past the engine's last row (within Excel's grid and the caps)",
      () => sheet1(`<sheetData><row r="100001">${numberCell("A100001", 1)}</row></sheetData>`),
      "Sheet1!A100001 is beyond the sheet's end: the workbench's engine holds 100,000 rows × 18,278 columns",
    ],
    [
      "two sheets whose names differ only in case",
      () =>
        craftedXlsx([
          { name: "Data", body: "<sheetData/>" },
          { name: "DATA", body: "<sheetData/>" },
        ]),
      /DATA/,
    ],
  ])("%s", async (_, bytes, message) => {
    const book = analystsBook();
    const before = await bookToSnapshot(book);
    await expect(openXlsx(book, bytes())).rejects.toThrow(message);
    expect(await bookToSnapshot(book)).toEqual(before);
  });
});

test("the engine failing half-way through loading a file puts the analyst's workbook back as it was", async () => {
  const book = analystsBook();
  const before = await bookToSnapshot(book);
  const bytes = sheet1(`<sheetData><row r="1">${numberCell("A1", 1)}</row></sheetData>`);
  // The old sheets are gone by the time cells are written: fail exactly there, once.
  const setSheetContent = jest.spyOn(book.hf, "setSheetContent").mockImplementationOnce(() => {
    throw new Error("engine fault");
  });
  await expect(openXlsx(book, bytes)).rejects.toThrow("the workbench could not load this workbook (engine fault); your workbook is as it was");
  expect(setSheetContent).toHaveBeenCalled();
  setSheetContent.mockRestore();
  expect(await bookToSnapshot(book)).toEqual(before);
});

test("an ordinary workbook of 20,000 × 10 numbers (about 600 KB) opens whole", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  for (let r = 0; r < 20_000; r++) ws.addRow(Array.from({ length: 10 }, (_, c) => r * 10 + c));
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  expect(bytes.length).toBeGreaterThan(400_000);
  const book = analystsBook();
  expect(await openXlsx(book, bytes)).toEqual([]);
  const data = book.findSheet("Data") as number;
  expect(book.hf.getSheetDimensions(data)).toEqual({ width: 10, height: 20_000 });
  expect(book.hf.getCellValue({ sheet: data, row: 0, col: 0 })).toBe(0);
  expect(book.hf.getCellValue({ sheet: data, row: 19_999, col: 9 })).toBe(199_999);
  expect(book.findSheet("Notes")).toBeUndefined();
});

test("a drop-down over the whole sheet opens as one rule the workbench finds anywhere on the sheet, and downloads as one", async () => {
  const book = analystsBook();
  const bytes = sheet1(
    `<sheetData><row r="1">${numberCell("A1", 1)}</row></sheetData>` +
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"Low,High"</formula1></dataValidation></dataValidations>'
  );
  expect(await openXlsx(book, bytes)).toEqual([]);
  const s = book.findSheet("Sheet1") as number;
  expect(book.validations(s)).toHaveLength(1);
  expect(book.validationAt(s, 1_048_575, 16_383)?.list).toEqual(["Low", "High"]);
  // Downloaded again, it is still one range (the writer no longer sets each cell's validation).
  const again = await readXlsx(await bookToXlsx(book, { created: NOW }));
  expect(again.sheets[0].validations).toEqual([{ address: "A1:XFD1048576", list: ["Low", "High"], allowBlank: true }]);
});

test("an array formula over the whole sheet opens clipped, says so, and spills over the cells it had", async () => {
  const book = analystsBook();
  const bytes = sheet1(
    `<sheetData><row r="1">${numberCell("A1", 1)}<c r="B1"><f t="array" ref="B1:XFD1048576">A1:A2*2</f><v>2</v></c></row>` +
      `<row r="2">${numberCell("A2", 5)}${numberCell("B2", 10)}</row></sheetData>`
  );
  expect(await openXlsx(book, bytes)).toEqual(["Sheet1!B1: array formula over B1:XFD1048576 kept over B1:B2, the cells the sheet has"]);
  const s = book.findSheet("Sheet1") as number;
  expect(book.hf.getCellFormula({ sheet: s, row: 0, col: 1 })).toBe("=A1:A2*2");
  expect(book.hf.getCellValue({ sheet: s, row: 1, col: 1 })).toBe(10);
});
