/**
 * The pane's real dependencies, for any workbook implementation: Excel (index.tsx) or the
 * HyperFormula workbench. Settings are the analyst's own (feed URL, language), so they live in
 * the runtime's localStorage rather than in the workbook, which is shared with others.
 */
import type { PaneDeps, PaneSettings } from "./deps";
import { MODEL_CATALOG } from "../sheet/models/catalog";
import type { Language, WorkbookPort } from "../sheet/workbook";
import type { Dataset } from "../data/types";
import { DATASETS } from "../data/catalog";
import { fetchFeed } from "../data/feed-client";
import { EPOCH_MODELS_ID } from "../data/ids";
import { loadEpochModels } from "../data/epoch-models-loader";

/**
 * The model builders, imported when a model is built: a separate chunk, so the scripts the
 * pane loads up front stay within their size budget (bench/README.md). The list the pane
 * shows is the light MODEL_CATALOG.
 */
const loadTemplates = () => import(/* webpackChunkName: "models" */ "../sheet/models");

const FEED_KEY = "ai-compute-analyst.feedUrl";
const LANGUAGE_KEY = "ai-compute-analyst.language";

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
  };
}

/** The datasets a template may require that the pane does not bundle, by id. */
const MODEL_DATASETS: Readonly<Record<string, () => Promise<Dataset>>> = { [EPOCH_MODELS_ID]: loadEpochModels };

export function makeDeps(workbook: WorkbookPort, displayLanguage: string, pageUrl: string): PaneDeps {
  return {
    workbook,
    listDatasets: async () => DATASETS,
    loadFeed: async (url, ids) => {
      const r = await fetchFeed(url, { ids });
      return r.ok ? { ok: true, datasets: r.value.datasets } : { ok: false, error: r.error };
    },
    defaultFeedUrl: new URL("data/", pageUrl).href,
    settings: localSettings(),
    displayLanguage,
    // The list is light (catalog.ts); the builders load when a model is built.
    listModels: async () => MODEL_CATALOG,
    loadModelDataset: async (id) => {
      const load = MODEL_DATASETS[id];
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
  };
}
