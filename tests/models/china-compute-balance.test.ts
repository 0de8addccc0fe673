import { buildChinaBalance } from "../../src/sheet/models/china-compute-balance";
import { applyModel, expectRel } from "./helpers";

const REL = 1e-9;
const YEARS = [2022, 2023, 2024, 2025, 2026];
// IDC & Inspur, 2022-2023 assessment: 268.0 EFLOPS (2022, actual), 1,271.4 EFLOPS (2026E).
const S2022 = 268.0;
const S2026 = 1271.4;
const EFLOPS_YEAR_FLOP = 1e18 * 86_400 * 365; // 3.1536e25 FLOP
const GPT3_FLOP = 3.14e23; // Brown et al. 2020, Table D.1

function expected(runs: number[], services: number[], trainUtil = 0.3) {
  const runEflops = GPT3_FLOP / (EFLOPS_YEAR_FLOP * trainUtil);
  const serviceFlopPerDay = 13e6 * 10 * 500 * 2 * 175e9;
  const serviceEflops = (serviceFlopPerDay * 2) / (86_400 * 1e18 * 0.3);
  return YEARS.map((y, i) => {
    const supply = S2022 * Math.pow(S2026 / S2022, (y - 2022) / 4);
    const demand = runs[i] * runEflops + services[i] * serviceEflops;
    return { year: y, supply, training: runs[i] * runEflops, inference: services[i] * serviceEflops, demand, coverage: supply / demand };
  });
}

describe.each(["ai", "portable"] as const)("china-compute-balance (%s mode)", (mode) => {
  it("one GPT-3 run (3.14e23 FLOP) in a year at 30% needs ≈ 0.0332 EFLOPS; one ChatGPT-scale service ≈ 1.76 EFLOPS at peak", () => {
    const m = applyModel(buildChinaBalance({ language: "en", mode }));
    expectRel(m.out("run_eflops"), GPT3_FLOP / (3.1536e25 * 0.3), REL);
    expect(m.out("run_eflops")).toBeCloseTo(0.0332, 4);
    expectRel(m.out("service_eflops"), (2.275e22 * 2) / (86_400e18 * 0.3), REL);
  });

  it("coverage by year = IDC supply (interpolated between 2022 and 2026E) ÷ (training + inference demand)", () => {
    const m = applyModel(buildChinaBalance({ language: "en", mode }));
    for (const e of expected([50, 50, 50, 50, 50], [1, 2, 3, 4, 5])) {
      const y = String(e.year);
      expectRel(m.out("training_eflops", y), e.training, REL);
      expectRel(m.out("inference_eflops", y), e.inference, REL);
      expectRel(m.out("demand_eflops", y), e.demand, REL);
      expectRel(m.out("coverage", y), e.coverage, REL);
    }
    // The implied CAGR of IDC's two figures (2022 → 2026E, 4 years).
    expectRel(m.out("implied_cagr"), Math.pow(S2026 / S2022, 1 / 4) - 1, REL);
  });

  it("is live: runs, supply and utilization inputs change the coverage", () => {
    const m = applyModel(buildChinaBalance({ language: "zh", mode }));
    const runs2024 = m.plan.model.inputs.find((i) => /2024$/.test(i.label) && /GPT-3/.test(i.label))!;
    m.set(runs2024.cell, 500);
    m.set(m.named("Train_Utilization"), 0.4);
    const e = expected([50, 50, 500, 50, 50], [1, 2, 3, 4, 5], 0.4);
    expectRel(m.out("coverage", "2024"), e[2].coverage, REL);
    expectRel(m.out("coverage", "2022"), e[0].coverage, REL);
    m.set(m.named("Supply_End"), 1117.4); // e.g. IDC's later 2027E figure typed over 2026E
    const s2025 = S2022 * Math.pow(1117.4 / S2022, 3 / 4);
    expectRel(m.out("coverage", "2025"), s2025 / e[3].demand, REL);
  });

  it("options set the runs and services per year, and must give one value per year", () => {
    const m = applyModel(buildChinaBalance({ language: "en", mode, runsPerYear: [10, 20, 40, 80, 160], servicesPerYear: [0, 1, 1, 2, 2] }));
    const e = expected([10, 20, 40, 80, 160], [0, 1, 1, 2, 2]);
    expectRel(m.out("coverage", "2026"), e[4].coverage, REL);
    expect(() => buildChinaBalance({ language: "en", mode, runsPerYear: [1, 2] })).toThrow(/per year/);
  });
});
