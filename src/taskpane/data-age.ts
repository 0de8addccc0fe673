/**
 * How old a dataset's figures are, from its as-of text ("2023-02", "2023-02-06/2023-02-10",
 * "2025-06-20", "2017-06", "2018"): the pane marks a dataset older than a year as possibly out
 * of date. Pure; "now" is passed in.
 */

/** A dataset whose latest date is more than this many months before now is marked. */
export const STALE_AFTER_MONTHS = 12;

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

export interface DataAge {
  /** The latest date the as-of text names (see latestAsOfDate), or null. */
  latest: Date | null;
  /** More than STALE_AFTER_MONTHS months before `now`: possibly out of date. False when no date is named. */
  stale: boolean;
}

/**
 * The age of a dataset's figures at `now`.
 * @example dataAge("2023-02", new Date("2024-03-01")) // { latest: 2023-02-28, stale: true }
 * @example dataAge("2025-06-20", new Date("2026-06-20")) // { latest: 2025-06-20, stale: false } (exactly 12 months)
 */
export function dataAge(asOf: string, now: Date): DataAge {
  const latest = latestAsOfDate(asOf);
  if (latest === null) return { latest, stale: false };
  // The same day 12 months later (clamped to the month's end: 29 Feb → 28 Feb).
  const year = latest.getUTCFullYear();
  const month = latest.getUTCMonth() + STALE_AFTER_MONTHS;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const limit = Date.UTC(year, month, Math.min(latest.getUTCDate(), lastDay));
  // Compared by UTC calendar day: "now" later than the limit day is stale.
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { latest, stale: today > limit };
}
