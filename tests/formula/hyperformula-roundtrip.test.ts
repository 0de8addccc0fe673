/**
 * The printer against a second reader: HyperFormula evaluates each formula as written and as
 * printFormula(parseFormula(…)) gives it back, and the results must be identical (no tolerance:
 * the same operations in the same order). Also parse(print(ast)) must be the same tree.
 * HyperFormula reads only a lower-case exponent (1e3), not a doubled quote inside text ("a""b"),
 * and has no union, intersection, spill or structured references; those are covered by parse.test.ts at the text level.
 */
import { parseFormula } from "../../src/formula/parse";
import { printFormula } from "../../src/formula/print";
import { applyPlan } from "../../src/hyperformula/apply-plan";
import { MODEL_TEMPLATES } from "../../src/sheet/models";
import { epochModels } from "../../src/data/datasets/epoch-models";
import { sameResult } from "../../src/portable/convert";
import { differences, engine, evaluate, mapPlanFormulas, result, show } from "../portable/hf-helpers";

const roundTrip = (f: string): string => printFormula(parseFormula(f));
const EXACT = 0;

const DATA = [
  [1, 2, 3, "text", 0.3],
  [4, 5, 6, null, -0.5],
  [7, 8, 9, 'say "hi"', 1e23],
];

const CORPUS = [
  // precedence
  "=-2^2",
  "=-(2^2)",
  "=(-2)^2",
  "=2^3^2",
  "=2^(3^2)",
  "=2^-2",
  "=-2^-2",
  "=1--2^2",
  "=-50%",
  "=2^50%",
  "=-(50%)",
  "=1+2*3",
  "=(1+2)*3",
  "=1-(2-3)",
  "=(1-2)-3",
  "=8/4/2",
  "=8/(4/2)",
  "=1&2+3",
  "=(1&2)+3",
  "=1+2=3",
  "=(1=1)=TRUE()",
  "=1=(1=1)",
  "=1<>2",
  '="a"&"b"="ab"',
  "=-A1*-B1",
  "=+A1",
  "=--A1",
  "=A1^B1^C1",
  "=(A1+B1)/(C1-A2)",
  "=A1/B1/C1*A2",
  "=E2*100%",
  // literals
  "=1e3",
  "=1.5e-3",
  "=.5",
  "=1.",
  "=LEN(D3)",
  '=""',
  "=#N/A",
  "=#VALUE!",
  "=#DIV/0!",
  "=#NUM!",
  "=#REF!",
  "=#NAME?",
  "=IF(A1>0,#VALUE!,1)",
  "=SUM({1,-2;3,4})",
  '=INDEX({1,"a";TRUE,#N/A},2,2)',
  // references and ranges
  "=SUM(A1:C3)",
  "=SUM($A$1:$C$1)",
  "=SUM(A$1:A$3)",
  "=SUM(A:A)",
  "=SUM(A1:C3*2)",
  "=A1:C1*A2:C2",
  "=Data!A1+Data!$B$2",
  "='My sheet'!A1*2",
  "='it''s'!A1",
  "=SUM(Data!A1:B2)",
  // calls
  "=IF(A1,,2)",
  "=IF(A1>5,,2)",
  '=IF(D2="","empty",D2)',
  "=MAX(A1:C3,10)",
  "=STDEV.S(A1:C1)",
  "=LOG(8,2)",
  "=SQRT(A3)",
  "=IFERROR(1/0,-1)",
  "=INDEX(A1:C3,MATCH(5,B1:B3,0),3)",
  "=SUMPRODUCT((A1:A3>1)*(B1:B3))",
  "=ROUND(E3/7,3)",
  // names
  "=Rate*2",
  "=Rate^-Rate",
  // AI functions
  "=AI.TRAINFLOPS(A1,B1)",
  "=AI.TRAINFLOPS(175e9,300e9,)",
  "=AI.PFDAYS(AI.TRAINFLOPS(A1:A3,B1:B3))*-1",
  "=-AI.COMPUTEGROWTH(12)^2",
  "=SUM(AI.CHINCHILLATOKENS(A1:C1))",
];

describe("printFormula(parseFormula(f)) reads the same in HyperFormula", () => {
  const setup = (hf: ReturnType<typeof engine>) => {
    for (const name of ["My sheet", "it's"]) {
      const id = hf.getSheetId(hf.addSheet(name)) as number;
      hf.setSheetContent(id, [[name.length]]);
    }
  };
  const names = { Rate: "=0.5" };
  const before = evaluate(DATA, CORPUS, { setup, names });
  const after = evaluate(DATA, CORPUS.map(roundTrip), { setup, names });

  it.each(CORPUS.map((f, i) => [f, i]))("%s", (f, i) => {
    const printed = roundTrip(f as string);
    expect(parseFormula(printed)).toEqual(parseFormula(f as string));
    // HyperFormula evaluated both: neither a parse error of the printed text nor a different value.
    expect(after[i as number][0][0]).not.toEqual({ error: "#ERROR!" });
    expect(differences(before[i as number], after[i as number], EXACT, sameResult)).toEqual([]);
  });

  it("the corpus computes values, not only errors", () => {
    const values = before.map((b) => b[0][0]);
    expect(values.filter((v) => typeof v === "number").length).toBeGreaterThan(CORPUS.length * 0.6);
    expect(values.map(show)).not.toContain('"#ERROR!"');
  });
});

describe("every template formula (both modes, both languages) reads the same after printing", () => {
  const plans = MODEL_TEMPLATES.flatMap((t) =>
    (["ai", "portable"] as const).flatMap((mode) => (["en", "zh"] as const).map((language) => t.build({ language, mode }, { epochModels })))
  );
  it.each(plans.map((p) => [`${p.model.templateId} ${p.model.mode} ${p.model.language}`, p]))("%s", (_, plan) => {
    const values = (p: typeof plan) => {
      const hf = engine();
      const applied = applyPlan(hf, p);
      const v = hf.getSheetValues(applied.sheetId).map((row) => row.map(result));
      hf.destroy();
      return v;
    };
    let count = 0;
    const printed = mapPlanFormulas(plan, (f) => {
      const p = roundTrip(f);
      expect(parseFormula(p)).toEqual(parseFormula(f));
      count++;
      return p;
    });
    expect(count).toBeGreaterThan(0);
    expect(differences(values(plan), values(printed), EXACT, sameResult)).toEqual([]);
  });
});
