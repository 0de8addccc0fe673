/**
 * How the functions' arguments and results read in words (issue 20: the pane's function builder
 * and "explain this cell"): each parameter's unit, in English and Chinese, and the number format
 * its value is shown with; each function's result label and unit. Keyed by the parameter names
 * of the specs (src/core/spec.ts) and the function ids of the registry: a test checks that every
 * parameter of every function and every function has an entry, so nothing here can drift into a
 * second list of arguments.
 */
import type { Language } from "../sheet/workbook";
import { exponentText, formatGeneral } from "../core/general-format";

/**
 * How a number is shown, each as an Excel number format shows it:
 * - scientific: "0.00E+00" (FLOP, parameters, FLOP/s), as the datasets show them;
 * - count: "#,##0" for whole numbers, two decimals kept when it has them ("1,298.41");
 * - fixed2: "#,##0.00" ("38.04");
 * - percent: a decimal as a percentage with up to two decimals ("30%", "0.47%");
 * - general: Excel's General format in a standard-width column.
 */
export type NumberStyle = "scientific" | "count" | "fixed2" | "percent" | "general";

/** "{v} chips": where the value goes in its words, per language. */
export type UnitPattern = Readonly<Record<Language, string>>;

export interface ParamDisplay {
  unit: UnitPattern;
  style: NumberStyle;
  /**
   * A lookup that gives this argument from a name (the builder's picker): AI.CHIP(name) for a
   * chip's peak FLOP/s, AI.MODEL(name, field) for a model's figure.
   */
  lookup?: { fn: "MODEL" | "CHIP"; field: string };
}

const plain: UnitPattern = { en: "{v}", zh: "{v}" };
const FLOP: UnitPattern = { en: "{v} FLOP", zh: "{v} FLOP" };
const PEAK: ParamDisplay = { unit: { en: "{v} FLOP/s", zh: "{v} FLOP/s" }, style: "scientific", lookup: { fn: "CHIP", field: "bf16" } };
const UTILIZATION: ParamDisplay = { unit: { en: "{v} utilization", zh: "利用率 {v}" }, style: "percent" };
const RETURN: ParamDisplay = { unit: plain, style: "percent" };
const TEXT: ParamDisplay = { unit: plain, style: "general" };

/** By parameter name (the specs share names: every `flop` is training or inference compute in FLOP). */
export const PARAM_DISPLAY: Readonly<Record<string, ParamDisplay>> = {
  params: { unit: { en: "{v} parameters", zh: "{v} 个参数" }, style: "scientific", lookup: { fn: "MODEL", field: "params" } },
  tokens: { unit: { en: "{v} tokens", zh: "{v} 个 token" }, style: "scientific", lookup: { fn: "MODEL", field: "tokens" } },
  flops_per_param_token: { unit: { en: "{v} FLOP per parameter per token", zh: "每参数每 token {v} FLOP" }, style: "general" },
  flop: { unit: FLOP, style: "scientific", lookup: { fn: "MODEL", field: "flop" } },
  pf_days: { unit: { en: "{v} PF-days", zh: "{v} PF-days" }, style: "count" },
  chips: { unit: { en: "{v} chips", zh: "{v} 颗芯片" }, style: "count" },
  days: { unit: { en: "{v} days", zh: "{v} 天" }, style: "count" },
  peak_flops_per_chip: PEAK,
  utilization: UTILIZATION,
  price_per_chip_hour: { unit: { en: "{v} per chip-hour", zh: "每芯片小时 {v}" }, style: "fixed2" },
  tokens_per_param: { unit: { en: "{v} tokens per parameter", zh: "每参数 {v} 个 token" }, style: "general" },
  months: { unit: { en: "{v} months", zh: "{v} 个月" }, style: "general" },
  doubling_months: { unit: { en: "{v} months per doubling", zh: "每 {v} 个月翻倍" }, style: "general" },
  growth_factor: { unit: { en: "{v}×", zh: "{v} 倍" }, style: "general" },
  asset_return: RETURN,
  benchmark_return: RETURN,
  method: TEXT,
  start_value: { unit: plain, style: "general" },
  end_value: { unit: plain, style: "general" },
  years: { unit: { en: "{v} years", zh: "{v} 年" }, style: "general" },
  text: TEXT,
  bytes_per_unit_step: { unit: { en: "{v} per unit step", zh: "每级 {v}" }, style: "general" },
  id: TEXT,
  with_header: TEXT,
  language: TEXT,
  name: TEXT,
  field: TEXT,
};

export interface ResultDisplay {
  /** What the result is, e.g. "Days to train". */
  label: Readonly<Record<Language, string>>;
  unit: UnitPattern;
  style: NumberStyle;
}

/** By function id. A lookup's unit is its dataset column's (see explain.ts); a table has none. */
export const RESULT_DISPLAY: Readonly<Record<string, ResultDisplay>> = {
  TRAINFLOPS: { label: { en: "Training compute", zh: "训练算力" }, unit: FLOP, style: "scientific" },
  INFERFLOPS: { label: { en: "Inference compute", zh: "推理算力" }, unit: FLOP, style: "scientific" },
  PFDAYS: { label: { en: "Compute in PF-days", zh: "算力(PF-days)" }, unit: { en: "{v} PF-days", zh: "{v} PF-days" }, style: "fixed2" },
  FLOPFROMPFDAYS: { label: { en: "Compute in FLOP", zh: "算力(FLOP)" }, unit: FLOP, style: "scientific" },
  TRAINDAYS: { label: { en: "Days to train", zh: "训练天数" }, unit: { en: "{v} days", zh: "{v} 天" }, style: "fixed2" },
  CHIPSNEEDED: { label: { en: "Chips needed", zh: "所需芯片数" }, unit: { en: "{v} chips", zh: "{v} 颗芯片" }, style: "count" },
  CHIPHOURS: { label: { en: "Chip-hours", zh: "芯片小时" }, unit: { en: "{v} chip-hours", zh: "{v} 芯片小时" }, style: "count" },
  TRAINCOST: { label: { en: "Training cost", zh: "训练成本" }, unit: { en: "{v} (the price's currency)", zh: "{v}(价格的币种)" }, style: "count" },
  CHINCHILLATOKENS: { label: { en: "Compute-optimal tokens", zh: "算力最优 token 数" }, unit: { en: "{v} tokens", zh: "{v} 个 token" }, style: "scientific" },
  OPTIMALPARAMS: { label: { en: "Compute-optimal parameters", zh: "算力最优参数量" }, unit: { en: "{v} parameters", zh: "{v} 个参数" }, style: "scientific" },
  COMPUTEGROWTH: { label: { en: "Growth factor", zh: "增长倍数" }, unit: { en: "{v}×", zh: "{v} 倍" }, style: "count" },
  DOUBLINGTIME: { label: { en: "Doubling time", zh: "翻倍周期" }, unit: { en: "{v} months", zh: "{v} 个月" }, style: "fixed2" },
  RELRETURN: { label: { en: "Relative return", zh: "相对收益率" }, unit: plain, style: "percent" },
  PCTCHANGE: { label: { en: "Change", zh: "涨跌幅" }, unit: plain, style: "percent" },
  CAGR: { label: { en: "Annual growth rate", zh: "年均复合增长率" }, unit: { en: "{v} a year", zh: "每年 {v}" }, style: "percent" },
  PARSENUM: { label: { en: "Number read from text", zh: "文本中的数字" }, unit: plain, style: "general" },
  PARSEBYTES: { label: { en: "Size in bytes", zh: "字节数" }, unit: { en: "{v} bytes", zh: "{v} 字节" }, style: "scientific" },
  DATASET: { label: { en: "Dataset", zh: "数据集" }, unit: plain, style: "general" },
  DATASETS: { label: { en: "Catalogue of datasets", zh: "数据目录" }, unit: plain, style: "general" },
  MODEL: { label: { en: "Model figure", zh: "模型数据" }, unit: plain, style: "general" },
  CHIP: { label: { en: "Chip figure", zh: "芯片数据" }, unit: plain, style: "general" },
};

export { formatGeneral };


const grouped = (n: number, decimals: number): string =>
  new Intl.NumberFormat("en-US", { useGrouping: true, minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n);

/**
 * A number as its style shows it, e.g. formatNumber(3.14e23, "scientific") → "3.14E+23",
 * formatNumber(1024, "count") → "1,024", formatNumber(0.3, "percent") → "30%".
 */
export function formatNumber(n: number, style: NumberStyle): string {
  if (!Number.isFinite(n)) return "#NUM!";
  switch (style) {
    case "scientific": {
      if (n === 0) return "0.00E+00";
      const [m, e] = n.toExponential(2).split("e");
      return `${m}E${exponentText(Number(e))}`;
    }
    case "count": {
      const hundredths = Math.round(Math.abs(n) * 100);
      return grouped(n, hundredths % 100 === 0 ? 0 : hundredths % 10 === 0 ? 1 : 2);
    }
    case "fixed2":
      return grouped(n, 2);
    case "percent": {
      const p = Number((n * 100).toFixed(2));
      return `${String(p)}%`;
    }
    case "general":
      return formatGeneral(n);
  }
}

/** A value in its unit's words: withUnit("1,024", PARAM_DISPLAY.chips.unit, "en") → "1,024 chips". */
export function withUnit(shown: string, unit: UnitPattern, language: Language): string {
  return unit[language].replace("{v}", shown);
}
