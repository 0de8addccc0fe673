import { indexPerformance } from "../../src/data/datasets/index-performance";
import { excelSerial } from "../../src/sheet/models/common";
import { buildRelativePerformance, sampleSeries } from "../../src/sheet/models/relative-performance";
import { applyModel } from "./helpers";

const ABS = 1e-9; // returns are decimals; HyperFormula shows 10 significant digits
const col = (k: string) => indexPerformance.columns.findIndex((c) => c.key === k);
const ROWS = indexPerformance.rows.map((r) => ({
  code: r[col("code")] as string,
  wk: r[col("change_5d")] as number,
  ytd: r[col("change_ytd")] as number,
  rel5d: r[col("rel_5d")] as number | null,
  relYtd: r[col("rel_ytd")] as number | null,
}));
const COMPUTER = ROWS.find((r) => r.code === "801750.SI")!;
const CSI300 = ROWS.find((r) => r.code === "000300.SH")!;

/** Rank 1 = highest return; ties share the better place (as Excel's RANK.EQ). */
const rankOf = (x: number, all: number[]) => 1 + all.filter((y) => y > x).length;

describe.each(["ai", "portable"] as const)("relative-performance (%s mode)", (mode) => {
  it("the week of 2023-02-06..10 (base: 02-03 close) reproduces 图1's weekly changes and all six weekly relative cells", () => {
    const m = applyModel(buildRelativePerformance({ language: "zh", mode }));
    for (const r of ROWS) {
      expect(Math.abs(m.out("return", r.code) - r.wk)).toBeLessThanOrEqual(ABS);
      expect(Math.abs(m.out("relative", r.code) - (r.wk - CSI300.wk))).toBeLessThanOrEqual(ABS);
      expect(
        Math.abs(
          m.out("rank", r.code) -
            rankOf(
              r.wk,
              ROWS.map((x) => x.wk)
            )
        )
      ).toBe(0);
      if (r.code !== COMPUTER.code) {
        expect(Math.abs(m.out("subject_relative", r.code) - (COMPUTER.wk - r.wk))).toBeLessThanOrEqual(ABS);
        expect(Math.abs(m.out("subject_relative", r.code) - (r.rel5d as number))).toBeLessThanOrEqual(ABS); // the report's own cell
      }
    }
    expect(m.out("rank", "801750.SI")).toBe(2); // 中证1000 (+0.73%) beat the computer index (+0.47%)
  });

  it("year to date (base: 2022-12-30 close) reproduces 图1's YTD changes; relative cells within 0.01pp of the report's", () => {
    const m = applyModel(buildRelativePerformance({ language: "en", mode }));
    m.set(m.named("Start_Date"), excelSerial("2022-12-30"));
    let differ = 0;
    for (const r of ROWS) {
      expect(Math.abs(m.out("return", r.code) - r.ytd)).toBeLessThanOrEqual(ABS);
      if (r.code === COMPUTER.code) continue;
      const got = m.out("subject_relative", r.code);
      expect(Math.abs(got - (COMPUTER.ytd - r.ytd))).toBeLessThanOrEqual(ABS);
      // The report computed YTD relatives from unrounded data: 3 of 6 differ by 0.01pp.
      expect(Math.abs(got - (r.relYtd as number))).toBeLessThanOrEqual(0.0001 + ABS);
      if (Math.abs(got - (r.relYtd as number)) > ABS) differ++;
    }
    expect(differ).toBe(3);
  });

  it("a non-trading start date uses the last close before it; the dates used are shown", () => {
    const m = applyModel(buildRelativePerformance({ language: "en", mode }));
    m.set(m.named("Start_Date"), excelSerial("2023-02-05")); // a Sunday
    expect(m.value(m.named("Start_Day_Used"))).toBe(excelSerial("2023-02-03"));
    expect(Math.abs(m.out("return", "801750.SI") - COMPUTER.wk)).toBeLessThanOrEqual(ABS);
  });

  it("ranks ties as RANK.EQ does: both take the better place", () => {
    const m = applyModel(buildRelativePerformance({ language: "en", mode }));
    const dates = m.plan.names!.find((n) => n.name === "Level_Dates")!.range;
    // Give CSI 300 (column 3) the computer index's (column 1) levels on both dates: an exact tie.
    const computer = sampleSeries()[0];
    m.set({ row: dates.row + 1, col: dates.col + 3 }, computer.levels[1]);
    m.set({ row: dates.row + 6, col: dates.col + 3 }, computer.levels[6]);
    expect(m.out("rank", "801750.SI")).toBe(2);
    expect(m.out("rank", "000300.SH")).toBe(2);
    expect(m.out("rank", "000001.SH")).toBe(4);
  });

  it("is live: the benchmark drop-down, the end date and newly pasted levels change the results", () => {
    const m = applyModel(buildRelativePerformance({ language: "en", mode }));
    m.set(m.named("Benchmark_Code"), "000001.SH");
    const sse = ROWS.find((r) => r.code === "000001.SH")!;
    expect(Math.abs(m.out("relative", "801750.SI") - (COMPUTER.wk - sse.wk))).toBeLessThanOrEqual(ABS);
    expect(Math.abs(m.out("relative", "000001.SH"))).toBeLessThanOrEqual(ABS);

    // Paste one more day under the sample and move the end date to it.
    const dates = m.plan.names!.find((n) => n.name === "Level_Dates")!.range;
    const next = { row: dates.row + 7, col: dates.col };
    m.set(next, excelSerial("2023-02-13"));
    const levels = sampleSeries().map((s) => s.levels[6] * 1.01); // every index +1% on the day
    levels.forEach((v, k) => m.set({ row: next.row, col: next.col + 1 + k }, v));
    m.set(m.named("End_Date"), excelSerial("2023-02-13"));
    expect(Math.abs(m.out("return", "801750.SI") - ((1 + COMPUTER.wk) * 1.01 - 1))).toBeLessThanOrEqual(ABS);
  });

  it("the paste area is seeded with clearly labelled sample data, reserved rows and a drop-down of its codes", () => {
    const p = buildRelativePerformance({ language: "en", mode, pasteRows: 30 });
    const texts = p.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => /^SAMPLE DATA: .*图1.*interpolated.*Replace with Wind closes/.test(t))).toBe(true);
    expect(p.names!.find((n) => n.name === "Levels")!.range).toMatchObject({ rows: 30, cols: 7 });
    expect(p.validations!.map((v) => v.list)).toEqual([ROWS.map((r) => r.code), ROWS.map((r) => r.code)]);
    expect(() => buildRelativePerformance({ language: "en", mode, benchmark: "XYZ" })).toThrow(/unknown index code/);
  });
});

describe("the sample levels", () => {
  it("are rebased to 100 on 2022-12-30 and give 图1's weekly and YTD changes exactly", () => {
    for (const s of sampleSeries()) {
      const r = ROWS.find((x) => x.code === s.code)!;
      expect(s.levels[0]).toBe(100);
      expect(Math.abs(s.levels[6] / s.levels[0] - 1 - r.ytd)).toBeLessThan(1e-12);
      expect(Math.abs(s.levels[6] / s.levels[1] - 1 - r.wk)).toBeLessThan(1e-12);
    }
  });
});
