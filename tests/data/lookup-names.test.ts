/**
 * Every name the lookups know (issue 20: the builder's name picker) and the row a lookup answered
 * from (the explanation's sources): each listed name finds its own row through the same lookup
 * AI.MODEL and AI.CHIP use.
 */
import { isCellError } from "../../src/core/errors";
import { epochModels } from "../../src/data/datasets/epoch-models";
import { epochAccelerators } from "../../src/data/datasets/epoch-accelerators";
import {
  buildEpochChipIndex,
  buildEpochModelIndex,
  chipIndexOf,
  lookupChip,
  lookupChipHit,
  lookupHitIn,
  lookupIn,
  lookupModelHit,
  lookupNames,
  modelIndexOf,
  type LookupHit,
  type NameIndex,
} from "../../src/data/lookup";

const models: NameIndex[] = [modelIndexOf(), buildEpochModelIndex(epochModels)];
const chips: NameIndex[] = [chipIndexOf(), buildEpochChipIndex(epochAccelerators)];

const hitOf = (x: LookupHit | unknown): LookupHit => {
  if (isCellError(x)) throw new Error(`expected a hit, got ${x.toString()}`);
  return x as LookupHit;
};

describe("lookupNames", () => {
  it.each([
    ["models", models, "params"],
    ["chips", chips, "bf16"],
  ] as const)("every %s label and alias finds its own row", (_, indexes, field) => {
    const names = lookupNames(indexes);
    const wrong: string[] = [];
    for (const n of names) {
      for (const name of [n.label, ...n.aliases]) {
        const hit = lookupHitIn(indexes, name, field, { fieldFallback: field === "bf16" });
        if (isCellError(hit) || hit.dataset.id !== n.datasetId || hit.row !== n.row)
          wrong.push(`${name} → ${isCellError(hit) ? hit.message : `${hit.dataset.id}#${hit.row}`}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("lists the report's models and Epoch AI's (≈1,900 in all), each row once", () => {
    const names = lookupNames(models);
    expect(names.length).toBeGreaterThan(1800);
    expect(new Set(names.map((n) => `${n.datasetId}#${n.row}`)).size).toBe(names.length);
    const gpt3 = names.find((n) => n.label === "GPT-3");
    expect(gpt3?.datasetId).toBe("llm-comparison");
    const wudao = names.find((n) => n.label === "Wu Dao 2.0");
    expect(wudao?.aliases).toEqual(expect.arrayContaining(["悟道 2.0"]));
  });

  it("lists the datasheet chips with their aliases (Chinese names included), then Epoch AI's other chips", () => {
    const names = lookupNames(chips);
    const a100 = names.find((n) => n.label === "NVIDIA A100 SXM");
    expect(a100?.datasetId).toBe("accelerators");
    expect(a100?.aliases).toEqual(expect.arrayContaining(["A100", "英伟达 A100"]));
    expect(names.filter((n) => n.datasetId === "epoch-accelerators").length).toBeGreaterThan(150);
    // An Epoch row the curated table already answers for is not listed twice.
    expect(names.filter((n) => n.label === "NVIDIA A100 SXM4 80 GB" && n.datasetId === "epoch-accelerators")).toEqual([]);
  });
});

describe("the row a lookup answered from", () => {
  it("is the row lookupIn reads its figure from", () => {
    const hit = hitOf(lookupChipHit("A100", "bf16"));
    expect(hit).toEqual(expect.objectContaining({ value: 312e12, label: "NVIDIA A100 SXM", column: "tensor16_flops" }));
    expect(hit.dataset.id).toBe("accelerators");
    expect(hit.value).toBe(lookupChip("A100", "bf16"));
  });

  it("follows a field only Epoch's table has (AI.CHIP's fp8), and a name only Epoch knows", () => {
    const fp8 = hitOf(lookupChipHit("H100", "fp8", [chips[1]]));
    expect(fp8.dataset.id).toBe("epoch-accelerators");
    expect(String(fp8.value)).toBe(String(lookupIn(chips, "H100", "fp8", { fieldFallback: true })));
    const m = hitOf(lookupModelHit("AlphaGo Zero", "flop", [models[1]]));
    expect(m.dataset.id).toBe("epoch-models");
    expect(m.column).toBe("training_compute_flop");
  });

  it("is the lookup's own error when no row answers", () => {
    const miss = lookupModelHit("No such model", "params");
    expect(isCellError(miss) && miss.message).toMatch(/^no model named "No such model"/);
  });
});
