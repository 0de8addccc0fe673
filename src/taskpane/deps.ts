/**
 * Everything the task pane needs from the outside world, passed in by whoever mounts it
 * (src/taskpane/index.tsx in Excel, the workbench or a test). The pane imports no Office.js,
 * no fetch and no catalogue module: it only sees these few functions, so each can be faked.
 */
import type { Column, Dataset, LocalizedText, SourceRef } from "../data/types";
import type { ModelMode } from "../sheet/models/common";
import type { InsertResult, Language, WorkbookPort } from "../sheet/workbook";
import type { TabId } from "./tabs";
import type { CspViolation, DiagnosticsPort } from "../sheet/diagnostics";

/** Why the feed, or one dataset of it, could not be used. Mirrors the feed client's failure kinds. */
export type FeedFailureKind = "offline" | "http" | "timeout" | "invalid" | "tooLarge" | "insecureUrl" | "missing";

export interface FeedFailure {
  kind: FeedFailureKind;
  /** HTTP status, for kind "http". */
  status?: number;
  /** Technical detail; for "invalid", the validator's message with the path that failed. */
  detail: string;
}

/** One dataset: validated, or why it could not be had. */
export type DatasetLoad = { ok: true; dataset: Dataset } | { ok: false; error: FeedFailure };

/**
 * The feed's catalog validated, and per requested id its own outcome (ok), or nothing usable
 * (the catalog itself failed): a refresh then touches nothing.
 */
export type FeedResult = { ok: true; results: ReadonlyMap<string, DatasetLoad> } | { ok: false; error: FeedFailure };

/** A dataset as the catalogue lists it: what the feed's catalog.json says, without rows. */
export interface CatalogItem {
  id: string;
  title: LocalizedText;
  shortTitle?: LocalizedText;
  description?: string;
  version: string;
  /** The period or as-of date of the figures, e.g. "2023-02-06/2023-02-10". */
  asOf: string;
  rowCount: number;
  columns: Column[];
  source: SourceRef[];
  license?: string;
}

/** Where a catalogue's datasets are loaded from: the feed at `url`, or the copy bundled with the add-in. */
export type DatasetSource = { origin: "feed"; url: string } | { origin: "offline" };

/** The catalogue the pane lists. */
export interface CatalogView {
  source: DatasetSource;
  /** The feed's build time (ISO), null for the offline copy. */
  generatedAt: string | null;
  entries: readonly CatalogItem[];
  /** Why the feed was not used, for the offline copy. */
  offlineReason?: FeedFailure;
}

/** What the pane remembers between sessions (e.g. Office roamingSettings or localStorage). */
export interface PaneSettings {
  /** The custom feed URL, or null to use the default. */
  getFeedUrl(): string | null;
  setFeedUrl(url: string | null): void | Promise<void>;
  /** The language the analyst chose in the pane, or null if never chosen. */
  getLanguage(): Language | null;
  setLanguage(language: Language): void | Promise<void>;
  /** The pane's tab the analyst last chose (issue 20), or null if never chosen; without these the pane opens on Data. */
  getTab?(): TabId | null;
  setTab?(tab: TabId): void | Promise<void>;
  /** Whether the analyst hid the first-run card; without these it shows until the workbook has a table. */
  getFirstRunDismissed?(): boolean;
  setFirstRunDismissed?(dismissed: boolean): void | Promise<void>;
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

/** What "Run diagnostics" (Settings) needs beyond the feed: the host's checks and the CSP violations seen. */
export interface PaneDiagnostics {
  /**
   * The host's side of the checks: Excel's (src/excel/diagnostics.ts) or the workbench's, loaded
   * when the diagnostics run (in Excel a chunk of its own, outside the pane's up-front scripts).
   */
  loadPort(): Promise<DiagnosticsPort>;
  /** Content-Security-Policy violations since the pane started (src/taskpane/csp-watch.ts). */
  cspViolations(): readonly CspViolation[];
}

export interface PaneDeps {
  /** The only way the pane changes a workbook. */
  workbook: WorkbookPort;
  /**
   * The catalogue the feed at `url` publishes; the copy bundled with the add-in (with the
   * reason) when the feed cannot be used. Should not throw.
   */
  loadCatalog(url: string): Promise<CatalogView>;
  /** One dataset of a catalogue, from where that catalogue came from, validated. Should not throw. */
  loadDataset(source: DatasetSource, id: string): Promise<DatasetLoad>;
  /** Fetch the feed at `url` afresh (a refresh) for the datasets `ids`. Should not throw. */
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
  /** The current time, for the data-age mark; Date.now when omitted (tests fix it). */
  now?: () => Date;
  /**
   * The names of a dataset's rows, for search (data/search.ts rowKeysOf): from the add-in's own
   * copy when it is the version listed, else loaded from where the catalogue came from. Should
   * not throw. Without it the pane loads the dataset with loadDataset.
   */
  loadRowKeys?(source: DatasetSource, item: CatalogItem): Promise<readonly string[]>;
  /** The add-in's help page (help.html beside the pane), linked from the Settings tab. */
  helpUrl?: string;
  /** "Run diagnostics" (Settings); without it the pane says diagnostics are not available here. */
  diagnostics?: PaneDiagnostics;
}
