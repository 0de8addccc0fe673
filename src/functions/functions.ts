/*
 * What Excel calls. Each function is a thin JSDoc-annotated wrapper: the metadata plugin turns
 * the JSDoc into functions.json (names, descriptions, parameters shown by autocomplete) and
 * appends the CustomFunctions.associate calls. The work happens in src/core; parameter names
 * here must equal the parameter names of the core spec (a test checks it).
 * Optional parameters arrive as null when omitted; the runner applies the default. Each
 * wrapper checks its arguments with args() (or nums(), when every parameter is a number) and
 * calls its implementation itself: one call site per function keeps the call monomorphic,
 * which halves the overhead (npm run bench, bench/README.md).
 *
 * Ranges (issue 14): every parameter and every result is declared as a matrix (`number[][]`
 * becomes "dimensionality": "matrix" in functions.json), so Excel passes a range as a 2-D array
 * instead of leaving it to lifting, which Office does not document for custom functions
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options: "Excel will
 * pass a range of cell data as a two-dimensional array"). The cost: Excel then passes every
 * argument as a 2-D array, a single cell as [[v]], and the result must be a 2-D array, which
 * spills (custom-functions-dynamic-arrays); a 1×1 result shows as the single value in its cell.
 * args()/nums() return null when an argument is an array, and spill() broadcasts. A JavaScript
 * caller passing plain numbers (tests, the bench) still takes the scalar fast path and gets a
 * plain number back, hence the casts to the declared type.
 */
import { args, epochIdOf, nums, result, run, runWithEpoch, spill } from "./run";
import * as compute from "../core/compute";
import * as returns from "../core/returns";
import * as textFns from "../core/text";
import * as data from "../data/functions";
import { EPOCH_ACCELERATORS_ID, EPOCH_MODELS_ID } from "../data/ids";
import { FUNCTIONS_MARK_KEY } from "./runtime-mark";

// The diagnostics' "one runtime" check looks for this mark from the task pane (runtime-mark.ts).
(globalThis as Record<string, unknown>)[FUNCTIONS_MARK_KEY] = Date.now();

/**
 * Training compute of a dense transformer in FLOP: params × tokens × flops_per_param_token (≈ 6 N D, Kaplan et al. 2020).
 * @customfunction TRAINFLOPS
 * @param params Model parameters, e.g. 175e9 for GPT-3.
 * @param tokens Training tokens, e.g. 300e9 for GPT-3.
 * @param [flops_per_param_token] FLOP per parameter per token; default 6 (forward + backward pass).
 * @returns Training compute in FLOP.
 */
export function trainflops(params: number[][], tokens: number[][], flops_per_param_token?: number[][]): number[][] {
  const a = nums(compute.TRAINFLOPS, params, tokens, flops_per_param_token);
  if (a === null) return spill(compute.TRAINFLOPS, params, tokens, flops_per_param_token);
  return result(compute.TRAINFLOPS, compute.TRAINFLOPS.impl(a[0], a[1], a[2])) as unknown as number[][];
}

/**
 * Inference compute in FLOP for a number of generated or processed tokens: params × tokens × flops_per_param_token (≈ 2 N per token).
 * @customfunction INFERFLOPS
 * @param params Model parameters, e.g. 175e9.
 * @param tokens Tokens processed, e.g. 1000 for one long answer.
 * @param [flops_per_param_token] FLOP per parameter per token; default 2 (forward pass only).
 * @returns Inference compute in FLOP.
 */
export function inferflops(params: number[][], tokens: number[][], flops_per_param_token?: number[][]): number[][] {
  const a = nums(compute.INFERFLOPS, params, tokens, flops_per_param_token);
  if (a === null) return spill(compute.INFERFLOPS, params, tokens, flops_per_param_token);
  return result(compute.INFERFLOPS, compute.INFERFLOPS.impl(a[0], a[1], a[2])) as unknown as number[][];
}

/**
 * Converts FLOP to petaflop/s-days (1 PF-day = 8.64e19 FLOP, the unit of OpenAI's "AI and Compute" and the GPT-3 paper).
 * @customfunction PFDAYS
 * @param flop Compute in FLOP, e.g. 3.14e23.
 * @returns Compute in petaflop/s-days.
 */
export function pfdays(flop: number[][]): number[][] {
  const a = nums(compute.PFDAYS, flop);
  if (a === null) return spill(compute.PFDAYS, flop);
  return result(compute.PFDAYS, compute.PFDAYS.impl(a[0])) as unknown as number[][];
}

/**
 * Converts petaflop/s-days to FLOP (× 8.64e19).
 * @customfunction FLOPFROMPFDAYS
 * @param pf_days Compute in petaflop/s-days, e.g. 3640.
 * @returns Compute in FLOP.
 */
export function flopfrompfdays(pf_days: number[][]): number[][] {
  const a = nums(compute.FLOPFROMPFDAYS, pf_days);
  if (a === null) return spill(compute.FLOPFROMPFDAYS, pf_days);
  return result(compute.FLOPFROMPFDAYS, compute.FLOPFROMPFDAYS.impl(a[0])) as unknown as number[][];
}

/**
 * Wall-clock days to train: flop ÷ (chips × peak FLOP/s per chip × utilization) ÷ 86,400.
 * @customfunction TRAINDAYS
 * @param flop Training compute in FLOP.
 * @param chips Number of accelerators in the cluster.
 * @param peak_flops_per_chip Peak dense FLOP/s of one chip, e.g. 312e12 for an A100 (BF16).
 * @param [utilization] Share of peak actually achieved, between 0 and 1; default 0.3 (Epoch AI's assumption for LLMs).
 * @returns Days of training.
 */
export function traindays(flop: number[][], chips: number[][], peak_flops_per_chip: number[][], utilization?: number[][]): number[][] {
  const a = nums(compute.TRAINDAYS, flop, chips, peak_flops_per_chip, utilization);
  if (a === null) return spill(compute.TRAINDAYS, flop, chips, peak_flops_per_chip, utilization);
  return result(compute.TRAINDAYS, compute.TRAINDAYS.impl(a[0], a[1], a[2], a[3])) as unknown as number[][];
}

/**
 * Chips needed to finish a training run in a given number of days (not rounded: wrap in ROUNDUP for a purchase count).
 * @customfunction CHIPSNEEDED
 * @param flop Training compute in FLOP.
 * @param days Target wall-clock days.
 * @param peak_flops_per_chip Peak dense FLOP/s of one chip.
 * @param [utilization] Share of peak achieved, between 0 and 1; default 0.3.
 * @returns Number of chips.
 */
export function chipsneeded(flop: number[][], days: number[][], peak_flops_per_chip: number[][], utilization?: number[][]): number[][] {
  const a = nums(compute.CHIPSNEEDED, flop, days, peak_flops_per_chip, utilization);
  if (a === null) return spill(compute.CHIPSNEEDED, flop, days, peak_flops_per_chip, utilization);
  return result(compute.CHIPSNEEDED, compute.CHIPSNEEDED.impl(a[0], a[1], a[2], a[3])) as unknown as number[][];
}

/**
 * Chip-hours of compute: flop ÷ (peak FLOP/s × utilization) ÷ 3,600.
 * @customfunction CHIPHOURS
 * @param flop Compute in FLOP.
 * @param peak_flops_per_chip Peak dense FLOP/s of one chip.
 * @param [utilization] Share of peak achieved, between 0 and 1; default 0.3.
 * @returns Chip-hours.
 */
export function chiphours(flop: number[][], peak_flops_per_chip: number[][], utilization?: number[][]): number[][] {
  const a = nums(compute.CHIPHOURS, flop, peak_flops_per_chip, utilization);
  if (a === null) return spill(compute.CHIPHOURS, flop, peak_flops_per_chip, utilization);
  return result(compute.CHIPHOURS, compute.CHIPHOURS.impl(a[0], a[1], a[2])) as unknown as number[][];
}

/**
 * Cost of a training run: chip-hours × price per chip-hour (in the price's currency).
 * @customfunction TRAINCOST
 * @param flop Training compute in FLOP.
 * @param peak_flops_per_chip Peak dense FLOP/s of one chip.
 * @param price_per_chip_hour Price of one chip for one hour, e.g. 2 (USD).
 * @param [utilization] Share of peak achieved, between 0 and 1; default 0.3.
 * @returns Cost in the currency of the price.
 */
export function traincost(flop: number[][], peak_flops_per_chip: number[][], price_per_chip_hour: number[][], utilization?: number[][]): number[][] {
  const a = nums(compute.TRAINCOST, flop, peak_flops_per_chip, price_per_chip_hour, utilization);
  if (a === null) return spill(compute.TRAINCOST, flop, peak_flops_per_chip, price_per_chip_hour, utilization);
  return result(compute.TRAINCOST, compute.TRAINCOST.impl(a[0], a[1], a[2], a[3])) as unknown as number[][];
}

/**
 * Compute-optimal training tokens for a model size (Chinchilla, Hoffmann et al. 2022): params × tokens_per_param.
 * @customfunction CHINCHILLATOKENS
 * @param params Model parameters.
 * @param [tokens_per_param] Tokens per parameter; default 20.
 * @returns Training tokens.
 */
export function chinchillatokens(params: number[][], tokens_per_param?: number[][]): number[][] {
  const a = nums(compute.CHINCHILLATOKENS, params, tokens_per_param);
  if (a === null) return spill(compute.CHINCHILLATOKENS, params, tokens_per_param);
  return result(compute.CHINCHILLATOKENS, compute.CHINCHILLATOKENS.impl(a[0], a[1])) as unknown as number[][];
}

/**
 * Compute-optimal parameters for a compute budget (Chinchilla): √(flop ÷ (6 × tokens_per_param)).
 * @customfunction OPTIMALPARAMS
 * @param flop Compute budget in FLOP.
 * @param [tokens_per_param] Tokens per parameter; default 20.
 * @returns Model parameters.
 */
export function optimalparams(flop: number[][], tokens_per_param?: number[][]): number[][] {
  const a = nums(compute.OPTIMALPARAMS, flop, tokens_per_param);
  if (a === null) return spill(compute.OPTIMALPARAMS, flop, tokens_per_param);
  return result(compute.OPTIMALPARAMS, compute.OPTIMALPARAMS.impl(a[0], a[1])) as unknown as number[][];
}

/**
 * Growth factor of compute after a number of months at a doubling time: 2^(months ÷ doubling_months).
 * @customfunction COMPUTEGROWTH
 * @param months Elapsed months.
 * @param [doubling_months] Months per doubling; default 3.43 (OpenAI "AI and Compute", as the report quotes it).
 * @returns Growth factor (e.g. 300000 means 300,000×).
 */
export function computegrowth(months: number[][], doubling_months?: number[][]): number[][] {
  const a = nums(compute.COMPUTEGROWTH, months, doubling_months);
  if (a === null) return spill(compute.COMPUTEGROWTH, months, doubling_months);
  return result(compute.COMPUTEGROWTH, compute.COMPUTEGROWTH.impl(a[0], a[1])) as unknown as number[][];
}

/**
 * Months per doubling implied by a growth factor over a period: months ÷ log2(growth_factor). Negative for a factor below 1 (a halving time).
 * @customfunction DOUBLINGTIME
 * @param growth_factor Growth over the period, e.g. 300000.
 * @param months Length of the period in months.
 * @returns Months per doubling.
 */
export function doublingtime(growth_factor: number[][], months: number[][]): number[][] {
  const a = nums(compute.DOUBLINGTIME, growth_factor, months);
  if (a === null) return spill(compute.DOUBLINGTIME, growth_factor, months);
  return result(compute.DOUBLINGTIME, compute.DOUBLINGTIME.impl(a[0], a[1])) as unknown as number[][];
}

/**
 * Return relative to a benchmark, as a decimal. "arithmetic": asset − benchmark (percentage points, as in the report's 图1); "geometric": (1 + asset) ÷ (1 + benchmark) − 1.
 * @customfunction RELRETURN
 * @param asset_return Return of the asset as a decimal, e.g. 0.0047 for 0.47%.
 * @param benchmark_return Return of the benchmark as a decimal.
 * @param [method] "arithmetic" (default) or "geometric".
 * @returns Relative return as a decimal.
 */
export function relreturn(asset_return: number[][], benchmark_return: number[][], method?: string[][]): number[][] {
  const a = args(returns.RELRETURN, asset_return, benchmark_return, method);
  if (a === null) return spill(returns.RELRETURN, asset_return, benchmark_return, method);
  return result(returns.RELRETURN, returns.RELRETURN.impl(a[0], a[1], a[2])) as unknown as number[][];
}

/**
 * Percentage change from a start value to an end value: end ÷ start − 1, as a decimal.
 * @customfunction PCTCHANGE
 * @param start_value Value at the start (greater than 0), e.g. an index level.
 * @param end_value Value at the end.
 * @returns Change as a decimal (0.1841 means +18.41%).
 */
export function pctchange(start_value: number[][], end_value: number[][]): number[][] {
  const a = nums(returns.PCTCHANGE, start_value, end_value);
  if (a === null) return spill(returns.PCTCHANGE, start_value, end_value);
  return result(returns.PCTCHANGE, returns.PCTCHANGE.impl(a[0], a[1])) as unknown as number[][];
}

/**
 * Compound annual growth rate: (end ÷ start)^(1 ÷ years) − 1, as a decimal.
 * @customfunction CAGR
 * @param start_value Value at the start (greater than 0).
 * @param end_value Value at the end (0 or more).
 * @param years Number of years between them (greater than 0).
 * @returns Annual growth rate as a decimal.
 */
export function cagr(start_value: number[][], end_value: number[][], years: number[][]): number[][] {
  const a = nums(returns.CAGR, start_value, end_value, years);
  if (a === null) return spill(returns.CAGR, start_value, end_value, years);
  return result(returns.CAGR, returns.CAGR.impl(a[0], a[1], a[2])) as unknown as number[][];
}

/**
 * Reads a number written as reports write it: "1750 亿" (1.75e11), "1.6 万亿" (1.6e12), "175B", "18. 41%" (0.1841), "−1.35%", "1,024", full-width digits.
 * @customfunction PARSENUM
 * @param text The text to read, e.g. "1750 亿".
 * @returns The number; percentages as decimals.
 */
export function parsenum(text: string[][]): number[][] {
  const a = args(textFns.PARSENUM, text);
  if (a === null) return spill(textFns.PARSENUM, text);
  return result(textFns.PARSENUM, textFns.PARSENUM.impl(a[0])) as unknown as number[][];
}

/**
 * Reads a data size such as "45TB", "292GB" or "1.1 TB" as bytes (the report's note: 1TB = 1024GB).
 * @customfunction PARSEBYTES
 * @param text The size as text, e.g. "45TB".
 * @param [bytes_per_unit_step] 1024 (default, as the report) or 1000 (SI).
 * @returns Size in bytes.
 */
export function parsebytes(text: string[][], bytes_per_unit_step?: number[][]): number[][] {
  const a = args(textFns.PARSEBYTES, text, bytes_per_unit_step);
  if (a === null) return spill(textFns.PARSEBYTES, text, bytes_per_unit_step);
  return result(textFns.PARSEBYTES, textFns.PARSEBYTES.impl(a[0], a[1])) as unknown as number[][];
}

/**
 * A dataset of the catalogue as a table that spills: "llm-comparison", "index-performance", "accelerators", "epoch-models", "epoch-accelerators", … (see AI.DATASETS()).
 * @customfunction DATASET
 * @param id The dataset id, e.g. "llm-comparison".
 * @param [with_header] TRUE (default) to include the header row.
 * @param [language] Header language: "en" (default) or "zh".
 * @returns The dataset's rows; blanks are empty text.
 */
export async function dataset(id: string[][], with_header?: boolean[][], language?: string[][]): Promise<any[][]> {
  // any: text and numbers; the metadata generator refuses a union element type
  // Async because Epoch AI's tables are fetched from the feed on first use; a rejection carries the CustomFunctions.Error.
  return (await runWithEpoch(data.DATASET, epochIdOf(id), id, with_header, language)) as any[][]; // any: as above
}

/**
 * The catalogue of datasets: id, title, version, number of rows and source, one dataset per row.
 * @customfunction DATASETS
 * @param [language] Title language: "en" (default) or "zh".
 * @returns The catalogue as a table that spills.
 */
export function datasets(language?: string[][]): any[][] {
  // any: text and numbers; the metadata generator refuses a union element type
  return run(data.DATASETS, language) as any[][]; // any: as above
}

/**
 * A figure of a large model from the report's comparison table (图8), else from Epoch AI's database: params, tokens, flop, date, company, type, data_bytes, …
 * @customfunction MODEL
 * @param name The model, in English or as the report writes it: "GPT-3", "gpt3", "悟道 2.0", "Wu Dao 2.0".
 * @param [field] The figure: "params" (default), "tokens", "flop", "date", "company", …
 * @returns The figure (a number, or text for names and dates).
 */
export function model(name: string[][], field?: string[][]): any[][] {
  // any: numbers and text; the metadata generator refuses a union element type. A Promise of the result when Epoch's table must be fetched (Excel awaits whatever a function returns).
  return runWithEpoch(data.MODEL, EPOCH_MODELS_ID, name, field) as any[][]; // any: as above
}

/**
 * A figure of an AI accelerator: bf16 (dense 16-bit tensor FLOP/s, default), fp32, memory_gb, year, vendor, … from the datasheet table (accelerators), else Epoch AI's hardware database (which also has fp8, int8, bandwidth, tdp).
 * @customfunction CHIP
 * @param name The chip: "H100", "MI325X", "TPU v5p", "NVIDIA A100", "昇腾910C", or a name in Epoch's table such as "Gaudi 2".
 * @param [field] The figure: "bf16" (default), "fp16", "fp32", "memory_gb", "year", "vendor", "fp8", "bandwidth", "tdp", …
 * @returns The figure (FLOP/s for bf16, fp16 and fp32).
 */
export function chip(name: string[][], field?: string[][]): any[][] {
  // any: numbers and text (vendor); the metadata generator refuses a union element type. A Promise of the result when Epoch's table must be fetched.
  // The curated table answers first and synchronously; only a name or field it lacks waits for epoch-accelerators.
  return runWithEpoch(data.CHIP, EPOCH_ACCELERATORS_ID, name, field) as any[][]; // any: as above
}
