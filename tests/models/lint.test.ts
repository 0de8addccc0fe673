import { functionsUsed, modelPlanProblems, namesUsed, numericLiterals, planCell, rangesUsed, tokenizeFormula } from "../../src/sheet/models/lint";
import { INPUT_STYLE, ModelBuilder, OUTPUT_STYLE, type ModelSheetPlan } from "../../src/sheet/models/common";

describe("numericLiterals: the hard-coded-number checker", () => {
  it.each([
    ["=6*B2*C2", ["6"]],
    ["=B2/8.64E+19", ["8.64E+19"]],
    ["=B2*1e3", ["1e3"]],
    ["=ROUNDUP(B2,2*3)", ["2", "3"]],
    ["=(E5/D5)^(1/4)-1", ["4"]], // 1 is the unit of the rate; the 4 years are hidden
    ["=B2*1", ["1"]],
    ["=1*B2", ["1"]],
    ["=B2^1", ["1"]],
    ["=IF(A1,1,0)", ["1", "0"]],
    ["=-1+B2", ["1"]],
    ["=B2+2", ["2"]],
    ["=ROUNDDOWN(B3,-3)", ["3"]], // a signed digits argument is not a bare number
    ["=B2*10%", ["10"]],
    ["=IF(A1>0.5,1,2)", ["0.5", "1", "2"]],
    ["=INDEX(T,MATCH(A1,K,0),3*2)", ["3", "2"]], // arithmetic inside INDEX's argument hides numbers
    ["=INDEX(T,-1)", ["1"]],
    ["=MATCH(A1,K,0)*2", ["2"]],
  ])("%s → %j", (formula, expected) => {
    expect(numericLiterals(formula)).toEqual(expected);
  });

  it.each([
    "=Flop_Per_Param_Token*$B7*$C7",
    "=INDEX(Chip_Peak_FLOPS,MATCH($D7,Chip_Names,0))",
    "=INDEX(Levels,MATCH(Start_Date,Level_Dates,1),MATCH($A12,Level_Codes,0))",
    "=INDEX(Table,2,3)",
    "=AI.TRAINDAYS(I7,E7,H7,F7)",
    "=LOG10(A1)+Peak_2x",
    '=IF(A1="1,2","",B$12)',
    "='Sheet 2'!A1+Sheet3!$B$4",
    '=COUNTIF(Period_Returns,">="&$E9)',
    "=AB12*XFD1048576",
    "=ROUNDUP(Chips_Exact/Chips_Per_Server,0)",
    "=ROUND(B2,2)+ROUNDDOWN(B3,0)",
    "=(Supply_End/Supply_Start)^(1/(Year_End-Year_Start))-1",
    "=Base*(1+Growth)^Years",
  ])("%s has none", (formula) => {
    expect(numericLiterals(formula)).toEqual([]);
  });

  it("tells cell references, names and functions apart", () => {
    expect(namesUsed("=LOG10(A1)+Peak_2x*$B$3+Tokens_Per_Param")).toEqual(["Peak_2x", "Tokens_Per_Param"]);
    expect(functionsUsed('=IF(A1,AI.CHIP(B1,"bf16"),CEILING.MATH(C1))')).toEqual(["IF", "AI.CHIP", "CEILING.MATH"]);
    expect(tokenizeFormula("=A1:B2").map((t) => t.kind)).toEqual(["ref", "op", "ref"]);
  });
});

describe("modelPlanProblems", () => {
  const build = (edit: (b: ModelBuilder) => void): ModelSheetPlan => {
    const b = new ModelBuilder("en");
    edit(b);
    return b.build({ templateId: "t", mode: "portable", sheetName: "T", notes: { at: { row: 30, col: 0 }, lines: ["n"] }, autofit: [] });
  };

  it("a well-formed model has no problems", () => {
    const plan = build((b) => {
      b.param(0, 0, { label: "Params", value: 175e9, unit: "parameters", note: "GPT-3", fmt: "0", kind: "input", name: "Params" });
      b.param(1, 0, { label: "Twice", value: { f: "=Params+Params" }, unit: "parameters", note: "sum", fmt: "0", kind: "output", key: "twice" });
    });
    expect(modelPlanProblems(plan)).toEqual([]);
  });

  it("finds an input without a unit or note, a hidden number, an undefined name, an undeclared input and an unmarked output", () => {
    const plan = build((b) => {
      b.param(0, 0, { label: "Params", value: 175e9, unit: "", note: "", fmt: "0", kind: "input", name: "Params" });
      b.param(1, 0, { label: "FLOP", value: { f: "=6*Params*Tokenz" }, unit: "FLOP", note: "6ND", fmt: "0", kind: "output", key: "flop" });
      b.put(2, 0, [
        [
          { v: 42, style: INPUT_STYLE },
          { f: "=Params", style: INPUT_STYLE },
          { f: "=Params", style: { fontColor: "#000000" } },
        ],
      ]);
      b.output("plain", "Plain", "x", { row: 2, col: 2 });
    });
    const p = modelPlanProblems(plan).join("\n");
    expect(p).toMatch(/input Params \(0,1\): no unit/);
    expect(p).toMatch(/input Params \(0,1\): no note or source/);
    expect(p).toMatch(/hard-coded number\(s\) 6/);
    expect(p).toMatch(/undefined name Tokenz/);
    expect(p).toMatch(/cell \(2,0\): styled as an input but not declared/);
    expect(p).toMatch(/formula \(2,1\) =Params: styled as an input/);
    expect(p).toMatch(/output plain: not marked/);
  });

  it("an output a spilled formula fills is computed by its anchor; an input there, or a range of another height, is a problem", () => {
    // Parameters in A1:A3 (inputs with units in B and notes in C), doubled in D1 spilling over D1:D3.
    const spilled = (formula: string, inputInSpill = false): ModelSheetPlan =>
      build((b) => {
        b.name("Two", { row: 5, col: 0, rows: 1, cols: 1 });
        b.put(5, 0, [[{ v: 2, style: INPUT_STYLE }, { v: "factor" }, { v: "definition" }]]);
        b.input("Two", { row: 5, col: 0 }, { row: 5, col: 1 }, { row: 5, col: 2 }, "Two");
        for (let r = 0; r < 3; r++) {
          b.put(r, 0, [[{ v: 1e9 * (r + 1), style: INPUT_STYLE }, { v: "parameters" }, { v: "paper" }]]);
          b.input(`p${r}`, { row: r, col: 0 }, { row: r, col: 1 }, { row: r, col: 2 });
          b.put(r, 3, [[r === 0 ? { f: formula, style: OUTPUT_STYLE, spill: { rows: 3, cols: 1 } } : { style: OUTPUT_STYLE }]]);
          b.output("twice", "Twice", "parameters", { row: r, col: 3 }, `p${r}`);
        }
        if (inputInSpill) b.input("misplaced", { row: 2, col: 3 }, { row: 2, col: 1 }, { row: 2, col: 2 });
      });
    const good = spilled("=A1:A3*Two");
    expect(good.spills).toEqual([{ row: 0, col: 3, rows: 3, cols: 1 }]);
    expect(modelPlanProblems(good)).toEqual([]);
    expect(modelPlanProblems(spilled("=A1:A4*Two")).join("\n")).toMatch(/spill \(0,3\) =A1:A4\*Two: a 4×1 range for a 3×1 spill/);
    expect(modelPlanProblems(spilled("=A1:A3*Two", true)).join("\n")).toMatch(/input misplaced \(2,3\): inside a spilled formula's range/);
    expect(() => build((b) => b.put(0, 0, [[{ v: 1, spill: { rows: 2, cols: 1 } }]]))).toThrow(/spill at A1 has no formula/);
  });

  it("rangesUsed reads the ranges of a formula on its own sheet", () => {
    expect(rangesUsed('=IF(I15:I29="","",AI.PFDAYS(I15:I29))+Sheet2!A1:A9+$B$1:$C$2+D4')).toEqual([
      { row: 14, col: 8, rows: 15, cols: 1 },
      { row: 14, col: 8, rows: 15, cols: 1 },
      { row: 0, col: 1, rows: 2, cols: 2 },
    ]);
  });

  it("planCell resolves block styles and formats, and notes", () => {
    const plan = build((b) => b.put(0, 0, [[{ v: 1, fmt: "0.0%", style: OUTPUT_STYLE }]]));
    expect(planCell(plan, { row: 0, col: 0 })).toEqual({ value: 1, formula: null, format: "0.0%", style: { ...OUTPUT_STYLE } });
    expect(planCell(plan, { row: 30, col: 0 })?.value).toBe("n");
    expect(planCell(plan, { row: 5, col: 5 })).toBeUndefined();
  });
});
