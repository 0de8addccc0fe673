/**
 * Catalogue search: a dataset matches when every word of the query appears in its id, its
 * Chinese title or its English title, whichever language the analyst types in.
 */
import type { Dataset } from "../data/types";

/** Full-width letters and digits become ASCII, case is ignored. */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/**
 * Datasets matching `query`, in catalogue order; all of them for an empty query.
 * @example searchDatasets(datasets, "大模型") // finds { title: { zh: "大模型对比", en: "LLM comparison" } }
 */
export function searchDatasets<T extends Pick<Dataset, "id" | "title">>(datasets: readonly T[], query: string): T[] {
  const terms = normalizeForSearch(query)
    .split(/\s+/)
    .filter((term) => term.length > 0);
  if (terms.length === 0) return datasets.slice();
  return datasets.filter((dataset) => {
    const haystack = normalizeForSearch(`${dataset.id}\n${dataset.title.zh}\n${dataset.title.en}`);
    return terms.every((term) => haystack.includes(term));
  });
}
