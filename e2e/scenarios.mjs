// The e2e scenarios, run in order on one workbench page (later ones use earlier ones' sheets).
// Each returns a short detail line, or { pending: reason } when it cannot run yet.

/** The grid's cells carry data-address; only the workbench's grid (left) has them. */
export const GRID = "#root .wb-sheet";

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export async function waitFor(fn, what, timeout = 15_000) {
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

export async function nameBox(page, text) {
  const box = page.getByRole("textbox", { name: "Name Box", exact: true });
  await box.click();
  await box.fill(text);
  await box.press("Enter");
}

export async function formulaBar(page, text) {
  const bar = page.getByRole("textbox", { name: "Formula bar", exact: true });
  await bar.click();
  await bar.fill(text);
  await bar.press("Enter");
}

export async function cellText(page, address) {
  const cell = page.locator(`${GRID} [data-address="${address}"]`);
  return (await cell.count()) > 0 ? ((await cell.first().textContent()) ?? "").trim() : null;
}

/** The rendered grid as { address: text } for non-empty cells. */
export async function gridCells(page) {
  return page.$$eval(`${GRID} td[data-address]`, (tds) =>
    Object.fromEntries(tds.map((td) => [td.getAttribute("data-address"), (td.textContent ?? "").trim()]).filter(([, t]) => t !== ""))
  );
}

const split = (address) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  return m ? { col: m[1], row: Number(m[2]) } : null;
};

/** The address of the first rendered cell showing exactly `text`. */
export async function findCell(page, text) {
  const cells = await gridCells(page);
  return Object.entries(cells).find(([, t]) => t === text)?.[0] ?? null;
}

export async function pane(page) {
  return page.locator("#pane");
}

/** Shows a sheet of the workbench (its sheet tabs, under the grid; the pane's tabs are in #pane). */
export async function clickTab(page, name) {
  await page.locator(GRID).getByRole("tab", { name, exact: true }).click();
}

/** The name of the workbench's active sheet. */
export async function activeSheet(page) {
  return page.locator(GRID).getByRole("tab", { selected: true }).textContent();
}

/**
 * Opens the task pane's tab named `name` (a string or RegExp, e.g. /^(Functions|函数)$/) and
 * waits until its panel shows (a tab loads as a chunk when first opened); the workbench's sheet
 * tabs are outside #pane, so they never match.
 */
export async function openPaneTab(page, name) {
  const tab = page.locator("#pane").getByRole("tablist").getByRole("tab", { name });
  if ((await tab.count()) === 0) return;
  await tab.first().click();
  const panel = page.locator(`#${await tab.first().getAttribute("aria-controls")}`);
  await panel.waitFor({ state: "visible" });
  await waitFor(async () => (await panel.locator("text=/^(Loading…|加载中…)$/").count()) === 0, `the pane's ${name} tab loaded`);
}

/** The text of the pane's status lines (its polite live regions) in the open tab, details included. */
export async function paneStatus(page) {
  return page
    .locator("#pane [role=tabpanel]:not([hidden]) [role=status][aria-live=polite]")
    .evaluateAll((regions) => regions.map((r) => r.textContent ?? "").join(" "));
}

/** The text of the pane's error lines (its assertive live regions) in the open tab. */
export async function paneAlerts(page) {
  return page
    .locator("#pane [role=tabpanel]:not([hidden]) [role=alert][aria-live=assertive]")
    .evaluateAll((regions) => regions.map((r) => r.textContent ?? "").join(" "));
}

/** Waits until the pane's status line matches `re` (and its details have loaded); returns its text. */
export async function waitForStatus(page, re, what, timeout = 15_000) {
  return waitFor(
    async () => {
      const t = await paneStatus(page);
      return re.test(t) && !/Loading…|加载中…/.test(t) ? t : null;
    },
    what,
    timeout
  );
}

/** Inserts a dataset from the pane's Data tab (found by searching its id). */
export async function insertFromPane(scope, id) {
  const page = typeof scope.page === "function" ? scope.page() : scope;
  await openPaneTab(page, /^(Data|数据)$/);
  const search = scope.getByRole("searchbox", { name: /Search datasets|搜索数据集/ });
  await search.fill(id);
  const row = scope.locator(`article[data-dataset="${id}"]`);
  await row.getByRole("button", { name: /^(Insert|插入) / }).click();
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
      await waitForStatus(page, /AI_llm_comparison/, "the pane reports the inserted table");
      const gpt3 = await waitFor(() => findCell(page, "GPT-3"), "a cell shows GPT-3");
      const row = split(gpt3).row;
      const cells = await gridCells(page);
      const shown = Object.entries(cells).filter(([a, t]) => split(a).row === row && /^1\.75E\+11$/.test(t));
      assert(shown.length > 0, `row ${row} (GPT-3) shows no 1.75E+11: ${JSON.stringify(Object.entries(cells).filter(([a]) => split(a).row === row))}`);
      const tab = await activeSheet(page);
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
      await openPaneTab(page, /^(Models|模型)$/);
      // The pane's Models tab: the entry titled exactly "Training compute", its Build button.
      // (A `has` locator is matched inside each candidate, so it must not start at #pane.)
      const entry = p
        .locator("article, li, section, [role=group]")
        .filter({ has: page.getByText("Training compute", { exact: true }) })
        .last();
      const button = entry.getByRole("button", { name: /build|create|insert|add|构建|生成|插入|新建/i }).first();
      const name = await button.getAttribute("aria-label");
      await button.click();
      const built = (await waitForStatus(page, /Built Training compute on sheet Training compute/, "the pane reports the built model")).trim();
      await waitFor(async () => /Training compute/.test((await activeSheet(page)) ?? ""), "a Training compute sheet is active");
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
      await openPaneTab(page, /^(Data|数据)$/);
      await p.getByRole("button", { name: "Refresh all", exact: true }).click();
      const text = await waitForStatus(page, /Refresh summary[\s\S]*: Updated/, "the pane shows a refresh summary");
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
      await openPaneTab(page, /^(Data|数据)$/);
      await p.getByRole("button", { name: "中文", exact: true }).click();
      await waitFor(async () => (await p.getByRole("heading", { level: 1 }).textContent()) === "AI 算力分析助手", "the pane's title is Chinese");
      const text = (await p.textContent()) ?? "";
      for (const s of ["已插入的表格", "全部刷新", "数据集", "插入选项", "数据", "模型", "函数", "分享", "设置"])
        assert(text.includes(s), `the pane does not show “${s}”`);
      assert(!text.includes("Inserted tables"), "English headings remain");
      // Back to English for later runs in the same profile.
      await p.getByRole("button", { name: "English", exact: true }).click();
      await waitFor(async () => (await p.getByRole("heading", { level: 1 }).textContent()) === "AI Compute Analyst", "the pane's title is English again");
      return "AI 算力分析助手 · 已插入的表格 · 全部刷新 · 数据集 · 插入选项 (then back to English)";
    },
  },
  {
    id: "g",
    slug: "epoch-feed-v2",
    title:
      "insert epoch-models and Epoch's accelerators, add a formula column, pin llm-comparison, serve feed v2 and refresh: the summary lists what changed, the formula fills the new rows, the pinned table is untouched",
    timeoutMs: 180_000,
    async run({ page, server, changed, v2, llmSheet }) {
      server.state.feed = "changed"; // version 1 of the Epoch tables
      const p = await pane(page);
      await openPaneTab(page, /^(Data|数据)$/);
      const statusHas = (re) => async () => re.test(await paneStatus(page));

      // The catalogue is the feed's: searching "Epoch" finds its tables.
      await p.getByRole("searchbox", { name: /Search datasets/ }).fill("Epoch");
      const found = await p.locator("article").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-dataset")));
      assert(found.includes("epoch-models"), `searching "Epoch" does not find epoch-models: ${JSON.stringify(found)}`);

      await insertFromPane(p, "epoch-models");
      await waitFor(statusHas(/AI_epoch_models/), "the pane reports the inserted epoch-models table", 60_000);
      if (v2.accelerators) {
        await insertFromPane(p, "epoch-accelerators");
        await waitFor(statusHas(/AI_epoch_accelerators/), "the pane reports the inserted epoch-accelerators table", 30_000);
      }

      // The analyst's own column: a header and a formula filled down the table (Excel's calculated column), the table grown over it.
      const user = await page.evaluate(() => {
        const wb = window.workbench;
        const t = wb.tables().find((x) => x.name === "AI_epoch_models");
        const sheet = wb.sheetName(t.sheetId);
        const { row, col, rows, cols } = t.range;
        wb.execute([
          { kind: "values", sheet, at: { row, col: col + cols, rows: 1, cols: 1 }, values: [["Name length"]] },
          { kind: "fillR1C1", sheet, at: { row: row + 1, col: col + cols, rows: rows - 1, cols: 1 }, formula: `=LEN(RC[-${cols}])` },
          { kind: "resizeTable", sheet, table: t.name, at: { row, col, rows, cols: cols + 1 } },
        ]);
        wb.changed();
        return { sheet, bodyRows: rows - 1, userCol: col + cols };
      });

      // Pin llm-comparison at the version scenario (e) refreshed it to.
      await p.getByRole("button", { name: `Pin AI_llm_comparison to version ${changed.newVersion}`, exact: true }).click();
      await p.getByRole("button", { name: "Unpin AI_llm_comparison", exact: true }).waitFor();

      server.state.feed = "v2";
      await p.getByRole("button", { name: "Refresh all", exact: true }).click();
      const text = await waitForStatus(page, /Refresh summary[\s\S]*AI_epoch_models/, "the pane shows a refresh summary naming AI_epoch_models", 90_000);
      const m = v2.models;
      const expectIn = (part, what) => assert(text.includes(part), `${what}: “${part}” is not in the summary: ${text}`);
      expectIn("AI_epoch_models: Updated", "epoch-models status");
      expectIn("10 added, 5 changed, 1 removed", "epoch-models counts");
      expectIn(`Version ${m.oldVersion} → ${m.newVersion}`, "epoch-models version");
      expectIn(`Added: ${m.added.slice(0, 5).join(", ")} and 5 more`, "epoch-models added keys");
      expectIn(`Removed: ${m.removed}`, "epoch-models removed key");
      for (const c of m.changes) expectIn(`${c.key} · Parameters: ${sci(c.old)} → ${sci(c.new)}`, "a changed cell");
      expectIn(`AI_llm_comparison: Pinned`, "the pinned table's status");
      expectIn(`Pinned at version ${changed.newVersion}: left as it is; the feed has ${v2.llm.newVersion}.`, "the pinned table's line");
      if (v2.accelerators) {
        expectIn("AI_epoch_accelerators: Updated", "epoch-accelerators status");
        expectIn("0 added, 1 changed, 0 removed", "epoch-accelerators counts");
        expectIn(`Version ${v2.accelerators.oldVersion} → ${v2.accelerators.newVersion}`, "epoch-accelerators version");
        // Rows match by key or by position ("#3"), as the engine decides: the value line is what is checked.
        const a = v2.accelerators;
        expectIn(` · ${a.header}: ${sci(a.old)} → ${sci(a.new)}`, "epoch-accelerators changed cell");
      }
      expectIn(`${v2.accelerators ? 2 : 1} updated, 0 unchanged, 0 skipped, 1 pinned`, "totals");

      // The user column was filled down over the new rows (wherever the engine put them).
      const rows = await page.evaluate(
        ({ sheet, userCol }) => {
          const wb = window.workbench;
          const t = wb.tables().find((x) => x.name === "AI_epoch_models");
          const s = wb.findSheet(sheet);
          const out = [];
          for (let r = t.range.row + 1; r < t.range.row + t.range.rows; r++) {
            const name = wb.cellView(s, r, t.range.col).value;
            if (typeof name === "string" && name.startsWith("E2E model")) {
              const v = wb.cellView(s, r, userCol);
              out.push({ row: r, name, formula: v.hasFormula, value: v.value });
            }
          }
          return { bodyRows: t.range.rows - 1, cols: t.range.cols, out };
        },
        { sheet: user.sheet, userCol: user.userCol }
      );
      assert(rows.bodyRows === user.bodyRows + 9, `the table has ${rows.bodyRows} rows, expected ${user.bodyRows} + 10 − 1`);
      assert(rows.out.length === 10, `${rows.out.length} added rows found in the table`);
      const unfilled = rows.out.filter((r) => !r.formula || r.value !== r.name.length);
      assert(unfilled.length === 0, `the user column is not filled down over: ${JSON.stringify(unfilled)}`);
      // And the grid shows it.
      await clickTab(page, user.sheet);
      const last = rows.out[rows.out.length - 1];
      const address = `${colLetters(user.userCol)}${last.row + 1}`;
      await nameBox(page, address);
      await waitFor(async () => (await cellText(page, address)) === String(last.name.length), `${address} shows ${last.name.length}`);

      // The pinned table kept GPT-3's 1.76E+11 (the feed now has 1.77E+11) and its version.
      assert(llmSheet, "scenario (a) did not record the sheet of llm-comparison");
      await clickTab(page, llmSheet);
      const gpt3 = await waitFor(() => findCell(page, "GPT-3"), "the pinned table lists GPT-3");
      const cells = await gridCells(page);
      const row = Object.entries(cells).filter(([a]) => split(a).row === split(gpt3).row);
      assert(row.some(([, t]) => t === "1.76E+11") && !row.some(([, t]) => t === "1.77E+11"), `the pinned table changed: ${JSON.stringify(row)}`);
      const tracked = (await p.textContent()) ?? "";
      assert(tracked.includes(`version ${m.newVersion}`), "the list of inserted tables does not show epoch-models' new version");
      assert(tracked.includes("Pinned: refresh leaves this table at its version"), "the pinned badge is not shown");
      return `${m.oldVersion} → ${m.newVersion}: 10 added, 5 changed, 1 removed; user column filled over ${rows.out.length} new rows (${address} = ${last.name.length}); AI_llm_comparison pinned at ${changed.newVersion}${v2.accelerators ? `; epoch-accelerators ${v2.accelerators.oldVersion} → ${v2.accelerators.newVersion}` : " (no epoch-accelerators in this build)"}`;
    },
  },
  {
    id: "h",
    slug: "one-formula-over-epoch-models",
    title: 'one formula over a whole column: =AI.TRAINDAYS(<epoch-models FLOP column>, 1024, AI.CHIP("H100")) spills a result for every model',
    async run({ page }) {
      // Scenario (g) inserted epoch-models; the formula goes two columns right of the table.
      const at = await page.evaluate(() => {
        const wb = window.workbench;
        const t = wb.tables().find((x) => x.name === "AI_epoch_models");
        if (!t) return null;
        const s = t.sheetId;
        const headers = [];
        for (let c = t.range.col; c < t.range.col + t.range.cols; c++) headers.push(wb.cellView(s, t.range.row, c).value);
        return { sheet: wb.sheetName(s), row: t.range.row, col: t.range.col, rows: t.range.rows, cols: t.range.cols, headers };
      });
      if (!at) return { pending: "scenario (g) did not insert epoch-models" };
      const flopAt = at.headers.indexOf("Training compute (FLOP)");
      assert(flopAt >= 0, `no "Training compute (FLOP)" header in ${JSON.stringify(at.headers)}`);
      const bodyTop = at.row + 2; // 1-based first body row
      const bodyBottom = at.row + at.rows; // 1-based last body row
      const flopCol = colLetters(at.col + flopAt);
      const outCol = at.col + at.cols + 1;
      const anchor = `${colLetters(outCol)}${bodyTop}`;
      const formula = `=AI.TRAINDAYS(${flopCol}${bodyTop}:${flopCol}${bodyBottom},1024,AI.CHIP("H100"))`;
      await clickTab(page, at.sheet);
      await nameBox(page, anchor);
      await formulaBar(page, formula);
      const n = bodyBottom - bodyTop + 1;
      const read = () =>
        page.evaluate(
          ({ sheet, top, n, flopCol, outCol }) => {
            const wb = window.workbench;
            const s = wb.findSheet(sheet);
            const out = [];
            for (let i = 0; i < n; i++) {
              const flop = wb.cellView(s, top + i, flopCol);
              const v = wb.cellView(s, top + i, outCol);
              out.push({ flop: flop.value, kind: v.kind, value: v.value, message: v.message ?? "", formula: v.hasFormula });
            }
            return out;
          },
          { sheet: at.sheet, top: bodyTop - 1, n, flopCol: at.col + flopAt, outCol }
        );
      const cells = await waitFor(async () => {
        const r = await read();
        return r.every((c) => c.kind !== "empty") ? r : null;
      }, `the formula in ${anchor} spills over ${n} rows`);
      // One formula: only the anchor holds it, the other cells are its spill.
      assert(cells[0].formula && cells.slice(1).every((c) => !c.formula), "more than one cell holds a formula");
      const peak = 989e12; // H100 SXM, dense BF16 (the accelerators table)
      const withFlop = cells.filter((c) => typeof c.flop === "number");
      const blank = cells.filter((c) => c.flop === null || c.flop === "");
      const wrong = withFlop.filter((c) => {
        const want = c.flop / (1024 * peak * 0.3) / 86400;
        return c.kind !== "number" || Math.abs(c.value - want) > 1e-9 * Math.abs(want);
      });
      assert(withFlop.length > 100, `only ${withFlop.length} models have a FLOP figure`);
      assert(
        wrong.length === 0,
        `${wrong.length} results differ from FLOP ÷ (1024 × 9.89e14 × 0.3) ÷ 86,400 by more than 1e-9 relative: ${JSON.stringify(wrong.slice(0, 3))}`
      );
      const unexplained = blank.filter((c) => c.kind !== "error" || c.value !== "#VALUE!" || !/flop is required/.test(c.message));
      assert(
        unexplained.length === 0,
        `models without FLOP do not show #VALUE! "flop is required" in their own cell: ${JSON.stringify(unexplained.slice(0, 3))}`
      );
      // The grid shows the spilled values too, e.g. the anchor's.
      await waitFor(async () => ((await cellText(page, anchor)) ?? "") !== "", `${anchor} shows a value`);
      return `${anchor}: ${formula} spilled ${n} rows: ${withFlop.length} results within 1e-9 of FLOP ÷ (1024 × H100 × 0.3) ÷ 86,400, ${blank.length} models without FLOP show #VALUE! in their own cell`;
    },
  },
  {
    id: "i",
    slug: "download-open-xlsx",
    title: "Download .xlsx, change the workbook, Open .xlsx: the typed cells, formulas and tracked tables come back",
    timeoutMs: 60_000,
    run: downloadAndOpenXlsx,
  },
  {
    id: "j",
    slug: "share-make-portable-restore",
    title:
      "type AI formulas on a sheet, Make portable (this sheet): native formulas in the Formula bar, same values, a report; Restore: the AI formulas are back",
    timeoutMs: 60_000,
    run: makePortableAndRestore,
  },
];

/** "1.75E+11", as the pane shows a FLOP or parameter count (0.00E+00). */
function sci(value) {
  const [mantissa, exponent] = value.toExponential(2).split("e");
  const exp = Number(exponent);
  return `${mantissa}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}

/** 0 → "A", 26 → "AA". */
function colLetters(col) {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The width Excel gives a task pane (issue 20 measured the pane at it). */
export const PANE_WIDTH = 350;

/**
 * The task pane alone at 350 px, after inserting a dataset so the list of inserted tables is
 * not empty: for the README.
 */
export async function paneScreenshot({ context, server, paneShot }) {
  server.state.feed = "original";
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: PANE_WIDTH, height: 900 });
    await page.goto(`${server.url}workbench.html?pane`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    // In English (the profile remembers the pane's language from earlier scenarios).
    await page.getByRole("button", { name: "English", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "AI Compute Analyst" }).waitFor();
    await insertFromPane(page, "llm-comparison");
    await waitForStatus(page, /AI_llm_comparison/, "the pane reports the inserted table");
    await page.getByRole("searchbox", { name: "Search datasets" }).fill("");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= PANE_WIDTH, `the pane is ${width} px wide at a ${PANE_WIDTH} px viewport (horizontal scrolling)`);
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      window.scrollTo(0, 0);
    });
    await page.waitForTimeout(500); // Fluent's colour transitions settle
    const violations = await page.evaluate(() => window.__cspViolations ?? []);
    assert(violations.length === 0, `Content-Security-Policy violations in the pane alone: ${violations.join(" | ")}`);
    await page.screenshot({ path: paneShot });
  } finally {
    await page.close();
  }
}

/**
 * Scenario (i): the workbook as a file. Types a formula on Sheet1, downloads the workbook
 * (Playwright's download event), overwrites the typed cell, opens the downloaded file (the hidden
 * file input, setInputFiles) and checks that the cell, its formula, an AI.* result and the
 * tracked tables are back, and that the pane lists the tracked tables of the opened file.
 */
async function downloadAndOpenXlsx({ page }) {
  const os = await import("node:os");
  const path = await import("node:path");
  const fs = await import("node:fs");
  await clickTab(page, "Sheet1");
  await nameBox(page, "D1");
  await formulaBar(page, "=B2*2");
  const d1 = await waitFor(async () => {
    const t = await cellText(page, "D1");
    return t && /E\+23$/.test(t) ? t : null;
  }, "D1 shows twice B2's 3.15E+23");
  const before = await page.evaluate(async () => {
    const wb = window.workbench;
    return { sheets: wb.sheets().map((s) => s.name), tracked: (await wb.listTracked()).map((t) => `${t.tableName}@${t.version}${t.pinned ? " pinned" : ""}`) };
  });
  assert(before.tracked.length > 0, "no tracked table before the download");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .xlsx", exact: true }).click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "aica-e2e-xlsx-")), download.suggestedFilename());
  await download.saveAs(file);
  const bytes = fs.statSync(file).size;
  assert(download.suggestedFilename() === "workbench.xlsx", `the download is named ${download.suggestedFilename()}`);
  assert(fs.readFileSync(file).subarray(0, 2).toString() === "PK", "the download is not a zip (.xlsx) file");

  // Change the workbook, so opening the file visibly brings the saved state back.
  await clickTab(page, "Sheet1");
  await nameBox(page, "D1");
  await formulaBar(page, "changed after the download");
  await waitFor(async () => (await cellText(page, "D1")) === "changed after the download", "D1 was overwritten");

  await page.getByLabel("Open .xlsx file", { exact: true }).setInputFiles(file);
  const message = await waitFor(async () => {
    const t = (await page.locator("#wb-message").count()) > 0 ? ((await page.locator("#wb-message").textContent()) ?? "") : "";
    return /^Opened workbench\.xlsx/.test(t) ? t : null;
  }, "the status line reports the opened file");
  await clickTab(page, "Sheet1");
  await waitFor(async () => (await cellText(page, "D1")) === d1, `D1 shows ${d1} again`);
  await nameBox(page, "D1");
  const bar = await page.getByRole("textbox", { name: "Formula bar", exact: true }).inputValue();
  assert(bar === "=B2*2", `D1's formula is ${bar}`);
  await nameBox(page, "B2");
  const b2 = await page.getByRole("textbox", { name: "Formula bar", exact: true }).inputValue();
  assert(/^=AI\.TRAINFLOPS\(AI\.MODEL\("GPT-3","params"\)/i.test(b2), `B2's formula is ${b2}`);
  assert((await cellText(page, "B2")) === "3.15E+23", `B2 shows ${await cellText(page, "B2")}`);

  const after = await page.evaluate(async () => {
    const wb = window.workbench;
    const t = wb.tables().find((x) => x.name === "AI_epoch_models");
    return {
      sheets: wb.sheets().map((s) => s.name),
      tracked: (await wb.listTracked()).map((x) => `${x.tableName}@${x.version}${x.pinned ? " pinned" : ""}`),
      tables: wb.tables().map((x) => x.name),
      epochRows: t ? t.range.rows : 0,
    };
  });
  assert(JSON.stringify(after.sheets) === JSON.stringify(before.sheets), `sheets ${JSON.stringify(after.sheets)}, before ${JSON.stringify(before.sheets)}`);
  assert(
    JSON.stringify(after.tracked) === JSON.stringify(before.tracked),
    `tracked ${JSON.stringify(after.tracked)}, before ${JSON.stringify(before.tracked)}`
  );
  // The pane starts afresh on the opened workbook and lists its tracked tables.
  const p = await pane(page);
  await waitFor(async () => {
    const text = (await p.textContent()) ?? "";
    return before.tracked.every((t) => text.includes(t.split("@")[0]));
  }, "the pane lists the tracked tables");
  const tabs = await page.locator(GRID).getByRole("tab").allTextContents();
  assert(!tabs.some((t) => t.startsWith("_aica_")), `a very hidden sheet has a tab: ${JSON.stringify(tabs)}`);
  return `${bytes.toLocaleString("en-US")} bytes, ${after.sheets.length} sheets, tables ${after.tables.join(", ")} (epoch-models ${after.epochRows} rows); tracked after opening: ${after.tracked.join(", ")}; ${message.trim()}`;
}

/**
 * Scenario (j): the pane's "Share a workbook" section (issue 13) on a sheet of its own. Types two
 * AI formulas that have a native form and one lookup that has none, plus a native formula; makes
 * the sheet portable and reads each cell in the Formula bar (no "AI." left; the lookup is a value
 * with a note) with the values it showed before; then restores and reads the AI formulas again.
 */
async function makePortableAndRestore({ page }) {
  const SHEET = "Share test";
  await page.evaluate((name) => {
    const wb = window.workbench;
    if (wb.findSheet(name) === undefined) wb.hf.addSheet(name);
    wb.changed();
  }, SHEET);
  await clickTab(page, SHEET);
  const typed = {
    B1: "175000000000",
    B2: "300000000000",
    C1: "=AI.TRAINFLOPS(B1,B2)",
    C2: "=AI.PFDAYS(C1)*2",
    C3: '=AI.CHIP("H100")',
    C4: "=B1*2",
  };
  for (const [address, text] of Object.entries(typed)) {
    await nameBox(page, address);
    await formulaBar(page, text);
  }
  await waitFor(async () => (await cellText(page, "C1")) === "3.15E+23", "C1 shows 3.15E+23");
  await waitFor(async () => (await cellText(page, "C3")) === "9.89E+14", "C3 shows H100's 9.89E+14");
  const cells = ["C1", "C2", "C3", "C4"];
  const shown = async () => Object.fromEntries(await Promise.all(cells.map(async (a) => [a, await cellText(page, a)])));
  const before = await shown();
  assert(before.C2 && before.C2 !== "#NAME?" && !before.C2.startsWith("#"), `C2 shows ${before.C2}`);
  /** What the Formula bar shows for a cell (spaces dropped: the engine may print a formula its own way). */
  const bar = async (address) => {
    await nameBox(page, address);
    return (await page.getByRole("textbox", { name: "Formula bar", exact: true }).inputValue()).replace(/\s+/g, "");
  };

  const p = await pane(page);
  await openPaneTab(page, /^(Share|分享)$/);
  const share = p.getByRole("region", { name: "Share a workbook", exact: true });
  await share.getByRole("radio", { name: "This sheet", exact: true }).check();
  const report = async (heading) =>
    waitFor(async () => {
      const t = await paneStatus(page);
      return t.includes(heading) ? t : null;
    }, `the pane reports “${heading}”`);

  // Make portable: live native formulas, the lookup a value with a note, the native formula left as it was.
  await share.getByRole("button", { name: "Make portable", exact: true }).click();
  const made = await report("Make portable (scope: This sheet)");
  for (const part of ["2 converted", "1 kept as values", "0 left alone", `'${SHEET}'!C1: =AI.TRAINFLOPS(B1,B2) → =`, `'${SHEET}'!C3: =AI.CHIP("H100") → `])
    assert(made.includes(part), `the report lacks “${part}”: ${made}`);
  const portable = { C1: await bar("C1"), C2: await bar("C2"), C3: await bar("C3"), C4: await bar("C4") };
  for (const a of ["C1", "C2"]) assert(portable[a].startsWith("=") && !/AI\./i.test(portable[a]), `${a}'s formula is ${portable[a]}`);
  assert(!portable.C3.startsWith("="), `C3 (a lookup) should hold a value, not ${portable.C3}`);
  assert(portable.C4 === "=B1*2", `C4 (native) changed to ${portable.C4}`);
  const note = await page.evaluate((name) => {
    const wb = window.workbench;
    return wb.noteAt(wb.findSheet(name), 2, 2) ?? "";
  }, SHEET);
  assert(note !== "", "C3 has no note saying where its value came from");
  const after = await shown();
  assert(JSON.stringify(after) === JSON.stringify(before), `the values changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  // Still live: a changed input moves the converted formulas.
  await nameBox(page, "B2");
  await formulaBar(page, "600000000000");
  // General format, as Excel shows it: 6.3E+23.
  await waitFor(async () => /^6\.30?E\+23$/.test((await cellText(page, "C1")) ?? ""), "the portable C1 follows B2 (6.3E+23)");
  await nameBox(page, "B2");
  await formulaBar(page, "300000000000");
  await waitFor(async () => (await cellText(page, "C1")) === "3.15E+23", "C1 is back to 3.15E+23");

  // Restore: the AI formulas, exactly.
  await share.getByRole("button", { name: "Restore AI formulas", exact: true }).click();
  const restored = await report("Restore AI formulas (scope: This sheet)");
  for (const part of ["3 restored", "0 edited since, left"]) assert(restored.includes(part), `the report lacks “${part}”: ${restored}`);
  for (const a of ["C1", "C2", "C3"]) {
    const f = await bar(a);
    assert(f.toUpperCase() === typed[a].toUpperCase(), `${a}'s formula after Restore is ${f}, expected ${typed[a]}`);
  }
  const back = await shown();
  assert(JSON.stringify(back) === JSON.stringify(before), `the values after Restore: ${JSON.stringify(back)}, before: ${JSON.stringify(before)}`);
  return `C1 ${typed.C1} → ${portable.C1}; C2 ${typed.C2} → ${portable.C2}; C3 ${typed.C3} → ${portable.C3} (note: ${note.slice(0, 60)}…); values ${Object.values(before).join(", ")} unchanged; restored`;
}
