/**
 * The corrections file (data/corrections/epoch.json) and how it is applied (scripts/corrections.ts).
 */
import { applyCorrections, parseCorrections, readCorrections } from "../../scripts/corrections";
import type { Correction } from "../../src/data/corrections";
import { correctionNotes } from "../../src/data/corrections";

const citation = { title: "Vendor, datasheet", url: "https://example.com/datasheet.pdf", says: "Peak BF16: 432 TFLOPs" };
const correction = (over: Partial<Correction> = {}): Correction => ({
  dataset: "epoch-accelerators",
  row: "Chip A",
  column: "tensor16_flops",
  upstream: 450e12,
  value: 432e12,
  citation,
  date: "2026-12-06",
  ...over,
});
const columns = ["name", "tensor16_flops", "release_date"];

describe("the corrections file", () => {
  test("the committed file is valid: each correction has its dataset, row, column, upstream and corrected value, a citation (title, https URL, what it says) and a date", () => {
    const all = readCorrections();
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const c of all) {
      expect(c.dataset).toMatch(/^epoch-(accelerators|models)$/);
      expect(c.citation.url).toMatch(/^https:\/\//);
      expect(c.citation.title.length).toBeGreaterThan(10);
      expect(c.citation.says.length).toBeGreaterThan(20);
      expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.value).not.toEqual(c.upstream);
    }
  });

  test.each([
    [{ corrections: {} }, /expected \{ "corrections": \[ … \] \}/],
    [{ corrections: [{ ...correction(), row: "" }] }, /corrections\[0\]\.row: expected text/],
    [{ corrections: [{ ...correction(), date: "6 Dec 2026" }] }, /corrections\[0\]\.date: expected an ISO date/],
    [{ corrections: [{ ...correction(), citation: { ...citation, url: "http://example.com" } }] }, /citation\.url: expected an https URL/],
    [{ corrections: [{ ...correction(), citation: { title: "t", url: "https://x.y" } }] }, /citation\.says: expected text/],
    [{ corrections: [{ ...correction(), value: 450e12 }] }, /value equals upstream/],
    [{ corrections: [{ ...correction(), value: { n: 1 } }] }, /value: expected the corrected cell/],
    [{ corrections: [correction(), correction()] }, /corrections\[1\]: a second correction of epoch-accelerators "Chip A" tensor16_flops/],
  ])("refuses %j", (json, message) => {
    expect(() => parseCorrections(json, "epoch.json")).toThrow(message);
  });
});

describe("applyCorrections", () => {
  const rows = [
    ["Chip A", 450e12, "2024-01-01"],
    ["Chip B", 100e12, "2023-01-01"],
    ["Chip B", 200e12, "2023-06-01"],
  ];

  test("corrects the cell whose upstream value is the one expected, in a copy; rows are found by key (a repeat as 'Name #2')", () => {
    const { rows: out, report } = applyCorrections("epoch-accelerators", columns, rows, [
      correction(),
      correction({ row: "Chip B #2", upstream: 200e12, value: 210e12 }),
    ]);
    expect(out.map((r) => r[1])).toEqual([432e12, 100e12, 210e12]);
    expect(rows[0][1]).toBe(450e12); // the input is unchanged
    expect(report.applied.map((c) => c.row)).toEqual(["Chip A", "Chip B #2"]);
    expect(report.dropped).toEqual([]);
  });

  test("drops (and reports) a correction whose upstream value changed or whose row is gone; ignores other datasets'", () => {
    const changed = correction({ upstream: 449e12 });
    const gone = correction({ row: "Chip Z" });
    const other = correction({ dataset: "epoch-models", column: "parameters" });
    const { rows: out, report } = applyCorrections("epoch-accelerators", columns, rows, [changed, gone, other]);
    expect(out).toEqual(rows);
    expect(report).toEqual({
      applied: [],
      dropped: [
        { correction: changed, found: 450e12, reason: "upstream changed the value" },
        { correction: gone, found: null, reason: "the row is no longer upstream" },
      ],
    });
    expect(correctionNotes(report)).toEqual([
      'Correction not applied to "Chip A", tensor16_flops: upstream changed the value (expected 449000000000000, upstream has 450000000000000); the upstream value is shown until data/corrections/epoch.json is reviewed.',
      'Correction not applied to "Chip Z", tensor16_flops: the row is no longer upstream (expected 450000000000000, upstream has blank); the upstream value is shown until data/corrections/epoch.json is reviewed.',
    ]);
  });

  test("a column the dataset does not have is an error in the file, not a silent skip", () => {
    expect(() => applyCorrections("epoch-accelerators", columns, rows, [correction({ column: "fp64_flops" })])).toThrow(
      /epoch-accelerators has no column "fp64_flops"/
    );
  });

  test("an applied correction's note names the row, the change and the citation", () => {
    expect(correctionNotes({ applied: [correction()], dropped: [] })).toEqual([
      'Correction of Epoch AI\'s row "Chip A", tensor16_flops: 450000000000000 → 432000000000000. Vendor, datasheet (https://example.com/datasheet.pdf): Peak BF16: 432 TFLOPs (data/corrections/epoch.json, recorded 2026-12-06).',
    ]);
  });
});
