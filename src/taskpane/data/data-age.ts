/**
 * What a dataset's age means, for the Data tab (issue 20): a report's table is a dated record
 * ("as of 2023-02 (report)", in neutral text), never "out of date"; only a dataset that follows
 * an upstream database (src/data/upstreams.ts: the Epoch AI tables) is flagged, when the copy
 * is older than the upstream's cadence allows, or when the feed failed and the pane lists the
 * copy bundled with the add-in. Pure; "now" is passed in.
 */
import { REPORT_CITATION } from "../../data/columns";
import type { LocalizedText, SourceRef } from "../../data/types";
import { upstreamOf, type Cadence } from "../../data/upstreams";

const DAY_MS = 86_400_000;

/**
 * The latest date an as-of text names, as the last day of the period it names (a month counts
 * to its last day, a year to 31 December: "2023-02" is data up to 28 February), in UTC; null
 * when it names no date.
 * @example latestAsOfDate("2023-02-06/2023-02-10") // 2023-02-10T00:00:00Z
 * @example latestAsOfDate("2023-02") // 2023-02-28T00:00:00Z
 */
export function latestAsOfDate(asOf: string): Date | null {
  let latest: number | null = null;
  // Four-digit years not inside a longer number, with an optional month and day.
  for (const m of asOf.matchAll(/(?<!\d)(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?!\d)/g)) {
    const year = Number(m[1]);
    const month = m[2] === undefined ? 12 : Number(m[2]);
    if (year < 1900 || month < 1 || month > 12) continue;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const day = m[3] === undefined ? lastDay : Number(m[3]);
    if (day < 1 || day > lastDay) continue;
    const time = Date.UTC(year, month - 1, day);
    if (latest === null || time > latest) latest = time;
  }
  return latest === null ? null : new Date(latest);
}

/**
 * - record: a dated record (no upstream): as old as it says; `fromReport` when one of its
 *   sources is the report the add-in's own tables come from (else a paper, a post, datasheets);
 * - current: follows an upstream and is within its cadence;
 * - behind: follows an upstream and is older than its cadence allows (`days` old);
 * - undated: follows an upstream but its as-of names no date (cannot tell);
 * - offline: follows an upstream, and the feed could not be used: this is the add-in's own copy.
 */
export type DataAgeMark =
  | { kind: "record"; asOf: string; fromReport: boolean }
  | { kind: "current"; asOf: string; upstream: LocalizedText; cadence: Cadence }
  | { kind: "behind"; asOf: string; upstream: LocalizedText; cadence: Cadence; days: number }
  | { kind: "undated"; asOf: string; upstream: LocalizedText; cadence: Cadence }
  | { kind: "offline"; asOf: string; upstream: LocalizedText; cadence: Cadence };

/** Whether the mark calls for attention (shown in warning colours). */
export function isFlagged(mark: DataAgeMark): boolean {
  return mark.kind === "behind" || mark.kind === "offline";
}

/**
 * The age mark of dataset `id` with as-of text `asOf`, listed from the feed or from the offline
 * copy (`fromFeed` false), at `now`, its sources telling a report's table from another record.
 * Whole UTC days between the as-of date and now count.
 * @example dataAgeMark("llm-comparison", "2023-02", true, now, sources) // { kind: "record", asOf: "2023-02", fromReport: true }
 * @example dataAgeMark("epoch-models", "2025-06-20", true, new Date("2025-07-01")) // { kind: "behind", days: 11, … }
 */
export function dataAgeMark(id: string, asOf: string, fromFeed: boolean, now: Date, sources: readonly SourceRef[] = []): DataAgeMark {
  const upstream = upstreamOf(id);
  if (!upstream) return { kind: "record", asOf, fromReport: sources.some((s) => s.text.includes(REPORT_CITATION)) };
  const base = { asOf, upstream: upstream.name, cadence: upstream.cadence };
  if (!fromFeed) return { kind: "offline", ...base };
  const latest = latestAsOfDate(asOf);
  if (latest === null) return { kind: "undated", ...base };
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.floor((today - latest.getTime()) / DAY_MS);
  return days > upstream.staleAfterDays ? { kind: "behind", ...base, days } : { kind: "current", ...base };
}
