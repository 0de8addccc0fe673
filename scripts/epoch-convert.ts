/**
 * The conversion of Epoch AI's CSV exports into the compact JSON the Epoch datasets are built
 * from: "All ML Systems" → epoch-models, the ML hardware table → epoch-accelerators. Shared by
 * the command line (scripts/convert-epoch.mjs, which writes src/data/generated/) and the
 * updater (scripts/update-data.ts, which converts the live exports). TypeScript so that both
 * plain Node (through scripts/ts-require.js) and the jest tests load it in-process.
 *
 * Pure: no file or network access. The output depends only on the input text, so converting
 * twice gives byte-identical JSON.
 */
import type { CorrectionsReport } from "../src/data/corrections";
import type { CellValue } from "../src/data/types";

/** [output key, Epoch's header, kind of value]. */
export type ColumnSpec = readonly [key: string, header: string, kind: string];

/** What convert() returns (serialised to src/data/generated/epoch-models.json). */
export interface ConvertedModels {
  source: string;
  inputSha256: string;
  columns: string[];
  corrections: string[];
  rows: CellValue[][];
  /** What data/corrections/epoch.json changed after conversion (scripts/corrections.ts). */
  corrected?: CorrectionsReport;
}

/** What convertHardware() returns (serialised to src/data/generated/epoch-accelerators.json). */
export interface ConvertedHardware {
  source: string;
  inputSha256: string;
  /** Newest of Epoch's "Last modified" edit stamps (YYYY-MM-DD), or null without that column. */
  lastModified: string | null;
  /** Hardware records read (all kinds), before the accelerator filter. */
  scanned: number;
  columns: string[];
  /** Dense-throughput checks: figures blanked or kept with a remark. */
  notes: string[];
  rows: CellValue[][];
  /** What data/corrections/epoch.json changed after conversion (scripts/corrections.ts). */
  corrected?: CorrectionsReport;
}

/** A field longer than this stops the parse: Epoch's longest is about 5,200 characters. */
export const MAX_CSV_FIELD_CHARS = 1_000_000;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Line feeds in text[from, to), for the line numbers of messages. */
function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let at = text.indexOf("\n", from); at >= 0 && at < to; at = text.indexOf("\n", at + 1)) n++;
  return n;
}

function oversized(line: number): Error {
  return new Error(`CSV: the field starting on line ${line} is longer than ${MAX_CSV_FIELD_CHARS.toLocaleString("en-US")} characters`);
}

/**
 * Parses RFC 4180 CSV: fields separated by commas, records by CRLF or LF; a field in double
 * quotes may contain commas, CR/LF and "" (an escaped quote). A leading UTF-8 BOM is dropped,
 * and so are blank lines at the end of the text.
 * A lone CR (not followed by LF) is data, not a record end: Epoch's hardware export has one
 * inside an unquoted name ("NVIDIA GeForce RTX 2080 Ti Founders Edition\r,NVIDIA,…"), and
 * ending the record there would split it in two (the text cleaning trims it).
 * Linear in time and memory: a field is a slice of the text (a quoted one with "" escapes is
 * joined from slices), never built a character at a time.
 * Throws on an unterminated quoted field, text after a closing quote, or a field longer than
 * MAX_CSV_FIELD_CHARS, rather than guessing.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (i >= n) return records;
  let line = 1;
  let record: string[] = [];
  // Records at the end that come from empty lines (not from a quoted "" field): dropped.
  let trailingBlank = 0;
  let blank = false;
  const atRecordEnd = (at: number): boolean => {
    const c = text.charCodeAt(at);
    return c === LF || (c === CR && text.charCodeAt(at + 1) === LF);
  };
  for (;;) {
    // A field starts at i; afterwards i is at a comma, a record end or the end of the text.
    blank = false;
    if (text.charCodeAt(i) === QUOTE) {
      const openLine = line;
      const parts: string[] = [];
      let length = 0;
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          if (length + n - from > MAX_CSV_FIELD_CHARS) throw oversized(openLine);
          throw new Error(`CSV: unterminated quoted field starting on line ${openLine}`);
        }
        const escaped = text.charCodeAt(q + 1) === QUOTE;
        const to = escaped ? q + 1 : q; // keep one quote of ""
        length += to - from;
        if (length > MAX_CSV_FIELD_CHARS) throw oversized(openLine);
        parts.push(text.slice(from, to));
        line += countLines(text, from, q);
        from = escaped ? q + 2 : q + 1;
        if (!escaped) break;
      }
      i = from;
      record.push(parts.length === 1 ? parts[0] : parts.join(""));
      if (i < n && text.charCodeAt(i) !== COMMA && !atRecordEnd(i)) {
        throw new Error(`CSV: unexpected character after closing quote on line ${line}`);
      }
    } else {
      const start = i;
      const stop = Math.min(n, start + MAX_CSV_FIELD_CHARS + 1);
      while (i < stop && text.charCodeAt(i) !== COMMA && !atRecordEnd(i)) i++;
      if (i - start > MAX_CSV_FIELD_CHARS) throw oversized(line);
      record.push(text.slice(start, i));
      blank = record.length === 1 && i === start;
    }
    if (i < n && text.charCodeAt(i) === COMMA) {
      i++;
      continue;
    }
    records.push(record);
    trailingBlank = blank ? trailingBlank + 1 : 0;
    if (i >= n) break;
    record = [];
    i += text.charCodeAt(i) === CR ? 2 : 1;
    line++;
    if (i >= n) break;
  }
  // Empty lines at the end (an editor's or a server's extra newline) are not records.
  records.length -= trailingBlank;
  return records;
}

/** The columns we keep: output key, Epoch's header, kind of value. Order = output order. */
export const COLUMNS: readonly ColumnSpec[] = [
  ["model", "Model", "text"],
  ["organization", "Organization", "text"],
  ["publication_date", "Publication date", "date"],
  ["domain", "Domain", "text"],
  ["parameters", "Parameters", "number"],
  ["training_compute_flop", "Training compute (FLOP)", "number"],
  ["dataset_size", "Training dataset size (datapoints)", "number"],
  ["hardware", "Training hardware", "text"],
  ["hardware_quantity", "Hardware quantity", "integer"],
  ["mfu", "Hardware utilization (MFU)", "fraction"],
  ["country", "Country (of organization)", "text"],
  ["confidence", "Confidence", "text"],
  ["training_cost_usd", "Training compute cost (2023 USD)", "usd"],
];

/** Where each wanted column is in the header; stops naming the first missing one. */
function columnIndex(header: string[] | undefined, columns: readonly ColumnSpec[]): number[] {
  if (!header || header.length === 0 || (header.length === 1 && header[0] === "")) throw new Error("CSV: no header row (empty file?)");
  return columns.map(([, name]) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`CSV: missing column ${JSON.stringify(name)}`);
    return at;
  });
}

/** Trims and collapses whitespace runs; a line break after a hyphen is a wrapped name. */
function cleanText(s: string): string | null {
  const t = s
    .replace(/-[ \t]*\r?\n\s*/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  return t === "" ? null : t;
}

/**
 * A plain decimal number, as Epoch writes them ("14000000000.0", "3.14e+23"). Strict: Number()
 * alone would also take hex ("0x10"), binary, octal and "Infinity", and a minus sign is refused
 * because every figure kept is a count, a size, a rate or a cost (none can be negative).
 */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function toNumber(s: string, where: string): number | null {
  const t = s.trim();
  if (t === "") return null;
  if (/^-/.test(t) && DECIMAL.test(t.slice(1)))
    throw new Error(`${where}: negative value ${JSON.stringify(t)} (a count, size, rate or cost cannot be negative)`);
  if (!DECIMAL.test(t)) throw new Error(`${where}: not a decimal number: ${JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s)}`);
  const v = Number(t);
  if (!Number.isFinite(v)) throw new Error(`${where}: number out of range: ${JSON.stringify(t)}`);
  return v;
}

/**
 * Converts parsed CSV records to the compact output object.
 * @param records  header first
 * @param sha256  of the input file, recorded for provenance
 */
export function convert(records: string[][], sha256: string): ConvertedModels {
  const [header, ...body] = records;
  const index = columnIndex(header, COLUMNS);
  const corrections: string[] = [];
  const rows = body.map((rec, r) => {
    if (rec.length !== header.length) {
      throw new Error(`CSV record ${r + 2}: expected ${header.length} fields, got ${rec.length}`);
    }
    return COLUMNS.map(([key, , kind], c): CellValue => {
      const raw = rec[index[c]];
      const where = `record ${r + 2} ${key}`;
      switch (kind) {
        case "text":
          return cleanText(raw);
        case "date": {
          const t = raw.trim();
          if (t === "") return null;
          if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) throw new Error(`${where}: not an ISO date: ${t}`);
          return t;
        }
        case "number":
          return toNumber(raw, where);
        case "integer": {
          const v = toNumber(raw, where);
          if (v !== null && !Number.isInteger(v)) throw new Error(`${where}: not an integer: ${raw}`);
          return v;
        }
        case "fraction": {
          const v = toNumber(raw, where);
          // MFU is a fraction; a value above 1 can only be a percentage typed as a number.
          if (v !== null && v > 1) {
            corrections.push(`${cleanText(rec[index[0]])}: MFU ${raw} read as ${v}% (stored ${v / 100})`);
            return v / 100;
          }
          return v;
        }
        case "usd": {
          const t = raw.trim();
          if (t === "") return null;
          if (!/^\$\d+(\.\d+)?$/.test(t)) throw new Error(`${where}: not a USD amount: ${t}`);
          return Number(t.slice(1));
        }
        default:
          throw new Error(`unknown kind ${kind}`);
      }
    });
  });
  return {
    source: "Epoch AI, All ML Systems (CSV export)",
    inputSha256: sha256,
    columns: COLUMNS.map(([key]) => key),
    corrections,
    rows,
  };
}

// ---------------------------------------------------------------------------------------
// ML hardware → epoch-accelerators

/** The hardware columns we keep: output key, Epoch's header, kind of value. Order = output order. */
export const HARDWARE_COLUMNS: readonly ColumnSpec[] = [
  ["name", "Hardware name", "text"],
  ["manufacturer", "Manufacturer", "text"],
  ["type", "Type", "text"],
  ["release_date", "Release date", "date"],
  ["tensor16_flops", "Tensor-FP16/BF16 performance (FLOP/s)", "number"],
  ["fp8_flops", "FP8 performance (FLOP/s)", "number"],
  ["int8_ops", "INT8 performance (OP/s)", "number"],
  ["fp32_flops", "FP32 (single precision) performance (FLOP/s)", "number"],
  ["memory_gb", "Memory size per board (Byte)", "gigabytes"],
  ["memory_bandwidth", "Memory bandwidth (byte/s)", "number"],
  ["tdp_w", "TDP (W)", "number"],
  ["source_url", "Link to datasheet", "url"],
  ["confidence", "Unverified", "verification"],
];

/** Read only when present (the newest edit gives the snapshot's as-of date). */
const LAST_MODIFIED = "Last modified";

/**
 * Which rows are data-centre ML accelerators: an allow-list of product families, matched on
 * Epoch's name or manufacturer, then a deny-list. Epoch's hardware table is mostly consumer
 * CPUs and GPUs, and its Type column is blank or "GPU" for most accelerators, so neither the
 * type nor the manufacturer alone can tell an H100 from a GeForce.
 * Each family: [label (for the notes), field ("name" or "manufacturer"), pattern].
 */
export const ACCELERATOR_FAMILIES: readonly (readonly [label: string, field: "name" | "manufacturer", pattern: RegExp])[] = [
  // Tesla-branded boards, and the data-centre letters after "NVIDIA ": A100, H20, L40S, B200, GB200, GH200, V100, P100, P40, M40, T4.
  [
    "NVIDIA data-centre GPUs (Tesla; A, H, B, L, V series; GH/GB superchips; P100, P40, M40, T4)",
    "name",
    /^NVIDIA (?:Tesla\b|(?:HGX |DGX )?(?:[ABHLV]\d{1,3}[A-Z]?|G[BH]\d{3}|P(?:40|100)|M40|T4)\b)/i,
  ],
  ["AMD Instinct", "name", /\bInstinct\b|^AMD MI\d{2,3}/i],
  ["Intel Gaudi, Nervana NNP and Data Center GPU Max", "name", /Gaudi|Nervana|Data Center GPU Max/i],
  ["Google TPU", "name", /^Google TPU/i],
  ["Huawei Ascend 910 family and Atlas 300 cards", "name", /Ascend\b.*\b9\d0|Atlas 300/i],
  ["Cambricon MLU", "manufacturer", /^Cambricon$/i],
  ["Baidu Kunlun", "name", /Kunlun/i],
  ["Biren", "manufacturer", /^Biren$/i],
  ["MetaX", "manufacturer", /MetaX/i],
  ["Moore Threads MTT S2000/S3000/S4000 (data-centre; the S10-S80 are desktop graphics cards)", "name", /^MTT S[234]000\b/i],
  ["Iluvatar CoreX", "manufacturer", /Iluvatar/i],
  ["Enflame", "manufacturer", /Enflame/i],
  ["Hygon DCU", "manufacturer", /^Hygon$/i],
  ["AWS Trainium and Inferentia", "name", /Trainium|Inferentia/i],
  ["Meta MTIA", "name", /\bMTIA\b/i],
  ["Microsoft Maia", "name", /\bMaia\b/i],
  ["Groq LPU", "name", /\bGroq/i],
  ["Cerebras", "manufacturer", /^Cerebras$/i],
  ["Graphcore", "manufacturer", /^Graphcore$/i],
  ["SambaNova", "manufacturer", /^SambaNova$/i],
  ["Alibaba T-Head Hanguang", "name", /Hanguang/i],
  ["Tesla Dojo", "name", /\bDojo\b/i],
  ["Sapeon", "manufacturer", /^Sapeon$/i],
  ["Neuchips", "manufacturer", /^Neuchips$/i],
  ["Vastai", "name", /^Vastai\b/i],
];

/** Never accelerators, whatever a family pattern says: CPUs, consumer, workstation, mobile and embedded parts. */
export const NOT_ACCELERATOR =
  /\b(?:GeForce|Quadro|TITAN|RTX|Radeon (?:RX|Pro|HD|R\d)|FirePro|Jetson|Tegra|Mobile|Max-Q|Laptop|Apple|Xeon|Core i\d|Ryzen|EPYC)\b/i;

/** The family label of a data-centre accelerator row, or null when the row is not one. */
export function acceleratorFamily(name: string, manufacturer: string, type: string): string | null {
  if (type === "CPU" || NOT_ACCELERATOR.test(name)) return null;
  for (const [label, field, pattern] of ACCELERATOR_FAMILIES) {
    if (pattern.test(field === "name" ? name : manufacturer)) return label;
  }
  return null;
}

/**
 * Datasheet dense 16-bit tensor figures to hold Epoch's rows against (../shared/reference/
 * domain-facts.md, "Accelerators (dense, no sparsity)"): [Epoch's name, FLOP/s].
 */
export const DENSE_REFERENCES: readonly (readonly [name: string, flops: number])[] = [
  ["NVIDIA Tesla V100 SXM2", 125e12],
  ["NVIDIA A100 SXM4 80 GB", 312e12],
  ["NVIDIA A800 SXM", 312e12],
  ["NVIDIA H100 SXM5 80GB", 989e12],
  ["NVIDIA H800 SXM5", 989e12],
  ["NVIDIA H200 SXM", 989e12],
  ["NVIDIA B200", 2250e12],
  ["AMD Radeon Instinct MI250X", 383e12],
  ["AMD Instinct MI300X", 1307.4e12],
];
/** Relative tolerance against DENSE_REFERENCES (datasheets round: 989.4 vs 989, 311.8 vs 312). */
export const DENSE_REFERENCE_TOLERANCE = 0.005;

/**
 * Tensor units run FP8 and INT8 at 2× the 16-bit rate (NVIDIA since Hopper, AMD CDNA3); a
 * sparse figure is 2× the dense one, so a ratio near 4 means the 8-bit figure is sparse. Far
 * larger ratios (Meta MTIA v2: 64×) mean the 16-bit figure is a vector rate: noted, not blanked.
 */
const SPARSE_RATIO = [3.5, 4.5];
const EXPECTED_RATIO = [1.9, 2.1];

const fmt = (v: number): string => `${Number((v / 1e12).toPrecision(6))}e12`;

/**
 * The dense-throughput checks of one row (values by key, changed in place): 8-bit figures
 * that look sparse are blanked, other unusual ratios are noted and kept.
 * @returns notes
 */
function checkDense(v: Record<string, CellValue>): string[] {
  const notes: string[] = [];
  const t16 = v.tensor16_flops as number | null;
  const ref = DENSE_REFERENCES.find(([name]) => name === v.name);
  if (ref && t16 !== null) {
    const [, want] = ref;
    if (Math.abs(t16 / (2 * want) - 1) <= DENSE_REFERENCE_TOLERANCE) {
      notes.push(`${v.name}: tensor16 ${fmt(t16)} is 2× the datasheet's dense ${fmt(want)} (a sparse figure): left blank`);
      v.tensor16_flops = null;
      return notes;
    }
    if (Math.abs(t16 / want - 1) > DENSE_REFERENCE_TOLERANCE)
      notes.push(`${v.name}: tensor16 ${fmt(t16)} differs from the datasheet's dense ${fmt(want)}; kept as Epoch records it`);
  }
  if (t16 === null) return notes;
  for (const key of ["fp8_flops", "int8_ops"]) {
    const x = v[key] as number | null;
    if (x === null) continue;
    const ratio = x / t16;
    const label = key === "fp8_flops" ? "fp8" : "int8";
    if (ratio >= SPARSE_RATIO[0] && ratio <= SPARSE_RATIO[1]) {
      notes.push(`${v.name}: ${label} ${fmt(x)} is ${ratio.toFixed(2)}× tensor16 ${fmt(t16)}, which only a sparse figure would be: left blank`);
      v[key] = null;
    } else if (ratio < EXPECTED_RATIO[0] || ratio > EXPECTED_RATIO[1]) {
      notes.push(`${v.name}: ${label} is ${ratio.toFixed(2)}× tensor16 (2× on most tensor units); kept as Epoch records it`);
    }
  }
  return notes;
}

/** "M/D/YYYY h:mma" (Epoch's edit stamp) → "YYYY-MM-DD", or null. */
function editDate(s: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(s.trim());
  return m ? `${m[3]}-${m[1].padStart(2, "0")}-${m[2].padStart(2, "0")}` : null;
}

/**
 * Converts Epoch's ML hardware CSV records to the epoch-accelerators JSON: data-centre
 * accelerators only (acceleratorFamily), in Epoch's order (newest release first, undated last).
 * @param records  header first
 * @param sha256  of the input file, recorded for provenance
 */
export function convertHardware(records: string[][], sha256: string): ConvertedHardware {
  const [header, ...body] = records;
  const index = columnIndex(header, HARDWARE_COLUMNS);
  const modifiedAt = header.indexOf(LAST_MODIFIED);
  const at = (key: string): number => index[HARDWARE_COLUMNS.findIndex(([k]) => k === key)];
  const notes: string[] = [];
  const rows: CellValue[][] = [];
  let lastModified: string | null = null;
  let scanned = 0;
  body.forEach((rec, r) => {
    if (rec.length !== header.length) throw new Error(`CSV record ${r + 2}: expected ${header.length} fields, got ${rec.length}`);
    scanned++;
    const name = cleanText(rec[at("name")]);
    if (name === null) return;
    if (!acceleratorFamily(name, cleanText(rec[at("manufacturer")]) ?? "", cleanText(rec[at("type")]) ?? "")) return;
    const v: Record<string, CellValue> = {};
    HARDWARE_COLUMNS.forEach(([key, , kind], c) => {
      const raw = rec[index[c]];
      const where = `record ${r + 2} ${key}`;
      switch (kind) {
        case "text":
          v[key] = cleanText(raw);
          break;
        case "date": {
          const t = raw.trim();
          if (t !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(t)) throw new Error(`${where}: not an ISO date: ${t}`);
          v[key] = t === "" ? null : t;
          break;
        }
        case "number":
          v[key] = toNumber(raw, where);
          break;
        case "gigabytes": {
          const b = toNumber(raw, where);
          v[key] = b === null ? null : b / 1e9;
          break;
        }
        case "url": {
          const m = /https?:\/\/[^\s,;]+/.exec(raw);
          v[key] = m ? m[0] : null;
          break;
        }
        case "verification":
          // An Airtable checkbox, "checked" when Epoch ticked "Unverified"; blank says only that it did not.
          v[key] = raw.trim() === "checked" ? "unverified" : "not flagged";
          break;
        default:
          throw new Error(`unknown kind ${kind}`);
      }
    });
    notes.push(...checkDense(v));
    if (modifiedAt >= 0) {
      const d = editDate(rec[modifiedAt]);
      if (d !== null && (lastModified === null || d > lastModified)) lastModified = d;
    }
    rows.push(HARDWARE_COLUMNS.map(([key]) => v[key]));
  });
  return {
    source: "Epoch AI, Data on Machine Learning Hardware (CSV export)",
    inputSha256: sha256,
    lastModified,
    scanned,
    columns: HARDWARE_COLUMNS.map(([key]) => key),
    notes,
    rows,
  };
}

/** Compact but diff-friendly: one row per line. */
export function serialize(out: ConvertedModels | ConvertedHardware): string {
  const head = { ...out, rows: undefined };
  const lines = JSON.stringify(head).slice(0, -1);
  return `${lines},"rows":[\n${out.rows.map((r) => JSON.stringify(r)).join(",\n")}\n]}\n`;
}
