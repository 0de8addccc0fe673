/** @jest-environment jsdom */
/**
 * "Paste a table" (issue 22) in the pane: paste the report's 图8 as extracted, read it, review
 * the grid's types, units and flags, accept 悟道 2.0's flag, change a column's type or unit,
 * insert through the workbook port, and the failures: text that is no table, a workbook that
 * refuses. Both languages; every control has an accessible name.
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import PasteTable from "../../src/taskpane/data/PasteTable";
import { PASTE_MESSAGES } from "../../src/taskpane/data/paste-i18n";
import { placeholders } from "../../src/taskpane/i18n";
import { I18nProvider, makeI18n } from "../../src/taskpane/i18n-context";
import type { Language } from "../../src/sheet/workbook";
import { WorkbookError } from "../../src/sheet/workbook";
import { fakePane } from "./fakes";

const FIG8 = readFileSync(join(__dirname, "../import/fixtures/fig8.txt"), "utf8");

function renderPaste(language: Language = "en") {
  const pane = fakePane();
  const onInserted = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider value={makeI18n(language)}>
        <PasteTable deps={pane.deps} onInserted={onInserted} />
      </I18nProvider>
    </FluentProvider>
  );
  return { pane, onInserted };
}

function paste(text: string, language: Language = "en") {
  fireEvent.change(screen.getByLabelText(language === "en" ? "Text copied from a report" : "从报告中复制的文本"), { target: { value: text } });
  fireEvent.click(screen.getByText(language === "en" ? "Read the table" : "读取表格").closest("button") as HTMLButtonElement);
}

// The grid is large: queries by label and selector keep jsdom fast (role queries compute every node's accessible name).
const grid = (language: Language = "en") =>
  screen.getByLabelText(language === "en" ? "Preview of the pasted table" : "粘贴表格的预览").querySelector("table") as HTMLTableElement;
/** The body rows of the grid, as the cells' text (the line number, a row header, left out). */
const bodyRows = () => Array.from(grid().querySelectorAll("tbody tr"), (tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? ""));
const byLabel = <T extends HTMLElement = HTMLElement>(label: string): T => screen.getByLabelText(label) as T;
const button = (text: string) => screen.getByText(text).closest("button") as HTMLButtonElement;
const WUDAO = "Line 19 · 参数 (个): “1.75 万”";

describe("Paste a table", () => {
  it("reads the pasted 图8 into a grid with headers, types and units, and lists what to review", () => {
    renderPaste();
    expect(screen.getByRole("heading", { name: "Paste a table" })).toBeTruthy();
    paste(FIG8);
    expect(screen.getByText("15 rows × 7 columns")).toBeTruthy();
    expect(screen.getByText(/6 to review/)).toBeTruthy();
    const headers = Array.from(grid().querySelectorAll("thead tr:first-child th"), (th) => th.textContent);
    expect(headers).toEqual(["Line", "公司", "模型", "发布时间", "参数 (个)", "预训练数据量", "预训练数据量 qualifier", "模型类型"]);
    expect(Array.from(grid().querySelectorAll("thead th"), (th) => th.getAttribute("scope"))).toEqual([...headers.map(() => "col"), "row", "row"]);
    expect(bodyRows()).toHaveLength(15);
    expect(bodyRows()[7].slice(0, 3)).toEqual(["微软&英伟达", "Megatron-Turing", "2021-10"]);
    expect(byLabel<HTMLSelectElement>("Type of column 参数 (个)").value).toBe("count");
    expect(byLabel<HTMLSelectElement>("Unit of column 预训练数据量").value).toBe("1024");
    expect(screen.getByText("To review (6)").tagName).toBe("H3");
  });

  it("flags 悟道 2.0 with 1.75e12 proposed; accepting it changes the cell", () => {
    renderPaste();
    paste(FIG8);
    const wudao = () => bodyRows()[12];
    expect(wudao()[3]).toBe("⚠ 1.75E+04");
    const accept = byLabel(`Accept: ${WUDAO}`);
    expect(accept.tagName).toBe("BUTTON");
    expect(accept.getAttribute("aria-pressed")).toBe("false");
    expect((accept.closest("li") as HTMLElement).textContent).toContain("Likely “1.75 万亿” = 1.75E+12");
    fireEvent.click(accept);
    expect(wudao()[3]).toBe("1.75E+12");
    expect(byLabel(`Accept: ${WUDAO}`).getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(byLabel(`Reject: ${WUDAO}`));
    expect(wudao()[3]).toBe("⚠ 1.75E+04");
  });

  it("a column's type and unit can be changed: the grid shows the result", () => {
    renderPaste();
    paste(FIG8);
    fireEvent.change(byLabel("Unit of column 预训练数据量"), { target: { value: "1000" } });
    expect(bodyRows()[2][4]).toBe("4.50E+13"); // GPT-3's 45TB with 1TB = 1000GB
    fireEvent.change(byLabel("Unit of column 参数 (个)"), { target: { value: "parameters" } });
    expect(byLabel<HTMLSelectElement>("Unit of column 参数 (个)").value).toBe("parameters");
    fireEvent.change(byLabel("Type of column 参数 (个)"), { target: { value: "text" } });
    expect(bodyRows()[0][3]).toBe("1.17 亿");
    expect(screen.queryByLabelText("Unit of column 参数 (个)")).toBeNull(); // a text column has no unit
  });

  it("inserts the table through the workbook port with the decisions made, then tells the shell", async () => {
    const { pane, onInserted } = renderPaste();
    paste(FIG8);
    fireEvent.click(byLabel(`Accept: ${WUDAO}`));
    await act(async () => fireEvent.click(button("Insert table")));
    const [call] = pane.workbook.callsTo("insertDataset");
    expect(call.options).toEqual({ target: "newSheet", language: "en", chart: false });
    expect(call.dataset).toMatchObject({ id: "pasted-table", origin: "paste", title: { en: "图8.国内外 AI 大模型对比" } });
    expect(call.dataset.rows[12][3]).toBe(1.75e12);
    expect(call.dataset.notes).toContain("line 19, 参数 (个): “1.75 万” → 1.75E+12");
    expect(onInserted).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("status").textContent).toMatch(/^Inserted table pasted_table on sheet/);
  });

  it("inserts at the selected cell when asked", async () => {
    const { pane } = renderPaste();
    paste(FIG8);
    fireEvent.click(byLabel("The selected cell"));
    await act(async () => fireEvent.click(button("Insert table")));
    expect(pane.workbook.callsTo("insertDataset")[0].options.target).toBe("selection");
  });

  it("a workbook that refuses: the reason, in words, and nothing reported inserted", async () => {
    const { pane, onInserted } = renderPaste();
    pane.workbook.insertImpl = async () => {
      throw new WorkbookError("targetNotEmpty", "The cells A1:G18 are not empty");
    };
    paste(FIG8);
    await act(async () => fireEvent.click(button("Insert table")));
    const alert = screen
      .getAllByRole("alert")
      .map((a) => a.textContent)
      .join(" ");
    expect(alert).toMatch(/Could not insert the table\./);
    expect(alert).toMatch(/A1:G18/);
    expect(onInserted).not.toHaveBeenCalled();
  });

  it("text that is no table gets a clear message and no grid", () => {
    renderPaste();
    paste("Just a sentence copied from the report, no table here.");
    expect(screen.getByText("The text could not be read as a table.")).toBeTruthy();
    expect(screen.getByText(/No table found/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByText("Insert table")).toBeNull();
  });

  it("editing the text after reading it asks for a new read before inserting; Clear empties everything", () => {
    renderPaste();
    paste(FIG8);
    fireEvent.change(byLabel("Text copied from a report"), { target: { value: `${FIG8}\n` } });
    expect(button("Insert table").disabled).toBe(true);
    expect(screen.getByText(/read it again before inserting/)).toBeTruthy();
    fireEvent.click(button("Clear"));
    expect(screen.queryByRole("table")).toBeNull();
    expect(byLabel<HTMLTextAreaElement>("Text copied from a report").value).toBe("");
  });

  it("in Chinese: headings, buttons, the flags' reasons and the made-up column names", () => {
    renderPaste("zh");
    expect(screen.getByRole("heading", { name: "粘贴表格" })).toBeTruthy();
    paste(FIG8, "zh");
    expect(screen.getByText("15 行 × 7 列")).toBeTruthy();
    const accept = byLabel("接受：第 19 行 · 参数 (个): “1.75 万”");
    expect((accept.closest("li") as HTMLElement).textContent).toContain("可能应为“1.75 万亿”");
    expect(Array.from(grid("zh").querySelectorAll("thead th"), (th) => th.textContent)).toContain("预训练数据量 限定词");
    expect(button("插入表格")).toBeTruthy();
  });

  it("Accept all takes every open doubt at once", () => {
    renderPaste();
    paste(FIG8);
    fireEvent.click(button("Accept all 6"));
    expect(bodyRows()[0][0]).toBe("OpenAI");
    expect(bodyRows()[12][3]).toBe("1.75E+12");
    expect(screen.getByText(/0 to review/)).toBeTruthy();
  });
});

describe("the feature's strings", () => {
  const enKeys = Object.keys(PASTE_MESSAGES.en).sort();
  it("has every key in both languages, translated, with the same placeholders", () => {
    expect(Object.keys(PASTE_MESSAGES.zh).sort()).toEqual(enKeys);
    for (const key of enKeys) {
      const en = PASTE_MESSAGES.en[key as keyof typeof PASTE_MESSAGES.en];
      const zh = PASTE_MESSAGES.zh[key as keyof typeof PASTE_MESSAGES.zh];
      expect([key, placeholders(zh)]).toEqual([key, placeholders(en)]);
      expect(en.trim()).not.toBe("");
    }
    const untranslated = enKeys.filter((key) => !/[\u4e00-\u9fff]/.test(PASTE_MESSAGES.zh[key as keyof typeof PASTE_MESSAGES.zh]));
    expect(untranslated).toEqual([]);
  });
});
