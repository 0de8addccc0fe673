/**
 * What the workbook remembers about each table the add-in inserted, so refresh can find it
 * after save, close and reopen: the record, its key and its encoding (pure, shared by every
 * adapter; each adapter stores the encoded records in its own place).
 *
 * Excel's storage (excel/tracking.ts): workbook settings (context.workbook.settings, ExcelApi
 * 1.4), one setting per table, key "aica.table.<table name, lower case>", value a JSON string. Why settings and not custom
 * XML parts (ExcelApi 1.5):
 * - settings are plain key/value JSON: no XML to build, escape and parse, no namespace lookup
 *   (customXmlParts.getByNamespace) and no getXml() round trip;
 * - writing a record is one queued settings.add() in the same batch as the table itself, so an
 *   insert stays one write sync and a record never exists without its table (or the reverse);
 *   reading all records is one settings.load() that fits in the refresh's read sync;
 * - settings are scoped to this add-in, so no other add-in or macro edits them by accident;
 *   custom XML parts are shared with every add-in and VBA, which we do not need;
 * - one setting per table means inserting never has to read, merge and rewrite a shared list.
 * The price: settings belong to the add-in's id, so a workbook edited with a differently
 * registered manifest (e.g. a dev build with another id) does not see them. Stale records (the
 * table was deleted) are kept, and refresh reports them as skipped.
 */
import type { Language, TrackedTable } from "./workbook";
import type { SheetPlan } from "./plan";
import type { WriteOp } from "./write-ops";

export const TRACKING_PREFIX = "aica.table.";

/**
 * A workbook written as a file (src/xlsx) cannot hold Office's add-in settings, so its settings
 * (the tracking records among them) sit on this very hidden sheet: key in column A, value in
 * column B, one setting per row. The Excel adapter reads it where its own settings lack a key.
 */
export const SETTINGS_SHEET = "_aica_settings";

/** The settings stored on SETTINGS_SHEET, from its cell values (rows of [key, value]); rows without a text key are ignored. */
export function settingsFromSheetRows(rows: readonly (readonly unknown[])[]): { key: string; value: string }[] {
  return rows
    .filter((r) => typeof r[0] === "string" && r[0] !== "")
    .map((r) => ({ key: r[0] as string, value: typeof r[1] === "string" ? r[1] : String(r[1] ?? "") }));
}
export const TRACKING_SCHEMA = 1;

/** The stored record: the port's TrackedTable plus what refresh needs to match and place things. */
export interface TrackedRecord extends TrackedTable {
  schema: number;
  /** Header texts as written, in columnKeys order: refresh finds each dataset column by it. */
  headers: string[];
  /** Note lines as written under the table (refresh recognises and moves them). */
  notes: string[];
  /** Body number format per column (columnKeys order), when known: a change forces a full rewrite. */
  formats?: string[];
  /** ISO timestamp of the last refresh that wrote to the table. */
  refreshedAt?: string;
}

/**
 * Prefix of an insert's pending marker: a setting written right after the insert adds its new
 * sheet (naming it) and again after it names the table (naming both), removed in the batch
 * that writes the tracking record. Present after a failure, it says what that insert created
 * (see insert.ts). Not a record: ignored by queueReadRecords.
 */
export const PENDING_PREFIX = "aica.pending.";

/** The settings key of an insert's pending marker. */
export function pendingKey(token: string): string {
  return `${PENDING_PREFIX}${token}`;
}

/** The settings key of a table's record (table names are case-insensitive in Excel). */
export function trackingKey(tableName: string): string {
  return `${TRACKING_PREFIX}${tableName.toLowerCase()}`;
}

/** The record for a table inserted from a dataset plan. Throws if the plan has no dataset or table. */
export function recordFromPlan(plan: SheetPlan, sheetName: string, insertedAt: string): TrackedRecord {
  if (!plan.dataset || !plan.table) throw new Error("recordFromPlan: the plan has no dataset table");
  return {
    schema: TRACKING_SCHEMA,
    tableName: plan.table.name,
    sheetName,
    datasetId: plan.dataset.datasetId,
    version: plan.dataset.version,
    columnKeys: [...plan.dataset.columnKeys],
    language: plan.dataset.language,
    insertedAt,
    headers: [...plan.dataset.headers],
    notes: [...plan.dataset.notes],
    ...(plan.dataset.columnFormats ? { formats: [...plan.dataset.columnFormats] } : {}),
    ...(plan.dataset.origin === "paste" ? { origin: "paste" as const } : {}),
  };
}

export function encodeRecord(record: TrackedRecord): string {
  return JSON.stringify(record);
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** A record from a stored setting value (JSON string or object), or null when it is not one. */
export function decodeRecord(value: unknown): TrackedRecord | null {
  let v: unknown = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (typeof v !== "object" || v === null) return null;
  const o = v as Record<string, unknown>;
  const str = (k: string): string | null => (typeof o[k] === "string" ? (o[k] as string) : null);
  const tableName = str("tableName");
  const sheetName = str("sheetName");
  const datasetId = str("datasetId");
  const version = str("version");
  const insertedAt = str("insertedAt");
  const language = o.language === "zh" || o.language === "en" ? (o.language as Language) : null;
  if (!tableName || sheetName === null || !datasetId || version === null || insertedAt === null || !language) return null;
  if (!isStringArray(o.columnKeys) || o.columnKeys.length === 0) return null;
  const headers = isStringArray(o.headers) && o.headers.length === o.columnKeys.length ? o.headers : [];
  const record: TrackedRecord = {
    schema: typeof o.schema === "number" ? o.schema : TRACKING_SCHEMA,
    tableName,
    sheetName,
    datasetId,
    version,
    columnKeys: o.columnKeys,
    language,
    insertedAt,
    headers,
    notes: isStringArray(o.notes) ? o.notes : [],
  };
  if (isStringArray(o.formats) && o.formats.length === o.columnKeys.length) record.formats = o.formats;
  const refreshedAt = str("refreshedAt");
  if (refreshedAt) record.refreshedAt = refreshedAt;
  if (o.pinned === true) record.pinned = true;
  if (o.origin === "paste") record.origin = "paste";
  return record;
}

/** Whether a tracked table came from the feed: a pasted one did not, so refresh asks the feed nothing for it. */
export function fromFeed(table: Pick<TrackedTable, "origin">): boolean {
  return table.origin !== "paste";
}

/** The record with its pin set or removed (an unpinned record has no `pinned` field at all). */
export function withPinned(record: TrackedRecord, pinned: boolean): TrackedRecord {
  const rest = { ...record };
  delete rest.pinned;
  return pinned ? { ...rest, pinned: true } : rest;
}

/** Whether two records say the same thing (compared as stored, whatever their key order). */
export function sameRecord(a: TrackedRecord, b: TrackedRecord): boolean {
  const canonical = (r: TrackedRecord): string => JSON.stringify(decodeRecord(encodeRecord(r)));
  return canonical(a) === canonical(b);
}

/** The write op that stores (adds or replaces) a record. */
export function recordWriteOp(record: TrackedRecord): WriteOp {
  return { kind: "setting", key: trackingKey(record.tableName), value: encodeRecord(record) };
}

/** The port's view of a record (without the refresh-only fields). */
export function toTrackedTable(r: TrackedRecord): TrackedTable {
  return {
    tableName: r.tableName,
    sheetName: r.sheetName,
    datasetId: r.datasetId,
    version: r.version,
    columnKeys: [...r.columnKeys],
    language: r.language,
    insertedAt: r.insertedAt,
    ...(r.pinned ? { pinned: true } : {}),
    ...(r.refreshedAt ? { refreshedAt: r.refreshedAt } : {}),
    ...(r.origin === "paste" ? { origin: "paste" as const } : {}),
  };
}
