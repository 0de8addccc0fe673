/** One catalogue entry: title, source, version, size, an Insert button and a preview. */
import { useId, useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Dataset } from "../../data/types";
import { LANGUAGE_TAG } from "../i18n";
import { useI18n } from "../i18n-context";
import { PreviewTable } from "./PreviewTable";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  altTitle: { margin: 0, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  meta: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere", minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface DatasetCardProps {
  dataset: Dataset;
  busy: boolean;
  onInsert(dataset: Dataset): void;
}

export function DatasetCard({ dataset, busy, onInsert }: DatasetCardProps) {
  const { language, t } = useI18n();
  const styles = useStyles();
  const [expanded, setExpanded] = useState(false);
  const previewId = useId();
  const other = language === "zh" ? "en" : "zh";
  const title = dataset.title[language];
  const altTitle = dataset.title[other];
  const source = dataset.source.map((s) => s.text).join("; ");

  return (
    <article className={styles.card} aria-label={title}>
      <h3 className={styles.title}>{title}</h3>
      {altTitle && altTitle !== title ? (
        <p className={styles.altTitle} lang={LANGUAGE_TAG[other]}>
          {altTitle}
        </p>
      ) : null}
      <dl className={styles.meta}>
        <dt className={styles.term}>{t("idLabel")}</dt>
        <dd className={styles.value}>{dataset.id}</dd>
        <dt className={styles.term}>{t("sourceLabel")}</dt>
        <dd className={styles.value}>{source}</dd>
        <dt className={styles.term}>{t("versionLabel")}</dt>
        <dd className={styles.value}>{dataset.version}</dd>
        {dataset.asOf ? (
          <>
            <dt className={styles.term}>{t("asOfLabel")}</dt>
            <dd className={styles.value}>{dataset.asOf}</dd>
          </>
        ) : null}
        <dt className={styles.term}>{t("sizeLabel")}</dt>
        <dd className={styles.value}>{t("sizeValue", { rows: dataset.rows.length, columns: dataset.columns.length })}</dd>
      </dl>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} aria-label={t("insertAria", { title })} onClick={() => onInsert(dataset)}>
          {t("insert")}
        </Button>
        <Button
          aria-expanded={expanded}
          aria-controls={expanded ? previewId : undefined}
          aria-label={t("previewAria", { title })}
          onClick={() => setExpanded((value) => !value)}
        >
          {t("showPreview")}
        </Button>
      </div>
      {expanded ? <PreviewTable dataset={dataset} id={previewId} /> : null}
    </article>
  );
}
