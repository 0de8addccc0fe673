/**
 * One table's failure is that table's alone: a refresh of three tables, with Excel refusing the
 * write at every one of its calls in turn (the calls before the refused one applied, as
 * Office.js does; see FakeExcel.flush), leaves every table exactly as it was or exactly as a
 * clean refresh leaves it: cells of the whole table and of the rows below it (user columns
 * included), number formats and styles, the table's extent, and its tracking record.
 */
import type { Dataset } from "../../src/data/types";
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { decodeRecord, trackingKey } from "../../src/sheet/tracking";
import type { RefreshSummary } from "../../src/sheet/workbook";
import { FakeExcel, parseAddress } from "./fake-excel";
import { allTypesDataset, bigDataset, llmDataset } from "../sheet/fixtures";

const NOW = new Date("2024-03-01T08:00:00.000Z");
const LATER = new Date("2024-04-01T08:00:00.000Z");

interface Scenario {
  fake: FakeExcel;
  wb: ExcelWorkbook;
  tables: { name: string; sheet: string }[];
  next: Map<string, Dataset>;
}

/**
 * Three tables, each changing differently: llm-comparison (a value changed, a row added, a
 * calculated user column filled down, notes rewritten lower), all-types (a row removed: the
 * table shrinks; values changed), a 12-row keyed table with a text user column (rows removed
 * from the middle: the rows below close up, user cells moving with them; one added; values
 * changed; a note added).
 */
async function scenario(pack: { thresholdBytes?: number; targetBytes?: number } = {}): Promise<Scenario> {
  const fake = new FakeExcel();
  const clock = { now: NOW };
  const wb = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => clock.now, ...pack });
  const a = await wb.insertDataset(llmDataset(3), { target: "newSheet", language: "en", chart: false });
  const b = await wb.insertDataset(allTypesDataset(), { target: "newSheet", language: "en", chart: false });
  const c = await wb.insertDataset(bigDataset(12, 4), { target: "newSheet", language: "en", chart: false });
  fake.addTableColumn(a.tableName, "Params (bn)", "=D2/1E9");
  fake.addTableColumn(c.tableName, "Comment", null);
  fake.type(
    c.sheetName,
    "E2",
    Array.from({ length: 12 }, (_, i) => [`note ${i}`])
  );
  fake.type(a.sheetName, "H3", [["beside"]]);

  const llm = { ...llmDataset(4), version: "1.1.0" };
  llm.rows = llm.rows.map((r) => [...r]);
  llm.rows[0][4] = 3.2e23;
  const types = { ...allTypesDataset(), version: "1.0.1" };
  types.rows = [["GPT-3", 1.6, 96, 0.005, "2020-05-28", "2020-05", 3.14e23, 3.12e14, 80e9, 175e9, 12.5]];
  const big = bigDataset(12, 4);
  big.version = "2";
  big.notes = ["Rows 3 and 5 were withdrawn"];
  big.rows = big.rows.filter((_, i) => i !== 3 && i !== 5).map((r) => [...r]);
  big.rows[6][2] = 42;
  big.rows.unshift(["row-new", 1, 2, 3]);
  fake.resetCounters();
  clock.now = LATER;
  return {
    fake,
    wb,
    tables: [a, b, c].map((r) => ({ name: r.tableName, sheet: r.sheetName })),
    next: new Map([llm, types, big].map((d) => [d.id, d])),
  };
}

/** Everything a refresh may touch of one table, as comparable text. */
function stateOf(fake: FakeExcel, t: { name: string; sheet: string }): string {
  const at = parseAddress(fake.tableAddress(t.name));
  const cells: string[] = [];
  // The table, the rows below it (new rows, notes and their gap: up to 8 rows), and one column more.
  for (let r = at.row; r < at.row + at.rows + 8; r++) {
    for (let c = at.col; c <= at.col + at.cols; c++) {
      const cell = fake.sheet(t.sheet).get(r, c);
      if (!cell) continue;
      const { value, formula, numberFormat, fontColor, bold, italic, fillColor } = cell;
      const blankCell = value === "" && formula === undefined && numberFormat === "General" && !fontColor && !bold && !italic && !fillColor;
      if (!blankCell) cells.push(`${r},${c}: ${JSON.stringify({ value, formula, numberFormat, fontColor, bold, italic, fillColor })}`);
    }
  }
  const record = decodeRecord(fake.settings.get(trackingKey(t.name)));
  return [`table ${fake.tableAddress(t.name)}`, `record ${JSON.stringify(record)}`, ...cells].join("\n");
}

interface Run {
  summary: RefreshSummary;
  states: string[];
}

async function refreshWith(pack: { thresholdBytes?: number; targetBytes?: number }, fault?: (fake: FakeExcel) => void): Promise<Run & { s: Scenario }> {
  const s = await scenario(pack);
  fault?.(s.fake);
  const summary = await s.wb.refresh(s.next);
  return { summary, states: s.tables.map((t) => stateOf(s.fake, t)), s };
}

/** Runs the refresh once per call of every write sync, each time refusing that call. */
async function everyFault(pack: {
  thresholdBytes?: number;
  targetBytes?: number;
}): Promise<{ tried: number; checked: number; mixed: number; writeSyncs: number }> {
  const before = await scenario(pack);
  const old = before.tables.map((t) => stateOf(before.fake, t));
  const clean = await refreshWith(pack);
  expect(clean.summary.tables.map((t) => t.status)).toEqual(["updated", "updated", "updated"]);
  const fresh = clean.states;
  fresh.forEach((state, i) => expect(state).not.toBe(old[i]));
  const writes = clean.s.fake.syncs.slice(1); // sync 0 is the read
  expect(writes.every((w) => !w.calls.some((c) => c.endsWith(".load")))).toBe(true);

  let tried = 0;
  let checked = 0;
  let mixed = 0;
  for (let sync = 1; sync <= writes.length; sync++) {
    for (let call = 0; call < writes[sync - 1].calls.length; call++) {
      const run = await refreshWith(pack, (fake) => fake.failSync(sync, "GeneralException", call));
      tried++;
      expect(run.s.fake.syncs[sync].error).toBe("GeneralException");
      const statuses = run.summary.tables.map((t) => t.status);
      run.states.forEach((state, i) => {
        const where = `sync ${sync}, call ${call} (${writes[sync - 1].calls[call]}), table ${run.s.tables[i].name}`;
        const result = run.summary.tables.find((t) => t.tableName === run.s.tables[i].name);
        if (state === fresh[i]) expect({ where, status: result?.status }).toEqual({ where, status: "updated" });
        else {
          expect({ where, state }).toEqual({ where, state: old[i] });
          expect({ where, status: result?.status }).toEqual({ where, status: "failed" });
          expect(result?.reason).toMatch(/Excel refused (the update|an earlier part of the refresh).*left as it was/);
        }
        checked++;
      });
      if (new Set(statuses).size > 1) mixed++;
      // The rollback is one more sync, and only on failure.
      expect(run.s.fake.syncs.filter((x) => x.error)).toHaveLength(1);
    }
  }
  return { tried, checked, mixed, writeSyncs: writes.length };
}

describe("refresh: a write Excel refuses leaves each table fully old or fully new", () => {
  test("one write request: a refusal at any of its calls rolls every table back, in one more sync", async () => {
    const { tried, checked, mixed, writeSyncs } = await everyFault({});
    console.log(`refresh faults, one request: ${tried} refused calls tried, ${checked} table states checked`);
    expect(writeSyncs).toBe(1);
    expect(tried).toBeGreaterThan(30);
    expect(checked).toBe(tried * 3);
    expect(mixed).toBe(0);
  }, 60_000);

  test("chunked write requests: tables in requests that went through stay updated, the others are rolled back", async () => {
    const { tried, checked, mixed, writeSyncs } = await everyFault({ thresholdBytes: 1500, targetBytes: 1500 });
    console.log(
      `refresh faults, ${writeSyncs} requests: ${tried} refused calls tried, ${checked} table states checked, ${mixed} runs with updated and failed tables`
    );
    expect(writeSyncs).toBeGreaterThan(2);
    expect(checked).toBe(tried * 3);
    expect(mixed).toBeGreaterThan(0);
  }, 60_000);

  test("a refused whole request (nothing applied) and a refused rollback retried table by table", async () => {
    const old = await scenario();
    const oldStates = old.tables.map((t) => stateOf(old.fake, t));
    const lost = await refreshWith({}, (fake) => fake.failSync(1, "RequestPayloadSizeLimitExceeded"));
    expect(lost.summary.tables.map((t) => t.status)).toEqual(["failed", "failed", "failed"]);
    expect(lost.states).toEqual(oldStates);
    expect(lost.s.wb.lastSyncs).toBe(3); // read, refused write, rollback

    // The write is refused half-way, then the joint rollback too: each table is restored alone.
    const twice = await refreshWith({}, (fake) => {
      fake.failSync(1, "GeneralException", 20);
      fake.failSync(2, "GeneralException", 3);
    });
    expect(twice.summary.tables.map((t) => t.status)).toEqual(["failed", "failed", "failed"]);
    expect(twice.states).toEqual(oldStates);
    expect(twice.s.wb.lastSyncs).toBe(6);
  });

  test("a rollback Excel refuses too: the reason says the table may be partly updated", async () => {
    const run = await refreshWith({}, (fake) => {
      fake.failSync(1, "GeneralException", 20);
      fake.failSync(2, "GeneralException");
      for (let i = 3; i < 6; i++) fake.failSync(i, "GeneralException");
    });
    expect(run.summary.tables.map((t) => t.status)).toEqual(["failed", "failed", "failed"]);
    for (const t of run.summary.tables) expect(t.reason).toMatch(/may be partly updated\. Refresh again/);
  });

  test("the tracking record of a failed table stays old, so the next refresh redoes the update", async () => {
    const clean = await refreshWith({});
    const run = await refreshWith({}, (fake) => fake.failSync(1, "GeneralException", "SettingCollection.add"));
    expect(run.summary.tables.map((t) => t.status)).toEqual(["failed", "failed", "failed"]);
    expect((await run.s.wb.listTracked()).map((t) => t.version)).toEqual(["1.0.0", "1", "1.0.0"]);
    const again = await run.s.wb.refresh(run.s.next);
    expect(again.tables.map((t) => t.status)).toEqual(["updated", "updated", "updated"]);
    expect(run.s.tables.map((t) => stateOf(run.s.fake, t).replace(/"refreshedAt":"[^"]*"/, ""))).toEqual(
      clean.states.map((s) => s.replace(/"refreshedAt":"[^"]*"/, ""))
    );
  });
});
