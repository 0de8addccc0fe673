/** The first rows of a dataset as a small table that scrolls sideways in its own box. */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Dataset } from "../../data/types";
import { formatCell, isNumericColumn } from "../format";
import { useI18n } from "../i18n-context";

export const PREVIEW_ROWS = 5;

const useStyles = makeStyles({
  scroller: {
    maxWidth: "100%",
    overflowX: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
  },
  caption: {
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground3,
    whiteSpace: "normal",
  },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "start",
  },
  head: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  numeric: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

export interface PreviewTableProps {
  dataset: Dataset;
  id: string;
}

export function PreviewTable({ dataset, id }: PreviewTableProps) {
  const { language, t } = useI18n();
  const styles = useStyles();
  const rows = dataset.rows.slice(0, PREVIEW_ROWS);
  if (rows.length === 0) {
    return <p id={id}>{t("previewEmpty")}</p>;
  }
  const caption = t("previewCaption", { count: rows.length, rows: dataset.rows.length });
  return (
    // A scrollable region must be reachable by keyboard to be scrolled without a mouse.
    <div id={id} className={styles.scroller} role="region" aria-label={caption} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            {dataset.columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={mergeClasses(styles.cell, styles.head, isNumericColumn(column) && styles.numeric)}
                title={column.unit ? `${column.header[language]} (${column.unit})` : undefined}
              >
                {column.header[language]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {dataset.columns.map((column, columnIndex) => (
                <td key={column.key} className={mergeClasses(styles.cell, isNumericColumn(column) && styles.numeric)}>
                  {formatCell(row[columnIndex] ?? null, column)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
