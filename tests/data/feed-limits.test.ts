/**
 * Feed limits that match what an insert can write (issue 21 item 7): the note lines under a
 * table are built from several fields and written one per cell, so the validator checks the
 * lines themselves, in both languages; and one version grammar for the validator and the parser.
 */
import fc from "fast-check";
import { DATASETS } from "../../src/data/catalog";
import { buildFeed } from "../../src/data/feed-build";
import { EXCEL_MAX_CELL_CHARS, MAX_NOTE_BLOCK_CHARS, validateCatalog, validateDataset, CATALOG_FILE, type FeedCatalog } from "../../src/data/feed";
import { datasetNoteLines } from "../../src/data/note-lines";
import { parseVersion, VERSION_PATTERN } from "../../src/data/semver";
import { planDatasetInsert } from "../../src/sheet/dataset-plan";
import type { Dataset } from "../../src/data/types";

const files = buildFeed(DATASETS, "2025-06-20T00:00:00.000Z");
const datasetJson = (id: string): Record<string, unknown> & { notes: string[]; source: { text: string; url?: string }[] } =>
  JSON.parse(files.get(`${id}.json`)!) as Record<string, unknown> & { notes: string[]; source: { text: string; url?: string }[] };
const said = (r: { ok: true } | { ok: false; error: { message: string } }): string => (r.ok ? "valid" : r.error.message);

describe("note lines: what an insert writes under the table must fit a cell", () => {
  test("two notes each within a cell but over it when joined are refused, naming the notes line and its length", () => {
    const d = datasetJson("coverage");
    d.notes = ["a".repeat(20_000), "b".repeat(20_000)];
    expect(said(validateDataset(d))).toMatch(
      /^notes: the notes line \(every note, joined\) written under the table would be 40,0\d\d characters \(en\), over Excel's 32,767 per cell$/
    );
  });

  test("source lines joined with the as-of date, id and version are checked the same way", () => {
    const d = datasetJson("coverage");
    d.source = [{ text: "s".repeat(17_000) }, { text: "t".repeat(17_000) }];
    expect(said(validateDataset(d))).toMatch(
      /^source: the source line \(sources, as-of, id and version\) written under the table would be 34,\d{3} characters \(en\)/
    );
  });

  test(`the lines together stay within ${MAX_NOTE_BLOCK_CHARS.toLocaleString("en-US")} characters (the table's record keeps a copy, and a file keeps the record in one cell)`, () => {
    const d = datasetJson("coverage");
    d.notes = ["n".repeat(MAX_NOTE_BLOCK_CHARS)];
    expect(said(validateDataset(d))).toMatch(
      /^notes: the note lines written under the table are 16,\d{3} characters together \(en, as the table's record keeps them\), over 16,384$/
    );
  });

  test("what the validator accepts, an insert writes: every line of every bundled dataset, and of a dataset at the limit, fits a cell", () => {
    const d = datasetJson("coverage");
    const block = (language: "en" | "zh"): number => JSON.stringify(datasetNoteLines({ ...(d as unknown as Dataset), notes: ["x"] }, language)).length;
    const room = MAX_NOTE_BLOCK_CHARS + 1 - Math.max(block("en"), block("zh"));
    d.notes = ["x".repeat(room)];
    expect(said(validateDataset(d))).toBe("valid");
    for (const ds of [...DATASETS, d as unknown as Dataset]) {
      for (const language of ["en", "zh"] as const) {
        const plan = planDatasetInsert(ds, { language, target: "newSheet", chart: false });
        for (const line of plan.notes?.lines ?? []) expect(line.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_CHARS);
      }
    }
  });
});

describe("one version grammar for the validator and parseVersion", () => {
  test('"01.002.0003" and a part over 15 digits are refused by both; "1.2.3" is accepted by both', () => {
    const d = datasetJson("coverage");
    for (const bad of ["01.002.0003", "1.02.3", "1.2.9999999999999999", "1.2"]) {
      d.version = bad;
      expect(parseVersion(bad)).toBeNull();
      expect(said(validateDataset(d))).toMatch(/^version: version must look like 1\.2\.3/);
    }
    d.version = "1.2.3";
    expect(validateDataset(d).ok).toBe(true);
    const catalog = JSON.parse(files.get(CATALOG_FILE)!) as FeedCatalog;
    catalog.datasets[0].version = "01.0.0";
    expect(validateCatalog(catalog).ok).toBe(false);
  });

  test("for any string, the validator accepts a version exactly when parseVersion reads it", () => {
    const part = fc.oneof(fc.constantFrom("0", "00", "01", "1", "10", "999999999999999", "9999999999999999"), fc.nat().map(String));
    const versions = fc.oneof(
      fc.tuple(part, part, part).map((p) => p.join(".")),
      fc.string()
    );
    const d = datasetJson("coverage");
    fc.assert(
      fc.property(versions, (v) => {
        d.version = v;
        return validateDataset(d).ok === (parseVersion(v) !== null) && VERSION_PATTERN.test(v) === (parseVersion(v) !== null);
      })
    );
  });

  test("every part parseVersion accepts is a safe integer", () => {
    expect(parseVersion("999999999999999.0.0")).toEqual({ major: 999_999_999_999_999, minor: 0, patch: 0 });
    expect(Number.isSafeInteger(999_999_999_999_999)).toBe(true);
  });
});
