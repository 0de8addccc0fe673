import { transformerCost as d } from "../../src/data/datasets/transformer-cost";
import { cells, relDiff, reportSection } from "./report";

const col = (key: string): number => d.columns.findIndex((c) => c.key === key);
const rowOf = (model: string) => {
  const r = d.rows.find((x) => x[col("model")] === model);
  if (r === undefined) throw new Error(`no row ${model}`);
  return r;
};

/** The extraction's table rows, after the two header lines. */
const lines = reportSection("图4")
  .map(cells)
  .filter((c) => c.length >= 4 && c[0] !== "Model");

/** "$2.3 \cdot 10^{19}$" → 2.3e19; "" → null; anything else is returned as text for the fix tests. */
function latexFlop(s: string): number | null | string {
  const t = s.trim();
  if (t === "") return null;
  const m = /^\$(\d+(?:\.\d+)?) \\cdot 10\^\{(\d+)\}\$$/.exec(t);
  return m === null ? t : Number(`${m[1]}e${m[2]}`);
}
const stripRef = (name: string): string => name.replace(/\s*\[\d+\]$/, "").replace(/ 9$/, "");
const bleu = (s: string): number | null => (s.trim() === "" ? null : Number(s));

describe("transformer-cost (图4 = Table 2 of arXiv:1706.03762)", () => {
  test("has the paper's ten models in order", () => {
    expect(lines).toHaveLength(10);
    expect(d.rows.map((r) => r[col("model")])).toEqual(lines.map((c) => stripRef(c[0])));
  });

  test.each(lines.map((c) => [c[0], c] as const))("%s: BLEU scores match the report", (_m, c) => {
    const r = rowOf(stripRef(c[0]));
    expect([r[col("bleu_en_de")], r[col("bleu_en_fr")]]).toEqual([bleu(c[1]), bleu(c[2])]);
  });

  test.each(lines.filter((c) => typeof latexFlop(c[3]) !== "string" && typeof latexFlop(c[4]) !== "string").map((c) => [c[0], c] as const))(
    "%s: training costs match the report",
    (_m, c) => {
      const r = rowOf(stripRef(c[0]));
      for (const [cell, key] of [[c[3], "cost_en_de_flop"], [c[4], "cost_en_fr_flop"]] as const) {
        const want = latexFlop(cell) as number | null;
        const got = r[col(key)] as number | null;
        if (want === null) expect(got).toBeNull();
        else expect(relDiff(got as number, want)).toBeLessThan(1e-12);
      }
    }
  );

  test("extraction fix: \"1000000\" in Deep-Att + PosUnk Ensemble EN-DE is blank (the paper has no figure)", () => {
    const raw = lines.find((c) => c[0].startsWith("Deep-Att + PosUnk Ensemble"));
    expect(raw?.[3]).toBe("1000000");
    expect(rowOf("Deep-Att + PosUnk Ensemble")[col("cost_en_de_flop")]).toBeNull();
    expect(rowOf("Deep-Att + PosUnk Ensemble")[col("cost_en_fr_flop")]).toBe(8.0e20);
  });

  test("extraction fix: \"3.3 -\" / \"10^{18}\" is 3.3e18 spanning both language pairs (and 2.3e19 for big)", () => {
    const base = lines.find((c) => c[0] === "Transformer (base model)");
    const big = lines.find((c) => c[0] === "Transformer (big)");
    expect([base?.[3], base?.[4]]).toEqual(["3.3 -", "10^{18}"]);
    expect([big?.[3], big?.[4]]).toEqual(["2.3 -", "10^{19}"]);
    for (const [name, v] of [["Transformer (base model)", 3.3e18], ["Transformer (big)", 2.3e19]] as const) {
      expect([rowOf(name)[col("cost_en_de_flop")], rowOf(name)[col("cost_en_fr_flop")]]).toEqual([v, v]);
    }
  });

  test("extraction fix: \"ConvS2S 9\" is ConvS2S with reference [9]", () => {
    expect(lines.some((c) => c[0] === "ConvS2S 9")).toBe(true);
    expect(rowOf("ConvS2S")[col("paper_ref")]).toBe("[9]");
  });

  test("blanks stay blank: ByteNet has only EN-DE BLEU, Deep-Att + PosUnk no EN-DE", () => {
    expect(rowOf("ByteNet").slice(2)).toEqual([23.75, null, null, null]);
    expect(rowOf("Deep-Att + PosUnk").slice(2)).toEqual([null, 39.2, null, 1.0e20]);
  });

  test("the Transformer (big) reaches the best BLEU at a fraction of the ensembles' cost (the figure's point)", () => {
    const big = rowOf("Transformer (big)");
    const others = d.rows.filter((r) => !String(r[col("model")]).startsWith("Transformer"));
    for (const r of others) {
      if (r[col("bleu_en_de")] !== null) expect(big[col("bleu_en_de")] as number).toBeGreaterThan(r[col("bleu_en_de")] as number);
    }
    expect(big[col("cost_en_fr_flop")] as number).toBeLessThan(rowOf("ConvS2S Ensemble")[col("cost_en_fr_flop")] as number);
  });
});
