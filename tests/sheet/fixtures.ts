/**
 * Small datasets built here (the real ones live in src/data/datasets/ and may change): one
 * column of every type, two datasets shaped like llm-comparison and index-performance, strings
 * that would be formulas if Excel parsed them, and a generator for large datasets.
 */
import type { CellValue, Column, ColumnType, Dataset } from "../../src/data/types";

export function column(key: string, type: ColumnType, en: string, zh: string, unit = "", numberFormat = ""): Column {
  return { key, type, unit, numberFormat, header: { en, zh } };
}

/** Every column type once, two rows, one blank cell. */
export function allTypesDataset(): Dataset {
  return {
    id: "all-types",
    version: "1.0.0",
    title: { en: "All column types", zh: "全部列类型" },
    description: "Test dataset",
    source: [{ text: "Source: test fixture" }],
    asOf: "2023-02",
    notes: [],
    columns: [
      column("name", "text", "Name", "名称"),
      column("value", "number", "Value", "数值", "", "0.0"),
      column("count", "integer", "Count", "数量"),
      column("share", "percent", "Share", "占比", "", "0.00%"),
      column("released", "date", "Released", "发布日期", "", "yyyy-mm-dd"),
      column("month", "month", "Month", "月份", "", "yyyy-mm"),
      column("train_flop", "flop", "Training compute", "训练算力", "FLOP", "0.00E+00"),
      column("peak_flops", "flops", "Peak", "峰值算力", "FLOP/s", "0.00E+00"),
      column("memory", "bytes", "Memory", "内存", "bytes", "#,##0"),
      column("params", "params", "Parameters", "参数量", "", "0.00E+00"),
      column("capex", "currency", "Capex", "资本开支", "USD bn", "#,##0.0"),
    ],
    rows: [
      ["GPT-3", 1.5, 96, 0.0047, "2020-05-28", "2020-05", 3.14e23, 3.12e14, 80e9, 175e9, 12.5],
      ["PaLM", null, 118, -0.012, "2022-04-04", "2022-04", 2.53e24, 1.0e15, 16e9, 540e9, 3],
    ],
  };
}

export function llmDataset(rows = 3): Dataset {
  const base: CellValue[][] = [
    ["GPT-3", "OpenAI", "2020-05-28", 175e9, 3.14e23],
    ["LaMDA", "Google", "2021-05-18", 137e9, 3.55e23],
    ["PaLM", "Google", "2022-04-04", 540e9, 2.53e24],
    ["Yuan 1.0", "Inspur", "2021-09-28", 245.7e9, 3.54e23],
  ];
  return {
    id: "llm-comparison",
    version: "1.0.0",
    title: { en: "LLM comparison", zh: "大模型对比" },
    description: "Test",
    source: [{ text: "数据来源: 各公司官网, 财通证券研究所" }],
    asOf: "2023-02",
    notes: ["Yuan 1.0 tokens unconfirmed"],
    columns: [
      column("model", "text", "Model", "模型"),
      column("org", "text", "Organisation", "机构"),
      column("release_date", "date", "Release date", "发布时间", "", "yyyy-mm-dd"),
      column("params", "params", "Parameters", "参数量", "", "0.00E+00"),
      column("train_flop", "flop", "Training compute", "训练算力", "FLOP", "0.00E+00"),
    ],
    rows: base.slice(0, rows),
  };
}

export function indexDataset(): Dataset {
  return {
    id: "index-performance",
    version: "2023-02-10",
    title: { en: "Index performance", zh: "指数表现" },
    description: "Test",
    source: [{ text: "数据来源: Wind, 财通证券研究所" }],
    asOf: "2023-02-06/2023-02-10",
    notes: [],
    columns: [
      column("index", "text", "Index", "指数"),
      column("weekly_return", "percent", "Weekly return", "周涨跌幅", "", "0.00%"),
      column("relative_return", "percent", "Relative to CSI 300", "相对沪深300", "", "0.00%"),
    ],
    rows: [
      ["计算机 (申万)", 0.0047, 0.0132],
      ["沪深300", -0.0085, 0],
    ],
  };
}

/** Strings a spreadsheet would run as formulas if it parsed them. */
export const INJECTIONS = ['=HYPERLINK("http://evil.example","click")', "+1", "-2", "@SUM(A1)", "=1+1", "-A1", "+cmd|' /C calc'!A0"];

export function injectionDataset(): Dataset {
  return {
    id: "injection",
    version: "1",
    title: { en: "=Evil title", zh: "=恶意" },
    description: "Test",
    source: [{ text: '=HYPERLINK("http://evil.example")' }],
    asOf: "2023",
    notes: ["@SUM(A1)"],
    columns: [column("label", "text", "=Label", "=标签"), column("value", "number", "+Value", "+数值"), column("day", "date", "-Day", "-日期")],
    rows: INJECTIONS.map((s, i) => [s, i % 2 === 0 ? s : i, i === 0 ? "not-a-date" : "2023-01-01"]),
  };
}

/** A synthetic dataset of `rows` × `cols` (first column a unique text key). */
export function bigDataset(rows: number, cols: number): Dataset {
  const columns: Column[] = [column("key", "text", "Key", "键")];
  for (let c = 1; c < cols; c++) columns.push(column(`v${c}`, c % 3 === 0 ? "percent" : "number", `Value ${c}`, `数值 ${c}`, "", c % 3 === 0 ? "0.00%" : "#,##0.00"));
  const data: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: CellValue[] = [`row-${r}`];
    for (let c = 1; c < cols; c++) row.push(((r * 31 + c * 17) % 100000) / 7);
    data.push(row);
  }
  return {
    id: "big-synthetic",
    version: "1",
    title: { en: "Big synthetic", zh: "大数据" },
    description: "Synthetic",
    source: [{ text: "Source: generated" }],
    asOf: "2024-01",
    notes: [],
    columns,
    rows: data,
  };
}
