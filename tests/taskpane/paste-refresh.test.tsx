/** @jest-environment jsdom */
/**
 * Refresh all with a pasted table in the workbook (issue 22): the feed is asked nothing for it,
 * nothing fails, and the table stays tracked, reported as left alone with its reason. The pane
 * drives the workbench's real WorkbookPort (HyperFormula), so the skip is the adapter's own.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importTable, toDataset } from "../../src/import";
import { App } from "../../src/taskpane/App";
import { HfWorkbook } from "../../src/workbench/hf-workbook";
import { fakePane, LLM } from "./fakes";
import { alertText, statusText } from "./render";

async function paneWithPastedTable(withFeedTable: boolean) {
  const workbook = new HfWorkbook({ now: () => new Date("2024-01-01T00:00:00Z") });
  const r = importTable(readFileSync(join(__dirname, "../import/fixtures/fig8.txt"), "utf8"), { language: "en" });
  if (!r.ok) throw new Error(r.reason.en);
  await workbook.insertDataset(toDataset(r.table, "en"), { target: "newSheet", language: "en", chart: false });
  if (withFeedTable) await workbook.insertDataset({ ...LLM, version: "2023.01.0" }, { target: "newSheet", language: "en", chart: false });
  const pane = fakePane();
  const deps = { ...pane.deps, workbook };
  return { pane, deps, workbook };
}

describe("Refresh all with a pasted table", () => {
  it("asks the feed only for the feed's datasets, refreshes those and reports the pasted table as left alone", async () => {
    const { pane, deps, workbook } = await paneWithPastedTable(true);
    render(<App deps={deps} />);
    const all = await screen.findByRole("button", { name: "Refresh all" });
    await waitFor(() => expect((all as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(all));
    await waitFor(() => expect(statusText()).toMatch(/AI_pasted_table/));
    expect(pane.feedCalls.map((c) => c.ids)).toEqual([["llm-comparison"]]);
    expect(statusText()).toMatch(/pasted from a report's text, not inserted from the feed: there is nothing to refresh/);
    expect(alertText()).toBe("");
    expect((await workbook.listTracked()).map((t) => t.tableName)).toEqual(["AI_llm_comparison", "AI_pasted_table"]);
  });

  it("with only pasted tables, the feed is not asked at all (an offline pane refreshes without an error)", async () => {
    const { pane, deps } = await paneWithPastedTable(false);
    pane.feed.next = async () => {
      throw new Error("the feed must not be asked");
    };
    render(<App deps={deps} />);
    const all = await screen.findByRole("button", { name: "Refresh all" });
    await waitFor(() => expect((all as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(all));
    await waitFor(() => expect(statusText()).toMatch(/nothing to refresh/));
    expect(pane.feedCalls).toEqual([]);
    expect(alertText()).toBe("");
  });
});
