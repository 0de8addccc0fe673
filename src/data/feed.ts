/**
 * The data feed: the JSON format in which datasets are published (catalog.json, one
 * <id>.json per dataset, <id>.changelog.json, feed.schema.json) and its validation.
 *
 * Goes into the functions and task pane bundles: imports only zod/mini and types, never the
 * datasets themselves nor zod's JSON Schema generator (feedJsonSchema and buildFeed are in
 * feed-build.ts, which only build scripts and tests import).
 * Validation never half-accepts: a feed is either wholly valid or refused with the first
 * bad path, e.g. "datasets[2].rows[5]: expected 7 cells, got 6".
 */
import { utf8Length } from "../core/utf8";

export { utf8Length };
import * as z from "zod/mini";
import { VERSION_PATTERN } from "./semver";
import { datasetNoteLines, type NoteFields } from "./note-lines";
import type { CellValue, Column, ColumnType, Dataset, LocalizedText, SourceRef } from "./types";

// Before any schema is built. The task pane's Content-Security-Policy has no 'unsafe-eval':
// zod/mini's objects never compile a parser with `new Function` (classic zod's do, and probe it,
// which a CSP reports as a violation even though zod catches it); `jitless` keeps any schema
// from trying (tests/data/feed-csp.test.ts). zod/mini loads no locale (classic loads English):
// messages without one of ours, e.g. "Invalid input: expected string, received number", need it.
z.config({ jitless: true, ...z.locales.en() });

/** Bumped when the feed's shape changes incompatibly; a client refuses other versions. */
export const FEED_FORMAT_VERSION = 1;

/** Feeds larger than this are refused before parsing (a dataset file is far below it). */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** Excel's limits (Excel specifications and limits): characters in a cell, rows in a sheet. */
export const EXCEL_MAX_CELL_CHARS = 32_767;
export const EXCEL_MAX_ROWS = 1_048_576;
/** A dataset's rows below its header row must fit on one sheet. */
export const MAX_FEED_ROWS = EXCEL_MAX_ROWS - 1;
/**
 * The note lines of one language together (as a JSON list: the table's tracking record keeps a
 * copy of them) at most this many characters. The record is one setting, and a workbook written
 * as a file keeps each setting in one cell (tracking.ts, SETTINGS_SHEET): this leaves the other
 * half of that cell to the record's headers, keys and names.
 */
export const MAX_NOTE_BLOCK_CHARS = 16_384;
/** Messages quote at most this many characters of a bad value. */
export const QUOTE_MAX_CHARS = 80;

/** A value for a message: JSON, cut to QUOTE_MAX_CHARS characters with its full length said. */
export function quoteValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  if (json.length <= QUOTE_MAX_CHARS) return json;
  return `${json.slice(0, QUOTE_MAX_CHARS - 1)}… (${json.length.toLocaleString("en-US")} characters)`;
}

export const CATALOG_FILE = "catalog.json";
/** File name of a dataset's changelog: "<id>.changelog.json". */
export const changelogFileName = (id: string): string => `${id}.changelog.json`;
export const SCHEMA_FILE = "feed.schema.json";

/** What kind of problem: over the size limit, not JSON, wrong shape, or not what the catalog said. */
export type FeedIssueCode = "tooLarge" | "syntax" | "schema" | "mismatch";

/** What went wrong, and where: path like "datasets[2].rows[5]", "(root)" for the document. */
export interface FeedIssue {
  code: FeedIssueCode;
  path: string;
  reason: string;
  /** `${path}: ${reason}`, for logs and the task pane. */
  message: string;
}

export type FeedResult<T> = { ok: true; value: T } | { ok: false; error: FeedIssue };

/** One dataset as the catalog describes it (no rows). */
export interface CatalogEntry {
  id: string;
  title: LocalizedText;
  version: string;
  source: SourceRef[];
  asOf: string;
  columns: Column[];
  rowCount: number;
  /** File name of the dataset, relative to the catalog: "<id>.json". */
  href: string;
  /** As in the dataset (optional: feeds written before they were listed here are still valid). */
  shortTitle?: LocalizedText;
  description?: string;
  license?: string;
  /** File name of the dataset's changelog, relative to the catalog: "<id>.changelog.json" (written by the updater). */
  changelog?: string;
}

export interface FeedCatalog {
  format: number;
  /** ISO timestamp of the build. */
  generatedAt: string;
  datasets: CatalogEntry[];
}

/** A dataset file: the dataset plus the format version. */
export type DatasetFile = Dataset & { format: number };

/** The upstream a dataset was last fetched from (the updater sends `If-None-Match: etag`). */
export interface ChangelogUpstream {
  url: string;
  /** The ETag of the last response, null when the server sent none (or a local file). */
  etag: string | null;
  /** SHA-256 (hex) of the upstream bytes. */
  sha256: string;
}

/** One changed cell: row key, column key, old → new (null is blank). */
export interface CellChange {
  key: string;
  column: string;
  old: CellValue;
  new: CellValue;
}

/** One published version of a dataset, as the updater wrote it. */
export interface ChangelogEntry {
  version: string;
  /** null for the first version the updater published. */
  previousVersion: string | null;
  /** ISO timestamp of the update. */
  date: string;
  bump: "major" | "minor" | "patch";
  upstream: ChangelogUpstream;
  /** Exact counts; the lists below stop at CHANGELOG_LIST_CAP items. */
  counts: { rows: number; added: number; removed: number; changedCells: number; changedRows: number };
  added: string[];
  removed: string[];
  changed: CellChange[];
  columnsAdded: string[];
  columnsRemoved: string[];
}

/** <id>.changelog.json: what the updater last fetched, and the versions it published, newest first. */
export interface ChangelogFile {
  format: number;
  id: string;
  upstream: ChangelogUpstream | null;
  entries: ChangelogEntry[];
}

/** How many added/removed keys and changed cells an entry lists (the counts stay exact). */
export const CHANGELOG_LIST_CAP = 200;

// ---------------------------------------------------------------------------------------
// Schemas

const COLUMN_TYPES = [
  "text",
  "number",
  "integer",
  "percent",
  "date",
  "month",
  "flop",
  "flops",
  "bytes",
  "params",
  "currency",
] as const satisfies readonly ColumnType[];

/** Compile-time check that COLUMN_TYPES lists every ColumnType. */
type MissingColumnType = Exclude<ColumnType, (typeof COLUMN_TYPES)[number]>;
const allColumnTypesListed: MissingColumnType extends never ? true : false = true;
void allColumnTypesListed;

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KEY_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

const describe = (v: unknown): string => (v === undefined ? "nothing" : v === null ? "null" : Array.isArray(v) ? "an array" : typeof v);

const text = z.string().check(z.minLength(1, "must not be empty"));
const localized = z.object({ zh: text, en: text });
const sourceRef = z.object({ text, url: z.optional(z.url({ protocol: /^https?$/ })) });
const column = z.object({
  key: z.string().check(z.regex(KEY_PATTERN, "column key must be snake_case")),
  header: localized,
  type: z.enum(COLUMN_TYPES),
  unit: z.string(),
  numberFormat: text,
  description: z.optional(z.string()),
});
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: (iss) => `expected text, a number or null, got ${describe(iss.input)}`,
});
const format = z.literal(FEED_FORMAT_VERSION, {
  error: (iss) => `unsupported feed format ${JSON.stringify(iss.input)}: this add-in reads format ${FEED_FORMAT_VERSION}`,
});
const datasetId = z.string().check(z.regex(ID_PATTERN, "dataset id must be kebab-case"));
// The grammar parseVersion reads (semver.ts): what passes here, refresh and the updater can compare.
const version = z.string().check(z.regex(VERSION_PATTERN, "version must look like 1.2.3 (no leading zeros, at most 15 digits a part)"));
const shortText = z.string().check(z.minLength(1), z.maxLength(31));
const sources = z.array(sourceRef).check(z.minLength(1, "at least one source line is required"));
const columns = z.array(column).check(z.minLength(1, "at least one column is required"));
const count = z.int().check(z.minimum(0));

const datasetShape = {
  id: datasetId,
  version,
  title: localized,
  shortTitle: z.optional(z.object({ zh: shortText, en: shortText })),
  description: text,
  source: sources,
  asOf: text,
  license: z.optional(z.string()),
  // Each note line is written into one cell under the table.
  notes: z.array(z.string().check(z.maxLength(EXCEL_MAX_CELL_CHARS, `a note line is over Excel's ${EXCEL_MAX_CELL_CHARS} characters per cell`))),
  columns,
  key: z.optional(z.string().check(z.regex(KEY_PATTERN, "key must name a column (snake_case)"))),
  rows: z.array(z.array(cell)),
};

type Ctx = z.core.$RefinementCtx;

/** Column keys are unique: refresh matches columns by key. */
function checkColumnKeys(columns: readonly Column[], ctx: Ctx, prefix: (string | number)[]): void {
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (seen.has(c.key)) {
      ctx.addIssue({ code: "custom", path: [...prefix, "columns", i, "key"], message: `duplicate column key "${c.key}"` });
    }
    seen.add(c.key);
  });
}

const isIsoDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s; // rejects 2023-02-30
};
const isIsoMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

/** Why a cell does not fit its column, or null when it does. Blank (null) fits any column. */
export function cellProblem(value: CellValue, type: ColumnType): string | null {
  if (value === null) return null;
  switch (type) {
    case "text":
      return typeof value === "string" ? null : `expected text, got ${describe(value)}`;
    case "date":
      return typeof value === "string" && isIsoDate(value) ? null : `expected an ISO date YYYY-MM-DD, got ${quoteValue(value)}`;
    case "month":
      return typeof value === "string" && isIsoMonth(value) ? null : `expected an ISO month YYYY-MM, got ${quoteValue(value)}`;
    case "integer":
      return typeof value === "number" && Number.isInteger(value) ? null : `expected a whole number, got ${quoteValue(value)}`;
    case "number":
    case "percent":
    case "flop":
    case "flops":
    case "bytes":
    case "params":
    case "currency":
      return typeof value === "number" && Number.isFinite(value) ? null : `expected a finite number, got ${quoteValue(value)}`;
  }
}

/** Row count against a sheet, row width, cell types against the columns, text against a cell. */
function checkRows(d: { id?: string; columns: Column[]; rows: CellValue[][] }, ctx: Ctx): void {
  const width = d.columns.length;
  const name = d.id === undefined ? "the dataset" : `dataset "${d.id}"`;
  if (d.rows.length > MAX_FEED_ROWS) {
    ctx.addIssue({
      code: "custom",
      path: ["rows"],
      message: `${name} has ${d.rows.length.toLocaleString("en-US")} rows; a sheet holds ${MAX_FEED_ROWS.toLocaleString("en-US")} below its header row`,
    });
    return;
  }
  for (let r = 0; r < d.rows.length; r++) {
    const row = d.rows[r];
    if (row.length !== width) {
      ctx.addIssue({ code: "custom", path: ["rows", r], message: `expected ${width} cells, got ${row.length}` });
      return; // the first bad path is enough, and later rows would repeat it
    }
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (typeof v === "string" && v.length > EXCEL_MAX_CELL_CHARS) {
        ctx.addIssue({
          code: "custom",
          path: ["rows", r, c],
          message: `${name}, row ${r + 1}, column "${d.columns[c].key}": text of ${v.length.toLocaleString("en-US")} characters is over Excel's ${EXCEL_MAX_CELL_CHARS.toLocaleString("en-US")} per cell: ${quoteValue(v)}`,
        });
        return;
      }
      const problem = cellProblem(v, d.columns[c].type);
      if (problem !== null) {
        ctx.addIssue({ code: "custom", path: ["rows", r, c], message: `column "${d.columns[c].key}": ${problem}` });
        return;
      }
    }
  }
}

/**
 * The note lines an insert writes under the table (note-lines.ts), in both languages: each must
 * fit one cell, and together they must leave room in the tracking record (MAX_NOTE_BLOCK_CHARS).
 * Each field may be within its own limit while the lines it is joined into are not (two notes of
 * 20,000 characters make one line of 40,000, and every insert of the dataset would fail).
 */
function checkNoteLines(d: NoteFields, ctx: Ctx): void {
  for (const language of ["en", "zh"] as const) {
    const lines = datasetNoteLines(d, language);
    const over = lines.findIndex((l) => l.length > EXCEL_MAX_CELL_CHARS);
    if (over >= 0) {
      const which = over === 0 ? "the source line (sources, as-of, id and version)" : "the notes line (every note, joined)";
      ctx.addIssue({
        code: "custom",
        path: [over === 0 ? "source" : "notes"],
        message: `${which} written under the table would be ${lines[over].length.toLocaleString("en-US")} characters (${language}), over Excel's ${EXCEL_MAX_CELL_CHARS.toLocaleString("en-US")} per cell`,
      });
      return;
    }
    const block = JSON.stringify(lines).length;
    if (block > MAX_NOTE_BLOCK_CHARS) {
      ctx.addIssue({
        code: "custom",
        path: ["notes"],
        message: `the note lines written under the table are ${block.toLocaleString("en-US")} characters together (${language}, as the table's record keeps them), over ${MAX_NOTE_BLOCK_CHARS.toLocaleString("en-US")}`,
      });
      return;
    }
  }
}

const checkDataset = (d: { id?: string; key?: string; columns: Column[]; rows: CellValue[][] } & Partial<NoteFields>, ctx: Ctx): void => {
  checkColumnKeys(d.columns, ctx, []);
  if (d.key !== undefined && !d.columns.some((c) => c.key === d.key))
    ctx.addIssue({ code: "custom", path: ["key"], message: `key "${d.key}" is not one of the columns` });
  if (d.id !== undefined && d.version !== undefined && d.source !== undefined && d.asOf !== undefined && d.notes !== undefined)
    checkNoteLines({ id: d.id, version: d.version, source: d.source, asOf: d.asOf, notes: d.notes }, ctx);
  checkRows(d, ctx);
};

/** A dataset, as in src/data/types.ts, with its semantic checks. */
export const datasetSchema = z.object(datasetShape).check(z.superRefine(checkDataset));

/** A dataset file of the feed: format first, so a wrong version is the first thing said. */
export const datasetFileSchema = z.object({ format, ...datasetShape }).check(z.superRefine(checkDataset));

const catalogEntry = z.object({
  id: datasetId,
  title: localized,
  version,
  source: sources,
  asOf: text,
  columns,
  rowCount: count,
  // A bare file name: the catalog cannot point the client at another host or directory.
  href: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.json$/, 'href must be a file name like "<id>.json"')),
  shortTitle: datasetShape.shortTitle,
  description: z.optional(text),
  license: z.optional(z.string()),
  changelog: z.optional(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.changelog\.json$/, 'changelog must be a file name like "<id>.changelog.json"'))),
});

export const catalogSchema = z
  .object({
    format,
    generatedAt: z.iso.datetime({ offset: true }),
    datasets: z.array(catalogEntry),
  })
  .check(
    z.superRefine((c, ctx) => {
      const seen = new Set<string>();
      c.datasets.forEach((d, i) => {
        if (seen.has(d.id)) ctx.addIssue({ code: "custom", path: ["datasets", i, "id"], message: `duplicate dataset id "${d.id}"` });
        seen.add(d.id);
        checkColumnKeys(d.columns, ctx, ["datasets", i]);
      });
    })
  );

const upstream = z.object({ url: text, etag: z.nullable(z.string()), sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, "sha256 must be 64 hex digits")) });
const changelogEntry = z.object({
  version,
  previousVersion: z.nullable(version),
  date: z.iso.datetime({ offset: true }),
  bump: z.enum(["major", "minor", "patch"]),
  upstream,
  counts: z.object({
    rows: count,
    added: count,
    removed: count,
    changedCells: count,
    changedRows: count,
  }),
  added: z.array(z.string()).check(z.maxLength(CHANGELOG_LIST_CAP)),
  removed: z.array(z.string()).check(z.maxLength(CHANGELOG_LIST_CAP)),
  changed: z.array(z.object({ key: z.string(), column: z.string(), old: cell, new: cell })).check(z.maxLength(CHANGELOG_LIST_CAP)),
  columnsAdded: z.array(z.string()),
  columnsRemoved: z.array(z.string()),
});

/** A dataset's changelog file; entries newest first (each version above the one after it). */
export const changelogSchema = z.object({ format, id: datasetId, upstream: z.nullable(upstream), entries: z.array(changelogEntry) }).check(
  z.superRefine((c, ctx) => {
    for (let i = 1; i < c.entries.length; i++) {
      if (c.entries[i - 1].previousVersion !== c.entries[i].version) {
        ctx.addIssue({
          code: "custom",
          path: ["entries", i - 1, "previousVersion"],
          message: `expected ${c.entries[i].version} (the next entry's version), got ${String(c.entries[i - 1].previousVersion)}`,
        });
        return;
      }
    }
  })
);

// ---------------------------------------------------------------------------------------
// Validation

/** "datasets[2].rows[5]" from ["datasets", 2, "rows", 5]; "(root)" for the document itself. */
export function formatPath(path: readonly PropertyKey[], prefix = ""): string {
  let out = prefix;
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(root)" : out;
}

export function issue(path: string, reason: string, code: FeedIssueCode = "schema"): FeedIssue {
  return { code, path, reason, message: `${path}: ${reason}` };
}

const errorMap = (iss: { code?: string; input?: unknown }): string | undefined =>
  iss.code === "invalid_type" && iss.input === undefined ? "required field is missing" : undefined;

function run<T>(schema: z.ZodMiniType<T>, json: unknown, prefix: string): FeedResult<T> {
  const r = schema.safeParse(json, { error: errorMap });
  if (r.success) return { ok: true, value: r.data };
  const first = r.error.issues[0];
  return { ok: false, error: issue(formatPath(first.path, prefix), first.message) };
}

/** Validates a parsed catalog.json. Example: `validateCatalog(JSON.parse(text)).ok`. */
export function validateCatalog(json: unknown): FeedResult<FeedCatalog> {
  return run(catalogSchema, json, "");
}

/**
 * Validates a parsed dataset file. `prefix` names it in messages, e.g. "datasets[2]" gives
 * "datasets[2].rows[5]: expected 7 cells, got 6".
 */
export function validateDataset(json: unknown, prefix = ""): FeedResult<DatasetFile> {
  return run(datasetFileSchema, json, prefix);
}

/** Validates a parsed <id>.changelog.json. Example: `validateChangelog(JSON.parse(text)).ok`. */
export function validateChangelog(json: unknown, prefix = ""): FeedResult<ChangelogFile> {
  return run(changelogSchema, json, prefix);
}

/** Checks that a changelog belongs to its catalog entry: same id, newest entry at the entry's version. */
export function matchChangelog(entry: CatalogEntry, log: ChangelogFile, prefix = ""): FeedIssue | null {
  if (log.id !== entry.id) return issue(formatPath(["id"], prefix), `expected "${entry.id}" (from the catalog), got "${log.id}"`, "mismatch");
  const newest = log.entries[0];
  if (newest && newest.version !== entry.version) {
    return issue(formatPath(["entries", 0, "version"], prefix), `expected ${entry.version} (from the catalog), got ${newest.version}`, "mismatch");
  }
  return null;
}

/** Checks that a dataset file is the one its catalog entry announced. */
export function matchCatalogEntry(entry: CatalogEntry, file: Dataset, prefix = ""): FeedIssue | null {
  const at = (field: string): string => formatPath([field], prefix);
  const mismatch = (field: string, reason: string): FeedIssue => issue(at(field), reason, "mismatch");
  if (file.id !== entry.id) return mismatch("id", `expected "${entry.id}" (from the catalog), got "${file.id}"`);
  if (file.version !== entry.version) return mismatch("version", `expected ${entry.version} (from the catalog), got ${file.version}`);
  if (file.rows.length !== entry.rowCount) return mismatch("rows", `expected ${entry.rowCount} rows (from the catalog), got ${file.rows.length}`);
  const want = entry.columns.map((c) => c.key).join(",");
  const got = file.columns.map((c) => c.key).join(",");
  if (want !== got) return mismatch("columns", `expected columns [${want}] (from the catalog), got [${got}]`);
  return null;
}

/** "20.0 MB": sizes in messages (MiB, as MAX_FEED_BYTES is counted). */
export const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The message for a feed over the limit; shared with the fetch client. */
export function tooLargeIssue(bytes: number | null, maxBytes: number, path = "(root)"): FeedIssue {
  const size = bytes === null ? "more than " + megabytes(maxBytes) : megabytes(bytes);
  return issue(path, `feed is ${size}, over the ${megabytes(maxBytes)} limit; refused without parsing`, "tooLarge");
}

/**
 * Parses feed JSON text, refusing it before parsing when it is over `maxBytes` (UTF-8).
 * Returns the parsed value unvalidated: pass it to validateCatalog or validateDataset.
 */
export function parseFeedText(text: string, maxBytes = MAX_FEED_BYTES, path = "(root)"): FeedResult<unknown> {
  // Each UTF-16 unit is at least one UTF-8 byte, so a long string is refused without counting.
  if (text.length > maxBytes) return { ok: false, error: tooLargeIssue(text.length > 4 * maxBytes ? null : utf8Length(text), maxBytes, path) };
  const bytes = utf8Length(text);
  if (bytes > maxBytes) return { ok: false, error: tooLargeIssue(bytes, maxBytes, path) };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: issue(path, `not valid JSON (${e instanceof Error ? e.message : String(e)})`, "syntax") };
  }
}

// ---------------------------------------------------------------------------------------
// Catalog entries (the builder, buildFeed, and the JSON Schema are in feed-build.ts)

/** The catalog entry describing a dataset. */
export function catalogEntryOf(d: Dataset): CatalogEntry {
  return {
    id: d.id,
    title: d.title,
    version: d.version,
    source: d.source,
    asOf: d.asOf,
    columns: d.columns,
    rowCount: d.rows.length,
    href: `${d.id}.json`,
    ...(d.shortTitle ? { shortTitle: d.shortTitle } : {}),
    description: d.description,
    ...(d.license ? { license: d.license } : {}),
  };
}
