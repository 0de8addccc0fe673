/**
 * After a refresh, the status line's details, per table:
 * updated or unchanged (rows added, changed, removed; old → new version; the first changed cells
 * old → new, formatted as the sheet shows them; the keys of rows added and removed), pinned
 * (left at its version), skipped or failed (with the reason).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { CellValue, Column } from "../../data/types";
import type { CellChange, RefreshStatus, RefreshSummary, RefreshTableResult } from "../../sheet/workbook";
import type { FeedFailure } from "../deps";
import { tableFailureReason } from "../errors";
import { formatCell } from "../format";
import type { MessageKey } from "../i18n";
import type { I18n } from "../i18n-context";
import { useI18n } from "../i18n-context";

const STATUS_KEYS: Readonly<Record<RefreshStatus, MessageKey>> = {
  updated: "statusUpdated",
  unchanged: "statusUnchanged",
  skipped: "statusSkipped",
  pinned: "statusPinned",
  failed: "statusFailed",
};

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", overflowWrap: "anywhere", minWidth: 0 },
  line: { fontSize: tokens.fontSizeBase200 },
  changes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

export interface RefreshSummaryViewProps {
  summary: RefreshSummary;
  /** The columns of each dataset refreshed, by id, to show changed values as the sheet does; a value of an unknown column is shown as is. */
  columns?: ReadonlyMap<string, readonly Column[]>;
  /** Why a table's dataset could not be had, by table name (its result has status "failed"). */
  failures?: ReadonlyMap<string, FeedFailure>;
}

/**
 * Per table, what the refresh did (the status line's details). A chunk of its own (the default
 * export), loaded when a refresh has something to report.
 */
export default function RefreshSummaryView({ summary, columns, failures }: RefreshSummaryViewProps) {
  const { t } = useI18n();
  const styles = useStyles();
  if (summary.tables.length === 0) return null;
  return (
    <ul className={styles.list}>
      {summary.tables.map((table) => (
        <li key={table.tableName} className={styles.item} data-status={table.status}>
          <span>
            <strong>{table.tableName}</strong>: {t(STATUS_KEYS[table.status])}
          </span>
          <TableDetail table={table} columns={columns?.get(table.datasetId)} failure={failures?.get(table.tableName)} />
        </li>
      ))}
    </ul>
  );
}

function TableDetail({ table, columns, failure }: { table: RefreshTableResult; columns?: readonly Column[]; failure?: FeedFailure }) {
  const { language, t } = useI18n();
  const styles = useStyles();
  const line = (text: string, key?: string) => (
    <span key={key} className={styles.line}>
      {text}
    </span>
  );
  const version = table.newVersion ? line(t("summaryVersion", { old: table.oldVersion, new: table.newVersion })) : null;

  switch (table.status) {
    case "pinned":
      return line(
        table.newVersion && table.newVersion !== table.oldVersion
          ? t("summaryPinnedNewer", { old: table.oldVersion, new: table.newVersion })
          : t("summaryPinned", { version: table.oldVersion })
      );
    case "failed": {
      const reason = failure ? tableFailureReason(language, failure) : table.reason;
      return (
        <>
          {reason ? line(t("summaryReason", { reason })) : null}
          {line(t("summaryFailedKept"))}
        </>
      );
    }
    case "skipped":
      return (
        <>
          {table.reason ? line(t("summaryReason", { reason: table.reason })) : null}
          {version}
        </>
      );
    case "updated":
    case "unchanged":
      return (
        <>
          {line(t("summaryCounts", { added: table.added, changed: table.changed, removed: table.removed }))}
          {version}
          {table.addedKeys && table.addedKeys.length > 0 ? line(t("summaryAddedKeys", { keys: keyList(t, table.addedKeys, table.added) })) : null}
          {table.removedKeys && table.removedKeys.length > 0 ? line(t("summaryRemovedKeys", { keys: keyList(t, table.removedKeys, table.removed) })) : null}
          {table.changes && table.changes.length > 0 ? (
            <>
              {line(t("summaryChangesHeading"))}
              <ul className={styles.changes}>
                {table.changes.map((change, i) => (
                  <li key={i}>{changeText(t, language, change, columns)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      );
  }
}

type Translate = I18n["t"];

/** "A, B, C" or "A, B, C and 4 more" when `total` is more than the keys listed. */
function keyList(t: Translate, keys: readonly string[], total: number): string {
  const listed = keys.join(", ");
  return total > keys.length ? t("summaryMoreKeys", { keys: listed, count: total - keys.length }) : listed;
}

/**
 * "GPT-4 · Parameters: 1.70E+12 → 1.80E+12": the column by its header in the pane's language
 * and the values as the sheet shows them, when the column is known.
 */
export function changeText(t: Translate, language: I18n["language"], change: CellChange, columns?: readonly Column[]): string {
  const column = columns?.find((c) => c.key === change.column);
  const show = (value: CellValue): string => {
    const text = column ? formatCell(value, column) : value === null || value === undefined ? "" : String(value);
    return text === "" ? t("summaryBlank") : text;
  };
  return t("summaryChange", { row: change.row, column: column ? column.header[language] : change.column, old: show(change.old), new: show(change.new) });
}
