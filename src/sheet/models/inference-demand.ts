/**
 * Model template 2, inference demand of a ChatGPT-like service: users × queries × tokens →
 * inference FLOP per day (2·N per token) → peak FLOP/s → chips and servers at peak → capex.
 * Defaults are the figures commonly quoted in early 2023, each with its source, or marked as an
 * assumption where there is none.
 */
import { INFERENCE_DEMAND_ID, INFERENCE_DEMAND_TITLE } from "./catalog";
import { INFER_FLOP_PER_PARAM_TOKEN } from "../../core/units";
import { chipByKey, chipChoices, peakFormula, usesChipTable, writeChipList } from "./accelerator-table";
import { FMT, ModelBuilder, modelSheetName, pick, secondsPerDayParam, type ModelOptions, type ModelSheetPlan } from "./common";

/** The early-2023 defaults (ChatGPT, January 2023), exported for the tests and the pane. */
export const INFERENCE_DEFAULTS = {
  dailyUsers: 13_000_000,
  monthlyUsers: 100_000_000,
  queriesPerUser: 10,
  tokensPerQuery: 500,
  params: 175e9,
  peakToAverage: 2,
  chip: "a100",
  utilization: 0.3,
  chipsPerServer: 8,
  pricePerChip: 10_000,
} as const;

export type InferenceDemandOptions = ModelOptions &
  Partial<{ -readonly [K in keyof typeof INFERENCE_DEFAULTS]: (typeof INFERENCE_DEFAULTS)[K] extends number ? number : string }>;

/**
 * Builds the inference-demand sheet.
 * @example const plan = buildInferenceDemand({ language: "zh", mode: "portable" });
 */
export function buildInferenceDemand(options: InferenceDemandOptions): ModelSheetPlan {
  const { mode } = options;
  const d = { ...INFERENCE_DEFAULTS, ...definedOnly(options) };
  const chip = chipByKey(d.chip);
  const b = new ModelBuilder(options.language);
  const t = b.t.bind(b);

  b.title(0, t("类 ChatGPT 服务的推理算力需求", "Inference demand of a ChatGPT-like service"), b.legend(mode));
  const ASSUMPTION = t("假设", "Assumption");

  const inputsEnd = b.params(3, t("输入", "Inputs"), [
    {
      label: t("日活跃用户 (DAU)", "Daily active users"),
      value: d.dailyUsers,
      unit: t("人/天", "users per day"),
      note: t(
        "Similarweb, 2023年1月日均独立访客约 1,300 万 (UBS 2023-02-01 报告引用, 路透社报道)",
        "Similarweb: ~13M daily unique visitors in Jan 2023 (cited in UBS note of 2023-02-01, reported by Reuters)"
      ),
      fmt: FMT.count,
      kind: "input",
      name: "Daily_Users",
    },
    {
      label: t("月活跃用户 (MAU)", "Monthly active users"),
      value: d.monthlyUsers,
      unit: t("人/月", "users per month"),
      note: t("UBS 估计 2023年1月突破 1 亿 (路透社 2023-02-01); 仅用于 DAU/MAU", "UBS estimate: 100M in Jan 2023 (Reuters, 2023-02-01); used only for DAU/MAU"),
      fmt: FMT.count,
      kind: "input",
      name: "Monthly_Users",
    },
    {
      label: t("每用户每日提问数", "Queries per user per day"),
      value: d.queriesPerUser,
      unit: t("次/人/天", "queries per user-day"),
      note: ASSUMPTION,
      fmt: FMT.count1,
      kind: "input",
      name: "Queries_Per_User",
    },
    {
      label: t("每次提问 token 数 (输入+输出)", "Tokens per query (prompt + response)"),
      value: d.tokensPerQuery,
      unit: t("token/次", "tokens per query"),
      note: t("假设 (常见估计为数百 token)", "Assumption (early-2023 estimates: several hundred)"),
      fmt: FMT.count,
      kind: "input",
      name: "Tokens_Per_Query",
    },
    {
      label: t("模型参数量", "Model parameters"),
      value: d.params,
      unit: t("个", "parameters"),
      note: t("GPT-3 175B (Brown et al. 2020); ChatGPT 的规模未公布", "GPT-3 175B (Brown et al. 2020); ChatGPT's size is not published"),
      fmt: FMT.flop,
      kind: "input",
      name: "Model_Params",
    },
    {
      label: t("每参数每 token 推理 FLOP", "Inference FLOP per parameter per token"),
      value: INFER_FLOP_PER_PARAM_TOKEN,
      unit: t("FLOP/(参数·token)", "FLOP per parameter-token"),
      note: t("前向传播 ≈ 2·N: Kaplan et al. 2020", "Forward pass ≈ 2·N: Kaplan et al. 2020"),
      fmt: FMT.count,
      kind: "input",
      name: "Infer_Flop_Per_Param_Token",
    },
    {
      label: t("峰值/平均负载比", "Peak-to-average load"),
      value: d.peakToAverage,
      unit: "×",
      note: ASSUMPTION,
      fmt: FMT.count1,
      kind: "input",
      name: "Peak_To_Average",
    },
    {
      label: t("芯片", "Chip"),
      value: chip.name[b.language],
      unit: t("型号", "model"),
      note: usesChipTable(mode)
        ? t("下拉选择; 峰值算力见下方芯片表", "Drop-down; peak FLOP/s from the chip table below")
        : t("下拉选择; 峰值算力由 AI.CHIP 读取", "Drop-down; peak FLOP/s read by AI.CHIP"),
      fmt: FMT.text,
      kind: "input",
      name: "Chip_Choice",
      choices: chipChoices(b.language),
    },
    {
      label: t("利用率", "Utilization"),
      value: d.utilization,
      unit: t("占峰值比例", "share of peak"),
      note: t("假设 (Epoch AI 对训练建议 30%; 推理常更低)", "Assumption (Epoch AI suggests 30% for training; inference is often lower)"),
      fmt: FMT.percent,
      kind: "input",
      name: "Utilization",
    },
    {
      label: t("每台服务器芯片数", "Chips per server"),
      value: d.chipsPerServer,
      unit: t("片/台", "chips per server"),
      note: t("NVIDIA DGX A100: 8 × A100 (数据手册)", "NVIDIA DGX A100: 8 × A100 (datasheet)"),
      fmt: FMT.count,
      kind: "input",
      name: "Chips_Per_Server",
    },
    {
      label: t("单芯片价格", "Price per chip"),
      value: d.pricePerChip,
      unit: t("美元/片", "USD per chip"),
      note: t("A100 约 1 万美元 (CNBC, 2023-02-23)", "A100 ≈ USD 10,000 (CNBC, 2023-02-23)"),
      fmt: FMT.usd,
      kind: "input",
      name: "Price_Per_Chip",
    },
    secondsPerDayParam(b),
  ]);
  const calcEnd = b.params(inputsEnd + 1, t("测算", "Calculation"), [
    {
      label: t("日提问数", "Queries per day"),
      value: { f: "=Daily_Users*Queries_Per_User" },
      unit: t("次/天", "queries per day"),
      note: "DAU × queries",
      fmt: FMT.count,
      kind: "calc",
      name: "Queries_Per_Day",
    },
    {
      label: t("日 token 数", "Tokens per day"),
      value: { f: "=Queries_Per_Day*Tokens_Per_Query" },
      unit: t("token/天", "tokens per day"),
      note: "queries × tokens",
      fmt: FMT.flop,
      kind: "calc",
      name: "Tokens_Per_Day",
    },
    {
      label: t("日推理算力", "Inference compute per day"),
      value: {
        f: pick(mode, "=AI.INFERFLOPS(Model_Params,Tokens_Per_Day,Infer_Flop_Per_Param_Token)", "=Infer_Flop_Per_Param_Token*Model_Params*Tokens_Per_Day"),
      },
      unit: t("FLOP/天", "FLOP per day"),
      note: "2 · N · tokens",
      fmt: FMT.flop,
      kind: "output",
      name: "FLOP_Per_Day",
      key: "flop_per_day",
    },
    {
      label: t("平均算力需求", "Average demand"),
      value: { f: "=FLOP_Per_Day/Seconds_Per_Day" },
      unit: "FLOP/s",
      note: t("日算力 ÷ 86,400", "FLOP per day ÷ 86,400"),
      fmt: FMT.flops,
      kind: "calc",
      name: "Average_FLOPS",
    },
    {
      label: t("峰值算力需求", "Peak demand"),
      value: { f: "=Average_FLOPS*Peak_To_Average" },
      unit: "FLOP/s",
      note: t("平均 × 峰均比", "average × peak-to-average"),
      fmt: FMT.flops,
      kind: "output",
      name: "Peak_Demand_FLOPS",
      key: "peak_demand_flops",
    },
    {
      label: t("单芯片峰值算力", "Peak FLOP/s per chip"),
      value: { f: `=${peakFormula(mode, "Chip_Choice")}` },
      unit: "FLOP/s",
      note: usesChipTable(mode)
        ? t("芯片表查找", "Looked up in the chip table")
        : t("AI.CHIP: 稠密 BF16, 数据手册 / Epoch AI", "AI.CHIP: dense BF16; datasheets / Epoch AI"),
      fmt: FMT.flops,
      kind: "calc",
      name: "Peak_FLOPS",
    },
    {
      label: t("峰值所需芯片 (精确)", "Chips at peak (exact)"),
      value: { f: "=Peak_Demand_FLOPS/(Peak_FLOPS*Utilization)" },
      unit: t("片", "chips"),
      note: t("峰值需求 ÷ (峰值 × 利用率)", "peak demand ÷ (peak per chip × utilization)"),
      fmt: FMT.count1,
      kind: "output",
      name: "Chips_Exact",
      key: "chips_exact",
    },
    {
      label: t("峰值所需服务器", "Servers at peak"),
      // ROUNDUP, not CEILING.MATH (Excel 2013+, unknown to Gnumeric): the same for the counts
      // this takes (0 and up); a negative count, from negative inputs, rounds away from zero.
      value: { f: "=ROUNDUP(Chips_Exact/Chips_Per_Server,0)" },
      unit: t("台", "servers"),
      note: t("向上取整", "rounded up"),
      fmt: FMT.count,
      kind: "output",
      name: "Servers",
      key: "servers",
    },
    {
      label: t("采购芯片数", "Chips bought"),
      value: { f: "=Servers*Chips_Per_Server" },
      unit: t("片", "chips"),
      note: t("整台服务器", "whole servers"),
      fmt: FMT.count,
      kind: "output",
      name: "Chips_Bought",
      key: "chips",
    },
    {
      label: t("芯片资本开支", "Chip capex"),
      value: { f: "=Chips_Bought*Price_Per_Chip" },
      unit: t("美元", "USD"),
      note: t("仅芯片; 不含服务器其他部件、网络、机房", "Chips only: excludes the rest of the server, networking and the data centre"),
      fmt: FMT.usd,
      kind: "output",
      name: "Capex",
      key: "capex",
    },
    {
      label: "DAU / MAU",
      value: { f: "=Daily_Users/Monthly_Users" },
      unit: t("比例", "ratio"),
      note: t("用户黏性参考", "Stickiness, for reference"),
      fmt: FMT.percent,
      kind: "calc",
      name: "DAU_MAU",
    },
  ]);

  const nextRow = writeChipList(b, calcEnd + 1, mode);
  const notesRow = nextRow + 2;
  return b.build({
    templateId: INFERENCE_DEMAND_ID,
    mode,
    sheetName: modelSheetName(options, INFERENCE_DEMAND_TITLE),
    notes: {
      at: { row: notesRow, col: 0 },
      lines: [
        t("推理算力 ≈ 2 × 参数量 × token 数 (Kaplan et al. 2020)。", "Inference compute ≈ 2 × parameters × tokens (Kaplan et al. 2020)."),
        t(
          "用户数据: Similarweb 与 UBS (2023-02-01 报告, 路透社报道): 2023年1月日均独立访客约 1,300 万, 月活约 1 亿。",
          "Users: Similarweb and UBS (note of 2023-02-01, reported by Reuters): ~13M daily unique visitors and ~100M monthly users in January 2023."
        ),
        t(
          "每用户提问数、每次 token 数、峰均比、利用率为假设, 请按自己的判断调整。",
          "Queries per user, tokens per query, peak-to-average and utilization are assumptions: set your own."
        ),
        t(
          "A100 价格约 1 万美元: CNBC (2023-02-23)。DGX A100 每台 8 片 A100: NVIDIA 数据手册。",
          "A100 at ~USD 10,000: CNBC (2023-02-23). DGX A100 holds 8 A100s: NVIDIA datasheet."
        ),
        t("资本开支仅含芯片; 服务器整机、网络、电力与机房另计。", "Capex counts chips only; servers, networking, power and buildings come on top."),
      ],
    },
    autofit: [{ row: 4, col: 0, rows: calcEnd - 4, cols: 3 }],
  });
}

/** The options that are set (an explicit undefined does not override a default). */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
