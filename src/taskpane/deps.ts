/**
 * Everything the task pane needs from the outside world, passed in by whoever mounts it
 * (src/taskpane/index.tsx in Excel, the workbench or a test). The pane imports no Office.js,
 * no fetch and no catalogue module: it only sees these few functions, so each can be faked.
 */
import type { Dataset } from "../data/types";
import type { ModelMode } from "../sheet/models/common";
import type { InsertResult, Language, WorkbookPort } from "../sheet/workbook";

/** Why the feed could not be used. Mirrors the feed client's failure kinds. */
export type FeedFailureKind = "offline" | "http" | "timeout" | "invalid" | "tooLarge" | "insecureUrl";

export interface FeedFailure {
  kind: FeedFailureKind;
  /** HTTP status, for kind "http". */
  status?: number;
  /** Technical detail; for "invalid", the validator's message with the path that failed. */
  detail: string;
}

/** The whole feed validated (ok), or nothing usable (a failure): never half a feed. */
export type FeedResult = { ok: true; datasets: Dataset[] } | { ok: false; error: FeedFailure };

/** What the pane remembers between sessions (e.g. Office roamingSettings or localStorage). */
export interface PaneSettings {
  /** The custom feed URL, or null to use the default. */
  getFeedUrl(): string | null;
  setFeedUrl(url: string | null): void | Promise<void>;
  /** The language the analyst chose in the pane, or null if never chosen. */
  getLanguage(): Language | null;
  setLanguage(language: Language): void | Promise<void>;
}

/** An analyst model template as the pane lists it (the catalogue entry, without the builder). */
export type { ModelTemplateInfo } from "../sheet/models/catalog";
import type { ModelTemplateInfo } from "../sheet/models/catalog";

export interface ModelBuildOptions {
  /** The sheet's language (the pane's). */
  language: Language;
  /** "ai": formulas call the AI.* functions; "portable": native Excel formulas only. */
  mode: ModelMode;
}

export interface PaneDeps {
  /** The only way the pane changes a workbook. */
  workbook: WorkbookPort;
  /** The catalogue (bundled datasets) shown in the pane; may load lazily. */
  listDatasets(): Promise<readonly Dataset[]>;
  /** Fetch and validate the feed at `url` for the datasets `ids`. Should not throw. */
  loadFeed(url: string, ids: readonly string[]): Promise<FeedResult>;
  /** The add-in's own feed: its host's `data/` folder, e.g. "https://host/app/data/". */
  defaultFeedUrl: string;
  settings: PaneSettings;
  /** Office's display language, e.g. Office.context.displayLanguage ("zh-CN", "en-US"). */
  displayLanguage: string;
  /** The analyst model templates the pane offers; may load lazily (they are not small). */
  listModels(): Promise<readonly ModelTemplateInfo[]>;
  /** Loads a dataset a template requires that the pane does not bundle (epoch-models). */
  loadModelDataset(id: string): Promise<Dataset>;
  /**
   * Builds template `id` onto a new sheet of `workbook` (workbook.insertModel), with the
   * datasets it requires (by id, as loaded with loadModelDataset).
   */
  buildModel(id: string, options: ModelBuildOptions, data: ReadonlyMap<string, Dataset>): Promise<InsertResult>;
}
