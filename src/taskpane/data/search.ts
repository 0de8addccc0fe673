/**
 * Catalogue search (issue 20): a dataset matches when every word of the query appears in its id,
 * its title in either language, a column's key or header (either language), or one of its row
 * keys (the key column's values: "H100" finds both accelerator tables, "GPT-3" the model
 * tables). Row keys are the rows' names, loaded apart from the catalogue (which has no rows).
 */
import type { CellValue, Column, Dataset, LocalizedText } from "../../data/types";

/** Full-width letters and digits become ASCII, case is ignored. */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** What search reads of a catalogue entry. */
export interface Searchable {
  id: string;
  title: LocalizedText;
  columns?: readonly Pick<Column, "key" | "header">[];
}

/** Why an entry matched beyond its id and titles: a column or a row that holds a query word. */
export type MatchReason = { kind: "column"; text: LocalizedText } | { kind: "row"; text: string };

export interface SearchHit<T> {
  item: T;
  /** Set when a word was found only in a column or a row (shown under the entry); absent for an id or title match. */
  reason?: MatchReason;
}

/** The words of a query, normalised; none for an empty query. */
export function queryTerms(query: string): string[] {
  return normalizeForSearch(query)
    .split(/\s+/)
    .filter((term) => term.length > 0);
}

/**
 * The names of a dataset's rows: its key column's values (the first column when it names none),
 * as text, each once, in row order; blanks left out.
 * @example rowKeysOf(llmComparison).slice(0, 2) // ["GPT", "GPT-2"]
 */
export function rowKeysOf(dataset: Pick<Dataset, "columns" | "rows" | "key">): string[] {
  const index = dataset.key
    ? Math.max(
        0,
        dataset.columns.findIndex((c) => c.key === dataset.key)
      )
    : 0;
  const seen = new Set<string>();
  for (const row of dataset.rows) {
    const cell: CellValue | undefined = row[index];
    if (cell === null || cell === undefined || cell === "") continue;
    seen.add(String(cell));
  }
  return [...seen];
}

/**
 * The entries matching `query`, in catalogue order, each with why when it matched by a column
 * or a row; every entry for an empty query. `rowKeys`: each dataset's row keys by id (see
 * rowKeysOf), as far as loaded.
 * @example searchCatalog(items, "H100", keys).map((h) => h.item.id) // ["accelerators", "epoch-accelerators"]
 */
export function searchCatalog<T extends Searchable>(items: readonly T[], query: string, rowKeys?: ReadonlyMap<string, readonly string[]>): SearchHit<T>[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return items.map((item) => ({ item }));
  const hits: SearchHit<T>[] = [];
  for (const item of items) {
    const named = normalizeForSearch(`${item.id}\n${item.title.zh}\n${item.title.en}`);
    const columns = (item.columns ?? []).map((c) => ({ c, text: normalizeForSearch(`${c.key}\n${c.header.zh}\n${c.header.en}`) }));
    const rows = (rowKeys?.get(item.id) ?? []).map((key) => ({ key, text: normalizeForSearch(key) }));
    let reason: MatchReason | undefined;
    const found = terms.every((term) => {
      if (named.includes(term)) return true;
      const column = columns.find((x) => x.text.includes(term));
      if (column) {
        reason ??= { kind: "column", text: column.c.header };
        return true;
      }
      // The row the word names best: exactly, then at its start, then anywhere in it.
      const row = rows.find((x) => x.text === term) ?? rows.find((x) => x.text.startsWith(term)) ?? rows.find((x) => x.text.includes(term));
      if (row) {
        reason ??= { kind: "row", text: row.key };
        return true;
      }
      return false;
    });
    if (found) hits.push(reason ? { item, reason } : { item });
  }
  return hits;
}
