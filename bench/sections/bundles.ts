/**
 * Section 3: bytes of the production bundles, raw and gzip (zlib level 9, each file on its own,
 * as a server would send it). Built by webpack into a temporary directory so dist/ (which the
 * tests and other engineers use) is never touched; when the build fails, an existing dist/ is
 * read instead (and the output says so), else the figures are n/a.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { spawn } from "child_process";
import { budgetStatus, emptyResult, errorText, fmtBytes, type Budget, type SectionResult } from "../lib/report";

const SECTION = "bundles";
export const BUNDLE_KEYS = [
  "functions_raw_bytes",
  "functions_gzip_bytes",
  "taskpane_raw_bytes",
  "taskpane_gzip_bytes",
  "taskpane_scripts",
  "feed_raw_bytes",
  "feed_gzip_bytes",
  "feed_files",
  "other_js_gzip_bytes",
  "bundle_source",
];

/** Budgets, in bytes (1 KB = 1000 bytes, the stricter reading). */
export const FUNCTIONS_GZIP_BUDGET = 60_000;
export const TASKPANE_GZIP_BUDGET = 169_000;

export interface BundleDir {
  dir: string;
  /** "build" (fresh build of the working tree) or "dist" (an existing dist/, maybe stale). */
  source: "build" | "dist";
  /** Remove when done (a temporary build). */
  temporary: boolean;
  note?: string;
}

function tail(text: string, lines: number): string {
  return text.trim().split("\n").slice(-lines).join(" | ");
}

/** First line that looks like the reason of a failed build. */
function buildFailure(output: string): string {
  const lines = output.split("\n").map((l) => l.trim());
  const hit = lines.find((l) => /^(ERROR|\[webpack-cli\]|Error:|TypeError|SyntaxError|Module not found)/.test(l));
  return (hit ?? tail(output, 2)).slice(0, 300);
}

/** Runs webpack --mode production into a fresh temporary directory. */
export function buildProduction(root: string, timeoutMs: number): Promise<{ dir: string } | { error: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-dist-"));
  const cli = path.join(root, "node_modules", "webpack", "bin", "webpack.js");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "--mode", "production", "--output-path", dir], {
      cwd: root,
      env: { ...process.env, ADDIN_BASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const ok = code === 0 && fs.existsSync(path.join(dir, "functions.js"));
      if (ok) return resolve({ dir });
      fs.rmSync(dir, { recursive: true, force: true });
      if (signal) return resolve({ error: `webpack stopped after ${Math.round(timeoutMs / 1000)} s (${signal})` });
      resolve({ error: `webpack exited with ${code}: ${buildFailure(out)}` });
    });
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ error: `could not start webpack: ${errorText(e)}` });
    });
  });
}

/** The bundle to measure: an explicit directory, a fresh build, or dist/ when the build fails. */
export async function locateBundle(
  root: string,
  opts: { dist?: string; build: boolean; buildTimeoutMs: number }
): Promise<BundleDir | { error: string }> {
  if (opts.dist) {
    const dir = path.resolve(opts.dist);
    if (!fs.existsSync(path.join(dir, "functions.js"))) return { error: `${dir}/functions.js does not exist` };
    return { dir, source: "dist", temporary: false, note: `read ${dir} (--dist)` };
  }
  let buildError = "";
  if (opts.build) {
    const built = await buildProduction(root, opts.buildTimeoutMs);
    if ("dir" in built)
      return { dir: built.dir, source: "build", temporary: true, note: "fresh production build of the working tree (temporary directory)" };
    buildError = built.error;
  }
  const dist = path.join(root, "dist");
  if (fs.existsSync(path.join(dist, "functions.js"))) {
    const age = new Date(fs.statSync(path.join(dist, "functions.js")).mtimeMs).toISOString();
    const why = opts.build ? `production build failed (${buildError})` : "not built (--no-build)";
    return {
      dir: dist,
      source: "dist",
      temporary: false,
      note: `${why}; read the existing dist/ built ${age}, which may not match the working tree`,
    };
  }
  return {
    error: opts.build
      ? `production build failed (${buildError}) and there is no dist/functions.js`
      : "not built (--no-build) and there is no dist/functions.js",
  };
}

export interface Sized {
  raw: number;
  gzip: number;
}

export function sizeOf(file: string): Sized {
  const buf = fs.readFileSync(file);
  return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
}

/** The src of every <script> of an HTML page, in order. */
export function scriptSrcs(html: string): string[] {
  const out: string[] = [];
  const re = /<script\b([^>]*)>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[1]);
    if (src) out.push(src[1] ?? src[2] ?? src[3]);
  }
  return out;
}

/** Office.js comes from Microsoft's CDN (store policy): not ours to count. */
export function isOfficeCdn(src: string): boolean {
  return /^(https?:)?\/\/appsforoffice\.microsoft\.com\//i.test(src);
}

function isExternal(src: string): boolean {
  return /^([a-z]+:)?\/\//i.test(src);
}

export function runBundles(bundle: BundleDir): SectionResult {
  const r = emptyResult();
  const dir = bundle.dir;
  r.figures.bundle_source = bundle.source;
  if (bundle.note) r.notes.push(`bundles: ${bundle.note}`);

  const fn = sizeOf(path.join(dir, "functions.js"));
  r.figures.functions_raw_bytes = fn.raw;
  r.figures.functions_gzip_bytes = fn.gzip;
  const fnBudget: Budget = { key: "functions_gzip_bytes", value: fn.gzip, limit: FUNCTIONS_GZIP_BUDGET, inclusive: false, text: "< 60 KB" };
  r.budgets.push(fnBudget);
  r.rows.push({
    section: SECTION,
    what: "functions.js gzip",
    value: fmtBytes(fn.gzip),
    baseline: `raw ${fmtBytes(fn.raw)}`,
    budget: fnBudget.text,
    status: budgetStatus(fnBudget),
  });

  const counted = new Set<string>();
  const html = path.join(dir, "taskpane.html");
  if (fs.existsSync(html)) {
    const srcs = scriptSrcs(fs.readFileSync(html, "utf8"));
    let raw = 0;
    let gzip = 0;
    const listed: { src: string; raw: number; gzip: number }[] = [];
    for (const src of srcs) {
      if (isOfficeCdn(src)) continue;
      if (isExternal(src)) {
        r.notes.push(`bundles: taskpane.html loads an external script not counted: ${src}`);
        continue;
      }
      const rel = decodeURIComponent(src.split(/[?#]/)[0]).replace(/^\.?\//, "");
      const file = path.join(dir, rel);
      if (!fs.existsSync(file)) {
        r.notes.push(`bundles: taskpane.html loads ${src}, which is not in the build`);
        continue;
      }
      const s = sizeOf(file);
      counted.add(path.resolve(file));
      raw += s.raw;
      gzip += s.gzip;
      listed.push({ src, raw: s.raw, gzip: s.gzip });
    }
    r.figures.taskpane_raw_bytes = raw;
    r.figures.taskpane_gzip_bytes = gzip;
    r.figures.taskpane_scripts = listed;
    const tpBudget: Budget = { key: "taskpane_gzip_bytes", value: gzip, limit: TASKPANE_GZIP_BUDGET, inclusive: true, text: "<= 169 KB" };
    r.budgets.push(tpBudget);
    r.rows.push({
      section: SECTION,
      what: `taskpane.html scripts gzip (${listed.map((l) => l.src).join(", ")})`,
      value: fmtBytes(gzip),
      baseline: `raw ${fmtBytes(raw)}`,
      budget: tpBudget.text,
      status: budgetStatus(tpBudget),
    });
  } else {
    for (const k of ["taskpane_raw_bytes", "taskpane_gzip_bytes", "taskpane_scripts"]) {
      r.figures[k] = null;
      r.na[k] = "the build has no taskpane.html";
    }
    r.budgets.push({ key: "taskpane_gzip_bytes", value: null, limit: TASKPANE_GZIP_BUDGET, inclusive: true, text: "<= 169 KB" });
    r.rows.push({
      section: SECTION,
      what: "taskpane.html scripts gzip",
      value: "n/a",
      baseline: "no taskpane.html in the build",
      budget: "<= 169 KB",
      status: "n/a",
    });
  }

  const dataDir = path.join(dir, "data");
  const feed = fs.existsSync(dataDir) ? fs.readdirSync(dataDir).filter((f) => f.endsWith(".json")) : [];
  if (feed.length) {
    let raw = 0;
    let gzip = 0;
    for (const f of feed) {
      const s = sizeOf(path.join(dataDir, f));
      raw += s.raw;
      gzip += s.gzip;
    }
    r.figures.feed_raw_bytes = raw;
    r.figures.feed_gzip_bytes = gzip;
    r.figures.feed_files = feed.length;
    r.rows.push({
      section: SECTION,
      what: `feed data/*.json gzip (${feed.length} files)`,
      value: fmtBytes(gzip),
      baseline: `raw ${fmtBytes(raw)}`,
    });
  } else {
    for (const k of ["feed_raw_bytes", "feed_gzip_bytes", "feed_files"]) {
      r.figures[k] = null;
      r.na[k] = "the build has no data/*.json";
    }
    r.rows.push({ section: SECTION, what: "feed data/*.json", value: "n/a", baseline: "no data/*.json in the build" });
  }

  // Scripts no page lists: lazy chunks (e.g. the epoch-models rows), loaded on demand.
  const others = fs.readdirSync(dir).filter((f) => f.endsWith(".js") && f !== "functions.js" && !counted.has(path.resolve(dir, f)));
  const otherGzip = others.reduce((n, f) => n + sizeOf(path.join(dir, f)).gzip, 0);
  r.figures.other_js_gzip_bytes = otherGzip;
  if (others.length)
    r.rows.push({ section: SECTION, what: `other .js, loaded on demand (${others.join(", ")})`, value: fmtBytes(otherGzip) });
  return r;
}
