/**
 * The table importer (issue 22): pasted report text → a typed table with flags → a Dataset the
 * workbook inserts like any other. Pure: imports only src/core, src/data's types and src/sheet's.
 */
export { importTable, MAX_LINES, MAX_COLUMNS, MAGNITUDE_ORDERS } from "./import-table";
export { toDataset, datasetColumn, flagNotes, titleWithoutNumber, PASTED_DATASET_ID } from "./dataset";
export { shown, TYPE_NAMES } from "./messages";
export * from "./types";
