/**
 * Invariants every model template keeps, in both modes and both languages: the conventions
 * checker finds nothing, functions exist in HyperFormula (or are registered AI.* functions),
 * portable sheets call no AI.* function, and the two languages build the same model.
 */
import { HyperFormula } from "hyperformula";
import { epochModels } from "../../src/data/datasets/epoch-models";
import { FUNCTION_IDS } from "../../src/functions/registry";
import { MODEL_TEMPLATES, MODEL_TEMPLATE_IDS, getModelTemplate } from "../../src/sheet/models";
import type { ModelSheetPlan } from "../../src/sheet/models/common";
import { functionsUsed, modelPlanProblems, numericLiterals, planCell } from "../../src/sheet/models/lint";
import { sheetNameProblem } from "../../src/sheet/plan";
import { applyModel } from "./helpers";

const MODES = ["ai", "portable"] as const;
const LANGUAGES = ["zh", "en"] as const;
const CASES = MODEL_TEMPLATES.flatMap((t) => MODES.flatMap((mode) => LANGUAGES.map((language) => [t.id, mode, language] as const)));

const cache = new Map<string, ModelSheetPlan>();
function plan(id: string, mode: "ai" | "portable", language: "zh" | "en"): ModelSheetPlan {
  const key = `${id}/${mode}/${language}`;
  let p = cache.get(key);
  if (!p) {
    p = getModelTemplate(id)!.build({ language, mode }, { epochModels });
    cache.set(key, p);
  }
  return p;
}

const formulas = (p: ModelSheetPlan): string[] => p.blocks.flatMap((b) => (b.formulas ?? []).flat().filter((f): f is string => f !== null));

describe.each(CASES)("%s (%s, %s)", (id, mode, language) => {
  it("keeps the modelling conventions (units, notes, styles, no hard-coded numbers, defined names)", () => {
    expect(modelPlanProblems(plan(id, mode, language))).toEqual([]);
  });

  it("no formula hides a number (checked formula by formula)", () => {
    const offenders = formulas(plan(id, mode, language)).filter((f) => numericLiterals(f).length > 0);
    expect(offenders).toEqual([]);
  });

  it("every input has a unit and a note written beside it", () => {
    const p = plan(id, mode, language);
    expect(p.model.inputs.length).toBeGreaterThan(0);
    for (const i of p.model.inputs) {
      expect(String(planCell(p, i.unitAt)?.value ?? "").trim()).not.toBe("");
      expect(String(planCell(p, i.noteAt)?.value ?? "").trim()).not.toBe("");
    }
  });

  it("calls only functions HyperFormula knows or the add-in registers; portable calls no AI.* function", () => {
    const native = new Set(HyperFormula.getRegisteredFunctionNames("enGB"));
    const used = new Set(formulas(plan(id, mode, language)).flatMap(functionsUsed));
    for (const f of used) {
      if (f.startsWith("AI.")) {
        expect(mode).toBe("ai");
        expect(FUNCTION_IDS).toContain(f.slice(3));
      } else expect(native.has(f)).toBe(true);
    }
    if (mode === "ai") expect([...used].some((f) => f.startsWith("AI."))).toBe(true);
  });

  it("computes: every output is a finite number, with no cell errors", () => {
    const p = plan(id, mode, language);
    const m = applyModel(p);
    for (const o of p.model.outputs) {
      const v = m.value(o.cell); // throws on a cell error
      expect(typeof v === "number" && Number.isFinite(v)).toBe(true);
    }
  });

  it("has a valid sheet name in its language and a notes-and-sources block", () => {
    const p = plan(id, mode, language);
    expect(p.target.kind).toBe("newSheet");
    if (p.target.kind === "newSheet") expect(sheetNameProblem(p.target.name)).toBeNull();
    expect(p.notes?.lines.length ?? 0).toBeGreaterThanOrEqual(3);
    const cjk = /[\u4e00-\u9fff]/;
    const title = String(planCell(p, { row: 0, col: 0 })?.value);
    expect(cjk.test(title)).toBe(language === "zh");
  });
});

describe.each(MODEL_TEMPLATES.flatMap((t) => MODES.map((m) => [t.id, m] as const)))("%s (%s): the two languages", (id, mode) => {
  it("build the same model: same inputs, outputs, names and formulas (apart from quoted text)", () => {
    const zh = plan(id, mode, "zh");
    const en = plan(id, mode, "en");
    const shape = (p: ModelSheetPlan) => ({
      inputs: p.model.inputs.map((i) => [i.cell, i.unitAt, i.noteAt, i.name]),
      outputs: p.model.outputs.map((o) => [o.key, o.rowKey, o.cell, o.name]),
      names: p.names,
      formulas: formulas(p).map((f) => f.replace(/"[^"]*"/g, '"…"')),
    });
    expect(shape(zh)).toEqual(shape(en));
  });

  it("give the same outputs", () => {
    const zh = applyModel(plan(id, mode, "zh"));
    const en = applyModel(plan(id, mode, "en"));
    for (const o of en.plan.model.outputs) expect(zh.value(o.cell)).toEqual(en.value(o.cell));
  });
});

describe("the template list", () => {
  it("has five templates with unique ids and titles in both languages", () => {
    expect(MODEL_TEMPLATE_IDS).toEqual(["training-compute", "inference-demand", "china-compute-balance", "relative-performance", "compute-trend"]);
    for (const t of MODEL_TEMPLATES) {
      expect(t.title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(t.title.en).toMatch(/^[A-Z]/);
      expect(t.description.zh.length).toBeGreaterThan(10);
      expect(t.description.en.length).toBeGreaterThan(10);
    }
    expect(getModelTemplate("nope")).toBeUndefined();
  });

  it("compute-trend says it needs epoch-models, and refuses to build without it", () => {
    const t = getModelTemplate("compute-trend")!;
    expect(t.requires).toEqual(["epoch-models"]);
    expect(() => t.build({ language: "en", mode: "ai" })).toThrow(/loadEpochModels/);
    for (const other of MODEL_TEMPLATES.filter((x) => x.id !== "compute-trend")) expect(other.requires).toEqual([]);
  });

  it("sheet names avoid the workbook's existing names; a chosen name is kept", () => {
    const t = getModelTemplate("training-compute")!;
    const p = t.build({ language: "en", mode: "ai", existingSheetNames: ["Training compute"] });
    expect(p.target).toEqual({ kind: "newSheet", name: "Training compute (2)" });
    expect(t.build({ language: "zh", mode: "ai", sheetName: "我的模型" }).target).toEqual({ kind: "newSheet", name: "我的模型" });
  });

  it("two copies of a model can live in one workbook (names are sheet-scoped)", () => {
    const t = getModelTemplate("inference-demand")!;
    const first = t.build({ language: "en", mode: "portable" });
    expect(first.names?.every((n) => n.scope === "sheet")).toBe(true);
  });
});
