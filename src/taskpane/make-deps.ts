/**
 * The pane's real dependencies, for any workbook implementation: Excel (index.tsx) or the
 * HyperFormula workbench. Settings are the analyst's own (feed URL, language), so they live in
 * the runtime's localStorage rather than in the workbook, which is shared with others.
 */
import type { PaneDeps, PaneSettings } from "./deps";
import type { Language, WorkbookPort } from "../sheet/workbook";
import { DATASETS } from "../data/catalog";
import { fetchFeed } from "../data/feed-client";

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
  };
}
