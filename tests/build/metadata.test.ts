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

  it("every result is declared as a matrix, so ranges spill (a 1×1 result shows as its value)", () => {
    for (const f of en.functions) expect({ id: f.id, result: f.result?.dimensionality }).toEqual({ id: f.id, result: "matrix" });
  });

  it("every parameter is declared as a matrix, so Excel passes a range as a 2-D array instead of relying on lifting (issue 14)", () => {
    for (const f of en.functions)
      for (const p of f.parameters) expect({ id: f.id, p: p.name, d: p.dimensionality }).toEqual({ id: f.id, p: p.name, d: "matrix" });
  });

  it("the parameter types stay what they were: number, string, boolean (only the dimensionality changed)", () => {
    const types = Object.fromEntries(en.functions.map((f) => [f.id, f.parameters.map((p) => p.type)]));
    expect(types.TRAINFLOPS).toEqual(["number", "number", "number"]);
    expect(types.MODEL).toEqual(["string", "string"]);
    expect(types.DATASET).toEqual(["string", "boolean", "string"]);
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
