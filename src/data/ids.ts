/**
 * Dataset ids that must be known without loading the dataset itself. Tiny on purpose: the
 * functions bundle imports it, and importing epoch-models.ts would pull in ≈360 KB of rows.
 */

/** The large Epoch AI table, loaded from the feed (or lazily with loadEpochModels()). */
export const EPOCH_MODELS_ID = "epoch-models";

/**
 * Data-centre ML accelerators from Epoch AI's hardware database (converted by
 * scripts/convert-epoch.mjs, refreshed by the updater). AI.CHIP falls back to it when the
 * curated `accelerators` table has no such chip.
 */
export const EPOCH_ACCELERATORS_ID = "epoch-accelerators";
