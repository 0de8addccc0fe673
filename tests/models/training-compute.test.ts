import { llmComparison } from "../../src/data/datasets/llm-comparison";
import { buildTrainingCompute, TRAINING_DEFAULTS } from "../../src/sheet/models/training-compute";
import { functionsUsed, planCell } from "../../src/sheet/models/lint";
import { rangeAddress } from "../../src/sheet/plan";
import { applyModel, expectRel, type AppliedModel } from "./helpers";

// Independent constants (the figures the sources give, not the implementation's).
const A100_BF16 = 312e12; // NVIDIA A100 datasheet, dense
const H100_BF16 = 989e12; // NVIDIA H100 SXM datasheet, dense
const SECONDS_PER_DAY = 24 * 60 * 60;
const PF_DAY = 1e15 * SECONDS_PER_DAY;
const REL = 1e-9; // HyperFormula shows 10 significant digits

const MODES = ["ai", "portable"] as const;
const colOf = (m: AppliedModel, key: string, rowKey: string) => m.plan.model.outputs.find((o) => o.key === key && o.rowKey === rowKey)!.cell;

describe.each(MODES)("training-compute (%s mode)", (mode) => {
  const build = () => applyModel(buildTrainingCompute({ language: "en", mode }));

  it("GPT-3: 175e9 × 300e9 × 6 = 3.15e23 FLOP, ≈ 3,646 PF-days, ≈ 38.0 days on 1,024 A100s at 30%", () => {
    const m = build();
    const flop = 6 * 175e9 * 300e9;
    expect(flop).toBe(3.15e23);
    expectRel(m.out("flop", "GPT-3"), flop, REL);
    expectRel(m.out("pfdays", "GPT-3"), flop / PF_DAY, REL);
    const days = flop / (1024 * A100_BF16 * 0.3) / SECONDS_PER_DAY;
    expect(days).toBeCloseTo(38.04, 2);
    expectRel(m.out("days", "GPT-3"), days, REL);
    const chipHours = flop / (A100_BF16 * 0.3) / 3600;
    expectRel(m.out("chipHours", "GPT-3"), chipHours, REL);
    expectRel(m.out("cost", "GPT-3"), chipHours * TRAINING_DEFAULTS.pricePerChipHour, REL);
  });

  it("every model of 图8: published tokens where given, else 20 tokens per parameter (Chinchilla)", () => {
    const m = build();
    const c = (k: string) => llmComparison.columns.findIndex((x) => x.key === k);
    expect(llmComparison.rows.length).toBe(15);
    for (const r of llmComparison.rows) {
      const name = r[c("model_en")] as string;
      const params = r[c("params")] as number;
      const tokens = (r[c("training_tokens")] as number | null) ?? 20 * params;
      const flop = 6 * params * tokens;
      expectRel(m.out("flop", name), flop, REL);
      expectRel(m.out("days", name), flop / (1024 * A100_BF16 * 0.3) / SECONDS_PER_DAY, REL);
    }
    // ChatGPT has no published token count: 20 × 175e9 = 3.5e12 tokens → 3.675e24 FLOP.
    expectRel(m.out("flop", "ChatGPT"), 6 * 175e9 * 3.5e12, REL);
  });

  it("is live: changing chips, the chip, utilization or parameters changes the outputs", () => {
    const m = build();
    const days = colOf(m, "days", "GPT-3");
    const row = days.row;
    m.set({ row, col: 4 }, 2048); // chips in cluster
    expectRel(m.out("days", "GPT-3"), 3.15e23 / (2048 * A100_BF16 * 0.3) / SECONDS_PER_DAY, REL);
    m.set({ row, col: 3 }, "NVIDIA H100 SXM"); // the chip drop-down
    expectRel(m.out("days", "GPT-3"), 3.15e23 / (2048 * H100_BF16 * 0.3) / SECONDS_PER_DAY, REL);
    m.set({ row, col: 5 }, 0.5); // utilization
    expectRel(m.out("chipHours", "GPT-3"), 3.15e23 / (H100_BF16 * 0.5) / 3600, REL);
    m.set({ row, col: 1 }, 350e9); // parameters
    expectRel(m.out("flop", "GPT-3"), 6 * 350e9 * 300e9, REL);
  });

  it("the Chinchilla ratio is a named input: changing it changes every row without published tokens", () => {
    const m = build();
    m.set(m.named("Tokens_Per_Param"), 10);
    expectRel(m.out("flop", "ChatGPT"), 6 * 175e9 * 10 * 175e9, REL);
    expectRel(m.out("flop", "GPT-3"), 3.15e23, REL); // published tokens: unchanged
  });

  it("an empty table of N rows shows blanks until parameters are typed, then computes", () => {
    const m = applyModel(buildTrainingCompute({ language: "zh", mode, emptyRows: 3 }));
    const flop = colOf(m, "flop", "row 2");
    expect(m.value(flop)).toBe("");
    expect(m.value(colOf(m, "cost", "row 2"))).toBe("");
    m.set({ row: flop.row, col: 1 }, 7e9); // parameters; tokens follow the Chinchilla formula
    expectRel(m.out("flop", "row 2"), 6 * 7e9 * 140e9, REL);
    expectRel(m.out("days", "row 2"), (6 * 7e9 * 140e9) / (1024 * A100_BF16 * 0.3) / SECONDS_PER_DAY, REL);
  });

  it("options set the defaults of every row", () => {
    const m = applyModel(buildTrainingCompute({ language: "en", mode, chip: "h100", clusterChips: 4096, utilization: 0.4, pricePerChipHour: 3 }));
    const flop = 3.15e23;
    expectRel(m.out("days", "GPT-3"), flop / (4096 * H100_BF16 * 0.4) / SECONDS_PER_DAY, REL);
    expectRel(m.out("cost", "GPT-3"), (flop / (H100_BF16 * 0.4) / 3600) * 3, REL);
    expect(() => buildTrainingCompute({ language: "en", mode, chip: "tpu9" })).toThrow(/unknown chip/);
  });
});

describe.each(MODES)("training-compute (%s mode): one formula per output column", (mode) => {
  const OUTPUTS = ["flop", "pfdays", "days", "chipHours", "cost"] as const;

  it("each output column is one formula in the first model row, spilling over the 15 model rows", () => {
    const plan = buildTrainingCompute({ language: "en", mode });
    const first = plan.model.outputs.find((o) => o.key === "flop")!.cell.row;
    const col = (c: number) => rangeAddress({ row: first, col: c, rows: 15, cols: 1 });
    const [B, C, E, F, G, H, I, L] = [1, 2, 4, 5, 6, 7, 8, 11].map(col);
    expect(B).toBe(mode === "ai" ? "B13:B27" : "B16:B30");
    const expected: Record<(typeof OUTPUTS)[number], string> =
      mode === "ai"
        ? {
            flop: `=IF((${B}="")+(${C}=""),"",AI.TRAINFLOPS(${B},${C},Flop_Per_Param_Token))`,
            pfdays: `=IF(${I}="","",AI.PFDAYS(${I}))`,
            days: `=IF(${I}="","",AI.TRAINDAYS(${I},${E},${H},${F}))`,
            chipHours: `=IF(${I}="","",AI.CHIPHOURS(${I},${H},${F}))`,
            cost: `=IF(${I}="","",AI.TRAINCOST(${I},${H},${G},${F}))`,
          }
        : {
            flop: `=IF((${B}="")+(${C}=""),"",Flop_Per_Param_Token*${B}*${C})`,
            pfdays: `=IF(${I}="","",${I}/FLOP_Per_PF_Day)`,
            days: `=IF(${I}="","",${I}/(${E}*${H}*${F})/Seconds_Per_Day)`,
            chipHours: `=IF(${I}="","",${I}/(${H}*${F})/Seconds_Per_Hour)`,
            cost: `=IF(${I}="","",${L}*${G})`,
          };
    const m = applyModel(plan);
    for (const key of OUTPUTS) {
      const cells = plan.model.outputs.filter((o) => o.key === key).map((o) => o.cell);
      expect(cells).toHaveLength(15);
      const [anchor, ...below] = cells;
      expect(planCell(plan, anchor)?.formula).toBe(expected[key]);
      expect(plan.spills).toContainEqual({ ...anchor, rows: 15, cols: 1 });
      for (const c of below) {
        // Empty in the plan (nothing may block the spill), formatted and bold like the anchor.
        const pc = planCell(plan, c);
        expect({ key, value: pc?.value, formula: pc?.formula, format: pc?.format, bold: pc?.style?.bold }).toEqual({
          key,
          value: null,
          formula: null,
          format: planCell(plan, anchor)?.format,
          bold: true,
        });
        // Computed in HyperFormula by the anchor's spill.
        const at = { sheet: m.applied.sheetId, row: c.row, col: c.col };
        expect(m.hf.doesCellHaveFormula(at)).toBe(false);
        expect(m.hf.isCellPartOfArray(at)).toBe(true);
        expect(typeof m.value(c)).toBe("number");
      }
    }
  });

  it("the peak FLOP/s and Chinchilla-tokens columns stay one formula per row (INDEX/MATCH does not spill in older Excel; tokens mix inputs and formulas)", () => {
    const plan = buildTrainingCompute({ language: "en", mode });
    const rows = plan.model.outputs.filter((o) => o.key === "flop").map((o) => o.cell.row);
    for (const r of rows) expect(planCell(plan, { row: r, col: 7 })?.formula).toMatch(new RegExp(`^=IF\\(\\$D${r + 1}="",""`));
    expect(plan.spills?.map((s) => s.col)).toEqual([8, 9, 10, 11, 12]);
  });
});

describe("training-compute: how peak FLOP/s is found", () => {
  it("portable mode writes the chip table and looks the peak up with INDEX/MATCH", () => {
    const p = buildTrainingCompute({ language: "en", mode: "portable" });
    const fns = p.blocks
      .flatMap((b) => (b.formulas ?? []).flat())
      .filter((f): f is string => f !== null)
      .flatMap(functionsUsed);
    expect(fns).toContain("INDEX");
    expect(fns.some((f) => f.startsWith("AI."))).toBe(false);
    expect(p.names?.map((n) => n.name)).toEqual(expect.arrayContaining(["Chip_Names", "Chip_Peak_FLOPS"]));
  });

  it('AI mode calls AI.CHIP(chip, "bf16") when it is registered, and writes no chip table', () => {
    const p = buildTrainingCompute({ language: "en", mode: "ai" });
    const all = p.blocks.flatMap((b) => (b.formulas ?? []).flat()).filter((f): f is string => f !== null);
    expect(all.some((f) => /AI\.CHIP\(\$D\d+,"bf16"\)/.test(f))).toBe(true);
    expect(p.names?.some((n) => n.name === "Chip_Names")).toBe(false);
  });

  it("AI mode falls back to the chip table when AI.CHIP is not registered", () => {
    jest.isolateModules(() => {
      jest.doMock("../../src/functions/registry", () => ({
        FUNCTION_IDS: ["TRAINFLOPS", "PFDAYS", "TRAINDAYS", "CHIPHOURS", "TRAINCOST", "CHINCHILLATOKENS"],
      }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require("../../src/sheet/models/training-compute") as typeof import("../../src/sheet/models/training-compute");
      const p = mod.buildTrainingCompute({ language: "en", mode: "ai" });
      const all = p.blocks.flatMap((b) => (b.formulas ?? []).flat()).filter((f): f is string => f !== null);
      expect(all.some((f) => f.includes("AI.CHIP("))).toBe(false);
      expect(all.some((f) => f.includes("INDEX(Chip_Peak_FLOPS"))).toBe(true);
    });
  });

  it("the drop-down lists every chip with a peak figure, in the sheet's language", () => {
    const en = buildTrainingCompute({ language: "en", mode: "ai" }).validations![0];
    const zh = buildTrainingCompute({ language: "zh", mode: "ai" }).validations![0];
    expect(en.list).toContain("NVIDIA A100 SXM");
    expect(zh.list).toContain("英伟达 A100");
    expect(en.list.length).toBe(23); // every chip of accelerators: TPU v7 has had a 16-bit figure since accelerators 1.1.1
    expect(en.range.rows).toBe(15);
  });
});
