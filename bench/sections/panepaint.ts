/**
 * Section 10: the task pane's first interactive paint (issue 20) in headless Chromium. The
 * production build's taskpane.html is served as Excel would load it, on 127.0.0.1, with a stub
 * of office.js in place of Microsoft's CDN script (same scripts otherwise, same order, the page's
 * own Content-Security-Policy): Office.onReady resolves at once, Office.actions.associate
 * records, and every Excel.run is refused (there is no workbook: the pane shows that the list of
 * inserted tables could not be read, at once). The figure is the time from navigation start to
 * the pane's own mark (App.tsx, PANE_INTERACTIVE_MARK: the tabs and the catalogue's rows drawn,
 * the feed's catalog.json fetched from the same server); the baseline is DOMContentLoaded of the
 * same load (every script parsed and run), so the difference is the pane's first render.
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { emptyResult, errorText, fmtNum, median, type SectionResult } from "../lib/report";
import { serveDir } from "../lib/static-server";
import { isOfficeCdn, scriptSrcs } from "./bundles";

const SECTION = "pane paint";
export const PANE_PAINT_KEYS = ["pane_interactive_ms", "pane_interactive_dcl_ms", "pane_interactive_runs"];

/** The pane's mark (src/taskpane/App.tsx PANE_INTERACTIVE_MARK; a test keeps the two in step). */
export const MARK = "aica-pane-interactive";

const { CHROMIUM_PATH: CHROMIUM, CHROMIUM_ARGS } = require("../../scripts/chromium.js") as { CHROMIUM_PATH: string; CHROMIUM_ARGS: string[] };

/** What the page gets instead of office.js: enough of Office for the pane to start, no workbook. */
export const OFFICE_STUB = `
window.Office = {
  onReady: function (callback) { var info = { host: "Excel", platform: "PC" }; if (callback) callback(info); return Promise.resolve(info); },
  context: { displayLanguage: "en-US", requirements: { isSetSupported: function () { return true; } } },
  actions: { associate: function () {} },
  addin: { showAsTaskpane: function () { return Promise.resolve(); } }
};
window.Excel = { run: function () { return Promise.reject(new Error("the bench has no workbook")); } };
window.CustomFunctions = {
  associate: function () {},
  Error: function (code, message) { this.code = code; this.message = message; },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!" }
};
`;

/** taskpane.html with its office.js <script> pointing at the stub, on this origin. */
export function stubbedPage(html: string): string {
  const office = scriptSrcs(html).find(isOfficeCdn);
  if (!office) throw new Error("taskpane.html loads no office.js from Microsoft's CDN");
  return html.replace(office, "office-stub.js");
}

function serve(dir: string) {
  const page = stubbedPage(fs.readFileSync(path.join(path.resolve(dir), "taskpane.html"), "utf8"));
  return serveDir(dir, { "/taskpane.html": page, "/office-stub.js": OFFICE_STUB });
}

interface Paint {
  interactive: number;
  dcl: number;
}

async function loadOnce(browser: Browser, base: string): Promise<Paint> {
  const context = await browser.newContext({ viewport: { width: 350, height: 900 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/taskpane.html`, { waitUntil: "domcontentloaded", timeout: 20_000 });
    const out = await page.waitForFunction(
      (mark) => {
        const entry = performance.getEntriesByName(mark)[0];
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
        return entry && nav ? { interactive: entry.startTime, dcl: nav.domContentLoadedEventEnd } : null;
      },
      MARK,
      { timeout: 20_000 }
    );
    const paint = (await out.jsonValue()) as Paint;
    if (errors.length) throw new Error(`the pane threw: ${errors[0]}`);
    const rows = await page.locator("article").count();
    if (rows === 0) throw new Error("the pane marked itself interactive with no dataset rows");
    return paint;
  } finally {
    await context.close();
  }
}

export async function runPanePaint(dir: string, runs: number): Promise<SectionResult> {
  const r = emptyResult();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (Debian package chromium)`);
  if (!fs.existsSync(path.join(dir, "taskpane.html"))) throw new Error("the build has no taskpane.html");
  const { server, base } = await serve(dir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
    await loadOnce(browser, base); // untimed: warms the browser process and the OS file cache
    const loads: Paint[] = [];
    for (let k = 0; k < runs; k++) loads.push(await loadOnce(browser, base));
    const interactive = median(loads.map((l) => l.interactive));
    const dcl = median(loads.map((l) => l.dcl));
    r.figures.pane_interactive_ms = Number(interactive.toFixed(1));
    r.figures.pane_interactive_dcl_ms = Number(dcl.toFixed(1));
    r.figures.pane_interactive_runs = runs;
    r.rows.push({
      section: SECTION,
      what: "taskpane.html → pane interactive (tabs and dataset rows drawn), 350 px",
      value: `${fmtNum(interactive, 0)} ms`,
      baseline: `DOMContentLoaded ${fmtNum(dcl, 0)} ms; min ${fmtNum(Math.min(...loads.map((l) => l.interactive)), 0)}, max ${fmtNum(Math.max(...loads.map((l) => l.interactive)), 0)} ms`,
    });
    r.notes.push(`pane paint: median of ${runs} loads, each in a fresh browser context, after one untimed load; office.js stubbed, no workbook`);
    return r;
  } catch (e) {
    throw new Error(`pane paint: ${errorText(e)}`);
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
