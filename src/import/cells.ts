/**
 * Reading one pasted cell: blank, a missing-value mark, a number, a percentage, a size, a date or
 * text, with its qualifier ("约", "超过") split off and a note of any PDF spacing removed inside the
 * figure. Numbers and sizes are read by core/parse.ts (the parser behind AI.PARSENUM and
 * AI.PARSEBYTES): one reading of report numbers for the functions and the importer. Also the
 * text repairs the importer proposes (OCR slips, garbled glyphs) and how wrapped lines join.
 */
import { CellError } from "../core/errors";
import { normaliseReportText, parseBytes, parseReportNumber, splitQualifier, type QualifiedText } from "../core/parse";

export type CellKind = "empty" | "missing" | "number" | "percent" | "bytes" | "date" | "badDate" | "text";

export interface CellReading {
  kind: CellKind;
  /** The figure without its qualifier, trimmed (the whole text for text cells). */
  figure: string;
  qualifier: QualifiedText | null;
  /** number, percent (a fraction), or the number a "2023.01" also is. */
  value?: number;
  /** date: ISO "2023-02-06" (day) or "2023-02" (month). */
  iso?: string;
  precision?: "day" | "month";
  /** "2023.01" reads as a month or as a number: the column decides. */
  dateOrNumber?: boolean;
  /** PDF spacing inside the figure was removed to read it ("0. 47%", "2023. 01. 25", "4. 9TB"). */
  spaced: boolean;
  /** number: what follows the digits ("亿", "万亿", "B"), "" for none. */
  magnitude: string;
  /** number: digits only (no magnitude, percent sign or exponent), so a header's unit applies. */
  bare: boolean;
  /** badDate: what is wrong ("day 00"). */
  problem?: string;
}

/** Marks reports use for a missing or not-applicable value (read as a blank cell). */
const MISSING = new Set(["-", "--", "---", "—", "——", "―", "n/a", "n.a.", "/", "无", "暂无", "不适用"]);

/** Spaces a PDF put inside a figure: around a decimal point or separator, after a sign, before a group of three digits ("1 750"). */
const INNER_SPACE = /\d\s+[\d.,]|[.,]\s+\d|^[+-]\s+\d/;
/** A space between digits that is no thousands group ("5 2022"): two figures, not one. */
const TWO_FIGURES = /\d\s+(?!\d{3}(?![\d]))\d/;

const EMPTY: Omit<CellReading, "kind" | "figure"> = { qualifier: null, spaced: false, magnitude: "", bare: false };

/**
 * What a pasted cell holds.
 * @example readCell("约 5GB").kind // "bytes" (qualifier 约)
 * @example readCell("1.75 万").value // 17500 (magnitude "万")
 */
export function readCell(raw: string): CellReading {
  const text = normaliseReportText(raw).trim();
  return readNormalised(text);
}

/** readCell, remembering each text's reading: tables repeat their values, and each cell is read twice. */
export function cellReader(): (raw: string) => CellReading {
  const seen = new Map<string, CellReading>();
  return (raw) => {
    let x = seen.get(raw);
    if (x === undefined) {
      x = readCell(raw);
      if (seen.size < 100_000) seen.set(raw, x);
    }
    return x;
  };
}

function readNormalised(text: string): CellReading {
  if (text === "") return { kind: "empty", figure: "", ...EMPTY };
  if (MISSING.has(text.toLowerCase())) return { kind: "missing", figure: text, ...EMPTY };
  const qualifier = splitQualifier(text);
  const figure = qualifier ? qualifier.rest : text;
  const date = readDate(figure);
  if (date && "problem" in date) return { kind: "badDate", figure, ...EMPTY, qualifier, spaced: date.spaced, problem: date.problem };
  if (date) {
    const out: CellReading = { kind: "date", figure, ...EMPTY, qualifier, iso: date.iso, precision: date.precision, spaced: date.spaced };
    if (date.asNumber !== undefined) {
      out.dateOrNumber = true;
      out.value = date.asNumber;
    }
    return out;
  }
  if (isBytes(figure)) return { kind: "bytes", figure, ...EMPTY, qualifier, spaced: INNER_SPACE.test(figure) };
  const n = TWO_FIGURES.test(figure) ? null : parseReportNumber(figure);
  if (n !== null && !(n instanceof CellError)) {
    const compact = figure.replace(/\s+/g, "");
    const percent = /(%|pct|pp|‰)$/i.test(compact);
    const tail = /^[+-]?[\d.,]+(?:e[+-]?\d+)?(.*)$/i.exec(compact)?.[1] ?? "";
    return {
      kind: percent ? "percent" : "number",
      figure,
      qualifier,
      value: n,
      spaced: INNER_SPACE.test(figure),
      magnitude: percent ? "" : tail.replace(/个$/, ""),
      bare: /^[+-]?[\d.,]+$/.test(compact),
    };
  }
  return { kind: "text", figure: text, ...EMPTY };
}

// ---------------------------------------------------------------------------------------------
// Sizes and dates
// ---------------------------------------------------------------------------------------------

/** Byte units a size cell may end with. "B" alone is left out: "175B" is 175 billion in a report. */
const SIZE_UNIT = /^[\d.,\s]+(kb|mb|gb|tb|pb|eb|kib|mib|gib|tib|pib|eib|bytes?)$/i;

function isBytes(figure: string): boolean {
  return SIZE_UNIT.test(figure) && !(parseBytes(figure) instanceof CellError);
}

/** A size in bytes with the column's convention, rounded to a whole byte; null when not a size. */
export function bytesOf(figure: string, step: 1000 | 1024): number | null {
  const v = parseBytes(figure, step);
  return v instanceof CellError ? null : Math.round(v);
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

type DateRead = { iso: string; precision: "day" | "month"; spaced: boolean; asNumber?: number } | { problem: string; spaced: boolean };

const pad2 = (n: number): string => String(n).padStart(2, "0");

function checked(y: number, m: number, d: number | null, spaced: boolean): DateRead {
  if (y < 1900 || y > 2200) return { problem: `year ${y} is out of range`, spaced };
  if (m < 1 || m > 12) return { problem: `month ${pad2(m)} does not exist`, spaced };
  if (d === null) return { iso: `${y}-${pad2(m)}`, precision: "month", spaced };
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) return { problem: `day ${pad2(d)} does not exist in ${y}-${pad2(m)}`, spaced };
  return { iso: `${y}-${pad2(m)}-${pad2(d)}`, precision: "day", spaced };
}

/**
 * A date as reports write it: "2021年6月", "2021年6月15日", "2023.02.06", "2023-02-06", "2023/2/6",
 * "2023.01" (a month), "Jun 2021", "15 Jun 2021", "Jun 15, 2021". PDF spacing ("2023. 01. 25") is
 * removed and reported. null when the text is no date; a problem when it is shaped like one but
 * is not a real day ("2023. 02. 00").
 */
export function readDate(text: string): DateRead | null {
  const s = normaliseReportText(text).trim();
  if (s.length > 40) return null;
  const compact = s.replace(/\s+/g, "");
  const spaced = compact !== s && /[\d.\-/]\s+[\d.\-/]/.test(s);
  let m = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号])?$/.exec(compact);
  if (m) return checked(Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3]), spaced);
  m = /^(\d{4})([.\-/])(\d{1,2})(?:\2(\d{1,2}))?$/.exec(compact);
  if (m) {
    const read = checked(Number(m[1]), Number(m[3]), m[4] === undefined ? null : Number(m[4]), spaced);
    if (m[2] === "." && m[4] === undefined) {
      // "2023.01" is a month, or the number 2023.01; "2023.13" is only a number.
      return "problem" in read ? null : { ...read, asNumber: Number(compact) };
    }
    return read;
  }
  const words = s.replace(/,/g, " ").replace(/\s+/g, " ");
  const month = (w: string): number | undefined => MONTHS[w.toLowerCase().replace(/\.$/, "")];
  m = /^(\d{1,2}) ([A-Za-z]{3,9}\.?) (\d{4})$/.exec(words);
  if (m && month(m[2])) return checked(Number(m[3]), month(m[2]) as number, Number(m[1]), false);
  m = /^([A-Za-z]{3,9}\.?) (\d{1,2}) (\d{4})$/.exec(words);
  if (m && month(m[1])) return checked(Number(m[3]), month(m[1]) as number, Number(m[2]), false);
  m = /^([A-Za-z]{3,9}\.?)[ -](\d{4})$/.exec(words);
  if (m && month(m[1])) return checked(Number(m[2]), month(m[1]) as number, null, false);
  return null;
}

// ---------------------------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------------------------

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const isCjk = (ch: string | undefined): boolean => ch !== undefined && CJK.test(ch);

/** Spaces a PDF put between two Chinese characters ("年初至今相对涨 跌幅" → "年初至今相对涨跌幅"); other spaces kept. */
export function removeCjkSpacing(text: string): string {
  return text.replace(/([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/g, "$1");
}

/** What a header says about its column's values: "参数 (个)", "营收 (亿元)", "涨跌幅 (%)", "Size (TB)". */
export interface HeaderHint {
  /** The unit in the header, as written ("个", "元", "FLOPs", "TB"), "" when none. */
  unit: string;
  /** Bare numbers in the column are multiplied by this (亿元 → 1e8; % → 0.01); 1 when none. */
  scale: number;
  /** The header says the column holds percentages, sizes, or counts. */
  kind?: "percent" | "bytes" | "count";
}

const COUNT_WORDS = /个|数量|个数|人数|家数|参数|\bcount\b|number of|\bparams?\b|parameters/i;
const COUNT_UNITS = new Set(["个", "人", "家", "台", "张", "颗", "块", "次"]);

/** The unit and scale a header announces, read by the same parsers as the cells. */
export function headerHint(header: string, step: 1000 | 1024): HeaderHint {
  const parts = [...header.matchAll(/[(（]\s*([^()（）]{1,24}?)\s*[)）]/g)];
  const inside = parts.length > 0 ? normaliseReportText(parts[parts.length - 1][1]).trim() : "";
  const counting = COUNT_WORDS.test(header);
  if (inside === "%" || /%\s*$/.test(header)) return { unit: "", scale: 0.01, kind: "percent" };
  if (inside !== "") {
    const bytes = parseBytes(`1${inside}`, step);
    if (/^[a-z]+$/i.test(inside) && inside.toLowerCase() !== "b" && !(bytes instanceof CellError)) return { unit: inside, scale: bytes, kind: "bytes" };
    if (COUNT_UNITS.has(inside)) return { unit: inside, scale: 1, kind: "count" };
    // A magnitude, alone or before a unit: "亿元", "万", "USD bn", "bn".
    const cn = /^(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千)\s*(.*)$/.exec(inside);
    const en = /^(.*?)\s*\b(k|m|mn|bn|b|t|tn|thousand|million|billion|trillion)$/i.exec(inside);
    const word = cn ? cn[1] : en ? en[2] : null;
    const rest = cn ? cn[2] : en ? en[1] : inside;
    if (word !== null) {
      const scale = parseReportNumber(`1${word}`);
      if (!(scale instanceof CellError)) {
        const unit = rest.trim();
        return COUNT_UNITS.has(unit) || (unit === "" && counting) ? { unit, scale, kind: "count" } : { unit, scale };
      }
    }
    return counting ? { unit: inside, scale: 1, kind: "count" } : { unit: inside, scale: 1 };
  }
  return counting ? { unit: "", scale: 1, kind: "count" } : { unit: "", scale: 1 };
}

// ---------------------------------------------------------------------------------------------
// Text repairs the importer proposes (never applies unasked)
// ---------------------------------------------------------------------------------------------

/** A security code with PDF spacing after its dot: "801750. SI" → "801750.SI". */
export const SPACED_CODE = /^(\d{3,6})\.\s+([A-Z]{1,4})$/;
export const CODE = /^\d{3,6}\.\s*[A-Z]{1,4}$/;

export interface TextRepair {
  fixed: string;
  /** What was changed, each as "0 → O", "• → ·", "స (U+0C38) removed". */
  changes: string[];
}

const isUpper = (c: string | undefined): boolean => c !== undefined && c >= "A" && c <= "Z";
const isLower = (c: string | undefined): boolean => c !== undefined && c >= "a" && c <= "z";
const isLetter = (c: string | undefined): boolean => isUpper(c) || isLower(c);

/**
 * Likely OCR slips inside a Latin name: a zero among letters ("0penAl" → "Open…"), a one between
 * small letters ("Mode1s"), a small L after capitals where a capital I belongs ("OpenAl" →
 * "OpenAI", "AlGC" → "AIGC"). Digits next to digits ("A100", "GPT-40") are left alone.
 * @example ocrRepair("0penAl") // { fixed: "OpenAI", changes: ["0 → O", "l → I"] }
 */
export function ocrRepair(text: string): TextRepair | null {
  const changes: string[] = [];
  const fixed = text.replace(/[A-Za-z0-9]+/g, (token) => {
    const chars = [...token];
    if (chars.filter(isLetter).length < 2) return token;
    // Zeros and ones first, so "0penAl" counts its capital O when the small L is judged.
    const letters = chars.map((c, i) => {
      const prev = chars[i - 1];
      const next = chars[i + 1];
      if (c === "0" && ((i === 0 && isLower(next)) || (isLetter(prev) && isLetter(next)))) {
        const o = i === 0 || isUpper(next) ? "O" : "o";
        changes.push(`0 → ${o}`);
        return o;
      }
      if (c === "1" && isLower(prev) && isLower(next)) {
        changes.push("1 → l");
        return "l";
      }
      return c;
    });
    const uppers = letters.filter(isUpper).length;
    return letters
      .map((c, i) => {
        const next = letters[i + 1];
        if (c === "l" && isUpper(letters[i - 1]) && (next === undefined || isUpper(next)) && uppers >= 2) {
          changes.push("l → I");
          return "I";
        }
        return c;
      })
      .join("");
  });
  return changes.length > 0 ? { fixed, changes } : null;
}

/** Scripts a Chinese or English report's table is written in; a character outside them is a garbled glyph. */
const EXPECTED =
  /[\u0020-\u036f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff\u2000-\u2bff\u2e80-\u2fdf\u3000-\u30ff\u3100-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3134f}]/u;
const BULLETS = /[•‧∙]/;

/**
 * Glyphs a PDF garbled: a bullet between Chinese characters, where names take the middle dot
 * ("鹏程•盘古" → "鹏程·盘古"), and characters from scripts the table is not written in (the "స"
 * under "鹏城-百度•文", U+FFFD), removed. Control characters other than tab are removed too.
 */
export function glyphRepair(text: string): TextRepair | null {
  const changes: string[] = [];
  const chars = [...text];
  const out: string[] = [];
  chars.forEach((c, i) => {
    if (BULLETS.test(c)) {
      const prev = chars
        .slice(0, i)
        .reverse()
        .find((x) => x.trim() !== "");
      const next = chars.slice(i + 1).find((x) => x.trim() !== "");
      if (isCjk(prev) && isCjk(next)) {
        changes.push(`${c} → ·`);
        out.push("·");
        return;
      }
    }
    const code = c.codePointAt(0) ?? 0;
    const control = code < 0x20 || (code >= 0x7f && code < 0xa0);
    if (control || c === "\ufffd" || !EXPECTED.test(c)) {
      changes.push(`${control ? "" : `${c} `}(U+${code.toString(16).toUpperCase().padStart(4, "0")}) removed`);
      return;
    }
    out.push(c);
  });
  return changes.length > 0 ? { fixed: out.join("").trim(), changes } : null;
}

// ---------------------------------------------------------------------------------------------
// Wrapped cells
// ---------------------------------------------------------------------------------------------

const isAsciiAlnum = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9]/.test(c);

/**
 * A cell the PDF wrapped onto the next line, joined back: directly between Chinese characters
 * and after a hyphen ("Megatron-" + "Turing"), with one space where Latin text or a digit meets
 * a word ("Switch" + "Transformer", "搜索引擎" + "Bing", "图像," + "292GB"), as the report spaces them.
 */
export function joinWrapped(first: string, next: string): string {
  const a = first.trimEnd();
  const b = next.trimStart();
  if (a === "") return b;
  if (b === "") return a;
  const x = [...a].pop();
  const y = [...b][0];
  const space = (isAsciiAlnum(x) && (isAsciiAlnum(y) || isCjk(y))) || (isCjk(x) && isAsciiAlnum(y)) || (/[,;:!?)\]]/.test(x ?? "") && isAsciiAlnum(y));
  return space ? `${a} ${b}` : `${a}${b}`;
}
