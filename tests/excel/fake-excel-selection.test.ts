/** The fake's issue 20 additions behave as their Office.js pages say (see the file comment of fake-excel.ts). */
import { FakeExcel } from "./fake-excel";

async function inRun<T>(fake: FakeExcel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return fake.run(batch);
}

describe("FakeExcel: issue 20 additions", () => {
  it("getSpillParentOrNullObject: the anchor of a spilled cell; a null object off the spill or on several cells", async () => {
    const fake = new FakeExcel();
    fake.calc = () => [[1], [2]];
    fake.type("Sheet1", "B1", [["=SEQUENCE(2)"]]);
    const out = await inRun(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const child = sheet.getRange("B2").getSpillParentOrNullObject();
      const off = sheet.getRange("C2").getSpillParentOrNullObject();
      const many = sheet.getRange("B1:B2").getSpillParentOrNullObject();
      child.load("address");
      off.load("address");
      many.load("address");
      await context.sync();
      return [child.address, off.isNullObject, many.isNullObject];
    });
    expect(out).toEqual(["Sheet1!B1", true, true]);
  });

  it("valueTypes per cell; getRange by a defined name; an unknown name fails the request", async () => {
    const fake = new FakeExcel();
    fake.type("Sheet1", "A1", [[1, "x", true, "#N/A", null]]);
    fake.names.push({ name: "Row", reference: "=Sheet1!$A$1:$E$1", scope: "workbook" });
    const types = await inRun(fake, async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("Row");
      r.load("valueTypes");
      await context.sync();
      return r.valueTypes;
    });
    expect(types).toEqual([["Double", "String", "Boolean", "Error", "Empty"]]);
    await expect(
      inRun(fake, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("Nope").load("values");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("getActiveCell is the cell select() made active, else the selection's top-left cell", async () => {
    const fake = new FakeExcel();
    fake.select("Sheet1", "B2:C5", "C3");
    const read = () =>
      inRun(fake, async (context) => {
        const c = context.workbook.getActiveCell();
        c.load("address");
        await context.sync();
        return c.address;
      });
    expect(await read()).toBe("Sheet1!C3");
    fake.select("Sheet1", "B2:C5");
    expect(await read()).toBe("Sheet1!B2");
  });
});
