/**
 * Lazy access to the large epoch-models dataset. A dynamic import, so bundlers split it into
 * its own chunk and nothing that imports the catalog pays for its ≈360 KB of rows.
 */
import type { Dataset } from "./types";

/** Loads Epoch AI's models table on first use. Example: `const d = await loadEpochModels();` */
export async function loadEpochModels(): Promise<Dataset> {
  const m = await import(/* webpackChunkName: "epoch-models" */ "./datasets/epoch-models");
  return m.epochModels;
}
