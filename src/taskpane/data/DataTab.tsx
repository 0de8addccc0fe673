/**
 * The Data tab (issue 20): the first-run card while the workbook has no table of ours; the
 * inserted tables with their refresh state and Refresh all; the catalogue as compact rows with
 * search and the insert options; "Paste a table" (its own chunk). Each section's status line
 * sits in it, in the flow.
 */
import { useId, useRef, useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { LocalizedText } from "../../data/types";
import type { TrackedTable } from "../../sheet/workbook";
import type { CatalogItem, CatalogView, DatasetLoad, PaneDeps } from "../deps";
import { useI18n } from "../i18n-context";
import { useText } from "../text";
import type { Loadable } from "../components/loadable";
import type { InsertChoices } from "../components/InsertOptions";
import { InsertOptions } from "../components/InsertOptions";
import { FirstRun } from "../shell/FirstRun";
import { Lazy } from "../shell/Lazy";
import { StatusSlot } from "../shell/Status";
import type { TabId } from "../tabs";
import { Catalogue } from "./Catalogue";
import { DATA_MESSAGES } from "./strings";
import { TrackedTables, type LastRefresh } from "./TrackedTables";

const loadPasteTable = () => import(/* webpackChunkName: "paste-table" */ "./PasteTable");

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  headingRow: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  options: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  optionsText: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, flexGrow: 1, flexBasis: "10em" },
  optionsBody: { padding: `${tokens.spacingVerticalXS} 0 0 ${tokens.spacingHorizontalS}` },
  entry: { alignSelf: "flex-start" },
});

export interface DataTabProps {
  deps: PaneDeps;
  catalog: Loadable<CatalogView>;
  tracked: Loadable<readonly TrackedTable[]>;
  titles: ReadonlyMap<string, LocalizedText>;
  versions: ReadonlyMap<string, string>;
  lastRefresh: ReadonlyMap<string, LastRefresh>;
  busy: boolean;
  now: Date;
  choices: InsertChoices;
  onChoices(choices: InsertChoices): void;
  onInsert(item: CatalogItem): void;
  loadPreview(item: CatalogItem): Promise<DatasetLoad>;
  loadRowKeys(item: CatalogItem): Promise<readonly string[]>;
  onRetryFeed(): void;
  onRefreshAll(): void;
  onRefreshOne(tableName: string): void;
  onPin(tableName: string, pinned: boolean): void;
  /** Show the inserted tables' section (the workbook has some, or a refresh has something to say). */
  showTracked: boolean;
  /** Show the first-run card. */
  showFirstRun: boolean;
  onDismissFirstRun(): void;
  onOpenTab(tab: TabId): void;
  /** After "Paste a table" inserted one. */
  onPasted(): void;
}

export function DataTab(props: DataTabProps) {
  const { t } = useI18n();
  const dt = useText(DATA_MESSAGES);
  const styles = useStyles();
  const catalogue = useRef<HTMLElement>(null);
  // The count of datasets shown sits beside the heading (one line less above the list).
  const [countSlot, setCountSlot] = useState<HTMLElement | null>(null);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const [pasteOpen, setPasteOpen] = useState(false);
  const optionsId = useId();
  const pasteId = useId();
  const { choices } = props;
  const tables = props.tracked.state === "ready" ? props.tracked.value : [];

  const toSearch = () => {
    const input = catalogue.current?.querySelector<HTMLInputElement>("input[type=search]");
    if (input) {
      if (typeof input.scrollIntoView === "function") input.scrollIntoView({ block: "nearest" });
      input.focus();
    }
  };

  return (
    <div className={styles.root}>
      {props.showFirstRun ? (
        <FirstRun onInsert={toSearch} onModel={() => props.onOpenTab("models")} onFunction={() => props.onOpenTab("functions")} onDismiss={props.onDismissFirstRun} />
      ) : null}

      {props.showTracked ? (
        <section className={styles.section} aria-labelledby="pane-tracked-heading">
          <div className={styles.headingRow}>
            <h2 id="pane-tracked-heading" className={styles.heading}>
              {t("trackedHeading")}
            </h2>
            <Button size="small" appearance="primary" disabled={props.busy || tables.length === 0} onClick={props.onRefreshAll}>
              {t("refreshAll")}
            </Button>
          </div>
          <StatusSlot place="tracked" />
          <TrackedTables
            tracked={props.tracked}
            titles={props.titles}
            versions={props.versions}
            lastRefresh={props.lastRefresh}
            busy={props.busy}
            onRefreshOne={props.onRefreshOne}
            onPin={props.onPin}
          />
        </section>
      ) : null}

      <section ref={catalogue} className={styles.section} aria-labelledby="pane-catalogue-heading">
        <div className={styles.headingRow}>
          <h2 id="pane-catalogue-heading" className={styles.heading}>
            {t("catalogueHeading")}
          </h2>
          <span ref={setCountSlot} />
        </div>
        {/* A table of the analyst's own, from a report's text: beside the datasets, before their list. */}
        <Button className={styles.entry} size="small" aria-expanded={pasteOpen} aria-controls={pasteId} onClick={() => setPasteOpen((v) => !v)}>
          {pasteOpen ? dt("pasteHide") : dt("pasteEntry")}
        </Button>
        <div id={pasteId} hidden={!pasteOpen}>
          {pasteOpen ? <Lazy load={loadPasteTable} props={{ deps: props.deps, onInserted: props.onPasted }} /> : null}
        </div>
        <Catalogue
          countSlot={countSlot}
          catalog={props.catalog}
          busy={props.busy}
          now={props.now}
          onInsert={props.onInsert}
          loadPreview={props.loadPreview}
          loadRowKeys={props.loadRowKeys}
          onRetry={props.onRetryFeed}
        >
          <div>
            <div className={styles.options}>
              <p className={styles.optionsText}>
                {dt("optionsSummary", {
                  target: dt(choices.target === "newSheet" ? "optionsSummaryNewSheet" : "optionsSummarySelection"),
                  chart: dt(choices.chart ? "optionsSummaryChart" : "optionsSummaryNoChart"),
                })}
              </p>
              <Button size="small" appearance="subtle" aria-expanded={optionsOpen} aria-controls={optionsId} onClick={() => setOptionsOpen((v) => !v)}>
                {dt("optionsChange")}
              </Button>
            </div>
            <div id={optionsId} className={styles.optionsBody} hidden={!optionsOpen}>
              {optionsOpen ? <InsertOptions value={choices} onChange={props.onChoices} /> : null}
            </div>
          </div>
          <StatusSlot place="catalogue" />
        </Catalogue>
      </section>
    </div>
  );
}
