/**
 * China's intelligent compute, AI server market and AI server workload (the report's
 * section 5, from IDC and Inspur), each figure marked actual or forecast.
 */
import { column, FORMAT, REPORT_CITATION, textColumn } from "../columns";
import type { Dataset } from "../types";

const IDC_2022 = "IDC & 浪潮信息《2022-2023 中国人工智能计算力发展评估报告》";
const IDC_2023 = "IDC & 浪潮信息《2023-2024 中国人工智能计算力发展评估报告》";
const IDC_TRACKER = "IDC, China AI server market tracker, 2022H2";
const IDC_WORKLOAD = "IDC, as cited in Feb 2023";

export const chinaCompute: Dataset = {
  id: "china-compute",
  version: "1.0.0",
  shortTitle: { zh: "中国智能算力", en: "China compute" },
  title: { zh: "中国智能算力与 AI 服务器市场", en: "China: intelligent compute and AI server market" },
  description:
    "China's intelligent compute capacity (EFLOPS, FP16), the AI server market (USD bn) and the " +
    "split of AI server workload between inference and training, from IDC and Inspur as cited " +
    "in the report's section 5, with each figure marked actual, forecast, revised or unconfirmed.",
  source: [{ text: `${IDC_2022}; ${IDC_TRACKER}` }, { text: `${REPORT_CITATION}, 第 5 节` }],
  asOf: "2023-02",
  notes: [
    'status: "actual" = a reported figure; "forecast" = a projection (E years); "revised" = a later restatement of an actual; "unconfirmed" = the year the figure refers to is not confirmed.',
    "Forecasts: intelligent compute 2026E 1,271.4 EFLOPS and CAGR 2021–2026E 52.3%; general-purpose compute CAGR 18.5%; AI server market 2026E USD 12.34bn; and the later revision's 2027E 1,117.4 EFLOPS.",
    "Intelligent compute is in EFLOPS at FP16. The 2021 base of 155.2 EFLOPS is widely quoted but not confirmed here and is left out; it is consistent with the CAGR: (1271.4 / 155.2)^(1/5) − 1 = 52.3%.",
    "The later IDC & Inspur assessment (2023-2024) restated 2022 to 259.9 EFLOPS and forecast 1,117.4 EFLOPS for 2027; both rows are kept, marked revised and forecast, with their own source.",
    "Workload split (57.6% inference, 42.4% training) is IDC's, cited in Feb 2023; the year it refers to is not confirmed, so year is blank and status is unconfirmed.",
    "The AI server market figures come from two IDC releases and do not chain: 2022's USD 6.7bn at +24% implies a 2021 base of about USD 5.40bn in IDC's 2022H2 tracker, against USD 5.92bn (+68.2%) in the IDC & Inspur assessment. Compare growth within one source.",
    "CAGR and share values are decimals (0.523 = 52.3%); the unit column says what each value is.",
  ],
  columns: [
    textColumn("metric", "指标代码", "Metric key"),
    textColumn("metric_zh", "指标", "Metric (Chinese)"),
    textColumn("metric_en", "指标 (英文)", "Metric"),
    textColumn("period", "期间", "Period", "As the source gives it; E = estimate"),
    column("year", "年份", "Year", "integer", "", "0", "The year the figure refers to (the end year of a CAGR)"),
    column("value", "数值", "Value", "number", "see unit", FORMAT.general),
    textColumn("unit", "单位", "Unit"),
    column("yoy", "同比增速", "Growth y/y", "percent", "", "0.0%"),
    textColumn("status", "状态", "Status", "actual, forecast, revised or unconfirmed"),
    textColumn("source", "来源", "Source"),
  ],
  rows: [
    ["intelligent_compute", "中国智能算力规模", "China intelligent compute", "2022", 2022, 268.0, "EFLOPS (FP16)", null, "actual", IDC_2022],
    ["intelligent_compute", "中国智能算力规模", "China intelligent compute", "2026E", 2026, 1271.4, "EFLOPS (FP16)", null, "forecast", IDC_2022],
    ["intelligent_compute_cagr", "智能算力年复合增长率", "Intelligent compute CAGR", "2021-2026E", 2026, 0.523, "CAGR (decimal)", null, "forecast", IDC_2022],
    ["general_compute_cagr", "通用算力年复合增长率", "General-purpose compute CAGR", "2021-2026E", 2026, 0.185, "CAGR (decimal)", null, "forecast", IDC_2022],
    ["intelligent_compute", "中国智能算力规模", "China intelligent compute", "2022", 2022, 259.9, "EFLOPS (FP16)", null, "revised", IDC_2023],
    ["intelligent_compute", "中国智能算力规模", "China intelligent compute", "2027E", 2027, 1117.4, "EFLOPS (FP16)", null, "forecast", IDC_2023],
    ["ai_server_market", "中国 AI 服务器市场规模", "China AI server market", "2021", 2021, 5.92, "USD bn", 0.682, "actual", IDC_2022],
    ["ai_server_market", "中国 AI 服务器市场规模", "China AI server market", "2022", 2022, 6.7, "USD bn", 0.24, "actual", IDC_TRACKER],
    ["ai_server_market", "中国 AI 服务器市场规模", "China AI server market", "2026E", 2026, 12.34, "USD bn", null, "forecast", IDC_2022],
    [
      "ai_server_workload_inference",
      "AI 服务器工作负载: 推理",
      "AI server workload: inference",
      "year unconfirmed",
      null,
      0.576,
      "share (decimal)",
      null,
      "unconfirmed",
      IDC_WORKLOAD,
    ],
    [
      "ai_server_workload_training",
      "AI 服务器工作负载: 训练",
      "AI server workload: training",
      "year unconfirmed",
      null,
      0.424,
      "share (decimal)",
      null,
      "unconfirmed",
      IDC_WORKLOAD,
    ],
  ],
};
