/**
 * The pane's real dependencies: the catalogue and datasets from the feed (or the bundled copy),
 * the refresh's per-dataset results; for models, the templates as listed, the epoch-models
 * loader, and buildModel → workbook.insertModel with a builder that takes the workbook's sheet
 * names and the pane's language and mode.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { localSettings, makeDeps } from "../../src/taskpane/make-deps";
import { MODEL_TEMPLATE_IDS, type ModelSheetPlan } from "../../src/sheet/models";
import { FakeWorkbook } from "./fakes";
import { DATASETS, getDataset } from "../../src/data/catalog";
import { buildFeed } from "../../src/data/feed-build";
import type { FetchLike } from "../../src/data/feed-client";
import type { Dataset } from "../../src/data/types";
import { planDatasetInsert } from "../../src/sheet/dataset-plan";

const PAGE = "https://addin.example.com/app/taskpane.html";

function setup() {
  const workbook = new FakeWorkbook();
  return { workbook, deps: makeDeps(workbook, "en-US", PAGE) };
}

describe("makeDeps: models", () => {
  it("lists every template, without its builder", async () => {
    const models = await setup().deps.listModels();
    expect(models.map((m) => m.id)).toEqual(MODEL_TEMPLATE_IDS);
    for (const m of models) {
      expect(Object.keys(m).sort()).toEqual(["description", "id", "requires", "title"]);
      expect(m.title.zh && m.title.en && m.description.zh && m.description.en).toBeTruthy();
    }
    expect(models.filter((m) => m.requires.length > 0).map((m) => [m.id, m.requires])).toEqual([["compute-trend", ["epoch-models"]]]);
  });

  it("builds through workbook.insertModel: the builder gets the sheet names, the language and the mode", async () => {
    const { workbook, deps } = setup();
    workbook.sheetNames = ["Sheet1", "大模型训练算力测算"];
    const result = await deps.buildModel("training-compute", { language: "zh", mode: "portable" }, new Map());
    expect(result.sheetName).toBe("大模型训练算力测算 (2)");
    expect(result.tableName).toBe("");
    const [call] = workbook.callsTo("insertModel");
    const plan = call.build(["Sheet1"]) as ModelSheetPlan;
    expect(plan.target).toEqual({ kind: "newSheet", name: "大模型训练算力测算" });
    expect(plan.model).toMatchObject({ templateId: "training-compute", language: "zh", mode: "portable" });
    const formulas = plan.blocks.flatMap((b) => (b.formulas ?? []).flat()).filter((f): f is string => f !== null);
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.some((f) => /\bAI\./.test(f))).toBe(false);
  });

  it("loads epoch-models for the template that requires it, and refuses an unknown dataset or template", async () => {
    const { workbook, deps } = setup();
    const epoch = await deps.loadModelDataset("epoch-models");
    expect(epoch.id).toBe("epoch-models");
    expect(epoch.rows.length).toBeGreaterThan(1000);
    const result = await deps.buildModel("compute-trend", { language: "en", mode: "ai" }, new Map([["epoch-models", epoch]]));
    expect(result.sheetName).toBe("Compute trend");
    expect(workbook.sheetNames).toEqual(["Sheet1", "Compute trend"]);
    await expect(deps.loadModelDataset("nope")).rejects.toThrow(/nope/);
    await expect(deps.buildModel("nope", { language: "en", mode: "ai" }, new Map())).rejects.toThrow(/nope/);
    // Without the dataset it requires, the template refuses to build (nothing is added).
    await expect(deps.buildModel("compute-trend", { language: "en", mode: "ai" }, new Map())).rejects.toThrow(/epoch-models/);
    expect(workbook.sheetNames).toEqual(["Sheet1", "Compute trend"]);
  });
});

/** A dataset id this build has never seen, as a feed might publish it. */
const HBM: Dataset = {
  ...getDataset("accelerators")!,
  id: "hbm-prices",
  version: "0.1.0",
  title: { zh: "HBM 内存价格与产能明细表（按季度）", en: "HBM memory prices and capacity by quarter, all vendors" },
  shortTitle: { zh: "HBM 价格", en: "HBM prices" },
};

const FEED = "https://feed.example/data/";
const served = buildFeed([...DATASETS, HBM], "2025-06-20T08:00:00.000Z");

/** A fetch answering from `files` (404 for anything else), or failing like a network error when `files` is null. */
function fetchFrom(files: ReadonlyMap<string, string> | null): FetchLike {
  return async (url) => {
    if (files === null) throw new TypeError("Failed to fetch");
    const body = files.get(url.slice(FEED.length));
    return body === undefined ? new Response("not found", { status: 404 }) : new Response(body);
  };
}

describe("makeDeps: the catalogue and datasets from the feed", () => {
  it("lists what the feed's catalog publishes, loads a dataset this build has never seen, and the plan names it by the usual rules", async () => {
    const deps = makeDeps(new FakeWorkbook(), "en-US", PAGE, { fetchImpl: fetchFrom(served) });
    const view = await deps.loadCatalog(FEED);
    expect(view.source).toEqual({ origin: "feed", url: FEED });
    expect(view.generatedAt).toBe("2025-06-20T08:00:00.000Z");
    expect(view.entries.map((e) => e.id)).toEqual([...DATASETS.map((d) => d.id), "hbm-prices"]);
    const entry = view.entries.find((e) => e.id === "hbm-prices");
    expect(entry).toMatchObject({ version: "0.1.0", rowCount: HBM.rows.length, asOf: HBM.asOf, shortTitle: HBM.shortTitle });
    expect(Object.keys(entry ?? {})).not.toContain("href");

    const loaded = await deps.loadDataset(view.source, "hbm-prices");
    if (!loaded.ok) throw new Error(loaded.error.detail);
    expect(loaded.dataset.rows).toEqual(JSON.parse(JSON.stringify(HBM.rows)));
    const plan = planDatasetInsert(loaded.dataset, { language: "en", target: "newSheet", chart: true, existingSheetNames: ["Sheet1"] });
    expect(plan.table?.name).toBe("AI_hbm_prices");
    expect(plan.target).toEqual({ kind: "newSheet", name: "HBM prices" });
  });

  it("falls back to the bundled copy, the Epoch tables included, with the reason, when the feed cannot be reached", async () => {
    const deps = makeDeps(new FakeWorkbook(), "en-US", PAGE, { fetchImpl: fetchFrom(null) });
    const view = await deps.loadCatalog(FEED);
    expect(view.source).toEqual({ origin: "offline" });
    expect(view.generatedAt).toBeNull();
    expect(view.offlineReason).toEqual({ kind: "offline", detail: "catalog.json: could not reach the feed (Failed to fetch)" });
    expect(view.entries.map((e) => e.id)).toEqual([...DATASETS.map((d) => d.id), "epoch-models", "epoch-accelerators"]);
    expect(view.entries.find((e) => e.id === "epoch-models")?.rowCount).toBeGreaterThan(1000);

    const epoch = await deps.loadDataset(view.source, "epoch-models");
    expect(epoch.ok && epoch.dataset.rows.length).toBeGreaterThan(1000);
    expect((await deps.loadDataset(view.source, "epoch-accelerators")).ok).toBe(true);
    const accelerators = await deps.loadDataset(view.source, "accelerators");
    expect(accelerators.ok && accelerators.dataset).toBe(getDataset("accelerators"));
    expect(await deps.loadDataset(view.source, "hbm-prices")).toEqual({
      ok: false,
      error: { kind: "missing", detail: 'the add-in has no copy of "hbm-prices"' },
    });
  });

  it("uses the offline copy when the catalog is invalid, and says where it failed", async () => {
    const files = new Map(served).set("catalog.json", '{"format":1}');
    const view = await makeDeps(new FakeWorkbook(), "en-US", PAGE, { fetchImpl: fetchFrom(files) }).loadCatalog(FEED);
    expect(view.source.origin).toBe("offline");
    expect(view.offlineReason).toEqual({ kind: "invalid", detail: "catalog.json: generatedAt: required field is missing" });
  });

  it("refresh: each requested dataset arrives or fails on its own", async () => {
    const files = new Map(served);
    files.delete("coverage.json");
    const deps = makeDeps(new FakeWorkbook(), "en-US", PAGE, { fetchImpl: fetchFrom(files) });
    const r = await deps.loadFeed(FEED, ["coverage", "llm-comparison", "gone"]);
    if (!r.ok) throw new Error(r.error.detail);
    expect(r.results.get("llm-comparison")?.ok).toBe(true);
    expect(r.results.get("coverage")).toEqual({ ok: false, error: { kind: "http", status: 404, detail: "coverage.json: the server answered 404" } });
    expect(r.results.get("gone")).toEqual({ ok: false, error: { kind: "missing", detail: 'catalog.json: no dataset "gone"' } });
  });

  it("refresh: a feed that cannot be reached is one failure", async () => {
    const deps = makeDeps(new FakeWorkbook(), "en-US", PAGE, { fetchImpl: fetchFrom(null) });
    expect(await deps.loadFeed(FEED, ["coverage"])).toEqual({
      ok: false,
      error: { kind: "offline", detail: "catalog.json: could not reach the feed (Failed to fetch)" },
    });
  });
});

describe("makeDeps: bundle", () => {
  /** Every local file reached from `file` through static imports (not import()). */
  function staticClosure(file: string, seen = new Set<string>()): string[] {
    if (seen.has(file)) return [];
    seen.add(file);
    const src = readFileSync(file, "utf8");
    for (const [, spec] of src.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm)) {
      if (!spec.startsWith(".")) continue;
      const base = resolve(dirname(file), spec);
      const target = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), base].find((f) => existsSync(f) && statSync(f).isFile());
      if (target !== undefined) staticClosure(target, seen);
    }
    return [...seen];
  }

  it("reaches the Epoch tables' rows only through lazy chunks, so the pane's first load stays small", () => {
    const reached = staticClosure(join(__dirname, "../../src/taskpane/make-deps.ts"));
    expect(reached.some((f) => f.endsWith("data/catalog.ts"))).toBe(true); // the walker works
    expect(reached.filter((f) => /datasets[\\/]epoch-|generated[\\/]/.test(f))).toEqual([]);
  });
});

describe("makeDeps: search's row names (issue 20)", () => {
  it("reads them from the add-in's own copy when the feed lists the same version, without a download", async () => {
    const calls: string[] = [];
    const fetchImpl: FetchLike = async (url, init) => {
      calls.push(String(url));
      return fetchFrom(served)(url, init);
    };
    const deps = makeDeps(new FakeWorkbook(), "en-US", PAGE, { fetchImpl });
    const view = await deps.loadCatalog(FEED);
    calls.length = 0;
    const accelerators = view.entries.find((e) => e.id === "accelerators")!;
    const keys = await deps.loadRowKeys!(view.source, accelerators);
    expect(keys).toContain("h100");
    expect(calls).toEqual([]);
  });

  it("downloads a dataset the add-in has no copy of (or another version of), and gives none for one that fails", async () => {
    const deps = makeDeps(new FakeWorkbook(), "en-US", PAGE, { fetchImpl: fetchFrom(served) });
    const view = await deps.loadCatalog(FEED);
    const hbm = view.entries.find((e) => e.id === "hbm-prices")!;
    expect(await deps.loadRowKeys!(view.source, hbm)).toEqual(Array.from(new Set(HBM.rows.map((r) => String(r[0])))));
    expect(await deps.loadRowKeys!(view.source, { ...hbm, id: "not-in-the-feed" })).toEqual([]);
  });

  it("links the help page beside the pane", () => {
    expect(setup().deps.helpUrl).toBe("https://addin.example.com/app/help.html");
  });
});

describe("localSettings: the tab and the first-run card (issue 20)", () => {
  it("remembers the tab, and ignores a stored value that is not a tab", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    } as unknown as Storage;
    const settings = localSettings(storage);
    expect(settings.getTab?.()).toBeNull();
    void settings.setTab?.("share");
    expect(settings.getTab?.()).toBe("share");
    store.set("ai-compute-analyst.tab", "nonsense");
    expect(settings.getTab?.()).toBeNull();
    expect(settings.getFirstRunDismissed?.()).toBe(false);
    void settings.setFirstRunDismissed?.(true);
    expect(settings.getFirstRunDismissed?.()).toBe(true);
    void settings.setFirstRunDismissed?.(false);
    expect(store.has("ai-compute-analyst.firstRunDismissed")).toBe(false);
  });

  it("keeps them for the session when storage is disabled", () => {
    const settings = localSettings(null);
    void settings.setTab?.("models");
    expect(settings.getTab?.()).toBe("models");
  });
});

describe("diagnostics", () => {
  it("passes the host's diagnostics through to the pane, and gives none when not given", () => {
    const diagnostics = {
      loadPort: async () => {
        throw new Error("not loaded in this test");
      },
      cspViolations: () => [],
    };
    expect(makeDeps(new FakeWorkbook(), "en-US", PAGE, { diagnostics }).diagnostics).toBe(diagnostics);
    expect(makeDeps(new FakeWorkbook(), "en-US", PAGE).diagnostics).toBeUndefined();
  });
});
