/**
 * The feed the build emits under dist/data/: every dataset (the bundled ones, epoch-models and
 * epoch-accelerators), the catalogue and the JSON Schema. webpack.config.js calls emitFeed().
 * The two Epoch datasets are fetched by the add-in on demand, never bundled.
 */
import { buildFeed } from "../src/data/feed-build";
import { DATASETS } from "../src/data/catalog";
import { epochAccelerators } from "../src/data/datasets/epoch-accelerators";
import { epochModels } from "../src/data/datasets/epoch-models";

/** generatedAt is the build time unless SOURCE_DATE_EPOCH pins it (reproducible builds). */
export function emitFeed(): Map<string, string> {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const when = epoch ? new Date(Number(epoch) * 1000) : new Date();
  return buildFeed([...DATASETS, epochModels, epochAccelerators], when);
}
