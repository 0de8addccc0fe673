/**
 * `npm run import-table -- report-table.txt [--lang zh|en] [--out table.json|table.xlsx] [--accept all|ID,…] [--reject ID,…]`
 *
 * Reads a table copied out of a report's PDF (src/import, the importer the pane uses) and writes
 * the typed table: as JSON (columns with name, key, type and unit; rows; flags with why and what
 * they propose) to the file or, without --out, to stdout; or as an .xlsx, through the same plan
 * the pane inserts and the existing writer (scripts/export-xlsx.ts → src/xlsx). Flags keep their
 * defaults unless accepted or rejected by id (the JSON lists the ids). A script, not src/: it
 * reads and writes files.
 */
import * as fs from "fs";
import { importTable, toDataset } from "../src/import";
import type { ImportedTable } from "../src/import";
import { datasetNoteLines, planDatasetInsert } from "../src/sheet/dataset-plan";
import type { Language } from "../src/sheet/workbook";
import { exportPlans } from "./export-xlsx";

export interface ImportTableOptions {
  file: string;
  language: Language;
  out?: string;
  /** "all", or flag ids. */
  accept: "all" | string[];
  reject: string[];
}

const USAGE = "usage: npm run import-table -- <text file> [--lang zh|en] [--out table.json|table.xlsx] [--accept all|ID,ID] [--reject ID,ID]";

/** Parses the command line; a string is an error message. */
export function parseArgs(argv: readonly string[]): ImportTableOptions | string {
  const o: Partial<ImportTableOptions> = { language: "zh", accept: [], reject: [] };
  const ids = (s: string | undefined): string[] =>
    (s ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string | undefined => argv[++i];
    if (a === "--lang") {
      const l = next();
      if (l !== "en" && l !== "zh") return `--lang must be zh or en\n${USAGE}`;
      o.language = l;
    } else if (a === "--out") {
      const out = next();
      if (!out || !/\.(json|xlsx)$/i.test(out)) return `--out must name a .json or .xlsx file\n${USAGE}`;
      o.out = out;
    } else if (a === "--accept") {
      const v = next();
      o.accept = v === "all" ? "all" : ids(v);
    } else if (a === "--reject") o.reject = ids(next());
    else if (a.startsWith("--")) return `unknown option ${a}\n${USAGE}`;
    else if (o.file === undefined) o.file = a;
    else return `one text file only\n${USAGE}`;
  }
  if (o.file === undefined) return `give the text file to read\n${USAGE}`;
  return o as ImportTableOptions;
}

/** The typed table as JSON: what the issue asks for (columns, rows, flags) plus the note lines written under the table. */
export function tableJson(table: ImportedTable, language: Language): unknown {
  const dataset = toDataset(table, language);
  return {
    title: table.title,
    source: table.source,
    asOf: table.asOf,
    notes: datasetNoteLines(dataset, language),
    columns: table.columns.map((c) => ({ name: c.name, key: c.key, type: c.type, unit: c.unit, ...(c.role !== "value" ? { role: c.role } : {}) })),
    rows: table.rows,
    rowLines: table.rowLines,
    flags: table.flags.map((f) => ({
      id: f.id,
      kind: f.kind,
      line: f.line,
      row: f.row,
      column: f.column,
      raw: f.raw,
      original: f.original,
      proposed: f.proposed,
      reason: f.reason[language],
      proposal: f.proposal[language],
      accepted: f.accepted,
    })),
  };
}

/** Reads with the decisions asked for; "all" accepts every flag, re-reading until none is new (a join removes its row's flags). */
export function importWith(text: string, options: Pick<ImportTableOptions, "language" | "accept" | "reject">) {
  const decisions: Record<string, boolean> = {};
  for (const id of options.accept === "all" ? [] : options.accept) decisions[id] = true;
  for (const id of options.reject) decisions[id] = false;
  let r = importTable(text, { language: options.language, decisions });
  for (let pass = 0; options.accept === "all" && r.ok && pass < 5; pass++) {
    const open = r.table.flags.filter((f) => decisions[f.id] === undefined);
    if (open.length === 0) break;
    for (const f of open) decisions[f.id] = true;
    r = importTable(text, { language: options.language, decisions });
  }
  return r;
}

export async function main(
  argv: readonly string[],
  out: Pick<Console, "log" | "error"> = console,
  write: (s: string) => void = (s) => process.stdout.write(s)
): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === "string") {
    out.error(options);
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(options.file, "utf8");
  } catch (e) {
    out.error(`cannot read ${options.file}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const r = importWith(text, options);
  if (!r.ok) {
    out.error(`not imported: ${r.reason[options.language]}`);
    return 1;
  }
  const { table } = r;
  const open = table.flags.filter((f) => !f.accepted).length;
  const summary = `${table.rows.length} rows × ${table.columns.length} columns, ${table.flags.length} flags (${open} not accepted)`;
  try {
    if (options.out === undefined) {
      write(`${JSON.stringify(tableJson(table, options.language), null, 2)}\n`);
      out.error(summary);
    } else if (/\.json$/i.test(options.out)) {
      fs.writeFileSync(options.out, `${JSON.stringify(tableJson(table, options.language), null, 2)}\n`);
      out.log(`wrote ${options.out}: ${summary}`);
    } else {
      const plan = planDatasetInsert(toDataset(table, options.language), { language: options.language, target: "newSheet", chart: false });
      const { bytes, skipped } = await exportPlans([plan]);
      fs.writeFileSync(options.out, bytes);
      out.log(`wrote ${options.out} (${bytes.length} bytes): ${summary}`);
      for (const s of skipped) out.log(`not in the file: ${s}`);
    }
    return 0;
  } catch (e) {
    out.error(`import-table failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
