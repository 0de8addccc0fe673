/**
 * Reads the corrections file (data/corrections/epoch.json; format in data/corrections/README.md)
 * and applies it to converted rows. Used after conversion by the converter
 * (scripts/convert-epoch.mjs) and the updater (scripts/update-data.ts), so the committed JSON and
 * every published update carry the same corrections.
 *
 * A correction names the upstream value it corrects: when upstream has another value now (Epoch
 * fixed it, or changed it again) or the row is gone, the correction is dropped and reported, never
 * applied to a value it was not written for.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { Correction, CorrectionsReport } from "../src/data/corrections";
import type { CellValue } from "../src/data/types";
import { rowKeys } from "./row-keys";

export const EPOCH_CORRECTIONS_FILE = path.join(__dirname, "..", "data", "corrections", "epoch.json");

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCell = (v: unknown): v is CellValue => v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/** Checks a parsed corrections file; throws naming the file, the entry and the field. */
export function parseCorrections(json: unknown, where = "corrections"): Correction[] {
  const list = (json as { corrections?: unknown } | null)?.corrections;
  if (!Array.isArray(list)) throw new Error(`${where}: expected { "corrections": [ … ] }`);
  const seen = new Set<string>();
  return list.map((raw: unknown, i: number): Correction => {
    const at = `${where}: corrections[${i}]`;
    const o = (raw ?? {}) as Record<string, unknown>;
    for (const field of ["dataset", "row", "column", "date"]) if (!nonEmpty(o[field])) throw new Error(`${at}.${field}: expected text`);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(o.dataset as string)) throw new Error(`${at}.dataset: expected a dataset id like "epoch-accelerators"`);
    if (!ISO_DATE.test(o.date as string)) throw new Error(`${at}.date: expected an ISO date YYYY-MM-DD`);
    if (!("upstream" in o) || !isCell(o.upstream)) throw new Error(`${at}.upstream: expected the upstream cell (text, a number or null)`);
    if (!("value" in o) || !isCell(o.value)) throw new Error(`${at}.value: expected the corrected cell (text, a number or null)`);
    if (o.upstream === o.value) throw new Error(`${at}: value equals upstream, nothing to correct`);
    const c = (o.citation ?? {}) as Record<string, unknown>;
    for (const field of ["title", "url", "says"]) if (!nonEmpty(c[field])) throw new Error(`${at}.citation.${field}: expected text`);
    if (!/^https:\/\/\S+$/.test(c.url as string)) throw new Error(`${at}.citation.url: expected an https URL`);
    const id = `${o.dataset as string}\u0000${o.row as string}\u0000${o.column as string}`;
    if (seen.has(id)) throw new Error(`${at}: a second correction of ${o.dataset as string} "${o.row as string}" ${o.column as string}`);
    seen.add(id);
    return {
      dataset: o.dataset as string,
      row: o.row as string,
      column: o.column as string,
      upstream: o.upstream,
      value: o.value,
      citation: { title: c.title as string, url: c.url as string, says: c.says as string },
      date: o.date as string,
    };
  });
}

/** Reads and checks the corrections file. */
export function readCorrections(file = EPOCH_CORRECTIONS_FILE): Correction[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  return parseCorrections(json, path.basename(file));
}

/**
 * Applies the corrections of one dataset to its converted rows (a copy; the input is unchanged).
 * Rows are matched by key (scripts/row-keys.ts, on the first column), columns by key. A column
 * the dataset does not have is an error in the file; a row upstream no longer has, or a cell whose
 * upstream value is not the one the correction expects, drops that correction (reported).
 * Example: `applyCorrections("epoch-accelerators", out.columns, out.rows, readCorrections())`.
 */
export function applyCorrections(
  dataset: string,
  columns: readonly string[],
  rows: readonly CellValue[][],
  corrections: readonly Correction[]
): { rows: CellValue[][]; report: CorrectionsReport } {
  const out = rows.map((r) => r.slice());
  const report: CorrectionsReport = { applied: [], dropped: [] };
  const keys = rowKeys(rows);
  const byKey = new Map(keys.map((k, i) => [k, i]));
  for (const c of corrections) {
    if (c.dataset !== dataset) continue;
    const col = columns.indexOf(c.column);
    if (col < 0) throw new Error(`corrections: ${dataset} has no column "${c.column}" (columns: ${columns.join(", ")})`);
    const at = byKey.get(c.row);
    if (at === undefined) {
      report.dropped.push({ correction: c, found: null, reason: "the row is no longer upstream" });
      continue;
    }
    const found = out[at][col];
    if (found !== c.upstream) {
      report.dropped.push({ correction: c, found, reason: "upstream changed the value" });
      continue;
    }
    out[at][col] = c.value;
    report.applied.push(c);
  }
  return { rows: out, report };
}

/**
 * A converter's output with the dataset's corrections applied and reported (`corrected`), as the
 * converter writes it to src/data/generated/ and the updater publishes it.
 */
export function withCorrections<T extends { columns: string[]; rows: CellValue[][] }>(
  dataset: string,
  out: T,
  corrections: readonly Correction[]
): T & { corrected: CorrectionsReport } {
  const { rows, report } = applyCorrections(dataset, out.columns, out.rows, corrections);
  return { ...out, rows, corrected: report };
}
