/**
 * Corrections of upstream cells: known errors in Epoch AI's rows, each with its citation, kept in
 * the repository (data/corrections/epoch.json, format in data/corrections/README.md) and applied
 * after conversion by the converter (scripts/convert-epoch.mjs) and the updater
 * (scripts/update-data.ts). This module holds the shapes and the note lines a dataset shows; the
 * reading and applying are in scripts/corrections.ts.
 */
import type { CellValue } from "./types";

/** Where a corrected figure comes from: what an analyst would cite. */
export interface CorrectionCitation {
  /** Publisher and title, e.g. "NVIDIA, 'NVIDIA Supercharges Hopper…' (press release, 2023-11-13)". */
  title: string;
  /** https URL of the page or document. */
  url: string;
  /** What it says that supports the corrected value. */
  says: string;
}

/** One corrected cell of one upstream row. */
export interface Correction {
  /** Dataset id, e.g. "epoch-accelerators". */
  dataset: string;
  /** Row key as the updater keys rows (scripts/row-keys.ts): the key column's text, "#2" for a repeat. */
  row: string;
  /** Column key, e.g. "tensor16_flops". */
  column: string;
  /** The converted upstream value this corrects; when upstream no longer has it, the correction is dropped. */
  upstream: CellValue;
  /** The corrected value, in the column's unit (FLOP/s, GB, ISO date, …). */
  value: CellValue;
  citation: CorrectionCitation;
  /** ISO date the correction was recorded (its citation checked). */
  date: string;
}

/** A correction that was not applied, and why (upstream changed the value, or the row is gone). */
export interface DroppedCorrection {
  correction: Correction;
  /** What upstream has now (null for a blank cell or a missing row). */
  found: CellValue;
  reason: string;
}

/** What applying the corrections file did to one dataset. */
export interface CorrectionsReport {
  applied: Correction[];
  dropped: DroppedCorrection[];
}

const show = (v: CellValue): string => (v === null ? "blank" : typeof v === "string" ? `"${v}"` : String(v));

/** The dataset's note lines for a report: one per applied and per dropped correction. */
export function correctionNotes(report: CorrectionsReport | undefined): string[] {
  if (!report) return [];
  return [
    ...report.applied.map(
      (c) =>
        `Correction of Epoch AI's row "${c.row}", ${c.column}: ${show(c.upstream)} → ${show(c.value)}. ${c.citation.title} (${c.citation.url}): ${c.citation.says} ` +
        `(data/corrections/epoch.json, recorded ${c.date}).`
    ),
    ...report.dropped.map(
      (d) =>
        `Correction not applied to "${d.correction.row}", ${d.correction.column}: ${d.reason} (expected ${show(d.correction.upstream)}, upstream has ${show(d.found)}); ` +
        `the upstream value is shown until data/corrections/epoch.json is reviewed.`
    ),
  ];
}
