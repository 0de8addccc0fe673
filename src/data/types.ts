/**
 * The shape of a dataset: plain, JSON-serialisable data. The feed, the in-cell functions
 * (AI.DATASET, AI.MODEL, AI.CHIP) and the sheet plans all read this one shape.
 */

/** How a column's values are typed, stored and shown. */
export type ColumnType =
  | "text" // free text
  | "number" // a plain number
  | "integer" // a whole number (counts, ranks, years)
  | "percent" // a decimal: 0.0047 means 0.47%
  | "date" // ISO date string "YYYY-MM-DD"
  | "month" // ISO month string "YYYY-MM"
  | "flop" // a FLOP count (plain number, shown in scientific format)
  | "flops" // a rate in FLOP/s
  | "bytes" // a size in bytes
  | "params" // a parameter count
  | "currency"; // money; the unit says which currency and scale

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface Column {
  /** Stable key (snake_case); never renamed once published: refresh matches columns by it. */
  key: string;
  header: LocalizedText;
  type: ColumnType;
  /** Unit of the stored value, e.g. "FLOP", "FLOP/s", "bytes", "USD bn", "" when none. */
  unit: string;
  /** Excel number format used when the column is written to a sheet, e.g. "0.00%", "0.00E+00", "@". */
  numberFormat: string;
  description?: string;
}

/** A cell: null is a blank cell (a figure that is unknown or not applicable, never a guessed 0). */
export type CellValue = string | number | boolean | null;

export interface SourceRef {
  /** The source line as an analyst would cite it, e.g. "数据来源: Wind, 财通证券研究所". */
  text: string;
  url?: string;
}

export interface Dataset {
  /** Stable id (kebab-case), e.g. "llm-comparison". */
  id: string;
  /** Bumped whenever rows or columns change; shown as old → new on refresh. */
  version: string;
  title: LocalizedText;
  /** A label of at most 31 characters, used to name the worksheet a dataset is inserted on. */
  shortTitle?: LocalizedText;
  description: string;
  source: SourceRef[];
  /** The period or as-of date of the figures, e.g. "2023-02-06/2023-02-10" or "2023-02". */
  asOf: string;
  license?: string;
  /** Caveats: corrections to the report's extraction, unconfirmed figures, forecasts. */
  notes: string[];
  columns: Column[];
  /**
   * The column whose values name a row (e.g. "model_en", "ticker"), so refresh matches rows by
   * it; the first column when absent. A value that repeats is matched by its occurrence.
   */
  key?: string;
  /** Each row has exactly columns.length cells, in column order. */
  rows: CellValue[][];
  /**
   * "paste": a table the analyst pasted from a report's text (src/import), not from the feed:
   * its table is tracked like any other, and refresh leaves it alone. Absent for feed datasets.
   */
  origin?: "paste";
}
