/**
 * Name comparison behind AI.MODEL and AI.CHIP: the normal form names are compared in, and the
 * bounded edit distance suggestions are ranked by. Pure, no data.
 */

/**
 * The form names are compared in: NFKC (full-width "ＧＰＴ－３" → "GPT-3"), lower case, and
 * without spaces, punctuation or symbols ("·", "•", "-", ".", "&"...). So "GPT-3", "gpt3"
 * and "ＧＰＴ３" are one name, as are "悟道 2.0" and "悟道2.0". One spelling slip of a source
 * is folded in too: Epoch AI's hardware table writes "PCle" (lower-case L) for "PCIe" on some
 * NVIDIA cards ("NVIDIA L20 PCle"), so "pcle" reads as "pcie" and both spellings find the row.
 * Example: `normalizeName("Wu Dao 2.0") === "wudao20"`.
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "")
    .replace(/pcle/g, "pcie");
}

/** A name's code points, as edit distances count them (a CJK character is one edit, not two UTF-16 units). */
export function codePoints(s: string): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (const ch of s) out[n++] = ch.codePointAt(0) ?? 0;
  return out.subarray(0, n);
}

// Two DP rows, grown as needed and reused: suggestions run synchronously, one at a time.
let PREV = new Int32Array(128);
let CUR = new Int32Array(128);

/**
 * Levenshtein distance of two code-point arrays, or `max + 1` as soon as it is known to exceed
 * `max` (a row whose smallest entry is over `max` can only grow). Cost: at most |a| × |b| steps,
 * usually far fewer with a small `max`.
 */
export function boundedDistance(a: Int32Array, b: Int32Array, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (PREV.length <= lb) {
    PREV = new Int32Array(lb + 1);
    CUR = new Int32Array(lb + 1);
  }
  let prev = PREV;
  let cur = CUR;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a[i - 1];
    for (let j = 1; j <= lb; j++) {
      const sub = prev[j - 1] + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb] > max ? max + 1 : prev[lb];
}

/**
 * Levenshtein distance between two strings, counted in code points. With `max`, stops early and
 * returns `max + 1` once the distance is known to be larger (suggestions use that bound).
 * Example: `editDistance("kitten", "sitting") === 3`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const A = codePoints(a);
  const B = codePoints(b);
  return boundedDistance(A, B, Math.min(max, Math.max(A.length, B.length)));
}

/** Characters of a name a message quotes back; a longer name is cut with its length said. */
export const QUOTE_NAME_CHARS = 60;

/**
 * A name for a message, in quotes, cut to QUOTE_NAME_CHARS characters: a 32,767-character cell
 * must not become a 32,767-character message (Excel shows the message as the cell's tooltip).
 * Example: `quoteName("GPT-9") === '"GPT-9"'`.
 */
export function quoteName(name: string): string {
  if (name.length <= QUOTE_NAME_CHARS) return `"${name}"`; // UTF-16 units ≥ characters
  let head = "";
  let n = 0;
  for (const ch of name) {
    if (++n >= QUOTE_NAME_CHARS) break;
    head += ch;
  }
  if (head.length + 1 >= name.length) return `"${name}"`;
  // The length as Excel counts a cell's text (UTF-16 units, as in its 32,767-character limit).
  return `"${head}…" (${name.length.toLocaleString("en-US")} characters)`;
}
