/**
 * Checks every dataset module: valid by the feed's own validator, sourced, noted, formatted
 * by column type, and equal to its reviewed golden fixture.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DATASETS } from "../../src/data/catalog";
import { epochModels } from "../../src/data/datasets/epoch-models";
import { validateDataset, FEED_FORMAT_VERSION } from "../../src/data/feed";
import type { Dataset } from "../../src/data/types";

const ALL: Dataset[] = [...DATASETS, epochModels];
const golden = (id: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, "fixtures", `${id}.golden.json`), "utf8")) as unknown;

/** The number format analysts expect for each column type (DESIGN.md conventions). */
const FORMATS_BY_TYPE: Record<string, RegExp> = {
  text: /^@$/,
  percent: /^0\.0+%$/,
  flop: /^0\.00E\+00$/,
  flops: /^0\.00E\+00$/,
  date: /^yyyy-mm-dd$/,
  month: /^yyyy-mm$/,
  params: /^(#,##0|0\.00E\+00)$/,
  bytes: /^(#,##0|0\.00E\+00)$/,
  integer: /^(0|#,##0)$/,
  number: /.+/,
  currency: /^#,##0(\.00)?$/,
};

describe.each(ALL.map((d) => [d.id, d] as const))("dataset %s", (_id, d) => {
  test("passes the feed validator", () => {
    const r = validateDataset({ format: FEED_FORMAT_VERSION, ...d });
    expect(r.ok ? "valid" : r.error.message).toBe("valid");
  });

  test("has a source line, notes, a version and an as-of", () => {
    expect(d.source.length).toBeGreaterThan(0);
    for (const s of d.source) {
      expect(s.text.trim()).not.toBe("");
      if (s.url !== undefined) expect(s.url).toMatch(/^https:\/\//);
    }
    expect(d.notes.length).toBeGreaterThan(0);
    expect(d.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(d.asOf).toMatch(/^\d{4}(-\d{2}){0,2}(\/\d{4}-\d{2}-\d{2})?$/);
    expect(d.title.zh.trim()).not.toBe("");
    expect(d.title.en.trim()).not.toBe("");
  });

  test("columns have snake_case keys, both headers and the number format of their type", () => {
    for (const c of d.columns) {
      expect(c.key).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(c.header.zh).not.toBe("");
      expect(c.header.en).not.toBe("");
      expect({ key: c.key, format: c.numberFormat }).toEqual({ key: c.key, format: expect.stringMatching(FORMATS_BY_TYPE[c.type]) });
    }
  });

  test("no column is entirely blank", () => {
    d.columns.forEach((c, i) => {
      expect({ column: c.key, filled: d.rows.some((r) => r[i] !== null) }).toEqual({ column: c.key, filled: true });
    });
  });

  test("text cells have no stray whitespace or PDF bullets", () => {
    for (const r of d.rows) {
      for (const v of r) {
        if (typeof v !== "string") continue;
        expect(v).toBe(v.trim());
        expect(v).not.toMatch(/\u2022|\u2212|\t|\n/);
      }
    }
  });
});

describe("golden fixtures", () => {
  test.each(DATASETS.map((d) => [d.id, d] as const))("%s equals tests/data/fixtures/<id>.golden.json", (id, d) => {
    expect(JSON.parse(JSON.stringify(d))).toEqual(golden(id));
  });

  test("epoch-models metadata, row count and sample rows equal the golden summary", () => {
    const g = golden("epoch-models") as {
      rowCount: number;
      firstRows: unknown[];
      lastRow: unknown;
      selectedRows: Record<string, unknown>;
    };
    const d = epochModels;
    const summary = {
      id: d.id,
      version: d.version,
      source: d.source,
      asOf: d.asOf,
      license: d.license,
      notes: d.notes,
      columns: d.columns,
      rowCount: d.rows.length,
      firstRows: d.rows.slice(0, 3),
      lastRow: d.rows[d.rows.length - 1],
      selectedRows: Object.fromEntries(Object.keys(g.selectedRows).map((n) => [n, d.rows.find((r) => r[0] === n)])),
    };
    expect(JSON.parse(JSON.stringify(summary))).toEqual(g);
  });
});

describe("row counts", () => {
  const expected: Record<string, number> = {
    "index-performance": 7, // computer index + 6 indices (图1)
    "transformer-cost": 10, // Table 2 of the paper
    "llm-comparison": 15, // 图8: OpenAI 4, Google 3, Microsoft & NVIDIA, Baidu, Alibaba 2, Inspur, BAAI, Huawei, Tencent
    "tech-moves": 9, // 图9
    "ai-compute-trend": 9, // 8 milestones in the post + AlphaGo Zero
    "china-compute": 11,
    coverage: 14, // 投资建议: 1 + 6 + 6 + 1
    accelerators: 23, // 13 + 10 chips of 2023-2025 (issue 11)
    "epoch-models": 1892, // the CSV snapshot's records
  };
  test.each(ALL.map((d) => [d.id, d.rows.length] as const))("%s has %i rows", (id, n) => {
    expect(n).toBe(expected[id]);
  });
});
