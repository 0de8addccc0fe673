/**
 * Model template 4, relative-performance tracker, laid out like the report's 图1: a paste area
 * of index levels (dates down, index codes across), a benchmark drop-down and start/end dates →
 * each index's period return, its return relative to the benchmark, the subject index's return
 * relative to it (图1's column: computer index minus index) and its rank.
 *
 * The paste area is seeded with clearly labelled sample levels built from the report's 图1 %
 * changes, so the sheet computes before any data is pasted.
 */
import { RELATIVE_PERFORMANCE_ID, RELATIVE_PERFORMANCE_TITLE } from "./catalog";
import {
  a1,
  catalogDataset,
  col,
  excelSerial,
  FMT,
  FORMULA_STYLE,
  INPUT_STYLE,
  ModelBuilder,
  modelSheetName,
  NOTE_STYLE,
  OUTPUT_STYLE,
  pick,
  SAMPLE_STYLE,
  type CellSpec,
  type ModelOptions,
  type ModelSheetPlan,
} from "./common";

export interface RelativePerformanceOptions extends ModelOptions {
  /** Rows reserved in the paste area (sample rows included); default 260 (about a year of trading days). */
  pasteRows?: number;
  /** Default benchmark code; default 000300.SH (CSI 300). */
  benchmark?: string;
  /** The index compared with every other (图1: the computer index); default 801750.SI. */
  subject?: string;
}

export const RELATIVE_DEFAULTS = { pasteRows: 260, benchmark: "000300.SH", subject: "801750.SI", start: "2023-02-03", end: "2023-02-10" } as const;

/** The sample's dates: the last close of 2022, the close before the report's week, and the week. */
export const SAMPLE_DATES = ["2022-12-30", "2023-02-03", "2023-02-06", "2023-02-07", "2023-02-08", "2023-02-09", "2023-02-10"] as const;

export interface IndexSeries {
  code: string;
  name: { zh: string; en: string };
  /** Levels on SAMPLE_DATES. */
  levels: number[];
}

/**
 * Sample levels consistent with 图1: every index rebased to 100 on 2022-12-30; the 2023-02-10
 * level gives the report's YTD change, the 2023-02-03 level its weekly change; the four days in
 * between are geometric interpolation (not market data).
 */
export function sampleSeries(): IndexSeries[] {
  const d = catalogDataset("index-performance");
  const [code, zh, en, wk, ytd] = ["code", "name_zh", "name_en", "change_5d", "change_ytd"].map((k) => col(d, k));
  return d.rows.map((r) => {
    const end = 100 * (1 + (r[ytd] as number));
    const weekStart = end / (1 + (r[wk] as number));
    const week = [1, 2, 3, 4].map((k) => weekStart * Math.pow(end / weekStart, k / 5));
    return { code: String(r[code]), name: { zh: String(r[zh]), en: String(r[en]) }, levels: [100, weekStart, ...week, end] };
  });
}

/**
 * Builds the tracker.
 * @example const plan = buildRelativePerformance({ language: "zh", mode: "ai" });
 */
export function buildRelativePerformance(options: RelativePerformanceOptions): ModelSheetPlan {
  const { mode } = options;
  const b = new ModelBuilder(options.language);
  const t = b.t.bind(b);
  const series = sampleSeries();
  const codes = series.map((s) => s.code);
  const pasteRows = options.pasteRows ?? RELATIVE_DEFAULTS.pasteRows;
  if (pasteRows < SAMPLE_DATES.length) throw new Error(`relative-performance: pasteRows must be at least ${SAMPLE_DATES.length}`);
  const benchmark = options.benchmark ?? RELATIVE_DEFAULTS.benchmark;
  const subject = options.subject ?? RELATIVE_DEFAULTS.subject;
  for (const c of [benchmark, subject]) if (!codes.includes(c)) throw new Error(`relative-performance: unknown index code ${c}`);

  b.title(0, t("计算机指数相对各板块涨跌幅", "Computer index vs major indices: period and relative returns"), b.legend(mode));

  let r = b.params(3, t("输入", "Inputs"), [
    {
      label: t("基准指数代码", "Benchmark code"),
      value: benchmark,
      unit: t("Wind 代码", "Wind code"),
      note: t("下拉选择; 取自下方粘贴区表头", "Drop-down; the codes heading the paste area below"),
      fmt: FMT.text,
      kind: "input",
      name: "Benchmark_Code",
      choices: codes,
    },
    {
      label: t("比较主体代码", "Subject code"),
      value: subject,
      unit: t("Wind 代码", "Wind code"),
      note: t("图1 中为计算机行业指数 (801750.SI)", "In 图1: the computer industry index (801750.SI)"),
      fmt: FMT.text,
      kind: "input",
      name: "Subject_Code",
      choices: codes,
    },
    {
      label: t("起始日 (基期收盘)", "Start date (base close)"),
      value: excelSerial(RELATIVE_DEFAULTS.start),
      unit: t("日期", "date"),
      note: t(
        "区间收益从该日收盘起算; 非交易日取此前最近交易日。周度: 上周五; 年初至今: 上年最后交易日",
        "The return runs from this day's close; a non-trading day uses the last trading day before it. Week: the previous Friday; YTD: last trading day of the prior year"
      ),
      fmt: FMT.date,
      kind: "input",
      name: "Start_Date",
    },
    {
      label: t("结束日", "End date"),
      value: excelSerial(RELATIVE_DEFAULTS.end),
      unit: t("日期", "date"),
      note: t("非交易日取此前最近交易日", "A non-trading day uses the last trading day before it"),
      fmt: FMT.date,
      kind: "input",
      name: "End_Date",
    },
    {
      label: t("实际起始交易日", "Start trading day used"),
      value: { f: "=INDEX(Level_Dates,MATCH(Start_Date,Level_Dates,1))" },
      unit: t("日期", "date"),
      note: t("粘贴区中不晚于起始日的最后一个日期", "Last date in the paste area on or before the start date"),
      fmt: FMT.date,
      kind: "calc",
      name: "Start_Day_Used",
    },
    {
      label: t("实际结束交易日", "End trading day used"),
      value: { f: "=INDEX(Level_Dates,MATCH(End_Date,Level_Dates,1))" },
      unit: t("日期", "date"),
      note: t("粘贴区中不晚于结束日的最后一个日期", "Last date in the paste area on or before the end date"),
      fmt: FMT.date,
      kind: "calc",
      name: "End_Day_Used",
    },
  ]);

  // Results, laid out like 图1.
  r++;
  const n = series.length;
  b.section(r++, 0, t("区间表现 (版式同报告图1)", "Period performance (laid out like the report's 图1)"), 10);
  const resHeader = r++;
  b.header(resHeader, 0, [
    t("代码", "Code"),
    t("名称", "Name"),
    t("起始点位", "Start level"),
    t("结束点位", "End level"),
    t("区间涨跌幅", "Period return"),
    t("相对基准涨跌幅", "Relative to benchmark"),
    t("主体相对该指数涨跌幅", "Subject relative to index"),
    t("涨幅排名", "Rank"),
    t("名次", "Place"),
    t("按名次排列的涨跌幅", "Returns, highest first"),
  ]);
  const resUnits = r++;
  b.noteCells(resUnits, 0, [
    t("单位", "Unit"),
    null,
    t("点", "points"),
    t("点", "points"),
    "%",
    t("百分点 (指数 − 基准)", "pp (index − benchmark)"),
    t("百分点 (主体 − 指数)", "pp (subject − index)"),
    t("名 (1 = 最高)", "place (1 = best)"),
    t("名", "place"),
    "%",
  ]);
  const res0 = r;
  r += n;

  // The paste area.
  r += 1;
  const pasteSection = r++;
  b.section(pasteSection, 0, t("指数点位粘贴区 (日期向下, 指数代码向右)", "Index levels: paste closes here (dates down, index codes across)"), n + 1);
  const sampleLabel = r++;
  b.put(sampleLabel, 0, [
    [
      {
        v: t(
          "样本数据: 以 2022-12-30 = 100 重新定基, 由报告图1 的周度与年初至今涨跌幅倒推; 2023-02-06 至 02-09 为插值, 并非行情数据。请用 Wind 收盘点位替换。",
          "SAMPLE DATA: rebased to 100 on 2022-12-30 and built back from the report's 图1 weekly and YTD % changes; 2023-02-06 to 02-09 are interpolated, not market data. Replace with Wind closes."
        ),
        style: SAMPLE_STYLE,
      },
    ],
  ]);
  const codeRow = r++;
  b.header(codeRow, 0, [t("日期", "Date"), ...codes]);
  const nameRow = r++;
  b.put(nameRow, 0, [[{ v: t("名称", "Name"), style: NOTE_STYLE }, ...series.map((s) => ({ v: s.name[b.language] }))]]);
  const unitRow = r++;
  b.noteCells(unitRow, 0, [t("单位: 日期", "Unit: date"), ...series.map(() => t("点", "points"))]);
  const sourceRow = r++;
  b.noteCells(sourceRow, 0, [
    t("来源: Wind (样本: 报告图1 倒推)", "Source: Wind (sample: built from 图1)"),
    ...series.map(() => t("样本, 见上方说明", "Sample; see the line above")),
  ]);
  const data0 = r;
  const grid: CellSpec[][] = Array.from({ length: pasteRows }, (_, i) => [
    { v: i < SAMPLE_DATES.length ? excelSerial(SAMPLE_DATES[i]) : null, fmt: FMT.date, style: INPUT_STYLE },
    ...series.map((s) => ({ v: i < SAMPLE_DATES.length ? s.levels[i] : null, fmt: FMT.count2, style: INPUT_STYLE })),
  ]);
  b.put(data0, 0, grid);
  for (let i = 0; i < SAMPLE_DATES.length; i++) {
    b.input(`date ${SAMPLE_DATES[i]}`, { row: data0 + i, col: 0 }, { row: unitRow, col: 0 }, { row: sourceRow, col: 0 });
    series.forEach((s, k) =>
      b.input(`${s.code} ${SAMPLE_DATES[i]}`, { row: data0 + i, col: 1 + k }, { row: unitRow, col: 1 + k }, { row: sourceRow, col: 1 + k })
    );
  }
  b.name("Level_Dates", { row: data0, col: 0, rows: pasteRows, cols: 1 });
  b.name("Levels", { row: data0, col: 1, rows: pasteRows, cols: n });
  b.name("Level_Codes", { row: codeRow, col: 1, rows: 1, cols: n });

  // Result rows (written now that the paste area's rows are known).
  b.name("Result_Codes", { row: res0, col: 0, rows: n, cols: 1 });
  b.name("Period_Returns", { row: res0, col: 4, rows: n, cols: 1 });
  b.name("Ranked_Returns", { row: res0, col: 9, rows: n, cols: 1 });
  series.forEach((s, k) => {
    const R = res0 + k;
    const code = a1(R, 0, "col");
    const ret = a1(R, 4, "col");
    const level = (dateName: string): string => `=INDEX(Levels,MATCH(${dateName},Level_Dates,1),MATCH(${code},Level_Codes,0))`;
    const benchReturn = "INDEX(Period_Returns,MATCH(Benchmark_Code,Result_Codes,0))";
    const subjectReturn = "INDEX(Period_Returns,MATCH(Subject_Code,Result_Codes,0))";
    b.put(R, 0, [
      [
        { f: `=${a1(codeRow, 1 + k)}`, style: FORMULA_STYLE },
        { f: `=${a1(nameRow, 1 + k)}`, style: FORMULA_STYLE },
        { f: level("Start_Date"), fmt: FMT.count2, style: FORMULA_STYLE },
        { f: level("End_Date"), fmt: FMT.count2, style: FORMULA_STYLE },
        {
          f: pick(mode, `=AI.PCTCHANGE(${a1(R, 2, "col")},${a1(R, 3, "col")})`, `=(${a1(R, 3, "col")}-${a1(R, 2, "col")})/${a1(R, 2, "col")}`),
          fmt: FMT.percent2,
          style: OUTPUT_STYLE,
        },
        { f: pick(mode, `=AI.RELRETURN(${ret},${benchReturn})`, `=${ret}-${benchReturn}`), fmt: FMT.percent2, style: OUTPUT_STYLE },
        {
          f: `=IF(${code}=Subject_Code,"",${pick(mode, `AI.RELRETURN(${subjectReturn},${ret})`, `${subjectReturn}-${ret}`)})`,
          fmt: FMT.percent2,
          style: OUTPUT_STYLE,
        },
        // Rank without RANK (HyperFormula lacks it) and without COUNTIF(">="&x), whose text
        // criterion rounds x to 15 digits in Excel and can miss the cell itself: the place of
        // the return among the returns sorted by LARGE, matched exactly. Ties share the better place.
        { f: `=MATCH(${ret},Ranked_Returns,0)`, fmt: FMT.count, style: OUTPUT_STYLE },
        { v: k + 1, fmt: FMT.count },
        { f: `=LARGE(Period_Returns,${a1(R, 8, "col")})`, fmt: FMT.percent2, style: FORMULA_STYLE },
      ],
    ]);
    const u = (c: number): string => (c === 4 ? "%" : c === 7 ? t("名", "place") : t("百分点", "pp"));
    b.output("return", t("区间涨跌幅", "Period return"), u(4), { row: R, col: 4 }, s.code);
    b.output("relative", t("相对基准涨跌幅", "Relative to benchmark"), u(5), { row: R, col: 5 }, s.code);
    if (s.code !== subject) b.output("subject_relative", t("主体相对该指数涨跌幅", "Subject relative to index"), u(6), { row: R, col: 6 }, s.code);
    b.output("rank", t("涨幅排名", "Rank"), u(7), { row: R, col: 7 }, s.code);
  });

  const notesRow = data0 + pasteRows + 2;
  return b.build({
    templateId: RELATIVE_PERFORMANCE_ID,
    mode,
    sheetName: modelSheetName(options, RELATIVE_PERFORMANCE_TITLE),
    notes: {
      at: { row: notesRow, col: 0 },
      lines: [
        t(
          "区间涨跌幅 = 结束点位 ÷ 起始点位 − 1; 相对涨跌幅为简单差值 (百分点), 与报告图1 一致。",
          "Period return = end level ÷ start level − 1; relative returns are simple differences in percentage points, as in the report's 图1."
        ),
        t(
          "排名: 区间涨跌幅从高到低, 1 = 最高; 并列时名次相同 (同 RANK.EQ)。由 LARGE 排序后精确匹配得出。",
          "Rank: period return from highest (1) down; ties share the better place (as RANK.EQ). Found by matching each return in the returns sorted with LARGE."
        ),
        t(
          "粘贴区: 日期按升序排列; 表头为 Wind 代码, 公式按代码查找列。留空行不影响结果。",
          "Paste area: dates in ascending order; the header row holds Wind codes, which the formulas look columns up by. Blank rows below the data are ignored."
        ),
        t(
          "样本数据由报告图1 的涨跌幅倒推 (数据来源: Wind, 财通证券研究所), 仅用于演示; 年初至今相对值有三处与报告相差 0.01pp, 因报告按未四舍五入数据计算。",
          "The sample is built back from the report's 图1 changes (数据来源: Wind, 财通证券研究所) for demonstration only; three YTD relative values differ from the report by 0.01pp because the report computed from unrounded data."
        ),
        t("财通证券研究所《ChatGPT 系列之二》(2023-02), 图1。", "财通证券研究所, ChatGPT series no. 2 (2023-02), 图1."),
      ],
    },
    // Labels and figures only: the sample line and the notes column would make columns absurdly wide.
    autofit: [
      { row: resHeader, col: 0, rows: n + 2, cols: 10 },
      { row: 5, col: 0, rows: 6, cols: 3 },
    ],
  });
}
