/**
 * The pane's real dependencies, for any workbook implementation: Excel (index.tsx) or the
 * HyperFormula workbench. Settings are the analyst's own (feed URL, language), so they live in
 * the runtime's localStorage rather than in the workbook, which is shared with others.
 */
import type { CatalogItem, CatalogView, DatasetLoad, FeedFailure, PaneDeps, PaneDiagnostics, PaneSettings } from "./deps";
import type { Language, WorkbookPort } from "../sheet/workbook";
import type { Dataset } from "../data/types";
import { DATASETS, getDataset } from "../data/catalog";
import { catalogEntryOf, type CatalogEntry } from "../data/feed";
import { fetchFeed, type FeedError, type FetchLike } from "../data/feed-client";
import { EPOCH_ACCELERATORS_ID, EPOCH_MODELS_ID } from "../data/ids";
import { loadEpochModels } from "../data/epoch-models-loader";
import { rowKeysOf } from "./data/search";
import { isTabId } from "./tabs";

/**
 * The model builders, imported when a model is built: a separate chunk, so the scripts the
 * pane loads up front stay within their size budget (bench/README.md). The list the pane
 * shows is the light MODEL_CATALOG.
 */
const loadTemplates = () => import(/* webpackChunkName: "models" */ "../sheet/models");

const FEED_KEY = "ai-compute-analyst.feedUrl";
const LANGUAGE_KEY = "ai-compute-analyst.language";
const TAB_KEY = "ai-compute-analyst.tab";
const FIRST_RUN_KEY = "ai-compute-analyst.firstRunDismissed";

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage disabled by policy: settings last until the pane closes
  }
}

export function localSettings(store: Storage | null = storage()): PaneSettings {
  const memory = new Map<string, string>();
  const get = (k: string): string | null => (store ? store.getItem(k) : (memory.get(k) ?? null));
  const set = (k: string, v: string | null): void => {
    if (v === null) {
      if (store) store.removeItem(k);
      else memory.delete(k);
    } else if (store) store.setItem(k, v);
    else memory.set(k, v);
  };
  return {
    getFeedUrl: () => get(FEED_KEY),
    setFeedUrl: (url) => set(FEED_KEY, url),
    getLanguage: () => {
      const v = get(LANGUAGE_KEY);
      return v === "zh" || v === "en" ? (v as Language) : null;
    },
    setLanguage: (language) => set(LANGUAGE_KEY, language),
    getTab: () => {
      const v = get(TAB_KEY);
      return isTabId(v) ? v : null;
    },
    setTab: (tab) => set(TAB_KEY, tab),
    getFirstRunDismissed: () => get(FIRST_RUN_KEY) === "true",
    setFirstRunDismissed: (dismissed) => set(FIRST_RUN_KEY, dismissed ? "true" : null),
  };
}

/**
 * The datasets the add-in has a copy of but does not bundle (too large for the pane's first
 * load), by id: each a lazy chunk, loaded only when the offline copy needs it.
 */
const LAZY_DATASETS: Readonly<Record<string, () => Promise<Dataset>>> = {
  [EPOCH_MODELS_ID]: loadEpochModels,
  [EPOCH_ACCELERATORS_ID]: async () => (await import(/* webpackChunkName: "epoch-accelerators" */ "../data/datasets/epoch-accelerators")).epochAccelerators,
};

/** A catalog entry as the pane lists it (the file names are the client's business). */
function itemOf(entry: CatalogEntry): CatalogItem {
  const { href: _href, changelog: _changelog, ...item } = entry;
  void _href;
  void _changelog;
  return item;
}

/** The client's error as the pane's failure (the URL is already in the detail). */
function failureOf(error: FeedError): FeedFailure {
  return error.status === undefined ? { kind: error.kind, detail: error.detail } : { kind: error.kind, status: error.status, detail: error.detail };
}

const unexpected = (error: unknown): FeedFailure => ({ kind: "offline", detail: error instanceof Error ? error.message : String(error) });

let offlineEntries: Promise<CatalogItem[]> | undefined;

/** The bundled datasets, then the lazy ones (a lazy chunk that fails to load is left out). */
function offlineCatalog(): Promise<CatalogItem[]> {
  offlineEntries ??= (async () => {
    const lazy = await Promise.all(
      Object.values(LAZY_DATASETS).map((load) =>
        load().then(
          (dataset) => [itemOf(catalogEntryOf(dataset))],
          () => []
        )
      )
    );
    return [...DATASETS.map((d) => itemOf(catalogEntryOf(d))), ...lazy.flat()];
  })();
  return offlineEntries;
}

/** The add-in's own copy of a dataset (bundled, or a lazy chunk), or null when it has none. */
async function ownCopy(id: string): Promise<Dataset | null> {
  const bundled = getDataset(id);
  if (bundled) return bundled;
  const load = LAZY_DATASETS[id];
  return load ? load().catch(() => null) : null;
}

/** A dataset of the offline copy. */
async function offlineDataset(id: string): Promise<DatasetLoad> {
  const bundled = getDataset(id);
  if (bundled) return { ok: true, dataset: bundled };
  const load = LAZY_DATASETS[id];
  if (!load) return { ok: false, error: { kind: "missing", detail: `the add-in has no copy of "${id}"` } };
  try {
    return { ok: true, dataset: await load() };
  } catch (error) {
    return { ok: false, error: unexpected(error) };
  }
}

export interface MakeDepsOptions {
  /** The fetch the feed client uses (tests pass a fake). */
  fetchImpl?: FetchLike;
  now?: () => Date;
  /** The host's diagnostics (Excel's or the workbench's), passed through to the pane. */
  diagnostics?: PaneDiagnostics;
}

export function makeDeps(workbook: WorkbookPort, displayLanguage: string, pageUrl: string, options: MakeDepsOptions = {}): PaneDeps {
  const { fetchImpl } = options;
  const deps: PaneDeps = {
    workbook,
    loadCatalog: async (url): Promise<CatalogView> => {
      let reason: FeedFailure;
      try {
        const r = await fetchFeed(url, { ids: [], fetchImpl });
        if (r.ok) return { source: { origin: "feed", url }, generatedAt: r.value.catalog.generatedAt, entries: r.value.catalog.datasets.map(itemOf) };
        reason = failureOf(r.error);
      } catch (error) {
        reason = unexpected(error);
      }
      return { source: { origin: "offline" }, generatedAt: null, entries: await offlineCatalog(), offlineReason: reason };
    },
    loadDataset: async (source, id): Promise<DatasetLoad> => {
      if (source.origin === "offline") return offlineDataset(id);
      try {
        const r = await fetchFeed(source.url, { ids: [id], fetchImpl });
        if (!r.ok) return { ok: false, error: failureOf(r.error) };
        const one = r.value.results.get(id);
        if (!one) return { ok: false, error: { kind: "missing", detail: `no dataset "${id}"` } };
        return one.ok ? one : { ok: false, error: failureOf(one.error) };
      } catch (error) {
        return { ok: false, error: unexpected(error) };
      }
    },
    loadFeed: async (url, ids) => {
      const r = await fetchFeed(url, { ids, fetchImpl });
      if (!r.ok) return { ok: false, error: failureOf(r.error) };
      const results = new Map<string, DatasetLoad>();
      for (const [id, one] of r.value.results) results.set(id, one.ok ? one : { ok: false, error: failureOf(one.error) });
      return { ok: true, results };
    },
    defaultFeedUrl: new URL("data/", pageUrl).href,
    settings: localSettings(),
    displayLanguage,
    // The list (catalog.ts) loads with the Models tab; the builders when a model is built.
    listModels: async () => (await import(/* webpackChunkName: "tab-models" */ "../sheet/models/catalog")).MODEL_CATALOG,
    loadModelDataset: async (id) => {
      const load = LAZY_DATASETS[id];
      if (!load) throw new Error(`No loader for the dataset "${id}" a model requires.`);
      return load();
    },
    buildModel: async (id, { language, mode }, data) => {
      const { getModelTemplate } = await loadTemplates();
      const template = getModelTemplate(id);
      if (!template) throw new Error(`There is no model template "${id}".`);
      const epochModels = data.get(EPOCH_MODELS_ID);
      return workbook.insertModel((existingSheetNames) => template.build({ language, mode, existingSheetNames }, epochModels ? { epochModels } : undefined));
    },
    ...(options.now ? { now: options.now } : {}),
    loadRowKeys: async (source, item) => {
      // The add-in's copy when it is the listed version (no download), else the listed one.
      const own = await ownCopy(item.id);
      if (own && (source.origin === "offline" || own.version === item.version)) return rowKeysOf(own);
      const loaded = await deps.loadDataset(source, item.id);
      return loaded.ok ? rowKeysOf(loaded.dataset) : [];
    },
    helpUrl: new URL("help.html", pageUrl).href,
    diagnostics: options.diagnostics,
  };
  return deps;
}
