/**
 * The analyst model templates: the catalogue entries (catalog.ts) with their builders. Each
 * builds a ModelSheetPlan (a SheetPlan onto a new sheet) for a language and a mode; an entry
 * that needs a dataset beyond the bundled ones names it in `requires`, and the pane loads it
 * first (epoch-models: loadEpochModels()).
 */
import type { Dataset } from "../../data/types";
import type { ModelOptions, ModelSheetPlan } from "./common";
import {
  MODEL_CATALOG,
  CHINA_BALANCE_ID,
  COMPUTE_TREND_ID,
  INFERENCE_DEMAND_ID,
  RELATIVE_PERFORMANCE_ID,
  TRAINING_COMPUTE_ID,
  type ModelTemplateInfo,
} from "./catalog";
import { buildChinaBalance } from "./china-compute-balance";
import { buildComputeTrend } from "./compute-trend";
import { buildInferenceDemand } from "./inference-demand";
import { buildRelativePerformance } from "./relative-performance";
import { buildTrainingCompute } from "./training-compute";

export type { ModelLanguage, ModelMode, ModelOptions, ModelSheetPlan, ModelInput, ModelOutput, ModelPlanInfo } from "./common";
export type { ModelTemplateInfo } from "./catalog";

/** Datasets a template may need that are not bundled with the pane. */
export interface TemplateData {
  epochModels?: Dataset;
}

export interface ModelTemplate extends ModelTemplateInfo {
  /** Builds the plan; throws when a required dataset is missing from `data`. */
  build(options: ModelOptions, data?: TemplateData): ModelSheetPlan;
}

const BUILDERS: Readonly<Record<string, ModelTemplate["build"]>> = {
  [TRAINING_COMPUTE_ID]: (options) => buildTrainingCompute(options),
  [INFERENCE_DEMAND_ID]: (options) => buildInferenceDemand(options),
  [CHINA_BALANCE_ID]: (options) => buildChinaBalance(options),
  [RELATIVE_PERFORMANCE_ID]: (options) => buildRelativePerformance(options),
  [COMPUTE_TREND_ID]: (options, data) => {
    if (!data?.epochModels) throw new Error("compute-trend needs the epoch-models dataset: load it with loadEpochModels() first");
    return buildComputeTrend({ ...options, epochModels: data.epochModels });
  },
};

export const MODEL_TEMPLATES: readonly ModelTemplate[] = Object.freeze(
  MODEL_CATALOG.map((info) => {
    const build = BUILDERS[info.id];
    if (!build) throw new Error(`model template ${info.id} has no builder`);
    return { ...info, build };
  })
);

export const MODEL_TEMPLATE_IDS: readonly string[] = Object.freeze(MODEL_TEMPLATES.map((m) => m.id));

/** A template by id, or undefined. Example: `getModelTemplate("training-compute")?.build({ language: "zh", mode: "ai" })`. */
export function getModelTemplate(id: string): ModelTemplate | undefined {
  return MODEL_TEMPLATES.find((m) => m.id === id);
}

export { buildTrainingCompute, buildInferenceDemand, buildChinaBalance, buildRelativePerformance, buildComputeTrend };
