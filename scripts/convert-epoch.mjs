#!/usr/bin/env node
/**
 * Converts Epoch AI's "All ML Systems" CSV export into the compact JSON the epoch-models
 * dataset is built from (src/data/generated/epoch-models.json, committed).
 *
 * Plain Node (no TS runtime in this project). Re-runnable: the output depends only on the
 * input file, so running it twice gives byte-identical JSON.
 *
 *   node scripts/convert-epoch.mjs [input.csv] [output.json]
 *   node scripts/convert-epoch.mjs --check [input.csv] [output.json]   # exit 1 if output is stale
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_INPUT = resolve(ROOT, "../shared/data/epoch/all-ml-systems.csv");
const DEFAULT_OUTPUT = resolve(ROOT, "src/data/generated/epoch-models.json");

/**
 * Parses RFC 4180 CSV: fields separated by commas, records by CRLF or LF; a field in double
 * quotes may contain commas, CR/LF and "" (an escaped quote). A leading UTF-8 BOM is dropped.
 * Throws on an unterminated quoted field or text after a closing quote, rather than guessing.
 * @param {string} text
 * @returns {string[][]}
 */
export function parseCsv(text) {
  const records = [];
  let record = [];
  let field = "";
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  // True once the current record has any content, so "" at EOF does not add an empty record.
  let started = false;
  while (i < n) {
    const c = text[i];
    if (c === '"' && field === "") {
      // Quoted field: read to the closing quote.
      const openLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new Error(`CSV: unterminated quoted field starting on line ${openLine}`);
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === "\n") line++;
        field += q;
        i++;
      }
      started = true;
      const next = text[i];
      if (i < n && next !== "," && next !== "\n" && next !== "\r") {
        throw new Error(`CSV: unexpected character after closing quote on line ${line}`);
      }
      continue;
    }
    if (c === ",") {
      record.push(field);
      field = "";
      started = true;
      i++;
    } else if (c === "\r" || c === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      started = false;
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
    } else {
      field += c;
      started = true;
      i++;
    }
  }
  if (started) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The columns we keep: output key, Epoch's header, kind of value. Order = output order. */
export const COLUMNS = [
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

/** Trims and collapses whitespace runs; a line break after a hyphen is a wrapped name. */
function cleanText(s) {
  const t = s.replace(/-[ \t]*\r?\n\s*/g, "-").replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
}

function toNumber(s, where) {
  const t = s.trim();
  if (t === "") return null;
  const v = Number(t);
  if (!Number.isFinite(v)) throw new Error(`${where}: not a number: ${JSON.stringify(s)}`);
  return v;
}

/**
 * Converts parsed CSV records to the compact output object.
 * @param {string[][]} records  header first
 * @param {string} sha256  of the input file, recorded for provenance
 */
export function convert(records, sha256) {
  const [header, ...body] = records;
  const index = COLUMNS.map(([, name]) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`CSV: missing column ${JSON.stringify(name)}`);
    return at;
  });
  const corrections = [];
  const rows = body.map((rec, r) => {
    if (rec.length !== header.length) {
      throw new Error(`CSV record ${r + 2}: expected ${header.length} fields, got ${rec.length}`);
    }
    return COLUMNS.map(([key, , kind], c) => {
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

/** Compact but diff-friendly: one row per line. */
export function serialize(out) {
  const head = { ...out, rows: undefined };
  const lines = JSON.stringify(head).slice(0, -1);
  return `${lines},"rows":[\n${out.rows.map((r) => JSON.stringify(r)).join(",\n")}\n]}\n`;
}

function main(argv) {
  const check = argv.includes("--check");
  const paths = argv.filter((a) => a !== "--check");
  const input = resolve(paths[0] ?? DEFAULT_INPUT);
  const output = resolve(paths[1] ?? DEFAULT_OUTPUT);
  const bytes = readFileSync(input);
  const sha = createHash("sha256").update(bytes).digest("hex");
  const text = serialize(convert(parseCsv(bytes.toString("utf8")), sha));
  if (check) {
    let current = "";
    try {
      current = readFileSync(output, "utf8");
    } catch {
      // Missing output counts as stale.
    }
    if (current !== text) {
      console.error(`${relative(ROOT, output)} is stale: run node scripts/convert-epoch.mjs`);
      process.exit(1);
    }
    console.log(`${relative(ROOT, output)} is up to date`);
    return;
  }
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, text);
  console.log(`wrote ${relative(ROOT, output)} (${text.length} bytes)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
