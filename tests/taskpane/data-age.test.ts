import { STALE_AFTER_MONTHS, dataAge, latestAsOfDate } from "../../src/taskpane/data-age";

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

describe("dataAge", () => {
  it(`marks figures more than ${STALE_AFTER_MONTHS} months old, not those exactly that old`, () => {
    expect(dataAge("2025-06-20", day("2026-06-20")).stale).toBe(false);
    expect(dataAge("2025-06-20", day("2026-06-21")).stale).toBe(true);
    expect(dataAge("2023-02", day("2024-02-28")).stale).toBe(false);
    expect(dataAge("2023-02", day("2024-02-29")).stale).toBe(true);
    expect(dataAge("2023-02-06/2023-02-10", day("2024-02-10")).stale).toBe(false);
    expect(dataAge("2023-02-06/2023-02-10", day("2024-02-11")).stale).toBe(true);
  });

  it("clamps 29 February to the end of February a year later", () => {
    expect(dataAge("2024-02-29", day("2025-02-28")).stale).toBe(false);
    expect(dataAge("2024-02-29", day("2025-03-01")).stale).toBe(true);
  });

  it("counts by calendar day in UTC, whatever the time of day", () => {
    expect(dataAge("2025-06-20", new Date("2026-06-20T23:59:59Z")).stale).toBe(false);
  });

  it("never marks a text without a date, and returns the latest date", () => {
    expect(dataAge("n/a", day("2099-01-01"))).toEqual({ latest: null, stale: false });
    expect(dataAge("2017-06", day("2025-01-01"))).toEqual({ latest: day("2017-06-30"), stale: true });
  });
});
