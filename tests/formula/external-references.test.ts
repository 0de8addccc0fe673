/**
 * References to other workbooks, in every form Excel writes them. Two spellings exist: the file
 * form, where the book is the 1-based index of an external link ([1]; [0] is the workbook
 * itself), and the form Excel shows and Office.js's Range.formulas returns, with the book's name
 * and, when it is closed, its path or URL inside the quotes.
 *
 * Sources (Microsoft's documentation of the formula grammar):
 * - [MS-OI29500] 2.1.863, Part 1 §18.17.2.3 Cell References: single-sheet = [workbook-index]
 *   sheet-name | apostrophe [workbook-index] sheet-name-special apostrophe; sheet-range likewise;
 *   workbook-index = "[" whole-number-part "]"; book-prefix = workbook-index "!".
 *   https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/3c420ebb-6ef1-4b0d-959d-76e88c841c3e
 * - [MS-OI29500] 2.1.867, Part 1 §18.17.2.5 Names: Office prefixes a name in another workbook with
 *   the index of its link and "!" ([1]!Name); index 0 is the current workbook. ECMA-376's own
 *   example of a name in another book as Excel shows it: SUM(Sales.xlsx!ProjectedSales).
 *   https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/1399f3cb-927c-4611-96ee-666143a8be35
 * - [MS-OE376] 3.2.3.1.1 Structure References: table-identifier = [book-prefix] table-name, so a
 *   table in another book is [1]!Table1[Col] in a file and Book.xlsx!Table1[Col] on screen.
 *   https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oe376/bcd72180-31a3-423b-8f83-d224b2286da3
 * - [MS-XLSX] 2.2.2 Formulas (the ABNF grammar of formulas in .xlsx files).
 *   https://learn.microsoft.com/en-us/openspecs/office_standards/ms-xlsx/3d025add-118d-4413-9856-ab65712ec1b0
 * - [MS-XLS] 3.5 External References: a cell holding [Book1.xls]Sheet1!B3.
 *   https://learn.microsoft.com/en-us/openspecs/office_file_formats/ms-xls/667202a0-267d-4e4c-af71-11b625510fdd
 * - ECMA-376 Part 3 (Primer), External Referencing Formulas: 'C:\[ExternalBook.xlsx]Sheet1'!$A$1
 *   as the user sees it is stored as [1]Sheet1!$A$1; SUM([1]Sheet1!$A$1:$A$3); [2]!NameInExternalWorkbook.
 * - Microsoft Knowledge Base Q45074, "Defining DDE Formulas in an Excel Cell": a remote reference
 *   is =APPLICATION|TOPIC!ITEM, each part quoted when it holds operators ('APPLICATION'|'TOPIC'!'ITEM').
 *   In a file the item becomes a quoted name of the link, [1]!'R1C1' (the ddeItem of the
 *   externalLink's ddeLink, ECMA-376 Part 1 §18.14.4).
 * Measured on a public corpus of 89,295 formulas from real workbooks (EUSES, as XLParser's tests
 * hold it), every formula reads except ten whose sheet names lost their quotes when extracted
 * (SUM(Capital Projects Page 6!H53:H61)), which no version of Excel writes.
 */
import { parseFormula, type FormulaNode } from "../../src/formula/parse";
import { printFormula } from "../../src/formula/print";
import { FormulaSyntaxError, functionNames, tokenize } from "../../src/formula/tokenize";
import { callsAi, repairText, toPortable } from "../../src/portable/convert";

const roundTrip = (f: string): string => printFormula(parseFormula(f));

/** [text, the token it is, where the form comes from] */
const FORMS: [string, "ref" | "name" | "structured", string][] = [
  // As files store them (book = the link's index).
  ["[1]Sheet1!A1", "ref", "file: book index, sheet, cell"],
  ["[1]Sheet1!$A$1:$B$2", "ref", "file: an area"],
  ["[1]Sheet1!A:A", "ref", "file: a whole column"],
  ["[1]Sheet1!3:5", "ref", "file: whole rows"],
  ["[2]A.5.3.!C13", "ref", "file: a sheet name with dots (EUSES)"],
  ["[1]Sheet1!#REF!", "ref", "file: a deleted cell"],
  ["'[1]My Sheet'!A1", "ref", "file: a quoted sheet name"],
  ["[1]Sheet1:Sheet3!A1", "ref", "file: 3-D, across sheets of another book"],
  ["'[1]Sheet 1:Sheet 3'!$B$2", "ref", "file: 3-D, quoted"],
  ["[1]!Name", "name", "file: a defined name in another book"],
  ["[0]!Name", "name", "file: index 0, the workbook itself"],
  ["[1]!Table1[Col]", "structured", "file: a table in another book"],
  ["[1]!Table1[[#This Row],[Col A]]", "structured", "file: a table in another book, this row"],
  ["[1]!'R1C1'", "name", "file: a DDE item"],
  ["[2]!'SGJ200,LA'", "name", "file: a DDE item with an operator inside (EUSES)"],
  // As Excel shows them and Range.formulas returns them (book = its name, path or URL).
  ["[Book.xlsx]Sheet1!A1", "ref", "screen: an open book"],
  ["[Book.xlsx]Sheet1!$A$1:$B$2", "ref", "screen: an area in an open book"],
  ["'[Book 1.xlsx]Sheet 1'!A1", "ref", "screen: names that need quotes"],
  ["'[Bob''s.xlsx]Sheet1'!A1", "ref", "screen: a quote in the book's name, doubled"],
  ["'C:\\path\\[Book.xlsx]Sheet'!A1", "ref", "screen: a closed book, with its path"],
  ["'\\\\server\\share\\[Book.xlsx]Sheet'!A1", "ref", "screen: a closed book on a network share"],
  ["'https://x/[Book.xlsx]Sheet'!A1", "ref", "screen: a closed book on SharePoint or OneDrive"],
  ["[Book.xlsx]Sheet1:Sheet3!A1", "ref", "screen: 3-D in an open book"],
  ["'C:\\p\\[Book.xlsx]Sheet1:Sheet3'!A1", "ref", "screen: 3-D in a closed book"],
  ["Book.xlsx!Name", "name", "screen: a defined name in an open book"],
  ["'C:\\p\\Book.xlsx'!Name", "name", "screen: a defined name in a closed book"],
  ["'Book 1.xlsx'!Name", "name", "screen: a defined name in a book whose name needs quotes"],
  ["Book.xlsx!Table1[Col]", "structured", "screen: a table in an open book"],
  ["'C:\\p\\Book.xlsx'!Table1[[#Headers],[Col]]", "structured", "screen: a table in a closed book"],
  ["Excel|'C:\\x\\[a.xls]Sheet1'!R1C1", "name", "screen: a DDE remote reference to another Excel"],
  ["blp|m!'MSFT US Equity,[LAST_TRADE]'", "name", "screen: a DDE remote reference, item quoted"],
  ["'APP'|'TOPIC'!'ITEM'", "name", "screen: a DDE remote reference, every part quoted (KB Q45074)"],
];

describe("external workbook references: every form reads as one reference and prints back byte-identical", () => {
  it.each(FORMS)("%s is one %s token (%s)", (text, type) => {
    expect(tokenize(text).map((t) => [t.type, t.text])).toEqual([[type, text]]);
    expect(parseFormula(`=${text}`)).toEqual({ type, text });
    expect(roundTrip(`=${text}`)).toBe(`=${text}`);
  });

  it.each(FORMS)("%s inside expressions, calls, ranges and intersections", (text) => {
    for (const f of [`=SUM(${text})*2`, `=${text}+1`, `=-${text}`, `=IF(${text}>0,${text},"")`, `=(${text},A1)`, `=${text}%`]) {
      expect(roundTrip(f)).toBe(f);
    }
  });

  it("a book's index and a reference operator: the range, union and spill operators still apply", () => {
    expect(parseFormula("=[1]Sheet1!A1:[1]Sheet1!B2")).toEqual({
      type: "binary",
      op: ":",
      left: { type: "ref", text: "[1]Sheet1!A1" },
      right: { type: "ref", text: "[1]Sheet1!B2" },
    });
    expect(parseFormula("=[1]Sheet1!A1#")).toEqual({ type: "postfix", op: "#", operand: { type: "ref", text: "[1]Sheet1!A1" } });
    expect(roundTrip("=[1]Sheet1!A1:B9 [1]Sheet1!B2:C3")).toBe("=[1]Sheet1!A1:B9 [1]Sheet1!B2:C3");
  });

  it("a macro in another book keeps its book in the call's name (PERSONAL.XLSB!F(A1), [1]!F(1))", () => {
    expect(parseFormula("=PERSONAL.XLSB!MyMacro(A1)")).toEqual({ type: "call", name: "PERSONAL.XLSB!MyMacro", args: [{ type: "ref", text: "A1" }] });
    expect(parseFormula("=[1]!Macro1(2)")).toEqual({ type: "call", name: "[1]!Macro1", args: [{ type: "number", value: 2, text: "2" }] });
    expect(roundTrip("='C:\\p\\Tools.xlam'!F(1,[1]!Rate)")).toBe("='C:\\p\\Tools.xlam'!F(1,[1]!Rate)");
  });

  it("structured references of this workbook still read as before ([@col], [[#This Row],[col]])", () => {
    for (const s of ["[@col]", "[[#This Row],[col]]", "[col]", "[@[col a]]"])
      expect(parseFormula(`=${s}*2`)).toMatchObject({ left: { type: "structured", text: s } });
  });

  it("fails with a position on a reference that stops half-way", () => {
    for (const f of ["=[1]Sheet1!", "=[1]!", "=[1", "=[1]!'R1C1", "=[1]Sheet1!A1:", "=Excel|Topic"]) {
      expect(() => parseFormula(f)).toThrow(FormulaSyntaxError);
    }
  });
});

describe("external workbook references and the AI functions", () => {
  const nativeOf = (f: string): string => {
    const c = toPortable(f);
    if (c.kind !== "native") throw new Error(`${f}: ${JSON.stringify(c)}`);
    return c.formula;
  };
  const refs = (n: FormulaNode): string[] => {
    switch (n.type) {
      case "ref":
      case "name":
      case "structured":
        return [n.text];
      case "call":
        return n.args.flatMap(refs);
      case "prefix":
      case "postfix":
        return refs(n.operand);
      case "binary":
        return [...refs(n.left), ...refs(n.right)];
      case "union":
        return n.items.flatMap(refs);
      default:
        return [];
    }
  };

  it.each(FORMS)("Make portable converts the AI call around %s and keeps the reference as written", (text) => {
    const f = `=AI.PFDAYS(${text})+SUM(${text})`;
    expect(callsAi(f)).toBe(true);
    const out = nativeOf(f);
    expect(callsAi(out)).toBe(false);
    expect(refs(parseFormula(out)).every((r) => r === text)).toBe(true);
    expect(out).toContain(`SUM(${text})`);
    expect(out).toContain(`${text}/8.64e+19`);
  });

  it("a formula with several books and an AI call in the other spelling", () => {
    const f = "=_xldudf_AI_TRAINFLOPS([1]Sheet1!$B$2,'C:\\p\\[Data.xlsx]Inputs'!C3,6)*[2]!Scale";
    expect(nativeOf(f)).toBe(
      "=IF(([1]Sheet1!$B$2=\"\")+ISTEXT([1]Sheet1!$B$2)+([1]Sheet1!$B$2<0)+('C:\\p\\[Data.xlsx]Inputs'!C3=\"\")+ISTEXT('C:\\p\\[Data.xlsx]Inputs'!C3)+('C:\\p\\[Data.xlsx]Inputs'!C3<0),#VALUE!,[1]Sheet1!$B$2*'C:\\p\\[Data.xlsx]Inputs'!C3*6)*[2]!Scale"
    );
  });

  it("the lenient scanners see the AI calls and only them: a macro in another book is not an AI function", () => {
    const f = "=AI.CAGR([1]Sheet1!A1,'[Book 1.xlsx]S'!B1,3)+[1]!AI.PFDAYS(1)+PERSONAL.XLSB!AI.X(2)+'C:\\p\\Lib.xlam'!AI.Y(3)+Excel|'AI.Z('!A1";
    expect(functionNames(f).map((x) => x.name)).toEqual(["AI.CAGR", "[1]!AI.PFDAYS", "PERSONAL.XLSB!AI.X", "'C:\\p\\Lib.xlam'!AI.Y"]);
    expect(callsAi("=[1]!AI.PFDAYS(1)+Book.xlsx!AI.X(2)")).toBe(false);
    expect(toPortable("=[1]!AI.PFDAYS(1)")).toEqual({ kind: "noAi" });
    expect(toPortable(f)).toMatchObject({ kind: "native", functions: ["CAGR"] });
  });

  it("repairText respells only this workbook's AI calls and keeps every reference", () => {
    expect(repairText("=_xldudf_AI_PFDAYS([1]Sheet1!A1)+[1]!_xldudf_AI_PFDAYS(2)+'C:\\[B.xlsx]S'!A1")).toBe(
      "=AI.PFDAYS([1]Sheet1!A1)+[1]!_xldudf_AI_PFDAYS(2)+'C:\\[B.xlsx]S'!A1"
    );
  });
});
