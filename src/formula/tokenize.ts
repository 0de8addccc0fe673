/**
 * Excel formula tokens, read by a hand-written character scanner (no regular expressions: a
 * formula's grammar depends on context a pattern cannot see, such as quotes and brackets).
 * Spellings are kept exactly as written, so a printer can give back what the analyst typed.
 */

export type TokenType =
  | "number"
  | "string"
  | "bool"
  | "error"
  /**
   * A cell, area, whole column or whole row, with its sheet and book prefix as written: A1,
   * $A$1:B2, A:A, 1:1, 'My sheet'!A1, Sheet1!#REF!, [1]Sheet1!A1, 'C:\p\[Book.xlsx]Sheet'!A1.
   */
  | "ref"
  /** A defined name, possibly sheet- or book-qualified (Tokens_Per_Param, Sheet1!Rate, [1]!Rate, Book.xlsx!Rate), or a remote (DDE) reference (Excel|Topic!Item). */
  | "name"
  /** A structured reference, possibly book-qualified: Table1[col], Table1[[#This Row],[col]], [@col], [1]!Table1[col]. */
  | "structured"
  /** A function name with its opening parenthesis consumed: text is the name only (with its book prefix: PERSONAL.XLSB!F). */
  | "func"
  | "op"
  | "open"
  | "close"
  | "comma"
  | "semicolon"
  | "arrayOpen"
  | "arrayClose"
  | "space";

export interface Token {
  readonly type: TokenType;
  readonly text: string;
  /** Offsets into the formula text (end exclusive), for messages and in-place edits. */
  readonly start: number;
  readonly end: number;
}

export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number
  ) {
    super(`${message} (at character ${at + 1})`);
    this.name = "FormulaSyntaxError";
  }
}

/** Excel's error literals, canonical spelling. Matched ignoring case, longest first. */
export const ERROR_LITERALS: readonly string[] = [
  "#GETTING_DATA",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#DIV/0!",
  "#VALUE!",
  "#SPILL!",
  "#FIELD!",
  "#NULL!",
  "#NAME?",
  "#CALC!",
  "#BUSY!",
  "#NUM!",
  "#REF!",
  "#N/A",
];

const MAX_COLUMN = 16384; // XFD
const MAX_ROW = 1048576;

const isDigit = (c: string): boolean => c >= "0" && c <= "9";
const isLetter = (c: string): boolean => (c >= "A" && c <= "Z") || (c >= "a" && c <= "z");
const isSpace = (c: string): boolean => c === " " || c === "\n" || c === "\r" || c === "\t";
/** Characters a name, function name or unquoted sheet name may contain (any non-ASCII letter too: 中文 names). */
export const isNameChar = (c: string): boolean => isLetter(c) || isDigit(c) || c === "_" || c === "." || c === "\\" || c > "\u007f";
const isNameStart = (c: string): boolean => isLetter(c) || c === "_" || c === "\\" || c > "\u007f";

/** The error literal at i (canonical spelling and its length), or null. */
function errorAt(s: string, i: number): string | null {
  for (const e of ERROR_LITERALS) {
    if (s.slice(i, i + e.length).toUpperCase() === e) return e;
  }
  return null;
}

/** End of a column part ($?letters, at most XFD) starting at i, or -1. */
function columnEnd(s: string, i: number): number {
  let j = s[i] === "$" ? i + 1 : i;
  let col = 0;
  const from = j;
  while (j < s.length && isLetter(s[j]) && j - from < 3) {
    col = col * 26 + (s[j].toUpperCase().charCodeAt(0) - 64);
    j++;
  }
  if (j === from || col > MAX_COLUMN || (j < s.length && isLetter(s[j]))) return -1;
  return j;
}

/** End of a row part ($?digits, 1…1048576) starting at i, or -1. */
function rowEnd(s: string, i: number): number {
  let j = s[i] === "$" ? i + 1 : i;
  let row = 0;
  const from = j;
  while (j < s.length && isDigit(s[j])) {
    row = row * 10 + (s.charCodeAt(j) - 48);
    j++;
  }
  if (j === from || row < 1 || row > MAX_ROW) return -1;
  return j;
}

function cellEnd(s: string, i: number): number {
  const c = columnEnd(s, i);
  return c < 0 ? -1 : rowEnd(s, c);
}

/** Nothing that would make the characters before it part of a longer name or a call. */
const endsHere = (s: string, j: number): boolean => j >= s.length || !(isNameChar(s[j]) || s[j] === "(" || s[j] === "[" || s[j] === "!" || s[j] === "|");

/** End of an A1-style area starting at i (A1, A1:B2, A:C, 1:3, with $ anywhere Excel allows), or -1. */
export function areaEnd(s: string, i: number): number {
  const c = cellEnd(s, i);
  if (c >= 0) {
    if (s[c] === ":") {
      const d = cellEnd(s, c + 1);
      if (d >= 0 && endsHere(s, d)) return d;
    }
    return endsHere(s, c) ? c : -1;
  }
  const col = columnEnd(s, i);
  if (col >= 0 && s[col] === ":") {
    const d = columnEnd(s, col + 1);
    if (d >= 0 && endsHere(s, d) && !isDigit(s[d] ?? "")) return d;
  }
  const row = rowEnd(s, i);
  if (row >= 0 && s[row] === ":") {
    const d = rowEnd(s, row + 1);
    if (d >= 0 && endsHere(s, d)) return d;
  }
  return -1;
}

/** End of a quoted sheet name ('it''s') starting at the opening quote, or -1 when it never closes. */
function quotedEnd(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === "'") {
      if (s[j + 1] === "'") j += 2;
      else return j + 1;
    } else j++;
  }
  return -1;
}

/** End of a bracketed structured-reference part starting at "[" (nested brackets; ' escapes the next character), or -1. */
function bracketEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === "'") j++;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return j + 1;
  }
  return -1;
}

/**
 * End (after "]") of a workbook part starting at "[": [1] (the index of an external link, as
 * files store it) or [Book.xlsx] (the book's name, as Excel shows it), or -1. No brackets inside.
 */
function bookEnd(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && s[j] !== "]" && s[j] !== "[") j++;
  return s[j] === "]" && j > i + 1 ? j + 1 : -1;
}

function nameEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && isNameChar(s[j])) j++;
  return j;
}

/** End of a part of a remote reference: a bare name (Excel, R1C1) or a quoted one ('C:\x.xls'), or -1. */
function remotePartEnd(s: string, i: number): number {
  if (s[i] === "'") return quotedEnd(s, i);
  const e = nameEnd(s, i);
  return e > i ? e : -1;
}

/**
 * End of a remote (DDE) reference starting at i, application|topic!item, each part bare or
 * quoted (='APP'|'TOPIC'!'ITEM', =blp|m!'MSFT US Equity,[LAST_TRADE]'), or -1.
 */
function remoteEnd(s: string, i: number): number {
  const app = remotePartEnd(s, i);
  if (app < 0 || s[app] !== "|") return -1;
  const topic = remotePartEnd(s, app + 1);
  if (topic < 0 || s[topic] !== "!") return -1;
  return remotePartEnd(s, topic + 1);
}

/**
 * End of an unquoted sheet prefix including "!" (Sheet1!, Sheet1:Sheet3!), or -1. A sheet named
 * like a cell is always quoted, so A1:Sheet2!B5 is A1 up to Sheet2!B5, not a 3-D reference.
 */
function sheetPrefixEnd(s: string, i: number): number {
  let j = nameEnd(s, i);
  if (s[j] === ":" && j + 1 < s.length && isNameStart(s[j + 1]) && cellEnd(s, i) !== j) {
    const k = nameEnd(s, j + 1);
    if (s[k] === "!") j = k;
  }
  return s[j] === "!" ? j + 1 : -1;
}

function numberEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && isDigit(s[j])) j++;
  if (s[j] === ".") {
    j++;
    while (j < s.length && isDigit(s[j])) j++;
  }
  if (s[j] === "e" || s[j] === "E") {
    let k = j + 1;
    if (s[k] === "+" || s[k] === "-") k++;
    if (isDigit(s[k] ?? "")) {
      while (k < s.length && isDigit(s[k])) k++;
      j = k;
    }
  }
  return j;
}

const SINGLE: Readonly<Record<string, TokenType>> = {
  "(": "open",
  ")": "close",
  ",": "comma",
  ";": "semicolon",
  "{": "arrayOpen",
  "}": "arrayClose",
};

/**
 * The tokens of a formula. `text` is the part after "=" (the caller strips it) and `offset` its
 * position in the whole formula, so token offsets point into what the analyst typed.
 * @throws FormulaSyntaxError on text no Excel formula contains.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const s = text;
  const out: Token[] = [];
  const push = (type: TokenType, start: number, end: number, t = s.slice(start, end)) => out.push({ type, text: t, start: start + offset, end: end + offset });
  const fail = (message: string, at: number): never => {
    throw new FormulaSyntaxError(message, at + offset);
  };

  /**
   * A reference, name, structured reference or function name after a sheet or book prefix ending
   * at p (the prefix starts at start): Sheet1!A1, [1]!Name, Book.xlsx!Table1[Col], PERSONAL.XLSB!F(.
   */
  const afterSheet = (start: number, p: number, book = false): number => {
    if (book && s[p] === "'") {
      // A quoted name in another book: a DDE or OLE item as files store it, [1]!'R1C1', [2]!'SGJ200,LA'.
      const q = quotedEnd(s, p);
      if (q < 0) fail("a quoted name never closes", p);
      push("name", start, q);
      return q;
    }
    const area = areaEnd(s, p);
    if (area >= 0) {
      push("ref", start, area);
      return area;
    }
    if (s.slice(p, p + 5).toUpperCase() === "#REF!") {
      push("ref", start, p + 5);
      return p + 5;
    }
    if (p < s.length && isNameStart(s[p])) {
      const e = nameEnd(s, p);
      if (s[e] === "(") {
        push("func", start, e + 1, s.slice(start, e));
        return e + 1;
      }
      if (s[e] === "[") {
        const b = bracketEnd(s, e);
        if (b < 0) fail("a structured reference never closes its bracket", e);
        push("structured", start, b);
        return b;
      }
      push("name", start, e);
      return e;
    }
    return fail("a sheet name must be followed by a cell, a range or a name", p);
  };

  /** A sheet-qualified reference or name, a reference, a function name, a structured reference, a boolean or a name at i. */
  const word = (i: number): number => {
    const sheetEnd = sheetPrefixEnd(s, i);
    if (sheetEnd >= 0) return afterSheet(i, sheetEnd);
    const remote = remoteEnd(s, i);
    if (remote >= 0) {
      push("name", i, remote);
      return remote;
    }
    const area = areaEnd(s, i);
    if (area >= 0) {
      push("ref", i, area);
      return area;
    }
    const e = nameEnd(s, i);
    const w = s.slice(i, e);
    if (s[e] === "(") {
      push("func", i, e + 1, w);
      return e + 1;
    }
    if (s[e] === "[") {
      const b = bracketEnd(s, e);
      if (b < 0) fail("a structured reference never closes its bracket", e);
      push("structured", i, b);
      return b;
    }
    const upper = w.toUpperCase();
    push(upper === "TRUE" || upper === "FALSE" ? "bool" : "name", i, e);
    return e;
  };

  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (isSpace(c)) {
      const start = i;
      while (i < s.length && isSpace(s[i])) i++;
      push("space", start, i);
    } else if (c === '"') {
      let j = i + 1;
      let value = "";
      for (;;) {
        if (j >= s.length) fail("a text in quotes never closes", i);
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += s[j++];
      }
      push("string", i, j + 1, value);
      i = j + 1;
    } else if (c === "#") {
      const e = errorAt(s, i);
      if (e === null) fail("unknown error value", i);
      else {
        push("error", i, i + e.length, e);
        i += e.length;
      }
    } else if (c in SINGLE) {
      push(SINGLE[c], i, i + 1);
      i++;
    } else if (c === "<" || c === ">") {
      const two = s[i + 1] === "=" || (c === "<" && s[i + 1] === ">");
      push("op", i, i + (two ? 2 : 1));
      i += two ? 2 : 1;
    } else if ("+-*/^&%=:@".includes(c)) {
      push("op", i, i + 1);
      i++;
    } else if (c === "'") {
      const q = quotedEnd(s, i);
      if (q < 0) fail("a quoted sheet name never closes", i);
      const remote = s[q] === "|" ? remoteEnd(s, i) : -1;
      if (remote >= 0) {
        push("name", i, remote);
        i = remote;
      } else {
        if (s[q] !== "!") fail('a quoted sheet name must be followed by "!"', q);
        i = afterSheet(i, q + 1);
      }
    } else if (c === "[") {
      // An external workbook ([1]Sheet1!A1, [1]!Name, [Book.xlsx]Sheet1:Sheet3!A1), else a structured reference ([@col]).
      const book = bookEnd(s, i);
      const bookOnly = book >= 0 && s[book] === "!";
      const sheetEnd = book < 0 ? -1 : bookOnly ? book + 1 : sheetPrefixEnd(s, book);
      if (sheetEnd >= 0) i = afterSheet(i, sheetEnd, bookOnly);
      else {
        const b = bracketEnd(s, i);
        if (b < 0) fail("a structured reference never closes its bracket", i);
        push("structured", i, b);
        i = b;
      }
    } else if (isDigit(c) || c === "$" || (c === "." && isDigit(s[i + 1] ?? ""))) {
      const area = areaEnd(s, i);
      if (area >= 0) {
        push("ref", i, area);
        i = area;
      } else if (c === "$") {
        fail("a $ must start a cell or range reference", i);
      } else {
        const e = numberEnd(s, i);
        if (e < s.length && (isNameChar(s[e]) || s[e] === "$")) fail("a number is followed by letters", e);
        push("number", i, e);
        i = e;
      }
    } else if (isNameStart(c)) {
      i = word(i);
    } else {
      fail(`unexpected character "${c}"`, i);
    }
    // A1# and Name#: the spilled-range operator, written right after what it spills.
    const last = out[out.length - 1];
    if (s[i] === "#" && (last.type === "ref" || last.type === "name") && last.end === i + offset) {
      push("op", i, i + 1);
      i++;
    }
  }
  return out;
}

/** A function name written before "(" outside strings, quoted names and brackets. */
export interface FunctionNameSpan {
  name: string;
  start: number;
  end: number;
}

/**
 * Every function name in a formula, found by a lenient scan that never fails: it only skips
 * strings, quoted sheet names and brackets. For finding and respelling calls in formulas the
 * parser may not read (an unknown operator elsewhere must not hide an AI call). A name after a
 * book prefix (PERSONAL.XLSB!F(, [1]!F() is given with its prefix, as the parser gives it: it
 * calls a macro in that book, not a function of this workbook's add-ins.
 */
export function functionNames(formula: string): FunctionNameSpan[] {
  const s = formula;
  const out: FunctionNameSpan[] = [];
  let i = 0;
  /** Where the prefix parts just before i began ('C:\[B.xlsx]S'!, [1]!, Book.xlsx!), or -1. */
  let prefixStart = -1;
  while (i < s.length) {
    const c = s[i];
    const from = i;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < s.length && !(s[j] === c && s[j + 1] !== c)) j += s[j] === c ? 2 : 1;
      i = j + 1;
    } else if (c === "[") {
      const b = bracketEnd(s, i);
      i = b < 0 ? s.length : b;
    } else if (isNameStart(c)) {
      const e = nameEnd(s, i);
      if (s[e] === "(") {
        const start = prefixStart >= 0 && s[i - 1] === "!" ? prefixStart : i;
        out.push({ name: s.slice(start, e), start, end: e });
      }
      i = e;
    } else if (isNameChar(c)) {
      i = nameEnd(s, i); // digits and dots inside a number or a reference
    } else i++;
    // Prefix parts run on without a break: a quoted or bracketed part, a name, "!" after one.
    const part = c === "'" || c === "[" || isNameChar(c) || (c === "!" && prefixStart >= 0);
    prefixStart = !part ? -1 : prefixStart < 0 ? from : prefixStart;
  }
  return out;
}
