/**
 * The analyst model templates as the task pane lists them: id, titles, descriptions and the
 * datasets a template needs. Light on purpose: the pane shows this list at once and loads the
 * builders (index.ts) only when the analyst builds a model.
 */
import type { LocalizedText } from "../../data/types";
import { EPOCH_MODELS_ID } from "../../data/ids";

export interface ModelTemplateInfo {
  /** Stable id (kebab-case). */
  id: string;
  title: LocalizedText;
  /** One sentence for the pane. */
  description: LocalizedText;
  /** Dataset ids to load before building (only epoch-models today). */
  requires: readonly string[];
}

export const TRAINING_COMPUTE_ID = "training-compute";
export const TRAINING_COMPUTE_TITLE: LocalizedText = { zh: "大模型训练算力测算", en: "Training compute" };
export const INFERENCE_DEMAND_ID = "inference-demand";
export const INFERENCE_DEMAND_TITLE: LocalizedText = { zh: "推理算力需求测算", en: "Inference demand" };
export const CHINA_BALANCE_ID = "china-compute-balance";
export const CHINA_BALANCE_TITLE: LocalizedText = { zh: "中国智能算力供需测算", en: "China compute balance" };
export const RELATIVE_PERFORMANCE_ID = "relative-performance";
export const RELATIVE_PERFORMANCE_TITLE: LocalizedText = { zh: "指数相对涨跌幅跟踪", en: "Relative performance" };
export const COMPUTE_TREND_ID = "compute-trend";
export const COMPUTE_TREND_TITLE: LocalizedText = { zh: "训练算力增长趋势", en: "Compute trend" };

/** In the order the pane lists them. */
export const MODEL_CATALOG: readonly ModelTemplateInfo[] = Object.freeze([
  {
    id: TRAINING_COMPUTE_ID,
    title: TRAINING_COMPUTE_TITLE,
    description: {
      zh: "逐模型 (报告图8) 测算训练算力、PF-days、训练天数、芯片小时与成本; 芯片可下拉选择。",
      en: "Per model of the report's 图8: training FLOP, PF-days, days to train, chip-hours and cost, with a chip drop-down.",
    },
    requires: [],
  },
  {
    id: INFERENCE_DEMAND_ID,
    title: INFERENCE_DEMAND_TITLE,
    description: {
      zh: "类 ChatGPT 服务: 用户 × 提问 × token → 日推理算力 → 峰值芯片与服务器 → 资本开支 (2023 年初数据为默认值)。",
      en: "A ChatGPT-like service: users × queries × tokens → inference FLOP per day → chips and servers at peak → capex (early-2023 defaults).",
    },
    requires: [],
  },
  {
    id: CHINA_BALANCE_ID,
    title: CHINA_BALANCE_TITLE,
    description: {
      zh: "IDC 中国智能算力 (EFLOPS) 与 N 次 GPT-3 级训练及推理需求对比, 逐年覆盖倍数。",
      en: "IDC's China intelligent compute (EFLOPS) against N GPT-3-class training runs plus inference demand: coverage by year.",
    },
    requires: [],
  },
  {
    id: RELATIVE_PERFORMANCE_ID,
    title: RELATIVE_PERFORMANCE_TITLE,
    description: {
      zh: "粘贴指数点位, 选择基准与起止日期 → 区间涨跌幅、相对基准涨跌幅与排名 (版式同报告图1)。",
      en: "Paste index levels, pick a benchmark and dates → period returns, returns relative to the benchmark and ranks (laid out like 图1).",
    },
    requires: [],
  },
  {
    id: COMPUTE_TREND_ID,
    title: COMPUTE_TREND_TITLE,
    description: {
      zh: "Epoch AI 模型库训练算力的对数线性拟合 (可选年份与领域) → 翻倍时间, 对比 OpenAI 3.4 个月与摩尔定律 24 个月。",
      en: "Log-linear fit of training compute over Epoch AI's models (years and domain on the sheet) → doubling time vs OpenAI's 3.4 months and Moore's 24.",
    },
    requires: [EPOCH_MODELS_ID],
  },
]);
