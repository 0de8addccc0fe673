/**
 * The analyst model templates: the one list the task pane shows and builds from. Each entry
 * builds a ModelSheetPlan (a SheetPlan onto a new sheet) for a language and a mode; an entry
 * that needs a dataset beyond the bundled ones names it in `requires`, and the pane loads it
 * first (epoch-models: loadEpochModels()).
 */
import type { Dataset, LocalizedText } from "../../data/types";
import { EPOCH_MODELS_ID } from "../../data/ids";
import type { ModelOptions, ModelSheetPlan } from "./common";
import { buildChinaBalance, CHINA_BALANCE_ID, CHINA_BALANCE_TITLE } from "./china-compute-balance";
import { buildComputeTrend, COMPUTE_TREND_ID, COMPUTE_TREND_TITLE } from "./compute-trend";
import { buildInferenceDemand, INFERENCE_DEMAND_ID, INFERENCE_DEMAND_TITLE } from "./inference-demand";
import { buildRelativePerformance, RELATIVE_PERFORMANCE_ID, RELATIVE_PERFORMANCE_TITLE } from "./relative-performance";
import { buildTrainingCompute, TRAINING_COMPUTE_ID, TRAINING_COMPUTE_TITLE } from "./training-compute";

export type { ModelLanguage, ModelMode, ModelOptions, ModelSheetPlan, ModelInput, ModelOutput, ModelPlanInfo } from "./common";

/** Datasets a template may need that are not bundled with the pane. */
export interface TemplateData {
  epochModels?: Dataset;
}

export interface ModelTemplate {
  /** Stable id (kebab-case). */
  id: string;
  title: LocalizedText;
  /** One sentence for the pane. */
  description: LocalizedText;
  /** Dataset ids to load before build() (only epoch-models today). */
  requires: readonly string[];
  /** Builds the plan; throws when a required dataset is missing from `data`. */
  build(options: ModelOptions, data?: TemplateData): ModelSheetPlan;
}

export const MODEL_TEMPLATES: readonly ModelTemplate[] = Object.freeze([
  {
    id: TRAINING_COMPUTE_ID,
    title: TRAINING_COMPUTE_TITLE,
    description: {
      zh: "逐模型 (报告图8) 测算训练算力、PF-days、训练天数、芯片小时与成本; 芯片可下拉选择。",
      en: "Per model of the report's 图8: training FLOP, PF-days, days to train, chip-hours and cost, with a chip drop-down.",
    },
    requires: [],
    build: (options) => buildTrainingCompute(options),
  },
  {
    id: INFERENCE_DEMAND_ID,
    title: INFERENCE_DEMAND_TITLE,
    description: {
      zh: "类 ChatGPT 服务: 用户 × 提问 × token → 日推理算力 → 峰值芯片与服务器 → 资本开支 (2023 年初数据为默认值)。",
      en: "A ChatGPT-like service: users × queries × tokens → inference FLOP per day → chips and servers at peak → capex (early-2023 defaults).",
    },
    requires: [],
    build: (options) => buildInferenceDemand(options),
  },
  {
    id: CHINA_BALANCE_ID,
    title: CHINA_BALANCE_TITLE,
    description: {
      zh: "IDC 中国智能算力 (EFLOPS) 与 N 次 GPT-3 级训练及推理需求对比, 逐年覆盖倍数。",
      en: "IDC's China intelligent compute (EFLOPS) against N GPT-3-class training runs plus inference demand: coverage by year.",
    },
    requires: [],
    build: (options) => buildChinaBalance(options),
  },
  {
    id: RELATIVE_PERFORMANCE_ID,
    title: RELATIVE_PERFORMANCE_TITLE,
    description: {
      zh: "粘贴指数点位, 选择基准与起止日期 → 区间涨跌幅、相对基准涨跌幅与排名 (版式同报告图1)。",
      en: "Paste index levels, pick a benchmark and dates → period returns, returns relative to the benchmark and ranks (laid out like 图1).",
    },
    requires: [],
    build: (options) => buildRelativePerformance(options),
  },
  {
    id: COMPUTE_TREND_ID,
    title: COMPUTE_TREND_TITLE,
    description: {
      zh: "Epoch AI 模型库训练算力的对数线性拟合 (可选年份与领域) → 翻倍时间, 对比 OpenAI 3.4 个月与摩尔定律 24 个月。",
      en: "Log-linear fit of training compute over Epoch AI's models (years and domain on the sheet) → doubling time vs OpenAI's 3.4 months and Moore's 24.",
    },
    requires: [EPOCH_MODELS_ID],
    build: (options, data) => {
      if (!data?.epochModels) throw new Error("compute-trend needs the epoch-models dataset: load it with loadEpochModels() first");
      return buildComputeTrend({ ...options, epochModels: data.epochModels });
    },
  },
]);

export const MODEL_TEMPLATE_IDS: readonly string[] = Object.freeze(MODEL_TEMPLATES.map((m) => m.id));

/** A template by id, or undefined. Example: `getModelTemplate("training-compute")?.build({ language: "zh", mode: "ai" })`. */
export function getModelTemplate(id: string): ModelTemplate | undefined {
  return MODEL_TEMPLATES.find((m) => m.id === id);
}

export { buildTrainingCompute, buildInferenceDemand, buildChinaBalance, buildRelativePerformance, buildComputeTrend };
