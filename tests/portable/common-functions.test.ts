/**
 * Portable means any spreadsheet: every function a portable model template or a native form
 * calls is on the allow-list of functions Excel 2010+, LibreOffice, Google Sheets and Gnumeric
 * all have (src/portable/common-functions.ts). Each failure names the function and the formula.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { COMMON_FUNCTIONS, functionsCalled, functionsNotEverywhere } from "../../src/portable/common-functions";
import { toPortable } from "../../src/portable/convert";
import { NATIVE_FORMS } from "../../src/portable/native";
import { isOptional, type ParamSpec } from "../../src/core/spec";
import { parseFormula } from "../../src/formula/parse";
import { MODEL_TEMPLATES, type ModelLanguage, type ModelMode } from "../../src/sheet/models";
import { epochModels } from "../../src/data/datasets/epoch-models";
import { cellAddress } from "../../src/sheet/plan";
import { fileFormula } from "../../src/xlsx/write-xlsx";

const LANGUAGES: ModelLanguage[] = ["en", "zh"];
const MODES: ModelMode[] = ["portable", "ai"];

/** "where: FUNCTION in formula" for each function of the formula not on the list. */
const offences = (where: string, formula: string): string[] => functionsNotEverywhere(formula).map((f) => `${where}: ${f} in ${formula}`);

describe("the allow-list", () => {
  it("holds upper-case names once each, the common functions of every family", () => {
    expect(COMMON_FUNCTIONS.size).toBeGreaterThan(200);
    for (const f of COMMON_FUNCTIONS) expect(f).toMatch(/^[A-Z][A-Z0-9.]*$/);
    for (const f of ["SUM", "IF", "INDEX", "MATCH", "ROUNDUP", "LOG", "SQRT", "ISTEXT", "VLOOKUP", "IFERROR", "EDATE", "NPV"])
      expect(COMMON_FUNCTIONS.has(f)).toBe(true);
  });

  it("leaves out functions newer than Excel 2010 or missing from one of the four", () => {
    for (const f of [
      "CEILING.MATH",
      "RRI",
      "XLOOKUP",
      "IFS",
      "SWITCH",
      "CONCAT",
      "TEXTJOIN",
      "FILTER",
      "LET",
      "DAYS",
      "IFNA",
      "STDEV.S",
      "CUBEVALUE",
      "RTD",
      "INFO",
      "CELL",
    ]) {
      expect(COMMON_FUNCTIONS.has(f)).toBe(false);
    }
  });

  it("holds no function Excel stores with the _xlfn. prefix of functions newer than Excel 2007", () => {
    for (const f of COMMON_FUNCTIONS) expect(fileFormula(`=${f}(1)`)).toBe(`${f}(1)`);
  });

  it("functionsNotEverywhere reads the formula: calls only, nested ones too, not text or names", () => {
    expect(functionsNotEverywhere('=IF(A1,CEILING.MATH(B1),"RRI(1)")+XLOOKUP_Rate+rri(2,3,4)')).toEqual(["CEILING.MATH", "RRI"]);
    expect(functionsNotEverywhere("=SUM([1]Sheet1!A1,'C:\\p\\[B.xlsx]S'!B2)")).toEqual([]);
    expect(functionsCalled(parseFormula("=ROUNDUP(SUM(A1,LOG(B1,2)),0)"))).toEqual(["ROUNDUP", "SUM", "LOG"]);
  });
});

describe("every model template, every mode, both languages: the portable workbook calls only common functions", () => {
  const cases = MODEL_TEMPLATES.flatMap((t) => MODES.flatMap((mode) => LANGUAGES.map((language) => [t.id, mode, language] as const)));

  it.each(cases)("%s (%s mode, %s): every formula, as built or as Make portable writes it", (id, mode, language) => {
    const plan = MODEL_TEMPLATES.find((t) => t.id === id)!.build({ language, mode }, { epochModels });
    const found: string[] = [];
    let formulas = 0;
    for (const b of plan.blocks)
      b.formulas?.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f === null) return;
          const where = `${id}/${mode}/${language} ${cellAddress({ row: b.at.row + r, col: b.at.col + c })}`;
          // An AI-mode sheet made portable: native formulas where the function has a form, values elsewhere.
          const portable = mode === "portable" ? f : toPortable(f);
          if (typeof portable === "string") found.push(...offences(where, portable));
          else if (portable.kind === "native") found.push(...offences(where, portable.formula));
          else if (portable.kind === "noAi") found.push(...offences(where, f));
          else if (portable.kind === "unreadable") found.push(`${where}: unreadable ${f}`);
          formulas++;
        })
      );
    expect(formulas).toBeGreaterThan(5);
    expect(found).toEqual([]);
  });
});

describe("every native form the converter can write calls only common functions", () => {
  /** Arguments of every kind the converter treats differently: a cell, an expression, empty text, an error, a literal, a nested call, left empty or left out. */
  const argumentsFor = (p: ParamSpec): (string | undefined)[] => {
    const optional = isOptional(p) ? [undefined, ""] : [];
    if (p.kind === "text") return ["G1", '""', "#N/A", '"geometric"', '"arithmetic"', '"bad"', ...optional];
    return ["A1", "A1*2", '""', "#N/A", "2", "AI.PFDAYS(B1)", ...optional];
  };

  const calls: string[] = [];
  for (const [id, form] of NATIVE_FORMS) {
    let combos: (string | undefined)[][] = [[]];
    for (const p of form.spec.params) combos = combos.flatMap((c) => argumentsFor(p).map((a) => [...c, a]));
    // Only trailing arguments can be left out (one left out in the middle is an empty one, "").
    const written = combos.filter((c) => c.every((a, i) => a !== undefined || c.slice(i).every((b) => b === undefined)));
    for (const args of written) calls.push(`=AI.${id}(${args.filter((a) => a !== undefined).join(",")})`);
  }

  it(`converts ${calls.length} calls, every function and kind of argument, and none calls a function not everywhere`, () => {
    const found: string[] = [];
    const kinds: Record<string, number> = {};
    const reached = new Set<string>();
    for (const f of calls) {
      const c = toPortable(f);
      kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
      if (c.kind !== "native") continue;
      c.functions.forEach((id) => reached.add(id));
      found.push(...offences(f, c.formula));
    }
    expect(found).toEqual([]);
    expect([...reached].sort()).toEqual([...NATIVE_FORMS.keys()].sort());
    expect(kinds.native).toBeGreaterThan(calls.length / 2);
  });

  it("the converter's source names only common functions (a form no enumeration reached is still checked)", () => {
    const dir = join(__dirname, "../../src/portable");
    const named = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/\bcall(?:Node)?\(\s*"([^"]+)"/g)].map((m) => `${f}: ${m[1]}`));
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((n) => !COMMON_FUNCTIONS.has(n.split(": ")[1]))).toEqual([]);
  });
});
