/**
 * Model template 5, compute trend: a log-linear fit of training compute against publication
 * date over Epoch AI's models, for a window of years and a domain chosen on the sheet → growth
 * per year and doubling time in months, beside OpenAI's 3.4-month doubling ("AI and Compute",
 * 2018) and a 24-month Moore's-law pace, with a scatter chart of the points, the fit and both
 * reference lines.
 *
 * HyperFormula (the workbench and the tests) has no LINEST, INTERCEPT, FORECAST or TREND, so the
 * fit uses SLOPE and RSQ, and the intercept is mean(y) − slope × mean(x); helper columns hold
 * x and ln(FLOP) for rows in the window and "" elsewhere, which SLOPE, RSQ, AVERAGE and COUNT
 * skip in Excel and in HyperFormula alike.
 */
import { COMPUTE_TREND_ID, COMPUTE_TREND_TITLE } from "./catalog";
import type { Dataset, LocalizedText } from "../../data/types";
import { OPENAI_DOUBLING_MONTHS } from "../../core/units";
import {
  a1,
  col,
  excelSerial,
  FMT,
  FORMULA_STYLE,
  INPUT_STYLE,
  ModelBuilder,
  modelSheetName,
  pick,
  type CellSpec,
  type ModelOptions,
  type ModelSheetPlan,
} from "./common";

export interface ComputeTrendOptions extends ModelOptions {
  /** Epoch AI's models (loadEpochModels()). */
  epochModels: Dataset;
  startYear?: number;
  endYear?: number;
  /** A domain from domainChoices(), or the "all domains" entry; default all. */
  domain?: string;
}

export const TREND_DEFAULTS = { startYear: 2012, endYear: 2018, mooreMonths: 24, daysPerYear: 365.25, timeOrigin: "2000-01-01" } as const;

/** The drop-down entry meaning "every domain". */
export const ALL_DOMAINS: LocalizedText = { zh: "全部", en: "All" };

export interface TrendPoint {
  model: string;
  date: string;
  domain: string;
  flop: number;
  confidence: string;
}

/** Epoch rows with a positive training compute and a full date, oldest first. */
export function trendPoints(epoch: Dataset): TrendPoint[] {
  const [m, d, dom, flop, conf] = ["model", "publication_date", "domain", "training_compute_flop", "confidence"].map((k) => col(epoch, k));
  return epoch.rows
    .filter((r) => typeof r[flop] === "number" && (r[flop] as number) > 0 && typeof r[d] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(r[d] as string))
    .map((r) => ({ model: String(r[m] ?? ""), date: r[d] as string, domain: String(r[dom] ?? ""), flop: r[flop] as number, confidence: String(r[conf] ?? "") }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The single domains in the points (Epoch lists several per model, comma-separated), most frequent first. */
export function domainChoices(points: readonly TrendPoint[]): string[] {
  const count = new Map<string, number>();
  for (const p of points) for (const d of p.domain.split(",").map((s) => s.trim())) if (d !== "") count.set(d, (count.get(d) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([d]) => d);
}

const C = {
  model: 0,
  date: 1,
  domain: 2,
  flop: 3,
  conf: 4,
  inWindow: 5,
  t: 6,
  tUsed: 7,
  lnUsed: 8,
  chartFlop: 9,
  chartFit: 10,
  chartOpenAi: 11,
  chartMoore: 12,
} as const;
const WIDTH = 13;

/**
 * Builds the compute-trend sheet.
 * @example const plan = buildComputeTrend({ language: "en", mode: "ai", epochModels: await loadEpochModels() });
 */
export function buildComputeTrend(options: ComputeTrendOptions): ModelSheetPlan {
  const { mode } = options;
  const b = new ModelBuilder(options.language);
  const t = b.t.bind(b);
  const points = trendPoints(options.epochModels);
  if (points.length < 2) throw new Error("compute-trend: Epoch's dataset has fewer than two models with compute");
  const all = ALL_DOMAINS[b.language];
  const domains = [all, ...domainChoices(points)];
  const domain = options.domain === undefined || options.domain === ALL_DOMAINS.en || options.domain === ALL_DOMAINS.zh ? all : options.domain;
  if (!domains.includes(domain)) throw new Error(`compute-trend: unknown domain "${domain}"`);

  b.title(0, t("训练算力增长趋势 (Epoch AI 模型库, 对数线性拟合)", "Training compute trend (Epoch AI models, log-linear fit)"), b.legend(mode));
  const inputsEnd = b.params(3, t("输入", "Inputs"), [
    {
      label: t("起始年份", "Start year"),
      value: options.startYear ?? TREND_DEFAULTS.startYear,
      unit: t("年 (含)", "year (inclusive)"),
      note: t("OpenAI《AI and Compute》的区间始于 2012 年", 'OpenAI\'s "AI and Compute" window starts in 2012'),
      fmt: FMT.year,
      kind: "input",
      name: "Start_Year",
    },
    {
      label: t("结束年份", "End year"),
      value: options.endYear ?? TREND_DEFAULTS.endYear,
      unit: t("年 (含)", "year (inclusive)"),
      note: t("OpenAI 的文章发布于 2018 年", "OpenAI's post was published in 2018"),
      fmt: FMT.year,
      kind: "input",
      name: "End_Year",
    },
    {
      label: t("领域", "Domain"),
      value: domain,
      unit: t("Epoch 领域", "Epoch domain"),
      note: t(`下拉选择; "${all}" = 所有领域; 模型可属多个领域`, `Drop-down; "${all}" = every domain; a model may list several`),
      fmt: FMT.text,
      kind: "input",
      name: "Domain_Choice",
      choices: domains,
    },
    {
      label: t("OpenAI 翻倍时间", "OpenAI doubling time"),
      value: OPENAI_DOUBLING_MONTHS,
      unit: t("月", "months"),
      note: t("OpenAI《AI and Compute》(2018): 3.4 个月; 报告引用 3.43", 'OpenAI, "AI and Compute" (2018): 3.4 months; the report quotes 3.43'),
      fmt: FMT.count2,
      kind: "input",
      name: "OpenAI_Months",
    },
    {
      label: t("摩尔定律翻倍时间", "Moore's-law doubling time"),
      value: TREND_DEFAULTS.mooreMonths,
      unit: t("月", "months"),
      note: t("Moore (1975): 约每两年翻一番", "Moore (1975): doubling about every two years"),
      fmt: FMT.count,
      kind: "input",
      name: "Moore_Months",
    },
    {
      label: t("每年月数", "Months per year"),
      value: 12,
      unit: t("月", "months"),
      note: t("定义", "Definition"),
      fmt: FMT.count,
      kind: "input",
      name: "Months_Per_Year",
    },
    {
      label: t("每年天数", "Days per year"),
      value: TREND_DEFAULTS.daysPerYear,
      unit: t("天", "days"),
      note: t("平均儒略年; 把 Excel 日期换算为年", "Mean Julian year; turns Excel dates into years"),
      fmt: FMT.count2,
      kind: "input",
      name: "Days_Per_Year",
    },
    {
      label: t("时间原点", "Time origin"),
      value: excelSerial(TREND_DEFAULTS.timeOrigin),
      unit: t("日期", "date"),
      note: t("t = (日期 − 原点) ÷ 每年天数; 只影响截距, 不影响斜率", "t = (date − origin) ÷ days per year; moves the intercept, not the slope"),
      fmt: FMT.date,
      kind: "input",
      name: "Time_Origin",
    },
    {
      label: t("翻倍倍数", "Doubling multiple"),
      value: 2,
      unit: "×",
      note: t("定义: 翻倍 = ×2", "Definition: a doubling is ×2"),
      fmt: FMT.count,
      kind: "input",
      name: "Doubling_Multiple",
    },
  ]);
  const fitEnd = b.params(inputsEnd + 1, t("拟合结果", "Fit"), [
    {
      label: t("窗口内模型数", "Models in the window"),
      value: { f: "=COUNT(T_Used)" },
      unit: t("个", "models"),
      note: t("有训练算力与日期的模型", "Models with a compute figure and a date"),
      fmt: FMT.count,
      kind: "output",
      key: "points",
      name: "Fit_Points",
    },
    {
      label: t("斜率", "Slope"),
      value: { f: "=SLOPE(LnC_Used,T_Used)" },
      unit: t("ln(FLOP)/年", "ln(FLOP) per year"),
      note: t("ln(算力) 对 t 的最小二乘斜率", "Least-squares slope of ln(compute) on t"),
      fmt: "0.0000",
      kind: "calc",
      name: "Fit_Slope",
    },
    {
      label: t("截距", "Intercept"),
      value: { f: "=AVERAGE(LnC_Used)-Fit_Slope*AVERAGE(T_Used)" },
      unit: t("ln(FLOP), t = 0 时", "ln(FLOP) at t = 0"),
      note: t("均值(y) − 斜率 × 均值(t)", "mean(y) − slope × mean(t)"),
      fmt: "0.0000",
      kind: "calc",
      name: "Fit_Intercept",
    },
    {
      label: "R²",
      value: { f: "=RSQ(LnC_Used,T_Used)" },
      unit: t("比例", "share"),
      note: t("拟合优度", "Goodness of fit"),
      fmt: "0.000",
      kind: "calc",
      name: "Fit_R2",
    },
    {
      label: t("拟合年增长倍数", "Fitted growth per year"),
      value: { f: "=EXP(Fit_Slope)" },
      unit: "×",
      note: "e^slope",
      fmt: FMT.ratio,
      kind: "output",
      key: "growth_per_year",
      name: "Fit_Growth",
    },
    {
      label: t("拟合翻倍时间", "Fitted doubling time"),
      value: { f: pick(mode, "=AI.DOUBLINGTIME(Fit_Growth,Months_Per_Year)", "=Months_Per_Year*LN(Doubling_Multiple)/Fit_Slope") },
      unit: t("月", "months"),
      note: t("12 × ln 2 ÷ 斜率", "12 × ln 2 ÷ slope"),
      fmt: FMT.count2,
      kind: "output",
      key: "doubling_months",
      name: "Fit_Doubling_Months",
    },
    {
      label: t("拟合翻倍时间 ÷ OpenAI", "Fitted doubling ÷ OpenAI's"),
      value: { f: "=Fit_Doubling_Months/OpenAI_Months" },
      unit: "×",
      note: t("大于 1: 比 OpenAI 的 3.4 个月慢", "Above 1: slower than OpenAI's 3.4 months"),
      fmt: FMT.ratio,
      kind: "calc",
      name: "Vs_OpenAI",
    },
    {
      label: t("OpenAI 节奏年增长倍数", "OpenAI pace, growth per year"),
      value: { f: pick(mode, "=AI.COMPUTEGROWTH(Months_Per_Year,OpenAI_Months)", "=Doubling_Multiple^(Months_Per_Year/OpenAI_Months)") },
      unit: "×",
      note: t("2^(12 ÷ 3.43)", "2^(12 ÷ 3.43)"),
      fmt: FMT.ratio,
      kind: "output",
      key: "openai_growth_per_year",
    },
    {
      label: t("摩尔定律年增长倍数", "Moore's-law pace, growth per year"),
      value: { f: pick(mode, "=AI.COMPUTEGROWTH(Months_Per_Year,Moore_Months)", "=Doubling_Multiple^(Months_Per_Year/Moore_Months)") },
      unit: "×",
      note: t("2^(12 ÷ 24)", "2^(12 ÷ 24)"),
      fmt: FMT.ratio,
      kind: "output",
      key: "moore_growth_per_year",
    },
    {
      label: t("参考线起点 t", "Reference lines start at t"),
      value: { f: "=MIN(T_Used)" },
      unit: t("年 (自原点)", "years since origin"),
      note: t("窗口内最早的模型", "The earliest model in the window"),
      fmt: FMT.count2,
      kind: "calc",
      name: "Anchor_T",
    },
    {
      label: t("参考线起点算力", "Reference lines start at compute"),
      value: { f: "=EXP(Fit_Intercept+Fit_Slope*Anchor_T)" },
      unit: "FLOP",
      note: t("该点的拟合值", "The fit's value there"),
      fmt: FMT.flop,
      kind: "calc",
      name: "Anchor_FLOP",
    },
  ]);

  // The data table.
  let r = fitEnd + 1;
  b.section(r++, 0, t("Epoch AI 模型数据 (有训练算力者, 按日期升序)", "Epoch AI models (those with a compute figure, oldest first)"), WIDTH);
  const headerRow = r++;
  b.header(headerRow, 0, [
    t("模型", "Model"),
    t("发布日期", "Publication date"),
    t("领域", "Domain"),
    t("训练算力", "Training compute"),
    t("置信度", "Confidence"),
    t("在窗口内", "In window"),
    "t",
    t("t (窗口内)", "t (in window)"),
    t("ln(算力) (窗口内)", "ln(compute) (in window)"),
    t("图: 窗口内算力", "Chart: compute in window"),
    t("图: 拟合", "Chart: fit"),
    t("图: OpenAI 节奏", "Chart: OpenAI pace"),
    t("图: 摩尔定律", "Chart: Moore's law"),
  ]);
  const unitRow = r++;
  b.noteCells(unitRow, 0, [
    null,
    t("日期", "date"),
    null,
    "FLOP",
    null,
    "TRUE/FALSE",
    t("年 (自原点)", "years since origin"),
    t("年", "years"),
    "ln(FLOP)",
    "FLOP",
    "FLOP",
    "FLOP",
    "FLOP",
  ]);
  const sourceRow = r++;
  const epochSource = options.epochModels.source[0]?.text ?? "Epoch AI";
  b.noteCells(sourceRow, 0, [
    t("来源", "Source"),
    epochSource,
    null,
    t("Epoch AI 估计 (见置信度)", "Epoch AI's estimate (see confidence)"),
    ...Array.from({ length: WIDTH - 4 }, () => null),
  ]);
  const first = r;
  const grid: CellSpec[][] = points.map((p, i) => {
    const R = first + i;
    const ref = (c: number): string => a1(R, c, "col");
    // Epoch lists several domains per model ("Language,Vision"): match a whole entry, not a substring.
    const inWindow = `=AND(YEAR(${ref(C.date)})>=Start_Year,YEAR(${ref(C.date)})<=End_Year,OR(Domain_Choice="${all}",ISNUMBER(SEARCH(","&Domain_Choice&",",","&${ref(C.domain)}&","))))`;
    const ifIn = (then: string, otherwise: string): string => `=IF(${ref(C.inWindow)},${then},${otherwise})`;
    const pace = (months: string): string => ifIn(`Anchor_FLOP*Doubling_Multiple^((${ref(C.t)}-Anchor_T)*Months_Per_Year/${months})`, "NA()");
    return [
      { v: p.model },
      { v: excelSerial(p.date), fmt: FMT.date, style: INPUT_STYLE },
      { v: p.domain === "" ? null : p.domain },
      { v: p.flop, fmt: FMT.flop, style: INPUT_STYLE },
      { v: p.confidence === "" ? null : p.confidence },
      { f: inWindow, style: FORMULA_STYLE },
      { f: `=(${ref(C.date)}-Time_Origin)/Days_Per_Year`, fmt: FMT.count2, style: FORMULA_STYLE },
      { f: ifIn(ref(C.t), '""'), fmt: FMT.count2, style: FORMULA_STYLE },
      { f: ifIn(`LN(${ref(C.flop)})`, '""'), fmt: "0.000", style: FORMULA_STYLE },
      { f: ifIn(ref(C.flop), "NA()"), fmt: FMT.flop, style: FORMULA_STYLE },
      { f: ifIn(`EXP(Fit_Intercept+Fit_Slope*${ref(C.t)})`, "NA()"), fmt: FMT.flop, style: FORMULA_STYLE },
      { f: pace("OpenAI_Months"), fmt: FMT.flop, style: FORMULA_STYLE },
      { f: pace("Moore_Months"), fmt: FMT.flop, style: FORMULA_STYLE },
    ];
  });
  b.put(first, 0, grid);
  points.forEach((p, i) => {
    b.input(`${p.model} date`, { row: first + i, col: C.date }, { row: unitRow, col: C.date }, { row: sourceRow, col: C.date });
    b.input(`${p.model} compute`, { row: first + i, col: C.flop }, { row: unitRow, col: C.flop }, { row: sourceRow, col: C.flop });
  });
  const n = points.length;
  b.name("T_Used", { row: first, col: C.tUsed, rows: n, cols: 1 });
  b.name("LnC_Used", { row: first, col: C.lnUsed, rows: n, cols: 1 });

  const column = (c: number) => ({ row: first, col: c, rows: n, cols: 1 });
  const notesRow = first + n + 2;
  return b.build({
    templateId: COMPUTE_TREND_ID,
    mode,
    sheetName: modelSheetName(options, COMPUTE_TREND_TITLE),
    notes: {
      at: { row: notesRow, col: 0 },
      lines: [
        t(
          "拟合: ln(训练算力) = 截距 + 斜率 × t, 普通最小二乘, 仅含窗口内 (起止年份, 领域) 的模型; 翻倍时间 = 12 × ln 2 ÷ 斜率 (月)。",
          "Fit: ln(training compute) = intercept + slope × t by ordinary least squares over the models in the window (years and domain); doubling time = 12 × ln 2 ÷ slope, in months."
        ),
        t(
          "OpenAI《AI and Compute》(2018): 2012 年以来最大训练任务的算力每 3.4 个月翻一番 (报告引用 3.43), 只统计最大的训练任务; 本表拟合全部有算力估计的模型, 因此翻倍时间通常更长。",
          'OpenAI, "AI and Compute" (2018): compute of the largest training runs doubled every 3.4 months since 2012 (the report quotes 3.43). That trend follows only the largest runs; this fit takes every model with a compute estimate, so its doubling time is usually longer.'
        ),
        t(
          "摩尔定律: 约每 24 个月翻一番 (Moore 1975)。参考线从窗口内最早模型的拟合值出发。",
          "Moore's law: doubling about every 24 months (Moore 1975). The reference lines start from the fit's value at the earliest model in the window."
        ),
        t(`数据: ${epochSource}。${options.epochModels.license ?? ""}`, `Data: ${epochSource}. ${options.epochModels.license ?? ""}`),
        t(
          "图表: 散点为窗口内模型, 其余系列为拟合与参考节奏 (对数纵轴); 窗口外的行显示 #N/A, 图表不绘制。",
          "Chart: the points are the models in the window; the other series are the fit and the reference paces (log scale). Rows outside the window show #N/A, which charts skip."
        ),
      ],
    },
    chart: {
      kind: "scatter",
      title: t("训练算力 (FLOP, 对数坐标) 与发布日期", "Training compute (FLOP, log scale) by publication date"),
      series: [
        { name: t("窗口内模型", "Models in the window"), values: column(C.chartFlop), categories: column(C.date) },
        { name: t("对数线性拟合", "Log-linear fit"), values: column(C.chartFit), categories: column(C.date) },
        { name: t("OpenAI 3.4 个月翻倍", "OpenAI: doubling every 3.4 months"), values: column(C.chartOpenAi), categories: column(C.date) },
        { name: t("摩尔定律 24 个月翻倍", "Moore's law: doubling every 24 months"), values: column(C.chartMoore), categories: column(C.date) },
      ],
      logValueAxis: true,
      categoryAxisFormat: "yyyy",
      valueAxisFormat: "0.E+00",
      position: { row: 3, col: 5, rows: fitEnd - 3, cols: 8 },
    },
    autofit: [
      { row: 5, col: 0, rows: fitEnd - 5, cols: 3 },
      { row: headerRow, col: 0, rows: 2, cols: WIDTH },
    ],
  });
}
