/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { Dataset } from "../../src/data/types";
import type { InsertResult } from "../../src/sheet/workbook";
import { WorkbookError } from "../../src/sheet/workbook";
import { EPOCH, MODELS, deferred, fakePane } from "./fakes";
import { alertText, openModels, openTab, renderPane as renderData, statusItems, statusText } from "./render";
import type { FakePane } from "./fakes";

/** The pane on its Models tab (a chunk loaded when first opened). */
async function renderPane(pane: FakePane) {
  const result = await renderData(pane);
  await openModels();
  return result;
}

const EN_TITLES = ["Training compute", "Inference demand", "China compute balance", "Relative performance", "Compute trend"];
const ZH_TITLES = ["大模型训练算力测算", "推理算力需求测算", "中国智能算力供需测算", "指数相对涨跌幅跟踪", "训练算力增长趋势"];

function modelsSection(): HTMLElement {
  return screen.getByRole("region", { name: /^(Models|分析模型)$/ });
}

describe("models: the list", () => {
  it("lists the five templates with title, description and a Build button named after each, in English", async () => {
    await renderPane(fakePane());
    const section = within(modelsSection());
    expect(section.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(EN_TITLES);
    for (const model of MODELS) expect(section.getByText(model.description.en)).toBeTruthy();
    expect(section.getAllByRole("button", { name: /^Build / }).map((b) => b.getAttribute("aria-label"))).toEqual(EN_TITLES.map((t) => `Build ${t}`));
    expect(section.getAllByRole("button", { name: /^Build / }).map((b) => b.textContent)).toEqual(EN_TITLES.map(() => "Build"));
    // Only the template that needs Epoch AI's table says so.
    expect(section.getAllByText("Loads the epoch-models dataset first.")).toHaveLength(1);
    const trend = section.getByRole("heading", { name: "Compute trend" }).closest("li") as HTMLElement;
    expect(within(trend).getByText("Loads the epoch-models dataset first.")).toBeTruthy();
    expect(section.getByText("Each model goes onto a new sheet, in English, the pane's language.")).toBeTruthy();
  });

  it("offers AI functions (default) or portable formulas, with a one-line explanation of the choice", async () => {
    await renderPane(fakePane());
    const section = within(modelsSection());
    const ai = section.getByRole("radio", { name: "AI functions" }) as HTMLInputElement;
    const portable = section.getByRole("radio", { name: "Portable: native Excel only" }) as HTMLInputElement;
    expect(ai.checked).toBe(true);
    expect(portable.checked).toBe(false);
    expect(section.getByRole("radiogroup", { name: "Formulas" })).toBeTruthy();
    expect(section.getByText(/Formulas call the add-in's AI\.\* functions/)).toBeTruthy();
    fireEvent.click(portable);
    expect(portable.checked).toBe(true);
    expect(section.getByText("Only native Excel formulas: a colleague without the add-in still sees live numbers.")).toBeTruthy();
    expect(section.queryByText(/Formulas call the add-in's AI\.\* functions/)).toBeNull();
  });

  it("is in Chinese when the pane is, and follows a language switch", async () => {
    await renderPane(fakePane({ displayLanguage: "zh-CN" }));
    let section = within(modelsSection());
    expect(section.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(ZH_TITLES);
    for (const model of MODELS) expect(section.getByText(model.description.zh)).toBeTruthy();
    expect(section.getByRole("button", { name: "生成 大模型训练算力测算" }).textContent).toBe("生成");
    expect(section.getByRole("radio", { name: "AI 函数" })).toBeTruthy();
    expect(section.getByRole("radio", { name: "通用：仅用 Excel 原生公式" })).toBeTruthy();
    expect(section.getByText("将先加载 epoch-models 数据集。")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    section = within(modelsSection());
    expect(section.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(EN_TITLES);
  });

  it("says so when the list cannot be loaded, and the rest of the pane still works", async () => {
    const pane = fakePane();
    pane.models.next = () => Promise.reject(new Error("chunk failed"));
    render(<App deps={pane.deps} />);
    await screen.findAllByRole("article");
    fireEvent.click(screen.getByRole("tab", { name: "Models" }));
    expect(await screen.findByText("The list of models could not be loaded. Close and reopen the pane.")).toBeTruthy();
    expect(within(modelsSection()).getByText("Details: chunk failed")).toBeTruthy();
    await openTab("Data");
    fireEvent.click(screen.getByRole("button", { name: "Insert LLM comparison" }));
    await waitFor(() => expect(statusText()).toContain("Inserted LLM comparison"));
  });

  it("keeps a 320 px pane from scrolling sideways: entries shrink and long text wraps", async () => {
    await renderPane(fakePane());
    const item = within(modelsSection()).getByRole("heading", { name: "China compute balance" }).closest("li") as HTMLElement;
    expect(getComputedStyle(item).minWidth).toBe("0");
    const description = within(item).getByText(MODELS[2].description.en);
    expect(getComputedStyle(description).overflowWrap).toBe("anywhere");
  });
});

describe("models: building", () => {
  it("builds a template on a new sheet in the pane's language and the chosen mode, and reports the sheet", async () => {
    const pane = fakePane();
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Build Training compute" }));
    await waitFor(() => expect(statusText()).toContain("Built Training compute on sheet Training compute (A1:B2)."));
    expect(pane.modelCalls).toEqual([{ id: "training-compute", options: { language: "en", mode: "ai" }, data: new Map() }]);
    expect(pane.datasetLoads).toEqual([]);
    // It went through the workbook port, which chose the sheet name from the workbook's names.
    const [call] = pane.workbook.callsTo("insertModel");
    expect(call.build(["Sheet1", "Training compute"]).target).toEqual({ kind: "newSheet", name: "Training compute (2)" });
    expect(alertText()).toBe("");

    // Portable, and a second copy gets its own sheet.
    fireEvent.click(screen.getByRole("radio", { name: "Portable: native Excel only" }));
    fireEvent.click(screen.getByRole("button", { name: "Build Training compute" }));
    await waitFor(() => expect(statusText()).toContain("on sheet Training compute (2)"));
    expect(pane.modelCalls[1].options).toEqual({ language: "en", mode: "portable" });
    expect(pane.workbook.sheetNames).toEqual(["Sheet1", "Training compute", "Training compute (2)"]);
  });

  it("builds in Chinese and reports in Chinese", async () => {
    const pane = fakePane({ displayLanguage: "zh-CN" });
    await renderPane(pane);
    fireEvent.click(screen.getByRole("radio", { name: "通用：仅用 Excel 原生公式" }));
    fireEvent.click(screen.getByRole("button", { name: "生成 推理算力需求测算" }));
    await waitFor(() => expect(statusText()).toContain("已生成 推理算力需求测算：位于工作表 推理算力需求测算（A1:B2）。"));
    expect(pane.modelCalls[0]).toMatchObject({ id: "inference-demand", options: { language: "zh", mode: "portable" } });
  });

  it("says which parts of the model this Excel could not add, in both languages", async () => {
    const pane = fakePane();
    pane.workbook.skipped = [
      { feature: "dropDowns", requirement: "ExcelApi 1.8" },
      { feature: "chartAxisFormats", requirement: "ExcelApi 1.8" },
    ];
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Build Training compute" }));
    await waitFor(() => expect(statusText()).toContain("Built Training compute on sheet Training compute"));
    expect(statusItems()).toEqual([
      "Drop-down lists were not added: this Excel does not support ExcelApi 1.8.",
      "The chart's axes keep Excel's default number format: this Excel does not support ExcelApi 1.8.",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    await waitFor(() => expect(statusText()).toContain("未添加下拉列表：此版本的 Excel 不支持 ExcelApi 1.8。"));
    expect(statusText()).toContain("图表坐标轴保留 Excel 默认的数字格式：此版本的 Excel 不支持 ExcelApi 1.8。");
  });

  it("loads epoch-models first for the template that requires it (once), and passes it to the build", async () => {
    const pane = fakePane();
    const pending = deferred<Dataset>();
    pane.modelDataset.next = () => pending.promise;
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Build Compute trend" }));
    await waitFor(() => expect(statusText()).toContain("Loading epoch-models for Compute trend…"));
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(pane.modelCalls).toEqual([]);
    await act(async () => pending.resolve(EPOCH));
    await waitFor(() => expect(statusText()).toContain("Built Compute trend on sheet Compute trend"));
    expect(pane.datasetLoads).toEqual(["epoch-models"]);
    expect(pane.modelCalls[0].data).toEqual(new Map([["epoch-models", EPOCH]]));
    // Loaded once per pane.
    fireEvent.click(screen.getByRole("button", { name: "Build Compute trend" }));
    await waitFor(() => expect(pane.modelCalls).toHaveLength(2));
    expect(pane.datasetLoads).toEqual(["epoch-models"]);
    expect(pane.modelCalls[1].data.get("epoch-models")).toBe(EPOCH);
  });

  it("shows progress while building and blocks other actions", async () => {
    const pane = fakePane();
    const pending = deferred<InsertResult>();
    pane.workbook.modelImpl = () => pending.promise;
    await renderPane(pane);
    const button = screen.getByRole("button", { name: "Build Training compute" });
    fireEvent.click(button);
    await waitFor(() => expect(statusText()).toContain("Building Training compute…"));
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Build Inference demand" }) as HTMLButtonElement).disabled).toBe(true);
    // The Data tab's buttons too (hidden behind its tab, still disabled).
    expect((screen.getByRole("button", { name: "Insert LLM comparison", hidden: true }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(button);
    expect(pane.modelCalls).toHaveLength(1);
    await act(async () => pending.resolve({ tableName: "", sheetName: "Training compute", address: "A1:K40" }));
    await waitFor(() => expect(statusText()).toContain("Built Training compute on sheet Training compute (A1:K40)."));
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect((screen.getByRole("button", { name: "Build Inference demand" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it.each([
    ["excelRejected", "Excel did not accept the change. Finish editing any cell (press Enter or Esc) and try again."],
    ["tooLarge", "The data is too large to write to the workbook in one go."],
  ] as const)("explains a %s failure with the workbook's error messages", async (code, text) => {
    const pane = fakePane();
    pane.workbook.modelImpl = () => Promise.reject(new WorkbookError(code, "RichApi.Error: InvalidArgument"));
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Build Relative performance" }));
    await waitFor(() => expect(alertText()).toContain(text));
    expect(alertText()).toContain("Could not build Relative performance.");
    expect(alertText()).toContain("Details: RichApi.Error: InvalidArgument");
    expect(statusText()).toBe("");
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(alertText()).toBe("");
  });

  it("explains a failure in Chinese", async () => {
    const pane = fakePane({ displayLanguage: "zh-CN" });
    pane.workbook.modelImpl = () => Promise.reject(new WorkbookError("excelRejected", "boom"));
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "生成 中国智能算力供需测算" }));
    await waitFor(() => expect(alertText()).toContain("无法生成 中国智能算力供需测算。"));
    expect(alertText()).toContain("Excel 未接受此更改。");
  });

  it("a dataset that cannot be loaded stops the build before the workbook is touched", async () => {
    const pane = fakePane();
    pane.modelDataset.next = () => Promise.reject(new TypeError("Failed to fetch dynamically imported module"));
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "Build Compute trend" }));
    await waitFor(() => expect(alertText()).toContain("Could not build Compute trend."));
    expect(alertText()).toContain("Something unexpected went wrong.");
    expect(alertText()).toContain("Failed to fetch dynamically imported module");
    expect(pane.modelCalls).toEqual([]);
    expect(pane.workbook.callsTo("insertModel")).toEqual([]);
    // Nothing was cached: the next attempt loads again.
    pane.modelDataset.next = async () => EPOCH;
    fireEvent.click(screen.getByRole("button", { name: "Build Compute trend" }));
    await waitFor(() => expect(statusText()).toContain("Built Compute trend"));
    expect(pane.datasetLoads).toEqual(["epoch-models", "epoch-models"]);
  });
});
