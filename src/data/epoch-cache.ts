/**
 * Epoch AI's models table once it has been loaded (from the feed in Excel, from the module in
 * tests and the workbench). Kept out of the functions bundle: the bundle only holds this
 * small holder, and AI.MODEL / AI.DATASET consult it when the bundled tables do not answer.
 */
import type { Dataset } from "./types";
import { buildEpochModelIndex, type NameIndex } from "./lookup";

let loaded: { dataset: Dataset; index: NameIndex } | undefined;

export function setEpochModels(dataset: Dataset): void {
  loaded = { dataset, index: buildEpochModelIndex(dataset) };
}

export function epochLoaded(): boolean {
  return loaded !== undefined;
}

/** The loaded table as extra datasets for AI.DATASET / AI.DATASETS (empty before loading). */
export function epochDatasets(): readonly Dataset[] {
  return loaded ? [loaded.dataset] : [];
}

/** The fallback index for AI.MODEL (empty before loading). */
export function epochIndexes(): readonly NameIndex[] {
  return loaded ? [loaded.index] : [];
}
