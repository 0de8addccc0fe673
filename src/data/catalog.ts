/**
 * The datasets the add-in ships with, in the order the task pane lists them. This list is the
 * one source of truth for dataset ids: DATASET_IDS and ALL_DATASET_IDS derive from it.
 * The large epoch-models dataset is deliberately not imported here (see ids.ts).
 */
import { accelerators } from "./datasets/accelerators";
import { aiComputeTrend } from "./datasets/ai-compute-trend";
import { chinaCompute } from "./datasets/china-compute";
import { coverage } from "./datasets/coverage";
import { indexPerformance } from "./datasets/index-performance";
import { llmComparison } from "./datasets/llm-comparison";
import { techMoves } from "./datasets/tech-moves";
import { transformerCost } from "./datasets/transformer-cost";
import { EPOCH_ACCELERATORS_ID, EPOCH_MODELS_ID } from "./ids";
import type { Dataset } from "./types";

export { EPOCH_ACCELERATORS_ID, EPOCH_MODELS_ID };

/**
 * The small datasets, bundled with the functions and the task pane: the report's figures in
 * report order, then the reference tables they lean on.
 */
export const DATASETS: readonly Dataset[] = Object.freeze([
  indexPerformance, // 图1
  transformerCost, // 图4
  llmComparison, // 图8
  techMoves, // 图9
  aiComputeTrend, // section 4.1
  chinaCompute, // section 5
  coverage, // 投资建议
  accelerators, // reference
]);

/** Ids of the bundled datasets, in DATASETS order. */
export const DATASET_IDS: readonly string[] = Object.freeze(DATASETS.map((d) => d.id));

/** The large Epoch AI tables: published in the feed, never bundled with the functions. */
export const FEED_ONLY_IDS: readonly string[] = Object.freeze([EPOCH_MODELS_ID, EPOCH_ACCELERATORS_ID]);

/** Every dataset id the build's feed publishes: the bundled ones plus the Epoch tables. */
export const ALL_DATASET_IDS: readonly string[] = Object.freeze([...DATASET_IDS, ...FEED_ONLY_IDS]);

const BY_ID: ReadonlyMap<string, Dataset> = new Map(DATASETS.map((d) => [d.id, d]));
if (BY_ID.size !== DATASETS.length) throw new Error("catalog: duplicate dataset id");

/**
 * A bundled dataset by id, or undefined (epoch-models is not bundled: use loadEpochModels()
 * or the feed). Example: `getDataset("accelerators")?.rows.length`.
 */
export function getDataset(id: string): Dataset | undefined {
  return BY_ID.get(id);
}
