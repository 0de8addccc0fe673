/**
 * Turns a dataset into a sheet plan: a header row in the chosen language, typed and formatted
 * body cells, an Excel table, a note row with the source and as-of date, and (for the datasets
 * that read better as a picture) a chart. Pure: no Office.js.
 *
 * Layout, as offsets from the origin (A1 of a new sheet, or the selected cell):
 *   row 0            header row (the table's header)
 *   rows 1..n        body (n = number of dataset rows, at least 1: Excel tables need a body row)
 *   row n+1          left empty, so Excel never auto-extends the table into the notes
 *   rows n+2..       note lines (at most 2): sources + as-of, then caveats
 * The chart, when there is one, floats to the right of the table.
 *
 * Security: every string from a dataset is written as literal text. Text columns are formatted
 * "@" as a whole, and any string cell in another column gets a per-cell "@" format, so a value
 * such as "=HYPERLINK(...)", "+1", "-2" or "@SUM(A1)" can never become a formula. The adapter
 * enforces the same rule again for every string it writes.
 */
import type { Column, CellValue, Dataset } from "../data/types";
import type { Language } from "./workbook";
import { makeSheetName, makeTableName, type CellBlock, type ChartPlan, type PlanValue, type SheetPlan } from "./plan";
import { datasetNoteLines } from "../data/note-lines";

export const DATASET_TABLE_STYLE = "TableStyleMedium2";
/** Table names are "AI_" + the dataset id with "-" as "_": llm-comparison → AI_llm_comparison. */
export const TABLE_NAME_PREFIX = "AI_";
// The note lines are built in data/ (the feed's validator checks that each fits a cell).
export { datasetNoteLines, MAX_NOTE_LINES } from "../data/note-lines";
/** Rows between the table's last row and the first note line. */
export const NOTE_GAP_ROWS = 1;
/** How note lines look: italic, dark grey. */
export const NOTE_STYLE = { italic: true, fontColor: "#595959" } as const;

export interface DatasetPlanOptions {
  language: Language;
  target: "newSheet" | "selection";
  chart: boolean;
  /** Required when target is "selection": the selected cell's sheet and address ("C5"). */
  anchor?: { sheetName: string; cell: string };
  /** Names of the workbook's worksheets (the new sheet's name must differ, case-insensitively). */
  existingSheetNames?: readonly string[];
  /** Names of the workbook's tables and defined names (they share one namespace). */
  existingTableNames?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

const DEFAULT_FORMATS: Readonly<Record<Column["type"], string>> = {
  text: "@",
  number: "#,##0.00",
  integer: "0",
  percent: "0.00%",
  date: "yyyy-mm-dd",
  month: "yyyy-mm",
  flop: "0.00E+00",
  flops: "0.00E+00",
  bytes: "#,##0",
  params: "0.00E+00",
  currency: "#,##0.00",
};

/**
 * The number format a column is written with: the column's own format, except that text
 * columns are always "@", date and month columns always get a date format (their values are
 * written as Excel serial dates), and a missing or "@" format on a numeric column falls back to
 * the type's default (e.g. "0.00E+00" for FLOP).
 */
export function columnNumberFormat(column: Column): string {
  const own = (column.numberFormat ?? "").trim();
  switch (column.type) {
    case "text":
      return "@";
    case "date":
    case "month":
      return own !== "" && own !== "@" && /[ymd]/i.test(own) ? own : DEFAULT_FORMATS[column.type];
    default:
      return own === "" || own === "@" ? DEFAULT_FORMATS[column.type] : own;
  }
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const FIRST_SAFE_DAY = Date.UTC(1900, 2, 1); // before 1900-03-01 Excel's serials are off by one

function serialOf(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  if (t < FIRST_SAFE_DAY || y > 9999) return null;
  return Math.round((t - EXCEL_EPOCH) / MS_PER_DAY);
}

/** "2023-02-06" → 44963 (Excel's 1900 date system); null when not a real date from 1900-03-01. */
export function isoDateToSerial(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  return m ? serialOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** "2023-02" → the serial of 2023-02-01; null when not a month. */
export function isoMonthToSerial(s: string): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(s.trim());
  return m ? serialOf(Number(m[1]), Number(m[2]), 1) : null;
}

/**
 * One dataset value as it is written: the value, and a per-cell number format when it must
 * differ from the column's (always "@" for a string in a non-text column, so it stays text).
 */
export function toSheetCell(column: Column, value: CellValue): { value: PlanValue; format: string | null } {
  if (value === null || value === undefined) return { value: null, format: null };
  if (typeof value === "number" && !Number.isFinite(value)) return { value: null, format: null };
  switch (column.type) {
    case "text":
      return { value: String(value), format: null };
    case "date":
    case "month":
      if (typeof value === "string") {
        const serial = column.type === "date" ? isoDateToSerial(value) : (isoMonthToSerial(value) ?? isoDateToSerial(value));
        return serial === null ? { value, format: "@" } : { value: serial, format: null };
      }
      return { value, format: null };
    default:
      return typeof value === "string" ? { value, format: "@" } : { value, format: null };
  }
}

/** The written body of a dataset: values (null = blank), column formats and per-cell formats. */
export interface DatasetBody {
  values: PlanValue[][];
  columnFormats: string[];
  /** Per-cell overrides, or undefined when no cell needs one. */
  cellFormats?: (string | null)[][];
}

/** Converts every row of the dataset as `toSheetCell` does. */
export function datasetBody(dataset: Dataset): DatasetBody {
  const columnFormats = dataset.columns.map(columnNumberFormat);
  let anyOverride = false;
  const cellFormats: (string | null)[][] = [];
  const values = dataset.rows.map((row) => {
    const formats: (string | null)[] = [];
    const out = dataset.columns.map((col, c) => {
      const cell = toSheetCell(col, c < row.length ? row[c] : null);
      if (cell.format !== null && cell.format !== columnFormats[c]) {
        anyOverride = true;
        formats.push(cell.format);
      } else formats.push(null);
      return cell.value;
    });
    cellFormats.push(formats);
    return out;
  });
  return anyOverride ? { values, columnFormats, cellFormats } : { values, columnFormats };
}

// ---------------------------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------------------------

function pick(text: { zh: string; en: string }, language: Language): string {
  const first = (text[language] ?? "").trim();
  if (first !== "") return first;
  return (text[language === "zh" ? "en" : "zh"] ?? "").trim();
}

/**
 * Header texts in the chosen language: the column's header, plus " (unit)" when the column has
 * a unit the header does not already mention; line breaks flattened; made unique
 * case-insensitively (Excel requires unique column names in a table) with " (2)"…
 */
export function datasetHeaders(dataset: Dataset, language: Language): string[] {
  const seen = new Set<string>();
  return dataset.columns.map((col) => {
    let h = pick(col.header, language).replace(/\s+/g, " ").trim();
    if (h === "") h = col.key;
    const unit = (col.unit ?? "").trim();
    if (unit !== "" && !h.toLowerCase().includes(unit.toLowerCase())) h = `${h} (${unit})`;
    h = h.slice(0, 240);
    let out = h;
    for (let i = 2; seen.has(out.toLowerCase()); i++) out = `${h} (${i})`;
    seen.add(out.toLowerCase());
    return out;
  });
}

/** The table name before uniqueness: "AI_" + id with every non-word character as "_". */
export function datasetTableBaseName(datasetId: string): string {
  return `${TABLE_NAME_PREFIX}${datasetId.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

// ---------------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------------

/** Where the body of column `c` sits in the plan (rows 1..n). */
function bodyColumn(c: number, n: number): { row: number; col: number; rows: number; cols: number } {
  return { row: 1, col: c, rows: n, cols: 1 };
}

export type ChartBuilder = (dataset: Dataset, language: Language, headers: string[]) => Omit<ChartPlan, "position"> | undefined;

/** Parameters (log scale) against release date: the growth of model size reads at a glance. */
const llmComparisonChart: ChartBuilder = (dataset, language, headers) => {
  const x = dataset.columns.findIndex((c) => c.type === "date" || c.type === "month");
  let y = dataset.columns.findIndex((c) => c.type === "params");
  if (y < 0) y = dataset.columns.findIndex((c) => /param/i.test(c.key));
  if (x < 0 || y < 0) return undefined;
  const n = dataset.rows.length;
  return {
    kind: "scatter",
    title: language === "zh" ? "模型参数量与发布时间" : "Model parameters vs release date",
    series: [{ name: headers[y], values: bodyColumn(y, n), categories: bodyColumn(x, n) }],
    logValueAxis: true,
    categoryAxisFormat: columnNumberFormat(dataset.columns[x]),
  };
};

/** Relative returns as bars, one bar per index (or per row label). */
const indexPerformanceChart: ChartBuilder = (dataset, language, headers) => {
  const label = dataset.columns.findIndex((c) => c.type === "text");
  const percents = dataset.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.type === "percent");
  const relative = percents.filter(({ c }) => /relative|excess|alpha|_vs_|vs_/i.test(c.key));
  const chosen = relative.length > 0 ? relative : percents;
  if (label < 0 || chosen.length === 0) return undefined;
  const n = dataset.rows.length;
  return {
    kind: "barClustered",
    title: language === "zh" ? "相对收益" : "Relative returns",
    series: chosen.map(({ i }) => ({ name: headers[i], values: bodyColumn(i, n), categories: bodyColumn(label, n) })),
    logValueAxis: false,
    valueAxisFormat: "0.0%",
  };
};

/** The datasets that get a chart, by id. Datasets not listed get none. */
export const DATASET_CHARTS: Readonly<Record<string, ChartBuilder>> = {
  "llm-comparison": llmComparisonChart,
  "index-performance": indexPerformanceChart,
};

const CHART_ROWS = 18;
const CHART_COLS = 8;

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

/**
 * The plan that inserts `dataset` as an Excel table. For a new sheet the sheet is named after
 * the dataset's title in the chosen language (valid and unique against `existingSheetNames`) and
 * the header row is frozen; for "selection" the plan is anchored at `anchor`. The table name is
 * "AI_" + the id, unique against `existingTableNames`.
 *
 * @example
 *   planDatasetInsert(llm, { language: "en", target: "newSheet", chart: true, existingSheetNames: ["Sheet1"] })
 *   // → { target: { kind: "newSheet", name: "LLM comparison" }, table: { name: "AI_llm_comparison", … }, … }
 */
export function planDatasetInsert(dataset: Dataset, options: DatasetPlanOptions): SheetPlan {
  const { language } = options;
  const width = dataset.columns.length;
  if (width === 0) throw new Error(`dataset ${dataset.id} has no columns`);
  const headers = datasetHeaders(dataset, language);
  const body = datasetBody(dataset);
  const n = dataset.rows.length;
  const bodyRows = Math.max(1, n);
  const values: PlanValue[][] = n > 0 ? body.values : [dataset.columns.map(() => null)];

  const headerBlock: CellBlock = {
    at: { row: 0, col: 0 },
    values: [headers],
    columnFormats: headers.map(() => "@"),
  };
  const bodyBlock: CellBlock = { at: { row: 1, col: 0 }, values, columnFormats: body.columnFormats };
  if (body.cellFormats && n > 0) bodyBlock.cellFormats = body.cellFormats;

  let target: SheetPlan["target"];
  if (options.target === "selection") {
    if (!options.anchor) throw new Error("planDatasetInsert: target 'selection' needs an anchor");
    target = { kind: "anchor", sheetName: options.anchor.sheetName, cell: options.anchor.cell };
  } else {
    // The short title names the sheet; a long title would be cut at 31 characters mid-word.
    const title = pick(dataset.shortTitle ?? dataset.title, language);
    target = { kind: "newSheet", name: makeSheetName(title, options.existingSheetNames ?? [], dataset.id) };
  }

  const tableRange = { row: 0, col: 0, rows: 1 + bodyRows, cols: width };
  const notes = datasetNoteLines(dataset, language);
  const plan: SheetPlan = {
    target,
    blocks: [headerBlock, bodyBlock],
    table: {
      range: tableRange,
      name: makeTableName(datasetTableBaseName(dataset.id), options.existingTableNames ?? []),
      style: DATASET_TABLE_STYLE,
      hasHeaders: true,
    },
    notes: { at: { row: 1 + bodyRows + NOTE_GAP_ROWS, col: 0 }, lines: notes, style: { ...NOTE_STYLE } },
    autofit: [tableRange],
    dataset: {
      datasetId: dataset.id,
      version: dataset.version,
      language,
      columnKeys: dataset.columns.map((c) => c.key),
      headers,
      notes,
      columnFormats: body.columnFormats,
      ...(dataset.origin === "paste" ? { origin: "paste" as const } : {}),
    },
  };
  if (options.target === "newSheet") {
    plan.freeze = { rows: 1, cols: 0 };
    plan.activate = true;
  }
  const builder = DATASET_CHARTS[dataset.id];
  if (options.chart && builder && n > 0) {
    const chart = builder(dataset, language, headers);
    if (chart) plan.chart = { ...chart, position: { row: 0, col: width + 1, rows: CHART_ROWS, cols: CHART_COLS } };
  }
  return plan;
}
