/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { RefreshSummary } from "../../src/sheet/workbook";
import { WorkbookError } from "../../src/sheet/workbook";
import { formatBuildTime } from "../../src/taskpane/data/Catalogue";
import { TRACKED_GPU, TRACKED_LLM, fakePane } from "./fakes";
import { alertText, openDetails, renderPane, reportLoaded, statusText } from "./render";

function paneWithTables(displayLanguage = "en-US") {
  const pane = fakePane({ displayLanguage });
  pane.workbook.tracked = [TRACKED_LLM, { ...TRACKED_GPU, pinned: true }];
  return pane;
}

/** An update of llm-comparison listing its first changed cells and added and removed keys. */
const CHANGED: RefreshSummary = {
  tables: [
    {
      tableName: "LLM_Comparison",
      datasetId: "llm-comparison",
      status: "updated",
      oldVersion: "1.2.0",
      newVersion: "1.3.0",
      added: 3,
      changed: 2,
      removed: 1,
      changes: [
        { row: "GPT-3", column: "params", old: 175e9, new: 176e9 },
        { row: "PaLM", column: "training_flop", old: 2.53e24, new: 2.6e24 },
        { row: "PaLM", column: "share", old: 0.125, new: null },
        { row: "PaLM", column: "gone_column", old: "a", new: "b" },
      ],
      addedKeys: ["New model"],
      removedKeys: ["LaMDA"],
    },
    { tableName: "GPU_Specs", datasetId: "gpu-specs", status: "pinned", oldVersion: "0.9.0", newVersion: "1.0.0", added: 0, changed: 0, removed: 0 },
  ],
};

describe("pin", () => {
  it("shows a pinned table with its badge and an Unpin button, the others with Pin", async () => {
    await renderPane(paneWithTables());
    const gpu = screen.getByRole("button", { name: "Refresh GPU_Specs" }).closest("li") as HTMLElement;
    expect(within(gpu).getByText("Pinned: refresh leaves this table at its version")).toBeTruthy();
    expect(within(gpu).getByRole("button", { name: "Unpin GPU_Specs" }).getAttribute("aria-pressed")).toBe("true");
    const llm = screen.getByRole("button", { name: "Refresh LLM_Comparison" }).closest("li") as HTMLElement;
    expect(within(llm).queryByText(/^Pinned/)).toBeNull();
    expect(within(llm).getByRole("button", { name: "Pin LLM_Comparison to version 2023.01" }).textContent).toBe("Pin");
  });

  it("pins and unpins through the workbook, then shows the table's new state", async () => {
    const pane = paneWithTables();
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Pin LLM_Comparison to version 2023.01" }));
    expect(await screen.findByRole("button", { name: "Unpin LLM_Comparison" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Unpin GPU_Specs" }));
    expect(await screen.findByRole("button", { name: "Pin GPU_Specs to version 0.9.0" })).toBeTruthy();
    expect(pane.workbook.callsTo("setPinned").map(({ tableName, pinned }) => [tableName, pinned])).toEqual([
      ["LLM_Comparison", true],
      ["GPU_Specs", false],
    ]);
  });

  it("explains a pin the workbook refused", async () => {
    const pane = paneWithTables();
    pane.workbook.pinImpl = () => Promise.reject(new WorkbookError("tableMissing", "LLM_Comparison"));
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Pin LLM_Comparison to version 2023.01" }));
    await waitFor(() => expect(alertText()).toContain("Could not change the pin of LLM_Comparison."));
    expect(alertText()).toContain("no longer in the workbook");
  });

  it("shows the pin controls in Chinese", async () => {
    await renderPane(paneWithTables("zh-CN"));
    expect(screen.getByRole("button", { name: "将 LLM_Comparison 固定在版本 2023.01" }).textContent).toBe("固定");
    expect(screen.getByRole("button", { name: "取消固定 GPU_Specs" }).textContent).toBe("取消固定");
    expect(screen.getByText("已固定：刷新时保留此表格的当前版本")).toBeTruthy();
  });
});

describe("what a refresh changed", () => {
  it("lists the version move, the first changed cells formatted by column type, and the keys added and removed", async () => {
    const pane = paneWithTables();
    pane.workbook.refreshImpl = async () => CHANGED;
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(statusText()).toContain("Refresh summary"));
    await reportLoaded();
    openDetails();
    const text = statusText();
    expect(text).toContain("1 updated, 0 unchanged, 0 skipped, 1 pinned");
    expect(text).toContain("Version 1.2.0 → 1.3.0");
    expect(text).toContain("3 added, 2 changed, 1 removed");
    expect(text).toContain("Added: New model and 2 more");
    expect(text).toContain("Removed: LaMDA");
    const changes = within(screen.getByText("Changed cells:").parentElement as HTMLElement)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(changes).toEqual([
      "GPT-3 · Parameters: 175,000,000,000 → 176,000,000,000",
      "PaLM · Training compute: 2.53E+24 → 2.60E+24",
      "PaLM · Share: 12.50% → (blank)",
      "PaLM · gone_column: a → b",
    ]);
    expect(text).toContain("GPU_Specs: Pinned");
    expect(text).toContain("Pinned at version 0.9.0: left as it is; the feed has 1.0.0.");
  });

  it("lists them in Chinese", async () => {
    const pane = paneWithTables("zh-CN");
    pane.workbook.refreshImpl = async () => CHANGED;
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "全部刷新" }));
    await waitFor(() => expect(statusText()).toContain("刷新结果"));
    await reportLoaded();
    const text = statusText();
    expect(text).toContain("刷新结果：已更新 1 个，无变化 0 个，已跳过 0 个，已固定 1 个");
    expect(text).toContain("版本 1.2.0 → 1.3.0");
    expect(text).toContain("新增：New model 等，另有 2 行");
    expect(text).toContain("删除：LaMDA");
    expect(text).toContain("修改的单元格：");
    expect(text).toContain("GPT-3 · 参数量：175,000,000,000 → 176,000,000,000");
    expect(text).toContain("PaLM · 占比：12.50% → （空）");
    expect(text).toContain("GPU_Specs: 已固定");
    expect(text).toContain("已固定在版本 0.9.0：保持不变；数据源已有 1.0.0。");
  });

  it("shows a table the workbook could not write as failed, with the workbook's reason", async () => {
    const pane = paneWithTables();
    pane.workbook.refreshImpl = async () => ({
      tables: [
        {
          tableName: "LLM_Comparison",
          datasetId: "llm-comparison",
          status: "failed",
          reason: "Excel refused the write (InvalidArgument); the table is as it was.",
          oldVersion: "2023.01",
          newVersion: "2023.02",
          added: 0,
          changed: 0,
          removed: 0,
        },
      ],
    });
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Refresh LLM_Comparison" }));
    await waitFor(() => expect(statusText()).toContain("LLM_Comparison: Failed"));
    expect(statusText()).toContain("0 updated, 0 unchanged, 0 skipped, 1 failed");
    expect(statusText()).toContain("Reason: Excel refused the write (InvalidArgument); the table is as it was.");
  });
});

describe("formatBuildTime", () => {
  it("shows the feed's build time in UTC to the minute, and odd text as it is", () => {
    expect(formatBuildTime("2025-06-20T08:15:42.123Z")).toBe("2025-06-20 08:15 UTC");
    expect(formatBuildTime("2025-06-20T10:15:00+02:00")).toBe("2025-06-20 08:15 UTC");
    expect(formatBuildTime("yesterday")).toBe("yesterday");
  });
});
