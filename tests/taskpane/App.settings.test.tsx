/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { DEFAULT_FEED, TRACKED_LLM, fakePane } from "./fakes";
import { openTab, renderPane, statusText } from "./render";

function feedInput(): HTMLInputElement {
  return screen.getByLabelText(/^(Data feed URL|数据源地址)/) as HTMLInputElement;
}

describe("language", () => {
  it("starts in Chinese when Office's display language is zh-CN", async () => {
    const { container } = await renderPane(fakePane({ displayLanguage: "zh-CN" }));
    expect(screen.getByRole("heading", { level: 1, name: "AI 算力分析助手" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "数据集" })).toBeTruthy();
    expect(screen.getByRole("article", { name: "大模型参数对比" })).toBeTruthy();
    expect(screen.getAllByText(/7 行 × 5 列/).length).toBeGreaterThan(0);
    expect(screen.getByRole("tab", { name: "数据", selected: true })).toBeTruthy();
    expect(screen.getByRole("button", { name: "中文" }).getAttribute("aria-pressed")).toBe("true");
    expect(container.querySelector("[lang='zh-CN']")).not.toBeNull();
  });

  it("starts in English for en-US and other languages", async () => {
    await renderPane(fakePane({ displayLanguage: "de-DE" }));
    expect(screen.getByRole("heading", { level: 1, name: "AI Compute Analyst" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
  });

  it("switches language in the pane and remembers the choice", async () => {
    const pane = fakePane();
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    expect(screen.getByRole("heading", { level: 1, name: "AI 算力分析助手" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "插入 大模型参数对比" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "模型" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "插入选项" }));
    expect(screen.getByText("列标题将使用中文，与窗格语言一致。")).toBeTruthy();
    expect(pane.settings.writes).toEqual([["language", "zh"]]);

    // The preview's headers follow too.
    fireEvent.click(screen.getByRole("button", { name: "大模型参数对比 的详细信息" }));
    fireEvent.click(screen.getByRole("button", { name: "预览 大模型参数对比" }));
    expect((await screen.findAllByRole("columnheader")).map((th) => th.textContent)).toEqual(["模型", "年份", "参数量", "训练算力", "占比"]);

    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("heading", { level: 1, name: "AI Compute Analyst" })).toBeTruthy();
    expect(pane.settings.language).toBe("en");
  });

  it("prefers the remembered language over Office's", async () => {
    const pane = fakePane({ displayLanguage: "en-US" });
    pane.settings.language = "zh";
    await renderPane(pane);
    expect(screen.getByRole("heading", { level: 1, name: "AI 算力分析助手" })).toBeTruthy();
  });

  it("still switches when the setting cannot be saved", async () => {
    const pane = fakePane();
    pane.settings.failWrites = true;
    await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    expect(screen.getByRole("heading", { level: 1, name: "AI 算力分析助手" })).toBeTruthy();
  });
});

/** The pane, on its Settings tab. */
async function renderSettings(pane: ReturnType<typeof fakePane>): Promise<void> {
  await renderPane(pane);
  await openTab(/^(Settings|设置)$/);
  await screen.findByLabelText(/^(Data feed URL|数据源地址)/);
}

describe("feed URL setting", () => {
  it("uses the add-in's own data/ folder by default", async () => {
    const pane = fakePane();
    pane.workbook.tracked = [TRACKED_LLM];
    await renderSettings(pane);
    expect(screen.getByText(`Current feed: ${DEFAULT_FEED}`)).toBeTruthy();
    await openTab("Data");
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(pane.feedCalls).toHaveLength(1));
    expect(pane.feedCalls[0].url).toBe(DEFAULT_FEED);
  });

  it("refuses http:// and does not remember it", async () => {
    const pane = fakePane();
    await renderSettings(pane);
    fireEvent.change(feedInput(), { target: { value: "http://feeds.example.com/data/" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText(/The feed URL must start with https:\/\//)).toBeTruthy();
    expect(feedInput().getAttribute("aria-invalid")).toBe("true");
    expect(pane.settings.writes.filter(([key]) => key === "feedUrl")).toEqual([]);
    expect(screen.getByText(`Current feed: ${DEFAULT_FEED}`)).toBeTruthy();
  });

  it("refuses something that is not a web address, in Chinese too", async () => {
    const pane = fakePane({ displayLanguage: "zh-CN" });
    await renderSettings(pane);
    fireEvent.change(feedInput(), { target: { value: "feeds.example.com" } });
    fireEvent.click(screen.getByRole("button", { name: "保存" }));
    expect(await screen.findByText(/请输入完整的网址/)).toBeTruthy();
    fireEvent.change(feedInput(), { target: { value: "http://feeds.example.com/" } });
    fireEvent.submit(feedInput().closest("form") as HTMLFormElement);
    expect(await screen.findByText(/数据源地址必须以 https:\/\/ 开头/)).toBeTruthy();
    expect(pane.settings.writes.filter(([key]) => key === "feedUrl")).toEqual([]);
  });

  it("accepts an https URL, remembers it and refreshes from it", async () => {
    const pane = fakePane();
    pane.workbook.tracked = [TRACKED_LLM];
    await renderSettings(pane);
    fireEvent.change(feedInput(), { target: { value: " https://feeds.example.com/ai/ " } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(pane.settings.feedUrl).toBe("https://feeds.example.com/ai/"));
    expect(await screen.findByText(/Feed URL saved/)).toBeTruthy();
    expect(screen.getByText("Current feed: https://feeds.example.com/ai/")).toBeTruthy();

    await openTab("Data");
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(pane.feedCalls).toHaveLength(1));
    expect(pane.feedCalls[0]).toEqual({ url: "https://feeds.example.com/ai/", ids: ["llm-comparison"] });
    await waitFor(() => expect(statusText()).toContain("No tables were refreshed."));
  });

  it("starts from a remembered URL and can go back to the default", async () => {
    const pane = fakePane();
    pane.settings.feedUrl = "https://mirror.example.cn/data/";
    await renderSettings(pane);
    expect(feedInput().value).toBe("https://mirror.example.cn/data/");
    fireEvent.click(screen.getByRole("button", { name: "Use default" }));
    await waitFor(() => expect(pane.settings.feedUrl).toBeNull());
    expect(feedInput().value).toBe("");
    expect(screen.getByText(`Current feed: ${DEFAULT_FEED}`)).toBeTruthy();
    expect(await screen.findByText(/Using the add-in's own feed again/)).toBeTruthy();
  });

  it("says when the URL could not be remembered but uses it for this session", async () => {
    const pane = fakePane();
    pane.settings.failWrites = true;
    await renderSettings(pane);
    fireEvent.change(feedInput(), { target: { value: "https://feeds.example.com/" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText(/The setting could not be saved/)).toBeTruthy();
    expect(screen.getByText("Current feed: https://feeds.example.com/")).toBeTruthy();
  });
});
