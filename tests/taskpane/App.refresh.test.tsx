/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { ProgressFn, RefreshSummary } from "../../src/sheet/workbook";
import { WorkbookError } from "../../src/sheet/workbook";
import type { DatasetLoad, FeedFailure, FeedResult } from "../../src/taskpane/deps";
import { DEFAULT_FEED, FEED_BUILT, GPUS, LLM, TRACKED_GPU, TRACKED_LLM, deferred, fakePane, feedResultOf, itemOf } from "./fakes";
import { alertText, renderPane, reportLoaded, statusText } from "./render";

const SUMMARY: RefreshSummary = {
  tables: [
    {
      tableName: "LLM_Comparison",
      datasetId: "llm-comparison",
      status: "updated",
      oldVersion: "2023.01",
      newVersion: "2023.02",
      added: 2,
      changed: 3,
      removed: 1,
    },
    {
      tableName: "GPU_Specs",
      datasetId: "gpu-specs",
      status: "skipped",
      reason: "A column was renamed in the sheet",
      oldVersion: "0.9.0",
      newVersion: "1.0.0",
      added: 0,
      changed: 0,
      removed: 0,
    },
  ],
};

function paneWithTables(displayLanguage = "en-US") {
  const pane = fakePane({ displayLanguage });
  pane.workbook.tracked = [TRACKED_LLM, TRACKED_GPU];
  return pane;
}

describe("tracked tables", () => {
  it("lists the tables the workbook tracks, each with its own refresh button", async () => {
    await renderPane(paneWithTables());
    const item = screen.getByRole("button", { name: "Refresh LLM_Comparison" }).closest("li");
    expect(item).not.toBeNull();
    expect(within(item as HTMLElement).getByText("LLM comparison · Sheet 大模型参数对比")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Refresh GPU_Specs" })).toBeTruthy();
  });

  it("shows each table's refresh state: version, when inserted, when its data last changed, what the feed has", async () => {
    const pane = paneWithTables();
    pane.workbook.tracked = [{ ...TRACKED_LLM, refreshedAt: "2024-03-05T10:00:00.000Z" }, TRACKED_GPU];
    await renderPane(pane);
    const state = (table: string) =>
      (screen.getByRole("button", { name: `Refresh ${table}` }).closest("li") as HTMLElement).querySelector("[data-refresh-state]")?.textContent;
    // The feed lists llm-comparison 2023.02 (the table holds 2023.01) and gpu-specs 1.0.0 (the table 0.9.0).
    expect(state("LLM_Comparison")).toBe("version 2023.01 · inserted 2024-01-01 · data updated 2024-03-05 · the feed has 2023.02");
    expect(state("GPU_Specs")).toBe("version 0.9.0 · inserted 2024-01-02 · the feed has 1.0.0");
  });

  it("after a refresh, says when and how each table was refreshed", async () => {
    const pane = paneWithTables();
    pane.workbook.refreshImpl = async () => SUMMARY;
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(statusText()).toContain("Refresh summary"));
    const row = (table: string) => screen.getByRole("button", { name: `Refresh ${table}` }).closest("li") as HTMLElement;
    await waitFor(() => expect(row("LLM_Comparison").textContent).toMatch(/refreshed at \d\d:\d\d: Updated/));
    expect(row("GPU_Specs").textContent).toMatch(/refreshed at \d\d:\d\d: Skipped/);
  });

  it("shows no empty list when nothing is tracked: the first-run card says where to start", async () => {
    await renderPane(fakePane());
    expect(screen.queryByRole("heading", { name: "Inserted tables" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Refresh all" })).toBeNull();
    expect(screen.getByRole("region", { name: "Start here" })).toBeTruthy();
  });
});

describe("refresh", () => {
  it("fetches the feed, then refreshes with progress, then shows the summary", async () => {
    const pane = paneWithTables();
    const feed = deferred<FeedResult>();
    pane.feed.next = () => feed.promise;
    const done = deferred<RefreshSummary>();
    let progress: ProgressFn | undefined;
    pane.workbook.refreshImpl = (_datasets, _names, onProgress) => {
      progress = onProgress;
      return done.promise;
    };
    await renderPane(pane);

    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(statusText()).toContain("Downloading and checking the data feed…"));
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(pane.feedCalls).toEqual([{ url: DEFAULT_FEED, ids: ["llm-comparison", "gpu-specs"] }]);
    // Nothing touches the workbook before the whole feed validated.
    expect(pane.workbook.callsTo("refresh")).toHaveLength(0);
    expect((screen.getByRole("button", { name: "Refresh LLM_Comparison" }) as HTMLButtonElement).disabled).toBe(true);

    await act(async () => feed.resolve(feedResultOf([LLM, GPUS], ["llm-comparison", "gpu-specs"])));
    await waitFor(() => expect(pane.workbook.callsTo("refresh")).toHaveLength(1));
    const call = pane.workbook.callsTo("refresh")[0];
    expect(call.tableNames).toBeUndefined();
    expect(Array.from(call.datasets.keys()).sort()).toEqual(["gpu-specs", "llm-comparison"]);
    expect(call.datasets.get("llm-comparison")).toBe(LLM);

    act(() => progress?.(1, 2, "LLM_Comparison: 7 rows"));
    expect(statusText()).toContain("Updating tables… 1/2");
    expect(statusText()).toContain("LLM_Comparison: 7 rows");
    const bar = screen.getByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("1");
    expect(bar.getAttribute("aria-valuemax")).toBe("2");

    await act(async () => done.resolve(SUMMARY));
    await waitFor(() => expect(statusText()).toContain("Refresh summary"));
    await reportLoaded();
    expect(screen.queryByRole("progressbar")).toBeNull();
    const text = statusText();
    expect(text).toContain("1 updated, 0 unchanged, 1 skipped");
    expect(text).toContain("LLM_Comparison: Updated");
    expect(text).toContain("2 added, 3 changed, 1 removed");
    expect(text).toContain("Version 2023.01 → 2023.02");
    expect(text).toContain("GPU_Specs: Skipped");
    expect(text).toContain("Reason: A column was renamed in the sheet");
    expect(alertText()).toBe("");
  });

  it("refreshes one table: only its dataset is fetched and only it is named", async () => {
    const pane = paneWithTables();
    pane.workbook.refreshImpl = async () => ({ tables: [SUMMARY.tables[0]] });
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Refresh GPU_Specs" }));
    await waitFor(() => expect(pane.workbook.callsTo("refresh")).toHaveLength(1));
    expect(pane.feedCalls[0].ids).toEqual(["gpu-specs"]);
    expect(pane.workbook.callsTo("refresh")[0].tableNames).toEqual(["GPU_Specs"]);
    await waitFor(() => expect(statusText()).toContain("1 updated, 0 unchanged, 0 skipped"));
  });

  it("shows the summary in Chinese", async () => {
    const pane = paneWithTables("zh-CN");
    pane.workbook.refreshImpl = async () => SUMMARY;
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "全部刷新" }));
    await waitFor(() => expect(statusText()).toContain("刷新结果"));
    await reportLoaded();
    expect(statusText()).toContain("已更新 1 个，无变化 0 个，已跳过 1 个");
    expect(statusText()).toContain("新增 2 行，修改 3 行，删除 1 行");
    expect(statusText()).toContain("版本 2023.01 → 2023.02");
    expect(statusText()).toContain("原因：A column was renamed in the sheet");
  });

  const FEED_FAILURES: ReadonlyArray<[FeedFailure, string, string]> = [
    [
      { kind: "offline", detail: "TypeError: Failed to fetch" },
      "You appear to be offline. Check your connection and try again.",
      "您似乎处于离线状态。请检查网络连接后重试。",
    ],
    [{ kind: "http", status: 404, detail: "Not Found" }, "(HTTP 404)", "（HTTP 404）"],
    [{ kind: "timeout", detail: "after 15000 ms" }, "The data feed took too long to answer.", "数据源响应超时。"],
    [
      { kind: "invalid", detail: "/datasets/0/rows/2: must have 5 cells, got 4" },
      "The data feed is not in the expected format (/datasets/0/rows/2: must have 5 cells, got 4).",
      "数据源格式不符合要求（/datasets/0/rows/2: must have 5 cells, got 4）。",
    ],
    [{ kind: "tooLarge", detail: "over 10 MB" }, "larger than the add-in accepts", "超过加载项允许的大小"],
    [{ kind: "insecureUrl", detail: "http://x/" }, "does not use https://", "未使用 https://"],
  ];

  it.each(FEED_FAILURES.map(([failure, en, zh]) => [failure.kind, failure, en, zh] as const))(
    "explains a %s feed failure in English and Chinese, and leaves the workbook alone",
    async (_kind, failure, en, zh) => {
      const pane = paneWithTables();
      pane.feed.next = async () => ({ ok: false, error: failure });
      await renderPane(pane);
      fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
      await waitFor(() => expect(alertText()).toContain(en));
      expect(alertText()).toContain("Nothing in the workbook was changed.");
      expect(pane.workbook.callsTo("refresh")).toHaveLength(0);
      expect(screen.queryByRole("progressbar")).toBeNull();

      // The shown error follows a language switch.
      fireEvent.click(screen.getByRole("button", { name: "中文" }));
      expect(alertText()).toContain(zh);
      expect(alertText()).toContain("工作簿未作任何更改");
    }
  );

  it("explains a table that went missing during refresh", async () => {
    const pane = paneWithTables();
    pane.workbook.refreshImpl = () => Promise.reject(new WorkbookError("tableMissing", "LLM_Comparison"));
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(alertText()).toContain("Refresh stopped before it finished."));
    expect(alertText()).toContain("no longer in the workbook");
    expect(alertText()).toContain("Insert the dataset again");
    expect(alertText()).toContain("Details: LLM_Comparison");
  });

  it("explains a table deleted since the list was shown, without fetching", async () => {
    const pane = paneWithTables();
    await renderPane(pane);
    pane.workbook.tracked = [TRACKED_LLM];
    fireEvent.click(screen.getByRole("button", { name: "Refresh GPU_Specs" }));
    await waitFor(() => expect(alertText()).toContain("no longer in the workbook"));
    expect(pane.feedCalls).toHaveLength(0);
    await waitFor(() => expect(screen.queryByRole("button", { name: "Refresh GPU_Specs" })).toBeNull());
  });

  it("treats a loadFeed that throws as a feed failure", async () => {
    const pane = paneWithTables();
    pane.feed.next = () => Promise.reject(new Error("bug"));
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(alertText()).toContain("Something unexpected went wrong."));
    expect(alertText()).toContain("Nothing in the workbook was changed.");
    expect(pane.workbook.callsTo("refresh")).toHaveLength(0);
  });

  it("says so when the table list cannot be read", async () => {
    const pane = fakePane();
    pane.workbook.listImpl = () => Promise.reject(new Error("GeneralException"));
    render(<App deps={pane.deps} />);
    expect(await screen.findByText(/The list of inserted tables could not be read/)).toBeTruthy();
  });

  it("refreshes the tables whose data arrived and reports the one whose dataset is missing from the feed as failed", async () => {
    const pane = paneWithTables();
    // The feed publishes llm-comparison only.
    pane.feed.next = async (ids) => feedResultOf([LLM], ids);
    pane.workbook.refreshImpl = async () => ({ tables: [SUMMARY.tables[0]] });
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(statusText()).toContain("Refresh summary"));
    await reportLoaded();
    const [call] = pane.workbook.callsTo("refresh");
    expect(Array.from(call.datasets.keys())).toEqual(["llm-comparison"]);
    expect(call.tableNames).toEqual(["LLM_Comparison"]);
    const text = statusText();
    expect(text).toContain("1 updated, 0 unchanged, 0 skipped, 1 failed");
    expect(text).toContain("LLM_Comparison: Updated");
    expect(text).toContain("GPU_Specs: Failed");
    expect(text).toContain("Reason: The feed does not publish this dataset.");
    expect(text).toContain("The table was left as it was.");
    expect(alertText()).toBe("");

    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    expect(statusText()).toContain("已更新 1 个，无变化 0 个，已跳过 0 个，失败 1 个");
    expect(statusText()).toContain("原因：数据源未发布此数据集。");
  });

  it.each([
    [{ kind: "http", status: 404, detail: "gpu-specs.json: the server answered 404 Not Found" }, "Reason: The feed answered HTTP 404 for this dataset."],
    [
      { kind: "invalid", detail: "gpu-specs.json: datasets[1].rows[0]: expected 2 cells, got 1" },
      "Reason: The feed's copy of this dataset is invalid: gpu-specs.json: datasets[1].rows[0]: expected 2 cells, got 1",
    ],
  ] as const)("names why one table's dataset could not be had (%o)", async (error, reason) => {
    const pane = paneWithTables();
    pane.feed.next = async () => ({
      ok: true,
      results: new Map<string, DatasetLoad>([
        ["llm-comparison", { ok: true, dataset: LLM }],
        ["gpu-specs", { ok: false, error }],
      ]),
    });
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(statusText()).toContain("GPU_Specs: Failed"));
    expect(statusText()).toContain(reason);
    expect(pane.workbook.callsTo("refresh")[0].tableNames).toEqual(["LLM_Comparison"]);
  });

  it("does not touch the workbook when no table's dataset arrived, and reports each table failed", async () => {
    const pane = paneWithTables();
    pane.feed.next = async (ids) => feedResultOf([], ids);
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(statusText()).toContain("0 updated, 0 unchanged, 0 skipped, 2 failed"));
    await reportLoaded();
    expect(pane.workbook.callsTo("refresh")).toHaveLength(0);
    expect(statusText()).toContain("LLM_Comparison: Failed");
    expect(statusText()).toContain("GPU_Specs: Failed");
  });

  it("leaves a pinned table to the workbook (which reports it pinned) even when its dataset is missing", async () => {
    const pane = fakePane();
    pane.workbook.tracked = [TRACKED_LLM, { ...TRACKED_GPU, pinned: true }];
    pane.feed.next = async (ids) => feedResultOf([LLM], ids);
    pane.workbook.refreshImpl = async () => ({
      tables: [
        SUMMARY.tables[0],
        { tableName: "GPU_Specs", datasetId: "gpu-specs", status: "pinned", oldVersion: "0.9.0", newVersion: "", added: 0, changed: 0, removed: 0 },
      ],
    });
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(statusText()).toContain("GPU_Specs: Pinned"));
    expect(pane.workbook.callsTo("refresh")[0].tableNames).toBeUndefined();
    expect(statusText()).toContain("Pinned at version 0.9.0: left as it is.");
    expect(statusText()).not.toContain("Failed");
  });

  it("reloads the catalogue after a refresh, so new versions show", async () => {
    const pane = paneWithTables();
    pane.workbook.refreshImpl = async () => SUMMARY;
    await renderPane(pane);
    expect(pane.catalogCalls).toHaveLength(1);
    pane.catalog.next = async (url) => ({
      source: { origin: "feed", url },
      generatedAt: FEED_BUILT,
      entries: [itemOf({ ...LLM, version: "2023.03" }), itemOf(GPUS)],
    });
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(pane.catalogCalls).toHaveLength(2));
    const row = screen.getByRole("article", { name: "LLM comparison" });
    fireEvent.click(within(row).getByRole("button", { name: "Details of LLM comparison" }));
    expect(await within(row).findByText("2023.03")).toBeTruthy();
    // The inserted tables' list compares with it.
    expect(screen.getByText("the feed has 2023.03")).toBeTruthy();
    expect(statusText()).toContain("Refresh summary");
  });
});
