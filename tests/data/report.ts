/**
 * Reads the verbatim excerpts of the report's PDF extraction (fixtures/report-excerpts.txt),
 * so tests compare each dataset with the report's own text rather than with a copy of it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const TEXT = readFileSync(join(__dirname, "fixtures", "report-excerpts.txt"), "utf8");

/** The lines of one "## <name> (...)" section of the fixture. */
export function reportSection(name: string): string[] {
  const lines = TEXT.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`## ${name} `));
  if (start < 0) throw new Error(`no section ${name} in report-excerpts.txt`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Cells of a tab-separated extraction line (positions kept, so an empty cell stays ""). */
export const cells = (line: string): string[] => line.split("\t");

/**
 * The report's "0. 47%" / "−1. 35%" as a decimal (0.0047, -0.0135): drops the extraction's
 * spaces and reads U+2212 as a minus. Throws on anything else, so a new garbling is noticed.
 */
export function reportPercent(s: string): number {
  const t = s.replace(/\s+/g, "").replace(/\u2212/g, "-");
  if (!/^-?\d+(\.\d+)?%$/.test(t)) throw new Error(`not a percentage: ${JSON.stringify(s)}`);
  return Number(t.slice(0, -1)) / 100;
}

/** "1750 亿" → 1.75e11, "1.6 万亿" → 1.6e12, "1.75 万" → 17500 (read literally). */
export function chineseCount(s: string): number {
  const m = /^([\d.]+)\s*(万亿|亿|万)$/.exec(s.trim());
  if (m === null) throw new Error(`not a Chinese count: ${JSON.stringify(s)}`);
  const unit = { 万亿: 1e12, 亿: 1e8, 万: 1e4 }[m[2] as "万亿" | "亿" | "万"];
  return Number(m[1]) * unit;
}

/** Relative difference, for comparing a parsed figure with a stored one. */
export const relDiff = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
