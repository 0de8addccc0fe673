import { readFileSync } from "fs";
import { join } from "path";
import { callsAi, repairText, sameResult, toPortable, type CellResult } from "../../src/portable/convert";
import { NATIVE_FORMS } from "../../src/portable/native";
import { FUNCTIONS } from "../../src/functions/registry";
import { parseFormula } from "../../src/formula/parse";
import { printFormula } from "../../src/formula/print";
import { differences, evaluate, show } from "./hf-helpers";

const REL = 1e-12; // same operations in the same order; LOG(x,2) against Math.log2 may differ in the last bits

/** The native formula, or a failure naming what came back. */
function native(f: string): string {
  const c = toPortable(f);
  if (c.kind !== "native") throw new Error(`${f}: expected a native form, got ${JSON.stringify(c)}`);
  return c.formula;
}

describe("toPortable: the kind of conversion", () => {
  it("leaves formulas without AI calls alone, including AI text inside strings and sheet names", () => {
    for (const f of ["=SUM(A1:A3)", '="AI.PFDAYS(1)"', "='AI.X('!A1", "=AI_llm_comparison[parameters]", "=AI.PFDAYS", "42"]) {
      expect(toPortable(f)).toEqual({ kind: "noAi" });
    }
  });

  it("names the AI functions it replaced, outer first, once each, in either spelling", () => {
    expect(toPortable("=AI.TRAINDAYS(AI.TRAINFLOPS(A1,B1),E1,F1)+_xldudf_AI_TRAINFLOPS(1,2)+ai.pfdays(3)")).toMatchObject({
      kind: "native",
      functions: ["TRAINDAYS", "TRAINFLOPS", "PFDAYS"],
    });
  });

  it.each([
    ['=AI.MODEL("GPT-3")', ["MODEL"]],
    ['=AI.CHIP(D13,"bf16")', ["CHIP"]],
    ['=AI.DATASET("llm-comparison")', ["DATASET"]],
    ["=AI.DATASETS()", ["DATASETS"]],
    ['=AI.PARSENUM("1750 亿")', ["PARSENUM"]],
    ['=AI.PARSEBYTES("45TB")', ["PARSEBYTES"]],
    ['=AI.TRAINDAYS(AI.TRAINFLOPS(AI.MODEL("GPT-3"),300e9),1024,AI.CHIP("A100"))', ["MODEL", "CHIP"]],
    ["=AI.NOSUCHTHING(1)", ["NOSUCHTHING"]],
  ])("%s has no native form: the cell keeps its value (%j)", (f, ids) => {
    expect(toPortable(f)).toEqual({ kind: "value", functions: ids });
  });

  it("says in English why a formula could not be read", () => {
    const c = toPortable("=AI.PFDAYS(A1");
    expect(c.kind).toBe("unreadable");
    expect(c.kind === "unreadable" && c.reason).toMatch(/expected "," or "\)"|ends too early/);
    expect(toPortable("=AI.PFDAYS(1)~2")).toEqual({ kind: "unreadable", reason: 'unexpected character "~" (at character 14)' });
  });

  it("every registered function either has a native form or is kept as a value", () => {
    const withoutNative = FUNCTIONS.map((f) => f.id).filter((id) => !NATIVE_FORMS.has(id));
    expect(withoutNative.sort()).toEqual(["CHIP", "DATASET", "DATASETS", "MODEL", "PARSEBYTES", "PARSENUM"]);
    for (const id of NATIVE_FORMS.keys()) expect(FUNCTIONS.some((f) => f.id === id)).toBe(true);
  });

  it("a native form longer than Excel's 8,192 characters keeps the value instead", () => {
    let f = "A1";
    for (let i = 0; i < 8; i++) f = `AI.TRAINDAYS(${f},${f},${f},${f})`;
    const c = toPortable(`=${f}`);
    expect(c).toEqual({ kind: "value", functions: ["TRAINDAYS"] });
    expect(toPortable(`=AI.TRAINFLOPS(${"1+".repeat(4200)}1,1)`)).toEqual({ kind: "value", functions: ["TRAINFLOPS"] });
  });
});

describe("toPortable: the native text", () => {
  it.each([
    // literals are checked here; defaults are written out; the constants are units.ts's
    ["=AI.TRAINFLOPS(175e9,300e9)", "=175e9*300e9*6"],
    ["=AI.TRAINFLOPS(175e9,300e9,)", "=175e9*300e9*6"],
    ['=AI.TRAINFLOPS("175B","3000 亿")', "=1.75e+11*3e+11*6"],
    ["=AI.INFERFLOPS(175e9,1000)", "=175e9*1000*2"],
    ["=AI.PFDAYS(3.15e23)", "=3.15e23/8.64e+19"],
    ["=AI.FLOPFROMPFDAYS(3640)", "=3640*8.64e+19"],
    ["=AI.TRAINDAYS(3.15e23,1024,312e12)", "=3.15e23/(1024*312e12*0.3)/86400"],
    ["=AI.CHIPSNEEDED(3.15e23,30,312e12,0.4)", "=3.15e23/(30*86400*312e12*0.4)"],
    ["=AI.CHIPHOURS(3.15e23,312e12)", "=3.15e23/(312e12*0.3)/3600"],
    ["=AI.TRAINCOST(3.15e23,312e12,2)", "=3.15e23/(312e12*0.3)/3600*2"],
    ["=AI.CHINCHILLATOKENS(70e9)", "=70e9*20"],
    ["=AI.OPTIMALPARAMS(5.76e23)", "=SQRT(5.76e23/(6*20))"],
    ["=AI.COMPUTEGROWTH(12)", "=2^(12/3.43)"],
    ["=AI.DOUBLINGTIME(10,12)", "=12/LOG(10,2)"],
    ["=AI.DOUBLINGTIME(1,12)", "=#DIV/0!"],
    ["=AI.RELRETURN(0.0047,-0.0085)", "=0.0047--0.0085"],
    ['=AI.RELRETURN(0.0047,-0.0085," Geometric ")', "=(1+0.0047)/(1+-0.0085)-1"],
    ['=AI.RELRETURN(0.1,-1,"geometric")', "=#DIV/0!"],
    ["=AI.PCTCHANGE(100,118.41)", "=118.41/100-1"],
    ["=AI.CAGR(155.2,1271.4,5)", "=(1271.4/155.2)^(1/5)-1"],
    ["=AI.CAGR(1,-1,5)", "=#VALUE!"],
    // out of domain, wrong kind, errors: the runner's error, the first argument's first
    ["=AI.TRAINDAYS(1e23,1024,312e12,1.5)", "=#VALUE!"],
    ["=AI.TRAINFLOPS(-1,#N/A)", "=#N/A"], // an error passed in comes out before any check (Excel and HyperFormula do not call the function)
    ["=AI.TRAINFLOPS(#N/A,-1)", "=#N/A"],
    ["=AI.TRAINFLOPS(TRUE,1)", "=#VALUE!"],
    ['=AI.TRAINFLOPS("abc",1)', "=#VALUE!"],
    ["=AI.TRAINFLOPS(1)", "=#VALUE!"],
    ["=AI.TRAINFLOPS(,1)", "=#VALUE!"],
    ["=AI.PFDAYS(1,2)", "=#VALUE!"],
    ['=AI.RELRETURN(0.1,0.2,"nope")', "=#VALUE!"],
    // references: verbatim, checked where the formula runs
    ["=AI.PFDAYS(A1)", '=IF((A1="")+ISTEXT(A1)+(A1<0),#VALUE!,A1/8.64e+19)'],
    ["=AI.PFDAYS($A$1*2)", "=IF($A$1*2<0,#VALUE!,$A$1*2/8.64e+19)"],
    ["=AI.TRAINFLOPS(A1,B1,-1)", '=IF((A1="")+ISTEXT(A1)+(A1<0)+(B1="")+ISTEXT(B1)+(B1<0),#VALUE!,#VALUE!)'], // A1's or B1's error first, else #VALUE!
    ["=AI.TRAINFLOPS(A1,#N/A,B1)", '=IF(0*(A1=""),#VALUE!,#N/A)'],
    ["=AI.COMPUTEGROWTH(Sheet2!A1:A3,k)", '=IF((Sheet2!A1:A3="")+ISTEXT(Sheet2!A1:A3)+(k<>"")*(ISTEXT(k)+(k<=0)),#VALUE!,2^(Sheet2!A1:A3/IF(k="",3.43,k)))'],
    ["=AI.PCTCHANGE(A1,B1*2)", '=IF((A1="")+ISTEXT(A1)+(A1<=0)+0*(B1*2),#VALUE!,B1*2/A1-1)'], // B1*2 has no check: its error keeps its place
    [
      "=AI.TRAINFLOPS(Table1[params],Table1[tokens])",
      '=IF((Table1[params]="")+ISTEXT(Table1[params])+(Table1[params]<0)+(Table1[tokens]="")+ISTEXT(Table1[tokens])+(Table1[tokens]<0),#VALUE!,Table1[params]*Table1[tokens]*6)',
    ],
    [
      "=AI.RELRETURN(A1,B1,C1)",
      '=IF((A1="")+ISTEXT(A1)+(A1<-1)+(B1="")+ISTEXT(B1)+(B1<-1)+0*(C1=""),#VALUE!,IF((C1="")+(C1="arithmetic"),A1-B1,IF(C1="geometric",IF(B1=-1,#DIV/0!,(1+A1)/(1+B1)-1),#VALUE!)))',
    ],
    // around other functions: only the AI call changes
    ["=SUM(AI.CHINCHILLATOKENS({1,2,3}))*$B$2", '=SUM(IF(({1,2,3}="")+ISTEXT({1,2,3})+({1,2,3}<0),#VALUE!,{1,2,3}*20))*$B$2'],
    ["=-AI.COMPUTEGROWTH(12)^2", "=(-(2^(12/3.43)))^2"], // negation binds tighter than ^, so the native form keeps its parentheses
  ])("%s → %s", (f, expected) => {
    const out = native(f);
    // Parentheses are the printer's: compare trees, and show the text on failure.
    expect(printFormula(parseFormula(out))).toBe(printFormula(parseFormula(expected)));
  });
});

describe("callsAi and repairText", () => {
  it("finds AI calls in either spelling, any case, and nothing inside text", () => {
    expect(callsAi("=_xldudf_AI_TRAINFLOPS(A1,B1)")).toBe(true);
    expect(callsAi("=ai.pfdays(1)")).toBe(true);
    expect(callsAi("=SUM(1)+_XLDUDF_ai_cagr(1,2,3)")).toBe(true);
    expect(callsAi('="AI.PFDAYS(1)"')).toBe(false);
    expect(callsAi("=AI_llm_comparison[parameters]")).toBe(false);
    expect(callsAi("=PAI.X(1)")).toBe(false);
  });

  it("respells calls as AI.NAME and keeps every other character", () => {
    expect(repairText('=_xldudf_AI_TRAINFLOPS(A1, B1) & "_xldudf_AI_X(" & ai.pfdays( 1 )')).toBe('=AI.TRAINFLOPS(A1, B1) & "_xldudf_AI_X(" & AI.PFDAYS( 1 )');
    expect(repairText("=SUM(A1)")).toBeNull();
    // Even where the parser gives up.
    expect(repairText("=_xldudf_AI_PFDAYS(1)~")).toBe("=AI.PFDAYS(1)~");
  });
});

describe("sameResult", () => {
  it("compares numbers by relative difference, errors by code, the rest exactly", () => {
    expect(sameResult(3.15e23, 3.15e23 * (1 + 1e-13))).toBe(true);
    expect(sameResult(3.15e23, 3.15e23 * (1 + 1e-11))).toBe(false);
    expect(sameResult(0, 0)).toBe(true);
    expect(sameResult(0, 1e-300)).toBe(false);
    expect(sameResult({ error: "#VALUE!" }, { error: "#VALUE!" })).toBe(true);
    expect(sameResult({ error: "#VALUE!" }, { error: "#NUM!" })).toBe(false);
    expect(sameResult("", null)).toBe(false);
    expect(sameResult(1, "1")).toBe(false);
  });
});

// -------------------------------------------------------------------------------------------------
// Evaluated in HyperFormula: the AI formula (functions registered) against its native form
// -------------------------------------------------------------------------------------------------

/** Data sheet "Data" (A1:H5); column I holds method texts. */
const DATA: (number | string | null)[][] = [
  [175e9, 300e9, 6, 0.3, 1024, 312e12, 2, null, "Geometric"],
  [70e9, 1.4e12, null, 1.5, 0, -1, "text", "=1/0", "arithmetic"],
  [1e9, 2e10, 2, 1, 8, 989e12, 0.5, '=""', "bad"],
  [null, 5e9, 0, 1e-3, 3, 1e15, -0.5, 1, null],
  [3.15e23, 30, 20, 0.45, 4096, 2.5e14, 12, 10, '=""'],
];

const NAMES = { Params: "=Data!$A$1", Tokens: "=Data!$B$1", Util: "=Data!$D$1", ParamsCol: "=Data!$A$1:$A$3", TokensCol: "=Data!$B$1:$B$3" };
const setup = (hf: Parameters<NonNullable<Parameters<typeof evaluate>[2]>["setup"] & object>[0]) => {
  const id = hf.getSheetId(hf.addSheet("Model inputs")) as number;
  hf.setSheetContent(id, [[6.7e9, 1.4e12, 0.4]]);
};

/** [formula, the AI function's top-left result when the case is about a particular value or error]. */
const CASES: [string, CellResult?][] = [
  // references: relative, absolute, mixed, cross-sheet, names, ranges
  ["=AI.TRAINFLOPS(A1,B1)", 3.15e23],
  ["=AI.TRAINFLOPS($A$1,B$1,$C1)", 3.15e23],
  ["=AI.TRAINFLOPS(Params,Tokens)", 3.15e23],
  ["=AI.TRAINFLOPS('Model inputs'!A1,'Model inputs'!B1)"],
  ["=AI.TRAINFLOPS(A1:A3,B1:B3)"],
  ["=AI.TRAINFLOPS(A1:A3,B1)"],
  ["=AI.TRAINFLOPS(A1:A3,A1:C1)"], // a column against a row: the grid
  ["=AI.TRAINFLOPS(ParamsCol,TokensCol,C1:C3)"], // C2 empty: the default 6
  ["=AI.PFDAYS(A1:A4)"], // A4 empty: required, #VALUE! in that element
  ["=AI.TRAINFLOPS(A1:A3,B1:B3,C3:C5)"], // C4 = 0: not above 0
  // nested, and inside SUM / IF / INDEX
  ["=AI.TRAINDAYS(AI.TRAINFLOPS(A1,B1),E1,F1)"],
  ["=AI.PFDAYS(AI.TRAINFLOPS(A1:A3,B1:B3))"],
  ["=SUM(AI.CHINCHILLATOKENS(A1:A3))"],
  ["=IF(A1>0,AI.PFDAYS(AI.TRAINFLOPS(A1,B1)),0)"],
  ["=INDEX(AI.TRAINFLOPS(A1:A3,B1:B3),2)"],
  ["=AI.PFDAYS(INDEX(A1:A3,2)*1e12)"],
  ["=AI.OPTIMALPARAMS(AI.TRAINFLOPS(A1,B1))+AI.CHINCHILLATOKENS(A2)"],
  ["=-AI.COMPUTEGROWTH(12)^2"],
  ["=AI.CAGR(AI.PFDAYS(A5),AI.PFDAYS(A5)*10,H3:H5)"],
  // omitted and explicitly empty optional arguments
  ["=AI.TRAINDAYS(AI.TRAINFLOPS(A1,B1),E1,F1,)"],
  ["=AI.TRAINDAYS(3.15e23,E1,F1,H1)"], // empty cell: the default 0.3
  ["=AI.TRAINDAYS(3.15e23,E1,F1,H3)"], // empty text: the default too
  ["=AI.CHIPSNEEDED(A5,B5,F1)"],
  ["=AI.CHIPHOURS(A5,F1,D1)"],
  ["=AI.TRAINCOST(A5,F1,G1,)"],
  ["=AI.OPTIMALPARAMS(1e24,)"],
  ["=AI.INFERFLOPS(A1,1000)"],
  ["=AI.FLOPFROMPFDAYS(3640)"],
  ["=AI.COMPUTEGROWTH(12)"],
  ["=AI.COMPUTEGROWTH(-12,6)"],
  ["=AI.DOUBLINGTIME(10,12)"],
  ["=AI.DOUBLINGTIME(G3,12)"], // a halving: negative months
  ["=AI.DOUBLINGTIME(G1:G3,H5)"],
  ["=AI.RELRETURN(0.0047,-0.0085)"],
  ['=AI.RELRETURN(0.0047,-0.0085,"geometric")'],
  ["=AI.RELRETURN(0.1,0.2,I1)"], // "Geometric" in a cell, any case
  ["=AI.RELRETURN(0.1,0.2,I2)"],
  ["=AI.RELRETURN(0.1,0.2,I4)"], // empty: the default
  ["=AI.RELRETURN(0.1,0.2,I5)"], // empty text: the default
  ["=AI.RELRETURN(G1:G5/10,-0.1,I1:I5)"],
  ["=AI.RELRETURN(0.1,-1)", 1.1],
  ["=AI.PCTCHANGE(100,118.41)"],
  ["=AI.CAGR(155.2,1271.4,5)"],
  ["=AI.CAGR(1,0,5)", -1],
  ['=AI.TRAINFLOPS("175B",300e9)', 3.15e23],
  ["=_xldudf_AI_TRAINFLOPS(A1,B1)", 3.15e23], // the unregistered spelling: "before" is its repaired text
  // out of domain: the same error type as the AI function
  ["=AI.TRAINDAYS(3.15e23,1024,312e12,D2)", { error: "#VALUE!" }], // utilization 1.5
  ["=AI.TRAINDAYS(3.15e23,1024,312e12,1.5)", { error: "#VALUE!" }],
  ["=AI.TRAINDAYS(3.15e23,E2,F1)", { error: "#VALUE!" }], // 0 chips
  ["=AI.TRAINDAYS(3.15e23,E1,F2)", { error: "#VALUE!" }], // negative peak
  ["=AI.TRAINFLOPS(A1,B1,C4)", { error: "#VALUE!" }], // k = 0
  ["=AI.TRAINFLOPS(A4,B1)", { error: "#VALUE!" }], // required, empty
  ["=AI.TRAINFLOPS(H3,B1)", { error: "#VALUE!" }], // required, empty text
  ["=AI.TRAINFLOPS(G2,B1)", { error: "#VALUE!" }], // text
  ["=AI.TRAINFLOPS(H2,F2)", { error: "#DIV/0!" }], // an error argument passes through before any check
  ["=AI.TRAINFLOPS(F2,H2)", { error: "#DIV/0!" }], // even when an earlier argument is out of its domain
  ["=AI.TRAINFLOPS(H2,#N/A)", { error: "#DIV/0!" }], // the first error
  ["=AI.TRAINFLOPS(F2,#N/A)", { error: "#N/A" }],
  ["=AI.CAGR(1,AI.DOUBLINGTIME(1,12),0)", { error: "#DIV/0!" }], // a nested call's error, past a later bad argument
  ["=AI.PFDAYS(#N/A)", { error: "#N/A" }],
  ["=AI.COMPUTEGROWTH(12,0)", { error: "#VALUE!" }],
  ["=AI.COMPUTEGROWTH(1e5,1)", { error: "#NUM!" }], // overflow
  ["=AI.DOUBLINGTIME(1,12)", { error: "#DIV/0!" }],
  ["=AI.DOUBLINGTIME(H4,12)", { error: "#DIV/0!" }],
  ["=AI.DOUBLINGTIME(0,12)", { error: "#VALUE!" }],
  ['=AI.RELRETURN(0.1,-1,"geometric")', { error: "#DIV/0!" }],
  ["=AI.RELRETURN(0.1,F2,I1)", { error: "#DIV/0!" }],
  ["=AI.RELRETURN(0.1,0.2,I3)", { error: "#VALUE!" }], // "bad"
  ["=AI.RELRETURN(-2,0.2)", { error: "#VALUE!" }],
  ["=AI.PCTCHANGE(0,5)", { error: "#VALUE!" }],
  ["=AI.PCTCHANGE(1,A4)", { error: "#VALUE!" }],
  ["=AI.CAGR(1,-1,5)", { error: "#VALUE!" }],
  ["=AI.CAGR(1,2,0)", { error: "#VALUE!" }],
  ["=AI.OPTIMALPARAMS(-1)", { error: "#VALUE!" }],
];

describe("hand-written formulas: the AI result and the native result agree in HyperFormula", () => {
  const formulas = CASES.map(([f]) => f);
  const before = evaluate(
    DATA,
    formulas.map((f) => repairText(f) ?? f),
    { names: NAMES, setup }
  );
  const after = evaluate(DATA, formulas.map(native), { names: NAMES, setup });

  it.each(CASES.map(([f, expected], i) => [f, expected, i] as const))("%s", (_, expected, i) => {
    if (expected !== undefined) expect(show(before[i][0][0])).toBe(show(expected));
    expect(before[i][0][0]).not.toEqual({ error: "#NAME?" });
    expect(differences(before[i], after[i], REL, sameResult)).toEqual([]);
  });

  it("the cases compute numbers as well as errors", () => {
    const top = before.map((b) => b[0][0]);
    expect(top.filter((v) => typeof v === "number").length).toBeGreaterThan(35);
    expect(top.filter((v) => v !== null && typeof v === "object").length).toBeGreaterThan(20);
  });
});

describe("structured references (HyperFormula has none: checked as text, then with the table replaced by its range)", () => {
  const f = "=AI.TRAINDAYS(AI.TRAINFLOPS(Models[params],Models[[#This Row],[tokens]]),Models[@chips],312e12)";

  it("keeps the table references verbatim", () => {
    const out = native(f);
    for (const r of ["Models[params]", "Models[[#This Row],[tokens]]", "Models[@chips]"]) expect(out).toContain(r);
    expect(out).not.toContain("AI.");
  });

  it("gives the AI function's results once the references name ranges", () => {
    // Models: params in A1:A3, tokens in B1:B3, chips in E1:E3 (this-row references read row 1 here).
    const asRanges = (s: string) => s.split("Models[params]").join("A1:A3").split("Models[[#This Row],[tokens]]").join("B1").split("Models[@chips]").join("E1");
    const before = evaluate(DATA, [asRanges(f)]);
    const after = evaluate(DATA, [asRanges(native(f))]);
    expect(typeof before[0][0][0]).toBe("number");
    expect(differences(before[0], after[0], REL, sameResult)).toEqual([]);
  });
});

describe("what a native formula does not check (listed in the README)", () => {
  it("report text in a cell: the AI function reads it, the native formula gives #VALUE!", () => {
    const [[a]] = evaluate([["1750 亿", 300e9]], ["=AI.TRAINFLOPS(A1,B1)"]);
    const [[b]] = evaluate([["1750 亿", 300e9]], [native("=AI.TRAINFLOPS(A1,B1)")]);
    expect(a[0]).toBe(1750e8 * 300e9 * 6);
    expect(b[0]).toEqual({ error: "#VALUE!" });
  });

  it("numbers stored as text: the AI function reads them, the native formula gives #VALUE!", () => {
    const [[a]] = evaluate([["'5", 300e9]], ["=AI.TRAINFLOPS(A1,B1)"]);
    const [[b]] = evaluate([["'5", 300e9]], [native("=AI.TRAINFLOPS(A1,B1)")]);
    expect(a[0]).toBe(5 * 300e9 * 6);
    expect(b[0]).toEqual({ error: "#VALUE!" });
  });

  it("TRUE and FALSE: #VALUE! from the AI function, 1 and 0 natively", () => {
    const [[a]] = evaluate([["=TRUE()", 300e9]], ["=AI.TRAINFLOPS(A1,B1)"]);
    const [[b]] = evaluate([["=TRUE()", 300e9]], [native("=AI.TRAINFLOPS(A1,B1)")]);
    expect(a[0]).toEqual({ error: "#VALUE!" });
    expect(b[0]).toBe(300e9 * 6);
  });

  it("arrays of different lengths: one #VALUE! from the AI function, element-wise pairing natively", () => {
    const [[a]] = evaluate(DATA, ["=AI.TRAINFLOPS(A1:A3,B1:B2)"]);
    const [[b]] = evaluate(DATA, [native("=AI.TRAINFLOPS(A1:A3,B1:B2)")]);
    expect(a).toEqual([{ error: "#VALUE!" }, null, null, null]);
    expect(b[0]).toBe(175e9 * 300e9 * 6);
  });
});

describe("README: the native-forms table covers every function", () => {
  const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
  const start = readme.indexOf("## Portable formulas: native forms");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1) === -1 ? undefined : readme.indexOf("\n## ", start + 1));

  it("has the section", () => {
    expect(start).toBeGreaterThanOrEqual(0);
  });

  it.each(FUNCTIONS.map((f) => f.id))("AI.%s has a row", (id) => {
    expect(section).toContain(`| AI.${id} |`);
  });
});
