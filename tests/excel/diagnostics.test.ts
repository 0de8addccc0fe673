/**
 * The diagnostics' Excel port (src/excel/diagnostics.ts) on the strict recording fake: what it
 * reads, the syncs it makes, waiting while a custom function shows #BUSY!, and no debris. Each
 * probe is run once per call of every sync it makes with Excel refusing that call (and once per
 * sync refused whole); afterwards the workbook (cells, formats, tables, names, settings, sheets
 * and their visibility, the active sheet and the selection) is exactly as before.
 */
import { ExcelDiagnostics, type ExcelDiagnosticsOptions } from "../../src/excel/diagnostics";
import { FUNCTION_PROBE_FORMULA, SCRATCH_PREFIX, TABLE_PROBE_VALUES, type FunctionProbe, type TableProbe } from "../../src/sheet/diagnostics";
import { FakeExcel } from "./fake-excel";

/** Excel's answer for the probe formula when the add-in's functions are registered. */
const registered = (_sheet: string, formula: string): number | string => (formula === FUNCTION_PROBE_FORMULA ? 6 : "#NAME?");

/** A workbook a user has worked in: values, a format, a table, a name, a setting, a hidden sheet of the add-in's. */
async function userWorkbook(): Promise<FakeExcel> {
  const fake = new FakeExcel({ sheets: ["Sheet1", "Data"] });
  fake.type("Sheet1", "A1", [
    ["Budget", 100],
    ["Rate", 0.05],
  ]);
  fake.type("Data", "A1", [
    ["Item", "Qty"],
    ["a", 1],
    ["b", 2],
  ]);
  await fake.run(async (ctx) => {
    const data = ctx.workbook.worksheets.getItem("Data");
    data.tables.add("A1:B3", true).name = "Stock";
    ctx.workbook.worksheets.getItem("Sheet1").getRange("B2").numberFormat = [["0.0%"]];
    ctx.workbook.names.add("Rate", ctx.workbook.worksheets.getItem("Sheet1").getRange("B2"));
    ctx.workbook.settings.add("user.key", "kept");
    const store = ctx.workbook.worksheets.add("_aica_formulas");
    store.getRange("A1").values = [["kept"]];
    store.visibility = "VeryHidden";
    await ctx.sync();
  });
  fake.select("Data", "B2");
  fake.activeSheet = "Data";
  fake.calc = registered;
  fake.resetCounters();
  return fake;
}

function state(fake: FakeExcel): string {
  return `${fake.workbookState()}\nactive ${fake.activeSheet}\nselection ${JSON.stringify(fake.selection)}`;
}

function port(fake: FakeExcel, extra: Partial<ExcelDiagnosticsOptions> = {}): { diag: ExcelDiagnostics; slept: number[] } {
  const slept: number[] = [];
  let clock = 0;
  const diag = new ExcelDiagnostics({
    run: fake.run,
    random: () => 0.5,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    now: () => clock,
    ...extra,
  });
  return { diag, slept };
}

describe("functionProbe", () => {
  it("writes the formula on a very hidden scratch sheet, reads 6 and removes the sheet: 2 syncs", async () => {
    const fake = await userWorkbook();
    const before = state(fake);
    let seen: string[] = [];
    fake.calc = (sheet, formula) => {
      seen = fake.sheets.map((s) => `${s.name}:${s.visibility}`);
      return registered(sheet, formula);
    };
    const { diag, slept } = port(fake);
    const p = await diag.functionProbe(FUNCTION_PROBE_FORMULA);
    expect(p).toEqual<FunctionProbe>({
      formula: "=AI.TRAINFLOPS(1,1)",
      value: 6,
      reads: 1,
      waitedMs: 0,
      calculationMode: "Automatic",
      failure: null,
      cleanup: { sheet: `${SCRATCH_PREFIX}iiiiii`, removed: true, leftoversRemoved: [] },
    });
    expect(seen).toContain(`${SCRATCH_PREFIX}iiiiii:VeryHidden`);
    expect(slept).toEqual([]);
    expect(fake.syncCount).toBe(2);
    expect(diag.lastSyncs).toBe(2);
    expect(fake.syncs[1].calls).toEqual(["Worksheet.visibility", "Worksheet.delete"]);
    expect(state(fake)).toBe(before);
  });

  it("reads again while the cell shows #BUSY!, pollMs apart, and gives the value that arrives", async () => {
    const fake = await userWorkbook();
    fake.busyReads = 3;
    const { diag, slept } = port(fake, { pollMs: 100 });
    const p = await diag.functionProbe(FUNCTION_PROBE_FORMULA);
    expect(p.value).toBe(6);
    expect(p.reads).toBe(4);
    expect(slept).toEqual([100, 100, 100]);
    expect(p.waitedMs).toBe(300);
    expect(fake.syncCount).toBe(5); // write and read, 3 more reads, remove
  });

  it("stops after maxReads when the function never answers (#BUSY!), and still removes the sheet", async () => {
    const fake = await userWorkbook();
    const before = state(fake);
    fake.busyReads = 1000;
    const { diag, slept } = port(fake, { maxReads: 5, pollMs: 250 });
    const p = await diag.functionProbe(FUNCTION_PROBE_FORMULA);
    expect(p.value).toBe("#BUSY!");
    expect(p.reads).toBe(5);
    expect(slept).toEqual([250, 250, 250, 250]);
    expect(p.waitedMs).toBe(1000);
    expect(p.cleanup.removed).toBe(true);
    expect(state(fake)).toBe(before);
  });

  it("gives #NAME? when Excel does not know the function, and reads Excel's calculation mode", async () => {
    const fake = await userWorkbook();
    fake.calc = () => "#NAME?";
    fake.calculationMode = "Manual";
    const p = await port(fake).diag.functionProbe(FUNCTION_PROBE_FORMULA);
    expect(p.value).toBe("#NAME?");
    expect(p.calculationMode).toBe("Manual");
    expect(p.failure).toBeNull();
  });

  it("removes scratch sheets an interrupted run left (and no other sheet of the add-in's)", async () => {
    const fake = await userWorkbook();
    const before = state(fake);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add(`${SCRATCH_PREFIX}old123`).visibility = "VeryHidden";
      ctx.workbook.worksheets.add(`${SCRATCH_PREFIX.toUpperCase()}OLD456`);
      await ctx.sync();
    });
    const p = await port(fake).diag.functionProbe(FUNCTION_PROBE_FORMULA);
    expect(p.cleanup).toEqual({
      sheet: `${SCRATCH_PREFIX}iiiiii`,
      removed: true,
      leftoversRemoved: [`${SCRATCH_PREFIX}old123`, `${SCRATCH_PREFIX.toUpperCase()}OLD456`],
    });
    expect(state(fake)).toBe(before);
  });

  it("says which sheet it could not remove when Excel refuses both removals, and the next run removes it", async () => {
    const fake = await userWorkbook();
    const before = state(fake);
    fake.failSync(1, "AccessDenied", "Worksheet.delete"); // the removal
    fake.failSync(3, "AccessDenied", "Worksheet.delete"); // the retry (sync 2 looks the sheet up)
    const first = await port(fake).diag.functionProbe(FUNCTION_PROBE_FORMULA);
    expect(first.value).toBe(6);
    expect(first.cleanup.removed).toBe(false);
    expect(first.cleanup.detail).toMatch(/AccessDenied/);
    expect(fake.findSheet(`${SCRATCH_PREFIX}iiiiii`)?.visibility).toBe("Hidden"); // the user can unhide it
    fake.resetCounters();
    const second = await port(fake, { random: () => 0.25 }).diag.functionProbe(FUNCTION_PROBE_FORMULA);
    expect(second.cleanup).toEqual({ sheet: `${SCRATCH_PREFIX}999999`, removed: true, leftoversRemoved: [`${SCRATCH_PREFIX}iiiiii`] });
    expect(state(fake)).toBe(before);
  });
});

describe("probes at the same time on one instance", () => {
  it("never take each other's scratch sheet for a leftover", async () => {
    const fake = await userWorkbook();
    const before = state(fake);
    fake.busyReads = 3; // the functions probe keeps its sheet while the table probe reads the sheet names
    let n = 0;
    const { diag } = port(fake, { random: () => (n++ % 36) / 36 });
    const [fn, table] = await Promise.all([diag.functionProbe(FUNCTION_PROBE_FORMULA), diag.tableProbe(TABLE_PROBE_VALUES)]);
    expect(fn.value).toBe(6);
    expect(fn.failure).toBeNull();
    expect(table.failure).toBeNull();
    expect(fn.cleanup.sheet).not.toBe(table.cleanup.sheet);
    expect([fn.cleanup, table.cleanup].map((c) => [c.removed, c.leftoversRemoved])).toEqual([
      [true, []],
      [true, []],
    ]);
    expect(state(fake)).toBe(before);
  });
});

describe("tableProbe", () => {
  it("inserts the table on a scratch sheet, reads it back, deletes it, finds it gone and removes the sheet: 3 syncs", async () => {
    const fake = await userWorkbook();
    const before = state(fake);
    const { diag } = port(fake);
    const p = await diag.tableProbe(TABLE_PROBE_VALUES);
    expect(p).toEqual<TableProbe>({
      written: TABLE_PROBE_VALUES.map((r) => [...r]),
      readBack: TABLE_PROBE_VALUES.map((r) => [...r]),
      tableName: "Table1",
      tableRemoved: true,
      failure: null,
      cleanup: { sheet: `${SCRATCH_PREFIX}iiiiii`, removed: true, leftoversRemoved: [] },
    });
    expect(fake.syncCount).toBe(3);
    expect(fake.syncs[0].calls).toContain("TableCollection.add");
    expect(fake.syncs[1].calls).toEqual(["Table.delete", "Table.load"]);
    expect(state(fake)).toBe(before);
  });
});

/** Every (sync, call) of a clean run, and every sync refused whole. */
function faults(fake: FakeExcel): { sync: number; at?: number; call: string }[] {
  return fake.syncs.flatMap((s) => [{ sync: s.index, call: "(whole sync)" }, ...s.calls.map((call, at) => ({ sync: s.index, at, call }))]);
}

describe.each([
  ["functionProbe", (d: ExcelDiagnostics) => d.functionProbe(FUNCTION_PROBE_FORMULA), 1],
  ["functionProbe waiting for #BUSY!", (d: ExcelDiagnostics) => d.functionProbe(FUNCTION_PROBE_FORMULA), 2],
  ["tableProbe", (d: ExcelDiagnostics) => d.tableProbe(TABLE_PROBE_VALUES), 0],
] as const)("%s with Excel refusing one call", (_name, probe, busyReads) => {
  it("leaves the workbook exactly as it was, whichever call is refused, and never reports a pass it did not see", async () => {
    const clean = await userWorkbook();
    clean.busyReads = busyReads;
    const cleanResult = await probe(port(clean).diag);
    expect(cleanResult.cleanup.removed).toBe(true);
    const cases = faults(clean);
    expect(cases.length).toBeGreaterThan(8);
    for (const f of cases) {
      const fake = await userWorkbook();
      fake.busyReads = busyReads;
      const before = state(fake);
      fake.failSync(f.sync, "GeneralException", f.at);
      const p: FunctionProbe | TableProbe = await probe(port(fake).diag);
      const where = `refusing ${f.call} in sync ${f.sync}`;
      expect({ where, state: state(fake) }).toEqual({ where, state: before });
      expect({ where, removed: p.cleanup.removed }).toEqual({ where, removed: true });
      // A refusal before the result was read is reported, never a value.
      if (p.failure === null) {
        if ("value" in p) expect({ where, value: p.value }).toEqual({ where, value: 6 });
        else expect({ where, removed: p.tableRemoved, read: p.readBack }).toEqual({ where, removed: true, read: p.written });
      } else expect(p.failure).toMatch(/GeneralException/);
    }
  });
});

describe("environment, requirement sets, runtime", () => {
  it("reports Office's context and the sets Office says it supports", async () => {
    const asked: string[] = [];
    const diag = new ExcelDiagnostics({
      context: () => ({ host: "Excel", platform: "PC", version: "16.0.17328.20000", displayLanguage: "zh-CN" }),
      isSetSupported: (name, version) => {
        asked.push(`${name} ${version}`);
        return name !== "ExcelApi" || version !== "1.18";
      },
      functionsMark: () => ({ loadedAt: "2026-08-21T10:00:00.000Z" }),
    });
    await expect(diag.environment()).resolves.toEqual({ kind: "office", host: "Excel", platform: "PC", version: "16.0.17328.20000", displayLanguage: "zh-CN" });
    expect(diag.supports({ name: "ExcelApi", version: "1.18" })).toBe(false);
    expect(diag.supports({ name: "ExcelApi", version: "1.13" })).toBe(true);
    await expect(diag.runtime()).resolves.toEqual({ functionsLoaded: true, loadedAt: "2026-08-21T10:00:00.000Z", sharedRuntime: true });
    expect(asked).toContain("SharedRuntime 1.1");
  });

  it("fails the environment outside Office, and finds no functions mark where functions.js has not run", async () => {
    const diag = new ExcelDiagnostics({ context: () => null, isSetSupported: () => false, functionsMark: () => null });
    await expect(diag.environment()).rejects.toThrow(/context/);
    await expect(diag.runtime()).resolves.toEqual({ functionsLoaded: false, loadedAt: null, sharedRuntime: false });
  });

  it("without Office at all (the defaults): no context, nothing supported", async () => {
    const diag = new ExcelDiagnostics({ functionsMark: () => null });
    await expect(diag.environment()).rejects.toThrow();
    expect(diag.supports({ name: "ExcelApi", version: "1.4" })).toBe(false);
  });
});
