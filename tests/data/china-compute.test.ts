import { chinaCompute as d } from "../../src/data/datasets/china-compute";

const col = (key: string): number => d.columns.findIndex((c) => c.key === key);
const find = (metric: string, period: string, status?: string) =>
  d.rows.find((r) => r[col("metric")] === metric && r[col("period")] === period && (status === undefined || r[col("status")] === status));
const value = (metric: string, period: string, status?: string) => find(metric, period, status)?.[col("value")] as number;

describe("china-compute (IDC & Inspur)", () => {
  test("every row is marked actual, forecast, revised or unconfirmed, and has a source", () => {
    for (const r of d.rows) {
      expect(["actual", "forecast", "revised", "unconfirmed"]).toContain(r[col("status")]);
      expect(String(r[col("source")])).not.toBe("");
    }
  });

  test("estimate periods (\"E\") are exactly the forecast rows", () => {
    for (const r of d.rows) {
      expect({ period: r[col("period")], forecast: r[col("status")] === "forecast" }).toEqual({
        period: r[col("period")],
        forecast: String(r[col("period")]).endsWith("E"),
      });
    }
  });

  test("intelligent compute: 268.0 EFLOPS in 2022, 1,271.4 EFLOPS forecast for 2026", () => {
    expect(value("intelligent_compute", "2022", "actual")).toBe(268.0);
    expect(value("intelligent_compute", "2026E")).toBe(1271.4);
  });

  test("the 52.3% CAGR is consistent with the widely quoted (unconfirmed, omitted) 2021 base of 155.2 EFLOPS", () => {
    const cagr = value("intelligent_compute_cagr", "2021-2026E");
    expect(Math.abs(Math.pow(1271.4 / 155.2, 1 / 5) - 1 - cagr)).toBeLessThan(0.0005); // rounding of 52.3%
    expect(d.rows.some((r) => r[col("value")] === 155.2)).toBe(false);
  });

  test("AI server market: 2021 (USD 5.92bn) and 2022 (USD 6.7bn, +24%) come from different IDC releases, as the notes say", () => {
    const y2021 = value("ai_server_market", "2021");
    const y2022 = value("ai_server_market", "2022");
    const g = find("ai_server_market", "2022")?.[col("yoy")] as number;
    // The tracker's own 2021 base is 6.7 / 1.24 ≈ 5.40, not 5.92: the two must not be chained.
    expect(Math.abs(y2022 / (1 + g) - 5.4)).toBeLessThan(0.01);
    expect(Math.abs(y2021 * (1 + g) - y2022) / y2022).toBeGreaterThan(0.05);
    expect(d.notes.some((n) => n.includes("5.40") && n.includes("5.92"))).toBe(true);
  });

  test("workload shares sum to 100% and their year is blank (unconfirmed)", () => {
    const inf = find("ai_server_workload_inference", "year unconfirmed");
    const trn = find("ai_server_workload_training", "year unconfirmed");
    expect(Math.abs((inf?.[col("value")] as number) + (trn?.[col("value")] as number) - 1)).toBeLessThan(1e-12);
    expect([inf?.[col("year")], trn?.[col("year")]]).toEqual([null, null]);
  });

  test("the later revision is kept beside the original, with its own source", () => {
    const revised = find("intelligent_compute", "2022", "revised");
    expect(revised?.[col("value")]).toBe(259.9);
    expect(revised?.[col("source")]).not.toBe(find("intelligent_compute", "2022", "actual")?.[col("source")]);
    expect(value("intelligent_compute", "2027E")).toBe(1117.4);
  });

  test("notes name every forecast", () => {
    const notes = d.notes.join(" ");
    for (const r of d.rows.filter((x) => x[col("status")] === "forecast")) {
      const v = r[col("value")] as number;
      const shown = r[col("unit")] === "CAGR (decimal)" ? `${(v * 100).toFixed(1)}%` : v.toLocaleString("en-US");
      expect({ period: r[col("period")], inNotes: notes.includes(shown) }).toEqual({ period: r[col("period")], inNotes: true });
    }
  });
});
