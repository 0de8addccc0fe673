/** The searchable list of datasets. */
import { useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Dataset } from "../../data/types";
import { useI18n } from "../i18n-context";
import { searchDatasets } from "../search";
import type { Loadable } from "./loadable";
import { Field, Spinner, TextInput } from "./controls";
import { DatasetCard } from "./DatasetCard";
import { ErrorBox } from "./ErrorBox";

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
});

export interface CatalogueProps {
  datasets: Loadable<readonly Dataset[]>;
  busy: boolean;
  onInsert(dataset: Dataset): void;
}

export function Catalogue({ datasets, busy, onInsert }: CatalogueProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [query, setQuery] = useState("");

  if (datasets.state === "loading") return <Spinner label={t("loadingDatasets")} />;
  if (datasets.state === "failed") return <ErrorBox message={t("loadDatasetsFailed")} detail={datasets.detail} />;
  if (datasets.value.length === 0) return <p className={styles.message}>{t("noDatasets")}</p>;

  const matches = searchDatasets(datasets.value, query);
  return (
    <>
      <Field label={t("searchLabel")} hint={t("searchHint")}>
        {(control) => <TextInput {...control} type="search" value={query} onChange={setQuery} />}
      </Field>
      <p className={styles.count} role="status">
        {t("searchCount", { shown: matches.length, total: datasets.value.length })}
      </p>
      {matches.length === 0 ? (
        <p className={styles.message}>{t("noMatches", { query: query.trim() })}</p>
      ) : (
        <ul className={styles.list}>
          {matches.map((dataset) => (
            <li key={dataset.id} className={styles.item}>
              <DatasetCard dataset={dataset} busy={busy} onInsert={onInsert} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
