/**
 * "Explain this cell" (issue 20, item 4): every function has an explanation whose value is the
 * runner's; each step's arithmetic equals the implementation; nested calls come inner first;
 * a spilled element is chosen by its offset; an error names its argument with the runner's own
 * message; looked-up figures carry their sources; English and Chinese.
 */
import fc from "fast-check";
import { explainFormula, evaluateStepExpr, formulaReferences, FORMULAS, type Explanation, type ExplainStep } from "../../src/functions/explain";
import { FUNCTIONS, getFunctionSpec } from "../../src/functions/registry";
import { FUNCTION_DOCS } from "../../src/functions/docs";
import { exampleFormula } from "../../src/functions/reference";
import { convertArg, invoke, type AnyFunctionSpec, type Scalar } from "../../src/core/spec";
import { isCellError, type CellError } from "../../src/core/errors";
import { clearEpochCache, setEpochDataset } from "../../src/data/epoch-cache";
import { epochModels } from "../../src/data/datasets/epoch-models";
import type { ReadResult, SheetValue } from "../../src/sheet/workbook";

type Explained = Extract<Explanation, { kind: "explained" }>;

function explain(
  formula: string,
  cells: Record<string, SheetValue[][]> = {},
  options: { language?: "en" | "zh"; element?: { row: number; col: number } } = {}
): Explained {
  const refs = new Map<string, ReadResult>(Object.entries(cells).map(([k, values]) => [k, { ok: true, values }]));
  const e = explainFormula(formula, refs, { language: options.language ?? "en", element: options.element });
  if (e.kind !== "explained") throw new Error(`not explained: ${JSON.stringify(e)}`);
  return e;
}

const spec = (id: string): AnyFunctionSpec => {
  const s = getFunctionSpec(id);
  if (!s) throw new Error(id);
  return s;
};

const last = (e: Explained): ExplainStep => e.steps[e.steps.length - 1];

/** Relative closeness with an explicit tolerance. */
const close = (a: number, b: number, tol = 1e-12): boolean => Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b), 1e-300);

afterEach(() => clearEpochCache());

describe("every function has an explanation", () => {
  it.each(FUNCTIONS.map((f) => f.id))("%s: its documented example is explained with the runner's value, in both languages", (id) => {
    const f = spec(id);
    const formula = exampleFormula(id);
    const expected = invoke(f, FUNCTION_DOCS[id].example);
    for (const language of ["en", "zh"] as const) {
      const e = explain(formula, {}, { language });
      const step = last(e);
      expect(step.id).toBe(id);
      expect(step.error).toBeUndefined();
      expect(step.text.length).toBeGreaterThan(5);
      expect(step.args.map((a) => a.name)).toEqual(f.params.map((p) => p.name));
      const want = Array.isArray(expected) ? expected[0][0] : expected;
      if (typeof want === "number") expect(close(step.value as number, want)).toBe(true);
      else expect(step.value).toEqual(want);
      expect(e.value).toEqual(step.value);
    }
  });

  it("each function has a closed-form step or a described one (lookups, text, tables)", () => {
    const described = ["PARSENUM", "PARSEBYTES", "MODEL", "CHIP", "DATASET", "DATASETS"];
    for (const f of FUNCTIONS) expect({ id: f.id, covered: f.id in FORMULAS || described.includes(f.id) }).toEqual({ id: f.id, covered: true });
  });
});

describe("each step's arithmetic is the implementation's", () => {
  const argsOf = (f: AnyFunctionSpec, raw: readonly unknown[]): Record<string, Scalar> | null => {
    const out: Record<string, Scalar> = {};
    for (let i = 0; i < f.params.length; i++) {
      const v = convertArg(f.params[i], raw[i] ?? null);
      if (isCellError(v)) return null;
      out[f.params[i].name] = v;
    }
    return out;
  };
  const impl = (f: AnyFunctionSpec, a: Record<string, Scalar>): unknown =>
    (f.impl as unknown as (...x: Scalar[]) => unknown)(...f.params.map((p) => a[p.name]));

  it.each(Object.keys(FORMULAS))("%s: at its documented example, within 1e-12", (id) => {
    const f = spec(id);
    const a = argsOf(f, FUNCTION_DOCS[id].example) as Record<string, Scalar>;
    expect(close(evaluateStepExpr(FORMULAS[id](a), a), impl(f, a) as number)).toBe(true);
  });

  it.each(Object.keys(FORMULAS))("%s: at random arguments inside the bounds, within 1e-9", (id) => {
    const f = spec(id);
    const arb = fc.tuple(
      ...f.params.map((p) => (p.kind === "text" && p.choices ? fc.constantFrom(...p.choices) : fc.double({ min: 0.01, max: 1e6, noNaN: true })))
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const a = argsOf(f, raw);
        if (a === null) return true; // outside a bound: the runner's error, not a formula
        const want = impl(f, a);
        if (typeof want !== "number" || !Number.isFinite(want)) return true;
        return close(evaluateStepExpr(FORMULAS[id](a), a), want, 1e-9);
      }),
      { numRuns: 200 }
    );
  });
});

describe("the words and numbers of a step", () => {
  it("=AI.TRAINDAYS(C1, 1024, 312e12) with C1 = 3.14e23: FLOP ÷ (chips × FLOP/s × utilization) ÷ 86,400 s = days", () => {
    const days = 3.14e23 / (1024 * 312e12 * 0.3) / 86400;
    const e = explain("=AI.TRAINDAYS(C1, 1024, 312e12)", { C1: [[3.14e23]] });
    const step = last(e);
    expect(step.text).toBe(`3.14E+23 FLOP ÷ (1,024 chips × 3.12E+14 FLOP/s × 30% utilization) ÷ 86,400 s a day = ${days.toFixed(2)} days`);
    expect(step.args.map((a) => [a.name, a.shown, a.from])).toEqual([
      ["flop", "3.14E+23 FLOP", "C1"],
      ["chips", "1,024 chips", null],
      ["peak_flops_per_chip", "3.12E+14 FLOP/s", null],
      ["utilization", "30% utilization", "default 0.3"],
    ]);
    expect(close(step.value as number, days)).toBe(true);
    expect(step.sources[0].text).toMatch(/^Method: hardware-time method: Epoch AI/);
  });

  it("in Chinese", () => {
    const step = last(explain("=AI.TRAINDAYS(C1, 1024, 312e12)", { C1: [[3.14e23]] }, { language: "zh" }));
    expect(step.text).toMatch(/^3\.14E\+23 FLOP ÷ \(1,024 颗芯片 × 3\.12E\+14 FLOP\/s × 利用率 30%\) ÷ 每天 86,400 秒 = 37\.92 天$/);
    expect(step.label).toBe("训练天数");
    expect(step.args[3].from).toBe("默认值 0.3");
  });

  it("a geometric relative return shows (1 + asset) ÷ (1 + benchmark) − 1", () => {
    const step = last(explain('=AI.RELRETURN(0.1, 0.05, "geometric")'));
    expect(step.text).toBe("(1 + 10%) ÷ (1 + 5%) − 1 = 4.76%");
  });

  it("CAGR and a growth factor keep the parentheses precedence needs", () => {
    expect(last(explain("=AI.CAGR(155.2, 1271.4, 5)")).text).toBe("(1271.4 ÷ 155.2)^(1 ÷ 5 years) − 1 = 52.29% a year");
    expect(last(explain("=AI.OPTIMALPARAMS(5.76e23)")).text).toBe(
      "√(5.76E+23 FLOP ÷ (6 FLOP per parameter per token × 20 tokens per parameter)) = 6.93E+10 parameters"
    );
  });
});

describe("nested calls, step by step", () => {
  const formula = '=AI.TRAINDAYS(AI.TRAINFLOPS(175e9,300e9),1024,AI.CHIP("A100"))';

  it("explains the inner calls first, and the outer call's arguments name their steps", () => {
    const e = explain(formula);
    expect(e.steps.map((s) => s.id)).toEqual(["TRAINFLOPS", "CHIP", "TRAINDAYS"]);
    const outer = last(e);
    expect(outer.args.map((a) => a.from)).toEqual(["step 1", null, "step 2", "default 0.3"]);
    expect(e.steps[0].text).toBe("1.75E+11 parameters × 3.00E+11 tokens × 6 FLOP per parameter per token = 3.15E+23 FLOP");
    const days = (175e9 * 300e9 * 6) / (1024 * 312e12 * 0.3) / 86400;
    expect(close(e.value as number, days)).toBe(true);
    expect(outer.text.endsWith(`= ${days.toFixed(2)} days`)).toBe(true);
  });

  it("cites the looked-up chip's datasheet (its row's source and link) and its dataset", () => {
    const chip = explain(formula).steps[1];
    expect(chip.text).toBe("NVIDIA A100 SXM · FP16/BF16 dense tensor (FLOP/s) (bf16) in accelerators = 3.12E+14 FLOP/s");
    expect(chip.sources[0]).toEqual({
      text: "NVIDIA A100 SXM: NVIDIA A100 datasheet; confidence: datasheet",
      url: expect.stringMatching(/^https:\/\/www\.nvidia\.com\/.*a100/),
    });
    expect(chip.sources.length).toBeGreaterThan(1);
  });

  it("cites a model's FLOP by its row's source, and Epoch AI's table for a model only Epoch has", () => {
    const gpt3 = explain('=AI.MODEL("GPT-3","flop")').steps[0];
    expect(gpt3.sources[0].text).toMatch(/^GPT-3: .*Table D\.1/);
    setEpochDataset(epochModels);
    const row = epochModels.rows.find((r) => typeof r[5] === "number" && r[0] === "AlphaGo Zero");
    expect(row).toBeDefined();
    const alpha = explain('=AI.MODEL("AlphaGo Zero","flop")').steps[0];
    expect(alpha.text).toMatch(/^AlphaGo Zero · Training compute \(FLOP\) \(flop\) in epoch-models = \d\.\d\dE\+\d\d FLOP$/);
    expect(alpha.sources.map((s) => s.text).join(" | ")).toMatch(/confidence: .*Epoch AI, "Data on Notable\/All AI Models" \(CC BY 4\.0\)/);
  });
});

describe("a spilled element, chosen by its offset", () => {
  it("takes each range's element at the offset, and names its cell", () => {
    const e = explain("=AI.TRAINFLOPS(A1:A3, B1)", { "A1:A3": [[1e9], [2e9], [3e9]], B1: [[1e12]] }, { element: { row: 2, col: 0 } });
    expect(e.size).toEqual({ rows: 3, cols: 1 });
    expect(e.element).toEqual({ row: 2, col: 0 });
    const step = last(e);
    expect(step.args.map((a) => a.from)).toEqual(["A3", "B1", "default 6"]);
    expect(step.value).toBe(3e9 * 1e12 * 6);
    expect(e.value).toBe(3e9 * 1e12 * 6);
  });

  it("a column against a row gives the grid: element (1, 2) pairs the second row with the third column", () => {
    const e = explain("=AI.TRAINDAYS(A1:A2, B1:D1, 312e12)", { "A1:A2": [[1e23], [2e23]], "B1:D1": [[256, 512, 1024]] }, { element: { row: 1, col: 2 } });
    expect(e.size).toEqual({ rows: 2, cols: 3 });
    expect(
      last(e)
        .args.slice(0, 2)
        .map((a) => [a.from, a.shown])
    ).toEqual([
      ["A2", "2.00E+23 FLOP"],
      ["D1", "1,024 chips"],
    ]);
    expect(close(e.value as number, 2e23 / (1024 * 312e12 * 0.3) / 86400)).toBe(true);
  });

  it("a nested call over a range is explained at the same element", () => {
    const e = explain("=AI.TRAINDAYS(AI.TRAINFLOPS(A1:A3,300e9),1024,312e12)", { "A1:A3": [[70e9], [175e9], [280e9]] }, { element: { row: 1, col: 0 } });
    expect(e.steps[0].args[0]).toEqual(expect.objectContaining({ from: "A2", shown: "1.75E+11 parameters" }));
    expect(e.steps[1].args[0].from).toBe("step 1");
    expect(close(e.value as number, (175e9 * 300e9 * 6) / (1024 * 312e12 * 0.3) / 86400)).toBe(true);
  });

  it("an element of a table (AI.DATASET) is its cell, with the dataset's sources", () => {
    const e = explain('=AI.DATASET("accelerators")', {}, { element: { row: 2, col: 1 } });
    const step = last(e);
    expect(e.size?.cols).toBe(13);
    expect(step.text).toMatch(/^dataset "accelerators" \(.*\): \d+ × 13; row 3, column "Name": "NVIDIA A100 SXM"$/);
    expect(step.sources.length).toBeGreaterThan(0);
  });

  it("an offset outside the result says so and explains the last element", () => {
    const e = explain("=AI.PFDAYS(A1:A2)", { "A1:A2": [[8.64e19], [1.728e20]] }, { element: { row: 5, col: 0 } });
    expect(e.notes.join(" ")).toMatch(/outside the formula's 2 × 1 result/);
    expect(e.value).toBe(2);
  });
});

describe("errors, as the cell shows them: which argument and why", () => {
  it("names the argument with the runner's own message", () => {
    const runner = invoke(spec("TRAINDAYS"), [1e23, 0, 312e12]) as CellError;
    const step = last(explain("=AI.TRAINDAYS(1e23, 0, 312e12)"));
    expect(step.shown).toBe("#VALUE!");
    expect(step.error).toEqual({ code: "#VALUE!", argument: "chips", message: runner.message });
    expect(runner.message).toBe("chips must be greater than 0, got 0");
  });

  it("an error from an inner step is passed through, and the outer step says from where", () => {
    const e = explain('=AI.PFDAYS(AI.MODEL("No such model","flop"))');
    expect(e.steps[0].error).toEqual({ code: "#N/A", argument: null, message: expect.stringMatching(/^no model named "No such model", and no name in llm-comparison is close to it/) });
    expect(e.steps[1].error?.argument).toBe("flop");
    expect(e.steps[1].error?.message).toMatch(/^flop is an error from step 1, passed through unchanged: no model named/);
    expect(e.shown).toBe("#N/A");
  });

  it("a referenced cell's error (one the functions never return) comes out as the cell shows it", () => {
    const e = explain("=AI.PFDAYS(C1)", { C1: [[{ error: "#REF!" }]] });
    expect(e.shown).toBe("#REF!");
    expect(last(e).error).toEqual({ code: "#REF!", argument: "flop", message: "flop is an error from C1, passed through unchanged: C1 shows #REF!" });
  });

  it("the function's own check names its argument too (growth_factor 1 has no doubling time)", () => {
    const step = last(explain("=AI.DOUBLINGTIME(1, 12)"));
    expect(step.error).toEqual({ code: "#DIV/0!", argument: "growth_factor", message: "growth_factor 1 means no growth: there is no doubling time" });
  });

  it("ranges whose shapes cannot pair: one error naming both", () => {
    const step = last(
      explain("=AI.TRAINFLOPS(A1:C2, D1:E3)", {
        "A1:C2": [
          [1, 2, 3],
          [4, 5, 6],
        ],
        "D1:E3": [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      })
    );
    expect(step.error?.argument).toBeNull();
    expect(step.error?.message).toBe("params is 2×3 and tokens is 3×2: arrays pair when each dimension is equal or 1 (a single value, a column or a row)");
  });

  it("an element's own error stays in that element", () => {
    const cells = { "A1:A2": [[8.64e19], ["abc"]] as SheetValue[][] };
    expect(explain("=AI.PFDAYS(A1:A2)", cells, { element: { row: 0, col: 0 } }).value).toBe(1);
    const bad = last(explain("=AI.PFDAYS(A1:A2)", cells, { element: { row: 1, col: 0 } }));
    expect(bad.error).toEqual({ code: "#VALUE!", argument: "flop", message: 'flop must be a number, got text "abc"' });
  });
});

describe("what the explanation cannot compute, it says", () => {
  it("an Excel function inside: described, not recomputed", () => {
    const e = explain("=AI.PFDAYS(SUM(A1:A3))", { "A1:A3": [[1], [2], [3]] });
    expect(e.notes.join(" ")).toMatch(/SUM\(\) is Excel's own function/);
    expect(last(e).text).toBe("not computed here (it depends on a value Excel computes)");
    expect(e.value).toBeNull();
  });

  it("a reference the workbook could not read", () => {
    const refs = new Map<string, ReadResult>([["Rate", { ok: false, reason: "no such name" }]]);
    const e = explainFormula("=AI.PFDAYS(Rate)", refs, { language: "en" });
    expect(e.kind === "explained" && e.notes).toEqual(["Rate could not be read (no such name), so the steps that use it are not computed here."]);
  });

  it("arithmetic around the calls is its own step, with each part's value", () => {
    const e = explain("=AI.PFDAYS(8.64e19)*2+C1", { C1: [[1]] });
    expect(last(e)).toEqual(expect.objectContaining({ id: null, text: "(1 × 2) + 1 = 3", shown: "3" }));
  });

  it("a formula without AI calls, and one the parser cannot read", () => {
    expect(explainFormula("=SUM(A1:A3)", new Map(), { language: "en" })).toEqual({ kind: "noAi" });
    expect(explainFormula("=AI.PFDAYS(", new Map(), { language: "en" })).toEqual({ kind: "unreadable", reason: expect.stringMatching(/ends too early/) });
  });
});

describe("formulaReferences", () => {
  it("lists each reference once, as written, names and other sheets included", () => {
    expect(formulaReferences("=AI.TRAINDAYS(C1,'Other sheet'!B2:B9,AI.CHIP(D1))+C1*Rate")).toEqual(["C1", "'Other sheet'!B2:B9", "D1", "Rate"]);
    expect(formulaReferences("=AI.PFDAYS(")).toEqual([]);
  });
});
