/**
 * Reading numbers the way reports write them: Chinese units (万, 亿, 万亿), K/M/B/T suffixes,
 * percent signs, thousands separators, full-width digits, the Unicode minus, scientific notation
 * as papers print it ("2.3×10^19", LaTeX "$2.3 \\cdot 10^{19}$"), and the spaces PDF extraction
 * puts inside numbers ("18. 41%"). Anything else is #VALUE!. Also the one list of the qualifiers
 * reports put before or after a figure ("约 5GB", "超过 1.1TB", "100 以上").
 */
import { BYTES_PER_UNIT_STEP } from "./units";
import { CellError, numError, valueError } from "./errors";

/** Multipliers for the unit that may follow the number. Longest match wins (万亿 before 万). */
const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ["", 1],
  ["%", 1e-2],
  ["pct", 1e-2], // percentage points, as the report writes "1.32pct"
  ["pp", 1e-2],
  ["‰", 1e-3],
  ["千", 1e3],
  ["万", 1e4],
  ["十万", 1e5],
  ["百万", 1e6],
  ["千万", 1e7],
  ["亿", 1e8],
  ["十亿", 1e9],
  ["百亿", 1e10],
  ["千亿", 1e11],
  ["万亿", 1e12],
  ["k", 1e3],
  ["thousand", 1e3],
  ["m", 1e6],
  ["mn", 1e6],
  ["mm", 1e6],
  ["million", 1e6],
  ["b", 1e9],
  ["bn", 1e9],
  ["billion", 1e9],
  ["t", 1e12],
  ["tn", 1e12],
  ["trillion", 1e12],
]);

/** Full-width forms (U+FF01–FF5E) to ASCII, ideographic space to space, minus signs to "-". */
/** Any character normalise() changes: most text has none, and is returned as it is. */
const TO_NORMALISE = /[\uff01-\uff5e\u2212\ufe63\u2012\u2013\u3000\u00a0\u2009\u202f]/;

function normalise(text: string): string {
  if (!TO_NORMALISE.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x2212 || c === 0xfe63 || c === 0x2012 || c === 0x2013)
      out += "-"; // − ﹣ ‒ –
    else if (c === 0x3000 || c === 0x00a0 || c === 0x2009 || c === 0x202f) out += " ";
    else out += ch;
  }
  return out;
}

/**
 * Report text as the parsers read it: full-width forms as ASCII, the Unicode minus signs as "-",
 * ideographic and no-break spaces as spaces (e.g. "\uff11\uff17\uff15\uff10" → "1750").
 */
export function normaliseReportText(text: string): string {
  return normalise(text);
}

const NUMBER_RE = /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(e[+-]?\d+)?(.*)$/i;

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  "⁰": "0",
  "¹": "1",
  "²": "2",
  "³": "3",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9",
  "⁻": "-",
  "⁺": "+",
};

/**
 * Scientific notation as papers print it and PDFs extract it: "2.3×10^19", "2.3·10^{19}",
 * "$2.3 \\cdot 10^{19}$" (LaTeX, as in the report's copy of Vaswani et al.'s Table 2),
 * "10^{18}", "1.5×10¹⁹". Groups: sign, mantissa (absent for a bare power), exponent in one of
 * three spellings, the unit.
 */
const SCIENTIFIC_RE =
  /^([+-]?)(?:(\d+(?:\.\d*)?|\.\d+)(?:\\cdot|\\times|[×xX·•∙⋅*]))?10(?:\^\{([+-]?\d{1,4})\}|\^([+-]?\d{1,4})|([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}))(.*)$/;

/**
 * A number from report text. "1750 亿" → 1.75e11, "1.6 万亿" → 1.6e12, "18. 41%" → 0.1841,
 * "175B" → 1.75e11, "−1.35%" → -0.0135, "1,024" → 1024. A number passes through.
 * @example parseReportNumber("1750 亿") // 175000000000
 */
export function parseReportNumber(input: string | number): number | CellError {
  if (typeof input === "number") return Number.isFinite(input) ? input : numError("the number is not finite");
  // PDF extraction splits numbers with spaces ("0. 47%", "1 750"); no unit contains a space.
  let s = normalise(input).replace(/\s+/g, "");
  // LaTeX inline maths, as a paper's table extracts: "$2.3 \\cdot 10^{19}$".
  if (s.length > 2 && s.startsWith("$") && s.endsWith("$")) s = s.slice(1, -1);
  let sign: string, digits: string, exp: string, rawUnit: string;
  const sci = SCIENTIFIC_RE.exec(s);
  if (sci) {
    const power = sci[3] ?? sci[4] ?? [...(sci[5] ?? "")].map((c) => SUPERSCRIPTS[c] ?? c).join("");
    [sign, digits, exp, rawUnit] = [sci[1], sci[2] ?? "1", `e${power}`, sci[6]];
  } else {
    const m = NUMBER_RE.exec(s);
    if (!m) return valueError(`cannot read a number from "${input}"`);
    [, sign, digits, exp = "", rawUnit] = m;
  }
  // "个" (a count) may trail Chinese figures: "1750 亿个".
  const unit = rawUnit.replace(/个$/, "").toLowerCase();
  const mult = MULTIPLIERS.get(unit);
  if (mult === undefined) return valueError(`cannot read a number from "${input}": unknown unit "${rawUnit}"`);
  const value = Number(`${sign}${digits.replace(/,/g, "")}${exp}`) * mult;
  if (!Number.isFinite(value)) return numError(`"${input}" is too large to represent`);
  // Multiplying by 1e-2 gives 0.18410000000000001 for 18.41%: round to 15 significant digits, as Excel does.
  return Number(value.toPrecision(15));
}

// ---------------------------------------------------------------------------------------------
// Qualifiers
// ---------------------------------------------------------------------------------------------

/** What a qualifier says about the figure it stands by. */
export type QualifierSymbol = "≈" | ">" | "≥" | "<" | "≤";

/** Words and signs written before a figure, longest first within each meaning's spellings. */
const QUALIFIER_PREFIXES: readonly (readonly [string, QualifierSymbol])[] = [
  ["大约", "≈"],
  ["约", "≈"],
  ["接近", "≈"],
  ["近", "≈"],
  ["~", "≈"],
  ["≈", "≈"],
  ["approximately", "≈"],
  ["approx.", "≈"],
  ["approx", "≈"],
  ["about", "≈"],
  ["around", "≈"],
  ["nearly", "≈"],
  ["ca.", "≈"],
  ["c.", "≈"],
  ["不超过", "≤"],
  ["不高于", "≤"],
  ["最多", "≤"],
  ["<=", "≤"],
  ["≤", "≤"],
  ["up to", "≤"],
  ["at most", "≤"],
  ["不少于", "≥"],
  ["不低于", "≥"],
  ["至少", "≥"],
  [">=", "≥"],
  ["≥", "≥"],
  ["at least", "≥"],
  ["超过", ">"],
  ["多于", ">"],
  ["大于", ">"],
  ["高于", ">"],
  ["逾", ">"],
  [">", ">"],
  ["more than", ">"],
  ["over", ">"],
  ["above", ">"],
  ["不到", "<"],
  ["少于", "<"],
  ["小于", "<"],
  ["低于", "<"],
  ["<", "<"],
  ["less than", "<"],
  ["under", "<"],
  ["below", "<"],
];
/** Words and signs written after a figure ("100 以上", "5TB 左右", "100+"). */
const QUALIFIER_SUFFIXES: readonly (readonly [string, QualifierSymbol])[] = [
  ["左右", "≈"],
  ["上下", "≈"],
  ["及以上", "≥"],
  ["以上", "≥"],
  ["+", "≥"],
  ["及以下", "≤"],
  ["以下", "≤"],
  ["以内", "≤"],
];
const byLength = (a: readonly [string, QualifierSymbol], b: readonly [string, QualifierSymbol]): number => b[0].length - a[0].length;
const PREFIXES_LONGEST_FIRST = [...QUALIFIER_PREFIXES].sort(byLength);
const SUFFIXES_LONGEST_FIRST = [...QUALIFIER_SUFFIXES].sort(byLength);
/** First characters of the prefixes and last of the suffixes: most figures start with neither, and are passed at once. */
const PREFIX_STARTS = new Set(QUALIFIER_PREFIXES.map(([w]) => w[0]));
const SUFFIX_ENDS = new Set(QUALIFIER_SUFFIXES.map(([w]) => w[w.length - 1]));

/** A figure's qualifier, as written and as a symbol, and the figure without it. */
export interface QualifiedText {
  /** The qualifier as written: "约", "超过", "以上", "~". */
  qualifier: string;
  symbol: QualifierSymbol;
  /** The text without the qualifier, trimmed: "5GB". */
  rest: string;
}

/**
 * Splits a qualifier off a figure: "约 5GB" → 约 / ≈ / "5GB", "超过 1.1TB" → 超过 / > / "1.1TB",
 * "100 以上" → 以上 / ≥ / "100". null when the text has none, or nothing but the qualifier. The
 * rest is not checked: the caller parses it (e.g. "over time" splits, and then fails to parse).
 * @example splitQualifier("约 5GB") // { qualifier: "约", symbol: "≈", rest: "5GB" }
 */
export function splitQualifier(text: string): QualifiedText | null {
  const s = normalise(text).trim();
  if (s === "" || (!PREFIX_STARTS.has(s[0].toLowerCase()) && !SUFFIX_ENDS.has(s[s.length - 1]))) return null;
  const lower = s.toLowerCase();
  for (const [word, symbol] of PREFIXES_LONGEST_FIRST) {
    if (!lower.startsWith(word)) continue;
    const rest = s.slice(word.length).trim();
    // An English word must end at a word boundary: "overall" is not "over all".
    if (/^[a-z]/.test(word) && /^[a-z]/i.test(s.slice(word.length))) continue;
    if (rest !== "") return { qualifier: s.slice(0, word.length), symbol, rest };
  }
  for (const [word, symbol] of SUFFIXES_LONGEST_FIRST) {
    if (!s.endsWith(word)) continue;
    const rest = s.slice(0, s.length - word.length).trim();
    if (rest !== "") return { qualifier: word, symbol, rest };
  }
  return null;
}

const BYTE_UNITS: ReadonlyMap<string, number> = new Map([
  ["b", 0],
  ["byte", 0],
  ["bytes", 0],
  ["kb", 1],
  ["mb", 2],
  ["gb", 3],
  ["tb", 4],
  ["pb", 5],
  ["eb", 6],
]);
const BINARY_UNITS: ReadonlyMap<string, number> = new Map([
  ["kib", 1],
  ["mib", 2],
  ["gib", 3],
  ["tib", 4],
  ["pib", 5],
  ["eib", 6],
]);

/**
 * Bytes from a size as reports write it: "45TB", "292GB", "1.1 TB", "4. 9TB", "约 5GB".
 * step is 1024 (the report's note: 1TB = 1024GB) or 1000; KiB/MiB/… are always 1024.
 * @example parseBytes("45TB") // 49478023249920
 */
export function parseBytes(input: string | number, step: number = BYTES_PER_UNIT_STEP): number | CellError {
  if (step !== 1024 && step !== 1000) return valueError(`bytes_per_unit_step must be 1024 or 1000, got ${step}`);
  if (typeof input === "number") return Number.isFinite(input) && input >= 0 ? input : valueError("a size must be a number ≥ 0");
  // 约 / ~ / ≈ mark an approximate figure ("约 5GB"): the figure itself is still the best number.
  // A bound ("超过 1.1TB") is not the figure, so it is refused.
  const q = splitQualifier(input);
  const s = normalise(q && q.symbol === "≈" ? q.rest : input).replace(/\s+/g, "");
  const m = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)([a-z]+)$/i.exec(s);
  if (!m) return valueError(`cannot read a size in bytes from "${input}" (expected e.g. "45TB" or "292 GB")`);
  const unit = m[2].toLowerCase();
  const amount = Number(m[1].replace(/,/g, ""));
  const binary = BINARY_UNITS.get(unit);
  const power = binary ?? BYTE_UNITS.get(unit);
  if (power === undefined) return valueError(`cannot read a size in bytes from "${input}": unknown unit "${m[2]}"`);
  const value = amount * Math.pow(binary !== undefined ? 1024 : step, power);
  return Number.isFinite(value) ? value : numError(`"${input}" is too large to represent`);
}
