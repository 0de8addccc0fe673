// "Refresh the selected table" (issue 20) on the workbench's workbook.
import { HfWorkbook } from "../../src/workbench/hf-workbook";
import { llmDataset } from "../sheet/fixtures";

describe("HfWorkbook.tableAtSelection", () => {
  it("names the tracked table under the selected cell, and null elsewhere", async () => {
    const book = new HfWorkbook({ now: () => new Date("2024-03-01T08:00:00Z") });
    const inserted = await book.insertDataset(llmDataset(), { target: "newSheet", language: "en", chart: false });
    const sheet = book.findSheet(inserted.sheetName)!;
    book.select(sheet, 2, 1);
    expect(await book.tableAtSelection()).toBe(inserted.tableName);
    book.select(sheet, 2, 10);
    expect(await book.tableAtSelection()).toBeNull();
    book.select(book.findSheet("Sheet1")!, 2, 1);
    expect(await book.tableAtSelection()).toBeNull();
  });
});
