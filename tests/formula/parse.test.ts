import { parseFormula, type FormulaNode } from "../../src/formula/parse";
import { printFormula } from "../../src/formula/print";
import { FormulaSyntaxError, functionNames, tokenize } from "../../src/formula/tokenize";

const parse = parseFormula;
const roundTrip = (f: string): string => printFormula(parse(f));
const num = (text: string): FormulaNode => ({ type: "number", value: Number(text), text });
const ref = (text: string): FormulaNode => ({ type: "ref", text });

describe("tokenize", () => {
  it("reads every kind of token with its offsets into the formula", () => {
    const t = tokenize('SUM(A1:B2, "x""y") >= 1E+3', 1);
    expect(t.map((x) => [x.type, x.text])).toEqual([
      ["func", "SUM"],
      ["ref", "A1:B2"],
      ["comma", ","],
      ["space", " "],
      ["string", 'x"y'],
      ["close", ")"],
      ["space", " "],
      ["op", ">="],
      ["space", " "],
      ["number", "1E+3"],
    ]);
    expect(t[0]).toMatchObject({ start: 1, end: 5 });
    expect(t[9]).toMatchObject({ start: 23, end: 27 });
  });

  it("tells a cell from a function whose name looks like one (LOG10, ATAN2)", () => {
    expect(tokenize("LOG10(100)+LOG10").map((x) => x.type)).toEqual(["func", "number", "close", "op", "ref"]);
  });

  it("reads names that start like references as names (A1B, Fit_Points, XFE1 beyond the last column)", () => {
    for (const n of ["A1B", "Fit_Points", "XFE1", "A1048577", "R1C1x", "_xlpm.x", "Tokens_Per_Param", "模型参数"]) {
      expect(tokenize(n).map((x) => x.type)).toEqual(["name"]);
    }
  });

  it("fails with a position on text no formula contains", () => {
    expect(() => tokenize('"open')).toThrow(FormulaSyntaxError);
    expect(() => tokenize("#WHAT?")).toThrow(/unknown error value \(at character 1\)/);
    expect(() => tokenize("1+'Sheet")).toThrow(/never closes/);
    expect(() => tokenize("2A")).toThrow(/number is followed by letters/);
    expect(() => tokenize("Table1[col")).toThrow(/bracket/);
    expect(() => tokenize("1~2")).toThrow(/unexpected character "~"/);
  });
});

describe("parseFormula: literals", () => {
  it.each([
    ["=1", 1],
    ["=1.5", 1.5],
    ["=1E+3", 1000],
    ["=1e-3", 0.001],
    ["=.5", 0.5],
    ["=1.", 1],
  ])("number %s", (f, v) => {
    expect(parse(f)).toEqual(num(f.slice(1)));
    expect((parse(f) as { value: number }).value).toBe(v);
  });

  it('strings with "" inside', () => {
    expect(parse('="say ""hi"""')).toEqual({ type: "string", value: 'say "hi"' });
    expect(parse('=""')).toEqual({ type: "string", value: "" });
    expect(roundTrip('="say ""hi"""')).toBe('="say ""hi"""');
  });

  it("booleans, any case; TRUE() stays a call", () => {
    expect(parse("=TRUE")).toEqual({ type: "bool", value: true });
    expect(parse("=false")).toEqual({ type: "bool", value: false });
    expect(parse("=TRUE()")).toEqual({ type: "call", name: "TRUE", args: [] });
  });

  it.each(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!", "#BUSY!"])("error literal %s", (e) => {
    expect(parse(`=${e}`)).toEqual({ type: "error", code: e });
    expect(parse(`=${e.toLowerCase()}`)).toEqual({ type: "error", code: e });
  });

  it("array constants: columns by comma, rows by semicolon, signed numbers, text, logicals, errors", () => {
    expect(parse('={1,-2;"a",TRUE;#N/A,+3}')).toEqual({
      type: "array",
      rows: [
        [num("1"), { type: "prefix", op: "-", operand: num("2") }],
        [
          { type: "string", value: "a" },
          { type: "bool", value: true },
        ],
        [
          { type: "error", code: "#N/A" },
          { type: "prefix", op: "+", operand: num("3") },
        ],
      ],
    });
    expect(() => parse("={1,2;3}")).toThrow(/differ in length/);
    expect(() => parse("={A1}")).toThrow(/array holds only/);
  });
});

describe("parseFormula: references and names", () => {
  it.each([
    "A1",
    "$A$1",
    "A$1",
    "$A1",
    "A1:B2",
    "$A$1:$B$2",
    "A:A",
    "$A:$C",
    "1:1",
    "$2:$5",
    "XFD1048576",
    "'My sheet'!A1",
    "Sheet2!A1:B3",
    "'it''s'!A1",
    "'3D'!A1",
    "Sheet1:Sheet3!A1",
    "Sheet1!#REF!",
    "'Training compute'!$C$5",
    "Sheet2!A:A",
    "Sheet2!1:1",
  ])("reference %s", (r) => {
    expect(parse(`=${r}`)).toEqual(ref(r));
    expect(roundTrip(`=${r}`)).toBe(`=${r}`);
  });

  it("defined names, sheet-scoped names", () => {
    expect(parse("=Tokens_Per_Param")).toEqual({ type: "name", text: "Tokens_Per_Param" });
    expect(parse("=Sheet1!Rate")).toEqual({ type: "name", text: "Sheet1!Rate" });
    expect(parse("='My sheet'!Rate")).toEqual({ type: "name", text: "'My sheet'!Rate" });
  });

  it.each([
    "Table1[col]",
    "Table1[[#This Row],[col]]",
    "Table1[@col]",
    "Table1[@[col a]]",
    "Table1[[#Headers],[a]:[b]]",
    "Table1[]",
    "Table1[#All]",
    "AI_llm_comparison[parameters]",
    "[@col]",
    "T[[a'[1']]]",
  ])("structured reference %s", (s) => {
    expect(parse(`=${s}`)).toEqual({ type: "structured", text: s });
    expect(roundTrip(`=SUM(${s})`)).toBe(`=SUM(${s})`);
  });

  it("spilled ranges: A1#, Sheet1!B2#, Name#", () => {
    expect(parse("=A1#")).toEqual({ type: "postfix", op: "#", operand: ref("A1") });
    expect(parse("=SUM(Sheet1!B2#)")).toEqual({ type: "call", name: "SUM", args: [{ type: "postfix", op: "#", operand: ref("Sheet1!B2") }] });
    expect(roundTrip("=Name#*2")).toBe("=Name#*2");
  });

  it("range operator between references that are not one area", () => {
    expect(parse("=Sheet1!A1:Sheet1!B2")).toEqual({ type: "binary", op: ":", left: ref("Sheet1!A1"), right: ref("Sheet1!B2") });
    expect(parse("=A1:INDEX(B:B,3)")).toEqual({
      type: "binary",
      op: ":",
      left: ref("A1"),
      right: { type: "call", name: "INDEX", args: [ref("B:B"), num("3")] },
    });
    // A sheet named like a cell is always quoted: this is A1 up to Sheet2!B5, not a 3-D reference.
    expect(parse("=A1:Sheet2!B5")).toEqual({ type: "binary", op: ":", left: ref("A1"), right: ref("Sheet2!B5") });
    // An area or a spilled cell on the right keeps its parentheses: bare, A1:B2:C3 reads as A1:B2 then C3.
    expect(parse("=A1:(B2:C3)")).toEqual({ type: "binary", op: ":", left: ref("A1"), right: ref("B2:C3") });
    expect(roundTrip("=A1:(B2:C3)")).toBe("=A1:(B2:C3)");
    expect(roundTrip("=A1:(B2#)")).toBe("=A1:(B2#)");
    expect(roundTrip("=A1:B2:C3")).toBe("=A1:B2:C3");
    expect(roundTrip("=INDEX(A:A,2):(B2:C3)")).toBe("=INDEX(A:A,2):B2:C3");
    // (A1):B2 is the area A1:B2: one spelling, so printing and reading back gives the same tree.
    expect(parse("=(A1):B2")).toEqual(ref("A1:B2"));
  });

  it("intersection (a space between references) and union (a comma inside parentheses)", () => {
    expect(parse("=A1:B3 B2:C4")).toEqual({ type: "binary", op: " ", left: ref("A1:B3"), right: ref("B2:C4") });
    expect(parse("=SUM((A1,B2:C3))")).toEqual({ type: "call", name: "SUM", args: [{ type: "union", items: [ref("A1"), ref("B2:C3")] }] });
    expect(roundTrip("=SUM((A1,B2:C3)) + A1:B3  B2:C4")).toBe("=SUM((A1,B2:C3))+A1:B3 B2:C4");
    // Spaces around operators are not intersections.
    expect(parse("= A1 + B1 ")).toEqual({ type: "binary", op: "+", left: ref("A1"), right: ref("B1") });
  });
});

describe("parseFormula: calls", () => {
  it("dotted and prefixed function names keep their spelling", () => {
    for (const name of ["AI.TRAINFLOPS", "_xldudf_AI_TRAINFLOPS", "_xlfn.XLOOKUP", "STDEV.S", "CEILING.MATH", "ai.pfdays"]) {
      expect(parse(`=${name}(1)`)).toEqual({ type: "call", name, args: [num("1")] });
    }
  });

  it("empty arguments are kept: IF(A1,,2), F(,), F()", () => {
    expect(parse("=IF(A1,,2)")).toEqual({ type: "call", name: "IF", args: [ref("A1"), { type: "empty" }, num("2")] });
    expect(parse("=AI.TRAINDAYS(A1,B1,C1,)")).toEqual({ type: "call", name: "AI.TRAINDAYS", args: [ref("A1"), ref("B1"), ref("C1"), { type: "empty" }] });
    expect(parse("=F(,)")).toEqual({ type: "call", name: "F", args: [{ type: "empty" }, { type: "empty" }] });
    expect(parse("=F( )")).toEqual({ type: "call", name: "F", args: [] });
    expect(roundTrip("=IF(A1, ,2)")).toBe("=IF(A1,,2)");
  });

  it("fails on unbalanced or misplaced tokens", () => {
    for (const f of ["=SUM(1", "=SUM(1))", "=1+", "=*2", "=(1,", "=", "=   ", "1+2", "=A1 B1 +", "={1,2"]) {
      expect(() => parse(f)).toThrow(FormulaSyntaxError);
    }
  });
});

describe("parseFormula: precedence exactly as Excel", () => {
  const shape = (n: FormulaNode): string => {
    switch (n.type) {
      case "binary":
        return `(${shape(n.left)}${n.op}${shape(n.right)})`;
      case "prefix":
        return `[${n.op}${shape(n.operand)}]`;
      case "postfix":
        return `[${shape(n.operand)}${n.op}]`;
      case "number":
        return n.text;
      case "ref":
      case "name":
        return n.text;
      default:
        return n.type;
    }
  };
  it.each([
    ["=-2^2", "([-2]^2)"], // negation binds tighter than ^: Excel gives 4
    ["=2^3^2", "((2^3)^2)"], // ^ is left-associative: 64
    ["=2^-2", "(2^[-2])"],
    ["=-50%", "[[-50]%]"],
    ["=2^50%", "(2^[50%])"],
    ["=50%%", "[[50%]%]"],
    ["=1+2*3", "(1+(2*3))"],
    ["=1-2-3", "((1-2)-3)"],
    ["=8/4/2", "((8/4)/2)"],
    ["=1&2+3", "(1&(2+3))"],
    ["=1+2=3&4", "((1+2)=(3&4))"],
    ["=1=1=1", "((1=1)=1)"],
    ["=1--2^2", "(1-([-2]^2))"],
    ["=-A1:B2", "[-A1:B2]"],
    ["=-A1:C3 B2", "[-(A1:C3 B2)]"],
    ["=A1<>B1", "(A1<>B1)"],
    ["=+A1", "[+A1]"],
    ["=@A1:A3", "[@A1:A3]"],
  ])("%s reads as %s", (f, expected) => {
    expect(shape(parse(f))).toBe(expected);
  });

  it.each([
    ["=(1+2)*3", "=(1+2)*3"],
    ["=1+(2*3)", "=1+2*3"],
    ["=1-(2-3)", "=1-(2-3)"],
    ["=(1-2)-3", "=1-2-3"],
    ["=2^(3^2)", "=2^(3^2)"],
    ["=(2^3)^2", "=2^3^2"],
    ["=-2^2", "=(-2)^2"], // the same tree: parentheses only for the reader
    ["=-(2^2)", "=-(2^2)"],
    ["=(-50)%", "=-50%"],
    ["=-(50%)", "=-(50%)"],
    ["=((A1))", "=A1"],
    ["=(A1:B2 B2:C3):D4", "=(A1:B2 B2:C3):D4"],
    ["=(1=1)=1", "=1=1=1"],
    ["=1=(1=1)", "=1=(1=1)"],
    ['=("a"&1)+2', '=("a"&1)+2'],
  ])("prints %s as %s: parentheses only where they change the reading", (f, printed) => {
    expect(roundTrip(f)).toBe(printed);
    expect(parse(printed)).toEqual(parse(f));
  });
});

describe("functionNames (lenient scan for calls)", () => {
  it("finds calls outside strings, quoted sheet names and brackets, even in formulas the parser refuses", () => {
    const f = `=AI.PFDAYS(1)&"AI.TRAINFLOPS(2)"&'AI.X('!A1&T[AI.Y(]&_xldudf_AI_CAGR(1,2,3)~`;
    expect(functionNames(f).map((x) => x.name)).toEqual(["AI.PFDAYS", "_xldudf_AI_CAGR"]);
    expect(() => parse(f)).toThrow(FormulaSyntaxError);
  });
});
