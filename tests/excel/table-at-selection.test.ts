// "Refresh the selected table" (issue 20): the Excel adapter finds the tracked table under the selection.
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { WorkbookError } from "../../src/sheet/workbook";
import { FakeExcel } from "./fake-excel";
import { indexDataset, llmDataset } from "../sheet/fixtures";

async function setup() {
  const fake = new FakeExcel();
  const wb = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => new Date("2024-03-01T08:00:00Z") });
  const llm = await wb.insertDataset(llmDataset(), { target: "newSheet", language: "en", chart: false });
  const index = await wb.insertDataset(indexDataset(), { target: "newSheet", language: "en", chart: false });
  return { fake, wb, llm, index };
}

describe("ExcelWorkbook.tableAtSelection", () => {
  test("names the tracked table the selection is in or overlaps, in 2 syncs", async () => {
    const { fake, wb, llm, index } = await setup();
    fake.select(llm.sheetName, "B3");
    expect(await wb.tableAtSelection()).toBe(llm.tableName);
    expect(wb.lastSyncs).toBe(2);
    fake.select(index.sheetName, "A1:Z1");
    expect(await wb.tableAtSelection()).toBe(index.tableName);
  });

  test("is null beside a table, on another sheet, or on a table the add-in did not insert", async () => {
    const { fake, wb, llm } = await setup();
    fake.select(llm.sheetName, "H3");
    expect(await wb.tableAtSelection()).toBeNull();
    fake.select("Sheet1", "B3");
    expect(await wb.tableAtSelection()).toBeNull();
    // A table of the user's own, on Sheet1.
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("Sheet1!A1:C4", true);
      await context.sync();
    });
    expect(await wb.tableAtSelection()).toBeNull();
  });

  test("reads only the selection and the records when no tracked table exists (1 sync)", async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook({ run: fake.run, supports: () => true });
    expect(await wb.tableAtSelection()).toBeNull();
    expect(wb.lastSyncs).toBe(1);
  });

  test("a selection that is not a range is noSelection", async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook({ run: fake.run, supports: () => true });
    fake.select("Gone", "A1");
    await expect(wb.tableAtSelection()).rejects.toEqual(expect.any(WorkbookError));
    await expect(wb.tableAtSelection()).rejects.toMatchObject({ code: "noSelection" });
  });
});
