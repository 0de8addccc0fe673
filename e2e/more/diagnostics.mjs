// Settings → Run diagnostics (issue 21, item 9) in the workbench: every check that applies here
// passes, the ones that cannot (Office host, requirement sets, Excel runtime) say they do not
// apply, the plain-text report is there and copies, and the workbook is left as it was.
import { assert, openPaneTab, pane, waitFor } from "../scenarios.mjs";

const EXPECTED = {
  host: "skipped",
  requirements: "skipped",
  functions: "pass",
  table: "pass",
  feed: "pass",
  csp: "pass",
  runtime: "skipped",
};

/** What the workbench's workbook holds (every sheet with its visibility, the tables, the active sheet). */
async function workbookShape(page) {
  return page.evaluate(() => {
    const book = window.workbench;
    return JSON.stringify({
      sheets: book.allSheets().map((s) => `${s.name}:${book.sheetVisibility(s.id)}`),
      tables: book.tables().map((t) => t.name),
      active: book.activeSheet,
      selection: book.selection,
    });
  });
}

export const SCENARIOS = [
  {
    id: "diagnostics",
    slug: "run-diagnostics",
    title: "Settings → Run diagnostics: the checks that apply pass, the others say they do not apply, the report copies, the workbook is unchanged",
    timeoutMs: 60_000,
    async run({ page, context, server }) {
      const p = await pane(page);
      await openPaneTab(page, /^(Settings|设置)$/);
      const before = await workbookShape(page);
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });

      const run = p.getByRole("button", { name: /^(Run diagnostics|运行诊断|Run again|再次运行)$/ });
      await run.scrollIntoViewIfNeeded();
      await run.click();
      const box = p.locator("#pane-diagnostics-report");
      await box.waitFor({ state: "visible", timeout: 45_000 });

      const outcomes = await p.locator("li[data-check]").evaluateAll((items) => Object.fromEntries(items.map((li) => [li.dataset.check, li.dataset.outcome])));
      assert(JSON.stringify(outcomes) === JSON.stringify(EXPECTED), `outcomes ${JSON.stringify(outcomes)}, expected ${JSON.stringify(EXPECTED)}`);
      for (const id of ["host", "requirements", "runtime"]) {
        const text = (await p.locator(`li[data-check="${id}"]`).textContent()) ?? "";
        assert(/Not applicable in the workbench|在工作台中不适用/.test(text), `${id} does not say it does not apply here: ${text}`);
      }

      const report = await box.inputValue();
      const lines = report.split("\n");
      assert(/^(AI Compute Analyst: diagnostics report|AI 算力分析助手：诊断报告)$/.test(lines[0]), `the report starts with ${lines[0]}`);
      const checks = lines.filter((l) => /^\d\. \[/.test(l));
      assert(checks.length === 7, `the report lists ${checks.length} checks:\n${report}`);
      assert(/=AI\.TRAINFLOPS\(1,1\) (gave|得到) 6/.test(report), `the report has no computed =AI.TRAINFLOPS(1,1):\n${report}`);

      await p.getByRole("button", { name: /^(Copy report|复制报告)$/ }).click();
      const said = await waitFor(async () => {
        const t = (await p.locator("[role=status]").allTextContents()).join(" ");
        return /The report is on the clipboard|报告已复制到剪贴板|may not use the clipboard|不能使用剪贴板/.test(t) ? t : null;
      }, "the pane says whether the report was copied");
      let copied = "fallback: selected for Ctrl+C";
      if (/on the clipboard|已复制/.test(said)) {
        const clip = await page.evaluate(() => navigator.clipboard.readText());
        assert(clip === report, "the clipboard does not hold the report");
        copied = `${clip.length} characters on the clipboard`;
      }

      const after = await workbookShape(page);
      assert(after === before, `the workbook changed: ${before} → ${after}`);
      return `${checks.map((l) => l.replace(/ \(\d+ ms\)$/, "")).join("; ")}; ${copied}`;
    },
  },
];
