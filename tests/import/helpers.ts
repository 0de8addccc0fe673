/** Reading the test fixtures and importing them with every flag accepted (as an analyst who agrees with each proposal). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importTable } from "../../src/import";
import type { ImportedTable, ImportOptions } from "../../src/import";

export type Figure = "fig1" | "fig4" | "fig8" | "fig9";

/** The figure's text exactly as the PDF extraction gives it (tests/import/fixtures/README.md). */
export function fixture(name: Figure): string {
  return readFileSync(join(__dirname, "fixtures", `${name}.txt`), "utf8");
}

/** Imports, throwing the refusal's reason when there is one. */
export function imported(text: string, options: Partial<ImportOptions> = {}): ImportedTable {
  const r = importTable(text, { language: "zh", ...options });
  if (!r.ok) throw new Error(`not imported: ${r.reason.en}`);
  return r.table;
}

/** Imports with every flag accepted, re-reading until no new flag appears (accepting a join removes a row and its flags). */
export function allAccepted(text: string, options: Partial<ImportOptions> = {}): ImportedTable {
  const decisions: Record<string, boolean> = {};
  let table = imported(text, options);
  for (let pass = 0; pass < 5; pass++) {
    const open = table.flags.filter((f) => decisions[f.id] === undefined);
    if (open.length === 0) return table;
    for (const f of open) decisions[f.id] = true;
    table = imported(text, { ...options, decisions: { ...decisions } });
  }
  throw new Error("flags kept appearing after 5 passes");
}

/** A column's cells by the column's name. */
export function columnOf(table: ImportedTable, name: string): unknown[] {
  const i = table.columns.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`no column "${name}" among ${table.columns.map((c) => c.name).join(", ")}`);
  return table.rows.map((r) => r[i]);
}

/** Numbers within 1e-12 relative, anything else strictly equal. */
export function expectSameCell(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Math.abs(actual - expected) > 1e-12 * Math.max(Math.abs(expected), Math.abs(actual)))
      throw new Error(`${where}: ${actual} ≠ ${expected} (beyond 1e-12 relative)`);
    return;
  }
  if (actual !== expected) throw new Error(`${where}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
}
