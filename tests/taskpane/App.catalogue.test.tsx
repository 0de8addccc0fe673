/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { GPUS, LLM, fakePane, deferred } from "./fakes";
import type { Dataset } from "../../src/data/types";
import { renderPane } from "./render";

describe("catalogue", () => {
  it("shows a loading state until the datasets and tables arrive", async () => {
    const pane = fakePane();
    const pending = deferred<readonly Dataset[]>();
    pane.datasets.next = () => pending.promise;
    render(<App deps={pane.deps} />);
    expect(screen.getByText("Loading datasets…")).toBeTruthy();
    expect(screen.queryAllByRole("article")).toHaveLength(0);
    pending.resolve([LLM, GPUS]);
    expect(await screen.findAllByRole("article")).toHaveLength(2);
    expect(screen.queryByText("Loading datasets…")).toBeNull();
  });

  it("says so when the catalogue cannot be loaded", async () => {
    const pane = fakePane();
    pane.datasets.next = () => Promise.reject(new Error("chunk failed"));
    render(<App deps={pane.deps} />);
    expect(await screen.findByText(/The dataset list could not be loaded/)).toBeTruthy();
    expect(screen.getByText("Details: chunk failed")).toBeTruthy();
  });

  it("lists each dataset with title, source, version and size", async () => {
    await renderPane(fakePane());
    const card = screen.getByRole("article", { name: "LLM comparison" });
    const q = within(card);
    expect(q.getByRole("heading", { name: "LLM comparison" })).toBeTruthy();
    expect(q.getByText("大模型参数对比")).toBeTruthy(); // the other language's title
    expect(q.getByText("数据来源: 各公司官网, 财通证券研究所")).toBeTruthy();
    expect(q.getByText("2023.02")).toBeTruthy();
    expect(q.getByText("7 rows × 5 columns")).toBeTruthy();
    expect(q.getByText("llm-comparison")).toBeTruthy();
    const gpu = within(screen.getByRole("article", { name: "GPU chip specifications" }));
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
    expect(screen.getByText("1 of 2 datasets")).toBeTruthy();

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
    const card = within(screen.getByRole("article", { name: "LLM comparison" }));
    const toggle = card.getByRole("button", { name: "Preview LLM comparison" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(card.queryByRole("table")).toBeNull();

    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const table = card.getByRole("table");
    expect(toggle.getAttribute("aria-controls")).toBe(card.getByRole("region").id);
    const headers = within(table).getAllByRole("columnheader").map((th) => th.textContent);
    expect(headers).toEqual(["Model", "Year", "Parameters", "Training compute", "Share"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(5);
    const cells = rows.map((row) => within(row).getAllByRole("cell").map((td) => td.textContent));
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
    fireEvent.click(screen.getByRole("button", { name: "Preview GPU chip specifications" }));
    const region = screen.getByRole("region", { name: "First 2 of 2 rows" });
    expect(region.tabIndex).toBe(0);
    expect(within(region).getByText("3.12E+14")).toBeTruthy();
  });
});
