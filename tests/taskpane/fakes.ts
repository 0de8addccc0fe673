/** Test doubles for the pane: two small datasets, an in-memory WorkbookPort, fake settings, catalogue and feed. */
import type { Dataset } from "../../src/data/types";
import { REPORT_CITATION } from "../../src/data/columns";
import type {
  CellOutcome,
  FormulaAction,
  FormulaActionResult,
  FormulaScope,
  InsertOptions,
  InsertResult,
  Language,
  ProgressFn,
  RefreshSummary,
  SheetPlanBuilder,
  SkippedFeature,
  TrackedTable,
  WorkbookPort,
} from "../../src/sheet/workbook";
import { WorkbookError } from "../../src/sheet/workbook";
import { makeSheetName, planFootprint, rangeAddress, type SheetPlan } from "../../src/sheet/plan";
import { MODEL_TEMPLATES } from "../../src/sheet/models";
import type {
  CatalogItem,
  CatalogView,
  DatasetLoad,
  DatasetSource,
  FeedResult,
  ModelBuildOptions,
  ModelTemplateInfo,
  PaneDeps,
  PaneSettings,
} from "../../src/taskpane/deps";
import type { TabId } from "../../src/taskpane/tabs";

export const LLM: Dataset = {
  id: "llm-comparison",
  version: "2023.02",
  title: { zh: "大模型参数对比", en: "LLM comparison" },
  description: "Large language models: parameters and training compute.",
  // The report's table: its sources cite the report, as the real llm-comparison's do.
  source: [{ text: "数据来源: 各公司官网, 财通证券研究所" }, { text: `${REPORT_CITATION}, 图8` }],
  asOf: "2023-02",
  notes: [],
  columns: [
    { key: "model", header: { zh: "模型", en: "Model" }, type: "text", unit: "", numberFormat: "@" },
    { key: "year", header: { zh: "年份", en: "Year" }, type: "integer", unit: "", numberFormat: "0" },
    { key: "params", header: { zh: "参数量", en: "Parameters" }, type: "params", unit: "", numberFormat: "#,##0" },
    { key: "training_flop", header: { zh: "训练算力", en: "Training compute" }, type: "flop", unit: "FLOP", numberFormat: "0.00E+00" },
    { key: "share", header: { zh: "占比", en: "Share" }, type: "percent", unit: "", numberFormat: "0.00%" },
  ],
  rows: [
    ["GPT-3", 2020, 175000000000, 3.14e23, 0.0047],
    ["Gopher", 2021, 280000000000, 6.31e23, null],
    ["PaLM", 2022, 540000000000, 2.53e24, 0.125],
    ["LaMDA", 2022, 137000000000, null, 0.5],
    ["Chinchilla", 2022, 70000000000, 5.76e23, 0.01],
    ["SixthRowModel", 2023, null, 1e25, 0.2],
    ["SeventhRowModel", 2023, 1000, 2e25, 0.3],
  ],
};

export const GPUS: Dataset = {
  id: "gpu-specs",
  version: "1.0.0",
  title: { zh: "GPU 芯片参数", en: "GPU chip specifications" },
  description: "Accelerator specifications.",
  source: [{ text: "NVIDIA datasheets" }, { text: "AMD datasheets" }],
  asOf: "2023-01",
  notes: [],
  columns: [
    { key: "chip", header: { zh: "芯片", en: "Chip" }, type: "text", unit: "", numberFormat: "@" },
    { key: "fp16_flops", header: { zh: "FP16 算力", en: "FP16 compute" }, type: "flops", unit: "FLOP/s", numberFormat: "0.00E+00" },
  ],
  rows: [
    ["A100", 3.12e14],
    ["H100", 9.89e14],
  ],
};

export const TRACKED_LLM: TrackedTable = {
  tableName: "LLM_Comparison",
  sheetName: "大模型参数对比",
  datasetId: "llm-comparison",
  version: "2023.01",
  columnKeys: LLM.columns.map((c) => c.key),
  language: "zh",
  insertedAt: "2024-01-01T00:00:00.000Z",
};

export const TRACKED_GPU: TrackedTable = {
  tableName: "GPU_Specs",
  sheetName: "GPU",
  datasetId: "gpu-specs",
  version: "0.9.0",
  columnKeys: GPUS.columns.map((c) => c.key),
  language: "en",
  insertedAt: "2024-01-02T00:00:00.000Z",
};

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export type WorkbookCall =
  | { method: "insertDataset"; dataset: Dataset; options: InsertOptions }
  | { method: "insertModel"; build: SheetPlanBuilder }
  | { method: "listTracked" }
  | { method: "refresh"; datasets: ReadonlyMap<string, Dataset>; tableNames?: string[] }
  | { method: "setPinned"; tableName: string; pinned: boolean }
  | { method: "makePortable"; scope: FormulaScope; language: Language }
  | { method: "restoreFormulas"; scope: FormulaScope }
  | { method: "repairFormulas"; scope: FormulaScope }
  | { method: "tableAtSelection" };

/** A FormulaActionResult with every count 0 except those given (for the pane's Share tests). */
export function formulaResult(action: FormulaAction, scope: FormulaScope, counts: Partial<Record<CellOutcome, number>> = {}): FormulaActionResult {
  const zero: Record<CellOutcome, number> = { converted: 0, toValue: 0, restored: 0, editedSince: 0, repaired: 0, stillFailing: 0, leftAlone: 0 };
  return { action, scope, sheets: ["Sheet1"], counts: { ...zero, ...counts }, cells: [] };
}

/** An in-memory workbook that records every call; behaviour can be swapped per test. */
export class FakeWorkbook implements WorkbookPort {
  readonly calls: WorkbookCall[] = [];
  tracked: TrackedTable[] = [];
  /** What an older Excel would leave out of every insert and build (the default impls report it). */
  skipped: SkippedFeature[] = [];
  private withSkipped(result: InsertResult): InsertResult {
    return this.skipped.length > 0 ? { ...result, skipped: this.skipped.slice() } : result;
  }
  insertImpl: (dataset: Dataset, options: InsertOptions) => Promise<InsertResult> = async (dataset, options) => {
    const tableName = dataset.id.replace(/-/g, "_");
    const sheetName = options.target === "newSheet" ? dataset.title[options.language] : "Sheet1";
    this.tracked.push({
      tableName,
      sheetName,
      datasetId: dataset.id,
      version: dataset.version,
      columnKeys: dataset.columns.map((c) => c.key),
      language: options.language,
      insertedAt: "2024-02-01T00:00:00.000Z",
    });
    return this.withSkipped({ tableName, sheetName, address: "A1:E8" });
  };
  /** The workbook's sheet names (insertModel builds against them and adds the new one). */
  sheetNames: string[] = ["Sheet1"];
  modelImpl: (build: SheetPlanBuilder) => Promise<InsertResult> = async (build) => {
    const plan = build(this.sheetNames.slice());
    if (plan.target.kind !== "newSheet") throw new Error("a model plan targets a new sheet");
    this.sheetNames.push(plan.target.name);
    return this.withSkipped({ tableName: "", sheetName: plan.target.name, address: rangeAddress(planFootprint(plan)) });
  };
  listImpl: () => Promise<TrackedTable[]> = async () => this.tracked.slice();
  refreshImpl: (datasets: ReadonlyMap<string, Dataset>, tableNames: string[] | undefined, onProgress: ProgressFn | undefined) => Promise<RefreshSummary> =
    async () => ({ tables: [] });
  /** By default: marks the tracked table (or refuses a name it does not track, as Excel would). */
  pinImpl: (tableName: string, pinned: boolean) => Promise<void> = async (tableName, pinned) => {
    const table = this.tracked.find((t) => t.tableName === tableName);
    if (!table) throw new WorkbookError("tableMissing", tableName);
    this.tracked = this.tracked.map((t) => (t === table ? { ...t, pinned } : t));
  };

  /** The formula actions (issue 13): by default an empty result; swap an impl, or reject, per test. */
  formulaImpl: (action: FormulaAction, scope: FormulaScope) => Promise<FormulaActionResult> = async (action, scope) => formulaResult(action, scope);

  makePortable(scope: FormulaScope, language: Language): Promise<FormulaActionResult> {
    this.calls.push({ method: "makePortable", scope, language });
    return this.formulaImpl("makePortable", scope);
  }

  restoreFormulas(scope: FormulaScope): Promise<FormulaActionResult> {
    this.calls.push({ method: "restoreFormulas", scope });
    return this.formulaImpl("restore", scope);
  }

  repairFormulas(scope: FormulaScope): Promise<FormulaActionResult> {
    this.calls.push({ method: "repairFormulas", scope });
    return this.formulaImpl("repair", scope);
  }

  /** The tracked table under the selection (issue 20): by default none; swap per test. */
  tableAtSelectionImpl: () => Promise<string | null> = async () => null;

  tableAtSelection(): Promise<string | null> {
    this.calls.push({ method: "tableAtSelection" });
    return this.tableAtSelectionImpl();
  }

  insertDataset(dataset: Dataset, options: InsertOptions): Promise<InsertResult> {
    this.calls.push({ method: "insertDataset", dataset, options });
    return this.insertImpl(dataset, options);
  }

  insertModel(build: SheetPlanBuilder): Promise<InsertResult> {
    this.calls.push({ method: "insertModel", build });
    return this.modelImpl(build);
  }

  listTracked(): Promise<TrackedTable[]> {
    this.calls.push({ method: "listTracked" });
    return this.listImpl();
  }

  refresh(datasets: ReadonlyMap<string, Dataset>, tableNames?: string[], onProgress?: ProgressFn): Promise<RefreshSummary> {
    this.calls.push(tableNames === undefined ? { method: "refresh", datasets } : { method: "refresh", datasets, tableNames });
    return this.refreshImpl(datasets, tableNames, onProgress);
  }

  setPinned(tableName: string, pinned: boolean): Promise<void> {
    this.calls.push({ method: "setPinned", tableName, pinned });
    return this.pinImpl(tableName, pinned);
  }

  callsTo<M extends WorkbookCall["method"]>(method: M): Extract<WorkbookCall, { method: M }>[] {
    return this.calls.filter((call): call is Extract<WorkbookCall, { method: M }> => call.method === method);
  }
}

export class FakeSettings implements PaneSettings {
  feedUrl: string | null = null;
  language: Language | null = null;
  tab: TabId | null = null;
  firstRunDismissed = false;
  failWrites = false;
  readonly writes: Array<["feedUrl", string | null] | ["language", Language] | ["tab", TabId] | ["firstRunDismissed", boolean]> = [];

  getTab(): TabId | null {
    return this.tab;
  }
  async setTab(tab: TabId): Promise<void> {
    this.writes.push(["tab", tab]);
    if (this.failWrites) throw new Error("roamingSettings unavailable");
    this.tab = tab;
  }
  getFirstRunDismissed(): boolean {
    return this.firstRunDismissed;
  }
  async setFirstRunDismissed(dismissed: boolean): Promise<void> {
    this.writes.push(["firstRunDismissed", dismissed]);
    if (this.failWrites) throw new Error("roamingSettings unavailable");
    this.firstRunDismissed = dismissed;
  }

  getFeedUrl(): string | null {
    return this.feedUrl;
  }
  async setFeedUrl(url: string | null): Promise<void> {
    this.writes.push(["feedUrl", url]);
    if (this.failWrites) throw new Error("roamingSettings unavailable");
    this.feedUrl = url;
  }
  getLanguage(): Language | null {
    return this.language;
  }
  async setLanguage(language: Language): Promise<void> {
    this.writes.push(["language", language]);
    if (this.failWrites) throw new Error("roamingSettings unavailable");
    this.language = language;
  }
}

/** The real templates as the pane lists them (ids, titles, descriptions, requires). */
export const MODELS: readonly ModelTemplateInfo[] = MODEL_TEMPLATES.map(({ id, title, description, requires }) => ({ id, title, description, requires }));

/** A stand-in for Epoch AI's table (what loadModelDataset answers by default). */
export const EPOCH: Dataset = { ...GPUS, id: "epoch-models", title: { zh: "Epoch AI 模型库", en: "Epoch AI models" } };

/** A small model plan: one input, one formula, a sheet-scoped name; the sheet named after the template. */
export function fakeModelPlan(model: ModelTemplateInfo, options: ModelBuildOptions, existingSheetNames: readonly string[]): SheetPlan {
  return {
    target: { kind: "newSheet", name: makeSheetName(model.title[options.language], existingSheetNames) },
    blocks: [
      {
        at: { row: 0, col: 0 },
        values: [
          [options.mode, 2],
          ["x2", null],
        ],
        formulas: [
          [null, null],
          [null, "=B1*2"],
        ],
      },
    ],
    names: [{ name: "Input", range: { row: 0, col: 1, rows: 1, cols: 1 }, scope: "sheet" }],
  };
}

export interface ModelCall {
  id: string;
  options: ModelBuildOptions;
  data: ReadonlyMap<string, Dataset>;
}

/** A dataset as the catalogue lists it. */
export function itemOf(dataset: Dataset): CatalogItem {
  const { rows, notes: _notes, ...rest } = dataset;
  void _notes;
  return { ...rest, rowCount: rows.length };
}

/** The build time of the fake feed. */
export const FEED_BUILT = "2023-06-01T08:15:00.000Z";

/** The "now" of the fake pane: a few months after the fake datasets' as-of dates (not out of date). */
export const NOW = new Date("2023-06-15T12:00:00Z");

/** The fake feed's answer for `ids`: each id in `datasets`, or missing. */
export function feedResultOf(datasets: readonly Dataset[], ids: readonly string[]): FeedResult {
  const results = new Map<string, DatasetLoad>();
  for (const id of ids) {
    const dataset = datasets.find((d) => d.id === id);
    results.set(id, dataset ? { ok: true, dataset } : { ok: false, error: { kind: "missing", detail: `catalog.json: no dataset "${id}"` } });
  }
  return { ok: true, results };
}

export interface FakePane {
  deps: PaneDeps;
  workbook: FakeWorkbook;
  settings: FakeSettings;
  feedCalls: Array<{ url: string; ids: readonly string[] }>;
  /** What the next loadFeed call answers; defaults to the datasets asked for, from the catalogue. */
  feed: { next: (ids: readonly string[]) => Promise<FeedResult> };
  /** What loadCatalog answers; defaults to the catalogue's datasets, from the feed. */
  catalog: { next: (url: string) => Promise<CatalogView> };
  /** Every loadCatalog call, by URL. */
  catalogCalls: string[];
  /** What loadDataset answers; defaults to the catalogue's dataset of that id. */
  dataset: { next: (source: DatasetSource, id: string) => Promise<DatasetLoad> };
  /** Every loadDataset call. */
  dataCalls: Array<{ source: DatasetSource; id: string }>;
  /** What listModels answers; defaults to the real templates. */
  models: { next: () => Promise<readonly ModelTemplateInfo[]> };
  /** What loadModelDataset answers; defaults to EPOCH. */
  modelDataset: { next: (id: string) => Promise<Dataset> };
  /** Every loadModelDataset call, by id. */
  datasetLoads: string[];
  /** Every buildModel call; each goes on to workbook.insertModel with fakeModelPlan. */
  modelCalls: ModelCall[];
}

export const DEFAULT_FEED = "https://addin.example.com/app/data/";

export function fakePane(options: { displayLanguage?: string; datasets?: readonly Dataset[]; now?: Date } = {}): FakePane {
  const workbook = new FakeWorkbook();
  const settings = new FakeSettings();
  const feedCalls: FakePane["feedCalls"] = [];
  const catalogCalls: string[] = [];
  const dataCalls: FakePane["dataCalls"] = [];
  const catalogue = options.datasets ?? [LLM, GPUS];
  const feed: FakePane["feed"] = { next: async (ids) => feedResultOf(catalogue, ids) };
  const catalog: FakePane["catalog"] = {
    next: async (url) => ({ source: { origin: "feed", url }, generatedAt: FEED_BUILT, entries: catalogue.map(itemOf) }),
  };
  const dataset: FakePane["dataset"] = {
    next: async (_source, id) => {
      const found = catalogue.find((d) => d.id === id);
      return found ? { ok: true, dataset: found } : { ok: false, error: { kind: "missing", detail: id } };
    },
  };
  const models: FakePane["models"] = { next: async () => MODELS };
  const modelDataset: FakePane["modelDataset"] = { next: async () => EPOCH };
  const datasetLoads: string[] = [];
  const modelCalls: ModelCall[] = [];
  const now = options.now ?? NOW;
  const deps: PaneDeps = {
    workbook,
    settings,
    loadCatalog: (url) => {
      catalogCalls.push(url);
      return catalog.next(url);
    },
    loadDataset: (source, id) => {
      dataCalls.push({ source, id });
      return dataset.next(source, id);
    },
    loadFeed: (url, ids) => {
      feedCalls.push({ url, ids });
      return feed.next(ids);
    },
    defaultFeedUrl: DEFAULT_FEED,
    displayLanguage: options.displayLanguage ?? "en-US",
    listModels: () => models.next(),
    loadModelDataset: (id) => {
      datasetLoads.push(id);
      return modelDataset.next(id);
    },
    buildModel: async (id, buildOptions, data) => {
      modelCalls.push({ id, options: buildOptions, data });
      const model = (await models.next()).find((m) => m.id === id);
      if (!model) throw new Error(`no model ${id}`);
      return workbook.insertModel((names) => fakeModelPlan(model, buildOptions, names));
    },
    now: () => now,
  };
  return { deps, workbook, settings, feedCalls, feed, catalog, catalogCalls, dataset, dataCalls, models, modelDataset, datasetLoads, modelCalls };
}
