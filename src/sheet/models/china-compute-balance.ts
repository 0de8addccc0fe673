/**
 * Model template 3, China compute supply and demand: IDC's intelligent-compute capacity (EFLOPS,
 * FP16) by year against the capacity needed for N GPT-3-class training runs a year plus M
 * ChatGPT-scale inference services → coverage ratio (supply ÷ demand) by year.
 *
 * The conversion: a training run of C FLOP spread over one year at utilization u needs
 * C ÷ (u × 10^18 FLOP/s per EFLOPS × 86,400 s × 365 days) EFLOPS of installed capacity.
 */
import { CHINA_BALANCE_ID, CHINA_BALANCE_TITLE } from "./catalog";
import { DEFAULT_UTILIZATION, INFER_FLOP_PER_PARAM_TOKEN } from "../../core/units";
import {
  a1,
  catalogDataset,
  col,
  FMT,
  FORMULA_STYLE,
  HEADER_STYLE,
  INPUT_STYLE,
  ModelBuilder,
  modelSheetName,
  NOTE_STYLE,
  OUTPUT_STYLE,
  pick,
  secondsPerDayParam,
  type CellSpec,
  type ModelOptions,
  type ModelSheetPlan,
} from "./common";
import { INFERENCE_DEFAULTS } from "./inference-demand";

/** GPT-3's training compute: 3.14e23 FLOP = 3,640 PF-days (Brown et al. 2020, Table D.1). */
export const GPT3_TRAINING_FLOP = 3.14e23;

export const CHINA_BALANCE_DEFAULTS = {
  /** GPT-3-class training runs per year, 2022…2026 (illustrative assumption). */
  runsPerYear: [50, 50, 50, 50, 50],
  /** ChatGPT-scale inference services in China, 2022…2026 (illustrative assumption). */
  servicesPerYear: [1, 2, 3, 4, 5],
  trainingUtilization: DEFAULT_UTILIZATION,
} as const;

export interface ChinaBalanceOptions extends ModelOptions {
  runsPerYear?: number[];
  servicesPerYear?: number[];
}

interface SupplyPoint {
  year: number;
  value: number;
  status: string;
  source: string;
}

/** IDC's actual (2022) and forecast (2026E) intelligent compute, from the china-compute dataset. */
function idcSupply(): { start: SupplyPoint; end: SupplyPoint; cagr: SupplyPoint } {
  const d = catalogDataset("china-compute");
  const [metric, year, value, status, source, period] = ["metric", "year", "value", "status", "source", "period"].map((k) => col(d, k));
  const find = (m: string, y: number, s: string): SupplyPoint => {
    const row = d.rows.find((r) => r[metric] === m && r[year] === y && r[status] === s);
    if (!row) throw new Error(`china-compute has no ${m} ${y} ${s}`);
    return { year: y, value: row[value] as number, status: `${String(row[period])} ${s}`, source: String(row[source]) };
  };
  return {
    start: find("intelligent_compute", 2022, "actual"),
    end: find("intelligent_compute", 2026, "forecast"),
    cagr: find("intelligent_compute_cagr", 2026, "forecast"),
  };
}

/**
 * Builds the supply/demand sheet.
 * @example const plan = buildChinaBalance({ language: "zh", mode: "ai" });
 */
export function buildChinaBalance(options: ChinaBalanceOptions): ModelSheetPlan {
  const { mode } = options;
  const b = new ModelBuilder(options.language);
  const t = b.t.bind(b);
  const idc = idcSupply();
  const years = Array.from({ length: idc.end.year - idc.start.year + 1 }, (_, i) => idc.start.year + i);
  const runs = options.runsPerYear ?? [...CHINA_BALANCE_DEFAULTS.runsPerYear];
  const services = options.servicesPerYear ?? [...CHINA_BALANCE_DEFAULTS.servicesPerYear];
  if (runs.length !== years.length || services.length !== years.length)
    throw new Error(`china-compute-balance: give ${years.length} values per year (${years.join(", ")})`);

  b.title(0, t("中国智能算力供需测算", "China intelligent compute: supply vs demand"), b.legend(mode));
  const ASSUMPTION = t("假设 (与推理需求模板相同)", "Assumption (as in the inference-demand template)");

  let r = b.params(3, t("训练需求", "Training demand"), [
    {
      label: t("GPT-3 单次训练算力", "GPT-3 training compute per run"),
      value: GPT3_TRAINING_FLOP,
      unit: "FLOP",
      note: t("3,640 PF-days: Brown et al. 2020, 表 D.1", "3,640 PF-days: Brown et al. 2020, Table D.1"),
      fmt: FMT.flop,
      kind: "input",
      name: "Run_FLOP",
    },
    {
      label: t("训练利用率", "Training utilization"),
      value: CHINA_BALANCE_DEFAULTS.trainingUtilization,
      unit: t("占峰值比例", "share of peak"),
      note: t("Epoch AI: 大模型建议假设 30%", "Epoch AI: assume 30% for LLMs"),
      fmt: FMT.percent,
      kind: "input",
      name: "Train_Utilization",
    },
  ]);
  const inf = INFERENCE_DEFAULTS;
  r = b.params(r + 1, t("推理需求 (每个 ChatGPT 级服务)", "Inference demand (per ChatGPT-scale service)"), [
    {
      label: t("日活跃用户", "Daily active users"),
      value: inf.dailyUsers,
      unit: t("人/天", "users per day"),
      note: t("Similarweb 2023年1月 (UBS 引用)", "Similarweb, Jan 2023 (cited by UBS)"),
      fmt: FMT.count,
      kind: "input",
      name: "Infer_Daily_Users",
    },
    {
      label: t("每用户每日提问数", "Queries per user per day"),
      value: inf.queriesPerUser,
      unit: t("次/人/天", "queries per user-day"),
      note: ASSUMPTION,
      fmt: FMT.count1,
      kind: "input",
      name: "Infer_Queries_Per_User",
    },
    {
      label: t("每次提问 token 数", "Tokens per query"),
      value: inf.tokensPerQuery,
      unit: t("token/次", "tokens per query"),
      note: ASSUMPTION,
      fmt: FMT.count,
      kind: "input",
      name: "Infer_Tokens_Per_Query",
    },
    {
      label: t("模型参数量", "Model parameters"),
      value: inf.params,
      unit: t("个", "parameters"),
      note: t("GPT-3 175B (Brown et al. 2020)", "GPT-3 175B (Brown et al. 2020)"),
      fmt: FMT.flop,
      kind: "input",
      name: "Infer_Params",
    },
    {
      label: t("每参数每 token 推理 FLOP", "Inference FLOP per parameter per token"),
      value: INFER_FLOP_PER_PARAM_TOKEN,
      unit: t("FLOP/(参数·token)", "FLOP per parameter-token"),
      note: "Kaplan et al. 2020",
      fmt: FMT.count,
      kind: "input",
      name: "Infer_Flop_Per_Param_Token",
    },
    {
      label: t("峰值/平均负载比", "Peak-to-average load"),
      value: inf.peakToAverage,
      unit: "×",
      note: ASSUMPTION,
      fmt: FMT.count1,
      kind: "input",
      name: "Infer_Peak_To_Average",
    },
    {
      label: t("推理利用率", "Inference utilization"),
      value: inf.utilization,
      unit: t("占峰值比例", "share of peak"),
      note: ASSUMPTION,
      fmt: FMT.percent,
      kind: "input",
      name: "Infer_Utilization",
    },
  ]);
  r = b.params(r + 1, t("单位换算", "Unit conversion"), [
    {
      label: t("每 EFLOPS 的 FLOP/s", "FLOP/s per EFLOPS"),
      value: 1e18,
      unit: "FLOP/s",
      note: t("定义: 1 EFLOPS = 10^18 FLOP/s", "Definition: 1 EFLOPS = 10^18 FLOP/s"),
      fmt: FMT.flop,
      kind: "input",
      name: "FLOPS_Per_EFLOPS",
    },
    secondsPerDayParam(b),
    {
      label: t("每年天数", "Days per year"),
      value: 365,
      unit: t("天", "days"),
      note: t("定义 (不计闰年)", "Definition (leap days ignored)"),
      fmt: FMT.count,
      kind: "input",
      name: "Days_Per_Year",
    },
    {
      label: t("1 EFLOPS 运行一年的 FLOP", "FLOP of 1 EFLOPS for one year"),
      value: { f: "=FLOPS_Per_EFLOPS*Seconds_Per_Day*Days_Per_Year" },
      unit: "FLOP",
      note: "10^18 × 86,400 × 365 = 3.1536e25",
      fmt: FMT.flop,
      kind: "calc",
      name: "EFLOPS_Year_FLOP",
    },
    {
      label: t("每次训练所需算力 (一年内完成)", "Capacity per training run (spread over a year)"),
      value: { f: "=Run_FLOP/(EFLOPS_Year_FLOP*Train_Utilization)" },
      unit: "EFLOPS",
      note: t("单次算力 ÷ (1 EFLOPS·年 × 利用率)", "FLOP per run ÷ (1 EFLOPS-year × utilization)"),
      fmt: FMT.count2,
      kind: "output",
      name: "Run_EFLOPS",
      key: "run_eflops",
    },
    {
      label: t("每个服务日推理算力", "Inference compute per service per day"),
      value: {
        f: pick(
          mode,
          "=AI.INFERFLOPS(Infer_Params,Infer_Daily_Users*Infer_Queries_Per_User*Infer_Tokens_Per_Query,Infer_Flop_Per_Param_Token)",
          "=Infer_Flop_Per_Param_Token*Infer_Params*Infer_Daily_Users*Infer_Queries_Per_User*Infer_Tokens_Per_Query"
        ),
      },
      unit: t("FLOP/天", "FLOP per day"),
      note: "2 · N · tokens",
      fmt: FMT.flop,
      kind: "calc",
      name: "Service_FLOP_Per_Day",
    },
    {
      label: t("每个服务峰值所需算力", "Capacity per service at peak"),
      value: { f: "=Service_FLOP_Per_Day*Infer_Peak_To_Average/(Seconds_Per_Day*FLOPS_Per_EFLOPS*Infer_Utilization)" },
      unit: "EFLOPS",
      note: t("日算力 × 峰均比 ÷ (86,400 × 10^18 × 利用率)", "FLOP per day × peak-to-average ÷ (86,400 × 10^18 × utilization)"),
      fmt: FMT.count2,
      kind: "output",
      name: "Service_EFLOPS",
      key: "service_eflops",
    },
  ]);

  // The year table: label | one column per year | unit | note.
  const W = years.length;
  const unitCol = W + 1;
  const noteCol = W + 2;
  b.section(r + 1, 0, t("逐年供需", "Supply and demand by year"), W + 3);
  r += 2;
  /** Writes the next line of the table (label, a cell per year, unit, note) and returns its row. */
  const line = (label: string, unit: string, note: string, cell: (year: number, i: number) => CellSpec): number => {
    const row = r++;
    b.put(row, 0, [[{ v: label, style: HEADER_STYLE }, ...years.map(cell), { v: unit }, { v: note, style: NOTE_STYLE }]]);
    return row;
  };
  const yearInput = (label: string, row: number, i: number): void => b.input(label, { row, col: 1 + i }, { row, col: unitCol }, { row, col: noteCol });
  const inputLine = (label: string, values: number[], unit: string, note: string, fmt: string): number => {
    const row = line(label, unit, note, (_, i) => ({ v: values[i], fmt, style: INPUT_STYLE }));
    values.forEach((_, i) => yearInput(`${label} ${years[i]}`, row, i));
    return row;
  };
  const formulaLine = (label: string, formula: (i: number) => string, unit: string, note: string, fmt: string, out?: string): number => {
    const style = out ? OUTPUT_STYLE : FORMULA_STYLE;
    const row = line(label, unit, note, (_, i) => ({ f: formula(i), fmt, style }));
    if (out) years.forEach((y, i) => b.output(out, label, unit, { row, col: 1 + i }, String(y)));
    return row;
  };
  const cell = (row: number, i: number): string => a1(row, 1 + i);

  const yearsNote = t("2022 实际; 之后为预测或插值", "2022 actual; later years forecast or interpolated");
  const yearRow = line(t("年份", "Year"), t("年", "year"), yearsNote, (y) => ({ v: y, fmt: FMT.year, style: INPUT_STYLE }));
  years.forEach((y, i) => yearInput(`year ${y}`, yearRow, i));
  b.name("Year_Start", { row: yearRow, col: 1, rows: 1, cols: 1 });
  b.name("Year_End", { row: yearRow, col: W, rows: 1, cols: 1 });
  b.put(r++, 0, [
    [
      { v: t("状态", "Status") },
      ...years.map((y) => ({ v: y === idc.start.year ? t("实际", "actual") : y === idc.end.year ? t("IDC 预测", "IDC forecast") : t("插值", "interpolated") })),
      { v: null },
      { v: null },
    ],
  ]);

  const supplyRow = line(
    t("智能算力供给 (FP16)", "Intelligent compute supply (FP16)"),
    "EFLOPS",
    t(
      `${idc.start.year}、${idc.end.year}E: ${idc.start.source}; 中间年份按隐含 CAGR 几何插值 (非 IDC 数据)`,
      `${idc.start.year} and ${idc.end.year}E: ${idc.start.source}; years between interpolated at the implied CAGR (not IDC figures)`
    ),
    (y, i) =>
      y === idc.start.year
        ? { v: idc.start.value, fmt: FMT.count1, style: INPUT_STYLE }
        : y === idc.end.year
          ? { v: idc.end.value, fmt: FMT.count1, style: INPUT_STYLE }
          : { f: `=Supply_Start*(Supply_End/Supply_Start)^((${cell(yearRow, i)}-Year_Start)/(Year_End-Year_Start))`, fmt: FMT.count1, style: FORMULA_STYLE }
  );
  yearInput(`supply ${idc.start.year}`, supplyRow, 0);
  yearInput(`supply ${idc.end.year}`, supplyRow, W - 1);
  b.name("Supply_Start", { row: supplyRow, col: 1, rows: 1, cols: 1 });
  b.name("Supply_End", { row: supplyRow, col: W, rows: 1, cols: 1 });

  const perYear = t("假设 (示意): 按年设定", "Assumption (illustrative): set per year");
  const runsRow = inputLine(t("GPT-3 级训练次数", "GPT-3-class training runs"), runs, t("次/年", "runs per year"), perYear, FMT.count);
  const trainRow = formulaLine(
    t("训练所需算力", "Training capacity needed"),
    (i) => `=${cell(runsRow, i)}*Run_EFLOPS`,
    "EFLOPS",
    t("次数 × 每次所需算力", "runs × capacity per run"),
    FMT.count2,
    "training_eflops"
  );
  const servicesRow = inputLine(t("ChatGPT 级服务数", "ChatGPT-scale services"), services, t("个", "services"), perYear, FMT.count);
  const inferRow = formulaLine(
    t("推理所需算力", "Inference capacity needed"),
    (i) => `=${cell(servicesRow, i)}*Service_EFLOPS`,
    "EFLOPS",
    t("服务数 × 每个服务峰值所需算力", "services × capacity per service at peak"),
    FMT.count2,
    "inference_eflops"
  );
  const demandRow = formulaLine(
    t("总需求", "Total demand"),
    (i) => `=${cell(trainRow, i)}+${cell(inferRow, i)}`,
    "EFLOPS",
    t("训练 + 推理", "training + inference"),
    FMT.count2,
    "demand_eflops"
  );
  formulaLine(
    t("覆盖倍数 (供给 ÷ 需求)", "Coverage (supply ÷ demand)"),
    (i) => `=${cell(supplyRow, i)}/${cell(demandRow, i)}`,
    "×",
    t("大于 1: 供给足以覆盖测算需求", "Above 1: supply covers the modelled demand"),
    FMT.ratio,
    "coverage"
  );
  const shareRow = formulaLine(
    t("需求占供给比例", "Demand as a share of supply"),
    (i) => `=${cell(demandRow, i)}/${cell(supplyRow, i)}`,
    t("比例", "share"),
    t("需求 ÷ 供给", "demand ÷ supply"),
    FMT.percent
  );

  r = b.params(r + 1, t("增速核对", "Growth check"), [
    {
      label: t("隐含供给 CAGR", "Implied supply CAGR"),
      // Not RRI: Excel has it only since 2013 (see src/portable/common-functions.ts).
      value: { f: pick(mode, "=AI.CAGR(Supply_Start,Supply_End,Year_End-Year_Start)", "=(Supply_End/Supply_Start)^(1/(Year_End-Year_Start))-1") },
      unit: t("年增速", "per year"),
      note: t(
        `${idc.start.year}-${idc.end.year}E, 由上表两端计算${mode === "portable" ? ": (期末 ÷ 期初)^(1/年数) − 1" : ""}`,
        `${idc.start.year}–${idc.end.year}E, from the two ends of the table${mode === "portable" ? ": (end ÷ start)^(1/years) − 1" : ""}`
      ),
      fmt: FMT.percent,
      kind: "output",
      key: "implied_cagr",
      name: "Implied_CAGR",
    },
    {
      label: t("IDC 公布 CAGR (2021-2026E)", "IDC's stated CAGR (2021–2026E)"),
      value: idc.cagr.value,
      unit: t("年增速", "per year"),
      note: idc.cagr.source,
      fmt: FMT.percent,
      kind: "input",
      name: "IDC_CAGR",
    },
  ]);

  const notesRow = r + 2;
  return b.build({
    templateId: CHINA_BALANCE_ID,
    mode,
    sheetName: modelSheetName(options, CHINA_BALANCE_TITLE),
    notes: {
      at: { row: notesRow, col: 0 },
      lines: [
        t(
          `供给: ${idc.start.source}: ${idc.start.year} 年 ${idc.start.value} EFLOPS (实际), ${idc.end.year} 年 ${idc.end.value} EFLOPS (预测), FP16。`,
          `Supply: ${idc.start.source}: ${idc.start.value} EFLOPS in ${idc.start.year} (actual), ${idc.end.value} EFLOPS in ${idc.end.year} (forecast), FP16.`
        ),
        t(
          "中间年份为几何插值, 不是 IDC 数据。IDC 后续 (2023-2024 报告) 将 2022 年修订为 259.9 EFLOPS。",
          "Years in between are geometric interpolation, not IDC figures. IDC's 2023-2024 assessment later restated 2022 to 259.9 EFLOPS."
        ),
        t(
          "换算: 训练需求 EFLOPS = 单次 FLOP × 次数 ÷ (10^18 × 86,400 × 365 × 利用率), 即假设训练在一年内均匀完成。",
          "Conversion: training EFLOPS = FLOP per run × runs ÷ (10^18 × 86,400 × 365 × utilization), i.e. the runs are spread evenly over the year."
        ),
        t(
          "推理需求 EFLOPS = 日推理 FLOP × 峰均比 ÷ (86,400 × 10^18 × 利用率): 按峰值配置算力。",
          "Inference EFLOPS = inference FLOP per day × peak-to-average ÷ (86,400 × 10^18 × utilization): capacity sized for the peak."
        ),
        t(
          "供给为 FP16 算力; 需求按 16 位训练与推理计算, 口径一致。训练次数与服务数为示意性假设。",
          "Supply is FP16 capacity; demand assumes 16-bit training and inference, the same basis. Runs and services per year are illustrative assumptions."
        ),
        t("财通证券研究所《ChatGPT 系列之二》(2023-02), 第 5 节。", "财通证券研究所, ChatGPT series no. 2 (2023-02), section 5."),
      ],
    },
    autofit: [{ row: yearRow, col: 0, rows: shareRow - yearRow + 1, cols: W + 2 }],
  });
}
