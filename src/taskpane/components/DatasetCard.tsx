/**
 * One catalogue entry: title, id, source, version, period (marked when over a year old), size,
 * an Insert button and a preview, whose rows are loaded when it is first opened.
 */
import { useEffect, useId, useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { dataAge } from "../data-age";
import type { CatalogItem, DatasetLoad } from "../deps";
import { feedFailureMessage } from "../errors";
import { LANGUAGE_TAG } from "../i18n";
import { useI18n } from "../i18n-context";
import { Spinner } from "./controls";
import { ErrorBox } from "./ErrorBox";
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
  stale: { display: "block", color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface DatasetCardProps {
  item: CatalogItem;
  busy: boolean;
  /** For the data-age mark. */
  now: Date;
  onInsert(item: CatalogItem): void;
  /** The dataset's rows for the preview (the pane caches them). */
  loadPreview(item: CatalogItem): Promise<DatasetLoad>;
}

export function DatasetCard({ item, busy, now, onInsert, loadPreview }: DatasetCardProps) {
  const { language, t } = useI18n();
  const styles = useStyles();
  const [expanded, setExpanded] = useState(false);
  const [preview, setPreview] = useState<DatasetLoad | null>(null);
  const previewId = useId();
  const other = language === "zh" ? "en" : "zh";
  const title = item.title[language];
  const altTitle = item.title[other];
  const source = item.source.map((s) => s.text).join("; ");
  const stale = dataAge(item.asOf, now).stale;

  useEffect(() => {
    if (!expanded) return;
    let live = true;
    setPreview(null);
    loadPreview(item).then(
      (loaded) => live && setPreview(loaded),
      (error: unknown) => live && setPreview({ ok: false, error: { kind: "offline", detail: error instanceof Error ? error.message : String(error) } })
    );
    return () => {
      live = false;
    };
  }, [expanded, item, loadPreview]);

  let previewBody = null;
  if (expanded) {
    if (preview === null)
      previewBody = (
        <div id={previewId}>
          <Spinner label={t("loadingDataset", { title })} />
        </div>
      );
    else if (preview.ok) previewBody = <PreviewTable dataset={preview.dataset} id={previewId} />;
    else
      previewBody = (
        <div id={previewId}>
          <ErrorBox heading={t("loadDatasetFailed", { title })} {...feedFailureMessage(language, preview.error)} />
        </div>
      );
  }

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
        <dd className={styles.value}>{item.id}</dd>
        <dt className={styles.term}>{t("sourceLabel")}</dt>
        <dd className={styles.value}>{source}</dd>
        <dt className={styles.term}>{t("versionLabel")}</dt>
        <dd className={styles.value}>{item.version}</dd>
        {item.asOf ? (
          <>
            <dt className={styles.term}>{t("asOfLabel")}</dt>
            <dd className={styles.value}>
              {item.asOf}
              {stale ? (
                <span className={styles.stale} data-stale="true">
                  {t("staleMark")}
                </span>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt className={styles.term}>{t("sizeLabel")}</dt>
        <dd className={styles.value}>{t("sizeValue", { rows: item.rowCount.toLocaleString("en-US"), columns: item.columns.length })}</dd>
        {item.license ? (
          <>
            <dt className={styles.term}>{t("licenseLabel")}</dt>
            <dd className={styles.value}>{item.license}</dd>
          </>
        ) : null}
      </dl>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} aria-label={t("insertAria", { title })} onClick={() => onInsert(item)}>
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
      {previewBody}
    </article>
  );
}
