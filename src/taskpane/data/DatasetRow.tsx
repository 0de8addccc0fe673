/**
 * One catalogue entry as a compact row (issue 20): title, age, size and Insert on two lines;
 * a disclosure opens the rest in place (the other language's title, id, source, version,
 * licence) and a preview, whose rows are loaded when it is first opened.
 */
import { useEffect, useId, useState } from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { CatalogItem, DatasetLoad } from "../deps";
import { feedFailureMessage } from "../errors";
import { LANGUAGE_TAG } from "../i18n";
import { useI18n } from "../i18n-context";
import { useText, type TextFn } from "../text";
import { Spinner } from "../components/controls";
import { ErrorBox } from "../components/ErrorBox";
import { Lazy } from "../shell/Lazy";

const loadPreviewTable = () => import(/* webpackChunkName: "data-details" */ "./preview-chunk");
import { isFlagged, type DataAgeMark } from "./data-age";
import type { MatchReason } from "./search";
import { DATA_MESSAGES, type DataKey } from "./strings";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  disclosure: { minWidth: "24px", paddingLeft: 0, paddingRight: 0, flexShrink: 0 },
  chevron: { display: "inline-block", transitionProperty: "transform", transitionDuration: tokens.durationFaster },
  open: { transform: "rotate(90deg)" },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  // One line: the full title is the row's name, its tooltip, and in its details.
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  advice: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteDarkOrangeForeground1, overflowWrap: "anywhere" },
  meta: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  flagged: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  insert: { flexShrink: 0 },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    paddingLeft: "28px",
    paddingBottom: tokens.spacingVerticalXS,
    "&[hidden]": { display: "none" },
  },
  fullTitle: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  altTitle: { margin: 0, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  dl: {
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
  previewButton: { alignSelf: "flex-start" },
});

/** The age line, as the mark says: neutral for a dated record, a warning when flagged. */
export function ageText(t: TextFn<DataKey>, language: "zh" | "en", mark: DataAgeMark): string {
  switch (mark.kind) {
    case "record":
      return t(mark.fromReport ? "ageRecord" : "agePublished", { asOf: mark.asOf });
    case "current":
      return t("ageCurrent", { asOf: mark.asOf, upstream: mark.upstream[language] });
    case "behind":
      return t("ageBehind", { asOf: mark.asOf, upstream: mark.upstream[language], days: mark.days.toLocaleString("en-US") });
    case "undated":
      return t("ageUndated", { upstream: mark.upstream[language] });
    case "offline":
      return t("ageOffline", { asOf: mark.asOf, upstream: mark.upstream[language] });
  }
}

/** What to do about a flagged age, shown with the details; null when nothing is flagged. */
export function ageAdvice(t: TextFn<DataKey>, language: "zh" | "en", mark: DataAgeMark): string | null {
  if (mark.kind === "behind") return t("ageBehindAdvice", { upstream: mark.upstream[language], days: mark.days.toLocaleString("en-US") });
  if (mark.kind === "offline") return t("ageOfflineAdvice", { upstream: mark.upstream[language] });
  return null;
}

export interface DatasetRowProps {
  item: CatalogItem;
  busy: boolean;
  age: DataAgeMark;
  /** Why a search found it by a column or a row. */
  reason?: MatchReason;
  onInsert(item: CatalogItem): void;
  /** The dataset's rows for the preview (the pane caches them). */
  loadPreview(item: CatalogItem): Promise<DatasetLoad>;
}

export function DatasetRow({ item, busy, age, reason, onInsert, loadPreview }: DatasetRowProps) {
  const { language, t } = useI18n();
  const dt = useText(DATA_MESSAGES);
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [previewOpen, setPreviewOpen] = useState(false);
  const [preview, setPreview] = useState<DatasetLoad | null>(null);
  const bodyId = useId();
  const previewId = useId();
  const other = language === "zh" ? "en" : "zh";
  const title = item.title[language];
  const altTitle = item.title[other];
  const source = item.source.map((s) => s.text).join("; ");
  const flagged = isFlagged(age);
  const advice = ageAdvice(dt, language, age);

  useEffect(() => {
    if (!previewOpen) return;
    let live = true;
    setPreview(null);
    loadPreview(item).then(
      (loaded) => live && setPreview(loaded),
      (error: unknown) => live && setPreview({ ok: false, error: { kind: "offline", detail: error instanceof Error ? error.message : String(error) } })
    );
    return () => {
      live = false;
    };
  }, [previewOpen, item, loadPreview]);

  let previewBody = null;
  if (previewOpen) {
    if (preview === null)
      previewBody = (
        <div id={previewId}>
          <Spinner label={t("loadingDataset", { title })} />
        </div>
      );
    else if (preview.ok) previewBody = <Lazy load={loadPreviewTable} props={{ dataset: preview.dataset, id: previewId }} />;
    else
      previewBody = (
        <div id={previewId}>
          <ErrorBox heading={t("loadDatasetFailed", { title })} {...feedFailureMessage(language, preview.error)} />
        </div>
      );
  }

  return (
    <article className={styles.row} aria-label={title} data-dataset={item.id}>
      <div className={styles.head}>
        <Button
          className={styles.disclosure}
          size="small"
          appearance="subtle"
          aria-expanded={open}
          aria-controls={bodyId}
          aria-label={dt("showDetails", { title })}
          onClick={() => setOpen((v) => !v)}
        >
          <span aria-hidden="true" className={mergeClasses(styles.chevron, open && styles.open)}>
            ›
          </span>
        </Button>
        <span className={styles.titles}>
          <h3 className={styles.title} title={title}>
            {title}
          </h3>
          <p className={styles.meta}>
            <span className={flagged ? styles.flagged : undefined} data-age={age.kind} title={advice ?? undefined}>
              {ageText(dt, language, age)}
            </span>
            {" · "}
            {dt("sizeShort", { rows: item.rowCount.toLocaleString("en-US"), columns: item.columns.length })}
          </p>
          {reason ? (
            <p className={styles.meta} data-match={reason.kind}>
              {reason.kind === "row" ? dt("matchRow", { row: reason.text }) : dt("matchColumn", { column: reason.text[language] })}
            </p>
          ) : null}
        </span>
        <Button className={styles.insert} size="small" appearance="primary" disabled={busy} aria-label={t("insertAria", { title })} onClick={() => onInsert(item)}>
          {t("insert")}
        </Button>
      </div>
      <div id={bodyId} className={styles.body} hidden={!open}>
        {open ? (
          <>
            <p className={styles.fullTitle}>{title}</p>
            {advice ? <p className={styles.advice}>{advice}</p> : null}
            {altTitle && altTitle !== title ? (
              <p className={styles.altTitle} lang={LANGUAGE_TAG[other]}>
                {altTitle}
              </p>
            ) : null}
            <dl className={styles.dl}>
              <dt className={styles.term}>{t("idLabel")}</dt>
              <dd className={styles.value}>{item.id}</dd>
              <dt className={styles.term}>{t("sourceLabel")}</dt>
              <dd className={styles.value}>{source}</dd>
              <dt className={styles.term}>{t("versionLabel")}</dt>
              <dd className={styles.value}>{item.version}</dd>
              {item.asOf ? (
                <>
                  <dt className={styles.term}>{t("asOfLabel")}</dt>
                  <dd className={styles.value}>{item.asOf}</dd>
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
            <Button
              className={styles.previewButton}
              size="small"
              aria-expanded={previewOpen}
              aria-controls={previewOpen ? previewId : undefined}
              aria-label={t("previewAria", { title })}
              onClick={() => setPreviewOpen((value) => !value)}
            >
              {t("showPreview")}
            </Button>
            {previewBody}
          </>
        ) : null}
      </div>
    </article>
  );
}
