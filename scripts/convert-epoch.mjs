#!/usr/bin/env node
/**
 * Converts Epoch AI's CSV exports into the compact JSON the Epoch datasets are built from
 * (committed under src/data/generated/): "All ML Systems" → epoch-models.json, and the ML
 * hardware table → epoch-accelerators.json (data-centre accelerators only). The updater
 * (scripts/update-data.ts) uses the same functions, from scripts/epoch-convert.ts, on the live
 * exports.
 *
 * The corrections of data/corrections/epoch.json are applied after conversion and listed in the
 * output (`corrected`), so the committed JSON is what the updater publishes from the same input.
 *
 * Plain Node (TypeScript through scripts/ts-require.js). Re-runnable: the output depends only
 * on the input file and the corrections file, so running it twice gives byte-identical JSON.
 *
 *   node scripts/convert-epoch.mjs [input.csv] [output.json]
 *   node scripts/convert-epoch.mjs --check [input.csv] [output.json]   # exit 1 if output is stale
 *   node scripts/convert-epoch.mjs --hardware [--check] [ml-hardware.csv] [epoch-accelerators.json]
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_OUTPUT = resolve(ROOT, "src/data/generated/epoch-models.json");
const DEFAULT_HARDWARE_OUTPUT = resolve(ROOT, "src/data/generated/epoch-accelerators.json");

// The conversion itself is TypeScript, shared with the updater and loaded through the require hook.
const require = createRequire(import.meta.url);
require("./ts-require.js");
const core = require("./epoch-convert.ts");
// The repository's own snapshot (data/upstream/epoch/) is the default input.
const { EPOCH_MODELS_CSV: DEFAULT_INPUT, EPOCH_HARDWARE_CSV: DEFAULT_HARDWARE_INPUT } = require("./upstream.ts");
// Known errors in Epoch's rows, corrected after conversion (data/corrections/README.md).
const { readCorrections, withCorrections } = require("./corrections.ts");

export const { parseCsv, convert, convertHardware, serialize, acceleratorFamily } = core;
export const { COLUMNS, HARDWARE_COLUMNS, ACCELERATOR_FAMILIES, NOT_ACCELERATOR, DENSE_REFERENCES, DENSE_REFERENCE_TOLERANCE } = core;

function main(argv) {
  const check = argv.includes("--check");
  const hardware = argv.includes("--hardware");
  const paths = argv.filter((a) => a !== "--check" && a !== "--hardware");
  const input = resolve(paths[0] ?? (hardware ? DEFAULT_HARDWARE_INPUT : DEFAULT_INPUT));
  const output = resolve(paths[1] ?? (hardware ? DEFAULT_HARDWARE_OUTPUT : DEFAULT_OUTPUT));
  const bytes = readFileSync(input);
  const sha = createHash("sha256").update(bytes).digest("hex");
  const records = parseCsv(bytes.toString("utf8"));
  const corrections = readCorrections();
  const out = hardware
    ? withCorrections("epoch-accelerators", convertHardware(records, sha), corrections)
    : withCorrections("epoch-models", convert(records, sha), corrections);
  const text = serialize(out);
  if (check) {
    let current = "";
    try {
      current = readFileSync(output, "utf8");
    } catch {
      // Missing output counts as stale.
    }
    if (current !== text) {
      console.error(`${relative(ROOT, output)} is stale: run node scripts/convert-epoch.mjs${hardware ? " --hardware" : ""}`);
      process.exit(1);
    }
    console.log(`${relative(ROOT, output)} is up to date`);
    return;
  }
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, text);
  console.log(`wrote ${relative(ROOT, output)} (${text.length} bytes)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
