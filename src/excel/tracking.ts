/**
 * Reads the tracking records (sheet/tracking.ts) from Excel's workbook settings, where the
 * inserts and refreshes store them as "setting" write ops (why settings: see sheet/tracking.ts).
 */
import { decodeRecord, TRACKING_PREFIX, type TrackedRecord } from "../sheet/tracking";

/**
 * Queues the load of every record; the returned function gives them after the next sync,
 * sorted by table name. Settings that are not ours, or not valid records, are ignored.
 */
export function queueReadRecords(context: Excel.RequestContext): () => TrackedRecord[] {
  const settings = context.workbook.settings;
  settings.load("items/key,items/value");
  return () =>
    settings.items
      .filter((s) => s.key.startsWith(TRACKING_PREFIX))
      .map((s) => decodeRecord(s.value))
      .filter((r): r is TrackedRecord => r !== null)
      .sort((a, b) => a.tableName.localeCompare(b.tableName));
}
