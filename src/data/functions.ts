/** The dataset functions: AI.DATASET, AI.DATASETS, AI.MODEL, AI.CHIP. */
import { defineFunction } from "../core/spec";
import { catalogMatrix, datasetAsMatrix, lookupChip, lookupModel } from "./lookup";
import { epochChipIndexes, epochDatasets, epochIndexes } from "./epoch-cache";
import type { Language } from "../sheet/workbook";

const LANGUAGE = { name: "language", kind: "text", default: "en", choices: ["en", "zh"] } as const;

export const DATASET = defineFunction({
  id: "DATASET",
  params: [{ name: "id", kind: "text" }, { name: "with_header", kind: "boolean", default: true }, LANGUAGE],
  returns: "matrix",
  impl: (id: string, withHeader: boolean, language: string) => datasetAsMatrix(id, withHeader, language as Language, epochDatasets()),
});

export const DATASETS = defineFunction({
  id: "DATASETS",
  params: [LANGUAGE],
  returns: "matrix",
  impl: (language: string) => catalogMatrix(language as Language, true, epochDatasets()),
});

export const MODEL = defineFunction({
  id: "MODEL",
  params: [
    { name: "name", kind: "text" },
    { name: "field", kind: "text", default: "params" },
  ],
  returns: "number",
  impl: (name: string, field: string) => lookupModel(name, field, epochIndexes()),
});

export const CHIP = defineFunction({
  id: "CHIP",
  params: [
    { name: "name", kind: "text" },
    { name: "field", kind: "text", default: "bf16" },
  ],
  returns: "number",
  impl: (name: string, field: string) => lookupChip(name, field, epochChipIndexes()),
});

export const DATA_FUNCTIONS = [DATASET, DATASETS, MODEL, CHIP] as const;
