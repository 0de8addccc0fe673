/**
 * The searchable list of the datasets the feed publishes, with the feed's build time; or the
 * add-in's bundled copy under a banner saying why the feed was not used. Search reads ids,
 * titles, columns and, loaded when a search starts, the rows' names (search.ts).
 */
import { useEffect, useId, useMemo, useState } from "react";
import { createPortal } from "react-dom";
import type { ReactNode } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { CatalogItem, CatalogView, DatasetLoad } from "../deps";
import { feedFailureMessage } from "../errors";
import { useI18n } from "../i18n-context";
import { useText } from "../text";
import type { Loadable } from "../components/loadable";
import { Spinner, TextInput } from "../components/controls";
import { ErrorBox, Note } from "../components/ErrorBox";
import { dataAgeMark } from "./data-age";
import { DatasetRow } from "./DatasetRow";
import { queryTerms, searchCatalog } from "./search";
import { DATA_MESSAGES } from "./strings";

const useStyles = makeStyles({
  // The search box's label, for screen readers: the section's heading names it on screen.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
  search: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", minWidth: 0 },
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
  /** The names of an entry's rows, for search (never rejects; [] when they cannot be had). */
  loadRowKeys(item: CatalogItem): Promise<readonly string[]>;
  /** Ask the feed again (shown with the offline copy). */
  onRetry(): void;
  /** Between the search box and the list: the insert options and the section's status line. */
  children?: ReactNode;
  /** Where the count of datasets shown goes (beside the section's heading), or under the search box. */
  countSlot?: HTMLElement | null;
}

/** "2025-06-20 08:15 UTC" from an ISO time; the text itself when it does not parse. */
export function formatBuildTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${time.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Row names by dataset id, as far as loaded for one catalogue, and how many are still loading. */
interface RowKeys {
  view: CatalogView;
  keys: ReadonlyMap<string, readonly string[]>;
  pending: number;
}

export function Catalogue({ catalog, busy, now, onInsert, loadPreview, loadRowKeys, onRetry, children, countSlot }: CatalogueProps) {
  const { language, t } = useI18n();
  const dt = useText(DATA_MESSAGES);
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [rowKeys, setRowKeys] = useState<RowKeys | null>(null);
  const view = catalog.state === "ready" ? catalog.value : null;
  const searching = queryTerms(query).length > 0;
  const searchId = useId();

  // The rows' names load once per catalogue, when the analyst first searches it.
  useEffect(() => {
    if (!searching || !view || rowKeys?.view === view) return;
    setRowKeys({ view, keys: new Map(), pending: view.entries.length });
    for (const item of view.entries) {
      void loadRowKeys(item).then((keys) =>
        setRowKeys((prev) => (prev && prev.view === view ? { view, keys: new Map(prev.keys).set(item.id, keys), pending: prev.pending - 1 } : prev))
      );
    }
  }, [searching, view, rowKeys, loadRowKeys]);

  const hits = useMemo(
    () => (view ? searchCatalog(view.entries, query, rowKeys?.view === view ? rowKeys.keys : undefined) : []),
    [view, query, rowKeys]
  );

  if (catalog.state === "loading") return <Spinner label={t("loadingDatasets")} />;
  if (catalog.state === "failed") return <ErrorBox message={t("loadDatasetsFailed")} detail={catalog.detail} />;
  const entries = catalog.value;
  const fromFeed = entries.source.origin === "feed";

  let origin;
  if (!fromFeed) {
    const reason = entries.offlineReason ? feedFailureMessage(language, entries.offlineReason) : null;
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
  } else if (entries.generatedAt) {
    origin = <p className={styles.count}>{t("feedBuiltAt", { time: formatBuildTime(entries.generatedAt) })}</p>;
  } else {
    origin = null;
  }

  if (entries.entries.length === 0) {
    return (
      <>
        {origin}
        {children}
        <p className={styles.message}>{t("noDatasets")}</p>
      </>
    );
  }

  const stillLoading = searching && rowKeys !== null && rowKeys.view === entries && rowKeys.pending > 0;
  const count = (
    <p className={styles.count} role="status">
      {t("searchCount", { shown: hits.length, total: entries.entries.length })}
      {stillLoading ? ` ${dt("searchingRows")}` : ""}
    </p>
  );
  return (
    <>
      <div className={styles.search}>
        <label htmlFor={searchId} className={styles.hidden}>
          {t("searchLabel")}
        </label>
        <TextInput id={searchId} aria-describedby={`${searchId}hint`} type="search" value={query} onChange={setQuery} />
        <span id={`${searchId}hint`} className={styles.hint}>
          {dt("searchHint")}
        </span>
      </div>
      {children}
      {countSlot !== undefined && countSlot !== null
        ? createPortal(count, countSlot)
        : countSlot === undefined
          ? count
          : null}
      {hits.length === 0 ? (
        <p className={styles.message}>{t("noMatches", { query: query.trim() })}</p>
      ) : (
        <ul className={styles.list}>
          {hits.map(({ item, reason }) => (
            <li key={item.id} className={styles.item}>
              <DatasetRow
                item={item}
                busy={busy}
                age={dataAgeMark(item.id, item.asOf, fromFeed, now, item.source)}
                reason={reason}
                onInsert={onInsert}
                loadPreview={loadPreview}
              />
            </li>
          ))}
        </ul>
      )}
      {origin}
    </>
  );
}
