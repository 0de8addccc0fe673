/** functions.json and functions.zh-CN.json, as built, against the registry and the translation table. */
import { readDist } from "./dist";
import { FUNCTIONS } from "../../src/functions/registry";
import { isOptional } from "../../src/core/spec";

interface MetaParam {
  name: string;
  description?: string;
  optional?: boolean;
  type?: string;
  dimensionality?: string;
}
interface MetaFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetaParam[];
  result?: { dimensionality?: string };
}
const en = JSON.parse(readDist("functions.json")) as { functions: MetaFunction[] };
const zh = JSON.parse(readDist("functions.zh-CN.json")) as { functions: MetaFunction[] };

describe("dist/functions.json", () => {
  it("lists every function of the registry, in order", () => {
    expect(en.functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.id));
  });

  it.each(FUNCTIONS.map((f) => [f.id, f] as const))("%s: parameters match the core spec in name, order and optionality", (id, spec) => {
    const meta = en.functions.find((f) => f.id === id)!;
    expect(meta.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
    expect(meta.parameters.map((p) => p.optional === true)).toEqual(spec.params.map(isOptional));
  });

  it.each(FUNCTIONS.map((f) => f.id))("%s: the function and every parameter have a description", (id) => {
    const meta = en.functions.find((f) => f.id === id)!;
    expect(meta.description?.length).toBeGreaterThan(20);
    for (const p of meta.parameters) expect(p.description?.length).toBeGreaterThan(5);
  });

  it("ids have no namespace in them (Excel would show AI.AI.X) and use only [A-Z0-9.]", () => {
    for (const f of en.functions) expect(f.id).toMatch(/^(?!AI\.)[A-Z][A-Z0-9.]*$/);
  });

  it("matrix results are declared as matrices so they spill", () => {
    for (const spec of FUNCTIONS.filter((f) => f.returns === "matrix")) {
      expect(en.functions.find((f) => f.id === spec.id)!.result?.dimensionality).toBe("matrix");
    }
  });
});

describe("dist/functions.zh-CN.json", () => {
  it("has the same functions and parameters as the English metadata", () => {
    expect(zh.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)])).toEqual(
      en.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)])
    );
  });
  it("describes every function and parameter in Chinese", () => {
    const han = /[\u4e00-\u9fff]/;
    for (const f of zh.functions) {
      expect(f.description).toMatch(han);
      for (const p of f.parameters) expect(p.description).toMatch(han);
    }
  });
});
