/**
 * `npm run export -- --model training-compute --mode portable --lang en out.xlsx`
 * `npm run export -- --dataset llm-comparison --lang zh out.xlsx`
 *
 * Builds the sheet plan, evaluates it with HyperFormula (for the formulas' cached values: a
 * reader that does not recalculate still shows numbers) and writes it with the .xlsx adapter.
 * A script, not src/: it joins two adapters (HyperFormula and xlsx), which src/ keeps apart.
 */
import * as fs from "fs";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { getDataset } from "../src/data/catalog";
import { EPOCH_ACCELERATORS_ID, EPOCH_MODELS_ID } from "../src/data/ids";
import type { Dataset } from "../src/data/types";
import { registerAiFunctions } from "../src/hyperformula/ai-plugin";
import { applyPlan } from "../src/hyperformula/apply-plan";
import { planDatasetInsert } from "../src/sheet/dataset-plan";
import { getModelTemplate, MODEL_TEMPLATE_IDS, type ModelLanguage, type ModelMode } from "../src/sheet/models";
import type { SheetPlan } from "../src/sheet/plan";
import { recordFromPlan, recordWriteOp } from "../src/sheet/tracking";
import { writeXlsx, type CachedValue } from "../src/xlsx/write-xlsx";

export interface ExportOptions {
  model?: string;
  dataset?: string;
  mode: ModelMode;
  language: ModelLanguage;
  out: string;
}

/** A dataset by id: bundled, or one of the Epoch tables (built into the repository's feed). */
export async function datasetById(id: string): Promise<Dataset | undefined> {
  if (id === EPOCH_MODELS_ID) return (await import("../src/data/datasets/epoch-models")).epochModels;
  if (id === EPOCH_ACCELERATORS_ID) return (await import("../src/data/datasets/epoch-accelerators")).epochAccelerators;
  return getDataset(id);
}

/** The plan the pane would build for a model template or a dataset (on a new sheet). */
export async function planFor(options: Omit<ExportOptions, "out">): Promise<SheetPlan> {
  if (options.model !== undefined) {
    const template = getModelTemplate(options.model);
    if (!template) throw new Error(`no model template "${options.model}" (one of ${MODEL_TEMPLATE_IDS.join(", ")})`);
    const epochModels = template.requires.includes(EPOCH_MODELS_ID) ? await datasetById(EPOCH_MODELS_ID) : undefined;
    return template.build({ language: options.language, mode: options.mode }, epochModels ? { epochModels } : {});
  }
  if (options.dataset !== undefined) {
    const dataset = await datasetById(options.dataset);
    if (!dataset) throw new Error(`no dataset "${options.dataset}"`);
    return planDatasetInsert(dataset, { language: options.language, target: "newSheet", chart: true });
  }
  throw new Error("give --model ID or --dataset ID");
}

/** HyperFormula configured as the workbench configures it (Excel-like array arithmetic, no rounding). */
export function newEngine(): HyperFormula {
  registerAiFunctions();
  return HyperFormula.buildEmpty({ licenseKey: "gpl-v3", maxRows: 100_000, smartRounding: false, useArrayArithmetic: true });
}

/** A HyperFormula value as a cached cell value (errors by their Excel code). */
export function cachedOf(v: ReturnType<HyperFormula["getCellValue"]>): CachedValue {
  if (v instanceof DetailedCellError) return { error: v.value };
  return v;
}

/**
 * The workbook's bytes: plans evaluated by HyperFormula, then written with their cached values
 * and, for dataset tables, the tracking record a refresh needs.
 */
export async function exportPlans(plans: readonly SheetPlan[], now = new Date()): Promise<{ bytes: Uint8Array; skipped: string[]; hf: HyperFormula }> {
  const hf = newEngine();
  const settings: { key: string; value: string }[] = [];
  for (const plan of plans) {
    const applied = applyPlan(hf, plan);
    if (plan.table && plan.dataset) {
      const op = recordWriteOp(recordFromPlan(plan, applied.sheetName, now.toISOString()));
      if (op.kind === "setting") settings.push({ key: op.key, value: op.value });
    }
  }
  const cachedValue = (sheetName: string, row: number, col: number): CachedValue | undefined => {
    const sheet = hf.getSheetId(sheetName);
    return sheet === undefined ? undefined : cachedOf(hf.getCellValue({ sheet, row, col }));
  };
  const { bytes, skipped } = await writeXlsx({ plans, settings, cachedValue, created: now });
  return { bytes, skipped, hf };
}

const USAGE = "usage: npm run export -- (--model ID [--mode portable|ai] | --dataset ID) [--lang en|zh] out.xlsx";

/** Parses the command line; a string is an error message. */
export function parseArgs(argv: readonly string[]): ExportOptions | string {
  const o: Partial<ExportOptions> = { mode: "portable", language: "en" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string | undefined => argv[++i];
    if (a === "--model") o.model = next();
    else if (a === "--dataset") o.dataset = next();
    else if (a === "--mode") {
      const m = next();
      if (m !== "portable" && m !== "ai") return `--mode must be portable or ai\n${USAGE}`;
      o.mode = m;
    } else if (a === "--lang") {
      const l = next();
      if (l !== "en" && l !== "zh") return `--lang must be en or zh\n${USAGE}`;
      o.language = l;
    } else if (a.startsWith("--")) return `unknown option ${a}\n${USAGE}`;
    else if (o.out === undefined) o.out = a;
    else return `one output file only\n${USAGE}`;
  }
  if ((o.model === undefined) === (o.dataset === undefined)) return `give exactly one of --model and --dataset\n${USAGE}`;
  if (o.out === undefined || !o.out.endsWith(".xlsx")) return `give the output file, ending in .xlsx\n${USAGE}`;
  return o as ExportOptions;
}

export async function main(argv: readonly string[], out: Pick<Console, "log" | "error"> = console): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === "string") {
    out.error(options);
    return 2;
  }
  try {
    const plan = await planFor(options);
    const { bytes, skipped } = await exportPlans([plan]);
    fs.writeFileSync(options.out, bytes);
    out.log(`wrote ${options.out} (${bytes.length} bytes)`);
    for (const s of skipped) out.log(`not in the file: ${s}`);
    return 0;
  } catch (e) {
    out.error(`export failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
