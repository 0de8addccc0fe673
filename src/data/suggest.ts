/**
 * "Did you mean" for AI.MODEL and AI.CHIP, at a bounded cost whatever the input (issue 21): a
 * recalculation can ask about thousands of unknown names, and Excel's task pane shares the
 * runtime, so one slow suggestion freezes the add-in.
 *
 * - The query is cut to QUERY_CHARS code points (after normalisation); a cut query is compared
 *   with the same prefix of each name.
 * - Only names within maxDistance() edits count as near misses; a junk string gets no suggestion
 *   rather than the three least-bad names.
 * - Every name is first checked by two lower bounds of the distance that cost far less than the
 *   distance: the length difference (one subtraction), then the characters the two do not share,
 *   counted with repeats (a merge of the two sorted character lists): each needs an edit.
 * - The survivors are compared in order of their lower bound, at most MAX_COMPARED per index,
 *   with a Levenshtein that stops as soon as the distance exceeds the current n-th best.
 * - Answers are cached per index and query (an unknown name down a column is worked out once).
 */
import { boundedDistance, codePoints, normalizeName } from "./names";
import type { NameIndex } from "./lookup";

/** Code points of a normalised query that are compared; longer queries are cut. */
export const QUERY_CHARS = 64;
/** Edit distances computed (bounded Levenshtein runs) per index and query, at most. */
export const MAX_COMPARED = 96;
/** Answers cached per index before the cache starts over. */
const CACHE_SIZE = 2048;

/** The most edits a suggestion may be from a query of `length` code points: half of it, from 2 up to 8. */
export function maxDistance(length: number): number {
  return Math.min(8, Math.max(2, Math.ceil(length / 2)));
}

/** A suggestion: a row's label and its distance from the query. */
export interface Suggestion {
  label: string;
  distance: number;
}

/** A name of an index, ready to compare: whole and cut to QUERY_CHARS, each with its characters sorted. */
interface Name {
  full: Int32Array;
  fullSorted: Int32Array;
  cut: Int32Array;
  cutSorted: Int32Array;
  label: string;
}

const INDEXES = new WeakMap<NameIndex, { names: Name[]; cache: Map<string, Suggestion[]> }>();

function namesOf(ix: NameIndex): { names: Name[]; cache: Map<string, Suggestion[]> } {
  let s = INDEXES.get(ix);
  if (!s) {
    const names: Name[] = [];
    for (const [key, row] of ix.byName) {
      const full = codePoints(key);
      const fullSorted = full.slice().sort();
      const long = full.length > QUERY_CHARS;
      const cut = long ? full.subarray(0, QUERY_CHARS) : full;
      names.push({ full, fullSorted, cut, cutSorted: long ? cut.slice().sort() : fullSorted, label: String(ix.dataset.rows[row][ix.labelCol]) });
    }
    INDEXES.set(ix, (s = { names, cache: new Map() }));
  }
  return s;
}

/** max(characters of a not in b, characters of b not in a), counted with repeats, for sorted a and b: a lower bound of their edit distance. */
function unshared(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return Math.max(a.length, b.length) - common;
}

/**
 * The up to `n` labels of `ix` nearest to the normalised query `q` (within maxDistance), nearest
 * first, ties by label. Bounded: one pass of cheap bounds over the names, then at most
 * MAX_COMPARED bounded Levenshtein runs.
 */
export function suggestIn(ix: NameIndex, q: string, n: number): Suggestion[] {
  const { names, cache } = namesOf(ix);
  // Only the first QUERY_CHARS code points count, so they (and whether there were more) are the cache key.
  const first = codePoints(q.length > 2 * QUERY_CHARS + 2 ? q.slice(0, 2 * QUERY_CHARS + 2) : q);
  const isCut = first.length > QUERY_CHARS;
  const query = isCut ? first.subarray(0, QUERY_CHARS) : first;
  const cacheKey = `${n}${isCut ? "+" : "="}${String.fromCodePoint(...query)}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;

  const sorted = query.slice().sort();
  const limit = maxDistance(query.length);
  const buckets: Name[][] = Array.from({ length: limit + 1 }, () => []); // by lower bound
  for (const name of names) {
    const cps = isCut ? name.cut : name.full;
    const diff = Math.abs(cps.length - query.length);
    if (diff > limit) continue;
    const lb = Math.max(diff, unshared(sorted, isCut ? name.cutSorted : name.fullSorted));
    if (lb <= limit) buckets[lb].push(name);
  }

  const best = new Map<string, number>(); // label → distance
  let cutoff = limit; // the n-th best distance so far, else the limit
  let compared = 0;
  for (let lb = 0; lb <= cutoff && compared < MAX_COMPARED; lb++) {
    for (const name of buckets[lb]) {
      if (compared++ >= MAX_COMPARED) break;
      const d = boundedDistance(query, isCut ? name.cut : name.full, cutoff);
      if (d > cutoff || d >= (best.get(name.label) ?? Infinity)) continue;
      best.set(name.label, d);
      if (best.size >= n) cutoff = [...best.values()].sort((a, b) => a - b)[n - 1];
    }
  }
  const out = [...best]
    .map(([label, distance]) => ({ label, distance }))
    .sort((a, b) => a.distance - b.distance || a.label.localeCompare(b.label))
    .slice(0, n);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(cacheKey, out);
  return out;
}

/**
 * The (up to) `n` labels nearest to `query` over several indexes, nearest first, ties by label;
 * empty when no name is within reach (see maxDistance). Example: `suggestAcross("GPT-9", [models])`
 * → ["GPT", "GPT-2", "GPT-3"].
 */
export function suggestAcross(query: string, indexes: readonly NameIndex[], n = 3): string[] {
  const q = normalizeName(query);
  const best = new Map<string, number>();
  if (q !== "")
    for (const ix of indexes) for (const { label, distance } of suggestIn(ix, q, n)) if (distance < (best.get(label) ?? Infinity)) best.set(label, distance);
  return [...best]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([l]) => l);
}
