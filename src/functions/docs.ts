/**
 * The function reference beyond what functions.json holds: the unit of the result, a worked
 * example (checked by tests against the implementation) and the source of the formula. The
 * README's reference table is generated from functions.json + this (npm run docs).
 */
export interface FunctionDoc {
  /** Arguments of the example, as typed in Excel. */
  example: readonly (number | string)[];
  /** What the example returns (numbers compared with a relative tolerance of 1e-3; a matrix by its size). */
  result: number | string | { rows: number; cols: number };
  /** How the README shows the result. */
  shown: string;
  unit: string;
  source: string;
}

export const FUNCTION_DOCS: Readonly<Record<string, FunctionDoc>> = {
  TRAINFLOPS: {
    example: [175e9, 300e9],
    result: 3.15e23,
    shown: "3.15E+23 (GPT-3)",
    unit: "FLOP",
    source: "6·N·D: Kaplan et al. 2020, arXiv:2001.08361; GPT-3 paper Table D.1 reports 3.14E+23",
  },
  INFERFLOPS: { example: [175e9, 1000], result: 3.5e14, shown: "3.50E+14", unit: "FLOP", source: "2·N per token: Kaplan et al. 2020" },
  PFDAYS: {
    example: [3.14e23],
    result: 3634.26,
    shown: "3,634 (GPT-3 paper: 3,640)",
    unit: "PF-days",
    source: "1 PF-day = 8.64e19 FLOP: Brown et al. 2020, Table D.1",
  },
  FLOPFROMPFDAYS: { example: [3640], result: 3.145e23, shown: "3.14E+23", unit: "FLOP", source: "Brown et al. 2020, Table D.1" },
  TRAINDAYS: {
    example: [3.15e23, 1024, 312e12, 0.3],
    result: 38.04,
    shown: "38.0 (GPT-3 on 1,024 A100s)",
    unit: "days",
    source: 'hardware-time method: Epoch AI, "Estimating training compute"',
  },
  CHIPSNEEDED: { example: [3.15e23, 30, 312e12], result: 1298.4, shown: "1,298", unit: "chips", source: "Epoch AI hardware-time method, solved for chips" },
  CHIPHOURS: { example: [3.15e23, 312e12], result: 934829.1, shown: "934,829", unit: "chip-hours", source: "Epoch AI hardware-time method" },
  TRAINCOST: { example: [3.15e23, 312e12, 2], result: 1869658.1, shown: "1,869,658", unit: "currency of the price", source: "chip-hours × price" },
  CHINCHILLATOKENS: {
    example: [70e9],
    result: 1.4e12,
    shown: "1.40E+12",
    unit: "tokens",
    source: "Hoffmann et al. 2022 (Chinchilla), arXiv:2203.15556, Table 3",
  },
  OPTIMALPARAMS: { example: [5.76e23], result: 69.28e9, shown: "6.93E+10", unit: "parameters", source: "C = 6·N·D with D = 20·N: Hoffmann et al. 2022" },
  COMPUTEGROWTH: {
    example: [62.41],
    result: 300000,
    shown: "≈ 300,000",
    unit: "× (factor)",
    source: 'OpenAI, "AI and Compute" (2018): 3.4-month doubling (the report: 3.43)',
  },
  DOUBLINGTIME: { example: [300000, 62.41], result: 3.43, shown: "3.43", unit: "months", source: "months ÷ log2(factor)" },
  RELRETURN: {
    example: [0.0047, -0.0085],
    result: 0.0132,
    shown: "1.32% (computer index vs CSI 300, 图1)",
    unit: "decimal return",
    source: "the report's 图1 (simple difference, percentage points)",
  },
  PCTCHANGE: { example: [100, 118.41], result: 0.1841, shown: "18.41%", unit: "decimal return", source: "end ÷ start − 1" },
  CAGR: {
    example: [155.2, 1271.4, 5],
    result: 0.5226,
    shown: "52.3% (China intelligent compute 2021→2026E)",
    unit: "decimal rate per year",
    source: "IDC & Inspur 2022-2023 assessment (the report's section 5)",
  },
  PARSENUM: { example: ["1750 亿"], result: 1.75e11, shown: "1.75E+11", unit: "number", source: "the report's 图8 writes parameters in 亿 and 万亿" },
  PARSEBYTES: { example: ["45TB"], result: 49478023249920, shown: "4.95E+13", unit: "bytes", source: "the report's note under 图8: 1TB = 1024GB" },
  DATASET: {
    example: ["accelerators"],
    result: { rows: 24, cols: 13 },
    shown: "a 24 × 13 table that spills (header + 23 chips)",
    unit: "table",
    source: "the dataset's own source lines (AI.DATASETS)",
  },
  DATASETS: { example: [], result: { rows: 9, cols: 5 }, shown: "a 9 × 5 table: header + one row per bundled dataset", unit: "table", source: "the catalogue" },
  MODEL: {
    example: ["GPT-3", "params"],
    result: 1.75e11,
    shown: "1.75E+11",
    unit: "the field's unit",
    source: "llm-comparison (the report's 图8, corrected), else Epoch AI's database (CC BY 4.0)",
  },
  CHIP: {
    example: ["H100"],
    result: 9.89e14,
    shown: "9.89E+14",
    unit: "FLOP/s (bf16, fp16, fp32)",
    source:
      "accelerators: vendor datasheets (NVIDIA, AMD, Google, Intel, Huawei, Cambricon), else epoch-accelerators: Epoch AI's hardware database (CC BY 4.0)",
  },
};
