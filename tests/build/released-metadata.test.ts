/**
 * The built metadata against the last released metadata (tests/build/released/, the 0.2.0
 * release's functions.json and functions.zh-CN.json): only compatible changes (see
 * metadata-compat.ts for the rules). After a release, copy dist/functions*.json there.
 */
import * as fs from "fs";
import * as path from "path";
import { readDist } from "./dist";
import { compatibilityProblems, type Metadata, type MetaFunction } from "./metadata-compat";

const released = (file: string): Metadata => JSON.parse(fs.readFileSync(path.join(__dirname, "released", file), "utf8")) as Metadata;

describe.each(["functions.json", "functions.zh-CN.json"])("dist/%s against the released metadata", (file) => {
  it("keeps every released function, name and parameter: only optional parameters appended, only scalar → matrix", () => {
    expect(compatibilityProblems(released(file), JSON.parse(readDist(file)) as Metadata)).toEqual([]);
  });
});

describe("compatibility rules", () => {
  const base: MetaFunction = {
    id: "F",
    name: "F",
    parameters: [
      { name: "a", type: "number", dimensionality: "scalar" },
      { name: "b", type: "number", optional: true, dimensionality: "matrix" },
    ],
    result: { type: "number", dimensionality: "scalar" },
  };
  const meta = (f: MetaFunction): Metadata => ({ functions: [f] });
  const withParams = (parameters: MetaFunction["parameters"]): Metadata => meta({ ...base, parameters });

  it("accepts an appended optional parameter, required → optional, scalar → matrix (parameter and result), new functions", () => {
    const now: Metadata = {
      functions: [
        {
          ...base,
          parameters: [{ ...base.parameters[0], optional: true, dimensionality: "matrix" }, base.parameters[1], { name: "c", type: "string", optional: true }],
          result: { type: "number", dimensionality: "matrix" },
        },
        { id: "G", name: "G", parameters: [{ name: "x", type: "number" }] },
      ],
    };
    expect(compatibilityProblems(meta(base), now)).toEqual([]);
  });

  it.each([
    ["a removed function", { functions: [] }, "F: removed"],
    ["a renamed function", meta({ ...base, name: "G" }), "F: renamed from F to G"],
    ["a renamed parameter", withParams([{ ...base.parameters[0], name: "x" }, base.parameters[1]]), "now named x"],
    ["swapped parameters", withParams([base.parameters[1], base.parameters[0]]), "now named b"],
    ["a removed parameter", withParams([base.parameters[0]]), "parameter 2 (b): removed"],
    ["a changed type", withParams([{ ...base.parameters[0], type: "string" }, base.parameters[1]]), "type number became string"],
    ["optional → required", withParams([base.parameters[0], { ...base.parameters[1], optional: false }]), "optional became required"],
    ["matrix → scalar", withParams([base.parameters[0], { ...base.parameters[1], dimensionality: "scalar" }]), "matrix became scalar"],
    ["an appended required parameter", withParams([...base.parameters, { name: "c", type: "number" }]), "added as required"],
    ["a parameter inserted before the end", withParams([base.parameters[0], { name: "c", type: "number", optional: true }, base.parameters[1]]), "now named c"],
    ["a changed result type", meta({ ...base, result: { type: "string" } }), "result type number became string"],
    ["streaming switched on", meta({ ...base, options: { stream: true } }), "stream changed"],
  ] as const)("refuses %s", (_, now, problem) => {
    expect(compatibilityProblems(meta(base), now as Metadata).join("\n")).toContain(problem);
  });
});
