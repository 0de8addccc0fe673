// The actions the pane's buttons and the ribbon share (src/taskpane/actions.ts).
import { refreshSelectedTable, refreshTables, runFormulaAction } from "../../src/taskpane/actions";
import type { Activity } from "../../src/taskpane/shell/activity";
import { WorkbookError, type WorkbookPort } from "../../src/sheet/workbook";
import { FakeWorkbook, LLM, TRACKED_LLM, feedResultOf, formulaResult } from "./fakes";

function context(workbook: WorkbookPort) {
  const feedCalls: string[][] = [];
  return {
    feedCalls,
    ctx: {
      workbook,
      feedUrl: "https://feed.example/data/",
      loadFeed: async (_url: string, ids: readonly string[]) => {
        feedCalls.push([...ids]);
        return feedResultOf([LLM], ids);
      },
    },
  };
}

describe("refreshSelectedTable", () => {
  it("says the workbook cannot tell when its port has no tableAtSelection, and fetches nothing", async () => {
    // A workbook without the optional method (an adapter that cannot tell).
    const port = new FakeWorkbook();
    Object.defineProperty(port, "tableAtSelection", { value: undefined });
    const { ctx, feedCalls } = context(port);
    expect(await refreshSelectedTable(ctx, () => undefined)).toEqual({ kind: "noTableAtSelection", unsupported: true });
    expect(feedCalls).toEqual([]);
  });

  it("reports a selection that cannot be read as a workbook failure", async () => {
    const workbook = new FakeWorkbook();
    workbook.tableAtSelectionImpl = () => Promise.reject(new WorkbookError("noSelection", "a chart is selected"));
    const { ctx } = context(workbook);
    const result = await refreshSelectedTable(ctx, () => undefined);
    expect(result).toMatchObject({ kind: "refreshFailed", phase: "workbook" });
  });

  it("refreshes exactly the table under the selection, reporting its progress on the way", async () => {
    const workbook = new FakeWorkbook();
    workbook.tracked = [TRACKED_LLM];
    workbook.tableAtSelectionImpl = async () => TRACKED_LLM.tableName;
    const { ctx, feedCalls } = context(workbook);
    const seen: Activity["kind"][] = [];
    const result = await refreshSelectedTable(ctx, (a) => seen.push(a.kind));
    expect(result.kind).toBe("refreshed");
    expect(feedCalls).toEqual([["llm-comparison"]]);
    expect(workbook.callsTo("refresh")[0].tableNames).toEqual([TRACKED_LLM.tableName]);
    expect(seen).toEqual(["fetching", "refreshing"]);
  });
});

describe("refreshTables", () => {
  it("says there is nothing to refresh in an empty workbook, and names a table that is gone", async () => {
    const { ctx } = context(new FakeWorkbook());
    expect(await refreshTables(ctx, undefined, () => undefined)).toEqual({ kind: "notice", key: "noTracked" });
    expect(await refreshTables(ctx, "Gone", () => undefined)).toMatchObject({ kind: "refreshFailed", phase: "workbook", error: { code: "tableMissing" } });
  });
});

describe("runFormulaAction", () => {
  it("reports the action running, then its result or its failure", async () => {
    const workbook = new FakeWorkbook();
    const seen: Activity[] = [];
    expect(await runFormulaAction(workbook, "repair", "workbook", "zh", (a) => seen.push(a))).toEqual({
      kind: "formulasDone",
      result: formulaResult("repair", "workbook"),
    });
    expect(seen).toEqual([{ kind: "formulas", action: "repair" }]);
    workbook.formulaImpl = () => Promise.reject(new Error("boom"));
    expect(await runFormulaAction(workbook, "makePortable", "sheet", "en", () => undefined)).toMatchObject({ kind: "formulasFailed", action: "makePortable" });
    expect(workbook.callsTo("makePortable")).toEqual([{ method: "makePortable", scope: "sheet", language: "en" }]);
  });
});
