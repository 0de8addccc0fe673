/**
 * Chip families for AI.CHIP (issue 19): a family or marketing name an analyst types
 * ("Hopper", "Blackwell", "TPU", "Gaudi", "昇腾") is not one chip, so it gives #N/A whose message
 * lists the family's chips, never a guess at one of them.
 *
 * Which chips a family holds comes from the tables themselves:
 * - a word of the chips' own names is a family when it names two chips or more: "TPU" (Google
 *   TPU v5p, …), "Ascend" and "昇腾" (also inside "华为昇腾"), "Instinct", and the letters a model number starts with,
 *   such as "Gaudi" of "Gaudi2" or "Trainium" of "Trainium2";
 * - an architecture, which no name spells, is a rule on the model number, applied to the rows of
 *   its maker (ARCHITECTURES): NVIDIA's data-centre model numbers start with the architecture's
 *   letter (V100 Volta, A100 Ampere, H100 Hopper, B200 Blackwell, GB200 Grace Blackwell, …), and
 *   AMD's Instinct MI100 / MI200 / MI300 / MI350 series are CDNA 1 to 4. The rules name no chip:
 *   a chip added to a table joins its family by its name.
 */
import { normalizeName } from "./names";
import type { NameIndex } from "./lookup";

/** An architecture: the names it is typed by, its maker, and the model numbers that are it. */
export interface Architecture {
  /** The name shown, e.g. "NVIDIA Hopper"; its first word is the maker. */
  title: string;
  /** Names an analyst may type (compared normalised): "Hopper", "Ada Lovelace", "CDNA 3". */
  names: readonly string[];
  /** The maker, as a chip's vendor column says it. */
  vendor: string;
  /** A word of the chip's name that is one of its model numbers. */
  model: RegExp;
}

/**
 * NVIDIA's data-centre architectures by model-number letter, and AMD's CDNA generations by
 * Instinct series: [title, names typed ("|" between), model number]. Sources: NVIDIA's
 * architecture pages, https://www.nvidia.com/en-us/technologies/ (volta-gpu-architecture,
 * turing-architecture, ampere-architecture, ada-architecture, hopper-architecture,
 * blackwell-architecture; Kepler, Maxwell and Pascal for the Tesla K, M and P boards); AMD's
 * CDNA page, https://www.amd.com/en/technologies/cdna.html (MI100 CDNA; MI200 series CDNA 2;
 * MI300 series CDNA 3; MI350 series CDNA 4), and Instinct for the whole MI series. Kept as
 * tuples: this list ships in functions.js, which has a size budget.
 */
const ARCH: readonly (readonly [string, string, RegExp])[] = [
  ["NVIDIA Kepler", "Kepler", /^K\d{1,2}[A-Za-z]*$/],
  ["NVIDIA Maxwell", "Maxwell", /^M\d{1,2}$/],
  ["NVIDIA Pascal", "Pascal", /^P\d{1,3}$/],
  ["NVIDIA Volta", "Volta", /^V100S?$/],
  ["NVIDIA Turing", "Turing", /^T4$/],
  ["NVIDIA Ampere", "Ampere", /^A\d{1,4}[A-Z]?$/],
  ["NVIDIA Ada Lovelace", "Ada Lovelace|Ada|Lovelace", /^L\d{1,2}S?$/],
  ["NVIDIA Hopper", "Hopper|Grace Hopper", /^G?H\d{2,3}$/],
  ["NVIDIA Blackwell", "Blackwell|Grace Blackwell", /^G?B\d{3}$/],
  ["AMD CDNA", "CDNA", /^MI[123]\d{2}[A-Z]?$/],
  ["AMD CDNA 1", "CDNA 1", /^MI1\d{2}$/],
  ["AMD CDNA 2", "CDNA 2", /^MI2\d{2}[A-Z]?$/],
  ["AMD CDNA 3", "CDNA 3", /^MI3[0-2]\d[A-Z]?$/],
  ["AMD CDNA 4", "CDNA 4", /^MI35\d[A-Z]?$/],
  ["AMD Instinct", "Instinct|AMD Instinct", /^MI\d{1,3}[A-Z]?$/],
];

export const ARCHITECTURES: readonly Architecture[] = ARCH.map(([title, names, model]) => ({
  title,
  names: names.split("|"),
  vendor: title.split(" ")[0],
  model,
}));

/** A family's chips in one index: its title and rows. */
interface Family {
  title: string | null;
  rows: number[];
}

const FAMILIES = new WeakMap<NameIndex, Map<string, Family>>();

/** The words of a chip name: split at spaces, parentheses and slashes ("Ascend (昇腾) 910" → Ascend, 昇腾, 910). */
const wordsOf = (name: string): string[] => name.split(/[\s()（）/]+/u).filter((w) => w !== "");

/** The families of an index's rows (see the file's comment), built on first use. */
function familiesOf(ix: NameIndex): Map<string, Family> {
  const had = FAMILIES.get(ix);
  if (had) return had;
  const vendorCol = ix.spec.vendorColumn === undefined ? -1 : ix.dataset.columns.findIndex((c) => c.key === ix.spec.vendorColumn);
  const nameCols = [ix.labelCol, ...ix.spec.nameColumns.map((k) => ix.dataset.columns.findIndex((c) => c.key === k))].filter((c) => c >= 0);
  const byWord = new Map<string, Set<number>>();
  const byArch = new Map<string, Set<number>>();
  ix.dataset.rows.forEach((r, row) => {
    const names = [...new Set(nameCols.map((c) => r[c]).filter((v): v is string => typeof v === "string"))];
    const words = names.flatMap(wordsOf);
    const vendor = vendorCol >= 0 && typeof r[vendorCol] === "string" ? (r[vendorCol] as string) : "";
    for (const w of words) {
      const key = normalizeName(w);
      if (!/\p{L}/u.test(key)) continue; // "910", "80" are no family
      const keys = [key];
      const stem = /^(\p{L}{2,})\d/u.exec(key)?.[1];
      if (stem) keys.push(stem);
      // Chinese names run the maker and the family together ("华为昇腾"): its trailing characters count too ("昇腾").
      const han = /^\p{Script=Han}{3,}/u.exec(key)?.[0];
      if (han) for (let i = 2; i < han.length; i++) keys.push(han.slice(-i));
      for (const k of keys) {
        const rows = byWord.get(k) ?? new Set<number>();
        rows.add(row);
        byWord.set(k, rows);
      }
    }
    for (const a of ARCHITECTURES) {
      if (vendor !== a.vendor || !words.some((w) => a.model.test(w))) continue;
      for (const n of a.names) {
        const k = normalizeName(n);
        const rows = byArch.get(k) ?? new Set<number>();
        rows.add(row);
        byArch.set(k, rows);
      }
    }
  });
  const out = new Map<string, Family>();
  // One chip's word counts too: the curated table's one Gaudi and Epoch's two make a family of three.
  for (const [k, rows] of byWord) out.set(k, { title: null, rows: [...rows] });
  // An architecture's name wins over the same word in the names: its rule sees every generation.
  for (const a of ARCHITECTURES)
    for (const n of a.names) {
      const rows = byArch.get(normalizeName(n));
      if (rows) out.set(normalizeName(n), { title: a.title, rows: [...rows] });
    }
  FAMILIES.set(ix, out);
  return out;
}

/** Leading brand words a family name may carry ("Intel Habana Gaudi"). */
const MAX_BRAND_WORDS = 3;

/** The chips of a family, found in one or more indexes. */
export interface FamilyHit {
  /** The architecture's title ("NVIDIA Hopper"), or null for a word of the names ("TPU"). */
  title: string | null;
  /** The chips' labels, each once, in table order (the first index's rows first). */
  labels: string[];
  /** The ids of the tables they come from. */
  datasets: string[];
}

/**
 * The family `name` stands for, or null. Tried as typed, then without each leading brand word
 * ("NVIDIA Hopper" → "Hopper", "Google TPU" → "TPU"). Only indexes whose spec names a
 * vendorColumn (the chip tables) have families.
 * Example: `chipFamily("Blackwell", [curated, epoch])?.labels` → ["NVIDIA B100", "NVIDIA B200", …].
 */
export function chipFamily(name: string, indexes: readonly NameIndex[], brandWords: ReadonlySet<string>): FamilyHit | null {
  const keys: string[] = [normalizeName(name)];
  // At most MAX_BRAND_WORDS leading brand words are dropped ("Intel Habana Gaudi"): a cell of
  // thousands of brand words costs no more than a short name.
  let rest = name;
  for (let i = 0; i < MAX_BRAND_WORDS; i++) {
    const word = /^\s*(\S+)/.exec(rest);
    if (!word || !brandWords.has(normalizeName(word[1]))) break;
    rest = rest.slice(word[0].length);
    keys.push(normalizeName(rest));
  }
  for (const key of keys) {
    let title: string | null = null;
    const labels: string[] = [];
    const datasets: string[] = [];
    const seen = new Set<string>();
    for (const ix of indexes) {
      if (ix.spec.vendorColumn === undefined) continue;
      const f = familiesOf(ix).get(key);
      if (!f) continue;
      title ??= f.title;
      datasets.push(ix.dataset.id);
      for (const row of f.rows) {
        const l = String(ix.dataset.rows[row][ix.labelCol]);
        if (!seen.has(l)) {
          seen.add(l);
          labels.push(l);
        }
      }
    }
    // A word of one chip's name is that chip's name, not a family; an architecture may have one chip in the tables (Turing: T4).
    if (labels.length >= 2 || (title !== null && labels.length === 1)) return { title, labels, datasets };
  }
  return null;
}
