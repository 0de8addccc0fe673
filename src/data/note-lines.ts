/**
 * The note lines an insert writes under a dataset's table (sources and as-of, then caveats), one
 * cell each. Here, beside the feed, so that the feed's validator checks the very lines an insert
 * will write: a cell holds at most 32,767 characters (Excel specifications and limits), and the
 * lines are built from several fields, each of which may be within that limit on its own.
 */
import type { Dataset } from "./types";
import type { Language } from "../sheet/workbook";

/** The note block under a table has at most this many lines (refresh relies on it). */
export const MAX_NOTE_LINES = 2;

const LABELS = {
  zh: { asOf: "数据截至", version: "版本", note: "注", noSource: "数据来源: 未注明", sep: "; " },
  en: { asOf: "As of", version: "version", note: "Note", noSource: "Source: not stated", sep: "; " },
} as const;

/** The fields of a dataset its note lines are made of. */
export type NoteFields = Pick<Dataset, "id" | "version" | "source" | "asOf" | "notes" | "origin">;

/**
 * The note lines written under the table (at most MAX_NOTE_LINES): first the source line(s) and
 * the as-of date ("数据来源: Wind, 财通证券研究所 | 数据截至: 2023-02 | llm-comparison 版本 1.0"), then,
 * when the dataset has caveats, one line with them.
 */
export function datasetNoteLines(dataset: NoteFields, language: Language): string[] {
  const L = LABELS[language];
  const sources = dataset.source
    .map((s) => {
      const text = s.text.trim();
      return s.url && !text.includes(s.url) ? `${text} (${s.url})` : text;
    })
    .filter((t) => t !== "");
  const parts = [sources.length > 0 ? sources.join(L.sep) : L.noSource];
  if (dataset.asOf.trim() !== "") parts.push(`${L.asOf}: ${dataset.asOf.trim()}`);
  // A pasted table has no feed, so no version to cite.
  if (dataset.origin !== "paste") parts.push(`${dataset.id} ${L.version} ${dataset.version}`);
  const lines = [parts.join(" | ")];
  const caveats = dataset.notes.map((n) => n.trim()).filter((n) => n !== "");
  if (caveats.length > 0) lines.push(`${L.note}: ${caveats.join(L.sep)}`);
  return lines.slice(0, MAX_NOTE_LINES);
}
