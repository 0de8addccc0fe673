/** Constants with their sources. One place for each; functions, models and docs read them here. */

/** 1 petaflop/s-day = 1e15 FLOP/s × 86,400 s (Brown et al. 2020, GPT-3 paper, Table D.1). */
export const FLOP_PER_PF_DAY = 8.64e19;

export const SECONDS_PER_DAY = 86_400;
export const SECONDS_PER_HOUR = 3_600;

/** Training ≈ 6 FLOP per parameter per token (Kaplan et al. 2020, arXiv:2001.08361). */
export const TRAIN_FLOP_PER_PARAM_TOKEN = 6;

/** Inference (forward pass) ≈ 2 FLOP per parameter per token (Kaplan et al. 2020). */
export const INFER_FLOP_PER_PARAM_TOKEN = 2;

/** Epoch AI's recommended utilisation assumption for LLM training (hardware-time method). */
export const DEFAULT_UTILIZATION = 0.3;

/** Compute-optimal tokens per parameter (Hoffmann et al. 2022, "Chinchilla", Table 3). */
export const CHINCHILLA_TOKENS_PER_PARAM = 20;

/** Months per doubling of the largest training runs, as the report quotes OpenAI's "AI and Compute" (3.4 in the post). */
export const OPENAI_DOUBLING_MONTHS = 3.43;

/** The report's note under 图8: 1TB = 1024GB. */
export const BYTES_PER_UNIT_STEP = 1024;
