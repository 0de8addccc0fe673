/**
 * Proof on real sheets: every formula of every model template in AI mode, converted with
 * toPortable, gives the same values as the AI formulas (HyperFormula, AI functions registered
 * for "before"; the converted sheet calls none). Cells whose AI call has no native form take
 * their current value, as the conversion prescribes.
 */
import { applyPlan } from "../../src/hyperformula/apply-plan";
import { MODEL_TEMPLATES, type ModelLanguage } from "../../src/sheet/models";
import { epochModels } from "../../src/data/datasets/epoch-models";
import { callsAi, sameResult, toPortable, type CellResult } from "../../src/portable/convert";
import { differences, engine, mapPlanFormulas, result } from "./hf-helpers";

const REL = 1e-12; // the native arithmetic repeats the implementation's operations; LOG vs log2 may differ in the last bits

function sheetValues(plan: Parameters<typeof applyPlan>[1]): CellResult[][] {
  const hf = engine();
  const applied = applyPlan(hf, plan);
  const values = hf.getSheetValues(applied.sheetId).map((row) => row.map(result));
  hf.destroy();
  return values;
}

const LANGUAGES: ModelLanguage[] = ["en", "zh"];
const cases = MODEL_TEMPLATES.flatMap((t) => LANGUAGES.map((language) => [t.id, language] as const));

describe.each(cases)("template %s (%s, AI mode) converted to native formulas", (id, language) => {
  const template = MODEL_TEMPLATES.find((t) => t.id === id)!;
  const plan = template.build({ language, mode: "ai" }, { epochModels });
  const before = sheetValues(plan);
  const kinds: Record<string, number> = { noAi: 0, native: 0, value: 0, unreadable: 0 };
  const replaced = new Set<string>();
  const converted = mapPlanFormulas(plan, (formula, row, col) => {
    const c = toPortable(formula);
    kinds[c.kind]++;
    if (c.kind === "native") {
      c.functions.forEach((f) => replaced.add(f));
      return c.formula;
    }
    if (c.kind === "value") {
      const v = before[row]?.[col] ?? null;
      return v !== null && typeof v === "object" ? `=${v.error}` : { value: v };
    }
    if (c.kind === "unreadable") throw new Error(`${formula}: ${c.reason}`);
    return formula;
  });
  const after = sheetValues(converted);

  it("every formula is read, and the converted sheet calls no AI function", () => {
    expect(kinds.unreadable).toBe(0);
    expect(kinds.native).toBeGreaterThan(0);
    for (const b of converted.blocks) for (const row of b.formulas ?? []) for (const f of row) if (f !== null) expect(callsAi(f)).toBe(false);
  });

  it(`every cell has the same value and the same errors (relative difference ≤ ${REL})`, () => {
    expect(differences(before, after, REL, sameResult)).toEqual([]);
    // The sheet computes something: not a grid of errors compared with a grid of errors.
    expect(before.flat().filter((v) => typeof v === "number").length).toBeGreaterThan(10);
  });

  it("lists the AI functions it replaced", () => {
    expect(replaced.size).toBeGreaterThan(0);
  });
});
