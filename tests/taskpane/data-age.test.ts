import { getDataset } from "../../src/data/catalog";
import { dataAgeMark, isFlagged, latestAsOfDate } from "../../src/taskpane/data/data-age";
import { UPSTREAMS } from "../../src/data/upstreams";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("latestAsOfDate", () => {
  it.each([
    ["2025-06-20", "2025-06-20"],
    ["2023-02", "2023-02-28"],
    ["2024-02", "2024-02-29"],
    ["2017-06", "2017-06-30"],
    ["2018", "2018-12-31"],
    ["2023-02-06/2023-02-10", "2023-02-10"],
    ["2023-02-10/2023-02-06", "2023-02-10"],
    ["FY2022 and 2023-03", "2023-03-31"],
  ])("%s → %s", (asOf, latest) => {
    expect(latestAsOfDate(asOf)?.toISOString().slice(0, 10)).toBe(latest);
  });

  it("is null when the text names no valid date", () => {
    expect(latestAsOfDate("")).toBeNull();
    expect(latestAsOfDate("unknown")).toBeNull();
    expect(latestAsOfDate("2023-13")).toBeNull();
    expect(latestAsOfDate("2023-02-30")).toBeNull();
    expect(latestAsOfDate("123456")).toBeNull();
  });
});

describe("dataAgeMark", () => {
  it("never flags a report's table, however old: it is a dated record, said to be the report's", () => {
    for (const [id, asOf] of [
      ["llm-comparison", "2023-02"],
      ["transformer-cost", "2017-06"],
      ["index-performance", "2023-02-06/2023-02-10"],
    ]) {
      const sources = getDataset(id)!.source;
      const mark = dataAgeMark(id, asOf, true, day("2030-01-01"), sources);
      expect(mark).toEqual({ kind: "record", asOf, fromReport: true });
      expect(isFlagged(mark)).toBe(false);
      // Nor when the feed failed: the bundled copy of a record is the same record.
      expect(dataAgeMark(id, asOf, false, day("2030-01-01"), sources).kind).toBe("record");
    }
  });

  it("a record that does not come from the report (datasheets, OpenAI's post) is not called the report's", () => {
    for (const id of ["accelerators", "ai-compute-trend"]) {
      const d = getDataset(id)!;
      expect(dataAgeMark(id, d.asOf, true, day("2030-01-01"), d.source)).toEqual({ kind: "record", asOf: d.asOf, fromReport: false });
    }
  });

  it("flags an Epoch table more than 7 days older than its daily upstream, not one 7 days old", () => {
    const epoch = { en: "Epoch AI", zh: "Epoch AI" };
    expect(dataAgeMark("epoch-models", "2025-06-20", true, day("2025-06-27"))).toEqual({
      kind: "current",
      asOf: "2025-06-20",
      upstream: epoch,
      cadence: "daily",
    });
    const behind = dataAgeMark("epoch-models", "2025-06-20", true, day("2025-06-28"));
    expect(behind).toEqual({ kind: "behind", asOf: "2025-06-20", upstream: epoch, cadence: "daily", days: 8 });
    expect(isFlagged(behind)).toBe(true);
    expect(dataAgeMark("epoch-accelerators", "2025-06-20", true, day("2026-06-20"))).toMatchObject({ kind: "behind", days: 365 });
  });

  it("counts whole UTC days, whatever the time of day", () => {
    expect(dataAgeMark("epoch-models", "2025-06-20", true, new Date("2025-06-27T23:59:59Z")).kind).toBe("current");
    expect(dataAgeMark("epoch-models", "2025-06-20", true, new Date("2025-06-28T00:00:01Z")).kind).toBe("behind");
  });

  it("says so when the feed failed and the pane lists the add-in's own copy of an Epoch table", () => {
    const mark = dataAgeMark("epoch-accelerators", "2025-06-20", false, day("2025-06-21"));
    expect(mark.kind).toBe("offline");
    expect(isFlagged(mark)).toBe(true);
  });

  it("does not guess the age of an Epoch table whose as-of names no date", () => {
    const mark = dataAgeMark("epoch-models", "n/a", true, day("2030-01-01"));
    expect(mark.kind).toBe("undated");
    expect(isFlagged(mark)).toBe(false);
  });
});

describe("upstreams", () => {
  it("are exactly the datasets the updater refreshes (scripts/data-sources.json)", () => {
    const sources = JSON.parse(readFileSync(join(__dirname, "..", "..", "scripts", "data-sources.json"), "utf8")) as { sources: { id: string }[] };
    expect(Object.keys(UPSTREAMS).sort()).toEqual(sources.sources.map((s) => s.id).sort());
  });
});
