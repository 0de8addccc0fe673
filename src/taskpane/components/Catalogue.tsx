/**
 * The searchable list of the datasets the feed publishes, with the feed's build time; or the
 * add-in's bundled copy under a banner saying why the feed was not used.
 */
import { useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { CatalogItem, CatalogView, DatasetLoad } from "../deps";
import { feedFailureMessage } from "../errors";
import { useI18n } from "../i18n-context";
import { searchDatasets } from "../search";
import type { Loadable } from "./loadable";
import { Field, Spinner, TextInput } from "./controls";
import { DatasetCard } from "./DatasetCard";
import { ErrorBox, Note } from "./ErrorBox";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  item: { minWidth: 0 },
  count: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  message: { margin: 0, overflowWrap: "anywhere" },
  retry: { alignSelf: "flex-start" },
});

export interface CatalogueProps {
  catalog: Loadable<CatalogView>;
  busy: boolean;
  now: Date;
  onInsert(item: CatalogItem): void;
  loadPreview(item: CatalogItem): Promise<DatasetLoad>;
  /** Ask the feed again (shown with the offline copy). */
  onRetry(): void;
}

/** "2025-06-20 08:15 UTC" from an ISO time; the text itself when it does not parse. */
export function formatBuildTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${time.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function Catalogue({ catalog, busy, now, onInsert, loadPreview, onRetry }: CatalogueProps) {
  const { language, t } = useI18n();
  const styles = useStyles();
  const [query, setQuery] = useState("");

  if (catalog.state === "loading") return <Spinner label={t("loadingDatasets")} />;
  if (catalog.state === "failed") return <ErrorBox message={t("loadDatasetsFailed")} detail={catalog.detail} />;
  const view = catalog.value;

  let origin;
  if (view.source.origin === "offline") {
    const reason = view.offlineReason ? feedFailureMessage(language, view.offlineReason) : null;
    origin = (
      <Note intent="info" detail={reason?.detail}>
        <p className={styles.message}>
          <strong>{t("offlineCopy")}</strong>
        </p>
        {reason ? <p className={styles.message}>{reason.message}</p> : null}
        <Button className={styles.retry} size="small" disabled={busy} onClick={onRetry}>
          {t("retryFeed")}
        </Button>
      </Note>
    );
  } else if (view.generatedAt) {
    origin = <p className={styles.count}>{t("feedBuiltAt", { time: formatBuildTime(view.generatedAt) })}</p>;
  } else {
    origin = null;
  }

  if (view.entries.length === 0) {
    return (
      <>
        {origin}
        <p className={styles.message}>{t("noDatasets")}</p>
      </>
    );
  }

  const matches = searchDatasets(view.entries, query);
  return (
    <>
      {origin}
      <Field label={t("searchLabel")} hint={t("searchHint")}>
        {(control) => <TextInput {...control} type="search" value={query} onChange={setQuery} />}
      </Field>
      <p className={styles.count} role="status">
        {t("searchCount", { shown: matches.length, total: view.entries.length })}
      </p>
      {matches.length === 0 ? (
        <p className={styles.message}>{t("noMatches", { query: query.trim() })}</p>
      ) : (
        <ul className={styles.list}>
          {matches.map((item) => (
            <li key={item.id} className={styles.item}>
              <DatasetCard item={item} busy={busy} now={now} onInsert={onInsert} loadPreview={loadPreview} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
