import { a1ToR1C1, FakeExcel, FakeExcelError, r1c1ToA1 } from "./fake-excel";

describe("the recording fake", () => {
  test("queues until sync, counts syncs and records payloads and writes", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.values = [
        [1, "x"],
        [true, ""],
      ];
      expect(fake.cell("Sheet1", "A1")).toBeUndefined(); // not applied before sync
      range.load("address,values");
      expect(() => range.values).toThrow(/load/);
      await ctx.sync();
      expect(range.address).toBe("Sheet1!A1:B2");
      expect(range.values).toEqual([
        [1, "x"],
        [true, ""],
      ]);
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.syncs[0].implicit).toBe(false);
    expect(fake.syncs[0].calls).toEqual(["Range.values", "Range.load"]);
    expect(fake.syncs[0].payloadBytes).toBeGreaterThan(
      JSON.stringify([
        [1, "x"],
        [true, ""],
      ]).length
    );
    expect(fake.writes).toEqual([
      {
        sync: 0,
        sheet: "Sheet1",
        address: "A1:B2",
        property: "values",
        value: [
          [1, "x"],
          [true, ""],
        ],
      },
    ]);
  });

  test("Excel.run syncs what the batch left queued, and says so", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["left queued"]];
    });
    expect(fake.syncs.map((s) => s.implicit)).toEqual([true]);
    expect(fake.read("Sheet1", "A1")).toEqual([["left queued"]]);
  });

  test("throws on APIs it does not emulate", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1") as unknown as Record<string, unknown>;
      expect(() => range.getCellProperties).toThrow(/Range.getCellProperties is not emulated/);
      expect(() => (ctx.workbook as unknown as Record<string, unknown>).customXmlParts).toThrow(/not emulated/);
      expect(() => ctx.workbook.tables.load("items/style")).toThrow(/not emulated/);
      expect(() => {
        (range as Record<string, unknown>).valuez = [[1]];
      }).toThrow(/not emulated/);
    });
  });

  test("parses strings as Excel does, except in cells formatted @", async () => {
    const fake = new FakeExcel();
    const inputs = ["=1+1", "+1", "-2", "-A1", "@SUM(A1)", "2023-02-06", "TRUE", "12.5", "plain"];
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A9").values = inputs.map((s) => [s]);
      const text = sheet.getRange("B1:B9");
      (text as unknown as { numberFormat: string }).numberFormat = "@";
      text.values = inputs.map((s) => [s]);
      await ctx.sync();
    });
    const general = inputs.map((_, i) => fake.cell("Sheet1", `A${i + 1}`));
    expect(general.map((c) => c?.formula ?? c?.value)).toEqual(["=1+1", 1, -2, "=-R[-3]C", "=SUM(R[-4]C)", 44963, true, 12.5, "plain"]);
    const literal = inputs.map((_, i) => fake.cell("Sheet1", `B${i + 1}`));
    expect(literal.every((c) => c?.formula === undefined)).toBe(true);
    expect(literal.map((c) => c?.value)).toEqual(inputs);
  });

  test("formulas written to text cells stay text; R1C1 and A1 convert", async () => {
    expect(a1ToR1C1("=B2*2+$A$1", 1, 2)).toBe("=RC[-1]*2+R1C1");
    expect(r1c1ToA1("=RC[-1]*2+R1C1", 1, 2)).toBe("=B2*2+$A$1");
    expect(a1ToR1C1('=[@Params]*2&"B2"', 5, 5)).toBe('=[@Params]*2&"B2"');
    expect(a1ToR1C1("=LOG10(C3)", 2, 0)).toBe("=LOG10(RC[2])");
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const a = sheet.getRange("A1");
      a.numberFormat = [["@"]];
      a.formulas = [["=1+1"]];
      sheet.getRange("B3").formulasR1C1 = [["=R[-1]C[-1]"]];
      const read = sheet.getRange("B3");
      read.load("formulas,formulasR1C1,values");
      await ctx.sync();
      expect(read.formulas).toEqual([["=A2"]]);
      expect(read.formulasR1C1).toEqual([["=R[-1]C[-1]"]]);
    });
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ value: "=1+1", numberFormat: "@" });
    expect(fake.cell("Sheet1", "A1")?.formula).toBeUndefined();
  });

  test("a failing call stops the rest of the batch (no rollback) and rejects with a code", async () => {
    const fake = new FakeExcel();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["applied"]];
        ctx.workbook.worksheets.add("bad/name");
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["never"]];
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.read("Sheet1", "A1:A2")).toEqual([["applied"], [""]]);
    expect(fake.syncs[0].error).toBe("InvalidArgument");
  });

  test("rejects requests over 5 MB like Excel on the web", async () => {
    const fake = new FakeExcel();
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${"x".repeat(80)}`]);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${big.length}`).values = big;
        await ctx.sync();
      })
    ).rejects.toBeInstanceOf(FakeExcelError);
    expect(fake.syncs[0].error).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.cell("Sheet1", "A1")).toBeUndefined();
  });

  test("tables: names, headers, overlap and resize rules; sheet name rules", async () => {
    const fake = new FakeExcel();
    fake.type("Sheet1", "A1", [
      ["h", "h", ""],
      [1, 2, 3],
    ]);
    await fake.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:C2", true);
      t.name = "Data";
      await ctx.sync();
    });
    expect(fake.read("Sheet1", "A1:C1")).toEqual([["h", "h2", "Column3"]]);
    expect(fake.tableAddress("Data")).toBe("A1:C2");
    for (const bad of ["A1", "has space", "R1C1"]) {
      await expect(fake.run(async (ctx) => ((ctx.workbook.tables.getItem("Data").name = bad), ctx.sync()))).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    await expect(fake.run(async (ctx) => (ctx.workbook.tables.getItem("Data").resize("A2:C5"), ctx.sync()))).rejects.toMatchObject({ code: "InvalidArgument" });
    await fake.run(async (ctx) => (ctx.workbook.tables.getItem("data").resize("A1:C5"), ctx.sync()));
    expect(fake.tableAddress("Data")).toBe("A1:C5");
    await expect(fake.run(async (ctx) => (ctx.workbook.worksheets.getItem("Sheet1").tables.add("B3:D6", true), ctx.sync()))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(fake.run(async (ctx) => (ctx.workbook.worksheets.add("sheet1"), ctx.sync()))).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(fake.run(async (ctx) => (ctx.workbook.tables.getItem("Nope").load("name"), ctx.sync()))).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("null objects and used ranges", async () => {
    const fake = new FakeExcel();
    fake.type("Sheet1", "C3", [["x"]]);
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const empty = sheet.getRange("A1:B2").getUsedRangeOrNullObject(true);
      empty.load("address");
      const used = sheet.getRange("A1:D9").getUsedRangeOrNullObject(true);
      used.load("address,rowIndex");
      const missing = ctx.workbook.tables.getItemOrNullObject("nope");
      missing.load("name");
      await ctx.sync();
      expect(empty.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(false);
      expect(used.address).toBe("Sheet1!C3");
      expect(used.rowIndex).toBe(2);
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("settings keep JSON values", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      ctx.workbook.settings.add("k", JSON.stringify({ a: 1 }));
      await ctx.sync();
      const s = ctx.workbook.settings;
      s.load("items/key,items/value");
      await ctx.sync();
      expect(s.items.map((i) => [i.key, i.value])).toEqual([["k", '{"a":1}']]);
    });
  });

  test("a failed sync as in Office.js: calls before the failing one applied, after it not, its loads unreadable; the context stays usable", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const s1 = sheets.getItem("Sheet1");
      s1.getRange("A1").values = [["before"]];
      sheets.load("items/name");
      const a1 = s1.getRange("A1");
      a1.load("values");
      sheets.add("New");
      sheets.add("SHEET1"); // taken: fails here
      s1.getRange("A2").values = [["after"]];
      ctx.workbook.settings.add("k", "after");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      expect(() => sheets.items).toThrow(/before load/);
      expect(() => a1.values).toThrow(/load/);
      a1.load("values");
      await ctx.sync();
      expect(a1.values).toEqual([["before"]]);
    });
    expect(fake.read("Sheet1", "A1:A2")).toEqual([["before"], [""]]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "New"]);
    expect([...fake.settings.keys()]).toEqual([]);
    expect(fake.syncs.map((s) => s.error)).toEqual(["ItemAlreadyExists", undefined]);
  });

  test("failSync: a whole sync (nothing applied), or at a named call (the calls before it applied)", async () => {
    const fake = new FakeExcel();
    fake.failSync(0);
    fake.failSync(1, "InvalidArgument", "Range.values");
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const queue = (): void => {
        (sheet.getRange("A1") as unknown as { numberFormat: string }).numberFormat = "@";
        sheet.getRange("A1").values = [["x"]];
      };
      queue();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
      expect(fake.cell("Sheet1", "A1")).toBeUndefined();
      queue();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      expect(fake.cell("Sheet1", "A1")).toMatchObject({ value: "", numberFormat: "@" });
      queue();
      await ctx.sync();
    });
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ value: "x", numberFormat: "@" });
    expect(fake.syncs.map((s) => s.error)).toEqual(["GeneralException", "InvalidArgument", undefined]);
  });

  test("defined names are unique per scope: the same sheet-scoped name on two sheets, but not twice in one scope or beside a table", async () => {
    const fake = new FakeExcel({ sheets: ["A", "B"] });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("A").names.add("Chips", "=A!B1");
      ctx.workbook.worksheets.getItem("B").names.add("Chips", "=B!B1");
      ctx.workbook.names.add("Chips", "=A!C1");
      await ctx.sync();
    });
    expect(fake.names.map((n) => [n.name, n.scope])).toEqual([
      ["Chips", "A"],
      ["Chips", "B"],
      ["Chips", "workbook"],
    ]);
    await expect(fake.run(async (ctx) => (ctx.workbook.worksheets.getItem("a").names.add("CHIPS", "=A!B2"), ctx.sync()))).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
    await expect(fake.run(async (ctx) => (ctx.workbook.names.add("chips", "=A!B2"), ctx.sync()))).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    fake.type("A", "D1", [["h"], [1]]);
    await expect(fake.run(async (ctx) => ((ctx.workbook.worksheets.getItem("A").tables.add("D1:D2", true).name = "Chips"), ctx.sync()))).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
  });

  test("deleting a sheet takes its tables and sheet names; the last sheet cannot go; Table.delete clears its cells", async () => {
    const fake = new FakeExcel({ sheets: ["Sheet1", "Data"] });
    fake.type("Data", "A1", [["h"], [1]]);
    fake.type("Sheet1", "A1", [["k"], [2]]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").tables.add("A1:A2", true).name = "OnData";
      ctx.workbook.worksheets.getItem("Data").names.add("Local", "=1");
      ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:A2", true).name = "OnSheet1";
      await ctx.sync();
      ctx.workbook.worksheets.getItem("data").delete();
      await ctx.sync();
    });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.tables.map((t) => t.name)).toEqual(["OnSheet1"]);
    expect(fake.names).toEqual([]);
    await expect(fake.run(async (ctx) => (ctx.workbook.worksheets.getItem("Sheet1").delete(), ctx.sync()))).rejects.toMatchObject({ code: "InvalidOperation" });
    await fake.run(async (ctx) => (ctx.workbook.tables.getItem("OnSheet1").delete(), ctx.sync()));
    expect(fake.tables).toEqual([]);
    expect(fake.read("Sheet1", "A1:A2")).toEqual([[""], [""]]);
  });

  test("settings: getItem, getItemOrNullObject and delete", async () => {
    const fake = new FakeExcel();
    fake.settings.set("a", "1");
    await fake.run(async (ctx) => {
      const a = ctx.workbook.settings.getItem("a");
      a.load("value");
      const missing = ctx.workbook.settings.getItemOrNullObject("b");
      missing.load("value");
      await ctx.sync();
      expect(a.value).toBe("1");
      expect(missing.isNullObject).toBe(true);
      ctx.workbook.settings.getItem("a").delete();
      await ctx.sync();
      ctx.workbook.settings.getItem("a").delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect([...fake.settings.keys()]).toEqual([]);
  });

  // Reads before load and sync on purpose: the fake must refuse them as Office.js does.
  /* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read, office-addins/load-object-before-read */
  test("strict: an unloaded property, or one not yet synced, throws PropertyNotLoaded", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("address");
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" })); // loaded, not yet synced
      await ctx.sync();
      expect(range.address).toBe("Sheet1!A1");
    });
  });
  /* eslint-enable office-addins/call-sync-after-load, office-addins/call-sync-before-read, office-addins/load-object-before-read */

  test("strict: every sheet name rule Excel documents", async () => {
    const fake = new FakeExcel();
    const bad = ["", "x".repeat(32), "a:b", "a\\b", "a/b", "a?b", "a*b", "a[b", "a]b", "'quoted", "quoted'", "History", "HISTORY"];
    for (const name of bad) {
      await expect(fake.run(async (ctx) => (ctx.workbook.worksheets.add(name), ctx.sync()))).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    await expect(fake.run(async (ctx) => (ctx.workbook.worksheets.add("SHEET1"), ctx.sync()))).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await fake.run(async (ctx) => (ctx.workbook.worksheets.add("x".repeat(31)), ctx.sync()));
    expect(fake.sheets.map((s) => s.name.length)).toEqual([6, 31]);
  });

  test("strict: table and defined names share one namespace and Excel's syntax", async () => {
    const fake = new FakeExcel();
    fake.type("Sheet1", "A1", [["h"], [1]]);
    const add = (name: string) =>
      fake.run(async (ctx) => {
        ctx.workbook.names.add(name, ctx.workbook.worksheets.getItem("Sheet1").getRange("A1"));
        await ctx.sync();
      });
    for (const name of ["1abc", "a b", "A1", "XFD100", "R", "c", "R2C3", "x".repeat(256), "a-b"])
      await expect(add(name)).rejects.toMatchObject({ code: "InvalidArgument" });
    await add("_ok.name");
    await expect(add("_OK.NAME")).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:A2", true).name = "_ok.Name";
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  test("strict: a cell holds at most 32,767 characters and a formula 8,192", async () => {
    const fake = new FakeExcel();
    const write = (v: string) =>
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[v]];
        await ctx.sync();
      });
    await write("x".repeat(32_767));
    await expect(write("x".repeat(32_768))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(write(`="${"x".repeat(8_200)}"`)).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.read("Sheet1", "A1")[0][0]).toHaveLength(32_767);
  });

  test("strict: a protected sheet refuses cell writes, formats, tables, charts and widths with AccessDenied", async () => {
    const fake = new FakeExcel();
    fake.type("Sheet1", "A1", [["h"], [1]]);
    fake.protectSheet("Sheet1");
    const attempts: ((ctx: Excel.RequestContext) => void)[] = [
      (ctx) => (ctx.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [[1]]),
      (ctx) => (ctx.workbook.worksheets.getItem("Sheet1").getRange("B1").format.font.bold = true),
      (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("B1").clear("Contents"),
      (ctx) => ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:A2", true),
      (ctx) => ctx.workbook.worksheets.getItem("Sheet1").charts.add("Line", ctx.workbook.worksheets.getItem("Sheet1").getRange("A2"), "Columns"),
      (ctx) => (ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.columnWidth = 80),
      (ctx) => ctx.workbook.worksheets.getItem("Sheet1").freezePanes.freezeRows(1),
    ];
    const before = fake.workbookState();
    for (const attempt of attempts) {
      await expect(fake.run(async (ctx) => (attempt(ctx), ctx.sync()))).rejects.toMatchObject({ code: "AccessDenied" });
    }
    expect(fake.workbookState()).toBe(before);
    fake.protectSheet("Sheet1", false);
    await fake.run(async (ctx) => (attempts[0](ctx), ctx.sync()));
  });

  test("strict: deleting a sheet leaves its workbook-scoped names referring to #REF!", async () => {
    const fake = new FakeExcel({ sheets: ["Sheet1", "Model"] });
    await fake.run(async (ctx) => {
      ctx.workbook.names.add("Rate", ctx.workbook.worksheets.getItem("Model").getRange("B2"));
      ctx.workbook.worksheets.getItem("Model").delete();
      await ctx.sync();
    });
    expect(fake.names).toEqual([{ name: "Rate", reference: "=#REF!B2", scope: "workbook" }]);
  });

  test("charts have names and can be listed and deleted; column widths autofit, load and set", async () => {
    const fake = new FakeExcel();
    fake.type("Sheet1", "A1", [["a long header"], [1]]);
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.charts.add("Line", sheet.getRange("A2"), "Columns");
      sheet.charts.add("Line", sheet.getRange("A2"), "Columns").name = "Mine";
      sheet.getRange("A1:A2").format.autofitColumns();
      const width = sheet.getRange("A1:B1").format.load("columnWidth");
      const a = sheet.getRange("A1").format.load("columnWidth");
      const charts = sheet.charts.load("items/name");
      await ctx.sync();
      expect(charts.items.map((c) => c.name)).toEqual(["Chart 1", "Mine"]);
      expect(width.columnWidth).toBeNull(); // A autofitted, B default: not uniform
      expect(a.columnWidth).toBeGreaterThan(48);
      charts.items[0].delete();
      sheet.getRange("A1").format.columnWidth = 48;
      await ctx.sync();
    });
    expect(fake.sheet("Sheet1").charts.map((c) => c.name)).toEqual(["Mine"]);
    expect(fake.sheet("Sheet1").columnWidths.size).toBe(0);
  });
});

describe("the fake's issue 13 additions (formula actions)", () => {
  test("calc: values of formulas, a 2-D result spills into blank cells (or #SPILL!), getSpillingToRangeOrNullObject", async () => {
    const fake = new FakeExcel();
    fake.calc = (_s, f) =>
      f === "=ARR()"
        ? [
            [1, 2],
            [3, 4],
          ]
        : 9;
    fake.type("Sheet1", "A1", [["=ARR()", null, "=X()"]]);
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("address,values,formulas");
      const spill = sheet.getRange("A1").getSpillingToRangeOrNullObject();
      spill.load("address");
      const none = sheet.getRange("C1").getSpillingToRangeOrNullObject();
      none.load("address");
      await ctx.sync();
      expect(used.address).toBe("Sheet1!A1:C2");
      expect(used.values).toEqual([
        [1, 2, 9],
        [3, 4, ""],
      ]);
      expect(used.formulas).toEqual([
        ["=ARR()", 2, "=X()"],
        [3, 4, ""],
      ]);
      expect(spill.address).toBe("Sheet1!A1:B2");
      expect(none.isNullObject).toBe(true);
    });
    fake.type("Sheet1", "B2", [["in the way"]]);
    expect(fake.readRange({ sheet: fake.sheet("Sheet1"), row: 0, col: 0, rows: 1, cols: 1 }, "values")).toEqual([["#SPILL!"]]);
  });

  test("a leading apostrophe keeps text as text, without the apostrophe", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").formulas = [["'=cmd", "'007", "'TRUE"]];
    });
    expect(fake.read("Sheet1", "A1:C1")).toEqual([["=cmd", "007", "TRUE"]]);
    expect(fake.cell("Sheet1", "A1")?.formula).toBeUndefined();
  });

  test("visibility, the active sheet, protection; a very hidden sheet cannot be deleted", async () => {
    const fake = new FakeExcel({ sheets: ["A", "B"] });
    fake.protectSheet("B");
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("B").visibility = "VeryHidden";
      const active = ctx.workbook.worksheets.getActiveWorksheet();
      active.load("name,visibility");
      const p = ctx.workbook.worksheets.getItem("B").protection;
      p.load("protected");
      const all = ctx.workbook.worksheets;
      all.load("items/name,items/visibility");
      await ctx.sync();
      expect(active.name).toBe("A");
      expect(p.protected).toBe(true);
      expect(all.items.map((s) => [s.name, s.visibility])).toEqual([
        ["A", "Visible"],
        ["B", "VeryHidden"],
      ]);
      ctx.workbook.worksheets.getItem("A").visibility = "Hidden"; // the last visible sheet
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      ctx.workbook.worksheets.getItem("B").delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(fake.workbookState()).toMatch(/sheet "B" \(protected\) \(VeryHidden\)/);
  });

  test("notes: add on one cell (a second one fails), load contents, getItemOrNullObject, delete", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const notes = ctx.workbook.worksheets.getItem("Sheet1").notes;
      notes.add("B2", "hello");
      await ctx.sync();
      notes.add("B2", "again");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      notes.add("A1:B2", "x");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidCellAddress" });
      notes.load("items/content");
      const one = notes.getItemOrNullObject("B2");
      one.load("content");
      const missing = notes.getItemOrNullObject("C3");
      missing.load("content");
      await ctx.sync();
      expect(notes.items.map((n) => n.content)).toEqual(["hello"]);
      expect([one.content, missing.isNullObject]).toEqual(["hello", true]);
      notes.items[0].delete();
      await ctx.sync();
    });
    expect(fake.sheet("Sheet1").notes.size).toBe(0);
  });
});
