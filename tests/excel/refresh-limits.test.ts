/**
 * Refresh up to Excel's row limit, and refresh-all that isolates a table it cannot read (issue
 * 21 item 6). Before: the rows below a table were read as a fixed count big enough for any
 * refresh, which ran off the sheet for a table over about 524,000 rows ("The range is outside the
 * sheet") and failed the one read sync, so every table's refresh failed with it.
 */
import type { Dataset } from "../../src/data/types";
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { EXCEL_MAX_ROWS } from "../../src/sheet/plan";
import { FakeExcel, MAX_COLS, MAX_ROWS } from "./fake-excel";
import { bigDataset, llmDataset } from "../sheet/fixtures";

const NOW = new Date("2024-03-01T08:00:00.000Z");

function setup(): { fake: FakeExcel; wb: ExcelWorkbook } {
  const fake = new FakeExcel();
  return { fake, wb: new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => NOW }) };
}

const map = (...ds: Dataset[]): Map<string, Dataset> => new Map(ds.map((d) => [d.id, d]));
const withVersion = (d: Dataset, version: string): Dataset => ({ ...d, version });

/** A small dataset with its own id, so two tables of it can sit beside the others. */
function small(id: string, rows: number): Dataset {
  return { ...llmDataset(rows), id, title: { en: id, zh: id } };
}

test("the fake's sheet is Excel's: 1,048,576 rows × 16,384 columns", () => {
  expect([MAX_ROWS, MAX_COLS]).toEqual([1_048_576, 16_384]);
  expect(EXCEL_MAX_ROWS).toBe(MAX_ROWS);
});

describe("the fake's ranges that reach the sheet's last row (Range.getBoundingRect, getEntireColumn, getLastRow: ExcelApi 1.1)", () => {
  test("as Excel documents them; a range past the last row is InvalidArgument", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const box = sheet.getRange("B2:C5").getBoundingRect(sheet.getRange("D10:E15"));
      const down = sheet.getRange("C3:D4").getRowsBelow(1).getBoundingRect(sheet.getRange("C3:D4").getEntireColumn().getLastRow());
      box.load("address");
      down.load("address");
      await ctx.sync();
      expect(box.address).toBe("Sheet1!B2:E15"); // the reference's own example
      expect(down.address).toBe("Sheet1!C5:D1048576");
    });
    await expect(
      fake.run(async (ctx) => {
        const past = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1048576").getRowsBelow(1);
        past.load("address");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("refresh of a table over half the sheet", () => {
  test("530,000 rows: one changed cell is written, and a small table refreshed with it is updated too", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(bigDataset(530_000, 2), { target: "newSheet", language: "en", chart: false });
    await wb.insertDataset(small("small-one", 2), { target: "newSheet", language: "en", chart: false });
    fake.resetCounters();
    const next = withVersion(bigDataset(530_000, 2), "2");
    next.rows[529_000][1] = -1;
    const summary = await wb.refresh(map(next, withVersion(small("small-one", 3), "1.1.0")));
    expect(summary.tables.map((t) => [t.tableName, t.status, t.changed, t.added])).toEqual([
      ["AI_big_synthetic", "updated", 1, 0],
      ["AI_small_one", "updated", 0, 1],
    ]);
    expect(fake.read("Big synthetic", "B529002")).toEqual([[-1]]);
  }, 180_000);
});

describe("a table at the bottom of the sheet", () => {
  /** A 2-row table whose note lines end on the sheet's last row (header at row 1,048,571). */
  async function atBottom(fake: FakeExcel, wb: ExcelWorkbook): Promise<void> {
    fake.select("Sheet1", "A1048571");
    await wb.insertDataset(small("bottom", 2), { target: "selection", language: "en", chart: false });
    expect(fake.read("Sheet1", `A${MAX_ROWS}`)[0][0]).toBeTruthy(); // its last note line is on the last row
  }

  test("is read on its own and refreshed in place; the other tables refresh in the same call", async () => {
    const { fake, wb } = setup();
    await atBottom(fake, wb);
    await wb.insertDataset(small("other", 2), { target: "newSheet", language: "en", chart: false });
    const bottom = withVersion(small("bottom", 2), "1.1.0");
    bottom.rows[1] = [...bottom.rows[1]];
    bottom.rows[1][3] = 123;
    const summary = await wb.refresh(map(bottom, withVersion(small("other", 3), "1.1.0")));
    expect(summary.tables.map((t) => [t.tableName, t.status])).toEqual([
      ["AI_bottom", "updated"],
      ["AI_other", "updated"],
    ]);
    expect(fake.read("Sheet1", "D1048573")).toEqual([[123]]);
  });

  test("that would need rows past the sheet's last row is skipped, saying so; nothing is written to it", async () => {
    const { fake, wb } = setup();
    await atBottom(fake, wb);
    const before = fake.snapshot("Sheet1");
    const summary = await wb.refresh(map(withVersion(small("bottom", 3), "1.1.0")));
    expect(summary.tables[0]).toMatchObject({ tableName: "AI_bottom", status: "skipped" });
    expect(summary.tables[0].reason).toMatch(/needs \d+ rows? below row 1,048,576, the last row of a sheet/);
    expect(fake.snapshot("Sheet1")).toEqual(before);
  });
});

describe("refresh of every table isolates a table Excel cannot read", () => {
  test("the read that fails for one table fails that table alone; the others are updated", async () => {
    const { fake, wb } = setup();
    await wb.insertDataset(small("first", 2), { target: "newSheet", language: "en", chart: false });
    await wb.insertDataset(small("second", 2), { target: "newSheet", language: "en", chart: false });
    await wb.insertDataset(small("third", 2), { target: "newSheet", language: "en", chart: false });
    fake.resetCounters();
    // Sync 0: the read of all three (refused); 1: records and list; 2, 3: "first" alone (table, rows below);
    // 4: "second" alone, refused; then "third" alone and the write.
    fake.failSync(0, "GeneralException");
    fake.failSync(4, "GeneralException");
    const summary = await wb.refresh(
      map(withVersion(small("first", 3), "1.1.0"), withVersion(small("second", 3), "1.1.0"), withVersion(small("third", 3), "1.1.0"))
    );
    expect(summary.tables.map((t) => [t.tableName, t.status])).toEqual([
      ["AI_first", "updated"],
      ["AI_second", "failed"],
      ["AI_third", "updated"],
    ]);
    expect(summary.tables[1].reason).toMatch(/^Excel could not read table "AI_second" \(.+\), so it was left as it is; the other tables were refreshed\.$/);
    expect(fake.table("AI_second").rows).toBe(3); // header + its 2 rows: untouched
  });
});
