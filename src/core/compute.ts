/**
 * Compute demand: training and inference FLOP, PF-days, hardware time, chips, cost,
 * compute-optimal sizes and growth. Each function is a small pure implementation with its
 * parameter list as data beside it; the shared runner (spec.ts) checks the arguments.
 */
import { defineFunction, NumberParam } from "./spec";
import { divError } from "./errors";
import {
  CHINCHILLA_TOKENS_PER_PARAM,
  DEFAULT_UTILIZATION,
  FLOP_PER_PF_DAY,
  INFER_FLOP_PER_PARAM_TOKEN,
  OPENAI_DOUBLING_MONTHS,
  SECONDS_PER_DAY,
  SECONDS_PER_HOUR,
  TRAIN_FLOP_PER_PARAM_TOKEN,
} from "./units";

const nonNegative = (name: string): NumberParam => ({ name, kind: "number", min: 0 });
const positive = (name: string): NumberParam => ({ name, kind: "number", above: 0 });
const UTILIZATION = { name: "utilization", kind: "number", default: DEFAULT_UTILIZATION, above: 0, max: 1 } as const;

/**
 * Training compute of a dense transformer: params × tokens × k FLOP (k ≈ 6).
 * @example trainFlops(175e9, 300e9) // 3.15e23 (GPT-3)
 */
export function trainFlops(params: number, tokens: number, flopsPerParamToken: number = TRAIN_FLOP_PER_PARAM_TOKEN): number {
  return params * tokens * flopsPerParamToken;
}

/**
 * Inference compute for a number of tokens: params × tokens × k FLOP (k ≈ 2, the forward pass).
 * @example inferFlops(175e9, 1000) // 3.5e14
 */
export function inferFlops(params: number, tokens: number, flopsPerParamToken: number = INFER_FLOP_PER_PARAM_TOKEN): number {
  return params * tokens * flopsPerParamToken;
}

/** @example pfDays(3.15e23) // 3645.8 */
export function pfDays(flop: number): number {
  return flop / FLOP_PER_PF_DAY;
}

/** @example flopFromPfDays(3640) // 3.145e23 */
export function flopFromPfDays(days: number): number {
  return days * FLOP_PER_PF_DAY;
}

/**
 * Wall-clock days: flop ÷ (chips × peak × utilization) ÷ 86,400.
 * @example trainDays(3.15e23, 1024, 312e12, 0.3) // ≈ 38 (GPT-3 on 1,024 A100s)
 */
export function trainDays(flop: number, chips: number, peakFlopsPerChip: number, utilization: number = DEFAULT_UTILIZATION): number {
  return flop / (chips * peakFlopsPerChip * utilization) / SECONDS_PER_DAY;
}

/** Chips to finish in `days` (not rounded: ROUNDUP it for a purchase count). */
export function chipsNeeded(flop: number, days: number, peakFlopsPerChip: number, utilization: number = DEFAULT_UTILIZATION): number {
  return flop / (days * SECONDS_PER_DAY * peakFlopsPerChip * utilization);
}

export function chipHours(flop: number, peakFlopsPerChip: number, utilization: number = DEFAULT_UTILIZATION): number {
  return flop / (peakFlopsPerChip * utilization) / SECONDS_PER_HOUR;
}

export function trainCost(flop: number, peakFlopsPerChip: number, pricePerChipHour: number, utilization: number = DEFAULT_UTILIZATION): number {
  return chipHours(flop, peakFlopsPerChip, utilization) * pricePerChipHour;
}

/** Compute-optimal training tokens (Chinchilla): params × tokens_per_param. */
export function chinchillaTokens(params: number, tokensPerParam: number = CHINCHILLA_TOKENS_PER_PARAM): number {
  return params * tokensPerParam;
}

/** Compute-optimal parameters for a budget: √(flop ÷ (6 × tokens_per_param)). */
export function optimalParams(flop: number, tokensPerParam: number = CHINCHILLA_TOKENS_PER_PARAM): number {
  return Math.sqrt(flop / (TRAIN_FLOP_PER_PARAM_TOKEN * tokensPerParam));
}

/** Growth factor after `months` at a doubling time: 2^(months ÷ doubling). */
export function computeGrowth(months: number, doublingMonths: number = OPENAI_DOUBLING_MONTHS): number {
  return Math.pow(2, months / doublingMonths);
}

/** Months per doubling given a growth factor over a period; negative for a factor below 1 (a halving time). */
export function doublingTime(growthFactor: number, months: number): number {
  return months / Math.log2(growthFactor);
}

export const TRAINFLOPS = defineFunction({
  id: "TRAINFLOPS",
  params: [nonNegative("params"), nonNegative("tokens"), { name: "flops_per_param_token", kind: "number", default: TRAIN_FLOP_PER_PARAM_TOKEN, above: 0 }],
  returns: "number",
  impl: trainFlops,
});

export const INFERFLOPS = defineFunction({
  id: "INFERFLOPS",
  params: [nonNegative("params"), nonNegative("tokens"), { name: "flops_per_param_token", kind: "number", default: INFER_FLOP_PER_PARAM_TOKEN, above: 0 }],
  returns: "number",
  impl: inferFlops,
});

export const PFDAYS = defineFunction({ id: "PFDAYS", params: [nonNegative("flop")], returns: "number", impl: pfDays });

export const FLOPFROMPFDAYS = defineFunction({ id: "FLOPFROMPFDAYS", params: [nonNegative("pf_days")], returns: "number", impl: flopFromPfDays });

export const TRAINDAYS = defineFunction({
  id: "TRAINDAYS",
  params: [nonNegative("flop"), positive("chips"), positive("peak_flops_per_chip"), UTILIZATION],
  returns: "number",
  impl: trainDays,
});

export const CHIPSNEEDED = defineFunction({
  id: "CHIPSNEEDED",
  params: [nonNegative("flop"), positive("days"), positive("peak_flops_per_chip"), UTILIZATION],
  returns: "number",
  impl: chipsNeeded,
});

export const CHIPHOURS = defineFunction({
  id: "CHIPHOURS",
  params: [nonNegative("flop"), positive("peak_flops_per_chip"), UTILIZATION],
  returns: "number",
  impl: chipHours,
});

export const TRAINCOST = defineFunction({
  id: "TRAINCOST",
  params: [nonNegative("flop"), positive("peak_flops_per_chip"), nonNegative("price_per_chip_hour"), UTILIZATION],
  returns: "number",
  impl: trainCost,
});

export const CHINCHILLATOKENS = defineFunction({
  id: "CHINCHILLATOKENS",
  params: [nonNegative("params"), { name: "tokens_per_param", kind: "number", default: CHINCHILLA_TOKENS_PER_PARAM, above: 0 }],
  returns: "number",
  impl: chinchillaTokens,
});

export const OPTIMALPARAMS = defineFunction({
  id: "OPTIMALPARAMS",
  params: [nonNegative("flop"), { name: "tokens_per_param", kind: "number", default: CHINCHILLA_TOKENS_PER_PARAM, above: 0 }],
  returns: "number",
  impl: optimalParams,
});

export const COMPUTEGROWTH = defineFunction({
  id: "COMPUTEGROWTH",
  params: [
    { name: "months", kind: "number" },
    { name: "doubling_months", kind: "number", default: OPENAI_DOUBLING_MONTHS, above: 0 },
  ],
  returns: "number",
  impl: computeGrowth,
});

export const DOUBLINGTIME = defineFunction({
  id: "DOUBLINGTIME",
  params: [positive("growth_factor"), positive("months")],
  returns: "number",
  impl: (growthFactor: number, months: number) =>
    growthFactor === 1 ? divError("growth_factor 1 means no growth: there is no doubling time") : doublingTime(growthFactor, months),
});
