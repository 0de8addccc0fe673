/**
 * Model template 1, training compute: one row per large model of the report's 图8 (or an empty
 * table to fill). Inputs per row: parameters, training tokens, chip, chips in the cluster,
 * utilization and price per chip-hour. Outputs: training FLOP (6·N·D), PF-days, days to train,
 * chip-hours and cost, each ONE formula in the first model row that spills down the table (array
 * arithmetic in portable mode, broadcasting AI.* functions in AI mode). Peak FLOP/s comes from
 * the chip chosen in the row's drop-down, looked up in the accelerator table written on the same
 * sheet; it stays one formula per row, as INDEX/MATCH over a column does not return an array in
 * an Excel without dynamic arrays. Tokens mix typed figures and the Chinchilla formula per row.
 */
import { TRAINING_COMPUTE_ID, TRAINING_COMPUTE_TITLE } from "./catalog";
import type { Dataset } from "../../data/types";
import { FLOP_PER_PF_DAY, SECONDS_PER_HOUR, TRAIN_FLOP_PER_PARAM_TOKEN, CHINCHILLA_TOKENS_PER_PARAM, DEFAULT_UTILIZATION } from "../../core/units";
import { rangeAddress } from "../plan";
import { chipByKey, chipChoices, peakFormula, usesChipTable, writeChipList } from "./accelerator-table";
import {
  a1,
  catalogDataset,
  col,
  FMT,
  FORMULA_STYLE,
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
  type ParamRowSpec,
} from "./common";

export interface TrainingComputeOptions extends ModelOptions {
  /** Write an empty table of this many rows instead of the report's models. */
  emptyRows?: number;
  /** Default chip of every row, by accelerators key; default "a100". */
  chip?: string;
  /** Default chips in the cluster; default 1,024. */
  clusterChips?: number;
  /** Default utilization (decimal); default 0.3 (Epoch AI's assumption for LLMs). */
  utilization?: number;
  /** Default price per chip-hour in USD; default 2. */
  pricePerChipHour?: number;
}

/** Defaults, exported so tests and the pane show the same figures. */
export const TRAINING_DEFAULTS = { chip: "a100", clusterChips: 1024, utilization: DEFAULT_UTILIZATION, pricePerChipHour: 2 } as const;

/** The table's columns, left to right. */
const C = {
  model: 0,
  params: 1,
  tokens: 2,
  chip: 3,
  chips: 4,
  util: 5,
  price: 6,
  peak: 7,
  flop: 8,
  pfdays: 9,
  days: 10,
  chipHours: 11,
  cost: 12,
  reported: 13,
  notes: 14,
} as const;
const WIDTH = 15;

interface ModelRowData {
  label: string;
  rowKey: string;
  params: number | null;
  tokens: number | null;
  reportedFlop: number | null;
  note: string;
}

function llmRows(d: Dataset, b: ModelBuilder): ModelRowData[] {
  const [model, modelEn, params, tokens, tokSrc, flop, flopSrc] = [
    "model",
    "model_en",
    "params",
    "training_tokens",
    "tokens_source",
    "training_flop",
    "flop_source",
  ].map((k) => col(d, k));
  const sparse = new Set(["Switch Transformer", "Wu Dao 2.0"]);
  return d.rows.map((r) => {
    const en = String(r[modelEn]);
    const tok = typeof r[tokens] === "number" ? (r[tokens] as number) : null;
    const notes: string[] = [];
    if (tok === null) {
      notes.push(
        b.t(
          `假设: 未公布训练 token 数, 按 Chinchilla 最优 ${CHINCHILLA_TOKENS_PER_PARAM} token/参数 (Hoffmann et al. 2022) 计算`,
          `Assumption: tokens not published; Chinchilla-optimal ${CHINCHILLA_TOKENS_PER_PARAM} tokens per parameter (Hoffmann et al. 2022)`
        ) + (r[tokSrc] ? ` (${String(r[tokSrc])})` : "")
      );
    } else notes.push(`${b.t("token 数", "Tokens")}: ${String(r[tokSrc] ?? "")}`);
    if (r[flop] !== null) notes.push(`${b.t("公布算力", "Reported FLOP")}: ${String(r[flopSrc] ?? "")}`);
    if (sparse.has(en)) notes.push(b.t("稀疏 (MoE) 模型: 用总参数计算的 6·N·D 高估算力", "Sparse (MoE) model: 6·N·D with total parameters overstates compute"));
    notes.push(b.t("参数: 报告图8", "Parameters: the report's 图8"));
    return {
      label: b.language === "zh" ? String(r[model]) : en,
      rowKey: en,
      params: typeof r[params] === "number" ? (r[params] as number) : null,
      tokens: tok,
      reportedFlop: typeof r[flop] === "number" ? (r[flop] as number) : null,
      note: notes.join("; "),
    };
  });
}

/**
 * Builds the training-compute sheet.
 * @example const plan = buildTrainingCompute({ language: "en", mode: "ai" });
 */
export function buildTrainingCompute(options: TrainingComputeOptions): ModelSheetPlan {
  const { mode } = options;
  const b = new ModelBuilder(options.language);
  const t = b.t.bind(b);
  const chip = chipByKey(options.chip ?? TRAINING_DEFAULTS.chip);
  const clusterChips = options.clusterChips ?? TRAINING_DEFAULTS.clusterChips;
  const utilization = options.utilization ?? TRAINING_DEFAULTS.utilization;
  const price = options.pricePerChipHour ?? TRAINING_DEFAULTS.pricePerChipHour;

  b.title(0, t("大模型训练算力测算", "Training compute of large models"), b.legend(mode));

  // Constants; portable mode also writes the units that the AI.* functions build in.
  const constants: ParamRowSpec[] = [
    {
      label: t("每参数每 token 训练 FLOP", "Training FLOP per parameter per token"),
      value: TRAIN_FLOP_PER_PARAM_TOKEN,
      unit: t("FLOP/(参数·token)", "FLOP per parameter-token"),
      note: t("C ≈ 6·N·D: Kaplan et al. 2020 (arXiv:2001.08361)", "C ≈ 6·N·D: Kaplan et al. 2020 (arXiv:2001.08361)"),
      fmt: FMT.count,
      kind: "input",
      name: "Flop_Per_Param_Token",
    },
    {
      label: t("Chinchilla 最优 token/参数", "Chinchilla-optimal tokens per parameter"),
      value: CHINCHILLA_TOKENS_PER_PARAM,
      unit: t("token/参数", "tokens per parameter"),
      note: t(
        "Hoffmann et al. 2022 (arXiv:2203.15556) 表3; 用于未公布 token 数的模型",
        "Hoffmann et al. 2022 (arXiv:2203.15556), Table 3; used where tokens are not published"
      ),
      fmt: FMT.count,
      kind: "input",
      name: "Tokens_Per_Param",
    },
  ];
  if (mode === "portable")
    constants.push(
      {
        label: t("每 PF-day 的 FLOP", "FLOP per PF-day"),
        value: FLOP_PER_PF_DAY,
        unit: "FLOP",
        note: t("1e15 FLOP/s × 86,400 s: Brown et al. 2020 表 D.1", "1e15 FLOP/s × 86,400 s: Brown et al. 2020, Table D.1"),
        fmt: FMT.flop,
        kind: "input",
        name: "FLOP_Per_PF_Day",
      },
      secondsPerDayParam(b),
      {
        label: t("每小时秒数", "Seconds per hour"),
        value: SECONDS_PER_HOUR,
        unit: t("秒", "s"),
        note: t("定义", "Definition"),
        fmt: FMT.count,
        kind: "input",
        name: "Seconds_Per_Hour",
      }
    );
  const constantsEnd = b.params(3, t("常数与假设", "Constants and assumptions"), constants);

  // The models table: header, unit row, source row, then one row per model.
  b.section(constantsEnd + 1, 0, t("逐模型测算", "Per model"), WIDTH);
  const headerRow = constantsEnd + 2;
  b.header(headerRow, 0, [
    t("模型", "Model"),
    t("参数量", "Parameters"),
    t("训练 token 数", "Training tokens"),
    t("芯片", "Chip"),
    t("集群芯片数", "Chips in cluster"),
    t("利用率", "Utilization"),
    t("每芯片小时价格", "Price per chip-hour"),
    t("单芯片峰值算力", "Peak FLOP/s per chip"),
    t("训练算力", "Training compute"),
    "PF-days",
    t("训练天数", "Days to train"),
    t("芯片小时", "Chip-hours"),
    t("训练成本", "Training cost"),
    t("公布的训练算力", "Reported training compute"),
    t("说明与来源", "Notes and sources"),
  ]);
  const unitRow = headerRow + 1;
  const units = [
    t("单位", "Unit"),
    t("个", "parameters"),
    "tokens",
    t("型号", "model"),
    t("片", "chips"),
    t("占峰值比例", "share of peak"),
    t("美元/芯片小时", "USD per chip-hour"),
    "FLOP/s",
    "FLOP",
    "PF-days",
    t("天", "days"),
    t("芯片小时", "chip-hours"),
    t("美元", "USD"),
    "FLOP",
    null,
  ];
  b.noteCells(unitRow, 0, units);
  const sourceRow = unitRow + 1;
  const sources = [
    t("来源", "Source"),
    t("报告图8 (各公司官网)", "The report's 图8 (company sites)"),
    t("论文 / Epoch AI; 未公布者按 Chinchilla 公式 (见说明)", "Papers / Epoch AI; Chinchilla formula where unpublished (see notes)"),
    usesChipTable(mode)
      ? t("假设; 下拉选择, 见下方芯片表", "Assumption; drop-down from the chip table below")
      : t("假设; 下拉选择 (加载项芯片数据)", "Assumption; drop-down (the add-in's chip data)"),
    t("假设", "Assumption"),
    t("Epoch AI: 大模型建议假设 30% (实测 25-62%)", "Epoch AI: assume 30% for LLMs (observed 25–62%)"),
    t("假设 (云租用价, 按合同调整)", "Assumption (cloud rental; use your contract price)"),
    usesChipTable(mode) ? t("芯片表", "Chip table") : t("AI.CHIP: 数据手册 / Epoch AI", "AI.CHIP: datasheets / Epoch AI"),
    "6·N·D",
    "FLOP ÷ 8.64e19",
    t("FLOP ÷ (芯片数 × 峰值 × 利用率) ÷ 86,400", "FLOP ÷ (chips × peak × utilization) ÷ 86,400"),
    t("FLOP ÷ (峰值 × 利用率) ÷ 3,600", "FLOP ÷ (peak × utilization) ÷ 3,600"),
    t("芯片小时 × 价格", "chip-hours × price"),
    t("论文 / Epoch AI (见说明)", "Papers / Epoch AI (see notes)"),
    null,
  ];
  b.noteCells(sourceRow, 0, sources);

  const dataset = catalogDataset("llm-comparison");
  const rows: ModelRowData[] =
    options.emptyRows !== undefined
      ? Array.from({ length: options.emptyRows }, (_, i) => ({ label: "", rowKey: `row ${i + 1}`, params: null, tokens: null, reportedFlop: null, note: "" }))
      : llmRows(dataset, b);
  if (rows.length === 0) throw new Error("training-compute: the table needs at least one row");

  const firstRow = sourceRow + 1;
  const lastRow = firstRow + rows.length - 1;
  // The output columns: one formula each over the model rows, e.g. =IF(I15:I29="","",AI.PFDAYS(I15:I29)).
  const span = (c: number): string => rangeAddress({ row: firstRow, col: c, rows: rows.length, cols: 1 });
  const [P, T, E, U, G, H, F, L] = [C.params, C.tokens, C.chips, C.util, C.price, C.peak, C.flop, C.chipHours].map(span);
  const guard = (f: string): string => `=IF(${F}="","",${f})`;
  const spilled = {
    // Booleans added: OR() would fold the whole column into one value.
    flop: `=IF((${P}="")+(${T}=""),"",${pick(mode, `AI.TRAINFLOPS(${P},${T},Flop_Per_Param_Token)`, `Flop_Per_Param_Token*${P}*${T}`)})`,
    pfdays: guard(pick(mode, `AI.PFDAYS(${F})`, `${F}/FLOP_Per_PF_Day`)),
    days: guard(pick(mode, `AI.TRAINDAYS(${F},${E},${H},${U})`, `${F}/(${E}*${H}*${U})/Seconds_Per_Day`)),
    chipHours: guard(pick(mode, `AI.CHIPHOURS(${F},${H},${U})`, `${F}/(${H}*${U})/Seconds_Per_Hour`)),
    cost: guard(pick(mode, `AI.TRAINCOST(${F},${H},${G},${U})`, `${L}*${G}`)),
  };
  /** The first row holds the column's formula; the rows below are filled by its spill. */
  const out = (k: keyof typeof spilled, i: number, fmt: string): CellSpec =>
    i === 0 ? { f: spilled[k], fmt, style: OUTPUT_STYLE, spill: { rows: rows.length, cols: 1 } } : { fmt, style: OUTPUT_STYLE };

  const chipNameCells: string[] = [];
  rows.forEach((m, i) => {
    const R = firstRow + i;
    const ref = (c: number): string => a1(R, c, "col");
    const P1 = ref(C.params);
    const tokensCell: CellSpec =
      m.tokens !== null
        ? { v: m.tokens, fmt: FMT.flop, style: INPUT_STYLE }
        : { f: `=IF(${P1}="","",${pick(mode, `AI.CHINCHILLATOKENS(${P1},Tokens_Per_Param)`, `${P1}*Tokens_Per_Param`)})`, fmt: FMT.flop, style: FORMULA_STYLE };
    const cells: CellSpec[] = [
      { v: m.label === "" ? null : m.label },
      { v: m.params, fmt: FMT.flop, style: INPUT_STYLE },
      tokensCell,
      { v: chip.name[b.language], style: INPUT_STYLE },
      { v: clusterChips, fmt: FMT.count, style: INPUT_STYLE },
      { v: utilization, fmt: FMT.percent, style: INPUT_STYLE },
      { v: price, fmt: FMT.usd2, style: INPUT_STYLE },
      { f: `=IF(${ref(C.chip)}="","",${peakFormula(mode, ref(C.chip))})`, fmt: FMT.flops, style: FORMULA_STYLE },
      out("flop", i, FMT.flop),
      out("pfdays", i, FMT.count),
      out("days", i, FMT.count1),
      out("chipHours", i, FMT.count),
      out("cost", i, FMT.usd),
      { v: m.reportedFlop, fmt: FMT.flop, style: INPUT_STYLE },
      { v: m.note === "" ? null : m.note, style: NOTE_STYLE },
    ];
    b.put(R, 0, [cells]);
    chipNameCells.push(ref(C.chip));
    const inputCols: number[] = [C.params, C.chip, C.chips, C.util, C.price];
    if (m.tokens !== null) inputCols.push(C.tokens);
    if (m.reportedFlop !== null) inputCols.push(C.reported);
    for (const c of inputCols) {
      if (c === C.params && m.params === null) continue;
      b.input(`${m.rowKey}: ${units[c] ?? ""}`, { row: R, col: c }, { row: unitRow, col: c }, { row: sourceRow, col: c });
    }
    const outs: [keyof typeof C, string, string][] = [
      ["flop", t("训练算力", "Training compute"), "FLOP"],
      ["pfdays", "PF-days", "PF-days"],
      ["days", t("训练天数", "Days to train"), t("天", "days")],
      ["chipHours", t("芯片小时", "Chip-hours"), t("芯片小时", "chip-hours")],
      ["cost", t("训练成本", "Training cost"), t("美元", "USD")],
    ];
    for (const [k, label, unit] of outs) b.output(k, label, unit, { row: R, col: C[k] }, m.rowKey);
  });

  // The chip lookup table below the models (portable mode, or AI mode without AI.CHIP).
  const nextRow = writeChipList(b, lastRow + 3, mode);
  b.validation({ row: firstRow, col: C.chip, rows: rows.length, cols: 1 }, chipChoices(b.language));

  const notesRow = nextRow + 2;
  const notes = [
    t(
      "训练算力 = 6 × 参数量 × 训练 token 数 (Kaplan et al. 2020; EleutherAI, Transformer Math 101)。",
      'Training compute = 6 × parameters × training tokens (Kaplan et al. 2020; EleutherAI, "Transformer Math 101").'
    ),
    t(
      "1 PF-day = 10^15 FLOP/s × 86,400 s = 8.64e19 FLOP (Brown et al. 2020, 表 D.1)。",
      "1 PF-day = 10^15 FLOP/s × 86,400 s = 8.64e19 FLOP (Brown et al. 2020, Table D.1)."
    ),
    t(
      "训练天数 = FLOP ÷ (芯片数 × 单芯片峰值 × 利用率) ÷ 86,400 (Epoch AI 硬件时间法)。",
      "Days = FLOP ÷ (chips × peak per chip × utilization) ÷ 86,400 (Epoch AI, hardware-time method)."
    ),
    usesChipTable(mode)
      ? t(
          "峰值算力为稠密 FP16/BF16 张量算力 (不含稀疏), 来自下方芯片表 (厂商数据手册, Epoch AI)。",
          "Peak is dense FP16/BF16 tensor throughput (no sparsity), from the chip table below (vendor datasheets, Epoch AI)."
        )
      : t(
          "峰值算力为稠密 FP16/BF16 张量算力 (不含稀疏), 由 AI.CHIP 从加载项的芯片数据读取 (厂商数据手册, Epoch AI)。",
          "Peak is dense FP16/BF16 tensor throughput (no sparsity), read by AI.CHIP from the add-in's chip data (vendor datasheets, Epoch AI)."
        ),
    t(
      "模型、参数量来自报告图8; token 数与公布算力来自论文与 Epoch AI (逐行注明)。",
      "Models and parameters: the report's 图8; tokens and reported compute: the papers and Epoch AI (named per row)."
    ),
    t("财通证券研究所《ChatGPT 系列之二》(2023-02), 图8。", "财通证券研究所, ChatGPT series no. 2 (2023-02), 图8."),
  ];
  if (mode === "ai")
    notes.push(
      t(
        "AI.PFDAYS / AI.TRAINDAYS / AI.CHIPHOURS 内置 8.64e19 FLOP/PF-day、86,400 秒/天与 3,600 秒/小时。",
        "AI.PFDAYS, AI.TRAINDAYS and AI.CHIPHOURS use 8.64e19 FLOP per PF-day, 86,400 s per day and 3,600 s per hour."
      )
    );
  return b.build({
    templateId: TRAINING_COMPUTE_ID,
    mode,
    sheetName: modelSheetName(options, TRAINING_COMPUTE_TITLE),
    notes: { at: { row: notesRow, col: 0 }, lines: notes },
    // Labels and figures: not the source row or the notes column, whose long texts would widen every column.
    autofit: [
      { row: headerRow, col: 0, rows: 2, cols: C.notes },
      { row: firstRow, col: 0, rows: rows.length, cols: C.notes },
    ],
  });
}
