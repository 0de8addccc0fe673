/**
 * The first step of reading an .xlsx file: the zip's parts ExcelJS reads, inflated within the
 * caps of open-limits.ts and scanned before ExcelJS parses them, so that what ExcelJS then builds
 * is bounded. ExcelJS enumerates some ranges cell by cell as it parses (a drop-down's range, a
 * merged range, a column span, a defined name), so a few kilobytes of XML could make it loop
 * billions of times; the scan refuses such a file, or (drop-downs) takes the ranges out of
 * ExcelJS's way and keeps them as ranges for read-xlsx.ts.
 *
 * What the scan checks: the zip has xl/workbook.xml and at least one worksheet; entries, declared
 * and inflated bytes, XML elements and cells within the caps; every cell, row and column inside
 * Excel's grid; the sheets' used ranges and the merged cells within the caps.
 */
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, cellAddress, parseRangeAddress, type RangeOffset } from "../sheet/plan";
import { count, type XlsxOpenLimits } from "./open-limits";
import { readZipDirectory, readZipEntry, storedZip } from "./zip";

/** A `<dataValidation>` as the file has it (its ranges unexpanded). */
export interface RawValidation {
  /** Space-separated A1 ranges. */
  sqref: string;
  type: string;
  allowBlank: boolean;
  /** formula1's text, entities decoded. */
  formula1?: string;
}

/** What the scan learnt of one worksheet part. */
export interface SheetScan {
  path: string;
  /** The tab name workbook.xml gives it (the part's path when none does). */
  name: string;
  cells: number;
  /** Zero-based last row and column holding a cell; -1 when the sheet has none. */
  lastRow: number;
  lastCol: number;
  validations: RawValidation[];
}

export interface XlsxParts {
  /** The parts ExcelJS reads, zipped again without compression, each sheet's `<dataValidations>` taken out. */
  zip: Uint8Array;
  /** The worksheets by sheetId (the id ExcelJS gives each worksheet). */
  sheets: Map<number, SheetScan>;
  /** Cells reached through ranges so far (merged cells); the reader adds array formulas and drop-downs. */
  rangeCells: number;
}

/** The parts ExcelJS 4.4's loader parses (xlsx.js `load`), less images and themes, which the snapshot does not use. */
const READ_PART =
  /^(?:_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|docProps\/(?:app|core)\.xml|xl\/worksheets\/sheet\d+\.xml|xl\/worksheets\/_rels\/sheet\d+\.xml\.rels|xl\/drawings\/[A-Za-z0-9]+\.xml|xl\/drawings\/_rels\/[A-Za-z0-9]+\.xml\.rels|xl\/drawings\/vmlDrawing\d+\.vml|xl\/comments\d+\.xml|xl\/tables\/table\d+\.xml)$/;
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text with its five named entities and character references decoded. */
export function xmlText(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== "#") return ENTITY[e];
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

const isNameEnd = (ch: number): boolean => ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62; // space, tab, LF, CR, "/", ">"

/** A start tag's attributes from `at` (just after its name) to its ">", quotes respected. */
function attributesAt(text: string, at: number): { attrs: Record<string, string>; end: number; selfClosing: boolean } {
  const attrs: Record<string, string> = {};
  let i = at;
  const n = text.length;
  for (;;) {
    while (i < n && (text.charCodeAt(i) <= 32 || text[i] === "/")) i++;
    if (i >= n) return { attrs, end: n, selfClosing: false };
    if (text[i] === ">") return { attrs, end: i + 1, selfClosing: text[i - 1] === "/" };
    const eq = text.indexOf("=", i);
    if (eq < 0) return { attrs, end: n, selfClosing: false };
    const key = text.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && text.charCodeAt(q) <= 32) q++;
    const quote = text[q];
    if (quote !== '"' && quote !== "'") return { attrs, end: text.indexOf(">", q) + 1 || n, selfClosing: false };
    const close = text.indexOf(quote, q + 1);
    if (close < 0) return { attrs, end: n, selfClosing: false };
    attrs[key] = xmlText(text.slice(q + 1, close));
    i = close + 1;
  }
}

/** Start tags in an XML text (not closing tags, declarations, comments or CDATA). */
function elementCount(text: string): number {
  let n = 0;
  let i = 0;
  while ((i = text.indexOf("<", i)) >= 0) {
    const ch = text.charCodeAt(i + 1);
    if (ch === 33 /* ! */) {
      const close = text.startsWith("<!--", i) ? text.indexOf("-->", i + 4) : text.startsWith("<![CDATA[", i) ? text.indexOf("]]>", i + 9) : i + 1;
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    if (ch !== 47 /* / */ && ch !== 63 /* ? */) n++;
    i++;
  }
  return n;
}

/** "XFD1048576" → zero-based [row, col]; null when it is not a plain cell reference. Rows and columns are not bounded here. */
function cellPosition(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) & ~32; // upper case
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i === 0 || i > 7 || i === ref.length) return null;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 48;
    if (d < 0 || d > 9 || j - i > 9) return null;
    row = row * 10 + d;
  }
  return row >= 1 ? [row - 1, col - 1] : null;
}

const area = (r: RangeOffset): number => r.rows * r.cols;

/** The scan of one worksheet part, and its text with `<dataValidations>` taken out. */
function scanSheet(
  text: string,
  label: string,
  limits: XlsxOpenLimits,
  totals: { elements: number; cells: number; rangeCells: number; used: number }
): { scan: Omit<SheetScan, "path" | "name">; text: string } {
  const scan: Omit<SheetScan, "path" | "name"> = { cells: 0, lastRow: -1, lastCol: -1, validations: [] };
  const cuts: [number, number][] = [];
  let cutFrom = -1;
  let row = -1;
  let col = -1;
  let validation: RawValidation | null = null;
  const outside = (what: string): never => {
    throw new Error(`${label}: ${what} is outside Excel's grid (${count(EXCEL_MAX_ROWS)} rows × ${count(EXCEL_MAX_COLS)} columns)`);
  };
  const n = text.length;
  let i = 0;
  while ((i = text.indexOf("<", i)) >= 0) {
    const ch = text.charCodeAt(i + 1);
    if (ch === 47 /* / */) {
      if (cutFrom >= 0 && text.startsWith("</dataValidations>", i)) {
        cuts.push([cutFrom, i + "</dataValidations>".length]);
        cutFrom = -1;
      }
      i += 2;
      continue;
    }
    if (ch === 33 /* ! */) {
      const close = text.startsWith("<!--", i) ? text.indexOf("-->", i + 4) : text.startsWith("<![CDATA[", i) ? text.indexOf("]]>", i + 9) : i + 1;
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    if (ch === 63 /* ? */) {
      i += 2;
      continue;
    }
    if (++totals.elements > limits.maxElements) throw new Error(`the workbook's XML has more than ${count(limits.maxElements)} elements`);
    let j = i + 1;
    while (j < n && !isNameEnd(text.charCodeAt(j))) j++;
    const nameLength = j - i - 1;
    // Only a handful of names matter; the rest are counted and skipped (an attribute value never holds "<").
    if (nameLength > 15) {
      i = j;
      continue;
    }
    const name = text.slice(i + 1, j);
    switch (name) {
      case "c": {
        const { attrs } = attributesAt(text, j);
        if (++totals.cells > limits.maxCells) throw new Error(`the workbook has more than ${count(limits.maxCells)} cells`);
        scan.cells++;
        const r = attrs.r;
        if (r !== undefined) {
          const p = cellPosition(r);
          if (!p) throw new Error(`${label}: a cell's reference "${r}" is not a cell address`);
          [row, col] = p;
        } else col++; // ExcelJS places a cell without a reference after the one before it
        if (row < 0) row = 0;
        if (row >= EXCEL_MAX_ROWS || col >= EXCEL_MAX_COLS) outside(`cell ${r ?? `#${scan.cells}`}`);
        if (row > scan.lastRow) scan.lastRow = row;
        if (col > scan.lastCol) scan.lastCol = col;
        break;
      }
      case "row": {
        const { attrs } = attributesAt(text, j);
        const r = Number(attrs.r);
        if (attrs.r !== undefined) {
          if (!Number.isInteger(r) || r < 1) throw new Error(`${label}: a row number "${attrs.r}" is not a row`);
          if (r > EXCEL_MAX_ROWS) outside(`row ${count(r)}`);
          row = r - 1;
        }
        col = -1;
        break;
      }
      case "col": {
        const { attrs } = attributesAt(text, j);
        const min = Number(attrs.min);
        const max = Number(attrs.max);
        if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min)
          throw new Error(`${label}: a column span min="${attrs.min}" max="${attrs.max}" is not a span`);
        if (max > EXCEL_MAX_COLS) outside(`column ${count(max)}`);
        break;
      }
      case "mergeCell": {
        const { attrs } = attributesAt(text, j);
        let r: RangeOffset;
        try {
          r = parseRangeAddress(attrs.ref ?? "");
        } catch {
          throw new Error(`${label}: a merged range "${attrs.ref ?? ""}" is not a range inside Excel's grid`);
        }
        totals.rangeCells += area(r);
        if (totals.rangeCells > limits.maxRangeCells)
          throw new Error(`${label}: merged ranges (up to ${attrs.ref}) cover more than ${count(limits.maxRangeCells)} cells`);
        break;
      }
      case "dataValidations": {
        const { end, selfClosing } = attributesAt(text, j);
        if (selfClosing) cuts.push([i, end]);
        else if (cutFrom < 0) cutFrom = i;
        break;
      }
      case "dataValidation": {
        const { attrs, selfClosing } = attributesAt(text, j);
        const allow = attrs.allowBlank;
        validation = { sqref: attrs.sqref ?? "", type: attrs.type ?? "any", allowBlank: allow === "1" || allow === "true" };
        scan.validations.push(validation);
        if (selfClosing) validation = null;
        break;
      }
      case "formula1": {
        const { end, selfClosing } = attributesAt(text, j);
        if (validation && !selfClosing) {
          const close = text.indexOf("</formula1>", end);
          if (close >= 0) validation.formula1 = xmlText(text.slice(end, close));
        }
        break;
      }
      default:
        break;
    }
    i = j;
  }
  if (cutFrom >= 0) cuts.push([cutFrom, n]);
  if (scan.lastRow >= 0) {
    const used = (scan.lastRow + 1) * (scan.lastCol + 1);
    totals.used += used;
    if (totals.used > limits.maxUsedArea)
      throw new Error(
        used > limits.maxUsedArea
          ? `${label}: its used range A1:${cellAddress({ row: scan.lastRow, col: scan.lastCol })} spans ${count(used)} cells (rows × columns); at most ${count(limits.maxUsedArea)} open`
          : `${label}: the sheets' used ranges span more than ${count(limits.maxUsedArea)} cells (rows × columns) in all`
      );
  }
  if (cuts.length === 0) return { scan, text };
  let out = "";
  let from = 0;
  for (const [a, b] of cuts) {
    out += text.slice(from, a);
    from = b;
  }
  return { scan, text: out + text.slice(from) };
}

/** workbook.xml's sheets and their parts (as ExcelJS resolves them: "xl/" + the relationship's target). */
function sheetParts(workbook: string, rels: string | undefined): { name: string; sheetId: number; path: string }[] {
  const targets = new Map<string, string>();
  for (const m of (rels ?? "").matchAll(/<Relationship\b/g)) {
    const { attrs } = attributesAt(rels ?? "", (m.index ?? 0) + m[0].length);
    if (attrs.Id !== undefined && attrs.Target !== undefined) targets.set(attrs.Id, `xl/${attrs.Target.replace(/^(\s|\/xl\/)+/, "")}`);
  }
  const out: { name: string; sheetId: number; path: string }[] = [];
  for (const m of workbook.matchAll(/<sheet\b/g)) {
    const { attrs } = attributesAt(workbook, (m.index ?? 0) + m[0].length);
    const path = targets.get(attrs["r:id"] ?? "");
    if (path !== undefined) out.push({ name: attrs.name ?? "", sheetId: parseInt(attrs.sheetId ?? "", 10), path });
  }
  return out;
}

/**
 * The parts of an .xlsx file ExcelJS reads, checked against `limits`.
 * @throws an Error whose message says why the file is refused.
 */
export async function readXlsxParts(bytes: Uint8Array, limits: XlsxOpenLimits): Promise<XlsxParts> {
  const entries = readZipDirectory(bytes, limits.maxEntries);
  const read = entries.filter((e) => READ_PART.test(e.name));
  const seen = new Set<string>();
  for (const e of read) {
    if (seen.has(e.name)) throw new Error(`the zip holds ${e.name} twice`);
    seen.add(e.name);
  }
  if (!seen.has("xl/workbook.xml")) throw new Error("the file is not an Excel workbook: its zip has no xl/workbook.xml");
  const declared = read.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxInflatedBytes)
    throw new Error(`the workbook's parts declare ${count(declared)} bytes decompressed; at most ${count(limits.maxInflatedBytes)} open`);

  const decoder = new TextDecoder("utf-8");
  const byName = new Map(read.map((e) => [e.name, e]));
  const textOf = async (name: string): Promise<string | undefined> => {
    const e = byName.get(name);
    return e ? decoder.decode(await readZipEntry(bytes, e)) : undefined;
  };
  const parts = sheetParts((await textOf("xl/workbook.xml")) ?? "", await textOf("xl/_rels/workbook.xml.rels"));
  const nameOf = new Map(parts.map((p) => [p.path, p.name]));
  const totals = { elements: 0, cells: 0, rangeCells: 0, used: 0 };
  const scans = new Map<string, SheetScan>();
  const out: { name: string; data: Uint8Array }[] = [];
  for (const e of read) {
    const data = await readZipEntry(bytes, e);
    const text = decoder.decode(data);
    if (WORKSHEET.test(e.name)) {
      const name = nameOf.get(e.name) ?? e.name;
      const result = scanSheet(text, name, limits, totals);
      scans.set(e.name, { path: e.name, name, ...result.scan });
      out.push({ name: e.name, data: result.text === text ? data : new TextEncoder().encode(result.text) });
    } else {
      totals.elements += elementCount(text);
      if (totals.elements > limits.maxElements) throw new Error(`the workbook's XML has more than ${count(limits.maxElements)} elements`);
      out.push({ name: e.name, data });
    }
  }
  const sheets = new Map<number, SheetScan>();
  for (const p of parts) {
    const scan = scans.get(p.path);
    if (scan && Number.isInteger(p.sheetId)) sheets.set(p.sheetId, scan);
  }
  if (sheets.size === 0) throw new Error("the workbook has no worksheet to open (xl/workbook.xml lists none the file holds)");
  return { zip: storedZip(out), sheets, rangeCells: totals.rangeCells };
}
