/**
 * The data updater (`npm run data:update`): fetches each upstream of scripts/data-sources.json,
 * converts it (scripts/epoch-convert.ts), applies the corrections of data/corrections/epoch.json,
 * diffs it against the published feed by row key, bumps the dataset's version by semver, writes a
 * changelog, and publishes the new feed atomically.
 *
 *   node -r ./scripts/ts-require.js scripts/update-data.ts [--feed dist/data] [--source id=URL|path]… [--dry-run] [--allow-shrink] [--timeout ms]
 *
 * Rules (README, "Keeping data current"):
 * - Row key: the first column's text (`model`, `name`); a value that repeats is keyed by its
 *   occurrence, "P-LLama3", "P-LLama3 #2", in row order (Epoch repeats a few names); keys are
 *   unique whatever the values (scripts/row-keys.ts).
 * - Version: major when a column is removed or renamed or the key column changes; minor when
 *   columns or rows are added, and also when rows are removed (the columns a workbook's formulas
 *   use are intact, but the table shrinks: a consumer should see more than a patch); patch when
 *   only values change. Nothing changed: the published file is kept byte for byte.
 * - Shrink: an update that removes more than MAX_SHRINK_SHARE of a dataset's rows, empties it,
 *   or reads more than that share fewer upstream records than last time is refused (a truncated
 *   or broken upstream looks like that, and a refresh would delete those rows from workbooks),
 *   unless --allow-shrink.
 * - Limits: a dataset file the add-in would refuse (over MAX_FEED_BYTES, more rows than a sheet
 *   holds, a cell over Excel's limit: src/data/feed.ts) is refused here, before publishing.
 * - The ETag and SHA-256 of the last fetch are kept in <id>.changelog.json (`upstream`), and sent
 *   back as If-None-Match; a 304 or the same bytes mean nothing to do for that dataset.
 * - asOf of an updated dataset is the UTC date of the run: Epoch's exports are rebuilt daily and
 *   carry no as-of date of their own.
 * - Atomic (scripts/publish-feed.ts): the feed path is a link to a complete version beside it;
 *   the new version is written and validated whole, then the link is replaced by one rename.
 *   Any failure leaves the published feed byte-identical, and nothing temporary behind, and
 *   throws an UpdateError naming the source id, the URL and the reason.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readCorrections, withCorrections } from "./corrections";
import { convert, convertHardware, parseCsv } from "./epoch-convert";
import { layoutOf, lockFeed, publishVersion, recover } from "./publish-feed";
import { rowKeys } from "./row-keys";
import {
  CATALOG_FILE,
  catalogEntryOf,
  CHANGELOG_LIST_CAP,
  changelogFileName,
  FEED_FORMAT_VERSION,
  matchCatalogEntry,
  matchChangelog,
  MAX_FEED_BYTES,
  parseFeedText,
  SCHEMA_FILE,
  utf8Length,
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
import { feedJsonSchema } from "../src/data/feed-build";
import type { Correction, CorrectionsReport } from "../src/data/corrections";
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
/**
 * The share of a dataset's rows (or of its upstream records) an update may lose without
 * --allow-shrink. Epoch's tables grow; a day's edits remove a handful of rows, while a cut
 * download or a header-only file removes most of them.
 */
export const MAX_SHRINK_SHARE = 0.05;

export { rowKeys };

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
  /** Publish even when the update removes more than MAX_SHRINK_SHARE of the rows (the --allow-shrink flag). */
  allowShrink?: boolean;
  /** The corrections to apply after conversion (default: data/corrections/epoch.json). */
  corrections?: readonly Correction[];
  /** Aborts the downloads (the CLI aborts on SIGINT and SIGTERM); nothing is published. */
  signal?: AbortSignal;
  /** The time of the run (tests pin it). */
  now?: Date;
}

/** What the updater records of an upstream: ChangelogUpstream plus the count of records read. */
export type UpstreamRecord = ChangelogUpstream & { records?: number };

/** A changelog entry as the updater writes it: ChangelogEntry plus the corrections it applied and dropped. */
export type UpdaterChangelogEntry = ChangelogEntry & {
  upstream: UpstreamRecord;
  corrections?: {
    applied: { row: string; column: string; upstream: CellValue; value: CellValue; source: string }[];
    dropped: { row: string; column: string; expected: CellValue; found: CellValue; reason: string }[];
  };
};

type UpdaterChangelog = Omit<ChangelogFile, "upstream" | "entries"> & { upstream: UpstreamRecord | null; entries: UpdaterChangelogEntry[] };

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
const abortReason = (signal: AbortSignal): Error => (signal.reason instanceof Error ? signal.reason : new Error("interrupted"));

function get(url: URL, etag: string | null, timeoutMs: number, signal?: AbortSignal, redirects = 5): Promise<Fetched> {
  return new Promise((resolvePromise, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const lib = url.protocol === "https:" ? https : http;
    const headers: Record<string, string> = { "user-agent": "ai-compute-analyst-data-update", accept: "text/csv, */*" };
    if (etag !== null) headers["if-none-match"] = etag;
    let settled = false;
    const onAbort = (): void => {
      req.destroy();
      done(() => reject(abortReason(signal as AbortSignal)));
    };
    const done = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
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
        return done(() => get(next, etag, timeoutMs, signal, redirects - 1).then(resolvePromise, reject));
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
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

async function fetchSource(spec: string, etag: string | null, timeoutMs: number, signal?: AbortSignal): Promise<Fetched> {
  const loc = locate(spec);
  if (loc.kind === "file") {
    const bytes = readFileSync(loc.path);
    return { status: 200, bytes, etag: null };
  }
  return get(loc.url, etag, timeoutMs, signal);
}

// ---------------------------------------------------------------------------------------
// Conversion and diff

const today = (now: Date): string => now.toISOString().slice(0, 10);

interface Built {
  dataset: Dataset;
  /** Upstream data records read (the header not counted). */
  records: number;
  corrected: CorrectionsReport;
}

/** The dataset built from upstream bytes, with the module's id, title, columns and notes, corrections applied. */
function build(source: SourceConfig, bytes: Buffer, sha256: string, now: Date, corrections: readonly Correction[]): Built {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error("not UTF-8 text");
  }
  const records = parseCsv(text);
  const origin = { url: source.url, asOf: today(now) };
  const count = Math.max(0, records.length - 1);
  if (source.converter === "epoch-models") {
    const c = withCorrections(source.id, convert(records, sha256), corrections);
    return { dataset: epochModelsFrom(c, origin), records: count, corrected: c.corrected };
  }
  const c = withCorrections(source.id, convertHardware(records, sha256), corrections);
  return { dataset: epochAcceleratorsFrom(c, origin), records: count, corrected: c.corrected };
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
  /** The most bytes a file may have: Infinity to read what is published, MAX_FEED_BYTES to check a new version. */
  maxBytes: number;
}

function readFeed(dir: string, maxBytes = Infinity): PublishedFeed {
  const catalogPath = join(dir, CATALOG_FILE);
  if (!existsSync(catalogPath)) throw new UpdateError(`feed ${dir}: no ${CATALOG_FILE} (build the add-in first: npm run build, or pass --feed)`);
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    if (name.isFile()) files.set(name.name, readFileSync(join(dir, name.name)));
  }
  const parsed = parseFeedText(files.get(CATALOG_FILE)?.toString("utf8") ?? "", maxBytes, CATALOG_FILE);
  const checked = parsed.ok ? validateCatalog(parsed.value) : parsed;
  if (!checked.ok) throw new UpdateError(`feed ${dir}: ${CATALOG_FILE} is invalid: ${checked.error.message}`);
  return { dir, catalog: checked.value, files, maxBytes };
}

function readDataset(feed: PublishedFeed, entry: CatalogEntry): DatasetFile {
  const bytes = feed.files.get(entry.href);
  if (!bytes) throw new UpdateError(`feed ${feed.dir}: ${entry.href} is listed in ${CATALOG_FILE} but missing`);
  const parsed = parseFeedText(bytes.toString("utf8"), feed.maxBytes, entry.href);
  const checked = parsed.ok ? validateDataset(parsed.value, entry.href) : parsed;
  if (!checked.ok) throw new UpdateError(`feed ${feed.dir}: ${checked.error.message}`);
  return checked.value;
}

/** The changelog as written (validated, with the updater's own fields kept: upstream.records, corrections). */
function readChangelog(feed: PublishedFeed, id: string): UpdaterChangelog | null {
  const name = changelogFileName(id);
  const bytes = feed.files.get(name);
  if (!bytes) return null;
  const parsed = parseFeedText(bytes.toString("utf8"), feed.maxBytes, name);
  const checked = parsed.ok ? validateChangelog(parsed.value, name) : parsed;
  if (!checked.ok) throw new UpdateError(`feed ${feed.dir}: ${checked.error.message}`);
  return (parsed.ok ? parsed.value : checked.value) as UpdaterChangelog;
}

/**
 * Every file of a feed directory checked as the add-in checks it (src/data/feed.ts): each file at
 * most MAX_FEED_BYTES, the catalog, each dataset against its entry, each changelog.
 */
export function validateFeedDir(dir: string): void {
  const feed = readFeed(dir, MAX_FEED_BYTES);
  feed.catalog.datasets.forEach((entry, i) => {
    const file = readDataset(feed, entry);
    const mismatch = matchCatalogEntry(entry, file, `datasets[${i}]`);
    if (mismatch) throw new UpdateError(`feed ${dir}: ${mismatch.message}`);
    if (entry.changelog) {
      if (entry.changelog !== changelogFileName(entry.id))
        throw new UpdateError(`feed ${dir}: datasets[${i}].changelog: expected ${changelogFileName(entry.id)}`);
      const log = readChangelog(feed, entry.id);
      if (!log) throw new UpdateError(`feed ${dir}: ${entry.changelog} is listed in ${CATALOG_FILE} but missing`);
      const m = matchChangelog(entry, log as ChangelogFile, entry.changelog);
      if (m) throw new UpdateError(`feed ${dir}: ${m.message}`);
    }
  });
}

const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;
const count = (n: number): string => n.toLocaleString("en-US");

// ---------------------------------------------------------------------------------------
// The update

interface Planned {
  outcome: DatasetOutcome;
  dataset?: Dataset;
  changelog?: UpdaterChangelog;
}

interface PlanContext {
  feed: PublishedFeed;
  now: Date;
  timeoutMs: number;
  allowShrink: boolean;
  corrections: readonly Correction[];
  signal?: AbortSignal;
}

const shrinkHint = "nothing published; if the upstream really shrank, run again with --allow-shrink";

/** Refuses an update that loses too much (see MAX_SHRINK_SHARE), unless allowed. */
function checkShrink(prev: Dataset | null, next: Dataset, diff: DatasetDiff | null, lastRecords: number | undefined, records: number): void {
  if (next.rows.length === 0) {
    throw new Error(`the converted data has no rows${prev ? ` (the published ${prev.version} has ${count(prev.rows.length)})` : ""}: ${shrinkHint}`);
  }
  if (prev && diff && diff.removed.length > prev.rows.length * MAX_SHRINK_SHARE) {
    throw new Error(
      `the update would remove ${count(diff.removed.length)} of ${count(prev.rows.length)} rows (${pct(diff.removed.length, prev.rows.length)}; ` +
        `more than ${MAX_SHRINK_SHARE * 100}% is refused as a likely cut or broken download): ${shrinkHint}`
    );
  }
  if (lastRecords !== undefined && lastRecords - records > lastRecords * MAX_SHRINK_SHARE) {
    throw new Error(
      `the upstream has ${count(records)} records, ${count(lastRecords - records)} fewer than the ${count(lastRecords)} of the last update ` +
        `(${pct(lastRecords - records, lastRecords)}; more than ${MAX_SHRINK_SHARE * 100}% is refused as a likely cut or broken download): ${shrinkHint}`
    );
  }
}

/** The changelog's account of the corrections: what was applied, and what was dropped and why. */
function correctionsEntry(report: CorrectionsReport): NonNullable<UpdaterChangelogEntry["corrections"]> {
  return {
    applied: report.applied.map((c) => ({ row: c.row, column: c.column, upstream: c.upstream, value: c.value, source: c.citation.url })),
    dropped: report.dropped.map((d) => ({
      row: d.correction.row,
      column: d.correction.column,
      expected: d.correction.upstream,
      found: d.found,
      reason: d.reason,
    })),
  };
}

/** ", correction not applied (upstream changed the value): NVIDIA B200 fp32_flops" for the console line. */
const droppedNote = (report: CorrectionsReport | null): string =>
  report && report.dropped.length > 0
    ? `; ${report.dropped.length === 1 ? "correction" : `${report.dropped.length} corrections`} not applied: ` +
      report.dropped.map((d) => `${d.correction.row} ${d.correction.column} (${d.reason})`).join(", ")
    : "";

async function planSource(source: SourceConfig, ctx: PlanContext): Promise<Planned> {
  const { feed, now } = ctx;
  const entry = feed.catalog.datasets.find((d) => d.id === source.id);
  const prev = entry ? readDataset(feed, entry) : null;
  const log = readChangelog(feed, source.id);
  const last = log?.upstream ?? null;
  const fetched = await fetchSource(source.url, last?.etag ?? null, ctx.timeoutMs, ctx.signal);
  const unchanged = (reason: string, changelog?: UpdaterChangelog, report: CorrectionsReport | null = null): Planned => ({
    outcome: {
      id: source.id,
      url: source.url,
      status: "unchanged",
      reason,
      from: prev?.version ?? null,
      to: prev?.version ?? "",
      line: `${source.id}: unchanged (${reason})${droppedNote(report)}`,
    },
    ...(changelog ? { changelog } : {}),
  });
  if (fetched.status === 304) return unchanged("304 Not Modified");
  const sha256 = createHash("sha256").update(fetched.bytes).digest("hex");
  const sameUpstream = last !== null && last.url === source.url && last.etag === fetched.etag && last.sha256 === sha256;
  const withUpstream = (upstream: UpstreamRecord, entries: UpdaterChangelogEntry[]): UpdaterChangelog | undefined =>
    sameUpstream && log ? undefined : { format: FEED_FORMAT_VERSION, id: source.id, upstream, entries };
  if (prev && last?.sha256 === sha256) {
    const upstream: UpstreamRecord = { url: source.url, etag: fetched.etag, sha256, ...(last.records === undefined ? {} : { records: last.records }) };
    return unchanged("same bytes", withUpstream(upstream, log?.entries ?? []));
  }

  const built = build(source, fetched.bytes, sha256, now, ctx.corrections);
  const next = built.dataset;
  const upstream: UpstreamRecord = { url: source.url, etag: fetched.etag, sha256, records: built.records };
  const nextFile = validateDataset({ format: FEED_FORMAT_VERSION, ...next }, `${source.id}.json`);
  if (!nextFile.ok) throw new Error(`converted data is invalid: ${nextFile.error.message}`);
  // The add-in refuses a file over MAX_FEED_BYTES without reading it: never publish one.
  const bytes = utf8Length(JSON.stringify({ format: FEED_FORMAT_VERSION, ...next }));
  if (bytes > MAX_FEED_BYTES) {
    throw new Error(
      `${source.id}.json would be ${mb(bytes)} (${count(next.rows.length)} rows), over the ${mb(MAX_FEED_BYTES)} the add-in accepts per file ` +
        `(MAX_FEED_BYTES, src/data/feed.ts): nothing published`
    );
  }

  const diff = prev ? diffDatasets(prev, next) : null;
  if (!ctx.allowShrink) checkShrink(prev, next, diff, last?.records, built.records);
  const bump = diff ? bumpFor(diff) : "minor";
  if (prev && bump === null) return unchanged("same rows", withUpstream(upstream, log?.entries ?? []), built.corrected);
  const version = prev && bump ? bumpVersion(prev.version, bump) : next.version;
  const counts = {
    rows: next.rows.length,
    added: diff ? diff.added.length : next.rows.length,
    removed: diff?.removed.length ?? 0,
    changedCells: diff?.changed.length ?? 0,
    changedRows: diff?.changedRows ?? 0,
  };
  const entryOut: UpdaterChangelogEntry = {
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
    corrections: correctionsEntry(built.corrected),
  };
  // A changelog whose newest entry is not the published version (a rebuilt feed) starts over.
  const older = log && log.entries[0]?.version === prev?.version ? log.entries : [];
  const changelog: UpdaterChangelog = { format: FEED_FORMAT_VERSION, id: source.id, upstream, entries: [entryOut, ...older].slice(0, MAX_CHANGELOG_ENTRIES) };
  const line =
    (prev
      ? `${source.id}: ${prev.version} → ${version}: +${counts.added} rows, −${counts.removed}, ${counts.changedCells} changed cells` +
        (entryOut.columnsAdded.length + entryOut.columnsRemoved.length > 0
          ? ` (columns +${entryOut.columnsAdded.length} −${entryOut.columnsRemoved.length})`
          : "")
      : `${source.id}: new ${version}: ${counts.rows} rows`) + droppedNote(built.corrected);
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
  const corrections = opts.corrections ?? readCorrections();
  const layout = layoutOf(opts.feedDir);
  // A dry run writes nothing, not even the lock; any other run holds the lock from reading to publishing.
  if (!existsSync(layout.target) && !existsSync(layout.versions)) readFeed(opts.feedDir); // says what is missing
  let release: (() => void) | null = null;
  if (!opts.dryRun)
    try {
      release = lockFeed(layout);
      recover(layout);
    } catch (e) {
      release?.();
      throw new UpdateError(`feed ${opts.feedDir}: ${(e as Error).message}`);
    }
  try {
    const feed = readFeed(opts.feedDir);
    const ctx: PlanContext = { feed, now, timeoutMs, allowShrink: opts.allowShrink === true, corrections, signal: opts.signal };
    const planned: Planned[] = [];
    for (const source of sources) {
      try {
        planned.push(await planSource(source, ctx));
      } catch (e) {
        if (e instanceof UpdateError) throw e;
        throw new UpdateError(`${source.id} (${source.url}): ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (opts.signal?.aborted) throw new UpdateError(`${abortReason(opts.signal).message}: nothing published`);
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
    if (changes.size === 0 || opts.dryRun) return { published: false, outcomes };
    try {
      publishVersion(layout, changes, validateFeedDir);
    } catch (e) {
      throw e instanceof UpdateError ? e : new UpdateError(`feed ${feed.dir}: could not publish the new feed: ${(e as Error).message}`);
    }
    return { published: true, outcomes };
  } finally {
    release?.();
  }
}

// ---------------------------------------------------------------------------------------
// Command line

const USAGE = `usage: npm run data:update -- [--feed DIR] [--source ID=URL|PATH]… [--dry-run] [--allow-shrink] [--timeout MS] [--config FILE]
  --feed DIR       the published feed to update (default dist/data)
  --source ID=URL  upstream of a dataset (https URL, file: URL or a local path); also AICA_SOURCE_<ID>
  --dry-run        print what would change, publish nothing
  --allow-shrink   publish even when a dataset loses more than ${MAX_SHRINK_SHARE * 100}% of its rows
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
      else if (a === "--allow-shrink") opts.allowShrink = true;
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
  // SIGINT or SIGTERM aborts the downloads and ends the run through its own clean-up (lock
  // released, nothing half-written). Publishing is synchronous, so a signal handled here never
  // interrupts it: it completes, then the run ends.
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => controller.abort(new Error(`interrupted by ${signal}`));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const r = await updateData({ ...opts, signal: controller.signal });
    for (const o of r.outcomes) out.log(o.line);
    out.log(opts.dryRun ? "dry run: nothing published" : r.published ? `published ${opts.feedDir}` : "feed unchanged");
    return 0;
  } catch (e) {
    out.error(`data:update failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
