/**
 * The task pane's shell (issue 20): the title and the language, a tab list (Data · Models ·
 * Functions · Share · Settings), and the tabs' panels. The Data tab is part of the pane's first
 * scripts; every other tab is a chunk loaded when it is first opened (shell/Lazy.tsx), and stays
 * mounted once opened. The selected tab is remembered (PaneSettings.setTab).
 *
 * The shell owns what the tabs and the ribbon share: the activity (one action at a time, shown
 * in its section's status line, shell/Status.tsx), the catalogue and the list of inserted
 * tables, and the actions themselves (actions.ts), which the ribbon's commands reach through
 * the pane's controller (shell/pane-controller.ts).
 *
 * Everything outside the pane arrives through `PaneDeps` (see deps.ts), so the same pane runs
 * in Excel, in the workbench and in tests.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { createDOMRenderer, FluentProvider, makeStyles, RendererProvider, tokens, webLightTheme } from "@fluentui/react-components";
import type { Dataset, LocalizedText } from "../data/types";
import type { ModelMode } from "../sheet/models/common";
import type { FormulaAction, FormulaScope, Language, TrackedTable } from "../sheet/workbook";
import { refreshSelectedTable, refreshTables, runFormulaAction, type RefreshContext } from "./actions";
import type { CatalogItem, CatalogView, DatasetLoad, ModelTemplateInfo, PaneDeps } from "./deps";
import { LANGUAGE_TAG, languageFromDisplay } from "./i18n";
import { I18nProvider, makeI18n } from "./i18n-context";
import type { InsertChoices } from "./components/InsertOptions";
import type { Loadable } from "./components/loadable";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { DataTab } from "./data/DataTab";
import { rowKeysOf } from "./data/search";
import type { LastRefresh } from "./data/TrackedTables";
import { isBusy, PLACE_TAB, placeOf, type Activity } from "./shell/activity";
import { Lazy } from "./shell/Lazy";
import { attachPane, type PaneCommand } from "./shell/pane-controller";
import { StatusProvider } from "./shell/Status";
import { panelElementId, TabBar, tabElementId } from "./shell/TabBar";
import { TAB_IDS, isTabId, type TabId } from "./tabs";

export type { Activity } from "./shell/activity";

// Each tab but Data is a chunk of its own (webpack names them), loaded when first opened.
const loadModelsTab = () => import(/* webpackChunkName: "tab-models" */ "./models/ModelsTab");
const loadFunctionsTab = () => import(/* webpackChunkName: "tab-functions" */ "./functions/FunctionsTab");
const loadShareTab = () => import(/* webpackChunkName: "tab-share" */ "./share/ShareTab");
const loadSettingsTab = () => import(/* webpackChunkName: "tab-settings" */ "./settings/SettingsTab");

/** A performance mark set once the pane is first interactive (its tabs and the catalogue's rows are drawn): bench/sections/panepaint.ts reads it. */
export const PANE_INTERACTIVE_MARK = "aica-pane-interactive";

function detailOf(error: unknown): string | undefined {
  return error instanceof Error && error.message ? error.message : undefined;
}

/** A saved setting, or `fallback` when it was never made or cannot be read. */
function saved<T>(read: (() => T | null) | undefined, fallback: T): T {
  try {
    return read?.() ?? fallback;
  } catch {
    return fallback; // a setting that cannot be read is a setting never made
  }
}

/** Saves a setting; a failure leaves it for this session only. */
function remember(write: () => void | Promise<void>): void {
  try {
    void Promise.resolve(write()).catch(() => undefined);
  } catch {
    // Not remembered; the pane still changes.
  }
}

function initialLanguage(deps: PaneDeps): Language {
  const language = saved(() => deps.settings.getLanguage(), null);
  return language === "zh" || language === "en" ? language : languageFromDisplay(deps.displayLanguage);
}

function initialFeedUrl(deps: PaneDeps): string | null {
  const url = saved(() => deps.settings.getFeedUrl(), null);
  return url && url.trim() !== "" ? url : null;
}

const useStyles = makeStyles({
  provider: { minHeight: "100%", backgroundColor: tokens.colorNeutralBackground2 },
  root: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "100%",
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    // Inherited: long ids, URLs and titles wrap instead of widening a narrow pane.
    overflowWrap: "anywhere",
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  panel: { minWidth: 0, paddingTop: tokens.spacingVerticalXS },
});

export interface AppProps {
  deps: PaneDeps;
}

export function App({ deps }: AppProps) {
  const [language, setLanguage] = useState<Language>(() => initialLanguage(deps));
  const i18n = useMemo(() => makeI18n(language), [language]);
  const styles = useStyles();

  const [tab, setTab] = useState<TabId>(() => {
    const chosen = saved(() => deps.settings.getTab?.() ?? null, null);
    return isTabId(chosen) ? chosen : "data";
  });
  // Tabs opened once stay mounted (hidden), so a search or a scope survives a tab change.
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set([tab]));
  const [focusHelp, setFocusHelp] = useState(0);

  const [catalog, setCatalog] = useState<Loadable<CatalogView>>({ state: "loading" });
  const [tracked, setTracked] = useState<Loadable<readonly TrackedTable[]>>({ state: "loading" });
  const [lastRefresh, setLastRefresh] = useState<ReadonlyMap<string, LastRefresh>>(new Map());
  const [mode, setMode] = useState<ModelMode>("ai");
  const [shareScope, setShareScope] = useState<FormulaScope>("sheet");
  const [firstRunHidden, setFirstRunHidden] = useState(() => saved(() => deps.settings.getFirstRunDismissed?.() ?? null, false));
  // Datasets models required, once loaded (epoch-models is large: loaded once per pane).
  const modelData = useRef(new Map<string, Dataset>());
  const [choices, setChoices] = useState<InsertChoices>({ target: "newSheet", chart: true });
  const [customFeedUrl, setCustomFeedUrl] = useState<string | null>(() => initialFeedUrl(deps));
  const [status, setStatus] = useState<{ activity: Activity; serial: number }>({ activity: { kind: "idle" }, serial: 0 });
  const activity = status.activity;
  // A ref, not state: a second click in the same tick must see the first one's claim.
  const busyRef = useRef(false);
  const feedUrl = customFeedUrl ?? deps.defaultFeedUrl;
  // Datasets loaded for a preview, an insert or search, by where from, id and version (a new version is a new entry).
  const loadedData = useRef(new Map<string, Promise<DatasetLoad>>());
  // Only the latest catalogue request may set the list (the feed URL can change while one is pending).
  const catalogRequest = useRef(0);

  const report = useCallback((next: Activity) => setStatus((prev) => ({ activity: next, serial: prev.serial + 1 })), []);
  const dismiss = useCallback(() => setStatus((prev) => ({ activity: { kind: "idle" }, serial: prev.serial + 1 })), []);

  const selectTab = useCallback(
    (next: TabId) => {
      setTab(next);
      setVisited((prev) => (prev.has(next) ? prev : new Set([...prev, next])));
      if (deps.settings.setTab) remember(() => deps.settings.setTab?.(next));
    },
    [deps]
  );

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

  /** An entry's row names for search: from deps when it can tell, else from the dataset itself. */
  const loadRowKeys = useCallback(
    async (item: CatalogItem): Promise<readonly string[]> => {
      if (catalog.state !== "ready") return [];
      try {
        if (deps.loadRowKeys) return await deps.loadRowKeys(catalog.value.source, item);
        const loaded = await loadItem(item);
        return loaded.ok ? rowKeysOf(loaded.dataset) : [];
      } catch {
        return []; // search then finds it by its id, titles and columns only
      }
    },
    [catalog, deps, loadItem]
  );

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

  // The pane is interactive once its tabs and the catalogue's rows are drawn (bench: first interactive paint).
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current || catalog.state !== "ready") return;
    marked.current = true;
    if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(PANE_INTERACTIVE_MARK);
  }, [catalog]);

  const { titles, versions } = useMemo(() => {
    const titleMap = new Map<string, LocalizedText>();
    const versionMap = new Map<string, string>();
    if (catalog.state === "ready")
      for (const item of catalog.value.entries) {
        titleMap.set(item.id, item.title);
        versionMap.set(item.id, item.version);
      }
    return { titles: titleMap, versions: versionMap };
  }, [catalog]);

  const changeLanguage = (next: Language) => {
    setLanguage(next);
    remember(() => deps.settings.setLanguage(next));
  };

  const saveFeedUrl = async (url: string | null) => {
    setCustomFeedUrl(url);
    await deps.settings.setFeedUrl(url);
  };

  const hideFirstRun = () => {
    setFirstRunHidden(true);
    if (deps.settings.setFirstRunDismissed) remember(() => deps.settings.setFirstRunDismissed?.(true));
  };

  /** Run one piece of work at a time; a click (or a ribbon command) while busy is ignored. */
  const exclusive = async (work: () => Promise<void>): Promise<void> => {
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
      report({ kind: "inserting", title: item.title });
      const loaded = await loadItem(item);
      if (!loaded.ok) {
        report({ kind: "loadFailed", title: item.title, failure: loaded.error });
        return;
      }
      try {
        const result = await deps.workbook.insertDataset(loaded.dataset, { ...choices, language });
        report({ kind: "inserted", title: item.title, result });
      } catch (error) {
        report({ kind: "insertFailed", title: item.title, error });
      }
      await reloadTracked();
    });

  const pin = (tableName: string, pinned: boolean) =>
    exclusive(async () => {
      try {
        await deps.workbook.setPinned(tableName, pinned);
      } catch (error) {
        report({ kind: "pinFailed", table: tableName, error });
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
          report({ kind: "building", title: model.title, loading: missing });
          for (const id of missing) loaded.set(id, await deps.loadModelDataset(id));
        }
        report({ kind: "building", title: model.title, loading: [] });
        const data = new Map<string, Dataset>();
        for (const id of model.requires) {
          const dataset = loaded.get(id);
          if (dataset) data.set(id, dataset);
        }
        const result = await deps.buildModel(model.id, { language, mode }, data);
        report({ kind: "built", title: model.title, result });
      } catch (error) {
        report({ kind: "buildFailed", title: model.title, error });
      }
    });

  /** Make portable, restore or repair the AI formulas in `scope`; cell notes are in the pane's language. */
  const runFormulas = (action: FormulaAction, scope: FormulaScope) =>
    exclusive(async () => {
      report(await runFormulaAction(deps.workbook, action, scope, language, report));
    });

  const refreshContext: RefreshContext = { workbook: deps.workbook, loadFeed: deps.loadFeed, feedUrl };

  /** After a refresh: its result, each table's outcome for the list, and the lists read again. */
  const refreshed = async (result: Activity) => {
    report(result);
    if (result.kind === "refreshed") {
      const at = deps.now?.() ?? new Date();
      setLastRefresh((prev) => {
        const next = new Map(prev);
        for (const table of result.summary.tables) next.set(table.tableName, { at, status: table.status });
        return next;
      });
    }
    if (result.kind === "refreshed" || result.kind === "notice" || (result.kind === "refreshFailed" && result.phase === "workbook")) await reloadTracked();
    // A refresh is when new versions are looked for: the catalogue shows what the feed now has.
    if (result.kind === "refreshed") await reloadCatalog(true);
  };

  const refresh = (tableName?: string) => exclusive(async () => refreshed(await refreshTables(refreshContext, tableName, report)));
  const refreshSelected = () => exclusive(async () => refreshed(await refreshSelectedTable(refreshContext, report)));

  // The ribbon's commands run through the mounted pane: the same functions as its buttons.
  const runCommand = async (command: PaneCommand): Promise<void> => {
    switch (command.kind) {
      case "openTab":
        selectTab(command.tab);
        if (command.focus === "help") setFocusHelp((n) => n + 1);
        return;
      case "refreshAll":
        selectTab(PLACE_TAB.tracked);
        return refresh();
      case "refreshSelected":
        selectTab(PLACE_TAB.tracked);
        return refreshSelected();
      case "formulas":
        selectTab(PLACE_TAB.share);
        return runFormulas(command.action, shareScope);
    }
  };
  const commandRef = useRef(runCommand);
  commandRef.current = runCommand;
  useEffect(() => attachPane({ run: (command) => commandRef.current(command).catch(() => undefined) }), []);

  const busy = isBusy(activity);
  const tables = tracked.state === "ready" ? tracked.value : null;
  const showTracked = tracked.state === "failed" || (tables !== null && tables.length > 0) || placeOf(activity) === "tracked";
  const showFirstRun = !firstRunHidden && tables !== null && tables.length === 0;

  const panel = (id: TabId) => {
    switch (id) {
      case "data":
        return (
          <DataTab
            deps={deps}
            catalog={catalog}
            tracked={tracked}
            titles={titles}
            versions={versions}
            lastRefresh={lastRefresh}
            busy={busy}
            now={deps.now?.() ?? new Date()}
            choices={choices}
            onChoices={setChoices}
            onInsert={(item) => void insert(item)}
            loadPreview={loadItem}
            loadRowKeys={loadRowKeys}
            onRetryFeed={() => void reloadCatalog(false)}
            onRefreshAll={() => void refresh()}
            onRefreshOne={(name) => void refresh(name)}
            onPin={(name, pinned) => void pin(name, pinned)}
            showTracked={showTracked}
            showFirstRun={showFirstRun}
            onDismissFirstRun={hideFirstRun}
            onOpenTab={selectTab}
            onPasted={() => void reloadTracked()}
          />
        );
      case "models":
        return <Lazy load={loadModelsTab} props={{ deps, busy, mode, onModeChange: setMode, onBuild: (model: ModelTemplateInfo) => void build(model) }} />;
      case "functions":
        return <Lazy load={loadFunctionsTab} props={{ deps }} />;
      case "share":
        return (
          <Lazy
            load={loadShareTab}
            props={{ busy, scope: shareScope, onScope: setShareScope, onRun: (action: FormulaAction, scope: FormulaScope) => void runFormulas(action, scope) }}
          />
        );
      case "settings":
        return <Lazy load={loadSettingsTab} props={{ deps, customFeedUrl, onSaveFeedUrl: saveFeedUrl, focusHelp }} />;
    }
  };

  return (
    <FluentProvider theme={webLightTheme} className={styles.provider} lang={LANGUAGE_TAG[language]}>
      <I18nProvider value={i18n}>
        <StatusProvider value={{ activity, serial: status.serial, dismiss }}>
          <main className={styles.root}>
            <header className={styles.header}>
              <h1 className={styles.title}>{i18n.t("appTitle")}</h1>
              <LanguageSwitch onChange={changeLanguage} />
            </header>
            <TabBar selected={tab} onSelect={selectTab} />
            {TAB_IDS.map((id) => (
              <div key={id} id={panelElementId(id)} role="tabpanel" aria-labelledby={tabElementId(id)} className={styles.panel} hidden={id !== tab} data-panel={id}>
                {visited.has(id) ? panel(id) : null}
              </div>
            ))}
          </main>
        </StatusProvider>
      </I18nProvider>
    </FluentProvider>
  );
}

/**
 * Render the pane into `element` (index.tsx calls this after Office.onReady).
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
