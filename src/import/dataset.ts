/**
 * An imported table as a Dataset, so it is inserted exactly as a feed dataset is: the same sheet
 * plan (src/sheet/dataset-plan.ts), the same one-sync insert, a tracked Excel table. What the
 * importer did and what the analyst decided goes into the note lines under the table: the
 * text's source and notes, the conversions, and each flag with its outcome.
 *
 * The dataset is marked origin "paste": it has no feed behind it, so refresh leaves its table
 * alone and says why (src/sheet/refresh-plan.ts).
 */
import type { CellValue, Column, ColumnType, Dataset, LocalizedText } from "../data/types";
import type { Language } from "../sheet/workbook";
import { msg, shown } from "./messages";
import type { ImportColumn, ImportedTable, ImportFlag } from "./types";

/** The dataset id every pasted table carries (its table is named AI_pasted_table, AI_pasted_table_2, …). */
export const PASTED_DATASET_ID = "pasted-table";
/** Excel holds at most 32,767 characters in a cell; the flags' note line stays well under it. */
export const MAX_NOTE_CHARS = 8_000;

const maxDecimals = (values: readonly number[], cap: number): number =>
  values.reduce((d, v) => {
    const s = String(Number(v.toPrecision(12)));
    const dot = s.indexOf(".");
    return /e/i.test(s) ? d : Math.max(d, dot < 0 ? 0 : Math.min(cap, s.length - dot - 1));
  }, 0);

const CURRENCY = /^(元|万元|亿元|美元|人民币|usd|cny|rmb|hkd|eur|jpy|\$|¥|￥)$/i;

/** The dataset column (type and Excel number format) of an imported column. */
export function datasetColumn(column: ImportColumn, cells: readonly CellValue[]): Column {
  const numbers = cells.filter((v): v is number => typeof v === "number");
  const max = numbers.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const minNonZero = numbers.reduce((m, v) => (v !== 0 ? Math.min(m, Math.abs(v)) : m), Infinity);
  const scientific = max >= 1e9 || minNonZero < 1e-4;
  const fixed = (d: number): string => (d === 0 ? "#,##0" : `#,##0.${"0".repeat(d)}`);
  const header = { zh: column.name, en: column.name };
  const make = (type: ColumnType, numberFormat: string): Column => ({ key: column.key, header, type, unit: column.unit, numberFormat });
  switch (column.type) {
    case "text":
      return make("text", "@");
    case "date":
      return column.precision === "month" ? make("month", "yyyy-mm") : make("date", "yyyy-mm-dd");
    case "percent": {
      const d = maxDecimals(
        numbers.map((v) => v * 100),
        4
      );
      return make("percent", d === 0 ? "0%" : `0.${"0".repeat(d)}%`);
    }
    case "bytes":
      return make("bytes", scientific ? "0.00E+00" : "#,##0");
    case "count":
      // A count the analyst chose for a column of fractions stays a plain number: "integer" holds whole numbers only.
      return make(
        /参数|param/i.test(column.name) ? "params" : numbers.every(Number.isInteger) ? "integer" : "number",
        max >= 1e7 ? "0.00E+00" : fixed(maxDecimals(numbers, 4))
      );
    case "number": {
      const unit = column.unit.trim();
      const type: ColumnType = /^flops?$/i.test(unit) ? "flop" : /^flops?\/s$/i.test(unit) ? "flops" : CURRENCY.test(unit) ? "currency" : "number";
      return make(type, scientific ? "0.00E+00" : fixed(maxDecimals(numbers, 4)));
    }
  }
}

/** "图8.国内外 AI 大模型对比" → "国内外 AI 大模型对比": the figure's number is no sheet name. */
export function titleWithoutNumber(title: string): string {
  const t = title.replace(/^\s*(图|表|figure|fig\.|table|exhibit|chart)\s*\d+\s*[.:：、．-]?\s*/i, "").trim();
  return t === "" ? title.trim() : t;
}

/** At most 31 characters (Excel's sheet name limit), cut at a character, not inside one. */
const cut31 = (s: string): string => [...s].slice(0, 31).join("").trim();

/** The flags' outcomes, as short note entries: what the analyst changed, and the doubts left as pasted. */
export function flagNotes(flags: readonly ImportFlag[], columns: readonly ImportColumn[], language: Language): string[] {
  const out: string[] = [];
  const column = (f: ImportFlag): string | null => (f.column !== null ? (columns[f.column]?.name ?? null) : null);
  let spaced = 0;
  let spacedExample = "";
  for (const f of flags) {
    if (f.kind === "join" && f.acceptedByDefault && f.accepted) continue; // counted in the table's notes
    if (f.kind === "spacing" && f.accepted) {
      spaced++;
      if (spacedExample === "") spacedExample = f.raw;
      continue;
    }
    let text: LocalizedText;
    if (f.kind === "join" || f.kind === "cellCount") text = f.accepted ? f.proposal : msg.noteKept(f.raw);
    else text = f.accepted ? msg.noteAccepted(f.raw, f.proposed) : msg.noteKept(f.raw);
    out.push(msg.noteFlag(f.line, column(f), text[language])[language]);
  }
  if (spaced > 0) out.unshift(msg.noteSpacing(spaced, spacedExample)[language]);
  // Keep the note line readable and within a cell.
  const kept: string[] = [];
  let length = 0;
  for (let i = 0; i < out.length; i++) {
    if (length + out[i].length > MAX_NOTE_CHARS) {
      kept.push(msg.noteMore(out.length - i)[language]);
      break;
    }
    kept.push(out[i]);
    length += out[i].length + 2;
  }
  return kept;
}

/**
 * The dataset to insert for an imported table, in the pane's language.
 * @example workbook.insertDataset(toDataset(table, "zh"), { target: "newSheet", language: "zh", chart: false })
 */
export function toDataset(table: ImportedTable, language: Language): Dataset {
  const title = table.title ? table.title.trim() : msg.untitled()[language];
  const short = cut31(table.title ? titleWithoutNumber(table.title) : title);
  const columns = table.columns.map((c, i) =>
    datasetColumn(
      c,
      table.rows.map((r) => r[i])
    )
  );
  const sources = table.source.length > 0 ? table.source.map((text) => ({ text })) : [{ text: msg.noSource()[language] }];
  const described =
    language === "zh"
      ? `从报告文本粘贴的表格: ${table.rows.length} 行, ${table.columns.length} 列。`
      : `A table pasted from a report's text: ${table.rows.length} rows, ${table.columns.length} columns.`;
  return {
    id: PASTED_DATASET_ID,
    version: "1.0.0",
    origin: "paste",
    title: { zh: title, en: title },
    shortTitle: { zh: short || title.slice(0, 31), en: short || title.slice(0, 31) },
    description: table.caption.length > 0 ? `${described} ${table.caption.join(" ")}` : described,
    source: sources,
    // The period the figures cover, when the title gives it; else said to be unknown (never the paste's date).
    asOf: table.asOf !== "" ? table.asOf : msg.notStated()[language],
    // The note line is already headed "注:" / "Note:": the text's own heading is not repeated.
    notes: [
      ...table.textNotes.map((n) => n.replace(/^\s*(注|备注|注释|说明|note|notes)\s*[:：]\s*/i, "")),
      ...table.notes.map((n) => n[language]),
      ...flagNotes(table.flags, table.columns, language),
    ],
    columns,
    rows: table.rows.map((r) => r.slice()),
  };
}

export { shown };
