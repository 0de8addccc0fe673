/**
 * Epoch AI's tables once they have been loaded (from the feed in Excel, from the modules in
 * tests and the workbench): epoch-models behind AI.MODEL, epoch-accelerators behind AI.CHIP.
 * Kept out of the functions bundle: the bundle only holds this small holder, and AI.MODEL,
 * AI.CHIP and AI.DATASET consult it when the bundled tables do not answer.
 */
import type { Dataset } from "./types";
import { EPOCH_ACCELERATORS_ID, EPOCH_MODELS_ID } from "./ids";
import { buildEpochChipIndex, buildEpochModelIndex, type NameIndex } from "./lookup";

/** The Epoch tables the functions can load, in the order AI.DATASETS lists them. */
export const EPOCH_IDS: readonly string[] = [EPOCH_MODELS_ID, EPOCH_ACCELERATORS_ID];

const INDEXERS: Readonly<Record<string, (d: Dataset) => NameIndex>> = {
  [EPOCH_MODELS_ID]: buildEpochModelIndex,
  [EPOCH_ACCELERATORS_ID]: buildEpochChipIndex,
};

const loaded = new Map<string, { dataset: Dataset; index: NameIndex }>();

/** Holds a loaded Epoch table (replacing an earlier one); throws for a dataset that is not one. */
export function setEpochDataset(dataset: Dataset): void {
  const indexer = INDEXERS[dataset.id];
  if (indexer === undefined) throw new Error(`setEpochDataset: ${dataset.id} is not one of ${EPOCH_IDS.join(", ")}`);
  loaded.set(dataset.id, { dataset, index: indexer(dataset) });
}

/** Holds Epoch AI's models table (epoch-models). */
export function setEpochModels(dataset: Dataset): void {
  if (dataset.id !== EPOCH_MODELS_ID) throw new Error(`setEpochModels: expected ${EPOCH_MODELS_ID}, got ${dataset.id}`);
  setEpochDataset(dataset);
}

/** Holds Epoch AI's hardware table (epoch-accelerators). */
export function setEpochAccelerators(dataset: Dataset): void {
  if (dataset.id !== EPOCH_ACCELERATORS_ID) throw new Error(`setEpochAccelerators: expected ${EPOCH_ACCELERATORS_ID}, got ${dataset.id}`);
  setEpochDataset(dataset);
}

/** Forgets every loaded table (tests). */
export function clearEpochCache(): void {
  loaded.clear();
}

/** Whether the table `id` (default epoch-models) is loaded. */
export function epochLoaded(id: string = EPOCH_MODELS_ID): boolean {
  return loaded.has(id);
}

/** The loaded tables as extra datasets for AI.DATASET / AI.DATASETS, in EPOCH_IDS order (empty before loading). */
export function epochDatasets(): readonly Dataset[] {
  return EPOCH_IDS.flatMap((id) => {
    const l = loaded.get(id);
    return l ? [l.dataset] : [];
  });
}

/** The fallback index for AI.MODEL (empty before loading). */
export function epochIndexes(): readonly NameIndex[] {
  const l = loaded.get(EPOCH_MODELS_ID);
  return l ? [l.index] : [];
}

/** The fallback index for AI.CHIP (empty before loading). */
export function epochChipIndexes(): readonly NameIndex[] {
  const l = loaded.get(EPOCH_ACCELERATORS_ID);
  return l ? [l.index] : [];
}
