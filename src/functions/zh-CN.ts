/**
 * The one translation table for the functions' metadata in Chinese (zh-CN). The build writes
 * functions.zh-CN.json from functions.json and this table; the manifest declares it with a
 * bt:Override Locale="zh-CN". Function and parameter names stay in English so that a workbook
 * moves between Chinese and English Excel unchanged (and the report's analysts type them as is).
 */
export interface FunctionTranslation {
  description: string;
  result?: string;
  params: Record<string, string>;
}

const UTIL = "实际达到的峰值算力比例,0 到 1 之间;默认 0.3(Epoch AI 对大语言模型的假设)。";
const PEAK = "单颗芯片的峰值稠密算力(FLOP/s),如 A100 的 BF16 为 312e12。";

export const ZH_CN: Readonly<Record<string, FunctionTranslation>> = {
  TRAINFLOPS: {
    description: "稠密 Transformer 的训练算力(FLOP):参数量 × 训练 token 数 × 每参数每 token 的 FLOP(约 6ND,Kaplan 等 2020)。",
    result: "训练算力(FLOP)。",
    params: {
      params: "模型参数量,如 GPT-3 为 175e9。",
      tokens: "训练 token 数,如 GPT-3 为 300e9。",
      flops_per_param_token: "每参数每 token 的 FLOP;默认 6(前向加反向传播)。",
    },
  },
  INFERFLOPS: {
    description: "处理或生成一定数量 token 的推理算力(FLOP):参数量 × token 数 × 每参数每 token 的 FLOP(每 token 约 2N)。",
    result: "推理算力(FLOP)。",
    params: {
      params: "模型参数量,如 175e9。",
      tokens: "处理的 token 数,如一次长回答为 1000。",
      flops_per_param_token: "每参数每 token 的 FLOP;默认 2(仅前向传播)。",
    },
  },
  PFDAYS: {
    description: "将 FLOP 换算为 PF-days(1 PF-day = 8.64e19 FLOP,OpenAI《AI and Compute》与 GPT-3 论文使用的单位)。",
    result: "算力(PF-days)。",
    params: { flop: "算力(FLOP),如 3.14e23。" },
  },
  FLOPFROMPFDAYS: {
    description: "将 PF-days 换算为 FLOP(× 8.64e19)。",
    result: "算力(FLOP)。",
    params: { pf_days: "算力(PF-days),如 3640。" },
  },
  TRAINDAYS: {
    description: "训练所需天数:FLOP ÷(芯片数 × 单芯片峰值 FLOP/s × 利用率)÷ 86,400。",
    result: "训练天数。",
    params: { flop: "训练算力(FLOP)。", chips: "集群中的加速卡数量。", peak_flops_per_chip: PEAK, utilization: UTIL },
  },
  CHIPSNEEDED: {
    description: "在给定天数内完成训练所需的芯片数(不取整:采购数量请用 ROUNDUP)。",
    result: "芯片数量。",
    params: { flop: "训练算力(FLOP)。", days: "目标训练天数。", peak_flops_per_chip: PEAK, utilization: UTIL },
  },
  CHIPHOURS: {
    description: "所需芯片小时数:FLOP ÷(峰值 FLOP/s × 利用率)÷ 3,600。",
    result: "芯片小时。",
    params: { flop: "算力(FLOP)。", peak_flops_per_chip: PEAK, utilization: UTIL },
  },
  TRAINCOST: {
    description: "训练成本:芯片小时 × 每芯片小时价格(币种同价格)。",
    result: "成本(价格的币种)。",
    params: {
      flop: "训练算力(FLOP)。",
      peak_flops_per_chip: PEAK,
      price_per_chip_hour: "一颗芯片一小时的价格,如 2(美元)。",
      utilization: UTIL,
    },
  },
  CHINCHILLATOKENS: {
    description: "给定模型规模的算力最优训练 token 数(Chinchilla,Hoffmann 等 2022):参数量 × 每参数 token 数。",
    result: "训练 token 数。",
    params: { params: "模型参数量。", tokens_per_param: "每参数 token 数;默认 20。" },
  },
  OPTIMALPARAMS: {
    description: "给定算力预算的算力最优参数量(Chinchilla):√(FLOP ÷(6 × 每参数 token 数))。",
    result: "模型参数量。",
    params: { flop: "算力预算(FLOP)。", tokens_per_param: "每参数 token 数;默认 20。" },
  },
  COMPUTEGROWTH: {
    description: "按翻倍周期计算若干月后的算力增长倍数:2^(月数 ÷ 翻倍月数)。",
    result: "增长倍数(300000 即 30 万倍)。",
    params: { months: "经过的月数。", doubling_months: "每次翻倍的月数;默认 3.43(报告引用的 OpenAI《AI and Compute》)。" },
  },
  DOUBLINGTIME: {
    description: "由一段时间内的增长倍数推算翻倍周期(月):月数 ÷ log2(增长倍数)。倍数小于 1 时为负(减半周期)。",
    result: "每次翻倍的月数。",
    params: { growth_factor: "期间增长倍数,如 300000。", months: "期间长度(月)。" },
  },
  RELRETURN: {
    description: "相对基准的收益率(小数)。arithmetic:资产 − 基准(百分点,同报告图 1);geometric:(1 + 资产)÷(1 + 基准)− 1。",
    result: "相对收益率(小数)。",
    params: {
      asset_return: "资产收益率(小数),如 0.47% 写作 0.0047。",
      benchmark_return: "基准收益率(小数)。",
      method: '"arithmetic"(默认,算术差)或 "geometric"(几何)。',
    },
  },
  PCTCHANGE: {
    description: "从起始值到期末值的涨跌幅:期末 ÷ 起始 − 1(小数)。",
    result: "涨跌幅(小数,0.1841 即 +18.41%)。",
    params: { start_value: "起始值(大于 0),如指数点位。", end_value: "期末值。" },
  },
  CAGR: {
    description: "年均复合增长率:(期末 ÷ 起始)^(1 ÷ 年数)− 1(小数)。",
    result: "年均增长率(小数)。",
    params: { start_value: "起始值(大于 0)。", end_value: "期末值(不小于 0)。", years: "间隔年数(大于 0)。" },
  },
  PARSENUM: {
    description: '按研报写法读取数字:"1750 亿"(1.75e11)、"1.6 万亿"(1.6e12)、"175B"、"18. 41%"(0.1841)、"−1.35%"、"1,024"、全角数字。',
    result: "数字;百分数转为小数。",
    params: { text: "要读取的文本(数字原样返回)。" },
  },
  PARSEBYTES: {
    description: '将 "45TB"、"292GB"、"1.1 TB" 等数据量读为字节数(按报告注释 1TB = 1024GB)。',
    result: "字节数。",
    params: { text: '数据量文本,如 "45TB"。', bytes_per_unit_step: "1024(默认,同报告)或 1000(SI)。" },
  },
  DATASET: {
    description:
      '以可溢出的动态数组返回数据目录中的一个数据集:"llm-comparison"、"index-performance"、"accelerators"、"epoch-models"、"epoch-accelerators" 等(见 AI.DATASETS())。',
    result: "数据集各行;空白为空文本。",
    params: { id: '数据集代码,如 "llm-comparison"。', with_header: "TRUE(默认)包含表头行。", language: '表头语言:"en"(默认)或 "zh"。' },
  },
  DATASETS: {
    description: "数据目录:每个数据集一行,含代码、标题、版本、行数与来源。",
    result: "可溢出的数据目录表。",
    params: { language: '标题语言:"en"(默认)或 "zh"。' },
  },
  MODEL: {
    description: "查询大模型的数据:先查报告的国内外大模型对比(图 8),再查 Epoch AI 数据库:params、tokens、flop、date、company、type、data_bytes 等。",
    result: "数值(名称与日期为文本)。",
    params: { name: '模型名,中英文均可:"GPT-3"、"gpt3"、"悟道 2.0"、"Wu Dao 2.0"。', field: '字段:"params"(默认)、"tokens"、"flop"、"date"、"company" 等。' },
  },
  CHIP: {
    description:
      "查询 AI 加速芯片的规格:bf16(16 位稠密张量算力 FLOP/s,默认)、fp32、memory_gb、year、vendor 等;先查官方规格表(accelerators),再查 Epoch AI 硬件数据库(另有 fp8、int8、bandwidth、tdp)。",
    result: "数值(bf16、fp16、fp32 为 FLOP/s)。",
    params: {
      name: '芯片:"H100"、"MI325X"、"TPU v5p"、"NVIDIA A100"、"昇腾910C",或 Epoch 数据库中的名称如 "Gaudi 2"。',
      field: '字段:"bf16"(默认)、"fp16"、"fp32"、"memory_gb"、"year"、"vendor"、"fp8"、"bandwidth"、"tdp" 等。',
    },
  },
};
