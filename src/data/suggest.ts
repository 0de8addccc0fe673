/**
 * "Did you mean" for AI.MODEL and AI.CHIP, at a bounded cost whatever the input (issue 21): a
 * recalculation can ask about thousands of unknown names, and Excel's task pane shares the
 * runtime, so one slow suggestion freezes the add-in.
 *
 * - The query is cut to QUERY_CHARS code points (after normalisation); a cut query is compared
 *   with the same prefix of each name.
 * - Only names within maxDistance() edits count as near misses; a junk string gets no suggestion
 *   rather than the three least-bad names.
 * - Every name is first checked by lower bounds of the distance that cost far less than the
 *   distance: the length difference and the distinct characters one name has and the other
 *   lacks (a 64-bit character mask per name: a few integer operations), then, for the names
 *   that pass, the characters the two do not share counted with repeats (a merge of the two
 *   sorted character lists). Each unshared character needs at least one edit.
 * - The survivors are compared in order of their lower bound, at most MAX_COMPARED per index,
 *   with a Levenshtein that stops as soon as the distance exceeds the current n-th best.
 * - Answers are cached per index and normalised query (an unknown name in a column is asked once).
 */
import { boundedDistance, codePoints, normalizeName } from "./names";
import type { NameIndex } from "./lookup";

/** Code points of a normalised query that are compared; longer queries are cut. */
export const QUERY_CHARS = 64;
/** Edit distances compared (Levenshtein runs) per index and query, at most. */
export const MAX_COMPARED = 96;
/** Suggestions cached per index before the cache starts over. */
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

interface SuggestIndex {
  /** Per name: its code points, cut to QUERY_CHARS. */
  readonly prefix: Int32Array[];
  /** Per name: all its code points. */
  readonly full: Int32Array[];
  /** Per name: its code points sorted (whole, and the prefix), for the shared-character bound. */
  readonly fullSorted: Int32Array[];
  readonly preSorted: Int32Array[];
  /** Per name: character masks (low and high 32 bits) of the whole name and of its prefix. */
  readonly fullLo: Int32Array;
  readonly fullHi: Int32Array;
  readonly preLo: Int32Array;
  readonly preHi: Int32Array;
  /** Per name: its row's label. */
  readonly labels: string[];
  readonly cache: Map<string, Suggestion[]>;
}

/** The mask bit of a code point: a–z and 0–9 each have their own, anything else shares the other 28. */
function bit(cp: number): number {
  if (cp >= 97 && cp <= 122) return cp - 97;
  if (cp >= 48 && cp <= 57) return cp - 48 + 26;
  return 36 + (cp % 28);
}

function maskOf(cps: Int32Array): [number, number] {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < cps.length; i++) {
    const b = bit(cps[i]);
    if (b < 32) lo |= 1 << b;
    else hi |= 1 << (b - 32);
  }
  return [lo, hi];
}

/** Set bits of a 32-bit integer (signed or not). */
function popcount(x: number): number {
  x = x | 0;
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const INDEXES = new WeakMap<NameIndex, SuggestIndex>();

function suggestIndexOf(ix: NameIndex): SuggestIndex {
  let s = INDEXES.get(ix);
  if (s) return s;
  const n = ix.byName.size;
  const prefix: Int32Array[] = [];
  const full: Int32Array[] = [];
  const fullSorted: Int32Array[] = [];
  const preSorted: Int32Array[] = [];
  const labels: string[] = [];
  const fullLo = new Int32Array(n);
  const fullHi = new Int32Array(n);
  const preLo = new Int32Array(n);
  const preHi = new Int32Array(n);
  let k = 0;
  for (const [key, row] of ix.byName) {
    const cps = codePoints(key);
    const pre = cps.length > QUERY_CHARS ? cps.subarray(0, QUERY_CHARS) : cps;
    full.push(cps);
    prefix.push(pre);
    fullSorted.push(cps.slice().sort());
    preSorted.push(pre === cps ? fullSorted[fullSorted.length - 1] : pre.slice().sort());
    [fullLo[k], fullHi[k]] = maskOf(cps);
    [preLo[k], preHi[k]] = maskOf(pre);
    labels.push(String(ix.dataset.rows[row][ix.labelCol]));
    k++;
  }
  s = { prefix, full, fullSorted, preSorted, fullLo, fullHi, preLo, preHi, labels, cache: new Map() };
  INDEXES.set(ix, s);
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

// Candidates bucketed by lower bound (0..8), reused between calls.
const BUCKETS: number[][] = Array.from({ length: 9 }, () => []);

/**
 * The up to `n` labels of `ix` nearest to the normalised query `q` (within maxDistance), nearest
 * first, ties by label. Bounded: one pass of integer checks over the names, then at most
 * MAX_COMPARED bounded Levenshtein runs.
 */
export function suggestIn(ix: NameIndex, q: string, n: number): Suggestion[] {
  const s = suggestIndexOf(ix);
  // Only the first QUERY_CHARS code points count, so they (and whether there were more) are the cache key.
  const first = codePoints(q.length > 2 * QUERY_CHARS + 2 ? q.slice(0, 2 * QUERY_CHARS + 2) : q);
  const cut = first.length > QUERY_CHARS;
  const query = cut ? first.subarray(0, QUERY_CHARS) : first;
  const cacheKey = `${n}${cut ? "+" : "="}${String.fromCodePoint(...query)}`;
  const hit = s.cache.get(cacheKey);
  if (hit) return hit;

  const [qLo, qHi] = maskOf(query);
  const qSorted = query.slice().sort();
  const limit = maxDistance(query.length);
  const names = cut ? s.prefix : s.full;
  const lo = cut ? s.preLo : s.fullLo;
  const hi = cut ? s.preHi : s.fullHi;
  const sorted = cut ? s.preSorted : s.fullSorted;
  for (const b of BUCKETS) b.length = 0;
  for (let k = 0; k < names.length; k++) {
    let lb = Math.abs(names[k].length - query.length);
    if (lb > limit) continue;
    const missing = popcount(qLo & ~lo[k]) + popcount(qHi & ~hi[k]);
    const extra = popcount(lo[k] & ~qLo) + popcount(hi[k] & ~qHi);
    if (missing > lb) lb = missing;
    if (extra > lb) lb = extra;
    if (lb > limit) continue;
    const bag = unshared(qSorted, sorted[k]);
    if (bag > lb) lb = bag;
    if (lb <= limit) BUCKETS[lb].push(k);
  }

  const best = new Map<string, number>(); // label → distance
  let cutoff = limit; // the n-th best distance so far, or the limit
  const nth = (): number => {
    if (best.size < n) return limit;
    return [...best.values()].sort((a, b) => a - b)[n - 1];
  };
  let compared = 0;
  outer: for (let lb = 0; lb <= limit; lb++) {
    if (lb > cutoff) break; // every remaining name is at least lb away
    for (const k of BUCKETS[lb]) {
      if (compared >= MAX_COMPARED) break outer;
      compared++;
      const d = boundedDistance(query, names[k], cutoff);
      if (d > cutoff) continue;
      const label = s.labels[k];
      const had = best.get(label);
      if (had === undefined || d < had) {
        best.set(label, d);
        cutoff = nth();
      }
    }
  }
  const out = [...best.entries()]
    .map(([label, distance]) => ({ label, distance }))
    .sort((a, b) => a.distance - b.distance || a.label.localeCompare(b.label))
    .slice(0, n);
  if (s.cache.size >= CACHE_SIZE) s.cache.clear();
  s.cache.set(cacheKey, out);
  return out;
}

/**
 * The (up to) `n` labels nearest to `query` over several indexes, nearest first, ties by label;
 * empty when no name is within reach (see maxDistance). Example: `suggest("GPT-9", [models])` →
 * ["GPT", "GPT-2", "GPT-3"].
 */
export function suggestAcross(query: string, indexes: readonly NameIndex[], n = 3): string[] {
  const q = normalizeName(query);
  if (q === "") return [];
  const best = new Map<string, number>();
  for (const ix of indexes) {
    for (const { label, distance } of suggestIn(ix, q, n)) {
      const had = best.get(label);
      if (had === undefined || distance < had) best.set(label, distance);
    }
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([l]) => l);
}
