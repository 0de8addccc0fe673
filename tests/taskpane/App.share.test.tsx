/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { cellRef } from "../../src/taskpane/share/FormulaReport";
import type { FormulaActionResult } from "../../src/sheet/workbook";
import { MAX_CELLS_LISTED, WorkbookError } from "../../src/sheet/workbook";
import { deferred, fakePane, formulaResult } from "./fakes";
import type { FakePane } from "./fakes";
import { alertText, openTab, renderPane, statusItems, statusText } from "./render";

/** The pane on its Share tab (a chunk loaded when first opened). */
async function renderShare(pane: FakePane): Promise<HTMLElement> {
  await renderPane(pane);
  await openTab(/^(Share|分享)$/);
  const section = await screen.findByRole("region", { name: /^(Share a workbook|分享工作簿)$/ });
  await within(section).findByRole("button", { name: /^(Make portable|转为通用公式)$/ });
  return section;
}

/** The calls that could change the workbook (listTracked only reads it). */
function formulaCalls(pane: FakePane) {
  return pane.workbook.calls.filter((call) => call.method === "makePortable" || call.method === "restoreFormulas" || call.method === "repairFormulas");
}

const PORTABLE: FormulaActionResult = {
  ...formulaResult("makePortable", "sheet", { converted: 2, toValue: 1, leftAlone: 1 }),
  sheets: ["Sheet1", "Q1 model"],
  cells: [
    { sheet: "Sheet1", address: "C1", outcome: "converted", before: "=AI.TRAINFLOPS(B1,B2)", after: "=6*B1*B2" },
    { sheet: "Sheet1", address: "C2", outcome: "converted", before: "=AI.PFDAYS(C1)*2", after: "=C1/(1E+15*86400)*2" },
    { sheet: "Q1 model", address: "C3", outcome: "toValue", before: '=AI.CHIP("H100","fp16")', after: "989000000000000" },
    { sheet: "Q1 model", address: "D9", outcome: "leftAlone", before: "=AI.TRAINFLOPS(<b>x</b>", reason: "The formula could not be read" },
  ],
};

describe("share: the section", () => {
  it("offers a scope (this sheet by default) and three actions, each explained in a line", async () => {
    const section = within(await renderShare(fakePane()));
    expect(section.getByRole("radiogroup", { name: "Apply to" })).toBeTruthy();
    const radios = section.getAllByRole("radio") as HTMLInputElement[];
    expect(radios.map((r) => [r.labels?.[0]?.textContent, r.checked])).toEqual([
      ["The selection", false],
      ["This sheet", true],
      ["The whole workbook", false],
    ]);
    const explained = (name: string) => {
      const button = section.getByRole("button", { name });
      const id = button.getAttribute("aria-describedby") ?? "";
      return document.getElementById(id)?.textContent;
    };
    expect(explained("Make portable")).toBe(
      "For readers without the add-in: AI formulas become native Excel formulas that stay live; lookups become values with a note."
    );
    expect(explained("Restore AI formulas")).toBe("Puts the AI formulas back: Ctrl+Z cannot undo the add-in's changes.");
    expect(explained("Repair #NAME?")).toBe("Re-enters the AI formulas that show #NAME?.");
  });

  it("is in Chinese when the pane is, and follows a language switch", async () => {
    const section = within(await renderShare(fakePane({ displayLanguage: "zh-CN" })));
    expect(section.getByRole("radiogroup", { name: "范围" })).toBeTruthy();
    for (const name of ["所选区域", "当前工作表", "整个工作簿"]) expect(section.getByRole("radio", { name })).toBeTruthy();
    for (const name of ["转为通用公式", "恢复 AI 公式", "修复 #NAME?"]) expect(section.getByRole("button", { name })).toBeTruthy();
    expect(section.getByText(/加载项所做的更改无法用 Ctrl\+Z 撤销/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("region", { name: "Share a workbook" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Restore AI formulas" })).toBeTruthy();
  });
});

describe("share: running an action", () => {
  it("calls the workbook with the chosen scope (and, to make portable, the pane's language)", async () => {
    const pane = fakePane();
    const section = within(await renderShare(pane));
    fireEvent.click(section.getByRole("button", { name: "Make portable" }));
    await waitFor(() => expect(statusText()).toContain("Make portable (scope: This sheet)"));
    fireEvent.click(section.getByRole("radio", { name: "The selection" }));
    fireEvent.click(section.getByRole("button", { name: "Restore AI formulas" }));
    await waitFor(() => expect(statusText()).toContain("Restore AI formulas (scope: The selection)"));
    fireEvent.click(section.getByRole("radio", { name: "The whole workbook" }));
    fireEvent.click(section.getByRole("button", { name: "Repair #NAME?" }));
    await waitFor(() => expect(statusText()).toContain("Repair #NAME? (scope: The whole workbook)"));
    fireEvent.click(section.getByRole("button", { name: "Make portable" }));
    await waitFor(() => expect(formulaCalls(pane)).toHaveLength(4));
    expect(formulaCalls(pane)).toEqual([
      { method: "makePortable", scope: "sheet", language: "en" },
      { method: "restoreFormulas", scope: "selection" },
      { method: "repairFormulas", scope: "workbook" },
      { method: "makePortable", scope: "workbook", language: "en" },
    ]);
    // Nothing found: said in words, with every count at 0.
    await waitFor(() => expect(statusText()).toContain("No cells to change."));
  });

  it("makes portable in Chinese when the pane is in Chinese (the cell notes' language)", async () => {
    const pane = fakePane({ displayLanguage: "zh-CN" });
    const section = within(await renderShare(pane));
    fireEvent.click(section.getByRole("radio", { name: "整个工作簿" }));
    fireEvent.click(section.getByRole("button", { name: "转为通用公式" }));
    await waitFor(() => expect(formulaCalls(pane)).toEqual([{ method: "makePortable", scope: "workbook", language: "zh" }]));
  });

  it("shows progress while it runs and blocks every other action", async () => {
    const pane = fakePane();
    const pending = deferred<FormulaActionResult>();
    pane.workbook.formulaImpl = () => pending.promise;
    const section = within(await renderShare(pane));
    fireEvent.click(section.getByRole("button", { name: "Make portable" }));
    await waitFor(() => expect(statusText()).toContain("Make portable…"));
    expect(screen.getByRole("progressbar", { name: "Make portable…" })).toBeTruthy();
    for (const name of ["Make portable", "Restore AI formulas", "Repair #NAME?"])
      expect((section.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Insert LLM comparison", hidden: true }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(section.getByRole("button", { name: "Repair #NAME?" }));
    expect(formulaCalls(pane)).toHaveLength(1);
    await act(async () => pending.resolve(PORTABLE));
    await waitFor(() => expect(statusText()).toContain("2 converted"));
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect((section.getByRole("button", { name: "Restore AI formulas" }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe("share: the report", () => {
  it("counts each outcome in words and lists the cells, before → after, with reasons, as text", async () => {
    const pane = fakePane();
    pane.workbook.formulaImpl = async () => PORTABLE;
    const section = within(await renderShare(pane));
    fireEvent.click(section.getByRole("button", { name: "Make portable" }));
    await waitFor(() => expect(statusText()).toContain("Make portable (scope: This sheet)"));
    expect(statusText()).toContain("Sheets: Sheet1, Q1 model");
    expect(statusItems()).toEqual([
      "2 converted" + "Sheet1!C1: =AI.TRAINFLOPS(B1,B2) → =6*B1*B2" + "Sheet1!C2: =AI.PFDAYS(C1)*2 → =C1/(1E+15*86400)*2",
      "Sheet1!C1: =AI.TRAINFLOPS(B1,B2) → =6*B1*B2",
      "Sheet1!C2: =AI.PFDAYS(C1)*2 → =C1/(1E+15*86400)*2",
      "1 kept as values" + '\'Q1 model\'!C3: =AI.CHIP("H100","fp16") → 989000000000000',
      '\'Q1 model\'!C3: =AI.CHIP("H100","fp16") → 989000000000000',
      "1 left alone" + "'Q1 model'!D9: =AI.TRAINFLOPS(<b>x</b>Reason: The formula could not be read",
      "'Q1 model'!D9: =AI.TRAINFLOPS(<b>x</b>Reason: The formula could not be read",
    ]);
    // Text, never markup.
    const status = screen.getAllByRole("status").find((el) => el.getAttribute("aria-live") === "polite") as HTMLElement;
    expect(status.querySelector("b")).toBeNull();
    // Something was left alone: an info note, not a success.
    expect(status.querySelector("[data-intent]")?.getAttribute("data-intent")).toBe("info");
    expect(statusText()).not.toContain("are listed");
    expect(alertText()).toBe("");
  });

  it("reports in Chinese, and follows a language switch", async () => {
    const pane = fakePane({ displayLanguage: "zh-CN" });
    pane.workbook.formulaImpl = async () => PORTABLE;
    const section = within(await renderShare(pane));
    fireEvent.click(section.getByRole("button", { name: "转为通用公式" }));
    await waitFor(() => expect(statusText()).toContain("转为通用公式（范围：当前工作表）"));
    const text = statusText();
    for (const part of [
      "工作表：Sheet1, Q1 model",
      "已转换 2 个",
      "1 个改为数值",
      "1 个未改动",
      "原因：The formula could not be read",
      "Sheet1!C1: =AI.TRAINFLOPS(B1,B2) → =6*B1*B2",
    ])
      expect(text).toContain(part);
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    await waitFor(() => expect(statusText()).toContain("2 converted"));
    expect(statusText()).toContain("Make portable (scope: This sheet)");
  });

  it("words restore's and repair's outcomes, and says when only the first cells are listed", async () => {
    const pane = fakePane();
    const section = within(await renderShare(pane));
    const many = Array.from({ length: MAX_CELLS_LISTED }, (_, i) => ({
      sheet: "Sheet1",
      address: `A${i + 1}`,
      outcome: "restored" as const,
      before: `=${i}`,
      after: `=AI.PFDAYS(B${i + 1})`,
    }));
    pane.workbook.formulaImpl = async (action, scope) => ({
      ...formulaResult(action, scope, { restored: 25, editedSince: 2 }),
      cells: many,
    });
    fireEvent.click(section.getByRole("button", { name: "Restore AI formulas" }));
    await waitFor(() => expect(statusText()).toContain("25 restored"));
    expect(statusText()).toContain("2 edited since, left");
    expect(statusText()).toContain("0 left alone");
    expect(statusText()).toContain("The first 20 of 27 cells are listed.");
    expect(statusText()).toContain("Sheet1!A20: =19 → =AI.PFDAYS(B20)");

    pane.workbook.formulaImpl = async (action, scope) => ({
      ...formulaResult(action, scope, { repaired: 3, stillFailing: 1 }),
      cells: [{ sheet: "Sheet1", address: "B7", outcome: "stillFailing", before: "=AI.MODEL(A7)", reason: "still #NAME? after re-entering" }],
    });
    fireEvent.click(section.getByRole("button", { name: "Repair #NAME?" }));
    await waitFor(() => expect(statusText()).toContain("3 repaired"));
    expect(statusText()).toContain("1 still failing");
    expect(statusItems()).toContain("Sheet1!B7: =AI.MODEL(A7)Reason: still #NAME? after re-entering");
    expect(statusText()).not.toContain("converted");
  });

  it("is a success note when every cell was handled", async () => {
    const pane = fakePane();
    pane.workbook.formulaImpl = async (action, scope) => formulaResult(action, scope, { converted: 1 });
    const section = within(await renderShare(pane));
    fireEvent.click(section.getByRole("button", { name: "Make portable" }));
    await waitFor(() => expect(statusText()).toContain("1 converted"));
    const status = screen.getAllByRole("status").find((el) => el.getAttribute("aria-live") === "polite") as HTMLElement;
    expect(status.querySelector("[data-intent]")?.getAttribute("data-intent")).toBe("success");
  });
});

describe("share: errors", () => {
  it.each([
    ["excelRejected", "Excel did not accept the change. Finish editing any cell (press Enter or Esc) and try again."],
    ["noSelection", "Select a cell in a worksheet first"],
  ] as const)("a %s failure shows the error box, and nothing else is done", async (code, text) => {
    const pane = fakePane();
    pane.workbook.formulaImpl = () => Promise.reject(new WorkbookError(code, "RichApi.Error: InvalidArgument"));
    const section = within(await renderShare(pane));
    const before = pane.workbook.calls.length;
    fireEvent.click(section.getByRole("button", { name: "Make portable" }));
    await waitFor(() => expect(alertText()).toContain("Could not finish: Make portable."));
    expect(alertText()).toContain(text);
    expect(alertText()).toContain("Details: RichApi.Error: InvalidArgument");
    expect(statusText()).toBe("");
    // The one call that failed, and nothing after it (no second action, no re-read of the tables).
    expect(pane.workbook.calls.slice(before)).toEqual([{ method: "makePortable", scope: "sheet", language: "en" }]);
    expect((section.getByRole("button", { name: "Make portable" }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(alertText()).toBe("");
  });

  it("explains an unexpected failure in Chinese", async () => {
    const pane = fakePane({ displayLanguage: "zh-CN" });
    pane.workbook.formulaImpl = () => Promise.reject(new Error("boom"));
    const section = within(await renderShare(pane));
    fireEvent.click(section.getByRole("button", { name: "恢复 AI 公式" }));
    await waitFor(() => expect(alertText()).toContain("未能完成：恢复 AI 公式。"));
    expect(alertText()).toContain("发生了意外错误。");
    expect(alertText()).toContain("详细信息：boom");
  });
});

describe("cellRef", () => {
  it.each([
    ["Sheet1", "C4", "Sheet1!C4"],
    ["大模型参数对比", "B2", "大模型参数对比!B2"],
    ["Q1 model", "B2", "'Q1 model'!B2"],
    ["2024", "A1", "'2024'!A1"],
    ["Bob's", "A1", "'Bob''s'!A1"],
  ])("%s, %s → %s", (sheet, address, expected) => {
    expect(cellRef(sheet, address)).toBe(expected);
  });
});
