/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import type { InsertResult } from "../../src/sheet/workbook";
import { WorkbookError } from "../../src/sheet/workbook";
import { LLM, deferred, fakePane } from "./fakes";
import { alertText, renderPane, statusItems, statusText } from "./render";

describe("insert", () => {
  it("inserts into a new sheet with a chart by default, headers in the pane's language, and reports table and sheet", async () => {
    const pane = fakePane();
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Insert LLM comparison" }));
    await waitFor(() => expect(statusText()).toContain("Inserted LLM comparison as table llm_comparison on sheet LLM comparison (A1:E8)."));
    const [call] = pane.workbook.callsTo("insertDataset");
    expect(call.dataset).toBe(LLM);
    expect(call.options).toEqual({ target: "newSheet", chart: true, language: "en" });
    // The new table appears in the refresh list.
    expect(await screen.findByRole("button", { name: "Refresh llm_comparison" })).toBeTruthy();
    expect(alertText()).toBe("");
  });

  it("uses the chosen options: selected cell, no chart (behind Insert options, summed up in a line)", async () => {
    const pane = fakePane();
    await renderPane(pane);
    expect(screen.getByText("Inserts on a new sheet, with its chart")).toBeTruthy();
    expect(screen.queryByRole("radio", { name: "The selected cell" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Insert options" }));
    fireEvent.click(screen.getByRole("radio", { name: "The selected cell" }));
    const chart = screen.getByRole("checkbox", { name: /Include chart/ });
    expect((chart as HTMLInputElement).checked).toBe(true);
    fireEvent.click(chart);
    expect(screen.getByText("Inserts at the selected cell, without a chart")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Insert GPU chip specifications" }));
    await waitFor(() => expect(pane.workbook.callsTo("insertDataset")).toHaveLength(1));
    expect(pane.workbook.callsTo("insertDataset")[0].options).toEqual({ target: "selection", chart: false, language: "en" });
    await waitFor(() => expect(statusText()).toContain("on sheet Sheet1"));
  });

  it("shows progress while inserting and blocks a second insert", async () => {
    const pane = fakePane();
    const pending = deferred<InsertResult>();
    pane.workbook.insertImpl = () => pending.promise;
    await renderPane(pane);
    const button = screen.getByRole("button", { name: "Insert LLM comparison" });
    fireEvent.click(button);
    await waitFor(() => expect(statusText()).toContain("Inserting LLM comparison…"));
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Insert GPU chip specifications" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(button);
    expect(pane.workbook.callsTo("insertDataset")).toHaveLength(1);
    await act(async () => pending.resolve({ tableName: "T1", sheetName: "S1", address: "B2:F9" }));
    await waitFor(() => expect(statusText()).toContain("table T1 on sheet S1"));
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it.each([
    ["noSelection", "Select a cell in a worksheet first, then try again."],
    ["targetNotEmpty", "The cells at the selection are not empty: choose an empty cell or insert on a new sheet."],
    ["sheetNameTaken", "A sheet with this dataset's name already exists."],
    ["tooLarge", "The data is too large to write to the workbook in one go."],
    ["excelRejected", "Excel did not accept the change. Finish editing any cell (press Enter or Esc) and try again."],
  ] as const)("explains a %s failure and what to do", async (code, text) => {
    const pane = fakePane();
    pane.workbook.insertImpl = () => Promise.reject(new WorkbookError(code, "RichApi.Error: InvalidOperation"));
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Insert LLM comparison" }));
    await waitFor(() => expect(alertText()).toContain(text));
    expect(alertText()).toContain("Could not insert LLM comparison.");
    expect(alertText()).toContain("Details: RichApi.Error: InvalidOperation");
    expect(statusText()).toBe("");
  });

  it("explains an unexpected failure, and the result can be dismissed", async () => {
    const pane = fakePane();
    pane.workbook.insertImpl = () => Promise.reject(new TypeError("boom"));
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Insert LLM comparison" }));
    await waitFor(() => expect(alertText()).toContain("Something unexpected went wrong."));
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(alertText()).toBe("");
  });

  it("inserts with Chinese headers when the pane is in Chinese and reports in Chinese", async () => {
    const pane = fakePane({ displayLanguage: "zh-CN" });
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "插入 大模型参数对比" }));
    await waitFor(() => expect(statusText()).toContain("已插入 大模型参数对比：表格 llm_comparison，位于工作表 大模型参数对比（A1:E8）。"));
    expect(pane.workbook.callsTo("insertDataset")[0].options.language).toBe("zh");
  });

  it("explains a workbook error in Chinese", async () => {
    const pane = fakePane({ displayLanguage: "zh-CN" });
    pane.workbook.insertImpl = () => Promise.reject(new WorkbookError("noSelection", "no cell"));
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "插入 大模型参数对比" }));
    await waitFor(() => expect(alertText()).toContain("请先在工作表中选中一个单元格，然后重试。"));
    expect(alertText()).toContain("无法插入 大模型参数对比。");
  });

  it("says which features this Excel could not add and why, in English, and still reports the table", async () => {
    const pane = fakePane();
    pane.workbook.skipped = [
      { feature: "freezePanes", requirement: "ExcelApi 1.7" },
      { feature: "chart", requirement: "ExcelApi 1.7" },
    ];
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Insert LLM comparison" }));
    await waitFor(() => expect(statusText()).toContain("Inserted LLM comparison as table llm_comparison"));
    const items = statusItems();
    expect(items).toEqual([
      "The header rows and columns were not frozen: this Excel does not support ExcelApi 1.7.",
      "The chart was not added: this Excel does not support ExcelApi 1.7.",
    ]);
    expect(statusText()).toContain("Everything else is in place.");
    expect(alertText()).toBe("");
  });

  it("says which features were skipped in Chinese, and lists nothing when none was", async () => {
    const pane = fakePane({ displayLanguage: "zh-CN" });
    pane.workbook.skipped = [{ feature: "chart", requirement: "ExcelApi 1.7" }];
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "插入 大模型参数对比" }));
    await waitFor(() => expect(statusText()).toContain("未添加图表：此版本的 Excel 不支持 ExcelApi 1.7。"));
    expect(statusText()).toContain("其余内容均已完成。");
    fireEvent.click(screen.getByRole("button", { name: "关闭" }));
    pane.workbook.skipped = [];
    fireEvent.click(screen.getByRole("button", { name: "插入 GPU 芯片参数" }));
    await waitFor(() => expect(statusText()).toContain("已插入 GPU 芯片参数"));
    expect(statusItems()).toEqual([]);
    expect(statusText()).not.toContain("其余内容均已完成");
  });
});
