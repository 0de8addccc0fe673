/**
 * The table importer (issue 22): text copied out of a report's PDF in, a typed table out.
 *
 *   text ─► lines of cells (tabs, or columns aligned with spaces) ─► title / table / source
 *        ─► header row(s) ─► column types (from the cells, and the header's unit)
 *        ─► rows: wrapped lines joined, grouping columns filled down
 *        ─► typed values in base units, qualifiers split off ─► flags for every doubtful cell
 *
 * Pure and deterministic: the same text, decisions and overrides give the same table, so the
 * pane re-reads the text after each decision. A repair that is almost surely right (PDF spacing
 * inside a figure, a cell wrapped onto the next line) is applied and flagged, so the analyst can
 * reject it; a doubt (a value orders of magnitude off, an OCR slip, an unreadable cell) is
 * flagged with its likely intended value and changes nothing until the analyst accepts it.
 */
import type { CellValue, LocalizedText } from "../data/types";
import type { QualifierSymbol } from "../core/parse";
import { normaliseReportText } from "../core/parse";
import { BYTES_PER_UNIT_STEP } from "../core/units";
import {
  bytesOf,
  CODE,
  glyphRepair,
  headerHint,
  joinWrapped,
  ocrRepair,
  cellReader,
  readDate,
  removeCjkSpacing,
  SPACED_CODE,
  type CellReading,
  type HeaderHint,
} from "./cells";
import { alignColumns, findTable, splitLines, type TextLine } from "./lines";
import { msg, shown } from "./messages";
import type { BytesStep, FlagKind, ImportColumn, ImportColumnType, ImportFlag, ImportOptions, ImportResult } from "./types";

/** Lines read at most (a paste of a whole report's tables is far below; Excel's sheet holds 1,048,576 rows). */
export const MAX_LINES = 200_000;
/** Columns read at most. */
export const MAX_COLUMNS = 500;
/** A value more than this many orders of magnitude from its column's median… */
export const MAGNITUDE_ORDERS = 2.5;
/** …and this many orders beyond the lowest or highest of the other values (a column may span several orders: 图8's parameters span four). */
export const MAGNITUDE_BEYOND = 1.5;

/** The report's note under 图8, the functions' default too: 1TB = 1024GB. */
const DEFAULT_STEP: BytesStep = BYTES_PER_UNIT_STEP;

const fail = (reason: LocalizedText): ImportResult => ({ ok: false, reason });

/** One pasted column, as typed. */
interface Col {
  index: number;
  name: string;
  type: ImportColumnType;
  detectedType: ImportColumnType;
  unit: string;
  detectedUnit: string;
  hint: HeaderHint;
  step: BytesStep;
  stepStated: boolean;
  /** Text column of short values (names, codes): OCR slips are looked for here. */
  keyLike: boolean;
  /** Text column of security codes ("801750.SI"). */
  codeLike: boolean;
  filledDown: boolean;
}

/** A row being built: its cells (text), the lines it was read from. */
interface Rec {
  cells: string[];
  lines: number[];
}

const isBlank = (s: string | undefined): boolean => s === undefined || s.trim() === "";
const widthOf = (cells: readonly string[]): number => {
  for (let i = cells.length - 1; i >= 0; i--) if (!isBlank(cells[i])) return i + 1;
  return 0;
};
const round15 = (v: number): number => Number(v.toPrecision(15));

/** Whether a reading is a value of a column (or a missing-value mark, which any column takes). */
function fits(col: Col, x: CellReading | undefined): boolean {
  if (!x || x.kind === "missing") return true;
  switch (col.type) {
    case "text":
      return x.kind !== "empty";
    case "number":
    case "count":
      return x.kind === "number" || (x.kind === "date" && x.dateOrNumber === true);
    case "percent":
      return x.kind === "percent" || (x.kind === "number" && x.bare && col.hint.kind === "percent");
    case "bytes":
      return x.kind === "bytes" || (x.kind === "number" && x.bare && col.hint.kind === "bytes");
    case "date":
      return x.kind === "date";
  }
}

/** The type a pasted column's cells (and its header) show. */
function detectType(readings: readonly (CellReading | undefined)[], hint: HeaderHint): ImportColumnType {
  let total = 0;
  let number = 0;
  let percent = 0;
  let bytes = 0;
  let date = 0;
  let dateOnly = 0;
  let chineseMagnitude = false;
  let integral = true;
  for (const x of readings) {
    if (!x || x.kind === "empty" || x.kind === "missing") continue;
    total++;
    if (x.kind === "number") {
      number++;
      if (/^(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千)$/.test(x.magnitude)) chineseMagnitude = true;
      if (!Number.isInteger(round15((x.value as number) * (x.bare ? hint.scale : 1)))) integral = false;
    } else if (x.kind === "percent") percent++;
    else if (x.kind === "bytes") bytes++;
    else if (x.kind === "date" || x.kind === "badDate") {
      date++;
      if (x.dateOrNumber) number++;
      else dateOnly++;
    }
  }
  const enough = (n: number): boolean => total > 0 && n >= 0.6 * total;
  if (dateOnly > 0 && enough(date)) return "date";
  if (enough(percent)) return "percent";
  if (enough(bytes) || (hint.kind === "bytes" && enough(bytes + number))) return "bytes";
  if (enough(number)) {
    if (hint.kind === "percent") return "percent";
    if (hint.kind === "count" || (chineseMagnitude && integral)) return "count";
    return "number";
  }
  if (hint.kind === "percent" && enough(percent + number)) return "percent";
  return "text";
}

/** snake_case keys from English headers, else col_N; unique. */
function makeKeys(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name, i) => {
    const ascii = /^[\x20-\x7e]+$/.test(name)
      ? name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "_")
          .replace(/^_+|_+$/g, "")
      : "";
    let base = ascii === "" ? `col_${i + 1}` : /^[0-9]/.test(ascii) ? `c_${ascii}` : ascii;
    base = base.slice(0, 48).replace(/_+$/, "");
    let key = base;
    for (let n = 2; seen.has(key); n++) key = `${base}_${n}`;
    seen.add(key);
    return key;
  });
}

/** "(2023.02.06-2023.02.10)" in a title → "2023-02-06/2023-02-10"; a single date → that date. */
function periodOf(title: string | null): string {
  if (!title) return "";
  const t = normaliseReportText(title);
  const range = /(\d{4}\s*[.\-/年]\s*\d{1,2}\s*[.\-/月]\s*\d{1,2}日?)\s*[-–—~至到]\s*(\d{4}\s*[.\-/年]\s*\d{1,2}\s*[.\-/月]\s*\d{1,2}日?)/.exec(t);
  if (range) {
    const a = readDate(range[1].replace(/[年月]/g, ".").replace(/日$/, ""));
    const b = readDate(range[2].replace(/[年月]/g, ".").replace(/日$/, ""));
    if (a && b && "iso" in a && "iso" in b) return `${a.iso}/${b.iso}`;
  }
  return "";
}

/** The bytes convention a text states ("注: 1TB 为 1024GB", "1 TB = 1,000 GB"), or null. */
function statedStep(lines: readonly string[]): BytesStep | null {
  for (const line of lines) {
    const m = /1\s*TB\s*(?:为|是|=|＝|equals|is)\s*(1,?024|1,?000)\s*GB/i.exec(normaliseReportText(line));
    if (m) return m[1].replace(",", "") === "1024" ? 1024 : 1000;
  }
  return null;
}

/** Header names from one or two header rows: a name over blank cells spans them ("BLEU" over EN-DE and EN-FR). */
function headerNames(rows: readonly string[][], width: number, language: "zh" | "en"): { names: string[]; repaired: [string, string][] } {
  const repaired: [string, string][] = [];
  const names: string[] = [];
  let spanning = "";
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    rows.forEach((row, r) => {
      let cell = (row[c] ?? "").replace(/\s+/g, " ").trim();
      if (r === 0 && rows.length > 1) {
        if (cell === "" && c > 0) cell = spanning;
        else spanning = cell;
      }
      if (cell !== "" && !parts.includes(cell)) parts.push(cell);
    });
    const raw = parts.join(" ");
    let name = removeCjkSpacing(raw);
    if (name !== raw) repaired.push([raw, name]);
    if (name === "") name = msg.columnName(c + 1)[language];
    names.push(name.slice(0, 200));
  }
  return { names, repaired };
}

const MANTISSA = /^([+-]?\d+(?:\.\d+)?)\s*[-·•×x*]\s*$/;
const POWER = /^\$?\s*10\s*\^\s*\{?\s*([+-]?\d{1,3})\s*\}?\s*\$?$/;

/** Magnitude words a text may have lost or garbled, and the factor from one to the other. */
const SLIPS: Readonly<Record<string, readonly [string, number][]>> = {
  万: [
    ["万亿", 1e8],
    ["亿", 1e4],
  ],
  亿: [
    ["万亿", 1e4],
    ["万", 1e-4],
  ],
  万亿: [
    ["亿", 1e-4],
    ["万", 1e-8],
  ],
  千: [
    ["万", 10],
    ["亿", 1e5],
  ],
  k: [["M", 1e3]],
  K: [["M", 1e3]],
  m: [
    ["B", 1e3],
    ["K", 1e-3],
  ],
  M: [
    ["B", 1e3],
    ["K", 1e-3],
  ],
  b: [
    ["T", 1e3],
    ["M", 1e-3],
  ],
  B: [
    ["T", 1e3],
    ["M", 1e-3],
  ],
  t: [["B", 1e-3]],
  T: [["B", 1e-3]],
};
const BYTE_STEPS = ["KB", "MB", "GB", "TB", "PB", "EB"];

/**
 * Reads pasted text as a typed table.
 * @example
 *   const r = importTable(textOf图8, { language: "zh" });
 *   if (r.ok) r.table.rows.length // 15
 */
export function importTable(text: string, options: ImportOptions): ImportResult {
  if (typeof text !== "string") return fail(msg.notText());
  const { language } = options;
  const decisions = options.decisions ?? {};
  const maxLines = options.maxLines ?? MAX_LINES;
  let lineCount = 1;
  for (let i = text.indexOf("\n"); i >= 0 && lineCount <= maxLines; i = text.indexOf("\n", i + 1)) lineCount++;
  if (lineCount > maxLines) return fail(msg.tooManyLines(text.split("\n").length, maxLines));
  if (text.trim() === "") return fail(msg.empty());

  const read = cellReader();
  const { layout, lines } = splitLines(text);
  const parts = findTable(lines);
  if (parts.table.length === 0) return fail(msg.noTable());
  const tableLines: TextLine[] = (layout === "spaces" ? alignColumns(parts.table) : parts.table).map((l) => ({ n: l.n, cells: l.cells.map((c) => c.trim()) }));
  const readings = tableLines.map((l) => l.cells.map(read));

  // Header rows ------------------------------------------------------------------------------
  const headerish = (r: number): boolean => readings[r].every((x) => x.kind === "empty" || x.kind === "text");
  const typedFrom = (r: number): boolean => readings.slice(r).some((row) => row.some((x) => x.kind !== "empty" && x.kind !== "text" && x.kind !== "missing"));
  const anyTyped = typedFrom(0);
  let headerRows = 0;
  if (tableLines.length >= 2 && headerish(0) && (typedFrom(1) || !anyTyped)) {
    headerRows = 1;
    const w0 = widthOf(tableLines[0].cells);
    const w1 = widthOf(tableLines[1].cells);
    const gapsIn0 = tableLines[0].cells.slice(0, Math.max(w0, w1)).some(isBlank) || w0 < w1;
    const full1 = w1 > 0 && tableLines[1].cells.slice(0, w1).every((c) => !isBlank(c));
    if (tableLines.length >= 3 && gapsIn0 && full1 && w1 >= w0 && headerish(1) && typedFrom(2)) headerRows = 2;
  }
  const data = tableLines.slice(headerRows);
  if (data.length === 0 || (tableLines.length === 1 && headerish(0))) return fail(msg.noRows());

  // Width: the header's, or what most rows have.
  const headerWidth = Math.max(0, ...tableLines.slice(0, headerRows).map((l) => widthOf(l.cells)));
  const widthCount = new Map<number, number>();
  for (const l of data) widthCount.set(widthOf(l.cells), (widthCount.get(widthOf(l.cells)) ?? 0) + 1);
  let common = 0;
  for (const [w, n] of widthCount) if (n > (widthCount.get(common) ?? 0) || (n === widthCount.get(common) && w > common)) common = w;
  const width = Math.max(headerWidth, common, 1);
  if (width > MAX_COLUMNS) return fail(msg.tooWide(width, MAX_COLUMNS));
  const { names, repaired } = headerNames(
    tableLines.slice(0, headerRows).map((l) => l.cells),
    width,
    language
  );

  // Column types ----------------------------------------------------------------------------
  const allText = [parts.title ?? "", ...parts.caption, ...parts.notes, ...parts.source];
  const stated = statedStep(allText);
  const dataReadings = readings.slice(headerRows);
  const cols: Col[] = names.map((name, c) => {
    const override = options.overrides?.[c] ?? {};
    const step: BytesStep = override.bytesStep ?? stated ?? DEFAULT_STEP;
    const hint = headerHint(name, step);
    const column = dataReadings.map((row) => row[c]);
    const detectedType = detectType(column, hint);
    const type = override.type ?? detectedType;
    const unitOf = (t: ImportColumnType): string => (t === "bytes" ? msg.bytesUnit(step)[language] : t === "number" || t === "count" ? hint.unit : "");
    const values = column.filter((x): x is CellReading => x !== undefined && x.kind !== "empty" && x.kind !== "missing");
    const lengths = values.map((x) => [...x.figure].length).sort((a, b) => a - b);
    const medianLength = lengths.length > 0 ? lengths[lengths.length >> 1] : 0;
    return {
      index: c,
      name,
      type,
      detectedType,
      unit: override.unit ?? unitOf(type),
      detectedUnit: unitOf(detectedType),
      hint,
      step,
      stepStated: override.bytesStep === undefined && stated !== null,
      keyLike: medianLength <= 24,
      codeLike: values.length > 0 && values.filter((x) => CODE.test(x.figure)).length >= 0.5 * values.length,
      filledDown: false,
    };
  });
  const typed = cols.filter((c) => c.type !== "text");
  const flags: ImportFlag[] = [];
  const decide = (id: string, byDefault: boolean): boolean => (typeof decisions[id] === "boolean" ? (decisions[id] as boolean) : byDefault);

  // Rows: extra cells, wrapped lines --------------------------------------------------------
  const fitsScore = (cells: readonly string[]): number =>
    cells.slice(0, width).reduce((n, cell, c) => n + (isBlank(cell) ? 0 : fits(cols[c], read(cell)) ? 1 : 0), 0);
  const lineCells: { n: number; cells: string[]; readings: CellReading[] }[] = data.map((line, i) => {
    const cells = line.cells.slice();
    const w = widthOf(cells);
    if (w <= width) return { n: line.n, cells: cells.slice(0, width), readings: dataReadings[i].slice(0, width) };
    // More cells than columns: for now the extras go into the last column; the flag proposes the likeliest merge of two neighbours.
    // " | " keeps the extras apart, so "5" and "2022" never read as one figure.
    const keep = (cs: string[]): string[] => [
      ...cs.slice(0, width - 1),
      cs
        .slice(width - 1, widthOf(cs))
        .filter((s) => !isBlank(s))
        .join(" | "),
    ];
    let best = 0;
    let bestScore = -1;
    for (let k = 0; k + 1 < w; k++) {
      const merged = [...cells.slice(0, k), joinWrapped(cells[k], cells[k + 1]), ...cells.slice(k + 2)];
      // A cell cut inside a figure or a word ends or starts with what joins it to its neighbour.
      const cutHere = /[.\-·•×x*,(/&+]$/.test(cells[k]) || /^[.,)%\]]/.test(cells[k + 1]) ? 0.5 : 0;
      const score = fitsScore(keep(merged)) + cutHere;
      if (score > bestScore) [best, bestScore] = [k, score];
    }
    const id = `cells:${line.n}`;
    const accepted = decide(id, false);
    flags.push({
      id,
      kind: "cellCount",
      line: line.n,
      row: null,
      column: null,
      raw: cells.filter((s) => !isBlank(s)).join(" | "),
      original: null,
      proposed: null,
      reason: msg.cellCountReason(line.n, w, width),
      proposal: msg.cellCountProposal(cells[best], cells[best + 1]),
      accepted,
      acceptedByDefault: false,
    });
    const chosen = accepted ? keep([...cells.slice(0, best), joinWrapped(cells[best], cells[best + 1]), ...cells.slice(best + 2)]) : keep(cells);
    return { n: line.n, cells: chosen, readings: chosen.map(read) };
  });

  const hasTypedValue = (l: (typeof lineCells)[number]): boolean => typed.some((c) => !isBlank(l.cells[c.index]) && fits(c, l.readings[c.index]));
  const startsAsContinuation = (cell: string | undefined): boolean => isBlank(cell) || /^[&＆、,，;；)）\]】]/.test(cell as string);
  const clearContinuation = (l: (typeof lineCells)[number]): boolean =>
    typed.length > 0 ? !hasTypedValue(l) && startsAsContinuation(l.cells[0]) : isBlank(l.cells[0]);
  // Columns that wrap: where clear continuation lines carry text (图9's event and impact).
  const wraps = new Set<number>();
  lineCells.forEach((l, i) => {
    if (i > 0 && clearContinuation(l)) l.cells.forEach((cell, c) => !isBlank(cell) && wraps.add(c));
  });
  const typedBlank = (l: (typeof lineCells)[number]): boolean => typed.every((c) => isBlank(l.cells[c.index]));
  // A doubt, left to the analyst: a line with nothing in the typed columns but a first cell
  // ("Transformer" under "Switch"), or whose typed cells cannot be read and whose text sits in
  // columns that wrap elsewhere (图9's "1111  2023. 02. 00  于内测阶段  深度结合").
  const suspectContinuation = (l: (typeof lineCells)[number]): boolean =>
    typed.length > 0 &&
    !hasTypedValue(l) &&
    (typedBlank(l) || (typed.some((c) => !isBlank(l.cells[c.index])) && [...wraps].some((c) => cols[c].type === "text" && !isBlank(l.cells[c]))));

  const recs: Rec[] = [];
  let joinedCount = 0;
  for (const l of lineCells) {
    const last = recs[recs.length - 1];
    const clear = last !== undefined && clearContinuation(l);
    const suspect = last !== undefined && !clear && suspectContinuation(l);
    if (last && (clear || suspect)) {
      const id = `join:${l.n}`;
      const accepted = decide(id, clear);
      const joins: string[] = [];
      const dropped: string[] = [];
      const next = last.cells.slice();
      l.cells.forEach((cell, c) => {
        if (isBlank(cell)) return;
        if (clear || typedBlank(l) || (wraps.has(c) && cols[c].type === "text")) {
          next[c] = joinWrapped(last.cells[c] ?? "", cell);
          joins.push(`“${last.cells[c] ?? ""}” + “${cell}” → “${next[c]}”`);
        } else dropped.push(cell);
      });
      const blankIn = typed.length > 0 ? typed.filter((c) => isBlank(l.cells[c.index])).map((c) => c.name) : [cols[0].name];
      const unreadable = typed.filter((c) => !isBlank(l.cells[c.index])).map((c) => l.cells[c.index]);
      flags.push({
        id,
        kind: "join",
        line: l.n,
        row: null,
        column: null,
        raw: l.cells.filter((s) => !isBlank(s)).join(" | "),
        original: null,
        proposed: null,
        reason: clear || unreadable.length === 0 ? msg.joinReason(l.n, last.lines[0], blankIn) : msg.joinSuspectReason(l.n, last.lines[0], unreadable),
        proposal: msg.joinProposal(joins, dropped),
        accepted,
        acceptedByDefault: clear,
      });
      if (accepted) {
        last.cells = next;
        last.lines.push(l.n);
        joinedCount++;
        continue;
      }
    }
    recs.push({ cells: l.cells.slice(), lines: [l.n] });
  }
  // Line flags point at the row their line ended up in (none for a line joined to the row above).
  const rowOfLine = new Map<number, number>();
  recs.forEach((rec, i) => rec.lines.forEach((n) => rowOfLine.set(n, i)));
  for (const f of flags) if (!(f.kind === "join" && f.accepted)) f.row = rowOfLine.get(f.line) ?? null;

  // Typed values ----------------------------------------------------------------------------
  const values: CellValue[][] = recs.map(() => new Array<CellValue>(width).fill(null));
  const qualifiers: (QualifierSymbol | null)[][] = recs.map(() => new Array<QualifierSymbol | null>(width).fill(null));
  const cellReadings: (CellReading | null)[][] = recs.map(() => new Array<CellReading | null>(width).fill(null));
  const consumed = new Set<string>();
  const cellFlag = (
    kind: FlagKind,
    i: number,
    c: number,
    raw: string,
    original: CellValue,
    proposed: CellValue,
    reason: LocalizedText,
    proposal: LocalizedText,
    byDefault: boolean
  ): boolean => {
    const line = recs[i].lines[0];
    const id = `${kind}:${line}:${c}`;
    const accepted = decide(id, byDefault);
    flags.push({ id, kind, line, row: i, column: c, raw, original, proposed, reason, proposal, accepted, acceptedByDefault: byDefault });
    return accepted;
  };

  for (let i = 0; i < recs.length; i++) {
    const cells = recs[i].cells;
    for (const col of cols) {
      const c = col.index;
      if (consumed.has(`${i}:${c}`)) continue;
      const raw = cells[c] ?? "";
      const x = read(raw);
      cellReadings[i][c] = x;
      if (x.kind === "empty" || x.kind === "missing") continue;
      if (col.type === "text") {
        let value = raw.replace(/\s+/g, " ").trim();
        if (col.codeLike && SPACED_CODE.test(value)) {
          const fixed = value.replace(SPACED_CODE, "$1.$2");
          if (cellFlag("spacing", i, c, raw, value, fixed, msg.spacingReason(raw), msg.spacingProposal(fixed), true)) value = fixed;
        }
        const ocr = col.keyLike ? ocrRepair(value) : null;
        const glyph = glyphRepair(ocr ? ocr.fixed : value);
        if (ocr || glyph) {
          const fixed = glyph ? glyph.fixed : (ocr as { fixed: string }).fixed;
          const reason = ocr ? msg.ocrReason(raw, [...ocr.changes, ...(glyph?.changes ?? [])]) : msg.glyphReason(raw, (glyph as { changes: string[] }).changes);
          if (cellFlag(ocr ? "ocr" : "glyph", i, c, raw, value, fixed === "" ? null : fixed, reason, msg.textProposal(fixed), false)) value = fixed;
        }
        values[i][c] = value === "" ? null : value;
        continue;
      }
      // A typed column.
      let v: number | string | null = null;
      if (col.type === "date") {
        if (x.kind === "date") v = x.iso as string;
      } else if (col.type === "bytes") {
        if (x.kind === "bytes") v = bytesOf(x.figure, col.step);
        else if (x.kind === "number" && x.bare && col.hint.kind === "bytes") v = Math.round((x.value as number) * col.hint.scale);
      } else if (col.type === "percent") {
        if (x.kind === "percent") v = x.value as number;
        else if (x.kind === "number" && x.bare && col.hint.kind === "percent") v = round15((x.value as number) * 0.01);
      } else if (x.kind === "number" || (x.kind === "date" && x.dateOrNumber)) {
        v = x.bare && col.hint.scale !== 1 ? round15((x.value as number) * col.hint.scale) : (x.value as number);
      }
      if (v !== null) {
        if (x.spaced) {
          if (!cellFlag("spacing", i, c, raw, raw, v, msg.spacingReason(raw), msg.spacingProposal(v), true)) {
            values[i][c] = raw;
            continue;
          }
        }
        values[i][c] = v;
        qualifiers[i][c] = x.qualifier?.symbol ?? null;
        continue;
      }
      // Not a value of the column's type. One figure split over two cells?
      const nextCol = cols[c + 1];
      const mantissa = MANTISSA.exec(normaliseReportText(raw));
      const power = nextCol ? POWER.exec(normaliseReportText(cells[c + 1] ?? "")) : null;
      if (mantissa && power && nextCol && (col.type === "number" || col.type === "count") && nextCol.type === col.type) {
        const joined = round15(Number(mantissa[1]) * Math.pow(10, Number(power[1])));
        const second = cells[c + 1];
        consumed.add(`${i}:${c + 1}`);
        const secondValue = read(second).value ?? second;
        const accepted = cellFlag(
          "splitNumber",
          i,
          c,
          raw,
          raw,
          joined,
          msg.splitReason(raw, second),
          msg.splitProposal(joined, col.name, nextCol.name),
          false
        );
        values[i][c] = accepted ? joined : raw;
        values[i][c + 1] = accepted ? joined : secondValue;
        continue;
      }
      const percentGuess = col.type === "percent" && x.kind === "number" ? round15((x.value as number) * 0.01) : null;
      const accepted = cellFlag(
        "unreadable",
        i,
        c,
        raw,
        raw,
        percentGuess,
        msg.unreadableReason(raw, msg.typeName(col.type), x.problem),
        percentGuess === null ? msg.unreadableBlank() : msg.unreadablePercent(percentGuess),
        false
      );
      values[i][c] = accepted ? percentGuess : raw;
    }
  }

  // Grouping columns: leading text columns whose blanks sit under a value, filled after the
  // text repairs so a group's slip ("0penAl") is flagged once, on the row that shows it.
  for (const col of cols) {
    if (col.type !== "text" || recs.length < 2 || isBlank(recs[0].cells[col.index]) || !recs.some((r) => isBlank(r.cells[col.index]))) break;
    col.filledDown = true;
    for (let i = 1; i < recs.length; i++) if (isBlank(recs[i].cells[col.index])) values[i][col.index] = values[i - 1][col.index];
  }

  // Values orders of magnitude off their column ---------------------------------------------
  for (const col of cols) {
    if (col.type !== "number" && col.type !== "count" && col.type !== "bytes") continue;
    const c = col.index;
    const points = values
      .map((row, i) => ({ i, v: row[c] }))
      .filter((p): p is { i: number; v: number } => typeof p.v === "number" && p.v > 0 && !consumed.has(`${p.i}:${c}`));
    if (points.length < 5) continue;
    const logs = points.map((p) => Math.log10(p.v));
    const order = logs.map((_, k) => k).sort((a, b) => logs[a] - logs[b]);
    const sorted = order.map((k) => logs[k]);
    const rank = new Array<number>(logs.length);
    order.forEach((k, r) => (rank[k] = r));
    const n = sorted.length;
    points.forEach((p, k) => {
      const log = logs[k];
      // The median, lowest and highest of the other values.
      const at = rank[k];
      const others = (j: number): number => sorted[j < at ? j : j + 1];
      const m = (n - 1) >> 1;
      const median = (n - 1) % 2 === 1 ? others(m) : (others(m - 1) + others(m)) / 2;
      const lo = others(0);
      const hi = others(n - 2);
      if (Math.abs(log - median) <= MAGNITUDE_ORDERS || (log >= lo - MAGNITUDE_BEYOND && log <= hi + MAGNITUDE_BEYOND)) return;
      const x = cellReadings[p.i][c] as CellReading;
      const raw = recs[p.i].cells[c];
      const candidates: [string, string, number][] = [];
      if (col.type === "bytes") {
        const unit = /([KMGTPE])i?B$/i.exec(x.figure.replace(/\s+/g, ""));
        const at2 = unit ? BYTE_STEPS.indexOf(`${unit[1].toUpperCase()}B`) : -1;
        for (const d of [-2, -1, 1, 2])
          if (at2 >= 0 && BYTE_STEPS[at2 + d]) candidates.push([`${unit?.[1].toUpperCase()}B`, BYTE_STEPS[at2 + d], Math.pow(col.step, d)]);
      } else for (const [meant, factor] of SLIPS[x.magnitude] ?? []) candidates.push([x.magnitude, meant, factor]);
      let best: [string, string, number] | null = null;
      for (const cand of candidates) {
        const l = log + Math.log10(cand[2]);
        if (l < lo - 1 || l > hi + 1) continue;
        if (!best || Math.abs(l - median) < Math.abs(log + Math.log10(best[2]) - median)) best = cand;
      }
      const proposed = best ? (col.type === "bytes" ? Math.round(p.v * best[2]) : round15(p.v * best[2])) : null;
      const medianValue = Math.pow(10, median);
      const reason = msg.magnitudeReason(raw.trim(), p.v, Math.round(Math.abs(log - median)), Number(medianValue.toPrecision(3)), col.name);
      const proposal = best ? msg.magnitudeUnit(raw.trim(), best[0], best[1], proposed as number) : msg.magnitudeBlank();
      if (cellFlag("magnitude", p.i, c, raw, p.v, proposed, reason, proposal, false)) {
        values[p.i][c] = proposed;
        if (proposed === null) qualifiers[p.i][c] = null;
      }
    });
  }

  // Columns out: each pasted column, its qualifiers, a date column's months -----------------
  const columns: ImportColumn[] = [];
  const outOf: number[] = [];
  const keys = makeKeys(cols.map((c) => c.name));
  const monthSplit = new Set<number>();
  for (const col of cols) {
    const c = col.index;
    outOf[c] = columns.length;
    const column: ImportColumn = {
      key: keys[c],
      name: col.name,
      type: col.type,
      unit: col.unit,
      source: c,
      role: "value",
      detected: { type: col.detectedType, unit: col.detectedUnit },
    };
    if (col.type === "bytes") {
      column.bytesStep = col.step;
      column.bytesStepStated = col.stepStated;
    }
    if (col.filledDown) column.filledDown = true;
    if (col.type === "date") {
      const iso = values.map((r) => r[c]).filter((v): v is string => typeof v === "string" && /^\d{4}-\d{2}(-\d{2})?$/.test(v));
      const days = iso.some((v) => v.length === 10);
      const months = iso.some((v) => v.length === 7);
      column.precision = days ? "day" : "month";
      if (days && months) monthSplit.add(c);
    }
    columns.push(column);
    if (qualifiers.some((r) => r[c] !== null)) {
      columns.push({
        key: `${keys[c]}_qualifier`,
        name: msg.qualifierName(col.name)[language],
        type: "text",
        unit: "",
        source: c,
        role: "qualifier",
        detected: { type: "text", unit: "" },
      });
    }
    if (monthSplit.has(c)) {
      columns.push({
        key: `${keys[c]}_month`,
        name: msg.monthName(col.name)[language],
        type: "date",
        unit: "",
        source: c,
        role: "month",
        detected: { type: "date", unit: "" },
        precision: "month",
      });
    }
  }
  const rows: CellValue[][] = values.map((row, i) =>
    columns.map((column) => {
      const v = row[column.source];
      if (column.role === "qualifier") return qualifiers[i][column.source];
      if (column.role === "month") return typeof v === "string" && /^\d{4}-\d{2}/.test(v) ? v.slice(0, 7) : null;
      if (monthSplit.has(column.source) && typeof v === "string" && /^\d{4}-\d{2}$/.test(v)) return null;
      return v;
    })
  );
  for (const f of flags) if (f.column !== null) f.column = outOf[f.column];
  // In the order of the text: line, then column (line flags first).
  flags.sort((a, b) => a.line - b.line || (a.column ?? -1) - (b.column ?? -1));

  // Notes -----------------------------------------------------------------------------------
  const notes: LocalizedText[] = [];
  const percents = cols.filter((c) => c.type === "percent").map((c) => c.name);
  if (percents.length > 0) notes.push(msg.notePercent(percents));
  for (const col of cols) {
    const words = new Set<string>();
    if (col.type === "number" || col.type === "count") {
      for (const r of cellReadings) {
        const x = r[col.index];
        if (x && x.kind === "number" && x.magnitude !== "") words.add(x.magnitude);
      }
      if (words.size > 0) notes.push(msg.noteMagnitudes(col.name, [...words]));
      if (col.hint.scale !== 1) notes.push(msg.noteHeaderScale(col.name, col.hint.scale, col.hint.unit));
    }
    if (col.type === "bytes") notes.push(msg.noteBytes(col.name, col.step, col.stepStated));
    if (qualifiers.some((r) => r[col.index] !== null)) notes.push(msg.noteQualifier(col.name));
    if (col.filledDown) notes.push(msg.noteFilled(col.name));
    if (monthSplit.has(col.index)) notes.push(msg.noteMonths(col.name, msg.monthName(col.name)[language]));
  }
  for (const [raw, name] of repaired) notes.push(msg.noteHeader(raw, name));
  if (joinedCount > 0) notes.push(msg.noteJoined(joinedCount));

  return {
    ok: true,
    table: {
      title: parts.title,
      caption: parts.caption,
      source: parts.source,
      textNotes: parts.notes,
      asOf: periodOf(parts.title),
      layout,
      headerLines: tableLines.slice(0, headerRows).map((l) => l.n),
      columns,
      rows,
      rowLines: recs.map((r) => r.lines.slice()),
      flags,
      notes,
      ignoredLines: parts.ignored,
    },
  };
}

export { shown };
