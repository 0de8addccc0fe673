/** @jest-environment jsdom */
// The shell (issue 20): tabs, the status line, the first-run card, and the ribbon's commands
// reaching the mounted pane.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { RIBBON_COMMANDS, registerRibbon, runRibbonCommand, type CommandEvent } from "../../src/commands/ribbon";
import type { FormulaActionResult } from "../../src/sheet/workbook";
import { whenPane } from "../../src/taskpane/shell/pane-controller";
import { TAB_IDS } from "../../src/taskpane/tabs";
import { TRACKED_GPU, TRACKED_LLM, deferred, fakePane, formulaResult } from "./fakes";
import { alertText, openTab, paneTab, renderPane, reportLoaded, statusText } from "./render";

const TAB_NAMES = ["Data", "Models", "Functions", "Share", "Settings"];

describe("tabs", () => {
  it("has one tab per id, in order, Data selected, each controlling its panel", async () => {
    await renderPane(fakePane());
    const tabs = within(screen.getByRole("tablist", { name: "Sections" })).getAllByRole("tab");
    expect(tabs.map((t) => t.textContent)).toEqual(TAB_NAMES);
    expect(tabs.map((t) => t.getAttribute("data-tab"))).toEqual([...TAB_IDS]);
    expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false", "false", "false", "false"]);
    // One tab in the Tab order: the selected one.
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    for (const tab of tabs) {
      const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "") as HTMLElement;
      expect(panel.getAttribute("role")).toBe("tabpanel");
      expect(panel.getAttribute("aria-labelledby")).toBe(tab.id);
      expect(panel.hidden).toBe(tab.getAttribute("aria-selected") !== "true");
    }
  });

  it("opens each tab by mouse, loading its chunk once, and keeps what was typed in another", async () => {
    await renderPane(fakePane());
    fireEvent.change(screen.getByRole("searchbox", { name: /Search datasets/ }), { target: { value: "gpu" } });
    for (const name of TAB_NAMES.slice(1)) {
      const panel = await openTab(name);
      expect(paneTab(name).getAttribute("aria-selected")).toBe("true");
      expect(screen.getAllByRole("tabpanel")).toEqual([panel]);
    }
    expect(within(await openTab("Models")).getAllByRole("button", { name: /^Build / })).toHaveLength(5);
    await openTab("Data");
    expect((screen.getByRole("searchbox", { name: /Search datasets/ }) as HTMLInputElement).value).toBe("gpu");
  });

  it("moves between tabs with the arrow keys, Home and End, and opens the focused one with Enter", async () => {
    await renderPane(fakePane());
    const data = paneTab("Data");
    data.focus();
    fireEvent.keyDown(data, { key: "ArrowRight" });
    expect(document.activeElement).toBe(paneTab("Models"));
    // Focus alone does not open it (manual activation).
    expect(paneTab("Models").getAttribute("aria-selected")).toBe("false");
    fireEvent.keyDown(document.activeElement as Element, { key: "End" });
    expect(document.activeElement).toBe(paneTab("Settings"));
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowRight" });
    expect(document.activeElement).toBe(paneTab("Data"));
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowLeft" });
    expect(document.activeElement).toBe(paneTab("Settings"));
    fireEvent.keyDown(document.activeElement as Element, { key: "Home" });
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowRight" });
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowRight" });
    expect(document.activeElement).toBe(paneTab("Functions"));
    // A <button>: Enter and Space click it.
    fireEvent.click(document.activeElement as Element);
    expect(paneTab("Functions").getAttribute("aria-selected")).toBe("true");
    expect(paneTab("Functions").tabIndex).toBe(0);
  });

  it("remembers the chosen tab and opens on it next time", async () => {
    const pane = fakePane();
    const first = await renderPane(pane);
    await openTab("Share");
    expect(pane.settings.tab).toBe("share");
    first.unmount();
    render(<App deps={pane.deps} />);
    expect(paneTab("Share").getAttribute("aria-selected")).toBe("true");
    expect(await screen.findByRole("region", { name: "Share a workbook" })).toBeTruthy();
  });

  it("names the tabs in Chinese", async () => {
    await renderPane(fakePane({ displayLanguage: "zh-CN" }));
    expect(within(screen.getByRole("tablist", { name: "功能分区" })).getAllByRole("tab").map((t) => t.textContent)).toEqual(["数据", "模型", "函数", "分享", "设置"]);
  });
});

describe("the first-run card", () => {
  it("offers three starting points until the workbook has a table", async () => {
    const pane = fakePane();
    await renderPane(pane);
    const card = within(screen.getByRole("region", { name: "Start here" }));
    fireEvent.click(card.getByRole("button", { name: "Build a model" }));
    expect(paneTab("Models").getAttribute("aria-selected")).toBe("true");
    await openTab("Data");
    fireEvent.click(within(screen.getByRole("region", { name: "Start here" })).getByRole("button", { name: /^Try a function/ }));
    expect(paneTab("Functions").getAttribute("aria-selected")).toBe("true");
    await openTab("Data");
    fireEvent.click(within(screen.getByRole("region", { name: "Start here" })).getByRole("button", { name: /^Insert a dataset/ }));
    expect(document.activeElement).toBe(screen.getByRole("searchbox", { name: /Search datasets/ }));
    // Once a table is inserted, the list of tables takes its place.
    fireEvent.click(screen.getByRole("button", { name: "Insert LLM comparison" }));
    await waitFor(() => expect(screen.queryByRole("region", { name: "Start here" })).toBeNull());
    expect(screen.getByRole("region", { name: "Inserted tables" })).toBeTruthy();
  });

  it("is not shown when the workbook has a table, nor once hidden (remembered)", async () => {
    const withTables = fakePane();
    withTables.workbook.tracked = [TRACKED_LLM];
    const { unmount } = await renderPane(withTables);
    expect(screen.queryByRole("region", { name: "Start here" })).toBeNull();
    unmount();

    const pane = fakePane();
    const second = await renderPane(pane);
    fireEvent.click(within(screen.getByRole("region", { name: "Start here" })).getByRole("button", { name: "Hide" }));
    expect(screen.queryByRole("region", { name: "Start here" })).toBeNull();
    await waitFor(() => expect(pane.settings.firstRunDismissed).toBe(true));
    second.unmount();
    await renderPane(pane);
    expect(screen.queryByRole("region", { name: "Start here" })).toBeNull();
  });
});

describe("the status line", () => {
  const REPORT: FormulaActionResult = {
    ...formulaResult("makePortable", "sheet", { converted: 17, toValue: 3 }),
    cells: Array.from({ length: 20 }, (_, i) => ({ sheet: "Sheet1", address: `C${i + 1}`, outcome: i < 17 ? ("converted" as const) : ("toValue" as const), before: `=AI.PFDAYS(B${i + 1})`, after: `=B${i + 1}/8.64E+19` })),
  };

  it("is one line with Details that open in place, in the section's flow, after its buttons", async () => {
    const pane = fakePane();
    pane.workbook.formulaImpl = async () => REPORT;
    await renderPane(pane);
    const panel = await openTab("Share");
    fireEvent.click(await within(panel).findByRole("button", { name: "Make portable" }));
    await waitFor(() => expect(statusText()).toContain("17 converted · 3 kept as values · 0 left alone"));
    const slot = panel.querySelector("[data-status-slot='share']") as HTMLElement;
    const box = slot.querySelector("[data-intent]") as HTMLElement;
    expect(box.getAttribute("data-intent")).toBe("success");
    const details = within(box).getByRole("button", { name: "Details" });
    const body = document.getElementById(details.getAttribute("aria-controls") ?? "") as HTMLElement;
    expect(details.getAttribute("aria-expanded")).toBe("false");
    expect(body.hidden).toBe(true);
    fireEvent.click(details);
    expect(body.hidden).toBe(false);
    expect(within(body).getAllByRole("listitem").length).toBeGreaterThan(20);
    expect(within(box).getByRole("button", { name: "Hide details" }).getAttribute("aria-expanded")).toBe("true");
    // In the flow (not sticky or absolute), after the section's buttons, on a filled background.
    for (const el of [slot, box]) expect(["sticky", "fixed", "absolute"]).not.toContain(getComputedStyle(el).position);
    const buttons = within(panel).getAllByRole("button", { name: /Make portable|Restore AI formulas|Repair #NAME\?/ });
    for (const button of buttons) expect(button.compareDocumentPosition(slot) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // (Its background is opaque: a token colour, which jsdom does not compute; e2e/more/workspace.mjs checks it in Chromium.)
    // Dismiss is a real button, with a background of its own.
    fireEvent.click(within(box).getByRole("button", { name: "Dismiss" }));
    expect(statusText()).toBe("");
  });

  it("shows an error in the section it belongs to: an insert's in the datasets, a refresh's in the inserted tables", async () => {
    const pane = fakePane();
    pane.workbook.tracked = [TRACKED_LLM];
    pane.workbook.insertImpl = () => Promise.reject(new Error("boom"));
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Insert LLM comparison" }));
    await waitFor(() => expect(alertText()).toContain("Could not insert LLM comparison."));
    const catalogue = screen.getByRole("region", { name: "Datasets" });
    expect(within(catalogue).getByRole("alert").textContent).toContain("Could not insert LLM comparison.");
    expect(within(screen.getByRole("region", { name: "Inserted tables" })).getByRole("alert").textContent).toBe("");

    pane.feed.next = async () => ({ ok: false, error: { kind: "http", status: 503, detail: "catalog.json: 503" } });
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(within(screen.getByRole("region", { name: "Inserted tables" })).getByRole("alert").textContent).toContain("Refresh cancelled"));
    expect(within(catalogue).getByRole("alert").textContent).toBe("");
  });
});

describe("the ribbon's commands", () => {
  /** A command run as Office runs it: the handler registered by name, an event whose completed() resolves. */
  function ribbon() {
    const handlers = new Map<string, (event?: CommandEvent) => void>();
    const shown: number[] = [];
    registerRibbon(
      (id, handler) => handlers.set(id, handler),
      async () => {
        shown.push(Date.now());
      },
      2_000
    );
    const run = (name: string) =>
      new Promise<void>((resolve) => {
        const handler = handlers.get(name);
        if (!handler) throw new Error(`no handler for ${name}`);
        handler({ completed: () => resolve() });
      });
    return { handlers, shown, run };
  }

  it("registers a handler for every function command", () => {
    expect([...ribbon().handlers.keys()].sort()).toEqual(Object.keys(RIBBON_COMMANDS).sort());
  });

  it("opens the tab a button names, and shows the pane", async () => {
    await renderPane(fakePane());
    const { run, shown } = ribbon();
    await act(() => run("showModels"));
    expect(paneTab("Models").getAttribute("aria-selected")).toBe("true");
    await act(() => run("showSettings"));
    expect(paneTab("Settings").getAttribute("aria-selected")).toBe("true");
    await act(() => run("showHelp"));
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Open the help page"));
    expect(shown).toHaveLength(3);
  });

  it("Refresh all runs the pane's own refresh, on the Data tab, and completes when it is done", async () => {
    const pane = fakePane();
    pane.workbook.tracked = [TRACKED_LLM, TRACKED_GPU];
    await renderPane(pane);
    await openTab("Settings");
    const { run, shown } = ribbon();
    await act(() => run("refreshAll"));
    expect(paneTab("Data").getAttribute("aria-selected")).toBe("true");
    expect(pane.feedCalls).toEqual([{ url: "https://addin.example.com/app/data/", ids: ["llm-comparison", "gpu-specs"] }]);
    expect(pane.workbook.callsTo("refresh")).toHaveLength(1);
    await waitFor(() => expect(statusText()).toContain("Refresh summary"));
    await reportLoaded();
    expect(shown).toHaveLength(1);
  });

  it("Refresh the selected table refreshes the table under the selection, or says there is none", async () => {
    const pane = fakePane();
    pane.workbook.tracked = [TRACKED_LLM, TRACKED_GPU];
    await renderPane(pane);
    const { run } = ribbon();
    pane.workbook.tableAtSelectionImpl = async () => "GPU_Specs";
    await act(() => run("refreshSelection"));
    expect(pane.feedCalls.map((c) => c.ids)).toEqual([["gpu-specs"]]);
    expect(pane.workbook.callsTo("refresh")[0].tableNames).toEqual(["GPU_Specs"]);

    pane.workbook.tableAtSelectionImpl = async () => null;
    await act(() => run("refreshSelection"));
    await waitFor(() => expect(statusText()).toContain("The selection is not in a table the add-in inserted."));
    expect(pane.feedCalls).toHaveLength(1);
  });

  it("Make portable runs on the Share tab's scope, and the report shows there", async () => {
    const pane = fakePane();
    pane.workbook.formulaImpl = async (action, scope) => formulaResult(action, scope, { converted: 2 });
    await renderPane(pane);
    const panel = await openTab("Share");
    fireEvent.click(await within(panel).findByRole("radio", { name: "The whole workbook" }));
    await openTab("Data");
    const { run } = ribbon();
    await act(() => run("makePortable"));
    expect(paneTab("Share").getAttribute("aria-selected")).toBe("true");
    expect(pane.workbook.calls.filter((c) => c.method === "makePortable")).toEqual([{ method: "makePortable", scope: "workbook", language: "en" }]);
    await act(() => run("restoreFormulas"));
    await act(() => run("repairFormulas"));
    expect(pane.workbook.calls.filter((c) => c.method === "restoreFormulas" || c.method === "repairFormulas").map((c) => c.method)).toEqual([
      "restoreFormulas",
      "repairFormulas",
    ]);
    await waitFor(() => expect(statusText()).toContain("Repair #NAME? (scope: The whole workbook)"));
  });

  it("does not start a second action while one runs: the pane shows the running one", async () => {
    const pane = fakePane();
    pane.workbook.tracked = [TRACKED_LLM];
    const pending = deferred<FormulaActionResult>();
    pane.workbook.formulaImpl = () => pending.promise;
    await renderPane(pane);
    const { run } = ribbon();
    const first = run("makePortable");
    await waitFor(() => expect(statusText()).toContain("Make portable…"));
    await act(() => run("refreshAll"));
    expect(pane.feedCalls).toEqual([]);
    await act(async () => {
      pending.resolve(formulaResult("makePortable", "sheet"));
      await first;
    });
  });

  it("completes without a pane when none mounts in time (and still asks Office to show it)", async () => {
    let shown = 0;
    const started = Date.now();
    await runRibbonCommand({ kind: "refreshAll" }, async () => {
      shown++;
    }, 50);
    expect(shown).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(await whenPane(10)).toBeNull();
  });
});
