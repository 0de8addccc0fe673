#!/usr/bin/env node
// End-to-end tests of the workbench (the real task pane on a HyperFormula workbook) in headless
// Chromium, driven by playwright-core. `npm run test:e2e`.
//
// 1. builds the workbench (webpack --mode development --env workbench) into a temporary folder;
// 2. serves it on 127.0.0.1 with a feed the test can switch to a changed copy (e2e/server.mjs);
// 3. launches Chromium (/usr/bin/chromium, or $CHROMIUM) headless with a fresh profile;
// 4. runs the scenarios (e2e/scenarios.mjs), saving a screenshot of each under
//    test-artifacts/e2e/, and a 350 px screenshot of the task pane for the README under
//    assets/screenshots/task-pane.png;
// 5. prints `e2e: N passed, M failed` and exits non-zero on any failure.
//
// The workbench page carries the task pane's Content-Security-Policy (a <meta> the build writes,
// scripts/hosting.ts); every `securitypolicyviolation` event and every console error (Chromium
// logs each refusal) fails the scenario during which it happened, or the run when at load.
//
// Environment: CHROMIUM (browser path), E2E_UPDATE_SCREENSHOTS=1 (refresh assets/screenshots/), E2E_BUILD_DIR (use an existing workbench build and skip
// step 1), E2E_KEEP=1 (keep the temporary build and profile), E2E_ONLY=a,c (run some scenarios;
// the later ones may rely on the earlier ones' state).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { changedFeed, epochFeedV2, serve } from "./server.mjs";
import { paneScreenshot, SCENARIOS as CORE_SCENARIOS } from "./scenarios.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "e2e");
// The README's pictures are refreshed only when asked (E2E_UPDATE_SCREENSHOTS=1), so a test run
// leaves the work tree clean; otherwise they go with the other artifacts.
const SCREENSHOT_DIR = process.env.E2E_UPDATE_SCREENSHOTS ? path.join(ROOT, "assets", "screenshots") : ARTIFACTS;
const PANE_SHOT = path.join(SCREENSHOT_DIR, "task-pane.png");
const SCENARIO_TIMEOUT_MS = 30_000;
const require = createRequire(import.meta.url);
const { CHROMIUM_PATH: CHROMIUM, CHROMIUM_ARGS: FLAGS } = require("../scripts/chromium.js");

/**
 * The scenarios: scenarios.mjs first, then each e2e/more/*.mjs in file-name order (each exports
 * SCENARIOS, built with the helpers scenarios.mjs exports), so a feature's scenarios live in a
 * file of their own.
 */
async function loadScenarios() {
  const dir = path.join(ROOT, "e2e", "more");
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".mjs"))
        .sort()
    : [];
  const more = [];
  for (const f of files) more.push(...(await import(pathToFileURL(path.join(dir, f)).href)).SCENARIOS);
  const all = [...CORE_SCENARIOS, ...more];
  const ids = all.map((s) => s.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`two e2e scenarios have the id ${dup}`);
  return all;
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function build(outDir) {
  const cli = require.resolve("webpack-cli/bin/cli.js");
  const args = [cli, "--mode", "development", "--env", "workbench", "--no-devtool", "--output-path", outDir];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0 && fs.existsSync(path.join(outDir, "workbench.html"))) resolve();
      else reject(new Error(`webpack failed (exit ${code}):\n${log.slice(-4000)}`));
    });
  });
}

/** Whether fontconfig knows a font with Chinese glyphs (screenshots only; the checks read the DOM). */
function hasCjkFont() {
  const r = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
  return r.status !== 0 || r.error ? true : r.stdout.trim() !== "";
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
    }),
  ]);
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`e2e: no browser at ${CHROMIUM} (set CHROMIUM to a Chromium or Chrome executable)`);
    console.log("e2e: 0 passed, 1 failed");
    return 1;
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.mkdirSync(path.dirname(PANE_SHOT), { recursive: true });
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), "aica-e2e-"));
  const outDir = process.env.E2E_BUILD_DIR ? path.resolve(process.env.E2E_BUILD_DIR) : path.join(temp, "build");
  const profile = path.join(temp, "profile");
  let server;
  let context;
  const results = [];
  try {
    if (process.env.E2E_BUILD_DIR) console.log(`e2e: using the build in ${outDir}`);
    else {
      console.log("e2e: building the workbench (webpack --mode development --env workbench)…");
      await build(outDir);
      console.log(`e2e: built in ${elapsed()}`);
    }
    const changed = changedFeed(path.join(outDir, "data"));
    const v2 = epochFeedV2(path.join(outDir, "data"), changed.files);
    server = await serve(outDir, changed.files, { v2: v2.files });
    console.log(`e2e: serving ${outDir} at ${server.url}`);

    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1440, height: 900 },
      locale: "en-US",
    });
    // Before any page script: record every CSP refusal the page sees (its policy is a <meta>).
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}${e.sample ? ` (${e.sample.slice(0, 60)})` : ""}`)
      );
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors = [];
    /** CSP violations since the last call, as page errors (the page keeps the list). */
    const collectViolations = async () => {
      const found = await page.evaluate(() => (window.__cspViolations ?? []).splice(0)).catch(() => []);
      for (const v of found) pageErrors.push(`CSP violation: ${v}`);
    };
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}workbench.html`);
    await page.waitForSelector("body[data-epoch]", { timeout: 30_000 });
    const epoch = await page.getAttribute("body", "data-epoch");
    console.log(`e2e: workbench loaded, Epoch AI models ${epoch} (${elapsed()})`);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    if (!policy || !/style-src 'self' 'nonce-/.test(policy)) throw new Error(`the workbench page has no nonce-based Content-Security-Policy (got ${policy})`);
    const nonced = await page.evaluate(() => [...document.querySelectorAll("style")].filter((s) => s.nonce).length);
    if (nonced < 2) throw new Error(`Griffel's <style> elements carry no nonce (${nonced} nonced <style> in the page)`);
    await collectViolations();
    if (pageErrors.length > 0) throw new Error(`the workbench reported errors while loading: ${pageErrors.join(" | ")}`);
    console.log(`e2e: Content-Security-Policy in force, no violation at load (${nonced} <style> elements with the nonce)`);

    const env = { page, context, server, changed, v2, paneShot: PANE_SHOT, notes: [] };
    const only = process.env.E2E_ONLY ? new Set(process.env.E2E_ONLY.split(",").map((s) => s.trim())) : null;
    const SCENARIOS = await loadScenarios();
    for (const scenario of SCENARIOS) {
      if (only && !only.has(scenario.id)) continue;
      const shot = path.join(ARTIFACTS, `${scenario.id}-${scenario.slug}.png`);
      const errorsBefore = pageErrors.length;
      const t0 = Date.now();
      let outcome;
      try {
        const detail = await withTimeout(scenario.run(env), scenario.timeoutMs ?? SCENARIO_TIMEOUT_MS, `(${scenario.id})`);
        await collectViolations();
        const newErrors = pageErrors.slice(errorsBefore);
        if (newErrors.length > 0) throw new Error(`the page reported errors: ${newErrors.join(" | ")}`);
        outcome = detail && detail.pending ? { status: "pending", detail: detail.pending } : { status: "passed", detail: detail ?? "" };
      } catch (error) {
        outcome = { status: "failed", detail: error instanceof Error ? error.message : String(error) };
      }
      try {
        await page.screenshot({ path: shot });
      } catch (error) {
        outcome.detail += ` (no screenshot: ${error instanceof Error ? error.message : error})`;
      }
      const mark = outcome.status === "passed" ? "✓" : outcome.status === "pending" ? "…" : "✗";
      console.log(`${mark} (${scenario.id}) ${scenario.title} [${((Date.now() - t0) / 1000).toFixed(1)} s]${outcome.detail ? `: ${outcome.detail}` : ""}`);
      console.log(`    screenshot: ${path.relative(ROOT, shot)}`);
      results.push({ ...scenario, ...outcome });
    }

    // The README's picture of the pane, at the width Office gives a task pane.
    if (!only || only.has("pane")) {
      try {
        await withTimeout(paneScreenshot(env), SCENARIO_TIMEOUT_MS, "(pane screenshot)");
        console.log(`✓ task pane at 350 px: ${path.relative(ROOT, PANE_SHOT)}`);
        results.push({ id: "pane", status: "passed" });
      } catch (error) {
        console.log(`✗ task pane at 350 px: ${error instanceof Error ? error.message : error}`);
        results.push({ id: "pane", status: "failed" });
      }
    }
    if (!hasCjkFont())
      env.notes.push(
        "no Chinese font on this machine (fc-list :lang=zh is empty): Chinese text shows as boxes in the screenshots; the checks read the DOM and are not affected. Install e.g. fonts-noto-cjk for readable pictures."
      );
    for (const n of env.notes) console.log(`note: ${n}`);
  } catch (error) {
    console.error(`e2e: ${error instanceof Error ? error.stack || error.message : error}`);
    results.push({ id: "setup", status: "failed" });
  } finally {
    if (context) await context.close().catch(() => undefined);
    if (server) await server.close();
    if (!process.env.E2E_KEEP) fs.rmSync(temp, { recursive: true, force: true });
    else console.log(`e2e: kept ${temp}`);
  }
  const passed = results.filter((r) => r.status === "passed").length;
  const failed = results.filter((r) => r.status === "failed").length;
  const pending = results.filter((r) => r.status === "pending").length;
  console.log(`e2e: finished in ${elapsed()}${pending > 0 ? `, ${pending} pending` : ""}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log("e2e: 0 passed, 1 failed");
    process.exit(1);
  }
);
