/**
 * 图8: the report's comparison of 14 large models (China and abroad), with the PDF
 * extraction's errors corrected, plus training tokens and compute from the papers and Epoch AI.
 */
import { column, FORMAT, REPORT_CITATION, textColumn } from "../columns";
import type { CellValue, Dataset } from "../types";

// The report's note under 图8: "1TB 为 1024GB", so sizes are binary multiples.
const GB = 1024 ** 3;
const TB = 1024 ** 4;
const bytes = (n: number, unit: number): number => Math.round(n * unit);

const EPOCH = "Epoch AI, All ML Systems";

/** One row, named so the table below reads like the report. */
interface ModelRow {
  companyZh: string;
  companyEn: string;
  modelReport: string;
  modelEn: string;
  aliases: string;
  month: string;
  params: number;
  paramsText: string;
  dataText: string | null;
  dataBytes: number | null;
  typeZh: string | null;
  typeEn: string | null;
  tokens: number | null;
  tokensSource: string | null;
  flop: number | null;
  flopSource: string | null;
  flopConfidence: string | null;
}

const MODELS: ModelRow[] = [
  {
    companyZh: "OpenAI", companyEn: "OpenAI", modelReport: "GPT", modelEn: "GPT", aliases: "GPT-1; OpenAI GPT",
    month: "2018-06", params: 117_000_000, paramsText: "1.17 亿", dataText: "约 5GB", dataBytes: bytes(5, GB),
    typeZh: "自然语言模型", typeEn: "Natural language model",
    tokens: null, tokensSource: "Not published (Epoch: ~1B-word BooksCorpus × 100 epochs)",
    flop: 1.7578125e19, flopSource: `${EPOCH} ("GPT-1")`, flopConfidence: "Likely",
  },
  {
    companyZh: "OpenAI", companyEn: "OpenAI", modelReport: "GPT-2", modelEn: "GPT-2", aliases: "GPT-2 (1.5B)",
    month: "2019-02", params: 1_500_000_000, paramsText: "15 亿", dataText: "40GB", dataBytes: bytes(40, GB),
    typeZh: "自然语言模型", typeEn: "Natural language model",
    tokens: null, tokensSource: "Not published (Epoch estimates the 40GB WebText at ~10.7B tokens; epochs unknown)",
    flop: 1.92e21, flopSource: `${EPOCH} ("GPT-2 (1.5B)")`, flopConfidence: "Speculative",
  },
  {
    companyZh: "OpenAI", companyEn: "OpenAI", modelReport: "GPT-3", modelEn: "GPT-3", aliases: "GPT-3 175B; GPT-3 175B (davinci); davinci",
    month: "2020-05", params: 175_000_000_000, paramsText: "1750 亿", dataText: "45TB", dataBytes: bytes(45, TB),
    typeZh: "自然语言模型", typeEn: "Natural language model",
    tokens: 300_000_000_000, tokensSource: "Brown et al. 2020, Table D.1",
    flop: 3.14e23, flopSource: "Brown et al. 2020, Table D.1 (3,640 PF-days)", flopConfidence: "Confident",
  },
  {
    companyZh: "OpenAI", companyEn: "OpenAI", modelReport: "ChatGPT", modelEn: "ChatGPT", aliases: "",
    month: "2022-11", params: 175_000_000_000, paramsText: "1750 亿", dataText: "45TB", dataBytes: bytes(45, TB),
    typeZh: "自然语言模型", typeEn: "Natural language model",
    tokens: null, tokensSource: "Not published by OpenAI",
    flop: null, flopSource: null, flopConfidence: null,
  },
  {
    companyZh: "谷歌", companyEn: "Google", modelReport: "BERT", modelEn: "BERT-Large", aliases: "BERT",
    month: "2018-10", params: 340_000_000, paramsText: "3.4亿", dataText: null, dataBytes: null,
    typeZh: null, typeEn: null,
    tokens: null, tokensSource: "Not in our sources (corpus: 3.3B words)",
    flop: 2.85e20, flopSource: `${EPOCH} ("BERT-Large")`, flopConfidence: "Confident",
  },
  {
    companyZh: "谷歌", companyEn: "Google", modelReport: "Switch Transformer", modelEn: "Switch Transformer", aliases: "Switch; Switch-C",
    month: "2021-03", params: 1_600_000_000_000, paramsText: "1.6 万亿", dataText: null, dataBytes: null,
    typeZh: null, typeEn: null,
    tokens: 576_000_000_000, tokensSource: `${EPOCH} ("Switch"): 2^20 tokens × 550k steps`,
    flop: 8.22e22, flopSource: `${EPOCH} ("Switch"), from Patterson et al. 2021`, flopConfidence: "Confident",
  },
  {
    companyZh: "谷歌", companyEn: "Google", modelReport: "LaMDA", modelEn: "LaMDA", aliases: "",
    month: "2022-01", params: 137_000_000_000, paramsText: "1370 亿", dataText: null, dataBytes: null,
    typeZh: "预训练语言模型", typeEn: "Pre-trained language model",
    tokens: 168_000_000_000, tokensSource: "Hoffmann et al. 2022, Table 1",
    flop: 3.55e23, flopSource: `${EPOCH} ("LaMDA"), hardware method`, flopConfidence: "Confident",
  },
  {
    companyZh: "微软&英伟达", companyEn: "Microsoft & NVIDIA", modelReport: "Megatron-Turing", modelEn: "Megatron-Turing NLG",
    aliases: "MT-NLG; Megatron-Turing NLG 530B; Megatron Turing",
    month: "2021-10", params: 530_000_000_000, paramsText: "5300 亿", dataText: null, dataBytes: null,
    typeZh: "自然语言生成", typeEn: "Natural language generation",
    tokens: 270_000_000_000, tokensSource: `${EPOCH} ("Megatron-Turing NLG 530B"), from the paper`,
    flop: 8.586e23, flopSource: `${EPOCH} ("Megatron-Turing NLG 530B")`, flopConfidence: "Confident",
  },
  {
    companyZh: "百度", companyEn: "Baidu", modelReport: "鹏城-百度·文心", modelEn: "ERNIE 3.0 Titan",
    aliases: "PCL-BAIDU Wenxin; ERNIE Titan; 鹏城百度文心",
    month: "2021-12", params: 260_000_000_000, paramsText: "2600 亿", dataText: null, dataBytes: null,
    typeZh: "NLP 大模型", typeEn: "Large NLP model",
    tokens: 668_000_000_000, tokensSource: `${EPOCH} ("ERNIE 3.0 Titan"): Epoch's assumption`,
    flop: 1.0421e24, flopSource: `${EPOCH} ("ERNIE 3.0 Titan")`, flopConfidence: "Confident",
  },
  {
    companyZh: "阿里", companyEn: "Alibaba", modelReport: "PLUG", modelEn: "PLUG", aliases: "Alibaba PLUG; 阿里 PLUG",
    month: "2021-04", params: 27_000_000_000, paramsText: "270 亿", dataText: "超过 1.1TB", dataBytes: bytes(1.1, TB),
    typeZh: "中文预训练语言模型", typeEn: "Chinese pre-trained language model",
    tokens: null, tokensSource: null,
    flop: 3.6e22, flopSource: "Epoch AI estimate: 128 A100 × 35 days (not in the 2025-06 Epoch snapshot)", flopConfidence: null,
  },
  {
    companyZh: "阿里", companyEn: "Alibaba", modelReport: "达摩院 M6", modelEn: "M6", aliases: "DAMO M6; Alibaba M6; 阿里 M6",
    month: "2021-11", params: 100_000_000_000, paramsText: "1000 亿", dataText: "1.9TB 图像, 292GB 文本", dataBytes: null,
    typeZh: "跨自然语言、图像的多模态 AI 模型", typeEn: "Multimodal AI model across natural language and images",
    tokens: null, tokensSource: null,
    flop: null, flopSource: null, flopConfidence: null,
  },
  {
    companyZh: "浪潮", companyEn: "Inspur", modelReport: "浪潮源 1.0", modelEn: "Yuan 1.0", aliases: "源 1.0; Inspur Yuan 1.0",
    month: "2021-09", params: 245_700_000_000, paramsText: "2457 亿", dataText: "5TB", dataBytes: bytes(5, TB),
    typeZh: "通用 NLP 预训练模型", typeEn: "General-purpose pre-trained NLP model",
    tokens: 180_000_000_000, tokensSource: `${EPOCH} ("Yuan 1.0"), from the paper's Table 2`,
    flop: 3.538e23, flopSource: `${EPOCH} ("Yuan 1.0"), from the paper's Table 9 (4,095 PF-days)`, flopConfidence: "Confident",
  },
  {
    companyZh: "智源", companyEn: "BAAI", modelReport: "悟道 2.0", modelEn: "Wu Dao 2.0", aliases: "WuDao 2.0; Enlightenment 2.0",
    month: "2021-06", params: 1_750_000_000_000, paramsText: "1.75 万亿", dataText: "4.9TB", dataBytes: bytes(4.9, TB),
    typeZh: "双语多模态预训练模型", typeEn: "Bilingual multimodal pre-trained model",
    tokens: 4_900_000_000_000, tokensSource: `${EPOCH} ("Wu Dao 2.0"): assumed from the 4.9TB dataset, one epoch`,
    flop: 1.029e25, flopSource: `${EPOCH} ("Wu Dao 2.0"): assumes 20% of parameters active (MoE)`, flopConfidence: "Speculative",
  },
  {
    companyZh: "华为", companyEn: "Huawei", modelReport: "鹏程·盘古", modelEn: "PanGu-α", aliases: "PanGu-alpha; PanGu alpha; 鹏城·盘古",
    month: "2021-05", params: 200_000_000_000, paramsText: "2000 亿", dataText: "1.1TB", dataBytes: bytes(1.1, TB),
    typeZh: "中文预训练语言模型", typeEn: "Chinese pre-trained language model",
    tokens: 42_600_000_000, tokensSource: `${EPOCH} ("PanGu-α"): the paper's Figure 8, digitised`,
    flop: 5.112e22, flopSource: `${EPOCH} ("PanGu-α")`, flopConfidence: "Likely",
  },
  {
    companyZh: "腾讯", companyEn: "Tencent", modelReport: "神农", modelEn: "ShenNong", aliases: "Tencent ShenNong; 腾讯神农",
    month: "2021-10", params: 1_000_000_000, paramsText: "10 亿", dataText: "数百 GB", dataBytes: null,
    typeZh: "中文预训练语言模型", typeEn: "Chinese pre-trained language model",
    tokens: null, tokensSource: null,
    flop: null, flopSource: null, flopConfidence: null,
  },
];

const toRow = (m: ModelRow): CellValue[] => [
  m.companyZh, m.companyEn, m.modelReport, m.modelEn, m.aliases === "" ? null : m.aliases, m.month,
  m.params, m.paramsText, m.dataText, m.dataBytes, m.typeZh, m.typeEn,
  m.tokens, m.tokensSource, m.flop, m.flopSource, m.flopConfidence,
];

export const llmComparison: Dataset = {
  id: "llm-comparison",
  version: "1.0.0",
  shortTitle: { zh: "国内外大模型对比", en: "LLM comparison" },
  title: { zh: "国内外 AI 大模型对比", en: "Large AI models in China and abroad" },
  description:
    "The report's 图8: 15 large models with company, release month, parameters, pre-training data " +
    "and model type as the report gives them, plus training tokens and training compute (FLOP) " +
    "from the papers and Epoch AI with each figure's source and Epoch's confidence.",
  source: [
    { text: "数据来源: 各公司官网, 财通证券研究所" },
    { text: `${REPORT_CITATION}, 图8` },
    { text: "Epoch AI, \"Data on Notable/All AI Models\" (CC BY 4.0), training compute and tokens", url: "https://epoch.ai/data" },
    { text: "Brown et al. 2020, \"Language Models are Few-Shot Learners\", Table D.1 (GPT-3)", url: "https://arxiv.org/abs/2005.14165" },
    { text: "Hoffmann et al. 2022, \"Training Compute-Optimal Large Language Models\", Table 1 (LaMDA tokens)", url: "https://arxiv.org/abs/2203.15556" },
  ],
  asOf: "2023-02",
  notes: [
    "Company, model, release month, parameters, pre-training data and model type are the report's; training tokens and FLOP are added from the sources named in each row.",
    "PDF extraction fix: company \"0penAl\" (zero, lower-case L) → OpenAI.",
    "PDF extraction fix: \"Lamda\" → LaMDA.",
    "PDF extraction fix: \"鹏城-百度•文\" followed by a garbled glyph line (\"స\") → 鹏城-百度·文心 (ERNIE 3.0 Titan).",
    "PDF extraction fix: 悟道 2.0's parameters \"1.75 万\" lost the 亿: 1.75 万亿 = 1.75e12.",
    "PDF extraction fix: \"Megatron-\" / \"Turing\" and \"Switch\" / \"Transformer\" were split over two lines; joined as Megatron-Turing and Switch Transformer.",
    "PDF extraction fix: the company line \"&英伟达\" continues \"微软\": 微软&英伟达 (Microsoft & NVIDIA).",
    "PDF extraction fix: spaces inside numbers removed (\"4. 9TB\" → 4.9TB, \"1. 1TB\" → 1.1TB); M6's model type was split over two lines (\"…多模\" / \"态 AI 模型\") and is joined.",
    "\"•\" (U+2022) in 鹏程•盘古 is written as the middle dot \"·\" (U+00B7) used in Chinese names.",
    "The report merges the company cell over each company's models; here every row carries its company.",
    "\"-\" and empty cells in the report (pre-training data, model type) are blank here.",
    "ChatGPT's 1750 亿 parameters and 45TB are the report's figures: OpenAI never published ChatGPT's size or training data. Its training tokens and FLOP are left blank (Epoch's GPT-3.5 estimate of 2.578e24 FLOP is Speculative and not the same model).",
    "params is the report's figure. Papers give slightly different counts for some: Switch Transformer 1.571T, PanGu-α 207B, Yuan 1.0 245.73B.",
    "pretrain_data_bytes uses 1TB = 1024GB and 1GB = 1024^3 bytes (the report's note). GPT's \"约 5GB\" is approximate and PLUG's \"超过 1.1TB\" a lower bound. M6's \"1.9TB 图像, 292GB 文本\" is left blank rather than summed: images and text are not comparable with the text-only rows. 神农's \"数百 GB\" cannot be parsed and is blank.",
    "The report's pre-training data sizes are raw data, not tokens (GPT-3: 45TB of raw crawl before filtering, 570GB after).",
    "training_tokens: GPT-3 300B (Brown et al. 2020, Table D.1); LaMDA 168B (Hoffmann et al. 2022, Table 1); Switch 576B, MT-NLG 270B, Yuan 1.0 180B, PanGu-α 42.6B from Epoch. ERNIE 3.0 Titan's 668B and Wu Dao 2.0's 4.9T are Epoch's assumptions, not published counts. GPT, GPT-2 and BERT-Large are blank: only dataset sizes are known, not the tokens seen in training.",
    "training_flop is Epoch AI's estimate (snapshot edited up to 2025-06-20) except GPT-3 (the paper's Table D.1). PLUG's 3.6e22 is Epoch's hardware estimate (128 A100 × 35 days) as recorded in the project's domain facts; PLUG is not in the snapshot, so its confidence is blank.",
    "M6 and 神农: no confirmed tokens or compute; blank. Epoch's \"M6-T\" (1T parameters, 2021-03) is a different Alibaba model and is not used.",
    "Wu Dao 2.0 is a mixture-of-experts model: Epoch's 1.029e25 FLOP assumes 20% of the 1.75T parameters active, and is Speculative.",
    "Release months are the report's. Epoch's publication dates differ for Switch Transformer (2021-01-11), PanGu-α (2021-04-25) and Yuan 1.0 (2021-10-12).",
  ],
  columns: [
    textColumn("company_zh", "公司", "Company (Chinese)"),
    textColumn("company_en", "公司 (英文)", "Company"),
    textColumn("model", "模型", "Model (as in the report)"),
    textColumn("model_en", "模型 (英文)", "Model"),
    textColumn("aliases", "别名", "Aliases", "Other names that find this model, separated by \"; \""),
    column("release_month", "发布时间", "Release month", "month", "", FORMAT.month),
    column("params", "参数 (个)", "Parameters", "params", "parameters", FORMAT.scientific),
    textColumn("params_text", "参数 (原文)", "Parameters (report text)"),
    textColumn("pretrain_data_text", "预训练数据量", "Pre-training data (report text)"),
    column("pretrain_data_bytes", "预训练数据量 (字节)", "Pre-training data (bytes)", "bytes", "bytes", FORMAT.scientific),
    textColumn("model_type_zh", "模型类型", "Model type (Chinese)"),
    textColumn("model_type_en", "模型类型 (英文)", "Model type"),
    column("training_tokens", "训练 token 数", "Training tokens", "number", "tokens", FORMAT.scientific),
    textColumn("tokens_source", "token 数来源", "Tokens source"),
    column("training_flop", "训练算力 (FLOP)", "Training compute (FLOP)", "flop", "FLOP", FORMAT.scientific),
    textColumn("flop_source", "算力来源", "Compute source"),
    textColumn("flop_confidence", "算力置信度", "Compute confidence", "Epoch AI's confidence: Confident, Likely, Speculative"),
  ],
  rows: MODELS.map(toRow),
};
