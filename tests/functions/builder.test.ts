/** The function builder's data (issue 20, item 3): categories and search from the registry, formulas from arguments, name pickers. */
import {
  argumentExpression,
  argumentProblem,
  categoryOf,
  composeFormula,
  FUNCTION_ENTRIES,
  functionsByCategory,
  missingArgument,
  pickerFor,
  searchFunctions,
} from "../../src/functions/builder";
import { FUNCTIONS, getFunctionSpec } from "../../src/functions/registry";
import { CORE_FUNCTIONS } from "../../src/core/registry";
import { DATA_FUNCTIONS } from "../../src/data/functions";
import type { AnyFunctionSpec, ParamSpec } from "../../src/core/spec";

const spec = (id: string): AnyFunctionSpec => getFunctionSpec(id) as AnyFunctionSpec;
const param = (id: string, name: string): ParamSpec => spec(id).params.find((p) => p.name === name) as ParamSpec;
const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id);

describe("categories, from the module that defines each function", () => {
  it("lists all 21 functions once, in registry order within each category", () => {
    const groups = functionsByCategory();
    expect(groups.map((g) => g.category)).toEqual(["compute", "returns", "text", "data"]);
    expect(groups.flatMap((g) => ids(g.entries)).sort()).toEqual(ids(FUNCTIONS).sort());
    expect(FUNCTIONS).toHaveLength(21);
    expect(ids(groups[1].entries)).toEqual(["RELRETURN", "PCTCHANGE", "CAGR"]);
    expect(ids(groups[3].entries)).toEqual(ids(DATA_FUNCTIONS));
  });

  it("groups search results so the best match stays first", () => {
    const found = searchFunctions("chip");
    expect(found[0].id).toBe("CHIP");
    expect(functionsByCategory(found, true)[0].entries[0].id).toBe("CHIP");
    expect(functionsByCategory(found)[0].category).toBe("compute");
  });

  it("every core function is in a core family, every data function in data", () => {
    for (const f of CORE_FUNCTIONS) expect(categoryOf(f)).not.toBe("data");
    for (const f of DATA_FUNCTIONS) expect(categoryOf(f)).toBe("data");
    expect(FUNCTION_ENTRIES.find((e) => e.id === "TRAINDAYS")?.signature).toBe("AI.TRAINDAYS(flop, chips, peak_flops_per_chip, [utilization=0.3])");
  });
});

describe("search in both languages", () => {
  it("finds by id, with or without AI., ids that start with the query first", () => {
    expect(ids(searchFunctions("traindays"))).toEqual(["TRAINDAYS"]);
    // Then the functions that take a chip's figure (peak_flops_per_chip).
    expect(ids(searchFunctions("AI.CHIP"))).toEqual(["CHIP", "CHIPSNEEDED", "CHIPHOURS", "TRAINDAYS", "TRAINCOST"]);
  });

  it("finds by Chinese description, result label and category", () => {
    expect(ids(searchFunctions("天数"))).toEqual(["TRAINDAYS", "CHIPSNEEDED"]);
    expect(ids(searchFunctions("年均复合增长率"))).toEqual(["CAGR"]);
    expect(ids(searchFunctions("数据查询"))).toEqual(ids(DATA_FUNCTIONS));
  });

  it("finds by English description (functions.json's, passed in), category and parameter names", () => {
    const english = new Map([["TRAINCOST", "Cost of a training run: chip-hours × price per chip-hour."]]);
    expect(ids(searchFunctions("price per chip-hour", english))).toEqual(["TRAINCOST"]);
    expect(ids(searchFunctions("utilization"))).toEqual(["TRAINDAYS", "CHIPSNEEDED", "CHIPHOURS", "TRAINCOST"]);
    expect(ids(searchFunctions("  "))).toEqual(ids(FUNCTIONS));
    expect(searchFunctions("no such thing")).toEqual([]);
  });

  it("ignores full-width forms and case", () => {
    expect(ids(searchFunctions("ＣＡＧＲ"))).toEqual(["CAGR"]);
  });
});

describe("formulas from the arguments", () => {
  it("numbers and cells as typed, text quoted, '=' for an expression", () => {
    expect(argumentExpression(param("TRAINDAYS", "chips"), " 1024 ")).toBe("1024");
    expect(argumentExpression(param("TRAINDAYS", "flop"), "C1")).toBe("C1");
    expect(argumentExpression(param("RELRETURN", "method"), "geometric")).toBe('"geometric"');
    expect(argumentExpression(param("MODEL", "name"), 'say "hi"')).toBe('"say ""hi"""');
    expect(argumentExpression(param("MODEL", "name"), "=A2")).toBe("A2");
    expect(argumentExpression(param("PARSENUM", "text"), "1750 亿")).toBe('"1750 亿"');
    expect(argumentExpression(param("DATASET", "with_header"), "false")).toBe("FALSE");
    expect(argumentExpression(param("TRAINDAYS", "chips"), "")).toBe("");
  });

  it("drops trailing empty arguments and keeps an empty one in between", () => {
    expect(composeFormula("TRAINDAYS", ["C1", "1024", 'AI.CHIP("A100")', ""])).toBe('=AI.TRAINDAYS(C1,1024,AI.CHIP("A100"))');
    expect(composeFormula("RELRETURN", ["0.1", "", '"geometric"'])).toBe('=AI.RELRETURN(0.1,,"geometric")');
    expect(composeFormula("DATASETS", [""])).toBe("=AI.DATASETS()");
  });

  it("names the first required argument left empty", () => {
    expect(missingArgument(spec("TRAINDAYS"), ["C1", "", "312e12"])?.name).toBe("chips");
    expect(missingArgument(spec("TRAINDAYS"), ["C1", "8", "312e12"])).toBeNull();
    expect(missingArgument(spec("PARSENUM"), [])?.name).toBe("text");
  });

  it("says why an argument cannot go into a formula, in the parser's words", () => {
    expect(argumentProblem("1024")).toBeNull();
    expect(argumentProblem("AI.CHIP(")).toMatch(/ends too early/);
  });
});

describe("name pickers", () => {
  it("AI.CHIP and AI.MODEL take the name itself", () => {
    expect(pickerFor("CHIP", param("CHIP", "name"))?.expression("A100")).toBe('"A100"');
    expect(pickerFor("MODEL", param("MODEL", "name"))?.kind).toBe("model");
    expect(pickerFor("MODEL", param("MODEL", "field"))).toBeNull();
  });

  it("a chip's peak FLOP/s comes from AI.CHIP, a model's figures from AI.MODEL with the field (the default left out)", () => {
    expect(pickerFor("TRAINDAYS", param("TRAINDAYS", "peak_flops_per_chip"))?.expression("A100")).toBe('AI.CHIP("A100")');
    expect(pickerFor("TRAINDAYS", param("TRAINDAYS", "flop"))?.expression("GPT-3")).toBe('AI.MODEL("GPT-3","flop")');
    expect(pickerFor("TRAINFLOPS", param("TRAINFLOPS", "params"))?.expression("GPT-3")).toBe('AI.MODEL("GPT-3")');
    expect(pickerFor("TRAINDAYS", param("TRAINDAYS", "chips"))).toBeNull();
  });
});
