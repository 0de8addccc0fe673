/** The status line's summary after a refresh: "Refresh summary: 1 updated, 0 unchanged, 0 skipped, 1 failed". */
import type { RefreshStatus, RefreshSummary } from "../../sheet/workbook";
import type { I18n } from "../i18n-context";
import { useI18n } from "../i18n-context";
import { textOf } from "../text";
import { DATA_MESSAGES } from "./strings";

/** The totals, or that no table was refreshed. */
export function refreshTotals(t: I18n["t"], summary: RefreshSummary): string {
  const count = (status: RefreshStatus) => summary.tables.filter((table) => table.status === status).length;
  if (summary.tables.length === 0) return t("summaryEmpty");
  const pinned = count("pinned");
  const failed = count("failed");
  return (
    t("summaryTotals", { updated: count("updated"), unchanged: count("unchanged"), skipped: count("skipped") }) +
    (pinned > 0 ? t("summaryPinnedCount", { count: pinned }) : "") +
    (failed > 0 ? t("summaryFailedCount", { count: failed }) : "")
  );
}

/** The summary line: "Refresh summary: …" (a full-width colon in Chinese). */
export function RefreshSummaryLine({ summary }: { summary: RefreshSummary }) {
  const { language, t } = useI18n();
  return <>{textOf(DATA_MESSAGES, language)("refreshLine", { heading: t("summaryHeading"), totals: refreshTotals(t, summary) })}</>;
}
