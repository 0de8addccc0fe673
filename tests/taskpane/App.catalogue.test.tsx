/** @jest-environment jsdom */
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { DEFAULT_FEED, EPOCH, FEED_BUILT, GPUS, LLM, deferred, fakePane, itemOf } from "./fakes";
import type { Dataset } from "../../src/data/types";
import type { CatalogView, DatasetLoad } from "../../src/taskpane/deps";
import { alertText, openTab, renderPane, statusText } from "./render";

/** Opens a row's details (other title, id, source, version, licence, preview) and returns the row. */
function expand(title: string): HTMLElement {
  const row = screen.getByRole("article", { name: title });
  fireEvent.click(within(row).getByRole("button", { name: `Details of ${title}` }));
  return row;
}

/** A dataset id no build of the add-in has seen: the feed alone describes it. */
const HBM: Dataset = {
  ...GPUS,
  id: "hbm-prices",
  version: "0.1.0",
  title: { zh: "HBM 内存价格", en: "HBM memory prices" },
  shortTitle: { zh: "HBM 价格", en: "HBM prices" },
  asOf: "2025-05",
  license: "CC BY 4.0",
};

const offlineView = (entries: readonly Dataset[]): CatalogView => ({
  source: { origin: "offline" },
  generatedAt: null,
  entries: entries.map(itemOf),
  offlineReason: { kind: "offline", detail: "catalog.json: could not reach the feed (Failed to fetch)" },
});

describe("catalogue", () => {
  it("shows a loading state until the catalogue and tables arrive", async () => {
    const pane = fakePane();
    const pending = deferred<CatalogView>();
    pane.catalog.next = () => pending.promise;
    render(<App deps={pane.deps} />);
    expect(screen.getByText("Loading datasets…")).toBeTruthy();
    expect(screen.queryAllByRole("article")).toHaveLength(0);
    pending.resolve({ source: { origin: "feed", url: DEFAULT_FEED }, generatedAt: FEED_BUILT, entries: [LLM, GPUS].map(itemOf) });
    expect(await screen.findAllByRole("article")).toHaveLength(2);
    expect(screen.queryByText("Loading datasets…")).toBeNull();
  });

  it("says so when the catalogue cannot be loaded", async () => {
    const pane = fakePane();
    pane.catalog.next = () => Promise.reject(new Error("chunk failed"));
    render(<App deps={pane.deps} />);
    expect(await screen.findByText(/The dataset list could not be loaded/)).toBeTruthy();
    expect(screen.getByText("Details: chunk failed")).toBeTruthy();
  });

  it("lists each dataset as a compact row (title, age, size, Insert) that expands for source, version and licence", async () => {
    await renderPane(fakePane());
    const card = screen.getByRole("article", { name: "LLM comparison" });
    const q = within(card);
    expect(q.getByRole("heading", { name: "LLM comparison" })).toBeTruthy();
    expect(q.getByText("as of 2023-02 (report)")).toBeTruthy();
    expect(q.getByText(/7 rows × 5 cols/)).toBeTruthy();
    expect(q.getByRole("button", { name: "Insert LLM comparison" })).toBeTruthy();
    // Source and the rest only when expanded.
    const disclosure = q.getByRole("button", { name: "Details of LLM comparison" });
    expect(disclosure.getAttribute("aria-expanded")).toBe("false");
    expect(q.queryByText(/^数据来源: 各公司官网, 财通证券研究所/)).toBeNull();
    fireEvent.click(disclosure);
    expect(disclosure.getAttribute("aria-expanded")).toBe("true");
    expect(document.getElementById(disclosure.getAttribute("aria-controls") ?? "")?.hidden).toBe(false);
    expect(q.getByText("大模型参数对比")).toBeTruthy(); // the other language's title
    expect(q.getByText(/^数据来源: 各公司官网, 财通证券研究所/)).toBeTruthy();
    expect(q.getByText("2023.02")).toBeTruthy();
    expect(q.getByText("7 rows × 5 columns")).toBeTruthy();
    expect(q.getByText("llm-comparison")).toBeTruthy();
    const gpu = within(expand("GPU chip specifications"));
    expect(gpu.getByText("NVIDIA datasheets; AMD datasheets")).toBeTruthy();
    expect(gpu.getByText("2 rows × 2 columns")).toBeTruthy();
    expect(screen.getByText("2 of 2 datasets")).toBeTruthy();
  });

  it("searches by id, English title and Chinese title", async () => {
    await renderPane(fakePane());
    const search = screen.getByRole("searchbox", { name: /Search datasets/ });
    const titles = () => screen.queryAllByRole("article").map((a) => a.getAttribute("aria-label"));

    fireEvent.change(search, { target: { value: "芯片" } });
    expect(titles()).toEqual(["GPU chip specifications"]);
    expect(screen.getByText(/^1 of 2 datasets/)).toBeTruthy();

    fireEvent.change(search, { target: { value: "llm-comp" } });
    expect(titles()).toEqual(["LLM comparison"]);

    fireEvent.change(search, { target: { value: "Chip SPEC" } });
    expect(titles()).toEqual(["GPU chip specifications"]);

    fireEvent.change(search, { target: { value: "tpu" } });
    expect(titles()).toEqual([]);
    expect(screen.getByText(/No dataset matches “tpu”/)).toBeTruthy();

    fireEvent.change(search, { target: { value: "" } });
    expect(titles()).toHaveLength(2);
  });

  it("expands a preview of the first 5 rows: percent as %, FLOP in scientific, blanks blank", async () => {
    await renderPane(fakePane());
    const card = within(expand("LLM comparison"));
    const toggle = card.getByRole("button", { name: "Preview LLM comparison" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(card.queryByRole("table")).toBeNull();

    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const table = await card.findByRole("table");
    expect(toggle.getAttribute("aria-controls")).toBe(card.getByRole("region").id);
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((th) => th.textContent);
    expect(headers).toEqual(["Model", "Year", "Parameters", "Training compute", "Share"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(5);
    const cells = rows.map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((td) => td.textContent)
    );
    expect(cells[0]).toEqual(["GPT-3", "2020", "175,000,000,000", "3.14E+23", "0.47%"]);
    expect(cells[1]).toEqual(["Gopher", "2021", "280,000,000,000", "6.31E+23", ""]);
    expect(cells[3]).toEqual(["LaMDA", "2022", "137,000,000,000", "", "50.00%"]);
    expect(within(table).queryByText("SixthRowModel")).toBeNull();
    expect(within(table).getByText("First 5 of 7 rows")).toBeTruthy();

    fireEvent.click(toggle);
    expect(card.queryByRole("table")).toBeNull();
  });

  it("keeps the preview's scroll box reachable by keyboard", async () => {
    await renderPane(fakePane());
    expand("GPU chip specifications");
    fireEvent.click(screen.getByRole("button", { name: "Preview GPU chip specifications" }));
    const region = await screen.findByRole("region", { name: "First 2 of 2 rows" });
    expect(region.tabIndex).toBe(0);
    expect(within(region).getByText("3.12E+14")).toBeTruthy();
  });

  it("says which feed build the list comes from", async () => {
    const pane = fakePane();
    await renderPane(pane);
    expect(pane.catalogCalls).toEqual([DEFAULT_FEED]);
    expect(screen.getByText("From the data feed, built 2023-06-01 08:15 UTC.")).toBeTruthy();
    expect(screen.queryByText(/Offline copy/)).toBeNull();
  });

  it("lists a dataset id this build has never seen, previews it from the feed and inserts it", async () => {
    const pane = fakePane({ datasets: [LLM, HBM] });
    await renderPane(pane);
    const card = within(expand("HBM memory prices"));
    expect(card.getByText("hbm-prices")).toBeTruthy();
    expect(card.getByText("0.1.0")).toBeTruthy();
    expect(card.getByText("CC BY 4.0")).toBeTruthy();
    fireEvent.click(card.getByRole("button", { name: "Preview HBM memory prices" }));
    expect(await card.findByRole("table")).toBeTruthy();
    fireEvent.click(card.getByRole("button", { name: "Insert HBM memory prices" }));
    await waitFor(() => expect(pane.workbook.callsTo("insertDataset")).toHaveLength(1));
    expect(pane.workbook.callsTo("insertDataset")[0].dataset).toBe(HBM);
    // Loaded once for the preview, reused by the insert; from the feed the list came from.
    expect(pane.dataCalls).toEqual([{ source: { origin: "feed", url: DEFAULT_FEED }, id: "hbm-prices" }]);
    await waitFor(() => expect(statusText()).toContain("Inserted HBM memory prices as table hbm_prices"));
  });

  it("finds Epoch AI's tables by searching for Epoch", async () => {
    await renderPane(fakePane({ datasets: [LLM, GPUS, EPOCH] }));
    fireEvent.change(screen.getByRole("searchbox", { name: /Search datasets/ }), { target: { value: "epoch" } });
    expect(screen.getAllByRole("article").map((a) => a.getAttribute("aria-label"))).toEqual(["Epoch AI models"]);
  });

  it("loads a preview once per dataset version, and asks again after a failure", async () => {
    const pane = fakePane();
    const answers: DatasetLoad[] = [
      { ok: false, error: { kind: "http", status: 404, detail: "gpu-specs.json: the server answered 404" } },
      { ok: true, dataset: GPUS },
    ];
    pane.dataset.next = async () => answers.shift() ?? { ok: true, dataset: GPUS };
    await renderPane(pane);
    const card = within(expand("GPU chip specifications"));
    const toggle = card.getByRole("button", { name: "Preview GPU chip specifications" });
    fireEvent.click(toggle);
    expect(await card.findByText("Could not load GPU chip specifications.")).toBeTruthy();
    expect(card.getByText(/\(HTTP 404\)/)).toBeTruthy();
    fireEvent.click(toggle);
    fireEvent.click(toggle);
    expect(await card.findByRole("table")).toBeTruthy();
    fireEvent.click(toggle);
    fireEvent.click(toggle);
    expect(await card.findByRole("table")).toBeTruthy();
    expect(pane.dataCalls.map((c) => c.id)).toEqual(["gpu-specs", "gpu-specs"]);
  });

  it("explains a dataset that could not be loaded for insert, and inserts nothing", async () => {
    const pane = fakePane();
    pane.dataset.next = async () => ({ ok: false, error: { kind: "invalid", detail: "llm-comparison.json: datasets[0].rows[5]: expected 5 cells, got 4" } });
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Insert LLM comparison" }));
    await waitFor(() => expect(alertText()).toContain("Could not insert LLM comparison."));
    expect(alertText()).toContain("datasets[0].rows[5]: expected 5 cells, got 4");
    expect(pane.workbook.callsTo("insertDataset")).toHaveLength(0);
  });

  it("falls back to the bundled copy under a banner with the reason, loads from it, and can try the feed again", async () => {
    const pane = fakePane();
    pane.catalog.next = async () => offlineView([LLM, GPUS]);
    await renderPane(pane);
    expect(screen.getByText(/^Offline copy: the data feed could not be used/)).toBeTruthy();
    expect(screen.getByText("You appear to be offline. Check your connection and try again.")).toBeTruthy();
    expect(screen.getByText("Details: catalog.json: could not reach the feed (Failed to fetch)")).toBeTruthy();
    expect(screen.queryByText(/From the data feed/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Insert GPU chip specifications" }));
    await waitFor(() => expect(pane.workbook.callsTo("insertDataset")).toHaveLength(1));
    expect(pane.dataCalls).toEqual([{ source: { origin: "offline" }, id: "gpu-specs" }]);

    pane.catalog.next = async (url) => ({ source: { origin: "feed", url }, generatedAt: FEED_BUILT, entries: [LLM, GPUS].map(itemOf) });
    fireEvent.click(screen.getByRole("button", { name: "Try the feed again" }));
    expect(await screen.findByText("From the data feed, built 2023-06-01 08:15 UTC.")).toBeTruthy();
    expect(screen.queryByText(/Offline copy/)).toBeNull();
    expect(pane.catalogCalls).toEqual([DEFAULT_FEED, DEFAULT_FEED]);
  });

  it("shows the offline banner in Chinese", async () => {
    const pane = fakePane({ displayLanguage: "zh-CN" });
    pane.catalog.next = async () => offlineView([LLM]);
    await renderPane(pane);
    expect(screen.getByText(/^离线副本：数据源无法使用/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "重新连接数据源" })).toBeTruthy();
  });

  it("shows a report's table as a dated record, never out of date, and flags an Epoch table behind its daily upstream", async () => {
    // On 15 June 2023 both the report's table (2023-02) and the Epoch table (2023-01) are months old: only the Epoch one is flagged.
    await renderPane(fakePane({ datasets: [LLM, EPOCH], now: new Date("2023-06-15T00:00:00Z") }));
    const report = within(screen.getByRole("article", { name: "LLM comparison" })).getByText("as of 2023-02 (report)");
    expect(report.getAttribute("data-age")).toBe("record");
    const row = screen.getByRole("article", { name: "Epoch AI models" });
    const epoch = within(row).getByText(/days behind Epoch AI/);
    expect(epoch.textContent).toBe("as of 2023-01 · 135 days behind Epoch AI");
    expect(epoch.getAttribute("data-age")).toBe("behind");
    // What to do is in its tooltip and details.
    const advice = "Epoch AI publishes daily: this copy is 135 days old. Update the feed (npm run data:update), or check its URL in Settings.";
    expect(epoch.getAttribute("title")).toBe(advice);
    fireEvent.click(within(row).getByRole("button", { name: "Details of Epoch AI models" }));
    expect(within(row).getByText(advice)).toBeTruthy();
    expect(screen.queryByText(/Possibly out of date/)).toBeNull();
  });

  it("says an Epoch table is the add-in's own copy when the feed failed, and a current one is unflagged", async () => {
    const current = { ...EPOCH, asOf: "2023-06-12" };
    const pane = fakePane({ datasets: [current], now: new Date("2023-06-15T00:00:00Z") });
    await renderPane(pane);
    expect(within(screen.getByRole("article", { name: "Epoch AI models" })).getByText("as of 2023-06-12 · Epoch AI, updated daily").getAttribute("data-age")).toBe(
      "current"
    );
    pane.catalog.next = async () => offlineView([current]);
    cleanup();
    await renderPane(pane);
    const offline = within(screen.getByRole("article", { name: "Epoch AI models" })).getByText("as of 2023-06-12 · the add-in's own copy (feed failed)");
    expect(offline.getAttribute("data-age")).toBe("offline");
    expect(offline.getAttribute("title")).toBe("The data feed could not be used, so this is the copy bundled with the add-in; Epoch AI publishes daily.");
  });

  it("reloads the catalogue from a newly saved feed URL", async () => {
    const pane = fakePane();
    await renderPane(pane);
    await openTab("Settings");
    fireEvent.change(screen.getByLabelText(/^Data feed URL/), { target: { value: "https://mirror.example.cn/data/" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(pane.catalogCalls).toEqual([DEFAULT_FEED, "https://mirror.example.cn/data/"]));
    await openTab("Data");
    expect(await screen.findAllByRole("article")).toHaveLength(2);
  });
});
