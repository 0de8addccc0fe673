import { aiComputeTrend as d, PF_DAY_FLOP } from "../../src/data/datasets/ai-compute-trend";
import { relDiff, reportSection } from "./report";

const col = (key: string): number => d.columns.findIndex((c) => c.key === key);
const get = (system: string, key: string) => d.rows.find((r) => r[col("system")] === system)?.[col(key)];

describe("ai-compute-trend (OpenAI, \"AI and Compute\")", () => {
  test("1 PF-day = 10^15 FLOP/s × 86,400 s", () => {
    expect(PF_DAY_FLOP).toBe(1e15 * 86_400);
  });

  test("flop = pf_days × 8.64e19 on every row", () => {
    for (const r of d.rows) expect(relDiff(r[col("flop")] as number, (r[col("pf_days")] as number) * 8.64e19)).toBeLessThan(1e-12);
  });

  test("milestones are the post's PF-days", () => {
    const want: Record<string, number> = {
      AlexNet: 0.0058, Seq2Seq: 0.085, VGG: 0.098, DeepSpeech2: 0.3, Xception: 5.0,
      "Neural Architecture Search": 22, GNMT: 79, Transformer: 0.089,
    };
    for (const [system, pf] of Object.entries(want)) expect(get(system, "pf_days")).toBe(pf);
  });

  test("AlphaGo Zero is marked unconfirmed, with Epoch's estimate in the notes", () => {
    expect(get("AlphaGo Zero", "confidence")).toBe("unconfirmed");
    expect(d.notes.some((n) => n.includes("AlphaGo Zero") && n.includes("3.41e23"))).toBe(true);
    expect(d.rows.filter((r) => r[col("confidence")] !== "published").map((r) => r[col("system")])).toEqual(["AlphaGo Zero"]);
  });

  test("the Transformer's 0.089 PF-days is the paper's 2.3e19 FLOP (big model) at the post's 33% utilisation", () => {
    // The paper counts sustained FP32 peak × GPU time; the post assumes 33% of peak.
    const ratio = (get("Transformer", "flop") as number) / 2.3e19;
    expect(Math.abs(ratio - 0.33) / 0.33).toBeLessThan(0.05); // both inputs are rounded to 2 figures
  });

  test("description and notes carry the 3.4-month doubling (report: 3.43) and 300,000×", () => {
    const all = [d.description, ...d.notes].join(" ");
    expect(all).toMatch(/3\.4 months/);
    expect(all).toMatch(/3\.43/);
    expect(all).toMatch(/300,000×/);
    expect(reportSection("4.1").join("")).toMatch(/平均每 3\.43 个月便会翻倍.*30 万倍/);
  });

  test("a 3.4-month doubling over 2012-2017 is consistent with the ~300,000× growth (AlexNet → AlphaGo Zero)", () => {
    const growth = (get("AlphaGo Zero", "pf_days") as number) / (get("AlexNet", "pf_days") as number);
    expect(growth).toBeGreaterThan(300_000);
    const months = Math.log2(growth) * 3.4;
    expect(months).toBeGreaterThan(5 * 12); // 2012 → 2017
    expect(months).toBeLessThan(6 * 12);
  });
});
