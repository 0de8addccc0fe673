// Issue 22's end-to-end scenario: paste the report's 图8 (as the PDF extraction gives it) into
// "Paste a table", accept the flag on 悟道 2.0's parameters, insert, and find the table in the
// grid and among the pane's inserted tables. Also the pane alone at 350 px: usable (nothing
// wider than the pane; the grid scrolls in its own box), and its picture for the README
// (assets/screenshots/paste-table.png, refreshed only with E2E_UPDATE_SCREENSHOTS=1, as run.mjs
// does for the pane's picture).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assert, findCell, gridCells, openPaneTab, pane, waitFor } from "../scenarios.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const FIG8 = fs.readFileSync(path.join(ROOT, "tests", "import", "fixtures", "fig8.txt"), "utf8");
const WUDAO_ACCEPT = /^(Accept: Line 19 · 参数 \(个\): “1\.75 万”|接受：第 19 行 · 参数 \(个\): “1\.75 万”)$/;

/** Pastes 图8 into the pane's text box and reads it; returns the pane's locator (the page itself when the pane is alone). */
async function pasteFig8(page, alone = false) {
  const p = alone ? page : await pane(page);
  await openPaneTab(page, /^(Data|数据)$/);
  // The Data tab's "Paste a table…" entry opens the section (loaded when first opened).
  const entry = p.getByRole("button", { name: /^(Paste a table…|粘贴表格…)$/ });
  if ((await entry.count()) > 0 && (await entry.getAttribute("aria-expanded")) !== "true") await entry.click();
  const box = p.getByRole("textbox", { name: /^(Text copied from a report|从报告中复制的文本)$/ });
  await box.waitFor({ timeout: 15_000 });
  await box.fill(FIG8);
  await p.getByRole("button", { name: /^(Read the table|读取表格)$/ }).click();
  await p.getByRole("region", { name: /^(Preview of the pasted table|粘贴表格的预览)$/ }).waitFor();
  return p;
}

async function acceptWudao(p) {
  const accept = p.getByRole("button", { name: WUDAO_ACCEPT });
  await accept.click();
  await waitFor(async () => (await accept.getAttribute("aria-pressed")) === "true", "the flag on 悟道 2.0 shows accepted");
}

/** The pane alone at 350 px, after reading 图8 and accepting the flag: usable, and pictured. */
async function narrowPane({ context, server, paneShot }) {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 350, height: 1100 });
    await page.goto(`${server.url}workbench.html?pane`);
    await page.getByRole("heading", { level: 1, name: "AI Compute Analyst" }).waitFor();
    const p = await pasteFig8(page, true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= 350, `the pane is ${width} px wide at a 350 px viewport (the page scrolls sideways)`);
    const region = p.getByRole("region", { name: /^(Preview of the pasted table|粘贴表格的预览)$/ });
    const box = await region.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    assert(box.scroll > box.client, `the preview grid does not scroll inside its box (${box.scroll} ≤ ${box.client} px)`);
    const section = page.locator('section[aria-labelledby="paste-table-heading"]');
    await section.scrollIntoViewIfNeeded();
    // The picture: the text box from its top, the grid scrolled to 悟道 2.0's parameters, its flag first in the list.
    await region.evaluate((el) => {
      const th = [...el.querySelectorAll("thead th")].find((h) => h.textContent === "模型");
      const row = [...el.querySelectorAll("tbody th")].find((h) => h.textContent === "19");
      if (th) el.scrollLeft = th.offsetLeft;
      if (row) el.scrollTop = Math.max(0, row.offsetTop + row.offsetHeight - el.clientHeight);
    });
    await page.evaluate(() => {
      const box = document.querySelector("textarea");
      if (box) box.scrollTop = 0;
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      window.scrollTo(0, 0); // a sticky pane header would otherwise cover the section's top in the picture
    });
    await page.waitForTimeout(300); // Fluent's colour transitions settle
    const first = await p.locator('section[aria-labelledby="paste-table-heading"] li').first().textContent();
    assert(/^Line 19 · 参数/.test(first ?? ""), `the first flag to review is not 悟道 2.0's: ${first}`);
    const shot = path.join(path.dirname(paneShot), "paste-table.png");
    // The text box, the grid and the first flags: the top of the section, not its whole length.
    const top = await section.evaluate((el) => ({ y: el.getBoundingClientRect().top + window.scrollY, height: el.getBoundingClientRect().height }));
    await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: Math.max(0, top.y - 16), width: 350, height: Math.min(top.height + 16, 1150) } });
    return { width, grid: box, shot: path.relative(ROOT, shot) };
  } finally {
    await page.close();
  }
}

export const SCENARIOS = [
  {
    id: "paste",
    slug: "import-table-paste-fig8",
    title:
      "paste 图8 as extracted into Paste a table, accept 悟道 2.0's flag (1.75e12), insert; the grid shows the table, the pane lists it; at 350 px the grid scrolls in its box",
    timeoutMs: 90_000,
    async run(env) {
      const { page } = env;
      const p = await pasteFig8(page);
      const summary = await p.getByText(/^15 rows × 7 columns$/).count();
      assert(summary === 1, "the pane does not say 15 rows × 7 columns");
      await acceptWudao(p);
      await p.getByRole("button", { name: /^(Insert table|插入表格)$/ }).click();
      const status = p.getByText(/^(Inserted table AI_pasted_table|已在工作表)/);
      await waitFor(async () => (await status.count()) > 0, "the pane reports the inserted table");

      const wudao = await waitFor(() => findCell(page, "悟道 2.0"), "a grid cell shows 悟道 2.0");
      const row = Number(/\d+$/.exec(wudao)[0]);
      const cells = await gridCells(page);
      const inRow = Object.entries(cells).filter(([a]) => Number(/\d+$/.exec(a)[0]) === row);
      assert(
        inRow.some(([, t]) => t === "1.75E+12"),
        `row ${row} (悟道 2.0) shows no 1.75E+12: ${JSON.stringify(inRow)}`
      );
      const company = await findCell(page, "微软&英伟达");
      assert(company !== null, "Megatron-Turing's company (微软&英伟达, joined from two lines) is not in the grid");

      await waitFor(
        async () => (await p.getByRole("button", { name: /^(Refresh AI_pasted_table|刷新 AI_pasted_table)$/ }).count()) === 1,
        "the pane lists AI_pasted_table among the inserted tables"
      );

      const narrow = await narrowPane(env);
      return `悟道 2.0 at ${wudao} with 1.75E+12; AI_pasted_table tracked; at 350 px the page is ${narrow.width} px wide and the grid scrolls (${narrow.grid.scroll} in ${narrow.grid.client} px); picture: ${narrow.shot}`;
    },
  },
];
