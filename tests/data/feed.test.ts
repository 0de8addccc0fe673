import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import { DATASETS } from "../../src/data/catalog";
import { buildFeed, feedJsonSchema } from "../../src/data/feed-build";
import {
  EXCEL_MAX_CELL_CHARS,
  MAX_FEED_ROWS,
  QUOTE_MAX_CHARS,
  CATALOG_FILE,
  catalogEntryOf,
  FEED_FORMAT_VERSION,
  matchCatalogEntry,
  MAX_FEED_BYTES,
  parseFeedText,
  SCHEMA_FILE,
  utf8Length,
  validateCatalog,
  validateDataset,
  type FeedCatalog,
} from "../../src/data/feed";
import type { Dataset } from "../../src/data/types";

const GENERATED_AT = "2025-06-20T00:00:00.000Z";
const files = buildFeed(DATASETS, GENERATED_AT);
const catalogJson = (): FeedCatalog => JSON.parse(files.get(CATALOG_FILE)!) as FeedCatalog;
const datasetJson = (id: string): Record<string, unknown> & { rows: unknown[][]; columns: Record<string, unknown>[] } =>
  JSON.parse(files.get(`${id}.json`)!) as Record<string, unknown> & { rows: unknown[][]; columns: Record<string, unknown>[] };

/** The error message, or "valid": one string to compare, so a failure shows what was said. */
const said = (r: { ok: true } | { ok: false; error: { message: string } }): string => (r.ok ? "valid" : r.error.message);

describe("buildFeed", () => {
  test("writes catalog.json, one <id>.json per dataset and feed.schema.json", () => {
    expect([...files.keys()].sort()).toEqual([CATALOG_FILE, SCHEMA_FILE, ...DATASETS.map((d) => `${d.id}.json`)].sort());
  });

  test("the catalog lists every dataset with its row count and href", () => {
    const c = catalogJson();
    expect(c.format).toBe(FEED_FORMAT_VERSION);
    expect(c.generatedAt).toBe(GENERATED_AT);
    expect(c.datasets.map((e) => [e.id, e.rowCount, e.href])).toEqual(DATASETS.map((d) => [d.id, d.rows.length, `${d.id}.json`]));
    expect(said(validateCatalog(c))).toBe("valid");
  });

  test.each(DATASETS.map((d) => [d.id, d] as const))("%s.json round-trips to the same dataset", (id, d) => {
    const r = validateDataset(datasetJson(id));
    expect(said(r)).toBe("valid");
    if (!r.ok) return;
    const { format, ...back } = r.value;
    expect(format).toBe(FEED_FORMAT_VERSION);
    expect(back).toEqual(JSON.parse(JSON.stringify(d)));
    expect(matchCatalogEntry(catalogEntryOf(d), back)).toBeNull();
  });

  test("throws on an invalid dataset or a repeated id (a build bug, not a user error)", () => {
    const bad: Dataset = { ...DATASETS[0], rows: [[1]] };
    expect(() => buildFeed([bad], GENERATED_AT)).toThrow(/datasets\[0\]\.rows\[0\]: expected 7 cells, got 1/);
    expect(() => buildFeed([DATASETS[0], DATASETS[0]], GENERATED_AT)).toThrow(/duplicate dataset id "index-performance"/);
  });
});

describe("feedJsonSchema", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  ajv.addFormat("uri", (s: string) => /^https?:\/\//.test(s));
  ajv.addFormat("date-time", (s: string) => !Number.isNaN(Date.parse(s)));
  const schema = JSON.parse(files.get(SCHEMA_FILE)!) as Record<string, unknown>;
  const validate = ajv.compile(schema);

  test("is the same schema feedJsonSchema() returns", () => {
    expect(schema).toEqual(feedJsonSchema());
  });

  test("accepts the built catalog and every dataset file", () => {
    expect(validate(catalogJson())).toBe(true);
    for (const d of DATASETS) expect({ id: d.id, ok: validate(datasetJson(d.id)) }).toEqual({ id: d.id, ok: true });
  });

  test("rejects a catalog without datasets and a dataset with a non-cell value", () => {
    const { datasets: _gone, ...noDatasets } = catalogJson();
    void _gone;
    expect(validate(noDatasets)).toBe(false);
    const d = datasetJson("accelerators");
    d.rows[0][0] = { nested: true };
    expect(validate(d)).toBe(false);
  });
});

describe("validateCatalog refuses broken catalogs with the first bad path", () => {
  test("missing field", () => {
    const c = catalogJson() as unknown as Record<string, unknown>;
    delete c.generatedAt;
    expect(said(validateCatalog(c))).toBe("generatedAt: required field is missing");
  });

  test("missing field inside an entry", () => {
    const c = catalogJson() as unknown as { datasets: Record<string, unknown>[] };
    delete c.datasets[3].rowCount;
    expect(said(validateCatalog(c))).toBe("datasets[3].rowCount: required field is missing");
  });

  test("wrong type", () => {
    const c = catalogJson() as unknown as { datasets: Record<string, unknown>[] };
    c.datasets[1].rowCount = "10";
    expect(said(validateCatalog(c))).toBe("datasets[1].rowCount: Invalid input: expected number, received string");
  });

  test("duplicate dataset id", () => {
    const c = catalogJson();
    c.datasets[2] = { ...c.datasets[2], id: c.datasets[0].id };
    expect(said(validateCatalog(c))).toBe('datasets[2].id: duplicate dataset id "index-performance"');
  });

  test("duplicate column key in an entry", () => {
    const c = catalogJson();
    c.datasets[0].columns[1] = { ...c.datasets[0].columns[1], key: "code" };
    expect(said(validateCatalog(c))).toBe('datasets[0].columns[1].key: duplicate column key "code"');
  });

  test("another format version", () => {
    const c = { ...catalogJson(), format: 2 };
    expect(said(validateCatalog(c))).toBe(`format: unsupported feed format 2: this add-in reads format ${FEED_FORMAT_VERSION}`);
  });

  test("an href that leaves the feed's directory or host", () => {
    for (const href of ["https://evil.example/x.json", "../secrets.json", "sub/x.json"]) {
      const c = catalogJson();
      c.datasets[0] = { ...c.datasets[0], href };
      expect(said(validateCatalog(c))).toBe('datasets[0].href: href must be a file name like "<id>.json"');
    }
  });

  test("not an object at all", () => {
    expect(said(validateCatalog([]))).toMatch(/^\(root\): .*expected object/);
    expect(said(validateCatalog(null))).toMatch(/^\(root\): /);
  });
});

describe("validateDataset refuses broken dataset files with the first bad path", () => {
  test("wrong row width (named with the feed's dataset index)", () => {
    const d = datasetJson("index-performance");
    d.rows[5] = d.rows[5].slice(0, 6);
    expect(said(validateDataset(d, "datasets[2]"))).toBe("datasets[2].rows[5]: expected 7 cells, got 6");
    expect(said(validateDataset(d))).toBe("rows[5]: expected 7 cells, got 6");
  });

  test("text in a number column", () => {
    const d = datasetJson("index-performance");
    d.rows[1][3] = "-0. 08%";
    expect(said(validateDataset(d))).toBe('rows[1][3]: column "change_5d": expected a finite number, got "-0. 08%"');
  });

  test("text over Excel's 32,767 characters per cell is refused, naming the dataset, row and column, quoting 80 characters", () => {
    const d = datasetJson("coverage");
    d.rows[3][1] = "x".repeat(EXCEL_MAX_CELL_CHARS + 1);
    const message = said(validateDataset(d, "datasets[6]"));
    expect(message).toMatch(
      /^datasets\[6\]\.rows\[3\]\[1\]: dataset "coverage", row 4, column "[a-z_]+": text of 32,768 characters is over Excel's 32,767 per cell: "x+… \(32,770 characters\)$/
    );
    const quoted = /: ("x+…)/.exec(message)?.[1] ?? "";
    expect(quoted.length).toBe(QUOTE_MAX_CHARS);
    d.rows[3][1] = "x".repeat(EXCEL_MAX_CELL_CHARS); // exactly the limit fits
    expect(validateDataset(d).ok).toBe(true);
  });

  test("more rows than a sheet holds below its header is refused", () => {
    const d = datasetJson("coverage");
    const row = d.rows[0];
    d.rows = Array.from({ length: MAX_FEED_ROWS + 1 }, () => row);
    expect(said(validateDataset(d))).toBe('rows: dataset "coverage" has 1,048,576 rows; a sheet holds 1,048,575 below its header row');
    expect(MAX_FEED_ROWS).toBe(1_048_575);
  });

  test("a long bad value is quoted in at most 80 characters", () => {
    const d = datasetJson("index-performance");
    d.rows[1][3] = "9".repeat(500) + "%";
    const message = said(validateDataset(d));
    expect(message).toContain("(503 characters)");
    expect(message.length).toBeLessThan(200);
  });

  test("a declared row key must name one of the columns", () => {
    const d = datasetJson("coverage");
    d.key = "isin";
    expect(said(validateDataset(d))).toBe('key: key "isin" is not one of the columns');
    d.key = "ticker";
    expect(validateDataset(d).ok).toBe(true);
  });

  test("a number in a text column", () => {
    const d = datasetJson("coverage");
    d.rows[0][4] = 688787;
    expect(said(validateDataset(d))).toBe('rows[0][4]: column "ticker": expected text, got number');
  });

  test("dates and months must be ISO and real", () => {
    const d = datasetJson("tech-moves");
    d.rows[0][2] = "2023-02-30";
    expect(said(validateDataset(d))).toBe('rows[0][2]: column "date": expected an ISO date YYYY-MM-DD, got "2023-02-30"');
    const m = datasetJson("tech-moves");
    m.rows[0][3] = "2023. 01";
    expect(said(validateDataset(m))).toBe('rows[0][3]: column "month": expected an ISO month YYYY-MM, got "2023. 01"');
  });

  test("whole numbers in integer columns, no booleans anywhere", () => {
    const d = datasetJson("accelerators");
    d.rows[0][9] = 2017.5;
    expect(said(validateDataset(d))).toBe('rows[0][9]: column "year": expected a whole number, got 2017.5');
    const b = datasetJson("accelerators");
    b.rows[0][1] = true;
    expect(said(validateDataset(b))).toBe('rows[0][1]: column "name": expected text, got boolean');
  });

  test("an object where a cell should be", () => {
    const d = datasetJson("accelerators");
    d.rows[2][0] = { v: 1 };
    expect(said(validateDataset(d))).toBe("rows[2][0]: expected text, a number or null, got object");
  });

  test("duplicate column key", () => {
    const d = datasetJson("coverage");
    d.columns[2] = { ...d.columns[2], key: "segment_zh" };
    expect(said(validateDataset(d))).toBe('columns[2].key: duplicate column key "segment_zh"');
  });

  test("missing source, empty source list, missing format", () => {
    const a = datasetJson("coverage");
    delete a.source;
    expect(said(validateDataset(a))).toBe("source: required field is missing");
    const b = datasetJson("coverage");
    b.source = [];
    expect(said(validateDataset(b))).toBe("source: at least one source line is required");
    const c = datasetJson("coverage");
    delete c.format;
    expect(said(validateDataset(c))).toMatch(/^format: unsupported feed format undefined/);
  });

  test("a column type the add-in does not know", () => {
    const d = datasetJson("coverage");
    d.columns[0] = { ...d.columns[0], type: "boolean" };
    expect(said(validateDataset(d))).toMatch(/^columns\[0\]\.type: /);
  });

  test("never half-accepts: one bad cell among thousands refuses the whole file, with no value", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ["m" + i, i]);
    rows[4321][1] = "NaN";
    const d = {
      format: FEED_FORMAT_VERSION,
      id: "x",
      version: "1.0.0",
      title: { zh: "x", en: "x" },
      description: "x",
      source: [{ text: "x" }],
      asOf: "2023",
      notes: [],
      columns: [
        { key: "name", header: { zh: "n", en: "n" }, type: "text", unit: "", numberFormat: "@" },
        { key: "n", header: { zh: "n", en: "n" }, type: "number", unit: "", numberFormat: "0" },
      ],
      rows,
    };
    const r = validateDataset(d);
    expect(said(r)).toBe('rows[4321][1]: column "n": expected a finite number, got "NaN"');
    expect("value" in r).toBe(false);
  });
});

describe("matchCatalogEntry", () => {
  test("a dataset file that is not what the catalog announced", () => {
    const d = DATASETS[1];
    const entry = catalogEntryOf(d);
    expect(matchCatalogEntry({ ...entry, version: "2.0.0" }, d, "datasets[1]")?.message).toBe(
      "datasets[1].version: expected 2.0.0 (from the catalog), got 1.0.0"
    );
    expect(matchCatalogEntry({ ...entry, rowCount: 3 }, d)?.message).toBe(`rows: expected 3 rows (from the catalog), got ${d.rows.length}`);
  });
});

describe("parseFeedText", () => {
  test("a 50 MB feed is refused before parsing, with a clear message", () => {
    const big = "[" + " ".repeat(50 * 1024 * 1024 - 2) + "]";
    const r = parseFeedText(big);
    expect(said(r)).toBe("(root): feed is 50.0 MB, over the 20.0 MB limit; refused without parsing");
    expect(r.ok ? null : r.error.code).toBe("tooLarge");
  });

  test("the limit counts UTF-8 bytes: 7 million Chinese characters (21 MB) are refused", () => {
    const s = '"' + "算".repeat(7_000_000) + '"';
    expect(s.length).toBeLessThan(MAX_FEED_BYTES);
    expect(said(parseFeedText(s))).toMatch(/^\(root\): feed is 20\.0 MB, over the 20\.0 MB limit/);
  });

  test("a feed at the limit is parsed", () => {
    const s = JSON.stringify("a".repeat(1000));
    expect(parseFeedText(s, utf8Length(s))).toEqual({ ok: true, value: "a".repeat(1000) });
    expect(parseFeedText(s, utf8Length(s) - 1).ok).toBe(false);
  });

  test("text that is not JSON", () => {
    const r = parseFeedText('{"format": 1,');
    expect(said(r)).toMatch(/^\(root\): not valid JSON/);
    expect(r.ok ? null : r.error.code).toBe("syntax");
  });

  test("utf8Length equals Buffer.byteLength for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => utf8Length(s) === Buffer.byteLength(s, "utf8")),
      { numRuns: 500 }
    );
  });
});
