/**
 * readXlsx on crafted files (issue 21, item 4): each shape that made the reader spin, run out of
 * memory or open what is not a workbook either opens with the right content or is refused with a
 * message naming the cap (src/xlsx/open-limits.ts). The files are a few KB, made by
 * tests/xlsx/crafted.ts; caps far above a few KB are exercised with tighter limits passed to the
 * same code. No test here times anything: the caps are counts and bytes.
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { columnLetters } from "../../src/sheet/plan";
import { count, XLSX_OPEN_LIMITS, type XlsxOpenLimits } from "../../src/xlsx/open-limits";
import { readXlsx } from "../../src/xlsx/read-xlsx";
import { craftedXlsx, editXlsx, numberCell, workbookEntries, zipOf } from "./crafted";

const limits = (over: Partial<XlsxOpenLimits>): { limits: XlsxOpenLimits } => ({ limits: { ...XLSX_OPEN_LIMITS, ...over } });
const text = (address: string, s: string): string => `<c r="${address}" t="inlineStr"><is><t>${s}</t></is></c>`;

describe("issue 21's crafted files", () => {
  test("one cell at XFD1048576 is refused for its used range, before ExcelJS parses the sheet", async () => {
    const bytes = craftedXlsx([{ name: "Sheet1", body: `<sheetData><row r="1048576">${numberCell("XFD1048576", 1)}</row></sheetData>` }]);
    expect(bytes.length).toBeLessThan(5_000);
    await expect(readXlsx(bytes)).rejects.toThrow("Sheet1: its used range A1:XFD1048576 spans 17,179,869,184 cells (rows × columns); at most 10,000,000 open");
  });

  test("a cell far out within the used-range cap opens with its value (XFD1: 16,384 columns)", async () => {
    const bytes = craftedXlsx([{ name: "Sheet1", body: `<sheetData><row r="1">${numberCell("A1", 1)}${numberCell("XFD1", 2)}</row></sheetData>` }]);
    const s = await readXlsx(bytes);
    expect(s.sheets[0].cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [0, 0, 1],
      [0, 16_383, 2],
    ]);
  });

  test("a drop-down over the whole sheet opens as one rule over A1:XFD1048576, no cell enumerated", async () => {
    const bytes = craftedXlsx([
      {
        name: "Sheet1",
        body:
          `<sheetData><row r="1">${text("A1", "x")}</row></sheetData>` +
          '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="A1:XFD1048576"><formula1>"a,b,&quot;&quot;c"</formula1></dataValidation></dataValidations>',
      },
    ]);
    expect(bytes.length).toBeLessThan(5_000);
    const s = await readXlsx(bytes);
    expect(s.sheets[0].validations).toEqual([{ address: "A1:XFD1048576", list: ["a", "b", '"c'], allowBlank: true }]);
    expect(s.sheets[0].cells.map((c) => c.value)).toEqual(["x"]);
  });

  test("a drop-down whose source is a whole sheet or a whole column lists only the cells that exist, formulas by their values", async () => {
    const lists = `<sheetData><row r="1">${text("A1", "x")}${text("B1", "y")}</row><row r="2">${numberCell("A2", 3)}</row><row r="900000"><c r="A900000"><f>1+1</f><v>2</v></c></row></sheetData>`;
    const dv = (sqref: string, source: string): string => `<dataValidation type="list" sqref="${sqref}"><formula1>${source}</formula1></dataValidation>`;
    const bytes = craftedXlsx([
      { name: "Lists", body: lists },
      { name: "Sheet1", body: `<sheetData/><dataValidations count="2">${dv("B2", "Lists!$A$1:$XFD$1048576")}${dv("C2:C9", "Lists!$A:$A")}</dataValidations>` },
    ]);
    const s = await readXlsx(bytes);
    expect(s.sheets[1].validations).toEqual([
      { address: "B2", list: ["x", "y", "3", "2"], allowBlank: false },
      { address: "C2:C9", list: ["x", "3", "2"], allowBlank: false },
    ]);
  });

  test("an array formula over the whole sheet opens clipped to the cells the sheet has, and says so", async () => {
    const body =
      `<sheetData><row r="1">${numberCell("A1", 1)}<c r="B1"><f t="array" ref="B1:XFD1048576">A1:A2*2</f><v>2</v></c></row>` +
      `<row r="2">${numberCell("A2", 5)}${numberCell("B2", 10)}</row></sheetData>`;
    const s = await readXlsx(craftedXlsx([{ name: "Sheet1", body }]));
    expect(s.sheets[0].cells.find((c) => c.formula !== undefined)).toMatchObject({ row: 0, col: 1, formula: "=A1:A2*2", arrayRange: "B1:B2", value: 2 });
    expect(s.notices).toEqual(["Sheet1!B1: array formula over B1:XFD1048576 kept over B1:B2, the cells the sheet has"]);
  });

  test("parts that declare more than the decompressed-size cap are refused before anything is inflated", async () => {
    const entries = workbookEntries([{ name: "Sheet1", body: `<sheetData><row r="1">${numberCell("A1", 1)}</row></sheetData>` }]);
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml");
    if (!sheet) throw new Error("no sheet part");
    sheet.declaredSize = 200_000_000;
    await expect(readXlsx(zipOf(entries))).rejects.toThrow(/^the workbook's parts declare 200,00\d,\d{3} bytes decompressed; at most 100,000,000 open$/);
  });

  test("a part that inflates to more than it declares is stopped at its declared size and refused", async () => {
    const entries = workbookEntries([{ name: "Sheet1", body: `<sheetData>${" ".repeat(5_000_000)}</sheetData>` }]);
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml");
    if (!sheet) throw new Error("no sheet part");
    sheet.declaredSize = 1_000;
    const bytes = zipOf(entries);
    expect(bytes.length).toBeLessThan(10_000);
    await expect(readXlsx(bytes)).rejects.toThrow("xl/worksheets/sheet1.xml inflates to more than the 1,000 bytes its zip entry declares");
  });

  test("honest parts over the decompressed-size cap are refused (cap lowered to 1 MB for a 2 MB sheet)", async () => {
    const bytes = craftedXlsx([{ name: "Sheet1", body: `<sheetData>${" ".repeat(2_000_000)}</sheetData>` }]);
    await expect(readXlsx(bytes, limits({ maxInflatedBytes: 1_000_000 }))).rejects.toThrow(/bytes decompressed; at most 1,000,000 open$/);
  });

  test("a zip without xl/workbook.xml is refused as not a workbook", async () => {
    await expect(readXlsx(zipOf([{ name: "hello.txt", data: "hi" }]))).rejects.toThrow("the file is not an Excel workbook: its zip has no xl/workbook.xml");
  });
});

describe("other shapes that would make ExcelJS enumerate a range", () => {
  test("a merged range over the whole sheet is refused (ExcelJS makes a cell for every merged cell)", async () => {
    const bytes = craftedXlsx([
      {
        name: "Sheet1",
        body: `<sheetData><row r="1">${numberCell("A1", 1)}</row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`,
      },
    ]);
    await expect(readXlsx(bytes)).rejects.toThrow("Sheet1: merged ranges (up to A1:XFD1048576) cover more than 1,000,000 cells");
  });

  test("a column span past Excel's last column is refused (ExcelJS makes an object per column)", async () => {
    const bytes = craftedXlsx([{ name: "Sheet1", body: '<cols><col min="1" max="1000000000" width="9"/></cols><sheetData/>' }]);
    await expect(readXlsx(bytes)).rejects.toThrow("Sheet1: column 1,000,000,000 is outside Excel's grid (1,048,576 rows × 16,384 columns)");
  });

  test("a defined name over the whole grid opens as a name (ExcelJS's name API would store it cell by cell)", async () => {
    const bytes = craftedXlsx(
      [{ name: "Sheet1", body: `<sheetData><row r="1">${numberCell("A1", 1)}</row></sheetData>` }],
      '<definedNames><definedName name="Everything">Sheet1!$A$1:$XFD$1048576</definedName></definedNames>'
    );
    expect((await readXlsx(bytes)).names).toEqual([{ name: "Everything", refersTo: "Sheet1!$A$1:$XFD$1048576" }]);
  });

  test("cells, rows and references outside Excel's grid are refused", async () => {
    await expect(readXlsx(craftedXlsx([{ name: "S", body: `<sheetData><row r="1">${numberCell("XFE1", 1)}</row></sheetData>` }]))).rejects.toThrow(
      "S: cell XFE1 is outside Excel's grid"
    );
    await expect(readXlsx(craftedXlsx([{ name: "S", body: '<sheetData><row r="2000000000"/></sheetData>' }]))).rejects.toThrow(
      "S: row 2,000,000,000 is outside Excel's grid"
    );
    await expect(readXlsx(craftedXlsx([{ name: "S", body: '<sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData>' }]))).rejects.toThrow(
      'S: a cell\'s reference "1A" is not a cell address'
    );
  });

  test("a workbook whose sheet list names no part the zip holds is refused, not opened blank", async () => {
    const entries = workbookEntries([{ name: "Sheet1", body: "<sheetData/>" }]).filter((e) => e.name !== "xl/worksheets/sheet1.xml");
    await expect(readXlsx(zipOf(entries))).rejects.toThrow("the workbook has no worksheet to open");
  });
});

describe("each cap refuses what passes it (lowered caps on small files)", () => {
  /** n numbers along row 1. */
  const cells = (n: number): string =>
    `<sheetData><row r="1">${Array.from({ length: n }, (_, i) => numberCell(`${columnLetters(i)}1`, i)).join("")}</row></sheetData>`;

  test("maxCells", async () => {
    const bytes = craftedXlsx([{ name: "S", body: cells(11) }]);
    await expect(readXlsx(bytes, limits({ maxCells: 10 }))).rejects.toThrow("the workbook has more than 10 cells");
    expect((await readXlsx(bytes, limits({ maxCells: 11 }))).sheets[0].cells).toHaveLength(11);
  });

  test("maxElements", async () => {
    const bytes = craftedXlsx([{ name: "S", body: cells(20) }]);
    await expect(readXlsx(bytes, limits({ maxElements: 30 }))).rejects.toThrow("the workbook's XML has more than 30 elements");
  });

  test("maxEntries", async () => {
    const bytes = craftedXlsx([{ name: "S", body: cells(1) }]);
    await expect(readXlsx(bytes, limits({ maxEntries: 4 }))).rejects.toThrow("the zip has 5 entries; at most 4 open");
  });

  test("maxUsedArea counts every sheet's used range", async () => {
    const body = `<sheetData><row r="10">${numberCell("F10", 1)}</row></sheetData>`; // 10 × 6 = 60
    const bytes = craftedXlsx([
      { name: "One", body },
      { name: "Two", body },
    ]);
    await expect(readXlsx(bytes, limits({ maxUsedArea: 100 }))).rejects.toThrow(
      "Two: the sheets' used ranges span more than 100 cells (rows × columns) in all"
    );
    expect((await readXlsx(bytes, limits({ maxUsedArea: 120 }))).sheets).toHaveLength(2);
  });

  test("maxRangeCells counts a drop-down's items once per range it covers", async () => {
    const body = `<sheetData/><dataValidations count="1"><dataValidation type="list" sqref="A1 A3 A5 A7"><formula1>"a,b,c"</formula1></dataValidation></dataValidations>`;
    const bytes = craftedXlsx([{ name: "S", body }]);
    await expect(readXlsx(bytes, limits({ maxRangeCells: 10 }))).rejects.toThrow("S: drop-down lists: ranges reach more than 10 cells in all");
    expect((await readXlsx(bytes, limits({ maxRangeCells: 12 }))).sheets[0].validations.map((v) => v.address)).toEqual(["A1", "A3", "A5", "A7"]);
  });

  test("maxDropDowns counts each range of each list validation", async () => {
    const body = `<sheetData/><dataValidations count="1"><dataValidation type="list" sqref="A1 A3 A5:A9 A11"><formula1>"a"</formula1></dataValidation></dataValidations>`;
    const bytes = craftedXlsx([{ name: "S", body }]);
    await expect(readXlsx(bytes, limits({ maxDropDowns: 3 }))).rejects.toThrow("S: the workbook has more than 3 drop-down ranges");
    expect((await readXlsx(bytes, limits({ maxDropDowns: 4 }))).sheets[0].validations).toHaveLength(4);
  });

  test("maxUsedArea holds a table's range too", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").addTable({ name: "T", ref: "A1", columns: [{ name: "a" }, { name: "b" }], rows: [[1, 2]] });
    const bytes = await editXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), (name, t) =>
      name === "xl/tables/table1.xml" ? t.replace(/A1:B2/g, "A1:B40") : t
    );
    await expect(readXlsx(bytes, limits({ maxUsedArea: 50 }))).rejects.toThrow("S: the table T spans 80 cells (A1:B40); at most 50 open");
    expect((await readXlsx(bytes)).tables).toEqual([{ name: "T", sheet: "S", address: "A1:B40", style: "TableStyleMedium2" }]);
  });
});

test("README's Open .xlsx section states every cap with its value", () => {
  const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");
  for (const [key, value] of Object.entries(XLSX_OPEN_LIMITS)) expect(readme).toContain(`| \`${key}\` | ${count(value)} |`);
});
