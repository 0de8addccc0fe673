/**
 * OpenAI's "AI and Compute" (2018) milestones, the basis of the report's claim that training
 * compute doubled every 3.43 months from 2012 and grew 300,000× by 2018.
 */
import { column, FORMAT, textColumn } from "../columns";
import type { CellValue, Dataset } from "../types";

/** 1 petaflop/s-day = 10^15 FLOP/s × 86,400 s (Brown et al. 2020, Table D.1). */
export const PF_DAY_FLOP = 8.64e19;

const POST = 'OpenAI, "AI and Compute" (2018)';
const THIRD_PARTY = "Third-party copy of the post's chart data (unconfirmed)";

// [system, year of publication, PF-days, confidence, source]
const MILESTONES: [string, number, number, string, string][] = [
  ["AlexNet", 2012, 0.0058, "published", POST],
  ["Seq2Seq", 2014, 0.085, "published", POST],
  ["VGG", 2014, 0.098, "published", POST],
  ["DeepSpeech2", 2015, 0.3, "published", POST],
  ["Xception", 2016, 5.0, "published", POST],
  ["Neural Architecture Search", 2016, 22, "published", POST],
  ["GNMT", 2016, 79, "published", POST],
  ["Transformer", 2017, 0.089, "published", POST],
  ["AlphaGo Zero", 2017, 1860, "unconfirmed", THIRD_PARTY],
];

const toRow = ([system, year, pfDays, confidence, source]: (typeof MILESTONES)[number]): CellValue[] => [
  system,
  year,
  pfDays,
  // 12 significant digits: the inputs have at most 3, and this drops binary noise
  // (0.0058 × 8.64e19 would otherwise be 501119999999999940).
  Number((pfDays * PF_DAY_FLOP).toPrecision(12)),
  confidence,
  source,
];

export const aiComputeTrend: Dataset = {
  id: "ai-compute-trend",
  version: "1.0.0",
  shortTitle: { zh: "AI 训练算力增长", en: "AI compute trend" },
  title: { zh: 'AI 训练算力增长 (OpenAI "AI and Compute")', en: 'AI training compute over time (OpenAI, "AI and Compute")' },
  description:
    "Training compute of milestone AI systems in petaflop/s-days and FLOP, from OpenAI's " +
    '"AI and Compute" (2018): compute used in the largest training runs doubled every 3.4 ' +
    "months from 2012 (the report quotes 3.43), a growth of more than 300,000× (a two-year " +
    "doubling would give about 7×).",
  source: [
    { text: POST, url: "https://openai.com/research/ai-and-compute" },
    {
      text: "根据 OpenAI, 从 2012 年开始, AI 训练所用的计算量呈现指数增长, 平均每 3.43 个月便会翻倍, 至 2018 年 AI 计算量扩大了 30 万倍 (财通证券研究所, 4.1)",
    },
  ],
  asOf: "2018-05",
  notes: [
    "Doubling time: 3.4 months in OpenAI's post; the report quotes 3.43 months. Growth since 2012: more than 300,000× (the report: 30 万倍); Moore's-law two-year doubling would give about 7× over the same period.",
    "flop = pf_days × 8.64e19 (1 petaflop/s-day = 10^15 FLOP/s × 86,400 s).",
    "OpenAI's figures assume 33% utilisation for GPUs where they estimated compute from hardware and training time.",
    "AlphaGo Zero's ≈1,860 PF-days comes from a third-party copy of the post's chart data and is unconfirmed. Epoch AI estimates AlphaGo Zero at 3.41e23 FLOP (≈3,947 PF-days).",
    "year is the year the system was published, not part of the post's data.",
  ],
  columns: [
    textColumn("system", "模型", "System"),
    column("year", "年份", "Year", "integer", "", "0"),
    column("pf_days", "算力 (PF-days)", "Compute (PF-days)", "number", "PF-days", "#,##0.0###"),
    column("flop", "算力 (FLOP)", "Compute (FLOP)", "flop", "FLOP", FORMAT.scientific),
    textColumn("confidence", "可信度", "Confidence", '"published": in the post; "unconfirmed": see notes'),
    textColumn("source", "来源", "Source"),
  ],
  rows: MILESTONES.map(toRow),
};
