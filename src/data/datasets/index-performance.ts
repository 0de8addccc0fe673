/**
 * 图1: the computer-industry index against six market indices, week of 2023-02-06..02-10 and
 * year to date, as printed in the report.
 */
import { column, FORMAT, REPORT_CITATION, textColumn } from "../columns";
import type { Dataset } from "../types";

export const indexPerformance: Dataset = {
  id: "index-performance",
  version: "1.0.0",
  shortTitle: { zh: "计算机指数相对涨跌幅", en: "Index performance" },
  title: {
    zh: "计算机指数相对各板块涨跌幅统计 (2023.02.06-2023.02.10)",
    en: "Computer index vs major indices (week of 2023-02-06 to 2023-02-10)",
  },
  description:
    "Weekly and year-to-date returns of the Shenwan computer industry index (801750.SI) and six " +
    "A-share indices, with the computer index's relative return against each (computer minus " +
    "index, in percentage points, stored as a decimal). The report's 图1.",
  source: [{ text: "数据来源: Wind, 财通证券研究所" }, { text: `${REPORT_CITATION}, 图1` }],
  asOf: "2023-02-06/2023-02-10",
  notes: [
    "Percentages are stored as decimals (0.0047 = 0.47%); relative columns are percentage-point differences stored the same way (0.0132 = 1.32pp).",
    "Year to date runs 2023-01-01 to 2023-02-10 (the report's 图3 period).",
    'PDF extraction fixes: spaces inside numbers removed ("0. 47%" → 0.47%, "801750. SI" → 801750.SI); the U+2212 minus sign in 创业板指\'s weekly change ("−1. 35%") read as an ordinary minus (-1.35%).',
    'Index names are written without the report\'s typographic space ("沪深 300" → 沪深300).',
    'The computer index\'s own relative cells are "-" in the report (not applicable) and are blank here.',
    "Relative returns are the report's values, kept as data. Recomputed from the rounded figures (computer minus index), all six weekly cells and three YTD cells reproduce; three YTD cells differ by 0.01pp: 创业板指 9.95% (recomputed 9.96%), 科创50 11.67% (11.68%), 中证1000 7.36% (7.37%), because the report computed from unrounded data.",
  ],
  columns: [
    textColumn("code", "代码", "Code", "Wind code"),
    textColumn("name_zh", "名称", "Name (Chinese)"),
    textColumn("name_en", "名称 (英文)", "Name"),
    column("change_5d", "近5日涨跌幅", "5-day change", "percent", "", FORMAT.percent),
    column("change_ytd", "年初至今涨跌幅", "YTD change", "percent", "", FORMAT.percent),
    column("rel_5d", "周相对涨跌幅", "Relative 5-day (computer − index)", "percent", "pp", FORMAT.percent),
    column("rel_ytd", "年初至今相对涨跌幅", "Relative YTD (computer − index)", "percent", "pp", FORMAT.percent),
  ],
  rows: [
    ["801750.SI", "计算机行业", "SW Computer", 0.0047, 0.1841, null, null],
    ["000001.SH", "上证指数", "SSE Composite", -0.0008, 0.0555, 0.0055, 0.1286],
    ["000300.SH", "沪深300", "CSI 300", -0.0085, 0.0606, 0.0132, 0.1235],
    ["399006.SZ", "创业板指", "ChiNext Index", -0.0135, 0.0845, 0.0182, 0.0995],
    ["000688.SH", "科创50", "STAR 50", -0.009, 0.0673, 0.0137, 0.1167],
    ["000852.SH", "中证1000", "CSI 1000", 0.0073, 0.1104, -0.0026, 0.0736],
    ["000016.SH", "上证50", "SSE 50", -0.0101, 0.0423, 0.0148, 0.1418],
  ],
};
