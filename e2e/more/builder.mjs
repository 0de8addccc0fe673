// Issue 20, items 3 and 4: the Functions tab's function builder and "Explain this cell", in the
// workbench at a 350 px task pane, in English and Chinese. Runs after scenarios.mjs on the same
// page, on a sheet of its own. Screenshots for the README go to assets/screenshots/ only under
// E2E_UPDATE_SCREENSHOTS=1 (as e2e/run.mjs does), else to test-artifacts/e2e/.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assert, cellText, formulaBar, nameBox, openPaneTab, pane, waitFor } from "../scenarios.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHOTS = process.env.E2E_UPDATE_SCREENSHOTS ? path.join(ROOT, "assets", "screenshots") : path.join(ROOT, "test-artifacts", "e2e");
const SHEET = "Functions test";
const PANE_WIDTH = 350;

/** The pane at 350 px, on the Functions tab, with the test sheet shown; the pane must not scroll sideways. */
async function setUp(page) {
  await page.evaluate(
    ({ width, sheet }) => {
      const p = document.getElementById("pane");
      p.style.flex = `0 0 ${width}px`;
      p.style.width = `${width}px`;
      const wb = window.workbench;
      if (wb.findSheet(sheet) === undefined) wb.hf.addSheet(sheet);
      wb.changed();
    },
    { width: PANE_WIDTH, sheet: SHEET }
  );
  await page.getByRole("tab", { name: SHEET, exact: true }).click();
  await openPaneTab(page, /^(Functions|函数)$/);
  const p = await pane(page);
  await p.getByRole("region", { name: /^(Function builder|函数向导)$/ }).waitFor();
  return p;
}

/** A picture of one region of the pane, whole: the viewport is made tall enough for it, then put back. */
async function shoot(page, region, file) {
  const before = page.viewportSize();
  const box = await region.boundingBox();
  await page.setViewportSize({ width: before.width, height: Math.max(before.height, Math.ceil((box?.height ?? 0) + 200)) });
  try {
    await region.scrollIntoViewIfNeeded();
    // Clear of the pane's sticky status line.
    await page.evaluate(() => document.getElementById("pane").scrollBy(0, -48));
    await page.waitForTimeout(300); // Fluent's colour transitions settle
    await region.screenshot({ path: path.join(SHOTS, file) });
  } finally {
    await page.setViewportSize(before);
  }
}

async function noSidewaysScroll(page) {
  const { scroll, client } = await page.evaluate(() => {
    const p = document.getElementById("pane");
    return { scroll: p.scrollWidth, client: p.clientWidth };
  });
  assert(scroll <= client + 1, `the pane scrolls sideways at ${PANE_WIDTH} px: ${scroll} px of content in ${client} px`);
}

/** What the Formula bar shows for a cell. */
async function formulaOf(page, address) {
  await nameBox(page, address);
  return page.getByRole("textbox", { name: "Formula bar", exact: true }).inputValue();
}

/** Builds =AI.TRAINDAYS(<selection>, chips, AI.CHIP(<picked>)) in the builder and inserts it at `target`. */
async function buildTrainDays(page, p, { language, query, flopCell, chips, chipQuery, chipLabel, target }) {
  const zh = language === "zh";
  const builder = p.getByRole("region", { name: zh ? "函数向导" : "Function builder" });
  const search = builder.getByRole("combobox", { name: zh ? "搜索函数" : "Search functions" });
  await search.fill(query);
  const first = builder.getByRole("option").first();
  assert(/^AI\.TRAINDAYS/.test((await first.textContent()) ?? ""), `the first function found for “${query}” is ${await first.textContent()}`);
  await search.press("Enter");
  await builder.getByText("AI.TRAINDAYS(flop, chips, peak_flops_per_chip, [utilization=0.3])", { exact: true }).waitFor();

  await nameBox(page, flopCell);
  await builder.getByRole("button", { name: zh ? "将所选区域用作 flop" : "Use the selected range for flop", exact: true }).click();
  const flop = builder.getByRole("textbox", { name: /^flop/ });
  await waitFor(async () => (await flop.inputValue()) === flopCell, `flop takes the selection ${flopCell}`);
  await builder.getByRole("textbox", { name: /^chips/ }).fill(String(chips));

  const pickName = zh ? "选择芯片:peak_flops_per_chip" : "Pick a chip for peak_flops_per_chip";
  await builder.getByRole("button", { name: pickName, exact: true }).click();
  const picker = builder.getByRole("group", { name: pickName, exact: true });
  const names = picker.getByRole("combobox");
  const total = Number(((await names.getAttribute("aria-label")) ?? "").replace(/[^\d]/g, ""));
  assert(total > 200, `the chip picker lists ${total} names`);
  await names.fill(chipQuery);
  const firstName = (await picker.getByRole("option").first().textContent()) ?? "";
  assert(firstName.startsWith(chipLabel), `the first chip for “${chipQuery}” is ${firstName}`);
  await names.press("Enter");
  const peak = builder.getByRole("textbox", { name: /^peak_flops_per_chip/ });
  await waitFor(async () => (await peak.inputValue()) === `=AI.CHIP("${chipLabel}")`, "the picked chip fills peak_flops_per_chip");

  const formula = `=AI.TRAINDAYS(${flopCell},${chips},AI.CHIP("${chipLabel}"))`;
  await waitFor(
    async () =>
      (await builder
        .getByLabel(zh ? "公式" : "Formula", { exact: true })
        .first()
        .textContent()) === formula,
    `the builder shows ${formula}`
  );
  const live = await waitFor(async () => {
    const m = /(?:Result|结果): ([\d.E+-]+)/.exec((await builder.textContent()) ?? "");
    return m ? m[1] : null;
  }, "the builder computes the result live");

  await nameBox(page, target);
  const insert = builder.getByRole("button", { name: zh ? `插入到 ${target}` : `Insert into ${target}`, exact: true });
  await insert.click();
  await waitFor(async () => ((await builder.getByRole("status").textContent()) ?? "").includes(formula), "the builder reports the insert");
  const shown = await waitFor(async () => (await cellText(page, target)) || null, `${target} shows a value`);
  assert(shown === live, `${target} shows ${shown}, the builder computed ${live}`);
  const bar = await formulaOf(page, target);
  assert(bar === formula, `${target}'s formula is ${bar}, expected ${formula}`);
  return { formula, shown, total };
}

export const SCENARIOS = [
  {
    id: "fn-build",
    slug: "function-builder",
    title:
      "Functions tab at 350 px: build =AI.TRAINDAYS from the selection and a chip picked from the list, insert it: the cell holds the formula and its value",
    timeoutMs: 60_000,
    async run({ page }) {
      const p = await setUp(page);
      await nameBox(page, "B1");
      await formulaBar(page, "3.14e23");
      const r = await buildTrainDays(page, p, {
        language: "en",
        query: "days to train",
        flopCell: "B1",
        chips: 1024,
        chipQuery: "A100",
        chipLabel: "NVIDIA A100 SXM",
        target: "D1",
      });
      const days = 3.14e23 / (1024 * 312e12 * 0.3) / 86400;
      assert(Math.abs(Number(r.shown) - days) <= 1e-8 * days, `D1 shows ${r.shown}, FLOP ÷ (1,024 × 3.12E+14 × 0.3) ÷ 86,400 = ${days}`);
      await noSidewaysScroll(page);
      // The picture: the builder with its arguments filled and the live result, at the pane's width.
      await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
      await shoot(page, p.getByRole("region", { name: "Function builder" }), "function-builder.png");
      return `${r.formula} in D1 shows ${r.shown} (${r.total} chip names in the picker)`;
    },
  },
  {
    id: "fn-explain",
    slug: "explain-this-cell",
    title: "Explain this cell: a nested AI formula step by step, and the element of a spilled result under the selection",
    timeoutMs: 60_000,
    async run({ page }) {
      const p = await setUp(page);
      const explain = p.getByRole("region", { name: "Explain this cell" });
      await nameBox(page, "F1");
      await formulaBar(page, '=AI.TRAINDAYS(AI.TRAINFLOPS(175e9,300e9),1024,AI.CHIP("A100"))');
      await nameBox(page, "F1");
      await explain.getByText("Step 3: Days to train", { exact: true }).waitFor();
      const text = (await explain.textContent()) ?? "";
      const days = (175e9 * 300e9 * 6) / (1024 * 312e12 * 0.3) / 86400;
      for (const part of [
        "Step 1: Training compute",
        "1.75E+11 parameters × 3.00E+11 tokens × 6 FLOP per parameter per token = 3.15E+23 FLOP",
        "Step 2: Chip figure",
        "NVIDIA A100 SXM: NVIDIA A100 datasheet",
        `3.15E+23 FLOP ÷ (1,024 chips × 3.12E+14 FLOP/s × 30% utilization) ÷ 86,400 s a day = ${days.toFixed(2)} days`,
        "flop: 3.15E+23 FLOP (from step 1)",
      ])
        assert(text.includes(part), `the explanation lacks “${part}”: ${text.slice(0, 600)}`);
      const f1 = await cellText(page, "F1");
      assert(Math.abs(Number(f1) - days) <= 1e-8 * days, `F1 shows ${f1}`);
      await shoot(page, explain, "explain-cell.png");

      // A spilled result: the element under the selection.
      for (const [a, v] of [
        ["B3", "70000000000"],
        ["B4", "175000000000"],
        ["B5", "280000000000"],
        ["H3", "=AI.TRAINFLOPS(B3:B5,300e9)"],
      ]) {
        await nameBox(page, a);
        await formulaBar(page, v);
      }
      await waitFor(async () => (await cellText(page, "H5")) === "5.04E+23", "H5 shows the third element, 5.04E+23");
      await nameBox(page, "H5");
      await explain.getByText("Cell 'Functions test'!H5: row 3, column 1 of the result of H3", { exact: true }).waitFor();
      const spilled = (await explain.textContent()) ?? "";
      for (const part of ["Element at row 3, column 1 of a 3 × 1 result.", "params: 2.80E+11 parameters (from B5)", "= 5.04E+23 FLOP", "= 5.04E+23"])
        assert(spilled.includes(part), `the spilled element's explanation lacks “${part}”: ${spilled.slice(0, 600)}`);
      await noSidewaysScroll(page);
      return `F1: 3 steps, ${days.toFixed(2)} days with the A100's datasheet; H5: the third element of H3's spill (B5 × 3.00E+11 × 6 = 5.04E+23)`;
    },
  },
  {
    id: "fn-zh",
    slug: "functions-zh",
    title: "the Functions tab in Chinese: explain the nested formula, build and insert =AI.TRAINDAYS with a chip picked from the list",
    timeoutMs: 60_000,
    async run({ page }) {
      const p = await setUp(page);
      await p.getByRole("button", { name: "中文", exact: true }).click();
      try {
        const explain = p.getByRole("region", { name: "解释此单元格" });
        await nameBox(page, "F1");
        await explain.getByText("第 3 步:训练天数", { exact: true }).waitFor();
        const text = (await explain.textContent()) ?? "";
        for (const part of ["第 1 步:训练算力", "1,024 颗芯片 × 3.12E+14 FLOP/s × 利用率 30%", "每天 86,400 秒", "(来自 第 1 步)"])
          assert(text.includes(part), `the Chinese explanation lacks “${part}”: ${text.slice(0, 400)}`);
        await shoot(page, explain, "explain-cell-zh.png");
        const r = await buildTrainDays(page, p, {
          language: "zh",
          query: "训练天数",
          flopCell: "B1",
          chips: 2048,
          chipQuery: "H100",
          chipLabel: "NVIDIA H100 SXM",
          target: "D2",
        });
        const days = 3.14e23 / (2048 * 989e12 * 0.3) / 86400;
        assert(Math.abs(Number(r.shown) - days) <= 1e-8 * days, `D2 shows ${r.shown}, expected ${days}`);
        await noSidewaysScroll(page);
        return `第 3 步:训练天数 explained; ${r.formula} in D2 shows ${r.shown}`;
      } finally {
        await p.getByRole("button", { name: "English", exact: true }).click();
      }
    },
  },
];
