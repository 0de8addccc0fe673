import generated from "../../src/data/generated/epoch-models.json";
import { epochModels as d } from "../../src/data/datasets/epoch-models";

const col = (key: string): number => d.columns.findIndex((c) => c.key === key);
const byName = (name: string) => d.rows.find((r) => r[col("model")] === name);

describe("epoch-models (Epoch AI, All ML Systems)", () => {
  test("source line credits Epoch AI under CC BY 4.0 with the data page link", () => {
    expect(d.source[0].text).toMatch(/Epoch AI/);
    expect(d.source[0].text).toMatch(/CC BY 4\.0/);
    expect(d.source[0].url).toBe("https://epoch.ai/data");
    expect(d.license).toMatch(/CC BY 4\.0/);
  });

  test("columns are the generated JSON's, in order", () => {
    expect(d.columns.map((c) => c.key)).toEqual(generated.columns);
    expect(d.columns.map((c) => c.key)).toEqual([
      "model", "organization", "publication_date", "domain", "parameters", "training_compute_flop", "dataset_size",
      "hardware", "hardware_quantity", "mfu", "country", "confidence", "training_cost_usd",
    ]);
  });

  test("rows are compact arrays in the committed JSON", () => {
    expect(generated.rows.every((r) => Array.isArray(r) && r.length === d.columns.length)).toBe(true);
  });

  test("GPT-3 175B (davinci): 1.75e11 parameters, 3.14e23 FLOP, MFU 19.68%, Confident", () => {
    const r = byName("GPT-3 175B (davinci)");
    expect(r?.[col("parameters")]).toBe(1.75e11);
    expect(r?.[col("training_compute_flop")]).toBe(3.14e23);
    expect(Math.abs((r?.[col("mfu")] as number) - 0.1968)).toBeLessThan(1e-12);
    expect(r?.[col("confidence")]).toBe("Confident");
  });

  test("values are in range: MFU a fraction, positive counts, Epoch's confidence words", () => {
    for (const r of d.rows) {
      const mfu = r[col("mfu")];
      if (mfu !== null) expect((mfu as number) > 0 && (mfu as number) <= 1).toBe(true);
      for (const k of ["parameters", "training_compute_flop", "hardware_quantity", "training_cost_usd"]) {
        const v = r[col(k)];
        if (v !== null) expect(v as number).toBeGreaterThan(0);
      }
      expect(["Confident", "Likely", "Speculative", "Unknown"]).toContain(r[col("confidence")]);
    }
  });

  test("the MFU typed as 72 (a percentage) is stored as 0.72 and noted", () => {
    expect(byName("GPT3-2.7B (FlashAttention-2)")?.[col("mfu")]).toBe(0.72);
    expect(d.notes.some((n) => n.includes("GPT3-2.7B (FlashAttention-2)"))).toBe(true);
  });

  test("names are trimmed and wrapped names joined", () => {
    expect(byName("Cosmos-1.0-Diffusion-14B Video2World")).toBeDefined();
    expect(d.rows.every((r) => typeof r[col("model")] === "string" && r[col("model")] === String(r[col("model")]).trim())).toBe(true);
  });
});
