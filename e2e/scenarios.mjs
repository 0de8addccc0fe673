// The e2e scenarios, run in order on one workbench page (later ones use earlier ones' sheets).
// Each returns a short detail line, or { pending: reason } when it cannot run yet.

/** The grid's cells carry data-address; only the workbench's grid (left) has them. */
const GRID = "#root .wb-sheet";

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function waitFor(fn, what, timeout = 15_000) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > until) throw new Error(`${what} (last seen: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function nameBox(page, text) {
  const box = page.getByRole("textbox", { name: "Name Box", exact: true });
  await box.click();
  await box.fill(text);
  await box.press("Enter");
}

async function formulaBar(page, text) {
  const bar = page.getByRole("textbox", { name: "Formula bar", exact: true });
  await bar.click();
  await bar.fill(text);
  await bar.press("Enter");
}

async function cellText(page, address) {
  const cell = page.locator(`${GRID} [data-address="${address}"]`);
  return (await cell.count()) > 0 ? ((await cell.first().textContent()) ?? "").trim() : null;
}

/** The rendered grid as { address: text } for non-empty cells. */
async function gridCells(page) {
  return page.$$eval(`${GRID} td[data-address]`, (tds) =>
    Object.fromEntries(tds.map((td) => [td.getAttribute("data-address"), (td.textContent ?? "").trim()]).filter(([, t]) => t !== ""))
  );
}

const split = (address) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  return m ? { col: m[1], row: Number(m[2]) } : null;
};

/** The address of the first rendered cell showing exactly `text`. */
async function findCell(page, text) {
  const cells = await gridCells(page);
  return Object.entries(cells).find(([, t]) => t === text)?.[0] ?? null;
}

async function pane(page) {
  return page.locator("#pane");
}

async function clickTab(page, name) {
  await page.getByRole("tab", { name, exact: true }).click();
}

/** Inserts a dataset from the pane's catalogue (found by searching its id). */
async function insertFromPane(scope, id) {
  const search = scope.getByRole("searchbox", { name: /Search datasets|搜索数据集/ });
  await search.fill(id);
  const card = scope.locator("article").filter({ hasText: id }).first();
  await card.getByRole("button", { name: /^(Insert|插入) / }).click();
}

export const SCENARIOS = [
  {
    id: "a",
    slug: "insert-llm-comparison",
    title: "insert llm-comparison from the pane and find GPT-3's parameters in the grid",
    async run(env) {
      const { page } = env;
      const p = await pane(page);
      await insertFromPane(p, "llm-comparison");
      const status = p.getByRole("status").first();
      await waitFor(async () => /AI_llm_comparison/.test((await status.textContent()) ?? ""), "the pane reports the inserted table");
      const gpt3 = await waitFor(() => findCell(page, "GPT-3"), "a cell shows GPT-3");
      const row = split(gpt3).row;
      const cells = await gridCells(page);
      const shown = Object.entries(cells).filter(([a, t]) => split(a).row === row && /^1\.75E\+11$/.test(t));
      assert(
        shown.length > 0,
        `row ${row} (GPT-3) shows no 1.75E+11: ${JSON.stringify(Object.entries(cells).filter(([a]) => split(a).row === row))}`
      );
      const tab = await page.getByRole("tab", { selected: true }).textContent();
      env.llmSheet = tab;
      return `GPT-3 at ${gpt3}, parameters ${shown[0][0]} = ${shown[0][1]} on sheet "${tab}"`;
    },
  },
  {
    id: "b",
    slug: "formula-trainflops",
    title: 'type =AI.TRAINFLOPS(AI.MODEL("GPT-3","params"), 300e9) in the formula bar and read 3.15E+23',
    async run({ page }) {
      await clickTab(page, "Sheet1");
      await nameBox(page, "B2");
      await formulaBar(page, '=AI.TRAINFLOPS(AI.MODEL("GPT-3","params"), 300e9)');
      const text = await waitFor(async () => ((await cellText(page, "B2")) === "3.15E+23" ? "3.15E+23" : null), "B2 shows 3.15E+23");
      await nameBox(page, "B2");
      const bar = await page.getByRole("textbox", { name: "Formula bar", exact: true }).inputValue();
      assert(/^=AI\.TRAINFLOPS\(AI\.MODEL\("GPT-3","params"\)/i.test(bar), `the formula bar shows ${bar}`);
      return `B2 = ${text}; formula bar: ${bar}`;
    },
  },
  {
    id: "c",
    slug: "value-error",
    title: "a bad argument (=AI.TRAINDAYS(1e23, 0, 312e12)) shows #VALUE! with its message",
    async run({ page }) {
      await nameBox(page, "B4");
      await formulaBar(page, "=AI.TRAINDAYS(1e23, 0, 312e12)");
      await waitFor(async () => (await cellText(page, "B4")) === "#VALUE!", "B4 shows #VALUE!");
      const title = await page.locator(`${GRID} [data-address="B4"]`).getAttribute("title");
      assert(/chips must be greater than 0/.test(title ?? ""), `B4's title is ${title}`);
      await nameBox(page, "B4");
      const status = (await page.locator("#wb-cell-status").textContent()) ?? "";
      assert(/#VALUE!/.test(status) && /chips must be greater than 0, got 0/.test(status), `the status line shows ${status}`);
      return `status line: ${status}`;
    },
  },
  {
    id: "d",
    slug: "training-compute-model",
    title: "build the training-compute model from the pane and change an input to see the outputs move",
    async run({ page }) {
      const p = await pane(page);
      // The pane's Models section: the entry titled exactly "Training compute", its Build button.
      // (A `has` locator is matched inside each candidate, so it must not start at #pane.)
      const entry = p
        .locator("article, li, section, [role=group]")
        .filter({ has: page.getByText("Training compute", { exact: true }) })
        .last();
      const button = entry.getByRole("button", { name: /build|create|insert|add|构建|生成|插入|新建/i }).first();
      const name = await button.getAttribute("aria-label");
      await button.click();
      const status = p.getByRole("status").first();
      const built = await waitFor(async () => {
        const t = (await status.textContent()) ?? "";
        return /Built Training compute on sheet Training compute/.test(t) ? t.trim() : null;
      }, "the pane reports the built model");
      await waitFor(
        async () => /Training compute/.test((await page.getByRole("tab", { selected: true }).textContent()) ?? ""),
        "a Training compute sheet is active"
      );
      const gpt3 = await waitFor(() => findCell(page, "GPT-3"), "the model lists GPT-3");
      const paramsHeader = await waitFor(() => findCell(page, "Parameters"), "the model has a Parameters column");
      const flopHeader = await waitFor(() => findCell(page, "Training compute"), "the model has a Training compute column");
      const daysHeader = await waitFor(() => findCell(page, "Days to train"), "the model has a Days to train column");
      const row = split(gpt3).row;
      const paramsAt = `${split(paramsHeader).col}${row}`;
      const flopAt = `${split(flopHeader).col}${row}`;
      const daysAt = `${split(daysHeader).col}${row}`;
      const flopBefore = await cellText(page, flopAt);
      const daysBefore = await cellText(page, daysAt);
      assert(flopBefore === "3.15E+23", `GPT-3's training compute (${flopAt}) shows ${flopBefore}, expected 3.15E+23`);
      await nameBox(page, paramsAt);
      await formulaBar(page, "350000000000");
      const flopAfter = await waitFor(async () => {
        const t = await cellText(page, flopAt);
        return t && t !== flopBefore ? t : null;
      }, `${flopAt} changes after ${paramsAt} is set`);
      const daysAfter = await cellText(page, daysAt);
      assert(flopAfter === "6.30E+23", `after doubling the parameters ${flopAt} shows ${flopAfter}, expected 6.30E+23`);
      assert(daysAfter !== daysBefore, `days to train (${daysAt}) did not move: ${daysAfter}`);
      const detail = `${paramsAt} 1.75E+11 → 3.50E+11: ${flopAt} ${flopBefore} → ${flopAfter}, ${daysAt} ${daysBefore} → ${daysAfter}`;
      return `“${name}” in the pane (${built}); ${detail}`;
    },
  },
  {
    id: "e",
    slug: "refresh-changed-feed",
    title: "refresh against a changed feed and see the summary in the pane",
    async run({ page, server, changed, llmSheet }) {
      server.state.feed = "changed";
      const p = await pane(page);
      await p.getByRole("button", { name: "Refresh all", exact: true }).click();
      const status = p.getByRole("status").first();
      const text = await waitFor(async () => {
        const t = (await status.textContent()) ?? "";
        return /Refresh summary/.test(t) ? t : null;
      }, "the pane shows a refresh summary");
      assert(/1 updated, 0 unchanged, 0 skipped/.test(text), `summary totals: ${text}`);
      assert(/1 added, 1 changed, 0 removed/.test(text), `summary counts: ${text}`);
      assert(text.includes(`${changed.oldVersion} → ${changed.newVersion}`), `summary version: ${text}`);
      assert(llmSheet, "scenario (a) did not record the sheet of llm-comparison");
      await clickTab(page, llmSheet);
      const gpt3 = await waitFor(() => findCell(page, "GPT-3"), "the refreshed table lists GPT-3");
      const row = split(gpt3).row;
      const cells = await gridCells(page);
      assert(
        Object.entries(cells).some(([a, t]) => split(a).row === row && t === "1.76E+11"),
        `GPT-3's parameters were not updated to 1.76E+11 (row ${row})`
      );
      assert(await findCell(page, "E2E test model"), "the added row is not in the grid");
      const tracked =
        (await p
          .getByRole("region", { name: /Inserted tables/ })
          .textContent()
          .catch(() => null)) ??
        (await p.textContent()) ??
        "";
      assert(tracked.includes(`version ${changed.newVersion}`), "the pane's list of inserted tables does not show the new version");
      return text.replace(/\s+/g, " ").trim();
    },
  },
  {
    id: "f",
    slug: "language-zh",
    title: "switch the pane to Chinese and see Chinese strings",
    async run({ page }) {
      const p = await pane(page);
      await p.getByRole("button", { name: "中文", exact: true }).click();
      await waitFor(
        async () => (await p.getByRole("heading", { level: 1 }).textContent()) === "AI 算力分析助手",
        "the pane's title is Chinese"
      );
      const text = (await p.textContent()) ?? "";
      for (const s of ["已插入的表格", "全部刷新", "数据集", "插入选项"]) assert(text.includes(s), `the pane does not show “${s}”`);
      assert(!text.includes("Inserted tables"), "English headings remain");
      // Back to English for later runs in the same profile.
      await p.getByRole("button", { name: "English", exact: true }).click();
      await waitFor(
        async () => (await p.getByRole("heading", { level: 1 }).textContent()) === "AI Compute Analyst",
        "the pane's title is English again"
      );
      return "AI 算力分析助手 · 已插入的表格 · 全部刷新 · 数据集 · 插入选项 (then back to English)";
    },
  },
];

/**
 * The task pane alone at 320 px (the narrowest Office task pane), after inserting a dataset so
 * the list of inserted tables is not empty: for the README.
 */
export async function paneScreenshot({ context, server, paneShot }) {
  server.state.feed = "original";
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto(`${server.url}workbench.html?pane`);
    await page.getByRole("heading", { level: 1, name: "AI Compute Analyst" }).waitFor();
    await insertFromPane(page, "llm-comparison");
    await waitFor(
      async () => /AI_llm_comparison/.test((await page.getByRole("status").first().textContent()) ?? ""),
      "the pane reports the inserted table"
    );
    await page.getByRole("searchbox", { name: "Search datasets" }).fill("");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= 320, `the pane is ${width} px wide at a 320 px viewport (horizontal scrolling)`);
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      window.scrollTo(0, 0);
    });
    await page.waitForTimeout(500); // Fluent's colour transitions settle
    await page.screenshot({ path: paneShot });
  } finally {
    await page.close();
  }
}
