import { epochModels } from "../../src/data/datasets/epoch-models";
import { buildComputeTrend, domainChoices, trendPoints } from "../../src/sheet/models/compute-trend";
import { applyModel, expectRel } from "./helpers";

const col = (k: string) => epochModels.columns.findIndex((c) => c.key === k);

/** Calendar year plus the elapsed fraction of it: 2018-07-02 → 2018.5. */
function fractionalYear(iso: string): number {
  const [y, mo, d] = iso.split("-").map(Number);
  const start = Date.UTC(y, 0, 1);
  return y + (Date.UTC(y, mo - 1, d) - start) / (Date.UTC(y + 1, 0, 1) - start);
}

/** Doubling time in months from an ordinary least-squares fit of ln(compute) on fractional year. */
function independentDoubling(from: number, to: number, domain?: string): { n: number; months: number; growth: number } {
  const pts = epochModels.rows
    .filter((r) => typeof r[col("training_compute_flop")] === "number" && (r[col("training_compute_flop")] as number) > 0)
    .filter((r) => typeof r[col("publication_date")] === "string")
    .filter((r) => {
      const year = Number((r[col("publication_date")] as string).slice(0, 4));
      return year >= from && year <= to;
    })
    .filter(
      (r) =>
        domain === undefined ||
        String(r[col("domain")] ?? "")
          .split(",")
          .includes(domain)
    );
  const xs = pts.map((r) => fractionalYear(r[col("publication_date")] as string));
  const ys = pts.map((r) => Math.log(r[col("training_compute_flop")] as number));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) ** 2;
  });
  const slope = sxy / sxx; // ln(FLOP) per year
  return { n: xs.length, months: (12 * Math.log(2)) / slope, growth: Math.exp(slope) };
}

// The sheet measures time as Excel date ÷ 365.25 days; the independent fit uses calendar
// fractional years. The two differ by leap-day placement only: within 0.01 months.
const TOL_MONTHS = 0.01;

describe.each(["ai", "portable"] as const)("compute-trend (%s mode)", (mode) => {
  const build = () => applyModel(buildComputeTrend({ language: "en", mode, epochModels }));

  it("2012–2018, all domains: the sheet's doubling time matches an independent OLS fit of the Epoch rows within 0.01 months", () => {
    const m = build();
    const ind = independentDoubling(2012, 2018);
    expect(ind.n).toBe(119);
    expect(m.out("points")).toBe(ind.n);
    expect(Math.abs(m.out("doubling_months") - ind.months)).toBeLessThanOrEqual(TOL_MONTHS);
    expect(ind.months).toBeGreaterThan(11.5);
    expect(ind.months).toBeLessThan(12.5); // ≈ 12.1 months over every model, vs OpenAI's 3.4 over the largest runs
    expectRel(m.out("growth_per_year"), ind.growth, 1e-3);
  });

  it("the OpenAI and Moore's-law paces beside it: 2^(12/3.43) and 2^(12/24) per year", () => {
    const m = build();
    expectRel(m.out("openai_growth_per_year"), Math.pow(2, 12 / 3.43), 1e-9);
    expectRel(m.out("moore_growth_per_year"), Math.SQRT2, 1e-9);
  });

  it("is live: the window and the domain drop-down refit (Language, 2018–2024)", () => {
    const m = build();
    m.set(m.named("Start_Year"), 2018);
    m.set(m.named("End_Year"), 2024);
    m.set(m.named("Domain_Choice"), "Language");
    const ind = independentDoubling(2018, 2024, "Language");
    expect(m.out("points")).toBe(ind.n);
    expect(Math.abs(m.out("doubling_months") - ind.months)).toBeLessThanOrEqual(TOL_MONTHS);
  });

  it("options choose the window and the domain", () => {
    const m = applyModel(buildComputeTrend({ language: "zh", mode, epochModels, startYear: 2015, endYear: 2020, domain: "Vision" }));
    const ind = independentDoubling(2015, 2020, "Vision");
    expect(m.out("points")).toBe(ind.n);
    expect(Math.abs(m.out("doubling_months") - ind.months)).toBeLessThanOrEqual(TOL_MONTHS);
    expect(() => buildComputeTrend({ language: "en", mode, epochModels, domain: "Cooking" })).toThrow(/unknown domain/);
  });
});

describe("compute-trend: data and chart", () => {
  it("keeps every Epoch row with a positive compute and a date, oldest first", () => {
    const pts = trendPoints(epochModels);
    const expected = epochModels.rows.filter(
      (r) => typeof r[col("training_compute_flop")] === "number" && (r[col("training_compute_flop")] as number) > 0
    ).length;
    expect(pts.length).toBe(expected);
    for (let i = 1; i < pts.length; i++) expect(pts[i - 1].date <= pts[i].date).toBe(true);
  });

  it("offers single domains, most frequent first, after the all-domains entry", () => {
    const d = domainChoices(trendPoints(epochModels));
    expect(d[0]).toBe("Language");
    expect(d).toContain("Vision");
    expect(d.every((x) => !x.includes(","))).toBe(true);
    const p = buildComputeTrend({ language: "zh", mode: "ai", epochModels });
    expect(p.validations![0].list[0]).toBe("全部");
  });

  it("plans a log-scale scatter of the points, the fit and both reference paces over the date column", () => {
    const p = buildComputeTrend({ language: "en", mode: "ai", epochModels });
    const c = p.chart!;
    expect(c.kind).toBe("scatter");
    expect(c.logValueAxis).toBe(true);
    expect(c.series.map((s) => s.name)).toEqual([
      "Models in the window",
      "Log-linear fit",
      "OpenAI: doubling every 3.4 months",
      "Moore's law: doubling every 24 months",
    ]);
    const dates = c.series[0].categories!;
    expect(c.series.every((s) => JSON.stringify(s.categories) === JSON.stringify(dates))).toBe(true);
    expect(dates.rows).toBe(trendPoints(epochModels).length);
  });

  it("rows outside the window plot nothing (#N/A) and feed nothing to the fit", () => {
    const m = applyModel(buildComputeTrend({ language: "en", mode: "portable", epochModels }));
    const s = m.plan.chart!.series[0].values;
    const first = m.hf.getCellValue({ sheet: m.applied.sheetId, row: s.row, col: s.col }); // the oldest model (1950s)
    expect((first as { value?: string }).value).toBe("#N/A");
    expect(m.value({ row: s.row, col: s.col - 2 })).toBe(""); // its ln(compute) helper
  });
});
