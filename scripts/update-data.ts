/**
 * The data updater (`npm run data:update`): fetches each upstream of scripts/data-sources.json,
 * converts it (scripts/epoch-convert.ts), diffs it against the published feed by row key, bumps
 * the dataset's version by semver, writes a changelog, and publishes the new feed atomically.
 *
 *   node -r ./scripts/ts-require.js scripts/update-data.ts [--feed dist/data] [--source id=URL|path]… [--dry-run] [--timeout ms]
 *
 * Rules (README, "Keeping data current"):
 * - Row key: the first column's text (`model`, `name`); a value that repeats is keyed by its
 *   occurrence, "P-LLama3", "P-LLama3 #2", in row order (Epoch repeats a few names).
 * - Version: major when a column is removed or renamed or the key column changes; minor when
 *   columns or rows are added, and also when rows are removed (the columns a workbook's formulas
 *   use are intact, but the table shrinks: a consumer should see more than a patch); patch when
 *   only values change. Nothing changed: the published file is kept byte for byte.
 * - The ETag and SHA-256 of the last fetch are kept in <id>.changelog.json (`upstream`), and sent
 *   back as If-None-Match; a 304 or the same bytes mean nothing to do for that dataset.
 * - asOf of an updated dataset is the UTC date of the run: Epoch's exports are rebuilt daily and
 *   carry no as-of date of their own.
 * - Atomic: the new feed is written to a sibling temporary directory, every file of it validated,
 *   then swapped in by rename. Any failure leaves the published feed byte-identical and throws an
 *   UpdateError naming the source id, the URL and the reason.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { convert, convertHardware, parseCsv } from "./epoch-convert";
import {
  CATALOG_FILE,
  catalogEntryOf,
  CHANGELOG_LIST_CAP,
  changelogFileName,
  FEED_FORMAT_VERSION,
  feedJsonSchema,
  matchCatalogEntry,
  matchChangelog,
  parseFeedText,
  SCHEMA_FILE,
  validateCatalog,
  validateChangelog,
  validateDataset,
  type CatalogEntry,
  type CellChange,
  type ChangelogEntry,
  type ChangelogFile,
  type ChangelogUpstream,
  type DatasetFile,
  type FeedCatalog,
} from "../src/data/feed";
import { bumpVersion, type Bump } from "../src/data/semver";
import { epochAcceleratorsFrom } from "../src/data/datasets/epoch-accelerators";
import { epochModelsFrom } from "../src/data/datasets/epoch-models";
import type { CellValue, Column, Dataset } from "../src/data/types";

const ROOT = resolve(__dirname, "..");
export const DEFAULT_CONFIG = join(ROOT, "scripts/data-sources.json");
export const DEFAULT_FEED = join(ROOT, "dist/data");
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Upstream files larger than this are refused (Epoch's are a few MB). */
const MAX_UPSTREAM_BYTES = 200 * 1024 * 1024;
/** Changelog entries kept per dataset (the file stays small; older ones are dropped). */
const MAX_CHANGELOG_ENTRIES = 100;

export type ConverterId = "epoch-models" | "epoch-accelerators";

export interface SourceConfig {
  id: string;
  url: string;
  converter: ConverterId;
}

/** A failure the updater reports in one line; the published feed is untouched. */
export class UpdateError extends Error {}

export interface UpdateOptions {
  /** The published feed directory (catalog.json, <id>.json, …). */
  feedDir: string;
  /** Per-id overrides of the upstream (URL or local path): the --source flags. */
  sources?: Record<string, string>;
  /** Environment for AICA_SOURCE_<ID> overrides (default process.env). */
  env?: Record<string, string | undefined>;
  configPath?: string;
  dryRun?: boolean;
  /** Whole-request timeout per upstream. */
  timeoutMs?: number;
  /** The time of the run (tests pin it). */
  now?: Date;
}

export interface DatasetOutcome {
  id: string;
  url: string;
  status: "unchanged" | "updated" | "new";
  /** Why unchanged: "304", "same bytes", "same rows". */
  reason?: string;
  from: string | null;
  to: string;
  counts?: ChangelogEntry["counts"];
  /** One line for the console, e.g. "epoch-models: 1.0.0 → 1.1.0: +10 rows, −1, 5 changed cells". */
  line: string;
}

export interface UpdateResult {
  published: boolean;
  outcomes: DatasetOutcome[];
}

// ---------------------------------------------------------------------------------------
// Sources

/** Reads the config file: the list of sources, each checked. */
export function readConfig(path = DEFAULT_CONFIG): SourceConfig[] {
  const json = JSON.parse(readFileSync(path, "utf8")) as { sources?: unknown };
  if (!Array.isArray(json.sources)) throw new UpdateError(`${path}: expected "sources": [ … ]`);
  return json.sources.map((s: unknown, i: number) => {
    const o = s as Partial<SourceConfig>;
    if (typeof o.id !== "string" || typeof o.url !== "string" || (o.converter !== "epoch-models" && o.converter !== "epoch-accelerators")) {
      throw new UpdateError(`${path}: sources[${i}] needs id, url and converter ("epoch-models" or "epoch-accelerators")`);
    }
    return { id: o.id, url: o.url, converter: o.converter };
  });
}

/** AICA_SOURCE_EPOCH_MODELS for "epoch-models". */
export const envName = (id: string): string => `AICA_SOURCE_${id.toUpperCase().replace(/-/g, "_")}`;

/** The upstream of each source: --source flag, else environment variable, else the config file. */
export function resolveSources(config: SourceConfig[], flags: Record<string, string> = {}, env: Record<string, string | undefined> = {}): SourceConfig[] {
  for (const id of Object.keys(flags)) {
    if (!config.some((s) => s.id === id)) throw new UpdateError(`--source ${id}=…: no such source (known: ${config.map((s) => s.id).join(", ")})`);
  }
  return config.map((s) => ({ ...s, url: flags[s.id] ?? env[envName(s.id)] ?? s.url }));
}

type Location = { kind: "http"; url: URL } | { kind: "file"; path: string };

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** https anywhere, http only on loopback, file: URLs and plain paths read from disk. */
function locate(spec: string): Location {
  if (/^file:/i.test(spec)) return { kind: "file", path: fileURLToPath(spec) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    const url = new URL(spec);
    if (url.protocol === "https:") return { kind: "http", url };
    if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return { kind: "http", url };
    throw new Error(`refused: only https URLs (or http on 127.0.0.1/localhost) are fetched, got ${url.protocol}//${url.host}`);
  }
  return { kind: "file", path: resolve(spec) };
}

type Fetched = { status: 304 } | { status: 200; bytes: Buffer; etag: string | null };

/** GET with If-None-Match, following up to 5 redirects; rejects on HTTP errors, truncation and timeout. */
function get(url: URL, etag: string | null, timeoutMs: number, redirects = 5): Promise<Fetched> {
  return new Promise((resolvePromise, reject) => {
    const lib = url.protocol === "https:" ? https : http;
    const headers: Record<string, string> = { "user-agent": "ai-compute-analyst-data-update", accept: "text/csv, */*" };
    if (etag !== null) headers["if-none-match"] = etag;
    let settled = false;
    const done = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
    };
    const req = lib.get(url, { headers }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
        res.resume();
        if (redirects === 0) return done(() => reject(new Error("too many redirects")));
        let next: URL;
        try {
          const loc = locate(new URL(res.headers.location, url).href);
          if (loc.kind !== "http") throw new Error("redirect to a non-http location");
          next = loc.url;
        } catch (e) {
          return done(() => reject(e));
        }
        return done(() => get(next, etag, timeoutMs, redirects - 1).then(resolvePromise, reject));
      }
      if (status === 304) {
        res.resume();
        return done(() => resolvePromise({ status: 304 }));
      }
      if (status < 200 || status >= 300) {
        res.resume();
        return done(() => reject(new Error(`HTTP ${status} ${res.statusMessage ?? ""}`.trim())));
      }
      const expected = res.headers["content-length"] === undefined ? null : Number(res.headers["content-length"]);
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > MAX_UPSTREAM_BYTES) {
          req.destroy();
          done(() => reject(new Error(`response over ${MAX_UPSTREAM_BYTES} bytes`)));
        } else chunks.push(c);
      });
      res.on("aborted", () => done(() => reject(new Error(`connection closed after ${size} bytes${expected === null ? "" : ` of ${expected}`} (truncated)`))));
      res.on("error", (e) => done(() => reject(new Error(`truncated response: ${e.message}`))));
      res.on("end", () => {
        if (!res.complete || (expected !== null && size !== expected)) {
          return done(() => reject(new Error(`connection closed after ${size} bytes${expected === null ? "" : ` of ${expected}`} (truncated)`)));
        }
        const tag = res.headers.etag;
        done(() => resolvePromise({ status: 200, bytes: Buffer.concat(chunks), etag: typeof tag === "string" ? tag : null }));
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      done(() => reject(new Error(`no complete answer within ${timeoutMs} ms`)));
    }, timeoutMs);
    req.on("error", (e) => done(() => reject(new Error(`network error: ${e.message}`))));
  });
}

async function fetchSource(spec: string, etag: string | null, timeoutMs: number): Promise<Fetched> {
  const loc = locate(spec);
  if (loc.kind === "file") {
    const bytes = readFileSync(loc.path);
    return { status: 200, bytes, etag: null };
  }
  return get(loc.url, etag, timeoutMs);
}

// ---------------------------------------------------------------------------------------
// Conversion and diff

const today = (now: Date): string => now.toISOString().slice(0, 10);

/** The dataset built from upstream bytes, with the module's id, title, columns and notes. */
function build(source: SourceConfig, bytes: Buffer, sha256: string, now: Date): Dataset {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error("not UTF-8 text");
  }
  const records = parseCsv(text);
  const origin = { url: source.url, asOf: today(now) };
  if (source.converter === "epoch-models") {
    const c = convert(records, sha256);
    return epochModelsFrom(c, origin);
  }
  return epochAcceleratorsFrom(convertHardware(records, sha256), origin);
}

/** Row keys by the rule above: the first column's text, repeats numbered "#2", "#3", … */
export function rowKeys(rows: readonly CellValue[][]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const base = r[0] === null ? "(blank)" : String(r[0]);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}

export interface DatasetDiff {
  keyChanged: boolean;
  columnsAdded: string[];
  columnsRemoved: string[];
  added: string[];
  removed: string[];
  /** Every changed cell of the rows present in both (not capped). */
  changed: CellChange[];
  changedRows: number;
}

/** What changed from prev to next, matching rows by key and columns by key. */
export function diffDatasets(prev: Pick<Dataset, "columns" | "rows">, next: Pick<Dataset, "columns" | "rows">): DatasetDiff {
  const pKeys = prev.columns.map((c: Column) => c.key);
  const nKeys = next.columns.map((c: Column) => c.key);
  const columnsAdded = nKeys.filter((k) => !pKeys.includes(k));
  const columnsRemoved = pKeys.filter((k) => !nKeys.includes(k));
  const keyChanged = pKeys[0] !== nKeys[0];
  const prevRows = new Map<string, CellValue[]>();
  rowKeys(prev.rows).forEach((k, i) => prevRows.set(k, prev.rows[i]));
  const nextKeys = rowKeys(next.rows);
  const nextSet = new Set(nextKeys);
  const added: string[] = [];
  const changed: CellChange[] = [];
  let changedRows = 0;
  const common = nKeys.filter((k) => pKeys.includes(k));
  nextKeys.forEach((key, i) => {
    const old = prevRows.get(key);
    if (!old) {
      added.push(key);
      return;
    }
    let rowChanged = false;
    for (const col of common) {
      const a = old[pKeys.indexOf(col)];
      const b = next.rows[i][nKeys.indexOf(col)];
      if (a !== b) {
        changed.push({ key, column: col, old: a, new: b });
        rowChanged = true;
      }
    }
    if (rowChanged) changedRows++;
  });
  const removed = [...prevRows.keys()].filter((k) => !nextSet.has(k));
  return { keyChanged, columnsAdded, columnsRemoved, added, removed, changed, changedRows };
}

/** The semver bump a diff calls for, or null when nothing changed (see the rules above). */
export function bumpFor(d: DatasetDiff): Bump | null {
  if (d.keyChanged || d.columnsRemoved.length > 0) return "major";
  if (d.columnsAdded.length > 0 || d.added.length > 0 || d.removed.length > 0) return "minor";
  if (d.changed.length > 0) return "patch";
  return null;
}

const cap = <T>(xs: T[]): T[] => xs.slice(0, CHANGELOG_LIST_CAP);

// ---------------------------------------------------------------------------------------
// The feed on disk

interface PublishedFeed {
  dir: string;
  catalog: FeedCatalog;
  /** File name → bytes, every file of the directory (copied unchanged unless replaced). */
  files: Map<string, Buffer>;
}

function readFeed(dir: string): PublishedFeed {
  const catalogPath = join(dir, CATALOG_FILE);
  if (!existsSync(catalogPath)) throw new UpdateError(`feed ${dir}: no ${CATALOG_FILE} (build the add-in first: npm run build, or pass --feed)`);
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    if (name.isFile()) files.set(name.name, readFileSync(join(dir, name.name)));
  }
  const parsed = parseFeedText(files.get(CATALOG_FILE)?.toString("utf8") ?? "", Infinity, CATALOG_FILE);
  const checked = parsed.ok ? validateCatalog(parsed.value) : parsed;
  if (!checked.ok) throw new UpdateError(`feed ${dir}: ${CATALOG_FILE} is invalid: ${checked.error.message}`);
  return { dir, catalog: checked.value, files };
}

function readDataset(feed: PublishedFeed, entry: CatalogEntry): DatasetFile {
  const bytes = feed.files.get(entry.href);
  if (!bytes) throw new UpdateError(`feed ${feed.dir}: ${entry.href} is listed in ${CATALOG_FILE} but missing`);
  const parsed = parseFeedText(bytes.toString("utf8"), Infinity, entry.href);
  const checked = parsed.ok ? validateDataset(parsed.value, entry.href) : parsed;
  if (!checked.ok) throw new UpdateError(`feed ${feed.dir}: ${checked.error.message}`);
  return checked.value;
}

function readChangelog(feed: PublishedFeed, id: string): ChangelogFile | null {
  const name = changelogFileName(id);
  const bytes = feed.files.get(name);
  if (!bytes) return null;
  const parsed = parseFeedText(bytes.toString("utf8"), Infinity, name);
  const checked = parsed.ok ? validateChangelog(parsed.value, name) : parsed;
  if (!checked.ok) throw new UpdateError(`feed ${feed.dir}: ${checked.error.message}`);
  return checked.value;
}

/** Every file of a feed directory checked: catalog, each dataset against its entry, each changelog. */
export function validateFeedDir(dir: string): void {
  const feed = readFeed(dir);
  feed.catalog.datasets.forEach((entry, i) => {
    const file = readDataset(feed, entry);
    const mismatch = matchCatalogEntry(entry, file, `datasets[${i}]`);
    if (mismatch) throw new UpdateError(`feed ${dir}: ${mismatch.message}`);
    if (entry.changelog) {
      if (entry.changelog !== changelogFileName(entry.id))
        throw new UpdateError(`feed ${dir}: datasets[${i}].changelog: expected ${changelogFileName(entry.id)}`);
      const log = readChangelog(feed, entry.id);
      if (!log) throw new UpdateError(`feed ${dir}: ${entry.changelog} is listed in ${CATALOG_FILE} but missing`);
      const m = matchChangelog(entry, log, entry.changelog);
      if (m) throw new UpdateError(`feed ${dir}: ${m.message}`);
    }
  });
}

/** Writes the new feed beside the old one, validates it whole, then swaps it in by rename. */
function publish(feed: PublishedFeed, changes: Map<string, string>): void {
  const target = resolve(feed.dir);
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = join(dirname(target), `.${basename(target)}.new-${stamp}`);
  const backup = join(dirname(target), `.${basename(target)}.old-${stamp}`);
  try {
    cpSync(target, temp, { recursive: true });
    for (const [name, text] of changes) writeFileSync(join(temp, name), text);
    validateFeedDir(temp);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e instanceof UpdateError ? e : new UpdateError(`feed ${feed.dir}: could not write the new feed: ${(e as Error).message}`);
  }
  renameSync(target, backup);
  try {
    renameSync(temp, target);
  } catch (e) {
    renameSync(backup, target); // put the published feed back as it was
    rmSync(temp, { recursive: true, force: true });
    throw new UpdateError(`feed ${feed.dir}: could not swap in the new feed: ${(e as Error).message}`);
  }
  rmSync(backup, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------
// The update

interface Planned {
  outcome: DatasetOutcome;
  dataset?: Dataset;
  changelog?: ChangelogFile;
}

async function planSource(source: SourceConfig, feed: PublishedFeed, now: Date, timeoutMs: number): Promise<Planned> {
  const entry = feed.catalog.datasets.find((d) => d.id === source.id);
  const prev = entry ? readDataset(feed, entry) : null;
  const log = readChangelog(feed, source.id);
  const last = log?.upstream ?? null;
  const fetched = await fetchSource(source.url, last?.etag ?? null, timeoutMs);
  const unchanged = (reason: string, changelog?: ChangelogFile): Planned => ({
    outcome: {
      id: source.id,
      url: source.url,
      status: "unchanged",
      reason,
      from: prev?.version ?? null,
      to: prev?.version ?? "",
      line: `${source.id}: unchanged (${reason})`,
    },
    ...(changelog ? { changelog } : {}),
  });
  if (fetched.status === 304) return unchanged("304 Not Modified");
  const sha256 = createHash("sha256").update(fetched.bytes).digest("hex");
  const upstream: ChangelogUpstream = { url: source.url, etag: fetched.etag, sha256 };
  const sameUpstream = last !== null && last.url === upstream.url && last.etag === upstream.etag && last.sha256 === upstream.sha256;
  const withUpstream = (entries: ChangelogEntry[]): ChangelogFile | undefined =>
    sameUpstream && log ? undefined : { format: FEED_FORMAT_VERSION, id: source.id, upstream, entries };
  if (prev && last?.sha256 === sha256) return unchanged("same bytes", withUpstream(log?.entries ?? []));

  const next = build(source, fetched.bytes, sha256, now);
  const nextFile = validateDataset({ format: FEED_FORMAT_VERSION, ...next }, `${source.id}.json`);
  if (!nextFile.ok) throw new Error(`converted data is invalid: ${nextFile.error.message}`);

  const diff = prev ? diffDatasets(prev, next) : null;
  const bump = diff ? bumpFor(diff) : "minor";
  if (prev && bump === null) return unchanged("same rows", withUpstream(log?.entries ?? []));
  const version = prev && bump ? bumpVersion(prev.version, bump) : next.version;
  const counts = {
    rows: next.rows.length,
    added: diff ? diff.added.length : next.rows.length,
    removed: diff?.removed.length ?? 0,
    changedCells: diff?.changed.length ?? 0,
    changedRows: diff?.changedRows ?? 0,
  };
  const entryOut: ChangelogEntry = {
    version,
    previousVersion: prev?.version ?? null,
    date: now.toISOString(),
    bump: bump ?? "minor",
    upstream,
    counts,
    added: cap(diff ? diff.added : rowKeys(next.rows)),
    removed: cap(diff?.removed ?? []),
    changed: cap(diff?.changed ?? []),
    columnsAdded: diff?.columnsAdded ?? [],
    columnsRemoved: diff?.columnsRemoved ?? [],
  };
  // A changelog whose newest entry is not the published version (a rebuilt feed) starts over.
  const older = log && log.entries[0]?.version === prev?.version ? log.entries : [];
  const changelog: ChangelogFile = { format: FEED_FORMAT_VERSION, id: source.id, upstream, entries: [entryOut, ...older].slice(0, MAX_CHANGELOG_ENTRIES) };
  const line = prev
    ? `${source.id}: ${prev.version} → ${version}: +${counts.added} rows, −${counts.removed}, ${counts.changedCells} changed cells` +
      (entryOut.columnsAdded.length + entryOut.columnsRemoved.length > 0
        ? ` (columns +${entryOut.columnsAdded.length} −${entryOut.columnsRemoved.length})`
        : "")
    : `${source.id}: new ${version}: ${counts.rows} rows`;
  return {
    outcome: { id: source.id, url: source.url, status: prev ? "updated" : "new", from: prev?.version ?? null, to: version, counts, line },
    dataset: { ...next, version },
    changelog,
  };
}

/**
 * Runs the update against a feed directory. Resolves with what happened to each dataset;
 * rejects with an UpdateError (feed untouched) when anything fails.
 * Example: `await updateData({ feedDir: "dist/data", sources: { "epoch-models": "all.csv" } })`.
 */
export async function updateData(opts: UpdateOptions): Promise<UpdateResult> {
  const now = opts.now ?? new Date();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sources = resolveSources(readConfig(opts.configPath), opts.sources, opts.env ?? process.env);
  const feed = readFeed(opts.feedDir);
  const planned: Planned[] = [];
  for (const source of sources) {
    try {
      planned.push(await planSource(source, feed, now, timeoutMs));
    } catch (e) {
      if (e instanceof UpdateError) throw e;
      throw new UpdateError(`${source.id} (${source.url}): ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const outcomes = planned.map((p) => p.outcome);
  const dataChanged = planned.some((p) => p.dataset);
  const changes = new Map<string, string>();
  const datasets = feed.catalog.datasets.map((d) => ({ ...d }));
  for (const p of planned) {
    const id = p.outcome.id;
    let at = datasets.findIndex((d) => d.id === id);
    if (p.dataset) {
      const entry = catalogEntryOf(p.dataset);
      if (at < 0) at = datasets.push(entry) - 1;
      else datasets[at] = entry;
      changes.set(entry.href, JSON.stringify({ format: FEED_FORMAT_VERSION, ...p.dataset }));
    }
    if (p.changelog && at >= 0) {
      changes.set(changelogFileName(id), JSON.stringify(p.changelog, null, 1));
      datasets[at] = { ...datasets[at], changelog: changelogFileName(id) };
    }
  }
  if (changes.size === 0) return { published: false, outcomes };
  const catalog: FeedCatalog = { ...feed.catalog, generatedAt: dataChanged ? now.toISOString() : feed.catalog.generatedAt, datasets };
  changes.set(CATALOG_FILE, JSON.stringify(catalog, null, 1));
  changes.set(SCHEMA_FILE, JSON.stringify(feedJsonSchema(), null, 2));
  for (const [name, text] of [...changes]) if (feed.files.get(name)?.equals(Buffer.from(text)) === true) changes.delete(name);
  if (changes.size === 0) return { published: false, outcomes };
  if (opts.dryRun) return { published: false, outcomes };
  publish(feed, changes);
  return { published: true, outcomes };
}

// ---------------------------------------------------------------------------------------
// Command line

const USAGE = `usage: npm run data:update -- [--feed DIR] [--source ID=URL|PATH]… [--dry-run] [--timeout MS] [--config FILE]
  --feed DIR       the published feed to update (default dist/data)
  --source ID=URL  upstream of a dataset (https URL, file: URL or a local path); also AICA_SOURCE_<ID>
  --dry-run        print what would change, publish nothing
  --timeout MS     per-upstream timeout (default ${DEFAULT_TIMEOUT_MS})`;

/** Parses the arguments, runs the update, prints one line per dataset. Returns the exit code. */
export async function main(argv: string[], env: Record<string, string | undefined> = process.env, out = console): Promise<number> {
  const opts: UpdateOptions = { feedDir: DEFAULT_FEED, sources: {}, env };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UpdateError(`${a} needs a value\n${USAGE}`);
      return v;
    };
    try {
      if (a === "--feed") opts.feedDir = resolve(value());
      else if (a === "--dry-run") opts.dryRun = true;
      else if (a === "--timeout") opts.timeoutMs = Number(value());
      else if (a === "--config") opts.configPath = resolve(value());
      else if (a === "--source") {
        const v = value();
        const eq = v.indexOf("=");
        if (eq < 1) throw new UpdateError(`--source expects ID=URL, got ${v}`);
        (opts.sources ??= {})[v.slice(0, eq)] = v.slice(eq + 1);
      } else if (a === "--help" || a === "-h") {
        out.log(USAGE);
        return 0;
      } else throw new UpdateError(`unknown argument ${a}\n${USAGE}`);
    } catch (e) {
      out.error(`data:update failed: ${(e as Error).message}`);
      return 2;
    }
  }
  if (!(Number(opts.timeoutMs ?? 1) > 0)) {
    out.error("data:update failed: --timeout must be a positive number of milliseconds");
    return 2;
  }
  try {
    const r = await updateData(opts);
    for (const o of r.outcomes) out.log(o.line);
    out.log(opts.dryRun ? "dry run: nothing published" : r.published ? `published ${opts.feedDir}` : "feed unchanged");
    return 0;
  } catch (e) {
    out.error(`data:update failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
