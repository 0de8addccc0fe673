/**
 * The diagnostics' workbench port (src/workbench/diagnostics.ts) on a real HfWorkbook: the
 * custom function computes on a very hidden scratch sheet, the table goes in and out, and the
 * workbook (every sheet, cell, format, table, name, setting, the active sheet) and the selection
 * are exactly as before, also when a step fails.
 */
import { getDataset } from "../../src/data/catalog";
import { FUNCTION_PROBE_FORMULA, SCRATCH_PREFIX, TABLE_PROBE_VALUES, runDiagnostics } from "../../src/sheet/diagnostics";
import { HfDiagnostics } from "../../src/workbench/diagnostics";
import { HfWorkbook } from "../../src/workbench/hf-workbook";
import { bookToSnapshot } from "../../src/workbench/xlsx-io";

async function userBook(): Promise<HfWorkbook> {
  const book = new HfWorkbook({ now: () => new Date("2026-01-02T03:04:05Z") });
  const dataset = getDataset("llm-comparison");
  if (!dataset) throw new Error("llm-comparison missing");
  await book.insertDataset(dataset, { target: "newSheet", language: "en", chart: false });
  book.input(0, 0, 0, "=AI.PFDAYS(8.64e19)");
  book.select(0, 3, 2);
  return book;
}

async function state(book: HfWorkbook): Promise<string> {
  return JSON.stringify({ snapshot: await bookToSnapshot(book), active: book.activeSheet, selection: book.selection, tabs: book.sheets() });
}

describe("HfDiagnostics", () => {
  it("computes =AI.TRAINFLOPS(1,1) on a very hidden scratch sheet (no tab) and removes it", async () => {
    const book = await userBook();
    const before = await state(book);
    const tabsSeen: string[][] = [];
    const unsubscribe = book.subscribe(() => tabsSeen.push(book.sheets().map((s) => s.name)));
    const p = await new HfDiagnostics(book, () => 0.5).functionProbe(FUNCTION_PROBE_FORMULA);
    unsubscribe();
    expect(p).toEqual({
      formula: "=AI.TRAINFLOPS(1,1)",
      value: 6,
      reads: 1,
      waitedMs: 0,
      calculationMode: "Automatic",
      failure: null,
      cleanup: { sheet: `${SCRATCH_PREFIX}iiiiii`, removed: true, leftoversRemoved: [] },
    });
    // Only applySheetPlan's own notification, before the sheet is hidden in the same tick, lists its tab
    // (the grid renders in a later microtask, after the hide); every later one does not.
    const withScratch = tabsSeen.map((tabs) => tabs.includes(`${SCRATCH_PREFIX}iiiiii`));
    expect(withScratch.length).toBeGreaterThan(2);
    expect(withScratch.slice(1).every((seen) => !seen)).toBe(true);
    expect(await state(book)).toBe(before);
  });

  it("gives the error the engine shows for a formula that does not compute", async () => {
    const book = await userBook();
    const p = await new HfDiagnostics(book).functionProbe("=AI.NOSUCHFUNCTION(1)");
    expect(p.value).toBe("#NAME?");
    expect(p.cleanup.removed).toBe(true);
  });

  it("inserts the table through the sheet-plan path, reads it back, deletes it and removes the sheet", async () => {
    const book = await userBook();
    const before = await state(book);
    const p = await new HfDiagnostics(book, () => 0.5).tableProbe(TABLE_PROBE_VALUES);
    expect(p).toEqual({
      written: TABLE_PROBE_VALUES.map((r) => [...r]),
      readBack: TABLE_PROBE_VALUES.map((r) => [...r]),
      tableName: `${SCRATCH_PREFIX}iiiiii`,
      tableRemoved: true,
      failure: null,
      cleanup: { sheet: `${SCRATCH_PREFIX}iiiiii`, removed: true, leftoversRemoved: [] },
    });
    expect(await state(book)).toBe(before);
  });

  it.each([
    ["the scratch sheet is refused", "applySheetPlan"],
    ["the table's deletion is refused", "execute"],
  ] as const)("leaves the workbook as it was when %s, and reports it", async (_what, method) => {
    const book = await userBook();
    const before = await state(book);
    const real = book[method].bind(book) as (...args: unknown[]) => unknown;
    let calls = 0;
    jest.spyOn(book, method).mockImplementation(((...args: unknown[]) => {
      if (calls++ === 0) throw new Error(`${method} refused`);
      return real(...args);
    }) as never);
    const p = await new HfDiagnostics(book).tableProbe(TABLE_PROBE_VALUES);
    expect(p.failure).toBe(`${method} refused`);
    expect(p.cleanup.removed).toBe(true);
    expect(await state(book)).toBe(before);
  });

  it("passes every check that applies in the workbench and says the others do not apply", async () => {
    const book = await userBook();
    const report = await runDiagnostics({
      port: new HfDiagnostics(book),
      feed: async () => ({
        ok: true,
        url: "http://127.0.0.1/data/",
        generatedAt: null,
        datasets: [{ id: "llm-comparison", version: "1.0.0", asOf: "2023-02" }],
      }),
      cspViolations: () => [],
    });
    expect(Object.fromEntries(report.results.map((r) => [r.id, r.outcome]))).toEqual({
      host: "skipped",
      requirements: "skipped",
      functions: "pass",
      table: "pass",
      feed: "pass",
      csp: "pass",
      runtime: "skipped",
    });
    expect(report.results.find((r) => r.id === "host")?.lines.en[0]).toMatch(
      /^Not applicable in the workbench: there is no Office host here\. The workbook is HyperFormula \d/
    );
  });
});
