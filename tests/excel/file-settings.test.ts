/**
 * A workbook made as a file (the workbench's "Download .xlsx", `npm run export`) carries its
 * tracking records on the very hidden _aica_settings sheet, not in Office's add-in settings.
 * Opened in Excel, the adapter finds them there: listTracked lists the tables, refresh updates
 * them and setPinned pins them. Reading the sheet costs one more sync, and only in a workbook that
 * has it: the first request finds whether it exists (nothing is chained on a null object, whose
 * behaviour the docs leave open). A record in the settings wins over the sheet's.
 */
import type { Dataset } from "../../src/data/types";
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { decodeRecord, SETTINGS_SHEET, trackingKey } from "../../src/sheet/tracking";
import { HfWorkbook } from "../../src/workbench/hf-workbook";
import { bookToXlsx } from "../../src/workbench/xlsx-io";
import { readXlsx } from "../../src/xlsx/read-xlsx";
import { llmDataset } from "../sheet/fixtures";
import { FakeExcel } from "./fake-excel";

const NOW = new Date("2024-03-01T08:00:00.000Z");
const LATER = new Date("2024-04-01T08:00:00.000Z");

const map = (...ds: Dataset[]): Map<string, Dataset> => new Map(ds.map((d) => [d.id, d]));

/** The settings rows of a file the workbench wrote after inserting `dataset`, as ExcelJS reads them back. */
async function workbenchFileSettings(dataset: Dataset): Promise<{ key: string; value: string }[]> {
  const book = new HfWorkbook({ now: () => NOW });
  await book.insertDataset(dataset, { target: "newSheet", language: "en", chart: false });
  return (await readXlsx(await bookToXlsx(book))).settings;
}

/**
 * Excel with the file opened: the table as the workbench inserted it (here inserted by the Excel
 * adapter, which writes the same cells and table), Office's settings empty, and the settings on
 * the very hidden sheet.
 */
async function openedFile(): Promise<{ fake: FakeExcel; wb: ExcelWorkbook; clock: { now: Date } }> {
  const fake = new FakeExcel();
  const clock = { now: NOW };
  const setupWb = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => clock.now });
  await setupWb.insertDataset(llmDataset(3), { target: "newSheet", language: "en", chart: false });
  fake.settings.clear();
  const sheet = fake.addSheet(SETTINGS_SHEET);
  sheet.visibility = "VeryHidden";
  (await workbenchFileSettings(llmDataset(3))).forEach((s, i) => {
    sheet.ensure(i, 0).value = s.key;
    sheet.ensure(i, 1).value = s.value;
  });
  fake.resetCounters();
  return { fake, wb: new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => clock.now }), clock };
}

describe("Excel finds the tracking records of a file made by the workbench", () => {
  test("listTracked lists the table from the settings sheet, in two syncs (the sheet's cells are read once it is known to exist)", async () => {
    const { fake, wb } = await openedFile();
    const tracked = await wb.listTracked();
    expect(tracked).toEqual([
      expect.objectContaining({ tableName: "AI_llm_comparison", datasetId: "llm-comparison", version: "1.0.0", insertedAt: NOW.toISOString() }),
    ]);
    expect(fake.syncCount).toBe(2);
    expect(wb.lastSyncs).toBe(2);
  });

  test("refresh updates the table, in two reads and one write, and the new record goes to the settings", async () => {
    const { fake, wb, clock } = await openedFile();
    await wb.listTracked();
    fake.resetCounters();
    clock.now = LATER;
    const summary = await wb.refresh(map({ ...llmDataset(4), version: "1.1.0" }));
    expect(summary.tables).toEqual([
      expect.objectContaining({ tableName: "AI_llm_comparison", status: "updated", added: 1, oldVersion: "1.0.0", newVersion: "1.1.0" }),
    ]);
    expect(fake.syncCount).toBe(3);
    expect(decodeRecord(fake.settings.get(trackingKey("AI_llm_comparison")))).toMatchObject({ version: "1.1.0", refreshedAt: LATER.toISOString() });
    // The settings now win over the sheet's older record.
    expect((await wb.listTracked())[0].version).toBe("1.1.0");
  });

  test("refresh without an earlier listTracked finds the records too", async () => {
    const { wb } = await openedFile();
    const summary = await wb.refresh(map({ ...llmDataset(4), version: "1.1.0" }));
    expect(summary.tables[0]).toMatchObject({ status: "updated" });
  });

  test("setPinned pins a record that lives only on the sheet, in two syncs once it is known", async () => {
    const { fake, wb } = await openedFile();
    await wb.listTracked();
    fake.resetCounters();
    await wb.setPinned("AI_llm_comparison", true);
    expect(fake.syncCount).toBe(2);
    expect(decodeRecord(fake.settings.get(trackingKey("AI_llm_comparison")))).toMatchObject({ pinned: true, version: "1.0.0" });
    expect((await wb.refresh(map({ ...llmDataset(4), version: "1.1.0" }))).tables[0].status).toBe("pinned");
  });

  test("setPinned on a fresh instance (record not known) reads the sheet and pins it", async () => {
    const { wb } = await openedFile();
    await wb.setPinned("AI_llm_comparison", true);
    expect((await wb.listTracked())[0]).toMatchObject({ pinned: true });
  });

  test("a record in Office's settings wins over the sheet's", async () => {
    const { fake, wb } = await openedFile();
    const key = trackingKey("AI_llm_comparison");
    const sheetRecord = decodeRecord(fake.sheet(SETTINGS_SHEET).get(0, 1)?.value);
    if (!sheetRecord) throw new Error("no record on the sheet");
    fake.settings.set(key, JSON.stringify({ ...sheetRecord, version: "0.9.0" }));
    expect((await wb.listTracked())[0].version).toBe("0.9.0");
  });

  test("a workbook without the sheet reads as before: one sync, records from the settings only", async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => NOW });
    await wb.insertDataset(llmDataset(3), { target: "newSheet", language: "en", chart: false });
    fake.resetCounters();
    expect((await new ExcelWorkbook({ run: fake.run, supports: () => true }).listTracked()).map((t) => t.tableName)).toEqual(["AI_llm_comparison"]);
    expect(fake.syncCount).toBe(1);
    const empty = new FakeExcel();
    empty.addSheet(SETTINGS_SHEET);
    expect(await new ExcelWorkbook({ run: empty.run, supports: () => true }).listTracked()).toEqual([]);
  });
});
