/**
 * Epoch AI's "All ML Systems" table, trimmed to the columns an analyst uses. Large (≈1,900
 * rows): never imported by the catalog's default list, which goes into the functions bundle.
 * The rows come from src/data/generated/epoch-models.json, written by
 * scripts/convert-epoch.mjs from Epoch's CSV export.
 */
import generated from "../generated/epoch-models.json";
import { column, FORMAT, textColumn } from "../columns";
import { EPOCH_MODELS_ID } from "../ids";
import { correctionNotes, type CorrectionsReport } from "../corrections";
import type { CellValue, Column, Dataset } from "../types";

const COLUMNS: Column[] = [
  textColumn("model", "模型", "Model"),
  textColumn("organization", "机构", "Organization"),
  column("publication_date", "发布日期", "Publication date", "date", "", FORMAT.date),
  textColumn("domain", "领域", "Domain"),
  column("parameters", "参数 (个)", "Parameters", "params", "parameters", FORMAT.scientific),
  column("training_compute_flop", "训练算力 (FLOP)", "Training compute (FLOP)", "flop", "FLOP", FORMAT.scientific),
  column(
    "dataset_size",
    "训练数据量 (数据点)",
    "Training dataset size (datapoints)",
    "number",
    "datapoints",
    FORMAT.scientific,
    "Epoch's unit depends on the domain: words or tokens for language, images for vision"
  ),
  textColumn("hardware", "训练硬件", "Training hardware"),
  column("hardware_quantity", "硬件数量", "Hardware quantity", "integer", "chips", FORMAT.count),
  column("mfu", "硬件利用率 (MFU)", "Hardware utilization (MFU)", "percent", "", FORMAT.percent),
  textColumn("country", "国家", "Country (of organization)"),
  textColumn("confidence", "置信度", "Confidence", "Epoch AI's confidence in the compute figure: Confident, Likely, Speculative, Unknown"),
  column("training_cost_usd", "训练成本 (2023 美元)", "Training compute cost (2023 USD)", "currency", "USD (2023)", FORMAT.count),
];

/** Shape of the generated JSON (checked at load, since JSON imports are typed loosely). */
export interface GeneratedEpoch {
  inputSha256: string;
  columns: string[];
  corrections: string[];
  rows: CellValue[][];
  /** What data/corrections/epoch.json changed after conversion (absent in JSON written before it existed). */
  corrected?: CorrectionsReport;
}

function checkGenerated(g: GeneratedEpoch): CellValue[][] {
  const keys = COLUMNS.map((c) => c.key).join(",");
  if (g.columns.join(",") !== keys) {
    throw new Error(`epoch-models.json columns [${g.columns.join(",")}] do not match [${keys}]: re-run scripts/convert-epoch.mjs`);
  }
  return g.rows;
}

/** Where the rows came from when not from the committed snapshot (the updater). */
export interface ModelsOrigin {
  url: string;
  /** ISO date the figures are as of. */
  asOf: string;
}

/** Builds the dataset from converted rows: the committed snapshot, or (origin given) a live export. */
export function epochModelsFrom(data: GeneratedEpoch, origin?: ModelsOrigin): Dataset {
  return {
    id: EPOCH_MODELS_ID,
    version: "1.0.0",
    shortTitle: { zh: "Epoch AI 模型库", en: "Epoch AI models" },
    title: { zh: "Epoch AI 机器学习模型数据库", en: "Epoch AI: ML models database" },
    description:
      "Epoch AI's database of notable and other machine-learning models (about 1,900 rows): " +
      "organization, publication date, domain, parameters, training compute, dataset size, " +
      "training hardware, utilization, country, Epoch's confidence and training cost.",
    source: [
      {
        text: origin
          ? `Epoch AI, "Data on Notable/All AI Models" (CC BY 4.0), downloaded ${origin.asOf}`
          : 'Epoch AI, "Data on Notable/All AI Models" (CC BY 4.0); snapshot of "All ML Systems" edited up to 2025-06-20',
        url: "https://epoch.ai/data",
      },
    ],
    asOf: origin?.asOf ?? "2025-06-20",
    license: "CC BY 4.0 (Epoch AI): credit Epoch AI when using or sharing these figures",
    notes: [
      "Figures are Epoch AI's estimates; keep the confidence column with them (Confident, Likely, Speculative, Unknown).",
      (origin
        ? `Converted by scripts/update-data.ts from ${origin.url}; input SHA-256 `
        : "Converted by scripts/convert-epoch.mjs from the public repository epoch-research/training-cost-trends, file data/All ML Systems - full view.csv; input SHA-256 ") +
        data.inputSha256 +
        ".",
      'Text is trimmed and runs of whitespace collapsed (a line break after a hyphen, as in "Cosmos-1.0-\\nDiffusion-14B", is joined). Empty cells are blank.',
      "mfu is a fraction shown as a percentage.",
      ...data.corrections.map((c) => `Conversion fix (a percentage typed as a number): ${c}.`),
      "training_cost_usd is Epoch's training compute cost in 2023 US dollars (the CSV's \"$6770000.00\" → 6770000).",
      "country and organization are Epoch's text, which lists one entry per organization and may repeat a country.",
      'Model names are not unique in Epoch\'s data (e.g. "P-LLama3" twice, "CALM" and "CaLM"): a name lookup returns the first (most recent) row.',
      ...correctionNotes(data.corrected),
    ],
    columns: COLUMNS,
    key: "model",
    rows: checkGenerated(data),
  };
}

export const epochModels: Dataset = epochModelsFrom(generated as GeneratedEpoch);
