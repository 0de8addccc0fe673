/**
 * Dataset ids that must be known without loading the dataset itself. Tiny on purpose: the
 * functions bundle imports it, and importing epoch-models.ts would pull in ≈360 KB of rows.
 */

/** The large Epoch AI table, loaded from the feed (or lazily with loadEpochModels()). */
export const EPOCH_MODELS_ID = "epoch-models";
