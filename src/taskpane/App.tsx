/**
 * The task pane: a searchable catalogue of the datasets the feed publishes (or the bundled copy
 * when the feed cannot be reached) to insert as Excel tables, the tables already inserted with
 * their refresh and pin, the analyst models to build on new sheets, the AI formulas to make
 * portable for sharing (and restore, or repair), and the feed settings; in Chinese or English.
 *
 * Everything outside the pane arrives through `PaneDeps` (see deps.ts), so the same pane runs
 * in Excel, in the workbench and in tests.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ReactElement } from "react";
import { createRoot } from "react-dom/client";
import { Button, createDOMRenderer, FluentProvider, makeStyles, mergeClasses, RendererProvider, tokens, webLightTheme } from "@fluentui/react-components";
import type { Column, Dataset, LocalizedText } from "../data/types";
import type { ModelMode } from "../sheet/models/common";
import type {
  FormulaAction,
  FormulaActionResult,
  FormulaScope,
  InsertResult,
  Language,
  RefreshSummary,
  RefreshTableResult,
  SkippedFeature,
  TrackedTable,
} from "../sheet/workbook";
import { WorkbookError } from "../sheet/workbook";
import { fromFeed } from "../sheet/tracking";
import type { CatalogItem, CatalogView, DatasetLoad, FeedFailure, FeedResult, ModelTemplateInfo, PaneDeps } from "./deps";
import { feedFailureMessage, thrownMessage } from "./errors";
import { fill, LANGUAGE_TAG, languageFromDisplay } from "./i18n";
import type { MessageKey } from "./i18n";
import { I18nProvider, makeI18n, useI18n } from "./i18n-context";
import { Catalogue } from "./components/Catalogue";
import { ProgressBar, Spinner } from "./components/controls";
import { ErrorBox, Note } from "./components/ErrorBox";
import { FeedSettings } from "./components/FeedSettings";
import type { InsertChoices } from "./components/InsertOptions";
import { InsertOptions } from "./components/InsertOptions";
import type { Loadable } from "./components/loadable";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { Models } from "./components/Models";
import { RefreshSummaryView } from "./components/RefreshSummaryView";
import type { ShareText } from "./components/ShareFormulas";
import { FormulaError, FormulaProgress, ShareFormulas } from "./components/ShareFormulas";
import { TrackedTables } from "./components/TrackedTables";

/** The "Share a workbook" section's strings and report: a chunk loaded when the pane opens (share-chunk.ts says why). */
type ShareChunk = typeof import("./share-chunk");
const loadShare = (): Promise<ShareChunk> => import(/* webpackChunkName: "share" */ "./share-chunk");

/** What the pane is doing or has just done; rendered in the current language. */
export type Activity =
  | { kind: "idle" }
  | { kind: "inserting"; title: LocalizedText }
  | { kind: "fetching" }
  | { kind: "refreshing"; done: number; total: number; label: string }
  | { kind: "inserted"; title: LocalizedText; result: InsertResult }
  | { kind: "insertFailed"; title: LocalizedText; error: unknown }
  | { kind: "feedFailed"; failure: FeedFailure }
  | { kind: "refreshFailed"; phase: "feed" | "workbook"; error: unknown }
  /** `columns`: of each dataset that arrived, by id (to show changed values); `failures`: by table name, why its dataset could not be had. */
  | { kind: "refreshed"; summary: RefreshSummary; columns: ReadonlyMap<string, readonly Column[]>; failures: ReadonlyMap<string, FeedFailure> }
  /** The dataset to insert could not be loaded (from the feed, or the bundled copy). */
  | { kind: "loadFailed"; title: LocalizedText; failure: FeedFailure }
  | { kind: "pinFailed"; table: string; error: unknown }
  | { kind: "notice"; key: MessageKey }
  /** `loading`: the datasets being loaded first (empty once the sheet itself is being built). */
  | { kind: "building"; title: LocalizedText; loading: readonly string[] }
  | { kind: "built"; title: LocalizedText; result: InsertResult }
  | { kind: "buildFailed"; title: LocalizedText; error: unknown }
  /** A "Share a workbook" action on the formulas (issue 13): running, done, failed. */
  | { kind: "formulas"; action: FormulaAction }
  | { kind: "formulasDone"; result: FormulaActionResult }
  | { kind: "formulasFailed"; action: FormulaAction; error: unknown };

function isBusy(activity: Activity): boolean {
  return (
    activity.kind === "inserting" ||
    activity.kind === "fetching" ||
    activity.kind === "refreshing" ||
    activity.kind === "building" ||
    activity.kind === "formulas"
  );
}

function detailOf(error: unknown): string | undefined {
  return error instanceof Error && error.message ? error.message : undefined;
}

function initialLanguage(deps: PaneDeps): Language {
  try {
    const saved = deps.settings.getLanguage();
    if (saved === "zh" || saved === "en") return saved;
  } catch {
    // A setting that cannot be read is a setting never made.
  }
  return languageFromDisplay(deps.displayLanguage);
}

function initialFeedUrl(deps: PaneDeps): string | null {
  try {
    const saved = deps.settings.getFeedUrl();
    return saved && saved.trim() !== "" ? saved : null;
  } catch {
    return null;
  }
}

const useStyles = makeStyles({
  provider: { minHeight: "100%", backgroundColor: tokens.colorNeutralBackground2 },
  root: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "100%",
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    // Inherited: long ids, URLs and titles wrap instead of widening a 320 px pane.
    overflowWrap: "anywhere",
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  status: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    maxHeight: "50vh",
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  live: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  progressText: { margin: 0, overflowWrap: "anywhere" },
  progressDetail: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  text: { margin: 0 },
  skipped: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  dismiss: { alignSelf: "flex-start" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
});

export interface AppProps {
  deps: PaneDeps;
}

export function App({ deps }: AppProps) {
  const [language, setLanguage] = useState<Language>(() => initialLanguage(deps));
  const i18n = useMemo(() => makeI18n(language), [language]);
  const styles = useStyles();

  const [catalog, setCatalog] = useState<Loadable<CatalogView>>({ state: "loading" });
  const [tracked, setTracked] = useState<Loadable<readonly TrackedTable[]>>({ state: "loading" });
  const [models, setModels] = useState<Loadable<readonly ModelTemplateInfo[]>>({ state: "loading" });
  const [mode, setMode] = useState<ModelMode>("ai");
  const [share, setShare] = useState<Loadable<ShareChunk>>({ state: "loading" });
  const shareText = useMemo<ShareText | null>(
    () => (share.state === "ready" ? (key, params) => fill(share.value.SHARE_MESSAGES[language][key], params) : null),
    [share, language]
  );
  // Datasets models required, once loaded (epoch-models is large: loaded once per pane).
  const modelData = useRef(new Map<string, Dataset>());
  const [choices, setChoices] = useState<InsertChoices>({ target: "newSheet", chart: true });
  const [customFeedUrl, setCustomFeedUrl] = useState<string | null>(() => initialFeedUrl(deps));
  const [activity, setActivity] = useState<Activity>({ kind: "idle" });
  // A ref, not state: a second click in the same tick must see the first one's claim.
  const busyRef = useRef(false);
  const feedUrl = customFeedUrl ?? deps.defaultFeedUrl;
  // Datasets loaded for a preview or an insert, by where from, id and version (a new version is a new entry).
  const loadedData = useRef(new Map<string, Promise<DatasetLoad>>());
  // Only the latest catalogue request may set the list (the feed URL can change while one is pending).
  const catalogRequest = useRef(0);

  /** Loads the catalogue of the current feed; `quiet` keeps the list shown until the new one arrives. */
  const reloadCatalog = useCallback(
    async (quiet: boolean) => {
      const request = ++catalogRequest.current;
      if (!quiet) setCatalog({ state: "loading" });
      try {
        const value = await deps.loadCatalog(feedUrl);
        if (request === catalogRequest.current) setCatalog({ state: "ready", value });
      } catch (error) {
        if (request === catalogRequest.current) setCatalog({ state: "failed", detail: detailOf(error) });
      }
    },
    [deps, feedUrl]
  );

  useEffect(() => {
    void reloadCatalog(false);
    return () => {
      catalogRequest.current++; // a response for an unmounted pane or an old URL is dropped
    };
  }, [reloadCatalog]);

  const loadItem = useCallback(
    (item: CatalogItem): Promise<DatasetLoad> => {
      if (catalog.state !== "ready") return Promise.resolve({ ok: false, error: { kind: "missing", detail: item.id } });
      const source = catalog.value.source;
      const key = `${source.origin === "feed" ? source.url : "offline"}|${item.id}@${item.version}`;
      let pending = loadedData.current.get(key);
      if (!pending) {
        pending = deps.loadDataset(source, item.id).then(
          (loaded) => {
            if (!loaded.ok) loadedData.current.delete(key); // a failure is not remembered: the next try asks again
            return loaded;
          },
          (error: unknown): DatasetLoad => {
            loadedData.current.delete(key);
            return { ok: false, error: { kind: "offline", detail: detailOf(error) ?? "" } };
          }
        );
        loadedData.current.set(key, pending);
      }
      return pending;
    },
    [catalog, deps]
  );

  useEffect(() => {
    let live = true;
    deps.listModels().then(
      (value) => live && setModels({ state: "ready", value }),
      (error: unknown) => live && setModels({ state: "failed", detail: detailOf(error) })
    );
    return () => {
      live = false;
    };
  }, [deps]);

  useEffect(() => {
    let live = true;
    loadShare().then(
      (value) => live && setShare({ state: "ready", value }),
      (error: unknown) => live && setShare({ state: "failed", detail: detailOf(error) })
    );
    return () => {
      live = false;
    };
  }, []);

  const reloadTracked = useCallback(async () => {
    try {
      const value = await deps.workbook.listTracked();
      setTracked({ state: "ready", value });
    } catch (error) {
      setTracked({ state: "failed", detail: detailOf(error) });
    }
  }, [deps]);

  useEffect(() => {
    void reloadTracked();
  }, [reloadTracked]);

  const titles = useMemo(() => {
    const map = new Map<string, LocalizedText>();
    if (catalog.state === "ready") for (const item of catalog.value.entries) map.set(item.id, item.title);
    return map;
  }, [catalog]);

  const changeLanguage = (next: Language) => {
    setLanguage(next);
    try {
      void Promise.resolve(deps.settings.setLanguage(next)).catch(() => undefined);
    } catch {
      // Not remembered; the pane still switches.
    }
  };

  const saveFeedUrl = async (url: string | null) => {
    setCustomFeedUrl(url);
    await deps.settings.setFeedUrl(url);
  };

  /** Run one piece of work at a time; a click while busy is ignored. */
  const exclusive = async (work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    try {
      await work();
    } finally {
      busyRef.current = false;
    }
  };

  const insert = (item: CatalogItem) =>
    exclusive(async () => {
      setActivity({ kind: "inserting", title: item.title });
      const loaded = await loadItem(item);
      if (!loaded.ok) {
        setActivity({ kind: "loadFailed", title: item.title, failure: loaded.error });
        return;
      }
      try {
        const result = await deps.workbook.insertDataset(loaded.dataset, { ...choices, language });
        setActivity({ kind: "inserted", title: item.title, result });
      } catch (error) {
        setActivity({ kind: "insertFailed", title: item.title, error });
      }
      await reloadTracked();
    });

  const pin = (tableName: string, pinned: boolean) =>
    exclusive(async () => {
      try {
        await deps.workbook.setPinned(tableName, pinned);
      } catch (error) {
        setActivity({ kind: "pinFailed", table: tableName, error });
      }
      await reloadTracked();
    });

  /** Loads what the template requires (once), then builds it on a new sheet. */
  const build = (model: ModelTemplateInfo) =>
    exclusive(async () => {
      const loaded = modelData.current;
      const missing = model.requires.filter((id) => !loaded.has(id));
      try {
        if (missing.length > 0) {
          setActivity({ kind: "building", title: model.title, loading: missing });
          for (const id of missing) loaded.set(id, await deps.loadModelDataset(id));
        }
        setActivity({ kind: "building", title: model.title, loading: [] });
        const data = new Map<string, Dataset>();
        for (const id of model.requires) {
          const dataset = loaded.get(id);
          if (dataset) data.set(id, dataset);
        }
        const result = await deps.buildModel(model.id, { language, mode }, data);
        setActivity({ kind: "built", title: model.title, result });
      } catch (error) {
        setActivity({ kind: "buildFailed", title: model.title, error });
      }
    });

  /** Make portable, restore or repair the AI formulas in `scope`; cell notes are in the pane's language. */
  const runFormulas = (action: FormulaAction, scope: FormulaScope) =>
    exclusive(async () => {
      setActivity({ kind: "formulas", action });
      const book = deps.workbook;
      try {
        const result =
          action === "makePortable"
            ? await book.makePortable(scope, language)
            : action === "restore"
              ? await book.restoreFormulas(scope)
              : await book.repairFormulas(scope);
        setActivity({ kind: "formulasDone", result });
      } catch (error) {
        setActivity({ kind: "formulasFailed", action, error });
      }
    });

  const refresh = (tableName?: string) =>
    exclusive(async () => {
      let tables: TrackedTable[];
      try {
        tables = await deps.workbook.listTracked();
      } catch (error) {
        setActivity({ kind: "refreshFailed", phase: "workbook", error });
        return;
      }
      const chosen = tableName === undefined ? tables : tables.filter((table) => table.tableName === tableName);
      if (chosen.length === 0) {
        setActivity(
          tableName === undefined
            ? { kind: "notice", key: "noTracked" }
            : { kind: "refreshFailed", phase: "workbook", error: new WorkbookError("tableMissing", tableName) }
        );
        await reloadTracked();
        return;
      }
      // A pasted table has no feed: the workbook's refresh reports it as left alone.
      const ids = Array.from(new Set(chosen.filter(fromFeed).map((table) => table.datasetId)));

      setActivity({ kind: "fetching" });
      let feed: FeedResult;
      try {
        feed = ids.length === 0 ? { ok: true, results: new Map() } : await deps.loadFeed(customFeedUrl ?? deps.defaultFeedUrl, ids);
      } catch (error) {
        setActivity({ kind: "refreshFailed", phase: "feed", error });
        return;
      }
      if (!feed.ok) {
        setActivity({ kind: "feedFailed", failure: feed.error });
        return;
      }

      // The catalog validated: only now is the workbook touched, and only for the tables whose
      // dataset arrived whole; each other table is reported failed, with its reason.
      const arrived = new Map<string, Dataset>();
      const missing = new Map<string, FeedFailure>();
      for (const id of ids) {
        const one = feed.results.get(id) ?? { ok: false, error: { kind: "missing", detail: `no dataset "${id}"` } };
        if (one.ok) arrived.set(id, one.dataset);
        else missing.set(id, one.error);
      }
      // A pinned table is left as it is whether or not its dataset arrived: the engine says so.
      const toRefresh = chosen.filter((table) => arrived.has(table.datasetId) || table.pinned === true || !fromFeed(table));
      const failures = new Map<string, FeedFailure>();
      const failed: RefreshTableResult[] = [];
      for (const table of chosen) {
        const failure = missing.get(table.datasetId);
        if (failure === undefined || table.pinned === true) continue;
        failures.set(table.tableName, failure);
        failed.push({
          tableName: table.tableName,
          datasetId: table.datasetId,
          status: "failed",
          oldVersion: table.version,
          newVersion: "",
          added: 0,
          changed: 0,
          removed: 0,
        });
      }
      const columns = new Map<string, readonly Column[]>(Array.from(arrived, ([id, dataset]) => [id, dataset.columns] as const));

      let refreshed: RefreshSummary = { tables: [] };
      if (toRefresh.length > 0) {
        setActivity({ kind: "refreshing", done: 0, total: 0, label: "" });
        // Every table when all were asked for and nothing failed, else exactly the ones to refresh.
        const names = tableName === undefined && failed.length === 0 ? undefined : toRefresh.map((table) => table.tableName);
        try {
          refreshed = await deps.workbook.refresh(arrived, names, (done, total, label) => setActivity({ kind: "refreshing", done, total, label }));
        } catch (error) {
          setActivity({ kind: "refreshFailed", phase: "workbook", error });
          await reloadTracked();
          return;
        }
      }
      setActivity({ kind: "refreshed", summary: { tables: inTableOrder(chosen, [...refreshed.tables, ...failed]) }, columns, failures });
      await reloadTracked();
      // A refresh is when new versions are looked for: the catalogue shows what the feed now has.
      await reloadCatalog(true);
    });

  const busy = isBusy(activity);

  return (
    <FluentProvider theme={webLightTheme} className={styles.provider} lang={LANGUAGE_TAG[language]}>
      <I18nProvider value={i18n}>
        <main className={styles.root}>
          <header className={styles.header}>
            <h1 className={styles.title}>{i18n.t("appTitle")}</h1>
            <LanguageSwitch onChange={changeLanguage} />
          </header>

          <StatusArea
            activity={activity}
            share={share.state === "ready" && shareText ? { chunk: share.value, text: shareText } : null}
            onDismiss={() => setActivity({ kind: "idle" })}
          />

          <section className={styles.section} aria-labelledby="pane-tracked-heading">
            <h2 id="pane-tracked-heading" className={styles.sectionTitle}>
              {i18n.t("trackedHeading")}
            </h2>
            <TrackedTables
              tracked={tracked}
              titles={titles}
              busy={busy}
              onRefreshAll={() => void refresh()}
              onRefreshOne={(name) => void refresh(name)}
              onPin={(name, pinned) => void pin(name, pinned)}
            />
          </section>

          <section className={styles.section} aria-labelledby="pane-options-heading">
            <h2 id="pane-options-heading" className={styles.sectionTitle}>
              {i18n.t("insertOptionsHeading")}
            </h2>
            <InsertOptions value={choices} onChange={setChoices} />
          </section>

          <section className={styles.section} aria-labelledby="pane-catalogue-heading">
            <h2 id="pane-catalogue-heading" className={styles.sectionTitle}>
              {i18n.t("catalogueHeading")}
            </h2>
            <Catalogue
              catalog={catalog}
              busy={busy}
              now={deps.now?.() ?? new Date()}
              onInsert={(item) => void insert(item)}
              loadPreview={loadItem}
              onRetry={() => void reloadCatalog(false)}
            />
          </section>

          <section className={styles.section} aria-labelledby="pane-models-heading">
            <h2 id="pane-models-heading" className={styles.sectionTitle}>
              {i18n.t("modelsHeading")}
            </h2>
            <Models models={models} mode={mode} onModeChange={setMode} busy={busy} onBuild={(model) => void build(model)} />
          </section>

          <section className={styles.section} aria-labelledby="pane-share-heading">
            <h2 id="pane-share-heading" className={styles.sectionTitle}>
              {i18n.t("shareHeading")}
            </h2>
            {shareText ? (
              <ShareFormulas text={shareText} busy={busy} onRun={(action, scope) => void runFormulas(action, scope)} />
            ) : share.state === "failed" ? (
              <ErrorBox message={i18n.t("errUnknown")} detail={share.detail} />
            ) : (
              <Spinner label={i18n.t("loading")} />
            )}
          </section>

          <section className={styles.section} aria-labelledby="pane-settings-heading">
            <h2 id="pane-settings-heading" className={styles.sectionTitle}>
              {i18n.t("settingsHeading")}
            </h2>
            <FeedSettings customUrl={customFeedUrl} defaultUrl={deps.defaultFeedUrl} onSave={saveFeedUrl} />
          </section>
        </main>
      </I18nProvider>
    </FluentProvider>
  );
}

/**
 * Progress and results, in two live regions that are always in the page (a region added
 * together with its text is often not announced): polite for progress and results, assertive
 * for errors.
 */
function StatusArea({ activity, share, onDismiss }: { activity: Activity; share: { chunk: ShareChunk; text: ShareText } | null; onDismiss(): void }) {
  const { language, t } = useI18n();
  const styles = useStyles();

  let polite: ReactElement | null = null;
  let alert: ReactElement | null = null;
  switch (activity.kind) {
    case "idle":
      break;
    case "inserting":
      polite = (
        <>
          <p className={styles.progressText}>{t("inserting", { title: activity.title[language] })}</p>
          <ProgressBar aria-label={t("inserting", { title: activity.title[language] })} />
        </>
      );
      break;
    case "fetching":
      polite = (
        <>
          <p className={styles.progressText}>{t("fetchingFeed")}</p>
          <ProgressBar aria-label={t("progressLabel")} />
        </>
      );
      break;
    case "refreshing":
      polite = (
        <>
          <p className={styles.progressText}>
            {t("refreshingTables")}
            {activity.total > 0 ? ` ${activity.done}/${activity.total}` : ""}
          </p>
          {activity.label ? <p className={styles.progressDetail}>{activity.label}</p> : null}
          <ProgressBar
            aria-label={t("progressLabel")}
            value={activity.total > 0 ? activity.done : undefined}
            max={activity.total > 0 ? activity.total : undefined}
          />
        </>
      );
      break;
    case "inserted":
      polite = (
        <Note intent={activity.result.skipped?.length ? "info" : "success"}>
          <p className={styles.text}>
            {t("insertSuccess", {
              title: activity.title[language],
              table: activity.result.tableName,
              sheet: activity.result.sheetName,
              address: activity.result.address,
            })}
          </p>
          <SkippedList skipped={activity.result.skipped} />
        </Note>
      );
      break;
    case "refreshed":
      polite = (
        <Note intent={activity.summary.tables.some((table) => table.status === "failed") ? "info" : "success"}>
          <RefreshSummaryView summary={activity.summary} columns={activity.columns} failures={activity.failures} />
        </Note>
      );
      break;
    case "notice":
      polite = (
        <Note intent="info">
          <p className={styles.text}>{t(activity.key)}</p>
        </Note>
      );
      break;
    case "building": {
      const title = activity.title[language];
      const text = activity.loading.length > 0 ? t("loadingModelData", { title, datasets: activity.loading.join(", ") }) : t("building", { title });
      polite = (
        <>
          <p className={styles.progressText}>{text}</p>
          <ProgressBar aria-label={text} />
        </>
      );
      break;
    }
    case "built":
      polite = (
        <Note intent={activity.result.skipped?.length ? "info" : "success"}>
          <p className={styles.text}>
            {t("buildSuccess", { title: activity.title[language], sheet: activity.result.sheetName, address: activity.result.address })}
          </p>
          <SkippedList skipped={activity.result.skipped} />
        </Note>
      );
      break;
    // The section's chunk is loaded: these activities start from its buttons.
    case "formulas":
      polite = share && <FormulaProgress text={share.text} action={activity.action} />;
      break;
    case "formulasDone":
      polite = share && (
        <Note intent={share.chunk.needsAttention(activity.result) ? "info" : "success"}>
          <share.chunk.FormulaReport
            text={share.text}
            result={activity.result}
            classes={{ text: styles.text, list: styles.skipped, cells: mergeClasses(styles.skipped, styles.progressDetail) }}
          />
        </Note>
      );
      break;
    case "formulasFailed":
      alert = share && <FormulaError text={share.text} action={activity.action} shown={thrownMessage(language, activity.error)} />;
      break;
    case "buildFailed": {
      const shown = thrownMessage(language, activity.error);
      alert = <ErrorBox heading={t("buildFailed", { title: activity.title[language] })} {...shown} />;
      break;
    }
    case "insertFailed": {
      const shown = thrownMessage(language, activity.error);
      alert = <ErrorBox heading={t("insertFailed", { title: activity.title[language] })} {...shown} />;
      break;
    }
    case "loadFailed": {
      const shown = feedFailureMessage(language, activity.failure);
      alert = <ErrorBox heading={t("insertFailed", { title: activity.title[language] })} {...shown} />;
      break;
    }
    case "pinFailed": {
      const shown = thrownMessage(language, activity.error);
      alert = <ErrorBox heading={t("pinFailed", { table: activity.table })} {...shown} />;
      break;
    }
    case "feedFailed": {
      const shown = feedFailureMessage(language, activity.failure);
      alert = <ErrorBox heading={t("refreshFeedFailed")} {...shown} />;
      break;
    }
    case "refreshFailed": {
      const shown = thrownMessage(language, activity.error);
      alert = <ErrorBox heading={t(activity.phase === "feed" ? "refreshFeedFailed" : "refreshWorkbookFailed")} {...shown} />;
      break;
    }
  }

  const finished = activity.kind !== "idle" && !isBusy(activity);
  return (
    <div className={styles.status}>
      <div className={styles.live} role="status" aria-live="polite">
        {polite}
      </div>
      <div className={styles.live} role="alert" aria-live="assertive">
        {alert}
      </div>
      {finished ? (
        <Button className={styles.dismiss} size="small" appearance="subtle" onClick={onDismiss}>
          {t("dismiss")}
        </Button>
      ) : null}
    </div>
  );
}

/** The message of each feature an older Excel could not add (see SkippedFeature). */
const SKIPPED_MESSAGE: Readonly<Record<SkippedFeature["feature"], MessageKey>> = {
  dropDowns: "skippedDropDowns",
  freezePanes: "skippedFreezePanes",
  chart: "skippedChart",
  chartAxisFormats: "skippedChartAxisFormats",
};

/** What an insert or build left out for a missing requirement set, one line each, and what to do; nothing when none. */
function SkippedList({ skipped }: { skipped: readonly SkippedFeature[] | undefined }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (!skipped || skipped.length === 0) return null;
  return (
    <>
      <ul className={styles.skipped}>
        {skipped.map((s) => (
          <li key={s.feature}>{t(SKIPPED_MESSAGE[s.feature], { requirement: s.requirement })}</li>
        ))}
      </ul>
      <p className={styles.text}>{t("skippedAdvice")}</p>
    </>
  );
}

/** Results in the order of the tables asked for (the engine's first, then the pane's own), anything else after. */
function inTableOrder(tables: readonly TrackedTable[], results: readonly RefreshTableResult[]): RefreshTableResult[] {
  const rank = new Map(tables.map((table, i) => [table.tableName, i] as const));
  const at = (r: RefreshTableResult) => rank.get(r.tableName) ?? tables.length;
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => at(a.r) - at(b.r) || a.i - b.i)
    .map(({ r }) => r);
}

/**
 * Render the pane into `element` (the lead's index.tsx calls this after Office.onReady).
 * @returns a function that unmounts the pane.
 * @example const unmount = mountPane(document.getElementById("root")!, deps);
 */
export function mountPane(element: Element, deps: PaneDeps): () => void {
  const root = createRoot(element);
  const doc = element.ownerDocument;
  // Griffel (Fluent UI's styles) inserts <style> elements at run time: they carry the page's
  // nonce so the Content-Security-Policy's style-src admits them (scripts/hosting.ts).
  const nonce = doc.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
  const renderer = createDOMRenderer(doc, nonce ? { styleElementAttributes: { nonce } } : {});
  root.render(
    <RendererProvider renderer={renderer} targetDocument={doc}>
      <App deps={deps} />
    </RendererProvider>
  );
  return () => root.unmount();
}
