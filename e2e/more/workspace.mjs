// Issue 20's scenarios (the analyst's workspace): the pane's tabs by mouse and keyboard, each
// tab's main task in one screen at 350 px, search by row names, the ribbon strip driving Refresh
// All and Make Portable, and a status line that never covers a control, in English and Chinese.
// Run after e2e/scenarios.mjs (they use its workbook: the tables (a) and (g) inserted).
import path from "node:path";
import { GRID, PANE_WIDTH, assert, clickTab, formulaBar, nameBox, openPaneTab, paneStatus, waitFor, waitForStatus } from "../scenarios.mjs";

/** The screen at which each tab's main task must fit: a 350 × 900 pane (Excel's task pane on a 1080p screen). */
const SCREEN = { width: PANE_WIDTH, height: 900 };

/** The pane's tab names, in each language, in order. */
const TABS = {
  en: ["Data", "Models", "Functions", "Share", "Settings"],
  zh: ["数据", "模型", "函数", "分享", "设置"],
};

async function tabNames(page) {
  return page.locator("#pane [role=tablist] [role=tab]").allTextContents();
}

/** Switches the pane's language with its own buttons. */
async function paneLanguage(page, language) {
  await page
    .locator("#pane")
    .getByRole("button", { name: language === "zh" ? "中文" : "English", exact: true })
    .click();
  await waitFor(async () => (await tabNames(page)).join() === TABS[language].join(), `the tabs are named in ${language}`);
}

/** The bottom of every Insert/Build/Repair/… the tab's main task needs, in page pixels from the top. */
async function mainTaskBottom(page, tab) {
  const selector = {
    data: "#pane-panel-data article",
    models: "#pane-panel-models li",
    functions: "#pane-panel-functions > *",
    share: "#pane-panel-share button",
    settings: "#pane-panel-settings form, #pane-panel-settings a[target=_blank]",
  }[tab];
  return page.locator(selector).evaluateAll((els) => Math.max(0, ...els.map((el) => el.getBoundingClientRect().bottom + window.scrollY)));
}

/** Fresh pane alone at 350 × 900 on an empty workbook (the first-run card shows), in `language`. */
async function freshPane(context, server, language) {
  const page = await context.newPage();
  await page.setViewportSize(SCREEN);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${server.url}workbench.html?pane&ui=${language === "zh" ? "zh-CN" : "en-US"}`);
  try {
    await page.locator("#pane [role=tablist]").waitFor({ timeout: 15_000 });
    // It opens on the tab chosen last (remembered in this profile): start from Data.
    await page.locator("#pane [role=tab][data-tab=data]").click();
    await page.locator("#pane article").first().waitFor({ timeout: 15_000 });
  } catch {
    const text = await page.evaluate(() => document.body.innerText.replace(/\s+/g, " ").slice(0, 300)).catch(() => "");
    await page.close(); // a page left open in front would throttle the workbench's timers
    throw new Error(`the pane alone did not load (${errors.join(" | ") || "no error"}): ${text}`);
  }
  return page;
}

/** Boxes that overlap, between status elements and controls outside the status line. */
async function overlaps(page) {
  return page.evaluate(() => {
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    const slots = [...document.querySelectorAll("#pane [data-status-slot]")].filter(visible);
    const status = slots.flatMap((slot) => [slot, ...slot.querySelectorAll("*")]).filter(visible);
    const controls = [...document.querySelectorAll("#pane button, #pane input, #pane a, #pane [role=tab], #pane select, #pane textarea")]
      .filter(visible)
      .filter((c) => !slots.some((slot) => slot.contains(c)));
    const hits = [];
    for (const s of status) {
      const a = s.getBoundingClientRect();
      for (const c of controls) {
        const b = c.getBoundingClientRect();
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
          hits.push(
            `${s.tagName}.${s.className.toString().slice(0, 20)} over ${c.tagName} “${(c.getAttribute("aria-label") ?? c.textContent ?? "").trim().slice(0, 30)}”`
          );
      }
    }
    return { hits, status: status.length, controls: controls.length };
  });
}

export const SCENARIOS = [
  {
    id: "w1",
    slug: "pane-tabs",
    title: "the pane's tabs: every tab by mouse, then by keyboard (arrows, Home, End, Enter), in English and Chinese",
    timeoutMs: 60_000,
    async run({ page }) {
      const seen = [];
      for (const language of ["zh", "en"]) {
        await paneLanguage(page, language);
        for (const name of TABS[language]) {
          await openPaneTab(page, name);
          const selected = await page.locator("#pane [role=tab][aria-selected=true]").textContent();
          assert(selected === name, `clicking ${name} selected ${selected}`);
          const panels = await page.locator("#pane [role=tabpanel]:not([hidden])").count();
          assert(panels === 1, `${panels} tab panels are shown after clicking ${name}`);
        }
        seen.push(TABS[language].join("·"));
      }
      // Keyboard: from Data, Right → Models (focus only), Enter opens it; End → Settings; Home → Data; Left wraps to Settings.
      await openPaneTab(page, "Data");
      const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
      await page.locator("#pane [role=tab][aria-selected=true]").focus();
      await page.keyboard.press("ArrowRight");
      assert((await focused()) === "Models", `ArrowRight focused ${await focused()}`);
      assert((await page.locator("#pane [role=tab][aria-selected=true]").textContent()) === "Data", "focus alone opened a tab");
      await page.keyboard.press("Enter");
      await waitFor(async () => (await page.locator("#pane [role=tab][aria-selected=true]").textContent()) === "Models", "Enter opens Models");
      await page.keyboard.press("End");
      assert((await focused()) === "Settings", `End focused ${await focused()}`);
      await page.keyboard.press("Space");
      await waitFor(async () => (await page.locator("#pane [role=tab][aria-selected=true]").textContent()) === "Settings", "Space opens Settings");
      await page.keyboard.press("Home");
      await page.keyboard.press("ArrowLeft");
      assert((await focused()) === "Settings", `Home then ArrowLeft focused ${await focused()} (expected the wrap to Settings)`);
      await page.keyboard.press("Home");
      await page.keyboard.press("Enter");
      await waitFor(async () => (await page.locator("#pane [role=tab][aria-selected=true]").textContent()) === "Data", "Enter opens Data");
      // Tab leaves the tab list for the panel (one tab stop for the list).
      await page.keyboard.press("Tab");
      const inPanel = await page.evaluate(() => !!document.activeElement?.closest("#pane-panel-data"));
      assert(inPanel, "Tab from the tab list did not move into the Data panel");
      return `${seen.join(" | ")}; keyboard: → focuses, Enter/Space open, Home/End, ← wraps, Tab enters the panel`;
    },
  },
  {
    id: "w2",
    slug: "one-screen-per-tab",
    title: "at 350 × 900 px each tab's main task fits in one screen, with no sideways scrolling, in English and Chinese",
    timeoutMs: 90_000,
    async run({ context, server }) {
      const lines = [];
      for (const language of ["en", "zh"]) {
        const page = await freshPane(context, server, language);
        try {
          await paneLanguage(page, language);
          const heights = [];
          for (const [i, tab] of ["data", "models", "functions", "share", "settings"].entries()) {
            await openPaneTab(page, TABS[language][i]);
            if (tab === "models") await page.locator("#pane-panel-models li").first().waitFor();
            const bottom = Math.round(await mainTaskBottom(page, tab));
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            assert(width <= SCREEN.width, `${language} ${tab}: the pane is ${width} px wide at ${SCREEN.width} px`);
            assert(
              bottom > 0 && bottom <= SCREEN.height,
              `${language} ${tab}: the main task ends at ${bottom} px, below the first screen (${SCREEN.height} px)`
            );
            heights.push(`${tab} ${bottom}`);
          }
          const firstRun = await page.locator("#pane [data-first-run]").count();
          assert(firstRun === 1, "the first-run card is not shown on an empty workbook");
          lines.push(`${language}: ${heights.join(", ")} px`);
          // The language is remembered in the profile: leave it in English for what follows.
          if (language === "zh") await paneLanguage(page, "en");
        } finally {
          await page.close();
        }
      }
      return `main task bottoms (first screen ${SCREEN.height} px): ${lines.join("; ")}`;
    },
  },
  {
    id: "w3",
    slug: "search-finds-data",
    title: 'search finds data by row name: "H100" both accelerator tables, "GPT-3" the model tables, saying why',
    async run({ page }) {
      await openPaneTab(page, /^(Data|数据)$/);
      const search = page.locator("#pane").getByRole("searchbox", { name: /Search datasets|搜索数据集/ });
      const found = async (query, ids) => {
        await search.fill(query);
        return waitFor(
          async () => {
            const rows = await page
              .locator("#pane article")
              .evaluateAll((els) => els.map((el) => ({ id: el.getAttribute("data-dataset"), why: el.querySelector("[data-match]")?.textContent ?? "" })));
            return ids.every((id) => rows.some((r) => r.id === id)) ? rows : null;
          },
          `searching "${query}" finds ${ids.join(" and ")}`
        );
      };
      const h100 = await found("H100", ["accelerators", "epoch-accelerators"]);
      const gpt3 = await found("GPT-3", ["llm-comparison", "epoch-models"]);
      assert(gpt3.find((r) => r.id === "epoch-models").why.startsWith("Row: GPT-3"), `epoch-models does not say which row: ${JSON.stringify(gpt3)}`);
      await search.fill("");
      return `H100 → ${h100.map((r) => r.id).join(", ")}; GPT-3 → ${gpt3.map((r) => `${r.id}${r.why ? ` (${r.why})` : ""}`).join(", ")}`;
    },
  },
  {
    id: "w4",
    slug: "ribbon-refresh-all",
    title: "the ribbon strip is the manifest's tab; Refresh All runs the pane's refresh and shows the summary on the Data tab; Refresh Table refreshes the table under the selection, or says there is none",
    timeoutMs: 90_000,
    async run({ page, server, paneShot, llmSheet }) {
      const ribbon = page.getByRole("toolbar", { name: "Ribbon: AI Compute" });
      await ribbon.waitFor();
      const groups = await ribbon.getByRole("group").evaluateAll((gs) => gs.map((g) => g.getAttribute("aria-label")));
      assert(groups.join() === "Data,Models,Functions,Share,Help", `the ribbon's groups: ${groups}`);
      await openPaneTab(page, /^(Settings|设置)$/);
      server.state.feed = "v2";
      const button = ribbon.getByRole("button", { name: "Refresh All" });
      await button.click();
      const text = await waitForStatus(page, /Refresh summary/, "the pane shows a refresh summary", 60_000);
      assert((await page.locator("#pane [role=tab][aria-selected=true]").textContent()) === "Data", "Refresh All did not open the Data tab");
      await waitFor(async () => (await button.getAttribute("aria-busy")) === null, "the ribbon button completes");
      const icon = await button.locator("img").evaluate((img) => img.naturalWidth);
      assert(icon === 16, `the button's icon is ${icon} px wide (not loaded from the manifest's URL?)`);
      // The README's picture of the workspace: the ribbon strip, the grid and the pane with the summary.
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(path.dirname(paneShot), "workspace.png") });

      // Refresh Table: the tracked table under the selection only; elsewhere, a line saying there is none.
      assert(llmSheet, "scenario (a) did not record the sheet of llm-comparison");
      await clickTab(page, llmSheet);
      await nameBox(page, "C4");
      await ribbon.getByRole("button", { name: "Refresh Table" }).click();
      const one = await waitFor(async () => {
        const t = await paneStatus(page);
        return /AI_llm_comparison: (Updated|Unchanged|Pinned)/.test(t) && !/AI_epoch_models/.test(t) && !/Loading…/.test(t) ? t : null;
      }, "Refresh Table refreshes only the table under the selection");
      await clickTab(page, "Sheet1");
      await nameBox(page, "H40");
      await ribbon.getByRole("button", { name: "Refresh Table" }).click();
      await waitForStatus(page, /The selection is not in a table the add-in inserted/, "Refresh Table on an empty cell says there is no table");
      return `groups ${groups.join(" · ")}; ${text.replace(/\s+/g, " ").slice(0, 80)}; Refresh Table on ${llmSheet}!C4: ${one.replace(/\s+/g, " ").slice(0, 60)}`;
    },
  },
  {
    id: "w5",
    slug: "ribbon-make-portable-status",
    title: "Make Portable from the ribbon on a sheet of 20 AI formulas: the report opens on the Share tab, details in place, nothing covers a control",
    timeoutMs: 90_000,
    async run({ page }) {
      const SHEET = "Twenty formulas";
      await page.evaluate((name) => {
        const wb = window.workbench;
        if (wb.findSheet(name) === undefined) wb.hf.addSheet(name);
        wb.changed();
      }, SHEET);
      await clickTab(page, SHEET);
      await nameBox(page, "A1");
      await formulaBar(page, "175000000000");
      for (let row = 1; row <= 20; row++) {
        await nameBox(page, `B${row}`);
        await formulaBar(page, `=AI.TRAINFLOPS($A$1,${row}*1e11)`);
      }
      await waitFor(async () => ((await page.locator(`${GRID} [data-address="B20"]`).textContent()) ?? "").includes("E+"), "B20 computes");
      await openPaneTab(page, /^(Data|数据)$/);
      await page.getByRole("toolbar", { name: "Ribbon: AI Compute" }).getByRole("button", { name: "Make Portable" }).click();
      const text = await waitForStatus(page, /20 converted/, "the pane reports 20 converted cells");
      assert((await page.locator("#pane [role=tab][aria-selected=true]").textContent()) === "Share", "Make Portable did not open the Share tab");
      // One line first; the details open in place.
      const details = page.locator("#pane [data-status-slot=share]").getByRole("button", { name: "Details" });
      const shown = () =>
        details.evaluate((button) => {
          const body = document.getElementById(button.getAttribute("aria-controls") ?? "");
          return body ? body.getBoundingClientRect().height > 0 : null;
        });
      assert((await shown()) === false, "the report's details show before Details is pressed");
      await details.click();
      await page.locator("#pane [data-status-slot=share]").getByRole("button", { name: "Hide details" }).waitFor();
      assert(
        (await page
          .locator("#pane [data-status-slot=share]")
          .getByRole("button", { name: "Hide details" })
          .evaluate((b) => document.getElementById(b.getAttribute("aria-controls") ?? "")?.getBoundingClientRect().height ?? 0)) > 100,
        "the report's details did not open in place"
      );
      const box = page.locator("#pane [data-status-slot=share] [data-intent]").first();
      const styles = await box.evaluate((el) => ({ position: getComputedStyle(el).position, background: getComputedStyle(el).backgroundColor }));
      assert(!["absolute", "fixed", "sticky"].includes(styles.position), `the status box is ${styles.position}`);
      assert(/^rgb\(/.test(styles.background), `the status box's background is not opaque: ${styles.background}`);
      const dismiss = await page
        .locator("#pane [data-status-slot=share]")
        .getByRole("button", { name: "Dismiss" })
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      assert(/^rgb\(/.test(dismiss), `Dismiss has no background: ${dismiss}`);
      const result = await overlaps(page);
      assert(result.hits.length === 0, `status elements cover controls: ${result.hits.slice(0, 5).join("; ")}`);
      // And with the pane scrolled to the report, nothing covers Make portable either.
      const button = await page.locator("#pane").getByRole("button", { name: "Make portable", exact: true }).boundingBox();
      assert(button && button.height > 0, "the Make portable button is not shown");
      const cells = (text.match(/Twenty formulas'!B\d+/g) ?? []).length;
      assert(cells === 20, `the report lists ${cells} cells, expected 20`);
      await page.locator("#pane [data-status-slot=share]").getByRole("button", { name: "Dismiss" }).click();
      return `${(await paneStatus(page)) === "" ? "dismissed" : "not dismissed"}; checked ${result.status} status elements against ${result.controls} controls: no overlap; background ${styles.background}`;
    },
  },
  {
    id: "w6",
    slug: "ribbon-zh",
    title: "the ribbon strip in a Chinese Office (?ui=zh-CN): the tab, groups and buttons from the manifest's zh-CN overrides",
    async run({ context, server }) {
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}workbench.html?ui=zh-CN`);
        const ribbon = page.getByRole("toolbar", { name: "Ribbon: AI 算力" });
        await ribbon.waitFor();
        const groups = await ribbon.getByRole("group").evaluateAll((gs) => gs.map((g) => g.getAttribute("aria-label")));
        assert(groups.join() === "数据,模型,函数,分享,帮助", `the ribbon's groups: ${groups}`);
        const buttons = await ribbon.getByRole("button").allTextContents();
        for (const label of ["数据集", "全部刷新", "刷新表格", "转为通用公式", "恢复 AI 公式", "修复 #NAME?", "设置", "帮助"])
          assert(buttons.includes(label), `no ribbon button “${label}”: ${buttons.join(", ")}`);
        // A tab button opens the pane on its tab.
        await ribbon.getByRole("button", { name: "分析模型" }).click();
        await waitFor(
          async () => (await page.locator("#pane [role=tab][aria-selected=true]").getAttribute("data-tab")) === "models",
          "分析模型 opens the Models tab"
        );
        return `AI 算力: ${groups.join(" · ")}; ${buttons.length} buttons`;
      } finally {
        await page.close();
      }
    },
  },
];
