/**
 * Property: printing is a fixed point of print∘parse. For random formula trees (every node kind,
 * every operator, references in every form of external-references.test.ts, names and calls with
 * book prefixes), the printed text reads back, and printing what was read gives text that reads
 * back to the same tree and prints to the same text again. And where no two references join
 * into one area (A1 and B2 around ":" print as the area A1:B2, one tree for two), the text reads
 * back as the very tree it was printed from, so the printer's parentheses keep Excel's reading.
 */
import fc from "fast-check";
import { FormulaSyntaxError, parseFormula, type BinaryOp, type FormulaNode } from "../../src/formula/parse";
import { printFormula } from "../../src/formula/print";
import { functionNames } from "../../src/formula/tokenize";

const REFS = [
  "A1",
  "$B$2",
  "C3:D4",
  "A:A",
  "2:3",
  "Sheet2!B5",
  "'My sheet'!$C$1:$C$9",
  "Sheet1:Sheet3!A1",
  "Sheet1!#REF!",
  "[1]Sheet1!A1",
  "[1]Sheet1!$A$1:$B$2",
  "'[1]My Sheet'!A1",
  "[1]Sheet1:Sheet3!A1",
  "[Book.xlsx]Sheet1!A1",
  "'[Book 1.xlsx]Sheet 1'!A1",
  "'C:\\path\\[Book.xlsx]Sheet'!A1",
  "'https://x/[Book.xlsx]Sheet'!A1",
];
const NAMES = [
  "Rate",
  "Tokens_Per_Param",
  "模型参数",
  "Sheet1!Rate",
  "[1]!Name",
  "[0]!Name",
  "Book.xlsx!Name",
  "'C:\\p\\Book.xlsx'!Name",
  "[2]!'SGJ200,LA'",
  "Excel|'C:\\x\\[a.xls]S'!R1C1",
];
const STRUCTURED = [
  "Table1[col]",
  "Table1[[#This Row],[col]]",
  "[@col]",
  "T[[a'[1']]]",
  "[1]!Table1[Col]",
  "Book.xlsx!Table1[Col]",
  "'C:\\p\\Book.xlsx'!T[[#All]]",
];
const FUNCTIONS = ["SUM", "IF", "AI.PFDAYS", "_xldudf_AI_CAGR", "_xlfn.XLOOKUP", "LOG10", "[1]!Macro1", "PERSONAL.XLSB!F"];
const NUMBERS = ["0", "1", "42", "0.5", ".5", "2.", "1E+3", "1e-3", "3.15E+23"];
const unqualified = (t: string): boolean => !t.includes("!");
const VALUE_OPS: BinaryOp[] = ["=", "<>", "<", ">", "<=", ">=", "&", "+", "-", "*", "/", "^"];

const number = fc.constantFrom(...NUMBERS).map((text): FormulaNode => ({ type: "number", value: Number(text), text }));
const text = fc
  .string({ maxLength: 6, unit: fc.constantFrom("a", '"', " ", "中", "'", "!", "[", ",") })
  .map((value): FormulaNode => ({ type: "string", value }));
const bool = fc.boolean().map((value): FormulaNode => ({ type: "bool", value }));
const error = fc.constantFrom("#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!").map((code): FormulaNode => ({ type: "error", code }));
const ref = fc.constantFrom(...REFS).map((t): FormulaNode => ({ type: "ref", text: t }));
const name = fc.constantFrom(...NAMES).map((t): FormulaNode => ({ type: "name", text: t }));
const structured = fc.constantFrom(...STRUCTURED).map((t): FormulaNode => ({ type: "structured", text: t }));
const arrayConstant = fc.oneof(
  number,
  text,
  bool,
  error,
  number.map((operand): FormulaNode => ({ type: "prefix", op: "-", operand }))
);
const array = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([rows, cols]) => fc.array(fc.array(arrayConstant, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }))
  .map((rows): FormulaNode => ({ type: "array", rows }));

/**
 * Formula trees. With `joinFree`, the right operand of ":" is never a plain reference (nor starts
 * with one), so no two references print as one area and the printed text reads back as the very
 * tree; without it, any reference may stand on either side.
 */
function trees(joinFree: boolean): fc.Arbitrary<FormulaNode> {
  return fc.letrec<{ formula: FormulaNode; reference: FormulaNode; rangeEnd: FormulaNode; argument: FormulaNode }>((tie) => ({
    formula: fc.oneof(
      { maxDepth: 6, withCrossShrink: true },
      fc.oneof(number, text, bool, error, array),
      { weight: 2, arbitrary: tie("reference") },
      {
        weight: 2,
        arbitrary: fc.record({ type: fc.constant("prefix" as const), op: fc.constantFrom("-" as const, "+" as const, "@" as const), operand: tie("formula") }),
      },
      fc.record({ type: fc.constant("postfix" as const), op: fc.constant("%" as const), operand: tie("formula") }),
      {
        weight: 4,
        arbitrary: fc.record({ type: fc.constant("binary" as const), op: fc.constantFrom(...VALUE_OPS), left: tie("formula"), right: tie("formula") }),
      }
    ),
    // What the reference operators (":", " ", ",", "#") take: references, names, tables, calls.
    reference: fc.oneof(
      { maxDepth: 6 },
      ref,
      name,
      structured,
      fc.record({ type: fc.constant("call" as const), name: fc.constantFrom(...FUNCTIONS), args: fc.array(tie("argument"), { maxLength: 3 }) }),
      fc.record({ type: fc.constant("postfix" as const), op: fc.constant("#" as const), operand: fc.oneof(ref, name) }),
      fc.record({
        type: fc.constant("binary" as const),
        op: fc.constant<BinaryOp>(":"),
        left: tie("reference"),
        right: joinFree ? tie("rangeEnd") : tie("reference"),
      }),
      fc.record({ type: fc.constant("binary" as const), op: fc.constant<BinaryOp>(" "), left: tie("reference"), right: tie("reference") }),
      fc.record({ type: fc.constant("union" as const), items: fc.array(tie("reference"), { minLength: 2, maxLength: 3 }) })
    ),
    // Unqualified: Rate:Sheet1!Rate reads as the 3-D prefix Rate:Sheet1! (as Excel's grammar does), one text for two trees.
    rangeEnd: fc.oneof(
      fc.constantFrom(...NAMES.filter(unqualified)).map((t): FormulaNode => ({ type: "name", text: t })),
      fc.constantFrom(...STRUCTURED.filter(unqualified)).map((t): FormulaNode => ({ type: "structured", text: t })),
      fc.record({
        type: fc.constant("call" as const),
        name: fc.constantFrom(...FUNCTIONS.filter(unqualified)),
        args: fc.array(tie("argument"), { maxLength: 3 }),
      }),
      fc.record({ type: fc.constant("union" as const), items: fc.array(tie("reference"), { minLength: 2, maxLength: 3 }) })
    ),
    argument: fc.oneof({ weight: 5, arbitrary: tie("formula") }, { weight: 1, arbitrary: fc.constant<FormulaNode>({ type: "empty" }) }),
  })).formula;
}

/** The tree as the parser gives it back: a call whose only argument is left out is a call without arguments (F() either way). */
function normal(n: FormulaNode): FormulaNode {
  switch (n.type) {
    case "call":
      return { ...n, args: n.args.length === 1 && n.args[0].type === "empty" ? [] : n.args.map(normal) };
    case "array":
      return n;
    case "union":
      return { ...n, items: n.items.map(normal) };
    case "prefix":
    case "postfix":
      return { ...n, operand: normal(n.operand) };
    case "binary":
      return { ...n, left: normal(n.left), right: normal(n.right) };
    default:
      return n;
  }
}

describe("print→parse is a fixed point", () => {
  it("every printed tree reads back; printing what was read is stable, as text and as a tree", () => {
    fc.assert(
      fc.property(trees(false), (tree) => {
        const printed = printFormula(tree);
        const once = printFormula(parseFormula(printed));
        const reread = parseFormula(once);
        expect(reread).toEqual(parseFormula(printed));
        expect(printFormula(reread)).toBe(once);
      }),
      { numRuns: 3000 }
    );
  });

  it("the printed text reads back as the very tree it was printed from: parentheses exactly where precedence needs them", () => {
    fc.assert(
      fc.property(trees(true), (tree) => {
        expect(parseFormula(printFormula(tree))).toEqual(normal(tree));
      }),
      { numRuns: 3000 }
    );
  });

  it("a printed tree of references reads back as itself when no two of its parts join into one area", () => {
    // The join needs a plain area on both sides of ":"; with a call on the right there is none.
    const tree: FormulaNode = {
      type: "binary",
      op: ":",
      left: { type: "ref", text: "[1]Sheet1!A1" },
      right: {
        type: "call",
        name: "INDEX",
        args: [
          { type: "ref", text: "[Book.xlsx]S!B:B" },
          { type: "number", value: 3, text: "3" },
        ],
      },
    };
    expect(parseFormula(printFormula(tree))).toEqual(tree);
    expect(printFormula(tree)).toBe("=[1]Sheet1!A1:INDEX([Book.xlsx]S!B:B,3)");
  });

  it("any text: read and printed stably, or refused with a FormulaSyntaxError and a position, never another failure", () => {
    const unit = fc.constantFrom(..."A1$:!'[]()|#\"., +-*/^&%=<>{};@ \\xB2_中", "SUM(", "[1]", "Sheet1!", "'C:\\[B.xlsx]S'!", "#REF!", "AI.PFDAYS(");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (body) => {
        const f = `=${body}`;
        expect(() => functionNames(f)).not.toThrow();
        let tree: FormulaNode;
        try {
          tree = parseFormula(f);
        } catch (e) {
          expect(e).toBeInstanceOf(FormulaSyntaxError);
          return;
        }
        const once = printFormula(tree);
        expect(printFormula(parseFormula(once))).toBe(once);
      }),
      { numRuns: 5000 }
    );
  });
});
