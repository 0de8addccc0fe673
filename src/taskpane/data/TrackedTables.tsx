/**
 * The tables this add-in inserted in the workbook, each with its refresh state (when inserted,
 * when its data last changed, this session's last refresh, whether the feed has a newer
 * version), a Refresh and a Pin button.
 */
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { LocalizedText } from "../../data/types";
import { compareVersions } from "../../data/semver";
import type { RefreshStatus, TrackedTable } from "../../sheet/workbook";
import type { MessageKey } from "../i18n";
import { useI18n } from "../i18n-context";
import { useText } from "../text";
import { Spinner } from "../components/controls";
import { ErrorBox } from "../components/ErrorBox";
import type { Loadable } from "../components/loadable";
import { DATA_MESSAGES } from "./strings";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  // The table's name and its buttons on one line; what it holds and its refresh state under them.
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, minWidth: 0 },
  meta: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
  newer: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  pinned: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  message: { margin: 0 },
});

const STATUS_KEYS: Readonly<Record<RefreshStatus, MessageKey>> = {
  updated: "statusUpdated",
  unchanged: "statusUnchanged",
  skipped: "statusSkipped",
  pinned: "statusPinned",
  failed: "statusFailed",
};

/** A table's outcome in this session's last refresh that included it. */
export interface LastRefresh {
  at: Date;
  status: RefreshStatus;
}

export interface TrackedTablesProps {
  tracked: Loadable<readonly TrackedTable[]>;
  /** Each dataset's title and the version the catalogue lists, by id. */
  titles: ReadonlyMap<string, LocalizedText>;
  versions: ReadonlyMap<string, string>;
  /** By table name. */
  lastRefresh: ReadonlyMap<string, LastRefresh>;
  busy: boolean;
  onRefreshOne(tableName: string): void;
  /** Pin (true) or unpin (false) a table to the version it holds. */
  onPin(tableName: string, pinned: boolean): void;
}

/** "2024-01-02" of an ISO time (the day it names, in UTC); the text itself when it does not parse. */
export function isoDay(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toISOString().slice(0, 10);
}

/** "14:05", the local time of day. */
function clock(at: Date): string {
  return `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
}

export function TrackedTables({ tracked, titles, versions, lastRefresh, busy, onRefreshOne, onPin }: TrackedTablesProps) {
  const { language, t } = useI18n();
  const dt = useText(DATA_MESSAGES);
  const styles = useStyles();
  if (tracked.state === "loading") return <Spinner label={t("loadingTables")} />;
  if (tracked.state === "failed") return <ErrorBox message={t("loadTablesFailed")} detail={tracked.detail} />;
  const tables = tracked.value;
  if (tables.length === 0) return <p className={styles.message}>{t("noTracked")}</p>;
  return (
    <ul className={styles.list}>
      {tables.map((table) => {
        const listed = versions.get(table.datasetId);
        const newer = listed !== undefined && listed !== table.version && compareVersions(listed, table.version) >= 0;
        const last = lastRefresh.get(table.tableName);
        const state = [t("trackedVersion", { version: table.version }), dt("trackedInserted", { date: isoDay(table.insertedAt) })];
        if (table.refreshedAt) state.push(dt("trackedDataUpdated", { date: isoDay(table.refreshedAt) }));
        if (last) state.push(dt("trackedChecked", { time: clock(last.at), status: t(STATUS_KEYS[last.status]) }));
        return (
          <li key={table.tableName} className={styles.item} data-pinned={table.pinned ? "true" : undefined} data-table={table.tableName}>
            <span className={styles.head}>
              <span className={styles.name}>{table.tableName}</span>
              <span className={styles.buttons}>
                <Button size="small" disabled={busy} aria-label={t("refreshOneAria", { table: table.tableName })} onClick={() => onRefreshOne(table.tableName)}>
                  {t("refreshOne")}
                </Button>
                <Button
                  size="small"
                  appearance="subtle"
                  disabled={busy}
                  aria-pressed={table.pinned === true}
                  aria-label={table.pinned ? t("unpinAria", { table: table.tableName }) : t("pinAria", { table: table.tableName, version: table.version })}
                  onClick={() => onPin(table.tableName, !table.pinned)}
                >
                  {table.pinned ? t("unpin") : t("pin")}
                </Button>
              </span>
            </span>
            <span className={styles.meta}>
                {titles.get(table.datasetId)?.[language] ?? table.datasetId} · {t("trackedSheet", { sheet: table.sheetName })}
              </span>
              <span className={styles.meta} data-refresh-state="">
                {state.join(" · ")}
                {listed !== undefined ? " · " : null}
                {listed !== undefined ? (
                  <span className={mergeClasses(newer && styles.newer)} data-newer={newer ? "true" : undefined}>
                    {newer ? dt("trackedFeedHas", { version: listed }) : listed === table.version ? dt("trackedUpToDate") : dt("trackedFeedHas", { version: listed })}
                  </span>
                ) : null}
              </span>
            {table.pinned ? <span className={styles.pinned}>{t("pinnedBadge")}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
