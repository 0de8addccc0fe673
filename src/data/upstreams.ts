/**
 * The datasets that follow an upstream database, and how often that upstream is published: the
 * pane's data-age mark (src/taskpane/data/data-age.ts) flags such a dataset when the feed's copy
 * is older than the cadence allows. Every other dataset is a dated record (the report's tables,
 * a paper's figures): it is as old as it says, never "out of date".
 *
 * The ids are the updater's sources (scripts/data-sources.json; a test keeps the two in step).
 * Cadence: Epoch AI rebuilds both CSV exports daily (data/upstream/epoch/README.md), and the
 * updater is meant to run daily (README, "Keeping data current"); a copy more than a week old
 * means the updater has stopped, or the feed in use is not the updated one.
 */
import type { LocalizedText } from "./types";
import { EPOCH_ACCELERATORS_ID, EPOCH_MODELS_ID } from "./ids";

export type Cadence = "daily";

export interface Upstream {
  /** Who publishes it, as the pane names them. */
  name: LocalizedText;
  cadence: Cadence;
  /** Days after its as-of date that a copy is still current (the cadence plus room for missed runs). */
  staleAfterDays: number;
}

const EPOCH: Upstream = { name: { en: "Epoch AI", zh: "Epoch AI" }, cadence: "daily", staleAfterDays: 7 };

export const UPSTREAMS: Readonly<Record<string, Upstream>> = {
  [EPOCH_MODELS_ID]: EPOCH,
  [EPOCH_ACCELERATORS_ID]: EPOCH,
};

/** The upstream a dataset follows, or null for a dated record. */
export function upstreamOf(datasetId: string): Upstream | null {
  return Object.prototype.hasOwnProperty.call(UPSTREAMS, datasetId) ? UPSTREAMS[datasetId] : null;
}
