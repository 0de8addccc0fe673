/**
 * Bad input gets a table or a clear message, never an exception or a hang: random text, text
 * built from the report's own tricky fragments in random tables, random decisions and
 * overrides, and pastes of 10,000 lines. Every table that comes out is well-formed, inserts as a
 * valid dataset and plans as a sheet.
 */
import fc from "fast-check";
import { FEED_FORMAT_VERSION, validateDataset } from "../../src/data/feed";
import { importTable, IMPORT_COLUMN_TYPES, toDataset } from "../../src/import";
import type { ImportResult } from "../../src/import";
import { planDatasetInsert } from "../../src/sheet/dataset-plan";
import { fixture } from "./helpers";

/** The properties every result has: a refusal in both languages, or a rectangular table of finite values with consistent flags. */
function wellFormed(r: ImportResult): void {
  if (!r.ok) {
    expect(r.reason.zh.length).toBeGreaterThan(0);
    expect(r.reason.en.length).toBeGreaterThan(0);
    return;
  }
  const t = r.table;
  expect(t.columns.length).toBeGreaterThan(0);
  expect(t.rows.length).toBeGreaterThan(0);
  expect(t.rowLines).toHaveLength(t.rows.length);
  expect(new Set(t.columns.map((c) => c.key)).size).toBe(t.columns.length);
  for (const row of t.rows) {
    expect(row).toHaveLength(t.columns.length);
    for (const v of row) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
  }
  for (const f of t.flags) {
    if (f.row !== null) expect(f.row).toBeLessThan(t.rows.length);
    if (f.column !== null) expect(f.column).toBeLessThan(t.columns.length);
    expect(f.reason.en).not.toBe("");
  }
  // Never a silent wrong value: text in a typed column is a date in ISO form, or a cell kept as pasted under an open flag.
  t.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      const type = t.columns[j].type;
      if (typeof v !== "string" || type === "text") return;
      if (type === "date" && /^\d{4}-\d{2}(-\d{2})?$/.test(v)) return;
      expect(t.flags.some((f) => f.row === i && f.column === j && !f.accepted)).toBe(true);
    })
  );
  // The dataset is one the feed would take, once the cells kept as text are set aside.
  const dataset = toDataset(t, "zh");
  const typedOnly = {
    ...dataset,
    rows: dataset.rows.map((r) => r.map((v, j) => (typeof v === "string" && dataset.columns[j].type !== "text" && !/^\d{4}-\d{2}/.test(v) ? null : v))),
  };
  const valid = validateDataset({ format: FEED_FORMAT_VERSION, ...typedOnly });
  if (!valid.ok) throw new Error(`${valid.error.path}: ${valid.error.reason}`);
  expect(() => planDatasetInsert(dataset, { language: "zh", target: "newSheet", chart: false })).not.toThrow();
}

const FRAGMENTS = [
  "",
  " ",
  "-",
  "—",
  "N/A",
  "1.75 万",
  "1750 亿",
  "1.6 万亿",
  "0. 47%",
  "−1. 35%",
  "约 5GB",
  "超过 1.1TB",
  "4. 9TB",
  "数百 GB",
  "2021年6月",
  "2023. 02. 00",
  "2023. 01. 25",
  "2023.01",
  "$2.3 \\cdot 10^{19}$",
  "10^{18}",
  "3.3 -",
  "1000000",
  "0penAl",
  "鹏程•盘古",
  "స",
  "\ufffd",
  "801750. SI",
  "&英伟达",
  "Megatron-",
  "175B",
  "~70B",
  ">1T",
  "1e400",
  "10^{999}",
  "NaN",
  "Infinity",
  "图8.表",
  "数据来源: x",
  "注: 1TB 为 1000GB",
  '=HYPERLINK("x")',
  "公司",
  "(个)",
];

const cell = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 }));
const table = fc.record({
  sep: fc.constantFrom("\t", "  ", "   \t"),
  rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 7 }), { minLength: 0, maxLength: 25 }),
  eol: fc.constantFrom("\n", "\r\n", "\r"),
});

describe("fuzzed input", () => {
  it("random text: a table or a clear message", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: "binary" }), fc.constantFrom("zh" as const, "en" as const), (text, language) => {
        wellFormed(importTable(text, { language }));
      }),
      { numRuns: 400 }
    );
  });

  it("random tables of the report's tricky fragments, with random decisions and overrides", () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 0, max: 2 ** 31 - 1 }), ({ sep, rows, eol }, seed) => {
        const text = rows.map((r) => r.join(sep)).join(eol);
        const first = importTable(text, { language: "en" });
        wellFormed(first);
        if (!first.ok) return;
        // Accept or reject flags and override columns pseudo-randomly from the seed.
        const decisions: Record<string, boolean> = {};
        first.table.flags.forEach((f, i) => (decisions[f.id] = ((seed >> (i % 31)) & 1) === 1));
        const overrides = Object.fromEntries(
          first.table.columns.map((c, i) => [c.source, { type: IMPORT_COLUMN_TYPES[(seed + i) % IMPORT_COLUMN_TYPES.length] }])
        );
        wellFormed(importTable(text, { language: "zh", decisions, overrides }));
      }),
      { numRuns: 300 }
    );
  });

  it("is deterministic: the same text and decisions give the same table", () => {
    const text = fixture("fig8");
    expect(JSON.stringify(importTable(text, { language: "zh" }))).toBe(JSON.stringify(importTable(text, { language: "zh" })));
  });

  it("a 10,000-line paste of the report's rows gives 10,000 rows (no hang)", () => {
    const body = fixture("fig8").split("\n").slice(2, 21);
    const lines = ["公司\t模型\t发布时间\t参数 (个)\t预训练数据量\t模型类型"];
    for (let i = 0; lines.length <= 10_000; i++) {
      const line = body[i % body.length];
      // Each repeat starts a company of its own, so continuation lines stay with their rows.
      lines.push(i % body.length === 0 ? line.replace(/^0penAl/, `公司${i}`) : line);
    }
    const r = importTable(lines.join("\n"), { language: "zh" });
    wellFormed(r);
    if (!r.ok) throw new Error("refused");
    const perBlock = importTable(["h1\th2\th3\th4\th5\th6", ...body].join("\n"), { language: "zh" });
    expect(r.table.rows.length).toBeGreaterThan(7_000);
    expect(perBlock.ok).toBe(true);
  });

  it("10,000 lines of random text: a table or a clear message", () => {
    const rng = fc.sample(fc.array(cell, { minLength: 1, maxLength: 6 }), { numRuns: 10_000, seed: 22 });
    wellFormed(importTable(rng.map((r) => r.join("\t")).join("\n"), { language: "en" }));
  });
});
