/**
 * Reads the tracking records (sheet/tracking.ts) from Excel's workbook settings, where the
 * inserts and refreshes store them as "setting" write ops (why settings: see sheet/tracking.ts),
 * and, for a workbook made as a file (the workbench's "Download .xlsx", `npm run export`), from
 * the very hidden SETTINGS_SHEET such a file carries instead: a file cannot hold Office's add-in
 * settings. A key the add-in's settings have wins over the sheet's (once a refresh or a pin
 * rewrites a record, it lives in the settings); the sheet is only read, never written.
 */
import { decodeRecord, SETTINGS_SHEET, settingsFromSheetRows, TRACKING_PREFIX, type TrackedRecord } from "../sheet/tracking";

/** Runs one more counted sync; what a read that needs a second request is given. */
export type SyncFn = () => Promise<void>;

/**
 * Queues the check for a file's SETTINGS_SHEET; the returned function, called after the caller's
 * next sync, gives the sheet's settings (key → value), empty when the workbook has no such sheet.
 * A workbook without the sheet (every workbook made in Excel) costs no extra sync; one with it
 * costs one more (`sync`), to read the sheet's cells.
 *
 * - WorksheetCollection.getItemOrNullObject (ExcelApi 1.4): a missing sheet is a null object, not
 *   an ItemNotFound that would fail the caller's whole request; isNullObject is set by the sync
 *   (https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-getitemornullobject-member(1);
 *   "*OrNullObject methods and properties" in
 *   https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model).
 *   The docs do not say what a method called on a null object does, so nothing is chained on it:
 *   the cells are read only once the sheet is known to exist.
 * - Worksheet.getUsedRangeOrNullObject(valuesOnly) (ExcelApi 1.4): the cells in use, a null
 *   object on an empty sheet (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrangeornullobject-member(1)).
 * - Range.values (ExcelApi 1.1).
 */
export function queueReadFileSettings(context: Excel.RequestContext): (sync: SyncFn) => Promise<Map<string, string>> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  sheet.load("name");
  // The linter cannot see the caller's sync before this function runs, nor the one `sync` makes.
  /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  return async (sync) => {
    if (sheet.isNullObject) return new Map();
    const used = context.workbook.worksheets.getItem(SETTINGS_SHEET).getUsedRangeOrNullObject(true);
    used.load("values");
    await sync();
    // isNullObject is set by the sync itself (no load needed: application-specific-api-model, above).
    if (used.isNullObject) return new Map();
    return new Map(settingsFromSheetRows(used.values).map((s) => [s.key, s.value]));
  };
  /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
}

function recordsOf(entries: Iterable<[string, unknown]>): TrackedRecord[] {
  return [...entries]
    .filter(([k]) => k.startsWith(TRACKING_PREFIX))
    .map(([, v]) => decodeRecord(v))
    .filter((r): r is TrackedRecord => r !== null)
    .sort((a, b) => a.tableName.localeCompare(b.tableName));
}

/**
 * Queues the load of every record (the add-in's settings, and the check for a file's settings
 * sheet); the returned function, called after the next sync, gives them sorted by table name,
 * reading the file's sheet in one more sync only when it exists (queueReadFileSettings).
 * Settings that are not ours, or not valid records, are ignored.
 */
export function queueReadRecords(context: Excel.RequestContext): (sync: SyncFn) => Promise<TrackedRecord[]> {
  const settings = context.workbook.settings;
  settings.load("items/key,items/value");
  const fromFile = queueReadFileSettings(context);
  return async (sync) => {
    // The settings' items are read before the file's sync, which would not change them.
    const own = settings.items.map((s) => [s.key, s.value] as const);
    const merged = new Map<string, unknown>(await fromFile(sync));
    for (const [k, v] of own) merged.set(k, v);
    return recordsOf(merged);
  };
}
