/**
 * Shows a cell value the way Excel would with a number format, for the formats the add-in
 * writes: General, "@", fixed decimals ("0", "0.00", "#,##0.0###"), thousands separators,
 * percentages ("0.00%"), scientific ("0.00E+00"), dates ("yyyy-mm-dd", "yyyy-mm", "mmm yyyy"),
 * quoted or escaped literal text ('0.00"×"', "\$#,##0") and up to four sections
 * ("pos;neg;zero;text"). Anything else falls back to General. Pure: no DOM.
 */
import { formatGeneral } from "../core/general-format";

/** Excel's 1900 date system: serial 1 = 1900-01-01; serial 60 is the fictitious 1900-02-29. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Splits a format into its ";" sections, respecting quotes and escapes. */
export function formatSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "\\" && i + 1 < format.length) {
      cur += ch + format[i + 1];
      i++;
      continue;
    }
    if (!quoted && ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

interface Token {
  literal: boolean;
  text: string;
}

/** Separates literal text (quoted, escaped, [colour] dropped) from format characters. */
function tokenize(section: string): Token[] {
  const out: Token[] = [];
  const push = (literal: boolean, text: string): void => {
    const last = out[out.length - 1];
    if (last && last.literal === literal) last.text += text;
    else out.push({ literal, text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      push(true, section.slice(i + 1, stop));
      i = stop;
    } else if (ch === "\\" && i + 1 < section.length) {
      push(true, section[i + 1]);
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i + 1);
      i = end < 0 ? section.length : end; // [Red], [$-409]: no colour or locale here
    } else if (ch === "_" && i + 1 < section.length) {
      push(true, " "); // "_)" reserves the width of ")"
      i++;
    } else if (ch === "*" && i + 1 < section.length) {
      i++; // fill character: nothing to fill in a fixed cell
    } else push(false, ch);
  }
  return out;
}

/** The format characters only (literals removed), to classify a section. */
function codeOf(tokens: Token[]): string {
  return tokens
    .filter((t) => !t.literal)
    .map((t) => t.text)
    .join("");
}

const isDateCode = (code: string): boolean => /[ymdhs]/i.test(code.replace(/General/gi, "").replace(/E[+-]/gi, ""));

export { formatGeneral };

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A number section ("#,##0.00", "0.0%", "0.00E+00", '0.00"×"'). `n` is already non-negative or signed as needed. */
function formatNumberSection(n: number, tokens: Token[]): string {
  const code = codeOf(tokens);
  const percents = (code.match(/%/g) ?? []).length;
  let value = n * Math.pow(100, percents);
  const sci = /E([+-])(0+)/i.exec(code);
  // The numeric pattern: the first run of 0 # ? , . (and E+00 for scientific).
  const pattern = /[0#?][0#?,]*(\.[0#?]*)?(E[+-]0+)?|\.[0#?]+(E[+-]0+)?/i.exec(code);
  if (!pattern) {
    // No digits at all (e.g. '"n/a"'): only the literal text.
    return tokens.map((t) => (t.literal ? t.text : t.text.replace(/%/g, "%"))).join("");
  }
  const mantissaPattern = pattern[0].replace(/E[+-]0+$/i, "");
  const [intPart, fracPart = ""] = mantissaPattern.split(".");
  const required = (fracPart.match(/0/g) ?? []).length;
  const optional = (fracPart.match(/[#?]/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const grouping = intPart.includes(",");
  // Trailing commas after the digits scale by 1,000 each ("#,##0," shows thousands).
  const scaleCommas = (/,+$/.exec(intPart) ?? [""])[0].length;
  if (scaleCommas > 0 && !fracPart) value /= Math.pow(1000, scaleCommas);

  const digits = (x: number): string => {
    let s = Math.abs(x).toFixed(required + optional);
    if (optional > 0) {
      const [i, f = ""] = s.split(".");
      let frac = f;
      while (frac.length > required && frac.endsWith("0")) frac = frac.slice(0, -1);
      s = frac.length > 0 ? `${i}.${frac}` : i;
    }
    let [i, f] = s.split(".");
    if (minInt === 0 && i === "0") i = "";
    else i = i.padStart(minInt, "0");
    if (grouping) i = groupThousands(i);
    const body = f !== undefined ? `${i}.${f}` : i;
    return body === "" ? "0" : body;
  };

  let rendered: string;
  if (sci) {
    if (value === 0) rendered = `${digits(0)}E${sci[1] === "+" ? "+" : ""}${"0".repeat(sci[2].length)}`;
    else {
      let exp = Math.floor(Math.log10(Math.abs(value)));
      let mant = Math.abs(value) / Math.pow(10, exp);
      // Rounding the mantissa can reach 10 (9.999 → "10.00"): carry into the exponent.
      if (Number(mant.toFixed(required + optional)) >= 10) {
        exp += 1;
        mant /= 10;
      }
      const expSign = exp < 0 ? "-" : sci[1] === "+" ? "+" : "";
      rendered = `${digits(mant)}E${expSign}${String(Math.abs(exp)).padStart(sci[2].length, "0")}`;
    }
  } else rendered = digits(value);
  const negative = value < 0 && Number(rendered.replace(/[^0-9.]/g, "")) !== 0;

  // Put the number where the pattern was; keep literal text and % around it.
  let out = "";
  let placed = false;
  for (const t of tokens) {
    if (t.literal) {
      out += t.text;
      continue;
    }
    const idx = placed ? -1 : t.text.indexOf(pattern[0]);
    if (idx >= 0) {
      out += t.text.slice(0, idx) + rendered + t.text.slice(idx + pattern[0].length);
      placed = true;
    } else out += t.text;
  }
  return negative ? `-${out}` : out;
}

/** A date or time section for an Excel serial. */
function formatDateSection(serial: number, tokens: Token[]): string {
  if (serial < 0) return "#".repeat(8); // Excel shows ##### for negative dates
  let days = Math.floor(serial);
  let fraction = serial - days;
  if (days < 60) days += 1; // before the fictitious 1900-02-29, Excel's serials are one day off
  const date = new Date(EXCEL_EPOCH_MS + days * MS_PER_DAY);
  let seconds = Math.round(fraction * 86_400);
  if (seconds >= 86_400) {
    seconds = 0;
    fraction = 0;
  }
  const y = date.getUTCFullYear();
  const mo = date.getUTCMonth();
  const d = date.getUTCDate();
  const wd = date.getUTCDay();
  const h = Math.floor(seconds / 3600);
  const mi = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ampm = tokens.some((t) => !t.literal && /AM\/PM|A\/P/i.test(t.text));
  const two = (x: number): string => String(x).padStart(2, "0");

  let out = "";
  let lastWasHour = false;
  for (const t of tokens) {
    if (t.literal) {
      out += t.text;
      continue;
    }
    const text = t.text;
    let i = 0;
    while (i < text.length) {
      const rest = text.slice(i);
      const m = /^(yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|am\/pm|A\/P|a\/p)/i.exec(rest);
      if (!m) {
        out += text[i];
        i++;
        continue;
      }
      const tok = m[1];
      const low = tok.toLowerCase();
      // "m" right after an hour or right before seconds means minutes.
      const minutes = (low === "m" || low === "mm") && (lastWasHour || /^m{1,2}\W*s/i.test(rest));
      if (low === "yyyy") out += String(y);
      else if (low === "yy") out += two(y % 100);
      else if (minutes) out += low === "mm" ? two(mi) : String(mi);
      else if (low === "mmmmm") out += MONTHS[mo][0];
      else if (low === "mmmm") out += MONTHS[mo];
      else if (low === "mmm") out += MONTHS[mo].slice(0, 3);
      else if (low === "mm") out += two(mo + 1);
      else if (low === "m") out += String(mo + 1);
      else if (low === "dddd") out += DAYS[wd];
      else if (low === "ddd") out += DAYS[wd].slice(0, 3);
      else if (low === "dd") out += two(d);
      else if (low === "d") out += String(d);
      else if (low === "hh" || low === "h") {
        const hour = ampm ? ((h + 11) % 12) + 1 : h;
        out += low === "hh" ? two(hour) : String(hour);
      } else if (low === "ss") out += two(s);
      else if (low === "s") out += String(s);
      else if (low === "am/pm") out += h < 12 ? "AM" : "PM";
      else if (low === "a/p") out += h < 12 ? "A" : "P";
      lastWasHour = low === "h" || low === "hh";
      i += tok.length;
    }
  }
  return out;
}

/**
 * The text Excel shows for `value` under `format` (undefined or "General": General).
 *
 * @example formatValue(1.75e11, "0.00E+00") // "1.75E+11"
 * @example formatValue(0.0047, "0.00%")     // "0.47%"
 * @example formatValue(44963, "yyyy-mm-dd") // "2023-02-06"
 */
export function formatValue(value: number | string | boolean | null, format?: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const sections = formatSections(format && format.trim() !== "" ? format : "General");
  if (typeof value === "string") {
    const text = sections[3];
    if (text === undefined || !text.includes("@")) return value;
    return tokenize(text)
      .map((t) => (t.literal ? t.text : t.text.replace(/@/g, value)))
      .join("");
  }
  if (!Number.isFinite(value)) return "#NUM!";
  let section = sections[0];
  let n = value;
  if (value < 0 && sections.length > 1 && sections[1] !== "") {
    section = sections[1];
    n = -value; // the negative section carries its own sign or parentheses
  } else if (value === 0 && sections.length > 2 && sections[2] !== "") section = sections[2];
  const tokens = tokenize(section);
  const code = codeOf(tokens);
  if (tokens.length === 0) return formatGeneral(n);
  if (/^\s*(General|@)?\s*$/i.test(code)) {
    return tokens.map((t) => (t.literal ? t.text : t.text.replace(/General|@/i, formatGeneral(n)))).join("");
  }
  if (isDateCode(code)) return formatDateSection(n, tokens);
  return formatNumberSection(n, tokens);
}

/** True when a format shows numbers as dates (the formula bar then shows an ISO date). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const first = formatSections(format)[0];
  return isDateCode(codeOf(tokenize(first)));
}

/** True when a format shows numbers as percentages. */
export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  return codeOf(tokenize(formatSections(format)[0])).includes("%");
}

/** An Excel serial as an ISO date ("2023-02-06"), with the time when it has one. */
export function serialToIso(serial: number): string {
  const time = serial - Math.floor(serial);
  return formatValue(serial, time > 1e-9 ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd");
}
