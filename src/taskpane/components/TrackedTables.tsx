/** The tables this add-in inserted in the workbook, each refreshable and pinnable to its version, and "Refresh all". */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { LocalizedText } from "../../data/types";
import type { TrackedTable } from "../../sheet/workbook";
import { useI18n } from "../i18n-context";
import { Spinner } from "./controls";
import { ErrorBox } from "./ErrorBox";
import type { Loadable } from "./loadable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  text: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1, flexBasis: "12em", overflowWrap: "anywhere" },
  name: { fontWeight: tokens.fontWeightSemibold },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  pinned: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  message: { margin: 0 },
  allButton: { alignSelf: "flex-start" },
});

export interface TrackedTablesProps {
  tracked: Loadable<readonly TrackedTable[]>;
  titles: ReadonlyMap<string, LocalizedText>;
  busy: boolean;
  onRefreshAll(): void;
  onRefreshOne(tableName: string): void;
  /** Pin (true) or unpin (false) a table to the version it holds. */
  onPin(tableName: string, pinned: boolean): void;
}

export function TrackedTables({ tracked, titles, busy, onRefreshAll, onRefreshOne, onPin }: TrackedTablesProps) {
  const { language, t } = useI18n();
  const styles = useStyles();
  if (tracked.state === "loading") return <Spinner label={t("loadingTables")} />;
  if (tracked.state === "failed") return <ErrorBox message={t("loadTablesFailed")} detail={tracked.detail} />;
  const tables = tracked.value;
  return (
    <div className={styles.root}>
      <Button className={styles.allButton} appearance="primary" disabled={busy || tables.length === 0} onClick={onRefreshAll}>
        {t("refreshAll")}
      </Button>
      {tables.length === 0 ? (
        <p className={styles.message}>{t("noTracked")}</p>
      ) : (
        <ul className={styles.list}>
          {tables.map((table) => (
            <li key={table.tableName} className={styles.item} data-pinned={table.pinned ? "true" : undefined}>
              <span className={styles.text}>
                <span className={styles.name}>{table.tableName}</span>
                <span className={styles.meta}>{titles.get(table.datasetId)?.[language] ?? table.datasetId}</span>
                <span className={styles.meta}>
                  {t("trackedSheet", { sheet: table.sheetName })} · {t("trackedVersion", { version: table.version })}
                </span>
                {table.pinned ? <span className={styles.pinned}>{t("pinnedBadge")}</span> : null}
              </span>
              <span className={styles.buttons}>
                <Button disabled={busy} aria-label={t("refreshOneAria", { table: table.tableName })} onClick={() => onRefreshOne(table.tableName)}>
                  {t("refreshOne")}
                </Button>
                <Button
                  appearance="subtle"
                  disabled={busy}
                  aria-pressed={table.pinned === true}
                  aria-label={table.pinned ? t("unpinAria", { table: table.tableName }) : t("pinAria", { table: table.tableName, version: table.version })}
                  onClick={() => onPin(table.tableName, !table.pinned)}
                >
                  {table.pinned ? t("unpin") : t("pin")}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
