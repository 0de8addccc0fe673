/** @jest-environment jsdom */
/**
 * The Functions tab (issue 20, items 3 and 4) on the workbench's real workbook (HyperFormula,
 * the AI functions registered): "Explain this cell" follows the selection (a nested formula, a
 * spilled element, an error, a value), the builder searches, takes the selection and a picked
 * chip, computes live and inserts; both languages; a workbook without the optional methods.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import FunctionsTab from "../../src/taskpane/functions/FunctionsTab";
import { checkMetadata, type FunctionsServices } from "../../src/taskpane/functions/services";
import { MAX_SHOWN } from "../../src/taskpane/functions/NamePicker";
import { I18nProvider, makeI18n } from "../../src/taskpane/i18n-context";
import { HfWorkbook } from "../../src/workbench/hf-workbook";
import { generateMetadataFiles } from "../../scripts/metadata-lock";
import { clearEpochCache, setEpochDataset } from "../../src/data/epoch-cache";
import { epochModels } from "../../src/data/datasets/epoch-models";
import { epochAccelerators } from "../../src/data/datasets/epoch-accelerators";
import type { Metadata } from "../../src/functions/localize";
import type { Language, WorkbookPort } from "../../src/sheet/workbook";
import { fakePane } from "./fakes";

let metadata: Metadata;
beforeAll(async () => {
  // The functions.json the build writes, generated from the same JSDoc.
  metadata = checkMetadata(JSON.parse((await generateMetadataFiles())["functions.json"]));
}, 60_000);
afterEach(() => clearEpochCache());

const HELP = "https://addin.example.com/app/help.html";

function services(): FunctionsServices {
  return {
    loadMetadata: async () => metadata,
    loadEpoch: async () => {
      setEpochDataset(epochModels);
      setEpochDataset(epochAccelerators);
      return null;
    },
    helpUrl: HELP,
  };
}

function book(): HfWorkbook {
  const b = new HfWorkbook();
  const s = b.activeSheet;
  b.input(s, 0, 0, "1e9");
  b.input(s, 1, 0, "2e9");
  b.input(s, 2, 0, "3e9");
  b.input(s, 0, 2, "3.14e23");
  b.input(s, 0, 3, '=AI.TRAINDAYS(AI.TRAINFLOPS(175e9,300e9),1024,AI.CHIP("A100"))');
  b.input(s, 0, 5, "=AI.TRAINFLOPS(A1:A3, 300e9)");
  b.input(s, 0, 7, "=AI.TRAINDAYS(1e23, 0, 312e12)");
  return b;
}

/** Renders the tab and lets its loads (metadata, Epoch AI's tables, the active cell) settle. */
async function renderTab(workbook: WorkbookPort, language: Language = "en") {
  const deps = { ...fakePane().deps, workbook };
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider value={makeI18n(language)}>
        <FunctionsTab deps={deps} services={services()} />
      </I18nProvider>
    </FluentProvider>
  );
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return result;
}

const explainRegion = () => screen.getByRole("region", { name: /^(Explain this cell|解释此单元格)$/ });
const builderRegion = () => screen.getByRole("region", { name: /^(Function builder|函数向导)$/ });

/** Selects a cell of the workbook as the grid would (the tab follows the selection event). */
function select(b: HfWorkbook, row: number, col: number) {
  act(() => b.select(b.activeSheet, row, col));
}

describe("Explain this cell", () => {
  it("explains a nested formula step by step, with numbers and the chip's datasheet, and follows the selection", async () => {
    const b = book();
    b.select(b.activeSheet, 0, 3);
    await renderTab(b);
    const region = explainRegion();
    await within(region).findByText("Step 3: Days to train");
    expect(within(region).getByText("Step 1: Training compute")).toBeTruthy();
    expect(within(region).getByText("1.75E+11 parameters × 3.00E+11 tokens × 6 FLOP per parameter per token = 3.15E+23 FLOP")).toBeTruthy();
    const days = (175e9 * 300e9 * 6) / (1024 * 312e12 * 0.3) / 86400;
    expect(
      within(region).getByText(`3.15E+23 FLOP ÷ (1,024 chips × 3.12E+14 FLOP/s × 30% utilization) ÷ 86,400 s a day = ${days.toFixed(2)} days`)
    ).toBeTruthy();
    const link = within(region).getByRole("link", { name: /NVIDIA A100 SXM: NVIDIA A100 datasheet/ });
    expect(link.getAttribute("href")).toMatch(/^https:\/\/www\.nvidia\.com\//);
    expect(region.textContent).not.toMatch(/The cell shows/);

    select(b, 0, 2);
    await within(region).findByText(/C1 holds a value, not a formula/);
    select(b, 9, 9);
    await within(region).findByText(/J10 is empty/);
  });

  it("explains the element of a spilled result under the selection", async () => {
    const b = book();
    b.select(b.activeSheet, 2, 5);
    await renderTab(b);
    const region = explainRegion();
    await within(region).findByText("Cell Sheet1!F3: row 3, column 1 of the result of F1");
    await within(region).findByText("Element at row 3, column 1 of a 3 × 1 result.");
    const args = within(region).getByRole("list", { name: "Arguments" });
    expect(within(args).getAllByRole("listitem")[0].textContent).toBe("params: 3.00E+09 parameters (from A3)");
    expect(3e9 * 300e9 * 6).toBe(5.4e21);
    expect(within(region).getByText("= 5.4E+21")).toBeTruthy();
  });

  it("says which argument an error is in, and why, in the runner's words", async () => {
    const b = book();
    b.select(b.activeSheet, 0, 7);
    await renderTab(b);
    await within(explainRegion()).findByText("#VALUE! in chips: chips must be greater than 0, got 0");
  });

  it("in Chinese", async () => {
    const b = book();
    b.select(b.activeSheet, 0, 3);
    await renderTab(b, "zh");
    const region = await screen.findByRole("region", { name: "解释此单元格" });
    await within(region).findByText("第 3 步:训练天数");
    expect(region.textContent).toMatch(/1,024 颗芯片 × 3\.12E\+14 FLOP\/s × 利用率 30%/);
    expect(region.textContent).toMatch(/来源|NVIDIA A100 datasheet/);
  });
});

describe("the function builder", () => {
  it("builds =AI.TRAINDAYS from the selection, a typed number and a chip picked from the list, computes it live and inserts it", async () => {
    const b = book();
    b.select(b.activeSheet, 0, 2); // C1 holds 3.14e23 FLOP
    await renderTab(b);
    const region = builderRegion();
    const search = within(region).getByRole("combobox", { name: "Search functions" });
    fireEvent.change(search, { target: { value: "days to train" } });
    fireEvent.keyDown(search, { key: "Enter" });
    await within(region).findByText("AI.TRAINDAYS(flop, chips, peak_flops_per_chip, [utilization=0.3])");
    // The English description comes from functions.json.
    expect(within(region).getByText(/^Wall-clock days to train/)).toBeTruthy();

    fireEvent.click(within(region).getByRole("button", { name: "Use the selected range for flop" }));
    await waitFor(() => expect((within(region).getByRole("textbox", { name: /^flop/ }) as HTMLInputElement).value).toBe("C1"));
    fireEvent.change(within(region).getByRole("textbox", { name: /^chips/ }), { target: { value: "1024" } });

    fireEvent.click(within(region).getByRole("button", { name: "Pick a chip for peak_flops_per_chip" }));
    const picker = await within(region).findByRole("group", { name: "Pick a chip for peak_flops_per_chip" });
    const names = within(picker).getByRole("combobox");
    expect(names.getAttribute("aria-label")).toMatch(/^Search \d{3} names$/);
    fireEvent.change(names, { target: { value: "a100" } });
    expect(within(picker).getAllByRole("option")[0].textContent).toMatch(/^NVIDIA A100 SXM/);
    fireEvent.keyDown(names, { key: "Enter" });
    await waitFor(() =>
      expect((within(region).getByRole("textbox", { name: /^peak_flops_per_chip/ }) as HTMLInputElement).value).toBe('=AI.CHIP("NVIDIA A100 SXM")')
    );

    const formula = '=AI.TRAINDAYS(C1,1024,AI.CHIP("NVIDIA A100 SXM"))';
    expect(within(region).getByLabelText("Formula").textContent).toBe(formula);
    const days = 3.14e23 / (1024 * 312e12 * 0.3) / 86400;
    await within(region).findByText(`Result: ${days.toPrecision(10)}`);

    select(b, 4, 4); // E5: where the formula goes
    const insert = await within(region).findByRole("button", { name: "Insert into E5" });
    fireEvent.click(insert);
    await within(region).findByText(`Inserted ${formula} into Sheet1!E5; it shows ${days.toPrecision(10)}.`);
    expect(b.editText(b.activeSheet, 4, 4)).toBe(formula);
    expect(b.cellView(b.activeSheet, 4, 4).value).toBeCloseTo(days, 10);
    // And "Explain this cell" now explains it.
    await within(explainRegion()).findByText("Step 2: Days to train");
  });

  it("shows an error as the cell would, naming the argument, and qualifies a selection taken on another sheet", async () => {
    const b = book();
    const other = b.hf.getSheetId(b.hf.addSheet("Inputs")) as number;
    b.input(other, 1, 1, "8.64e19");
    await renderTab(b);
    const region = builderRegion();
    const search = within(region).getByRole("combobox", { name: "Search functions" });
    fireEvent.change(search, { target: { value: "pfdays" } });
    fireEvent.click(within(region).getByRole("option", { name: /^AI\.PFDAYS/ }));
    act(() => b.select(other, 1, 1));
    fireEvent.click(await within(region).findByRole("button", { name: "Use the selected range for flop" }));
    await waitFor(() => expect((within(region).getByRole("textbox", { name: /^flop/ }) as HTMLInputElement).value).toBe("B2"));
    await within(region).findByText("Result: 1");
    act(() => b.select(b.activeSheet === other ? 0 : b.activeSheet, 0, 0));
    act(() => b.select(b.findSheet("Sheet1") as number, 5, 0));
    await waitFor(() => expect(within(region).getByLabelText("Formula").textContent).toBe("=AI.PFDAYS(Inputs!B2)"));

    fireEvent.change(within(region).getByRole("textbox", { name: /^flop/ }), { target: { value: "-1" } });
    await within(region).findByText("#VALUE! in flop: flop must be at least 0, got -1");
  });

  it("searches in Chinese, keyboard first: ↓ and Enter choose a function", async () => {
    await renderTab(book(), "zh");
    const region = await screen.findByRole("region", { name: "函数向导" });
    const search = within(region).getByRole("combobox", { name: "搜索函数" });
    fireEvent.change(search, { target: { value: "天数" } });
    const options = within(region).getAllByRole("option");
    expect(options.map((o) => o.textContent?.split(/[^A-Z.]/)[0] ?? "")).toEqual(["AI.TRAINDAYS", "AI.CHIPSNEEDED"]);
    fireEvent.keyDown(search, { key: "ArrowDown" });
    expect(search.getAttribute("aria-activedescendant")).toBe(options[1].id);
    fireEvent.keyDown(search, { key: "Enter" });
    await within(region).findByText(/^在给定天数内完成训练所需的芯片数/);
    expect(within(region).getByRole("button", { name: "插入到 A1" })).toBeTruthy();
  });

  it("renders at most 50 names of ≈1,900 models, and says how many match", async () => {
    await renderTab(book());
    const region = builderRegion();
    fireEvent.change(within(region).getByRole("combobox", { name: "Search functions" }), { target: { value: "AI.MODEL" } });
    fireEvent.keyDown(within(region).getByRole("combobox", { name: "Search functions" }), { key: "Enter" });
    fireEvent.click(await within(region).findByRole("button", { name: "Pick a model for name" }));
    const picker = await within(region).findByRole("group", { name: "Pick a model for name" });
    expect(within(picker).getAllByRole("option")).toHaveLength(MAX_SHOWN);
    expect(picker.textContent).toMatch(/Showing 50 of 1,[89]\d\d: type to narrow\./);
    fireEvent.change(within(picker).getByRole("combobox"), { target: { value: "悟道" } });
    expect(within(picker).getAllByRole("option")[0].textContent).toMatch(/^Wu Dao 2\.0/);
    fireEvent.click(within(picker).getAllByRole("option")[0]);
    await waitFor(() => expect((within(region).getByRole("textbox", { name: /^name/ }) as HTMLInputElement).value).toBe("Wu Dao 2.0"));
    expect(within(region).getByLabelText("Formula").textContent).toBe('=AI.MODEL("Wu Dao 2.0")');
  });

  it("links to the full reference", async () => {
    await renderTab(book());
    expect(screen.getByRole("link", { name: "Full function reference" }).getAttribute("href")).toBe(HELP);
  });
});

describe("a workbook without the optional methods", () => {
  it("says there is nothing to explain and that it cannot insert; the builder still computes", async () => {
    const pane = fakePane();
    await renderTab(pane.deps.workbook);
    expect(within(explainRegion()).getByText(/cannot tell the pane which cell is selected/)).toBeTruthy();
    const region = builderRegion();
    fireEvent.change(within(region).getByRole("combobox", { name: "Search functions" }), { target: { value: "pfdays" } });
    fireEvent.keyDown(within(region).getByRole("combobox", { name: "Search functions" }), { key: "Enter" });
    fireEvent.change(await within(region).findByRole("textbox", { name: /^flop/ }), { target: { value: "8.64e19" } });
    await within(region).findByText("Result: 1");
    expect(within(region).queryByRole("button", { name: /Use the selected range/ })).toBeNull();
    expect((within(region).getByRole("button", { name: "Insert into the active cell" }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(region).getByText("This workbook cannot take a formula from the pane.")).toBeTruthy();
  });
});
