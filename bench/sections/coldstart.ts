/**
 * Section 4: cold start of the functions bundle in headless Chromium. A tiny http server on
 * 127.0.0.1 serves the built directory and a stub page whose CustomFunctions.associate records
 * performance.now(); each load is a fresh browser context (empty cache) and page. The figure is
 * the time from inserting the <script src="functions.js"> to the last associate call.
 */
import * as fs from "fs";
import { chromium, type Browser } from "playwright-core";
import { emptyResult, errorText, fmtNum, median, type SectionResult } from "../lib/report";
import { serveDir } from "../lib/static-server";

const SECTION = "cold start";
export const COLD_START_KEYS = ["functions_cold_start_ms", "functions_cold_start_runs", "functions_associate_calls"];

// A CommonJS helper shared with the .mjs scripts (e2e, icon renderer).
const { CHROMIUM_PATH: CHROMIUM, CHROMIUM_ARGS } = require("../../scripts/chromium.js") as { CHROMIUM_PATH: string; CHROMIUM_ARGS: string[] };

/** What Excel's custom-functions runtime provides to functions.js, recording associate calls. */
const STUB_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>cold start</title>
<script>
  window.__associate = [];
  window.CustomFunctions = {
    associate: function (id) { window.__associate.push(performance.now()); },
    Error: function (code, message) { this.code = code; this.message = message; },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!" }
  };
</script></head><body></body></html>`;

const serve = (dir: string) => serveDir(dir, { "/": STUB_PAGE, "/bench-stub.html": STUB_PAGE });

interface Load {
  ms: number;
  calls: number;
}

async function loadOnce(browser: Browser, base: string): Promise<Load> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/bench-stub.html`, { waitUntil: "load", timeout: 20_000 });
    const out = await page.evaluate(
      () =>
        new Promise<{ t0: number; times: number[]; error: string | null }>((resolve) => {
          const w = window as unknown as { __associate: number[] };
          const s = document.createElement("script");
          s.src = "functions.js";
          s.onload = () => resolve({ t0, times: w.__associate.slice(), error: null });
          s.onerror = () => resolve({ t0, times: [], error: "functions.js failed to load" });
          const t0 = performance.now();
          document.head.appendChild(s);
        })
    );
    if (out.error) throw new Error(out.error);
    if (errors.length) throw new Error(`functions.js threw: ${errors[0]}`);
    if (out.times.length === 0) throw new Error("functions.js made no CustomFunctions.associate call");
    return { ms: Math.max(...out.times) - out.t0, calls: out.times.length };
  } finally {
    await context.close();
  }
}

export async function runColdStart(dir: string, runs: number): Promise<SectionResult> {
  const r = emptyResult();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (Debian package chromium)`);
  const { server, base } = await serve(dir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
    await loadOnce(browser, base); // untimed: warms the browser process and the OS file cache
    const loads: Load[] = [];
    for (let k = 0; k < runs; k++) loads.push(await loadOnce(browser, base));
    const ms = median(loads.map((l) => l.ms));
    r.figures.functions_cold_start_ms = Number(ms.toFixed(2));
    r.figures.functions_cold_start_runs = runs;
    r.figures.functions_associate_calls = loads[0].calls;
    r.rows.push({
      section: SECTION,
      what: `functions.js load → last associate (${loads[0].calls} calls)`,
      value: `${fmtNum(ms, 1)} ms`,
      baseline: `min ${fmtNum(Math.min(...loads.map((l) => l.ms)), 1)}, max ${fmtNum(Math.max(...loads.map((l) => l.ms)), 1)} ms`,
    });
    r.notes.push(`cold start: median of ${runs} loads, each in a fresh browser context, after one untimed load`);
    return r;
  } catch (e) {
    throw new Error(`cold start: ${errorText(e)}`);
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
