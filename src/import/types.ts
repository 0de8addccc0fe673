/**
 * The shapes of the table importer (issue 22): pasted report text in, a typed table out, with
 * every doubtful cell flagged for the analyst. Plain data: the pane, the command and the tests
 * read the same shapes.
 */
import type { CellValue, LocalizedText } from "../data/types";
import type { Language } from "../sheet/workbook";

/** How a pasted column is typed. Numbers are stored in base units (亿 → 1e8, % → a fraction, TB → bytes). */
export type ImportColumnType = "text" | "number" | "percent" | "date" | "bytes" | "count";

export const IMPORT_COLUMN_TYPES: readonly ImportColumnType[] = ["text", "number", "percent", "date", "bytes", "count"];

/** Bytes per unit step: 1TB = 1024GB (binary, the report's note) or 1000GB (SI). */
export type BytesStep = 1000 | 1024;

/** The analyst's choice for one pasted column, replacing what the importer detected. */
export interface ColumnOverride {
  type?: ImportColumnType;
  /** The unit label of a number or count column ("FLOP", "个", "USD"); not a conversion. */
  unit?: string;
  /** For a bytes column: the convention its TB/GB are read with. */
  bytesStep?: BytesStep;
}

export interface ImportOptions {
  /** Language of the names the importer makes up (a missing header, a qualifier column) and of units. */
  language: Language;
  /** The analyst's decision per flag id: true accepts the flag's proposal, false rejects it. Others keep their default. */
  decisions?: Readonly<Record<string, boolean>>;
  /** Per pasted column (0-based index in the text), a type, unit or bytes convention to use instead of the detected one. */
  overrides?: Readonly<Record<number, ColumnOverride>>;
  /** At most this many lines are read (default MAX_LINES); more is refused with a message. */
  maxLines?: number;
}

/** Why a column exists: a pasted column, the qualifiers split off one, or the months of a date column. */
export type ColumnRole = "value" | "qualifier" | "month";

export interface ImportColumn {
  /** snake_case, unique: from an English header ("bleu_en_de"), else "col_3". */
  key: string;
  /** The header as pasted, PDF spacing between Chinese characters removed; made up when missing. */
  name: string;
  type: ImportColumnType;
  /** Unit of the stored values: "bytes, 1TB = 1024GB", "个", "FLOPs", "" when none. */
  unit: string;
  /** Index of the pasted column this one comes from. */
  source: number;
  role: ColumnRole;
  /** What the importer detected for the pasted column (the override, if any, is in type/unit). */
  detected: { type: ImportColumnType; unit: string };
  /** A bytes column's convention and whether the text stated it ("注: 1TB 为 1024GB"). */
  bytesStep?: BytesStep;
  bytesStepStated?: boolean;
  /** A date column's precision: days ("2023-02-06") or months ("2023-02"). */
  precision?: "day" | "month";
  /** Blank cells under a value were filled with it (a grouping column such as the company). */
  filledDown?: boolean;
}

/**
 * - magnitude: a value orders of magnitude away from the rest of its column ("1.75 万" among 亿s);
 * - spacing: a figure read after removing PDF spacing inside it ("0. 47%", "2023. 01. 25");
 * - ocr: a likely OCR slip in a name ("0penAl": zero for O, l for I);
 * - glyph: a character the PDF garbled ("•" for "·" in a Chinese name, a stray "స");
 * - unreadable: a cell that is not a value of its column's type ("数百 GB" in sizes);
 * - splitNumber: one figure split over two cells ("3.3 -" | "10^{18}");
 * - join: a line read as the continuation of the row above (a cell wrapped onto the next line);
 * - cellCount: a line with more cells than the table has columns.
 */
export type FlagKind = "magnitude" | "spacing" | "ocr" | "glyph" | "unreadable" | "splitNumber" | "join" | "cellCount";

export interface ImportFlag {
  /** Stable across re-reads of the same text: kind, line and column ("magnitude:19:3"). */
  id: string;
  kind: FlagKind;
  /** 1-based line of the pasted text. */
  line: number;
  /** Row of `rows` the flag is about, or null when its line is no row of its own (joined). */
  row: number | null;
  /** Column of `columns`, or null for a flag about a whole line. */
  column: number | null;
  /** The text as pasted (a cell, or a whole line for join and cellCount). */
  raw: string;
  /** What the cell holds when the flag is rejected, and when accepted (null for line flags). */
  original: CellValue;
  proposed: CellValue;
  /** Why the cell is doubtful, and what the likely intended value is. */
  reason: LocalizedText;
  proposal: LocalizedText;
  /** The decision in force: the analyst's, else the default. */
  accepted: boolean;
  /** Repairs that are almost surely right (PDF spacing, a wrapped cell) are accepted unless rejected; doubts are not. */
  acceptedByDefault: boolean;
}

export interface ImportedTable {
  /** The figure's title line ("图8.国内外 AI 大模型对比"), null when the text has none. */
  title: string | null;
  /** Other lines above the table (a caption such as "Table 2: …"). */
  caption: string[];
  /** Source lines ("数据来源: Wind, 财通证券研究所"). */
  source: string[];
  /** Note lines of the text ("注: 1TB 为 1024GB"). */
  textNotes: string[];
  /** The period in the title, e.g. "2023-02-06/2023-02-10"; "" when none. */
  asOf: string;
  layout: "tabs" | "spaces";
  /** 1-based lines of the header rows (none when the first row holds data). */
  headerLines: number[];
  columns: ImportColumn[];
  /** Each row has columns.length cells: numbers in base units, dates as ISO text, blanks as null. */
  rows: CellValue[][];
  /** The 1-based pasted lines each row was read from (more than one when cells wrapped). */
  rowLines: number[][];
  flags: ImportFlag[];
  /** What the importer did to the values (conversions, fill-down, qualifiers), for the note under the table. */
  notes: LocalizedText[];
  /** Lines after the table that were not read (prose, a second caption). */
  ignoredLines: number[];
}

export type ImportResult = { ok: true; table: ImportedTable } | { ok: false; reason: LocalizedText };
