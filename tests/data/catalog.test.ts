import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { ALL_DATASET_IDS, DATASETS, DATASET_IDS, EPOCH_ACCELERATORS_ID, EPOCH_MODELS_ID, getDataset } from "../../src/data/catalog";
import { epochModels } from "../../src/data/datasets/epoch-models";
import { loadEpochModels } from "../../src/data/epoch-models-loader";

const SRC = join(__dirname, "../../src/data");

/** Module specifiers of static imports and re-exports (not dynamic import()). */
function importSpecifiers(file: string): string[] {
  const src = readFileSync(file, "utf8");
  return [...src.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]);
}

/** Every local file reached from `file` through static imports. */
function staticImportClosure(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  for (const spec of importSpecifiers(file)) {
    if (!spec.startsWith(".")) continue;
    const base = resolve(dirname(file), spec);
    const target = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((f) => existsSync(f) && !f.endsWith("/"));
    if (target !== undefined) staticImportClosure(target, seen);
  }
  return [...seen];
}

describe("catalog", () => {
  test("DATASET_IDS are the ids of DATASETS, in order, without duplicates", () => {
    expect(DATASET_IDS).toEqual(DATASETS.map((d) => d.id));
    expect(new Set(DATASET_IDS).size).toBe(DATASET_IDS.length);
  });

  test("ALL_DATASET_IDS adds the Epoch tables, which the small list leaves out", () => {
    expect(ALL_DATASET_IDS).toEqual([...DATASET_IDS, EPOCH_MODELS_ID, EPOCH_ACCELERATORS_ID]);
    expect(DATASET_IDS).not.toContain(EPOCH_MODELS_ID);
    expect(DATASET_IDS).not.toContain(EPOCH_ACCELERATORS_ID);
    expect(epochModels.id).toBe(EPOCH_MODELS_ID);
  });

  test("every module in src/data/datasets is listed under its file name", () => {
    const files = readdirSync(join(__dirname, "../../src/data/datasets"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(files).toEqual([...ALL_DATASET_IDS].sort());
  });

  test("getDataset finds bundled datasets and returns undefined otherwise", () => {
    expect(getDataset("accelerators")?.id).toBe("accelerators");
    expect(getDataset("no-such-dataset")).toBeUndefined();
    expect(getDataset(EPOCH_MODELS_ID)).toBeUndefined();
  });

  test.each(["catalog.ts", "lookup.ts", "feed.ts", "feed-client.ts"])(
    "%s does not statically import epoch-models or its JSON (kept out of the functions bundle)",
    (file) => {
      const reached = staticImportClosure(join(SRC, file));
      expect(reached.filter((f) => /epoch-models\.ts$|generated/.test(f))).toEqual([]);
    }
  );

  test("the import walker itself sees through to dataset modules and JSON (so the checks above can fail)", () => {
    expect(staticImportClosure(join(SRC, "catalog.ts")).some((f) => f.endsWith("datasets/llm-comparison.ts"))).toBe(true);
    expect(staticImportClosure(join(SRC, "datasets/epoch-models.ts")).some((f) => f.endsWith("generated/epoch-models.json"))).toBe(true);
  });

  test("feed.ts imports nothing but zod/mini, types and dependency-free helpers (it goes into the functions bundle)", () => {
    expect(importSpecifiers(join(SRC, "feed.ts")).sort()).toEqual(["../core/utf8", "./note-lines", "./semver", "./types", "zod/mini"]);
    expect(importSpecifiers(join(SRC, "../core/utf8.ts"))).toEqual([]);
    expect(importSpecifiers(join(SRC, "semver.ts"))).toEqual([]);
    // note-lines.ts: types only (the Language type lives in sheet/workbook.ts, which imports nothing at run time).
    expect(importSpecifiers(join(SRC, "note-lines.ts")).sort()).toEqual(["../sheet/workbook", "./types"]);
    expect(readFileSync(join(SRC, "note-lines.ts"), "utf8")).not.toMatch(/^import (?!type )/m);
  });

  // Browser entries (webpack.config.js), the dev-only workbench included.
  const ENTRIES = ["../functions/functions.ts", "../commands/commands.ts", "../taskpane/index.tsx", "../workbench/index.tsx"].map((f) => join(SRC, f));

  test("no browser entry statically reaches feed-build.ts (zod's JSON Schema generator stays out of the bundles)", () => {
    // The walker reaches the validator from the functions and the pane (so the check can fail).
    expect(staticImportClosure(ENTRIES[0]).some((f) => f.endsWith("data/feed.ts"))).toBe(true);
    expect(staticImportClosure(ENTRIES[2]).some((f) => f.endsWith("data/feed.ts"))).toBe(true);
    for (const entry of ENTRIES) expect(staticImportClosure(entry).filter((f) => f.endsWith("feed-build.ts"))).toEqual([]);
  });

  test("src/ imports zod only as zod/mini (classic zod carries its JSON Schema generator and every method)", () => {
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []
      );
    })(join(SRC, ".."));
    const zodImports = files.flatMap((f) =>
      importSpecifiers(f)
        .filter((s) => /^zod(\/|$)/.test(s))
        .map((s) => `${relative(join(SRC, "../.."), f)}: ${s}`)
    );
    expect(zodImports.sort()).toEqual(["src/data/feed-build.ts: zod/mini", "src/data/feed.ts: zod/mini"]);
  });

  test("loadEpochModels resolves to the epoch-models dataset", async () => {
    const d = await loadEpochModels();
    expect(d.id).toBe(EPOCH_MODELS_ID);
    expect(d.rows.length).toBe(epochModels.rows.length);
  });
});
