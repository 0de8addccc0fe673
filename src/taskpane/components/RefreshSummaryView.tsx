/** After a refresh: per table, what changed (rows added, changed, removed; old → new version) or why it was skipped. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { RefreshStatus, RefreshSummary } from "../../sheet/workbook";
import type { MessageKey } from "../i18n";
import { useI18n } from "../i18n-context";

const STATUS_KEYS: Readonly<Record<RefreshStatus, MessageKey>> = {
  updated: "statusUpdated",
  unchanged: "statusUnchanged",
  skipped: "statusSkipped",
};

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  totals: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", overflowWrap: "anywhere", minWidth: 0 },
  line: { fontSize: tokens.fontSizeBase200 },
});

export function RefreshSummaryView({ summary }: { summary: RefreshSummary }) {
  const { t } = useI18n();
  const styles = useStyles();
  const count = (status: RefreshStatus) => summary.tables.filter((table) => table.status === status).length;
  return (
    <>
      <h3 className={styles.heading}>{t("summaryHeading")}</h3>
      <p className={styles.totals}>
        {summary.tables.length === 0
          ? t("summaryEmpty")
          : t("summaryTotals", { updated: count("updated"), unchanged: count("unchanged"), skipped: count("skipped") })}
      </p>
      {summary.tables.length > 0 ? (
        <ul className={styles.list}>
          {summary.tables.map((table) => (
            <li key={table.tableName} className={styles.item} data-status={table.status}>
              <span>
                <strong>{table.tableName}</strong>: {t(STATUS_KEYS[table.status])}
              </span>
              {table.status === "skipped" ? (
                table.reason ? <span className={styles.line}>{t("summaryReason", { reason: table.reason })}</span> : null
              ) : (
                <span className={styles.line}>
                  {t("summaryCounts", { added: table.added, changed: table.changed, removed: table.removed })}
                </span>
              )}
              {table.status !== "skipped" || table.newVersion ? (
                <span className={styles.line}>{t("summaryVersion", { old: table.oldVersion, new: table.newVersion })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
