/**
 * Excel formulas as a syntax tree. Precedence, highest first, as Excel applies it
 * (support.microsoft.com, "Calculation operators and precedence in Excel"):
 *   : (range)   space (intersection)   , (union, only inside parentheses)
 *   - + @ (prefix)   % (postfix)   ^   * /   + -   &   = <> < > <= >=
 * Negation binds tighter than ^ (=-2^2 is 4) and every binary operator is left-associative
 * (=2^3^2 is 64). Parentheses are not kept: the printer puts back those precedence needs.
 */
import { areaEnd, FormulaSyntaxError, tokenize, type Token } from "./tokenize";

export type BinaryOp = "=" | "<>" | "<" | ">" | "<=" | ">=" | "&" | "+" | "-" | "*" | "/" | "^" | ":" | " ";

export type FormulaNode =
  /** `text` as written (1E+3 stays 1E+3); `value` is what it reads as. */
  | { type: "number"; value: number; text: string }
  | { type: "string"; value: string }
  | { type: "bool"; value: boolean }
  /** Canonical spelling: #N/A, #DIV/0!, … */
  | { type: "error"; code: string }
  /** A1, $A$1:B2, A:A, 1:1, 'My sheet'!A1 — exactly as written. */
  | { type: "ref"; text: string }
  | { type: "name"; text: string }
  | { type: "structured"; text: string }
  | { type: "call"; name: string; args: FormulaNode[] }
  /** An argument left out between commas: IF(A1,,2). */
  | { type: "empty" }
  | { type: "array"; rows: FormulaNode[][] }
  | { type: "prefix"; op: "-" | "+" | "@"; operand: FormulaNode }
  /** % (percent) or # (the spilled range of A1#). */
  | { type: "postfix"; op: "%" | "#"; operand: FormulaNode }
  | { type: "binary"; op: BinaryOp; left: FormulaNode; right: FormulaNode }
  /** (A1,B2:C3): the union operator, only inside parentheses. */
  | { type: "union"; items: FormulaNode[] };

export { FormulaSyntaxError };

/** Binding strength of each binary operator (higher binds tighter). */
export const BINARY_PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
  " ": 9,
  ":": 10,
};
export const PERCENT_PRECEDENCE = 6;
export const PREFIX_PRECEDENCE = 7;
/** Arithmetic and comparison operators: the ones parsed by precedence climbing. */
const VALUE_OPS = new Set<string>(["=", "<>", "<", ">", "<=", ">=", "&", "+", "-", "*", "/", "^"]);

class Parser {
  private pos = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly end: number
  ) {}

  /** The next token that is not white space. */
  private peek(): Token | undefined {
    let p = this.pos;
    while (p < this.tokens.length && this.tokens[p].type === "space") p++;
    return this.tokens[p];
  }

  private next(): Token {
    const t = this.peek();
    if (!t) throw new FormulaSyntaxError("the formula ends too early", this.end);
    this.pos = this.tokens.indexOf(t, this.pos) + 1;
    return t;
  }

  private expect(type: Token["type"], what: string): Token {
    const t = this.peek();
    if (!t || t.type !== type) throw new FormulaSyntaxError(`expected ${what}${t ? `, found "${t.text}"` : " before the end"}`, t ? t.start : this.end);
    return this.next();
  }

  formula(): FormulaNode {
    const node = this.expression(1);
    const t = this.peek();
    if (t) throw new FormulaSyntaxError(`unexpected "${t.text}"`, t.start);
    return node;
  }

  /** Precedence climbing over the value operators, all left-associative. */
  expression(minPrecedence: number): FormulaNode {
    let left = this.percent();
    for (;;) {
      const t = this.peek();
      if (!t || t.type !== "op" || !VALUE_OPS.has(t.text)) return left;
      const op = t.text as BinaryOp;
      const p = BINARY_PRECEDENCE[op];
      if (p < minPrecedence) return left;
      this.next();
      left = { type: "binary", op, left, right: this.expression(p + 1) };
    }
  }

  private percent(): FormulaNode {
    let node = this.prefix();
    while (this.peek()?.type === "op" && this.peek()?.text === "%") {
      this.next();
      node = { type: "postfix", op: "%", operand: node };
    }
    return node;
  }

  private prefix(): FormulaNode {
    const t = this.peek();
    if (t && t.type === "op" && (t.text === "-" || t.text === "+" || t.text === "@")) {
      this.next();
      return { type: "prefix", op: t.text, operand: this.prefix() };
    }
    return this.intersection();
  }

  /** Reference operators: a space between two references intersects them; ":" spans them. */
  private intersection(): FormulaNode {
    let left = this.range();
    for (;;) {
      const space = this.tokens[this.pos];
      const after = this.tokens[this.pos + 1];
      if (space?.type !== "space" || !after || !startsReference(after)) return left;
      this.pos++;
      left = { type: "binary", op: " ", left, right: this.range() };
    }
  }

  private range(): FormulaNode {
    let left = this.spill();
    while (this.peek()?.type === "op" && this.peek()?.text === ":") {
      this.next();
      const right = this.spill();
      // (A1):B2 is the area A1:B2, which the tokenizer reads as one reference: keep one spelling of it.
      const joined = left.type === "ref" && right.type === "ref" ? `${left.text}:${right.text}` : "";
      left = joined !== "" && areaEnd(joined, 0) === joined.length ? { type: "ref", text: joined } : { type: "binary", op: ":", left, right };
    }
    return left;
  }

  private spill(): FormulaNode {
    const node = this.primary();
    const t = this.tokens[this.pos];
    if (t?.type === "op" && t.text === "#") {
      this.pos++;
      return { type: "postfix", op: "#", operand: node };
    }
    return node;
  }

  private primary(): FormulaNode {
    const t = this.next();
    switch (t.type) {
      case "number":
        return { type: "number", value: Number(t.text), text: t.text };
      case "string":
        return { type: "string", value: t.text };
      case "bool":
        return { type: "bool", value: t.text.toUpperCase() === "TRUE" };
      case "error":
        return { type: "error", code: t.text };
      case "ref":
        return { type: "ref", text: t.text };
      case "name":
        return { type: "name", text: t.text };
      case "structured":
        return { type: "structured", text: t.text };
      case "func":
        return { type: "call", name: t.text, args: this.args() };
      case "open": {
        const first = this.expression(1);
        if (this.peek()?.type !== "comma") {
          this.expect("close", '")"');
          return first;
        }
        const items = [first];
        while (this.peek()?.type === "comma") {
          this.next();
          items.push(this.expression(1));
        }
        this.expect("close", '")"');
        return { type: "union", items };
      }
      case "arrayOpen":
        return this.array();
      default:
        throw new FormulaSyntaxError(`unexpected "${t.text}"`, t.start);
    }
  }

  /** Arguments after "(" up to ")": an argument left out is an "empty" node. */
  private args(): FormulaNode[] {
    const args: FormulaNode[] = [];
    if (this.peek()?.type === "close") {
      this.next();
      return args;
    }
    for (;;) {
      const t = this.peek();
      args.push(t && (t.type === "comma" || t.type === "close") ? { type: "empty" } : this.expression(1));
      const sep = this.next();
      if (sep.type === "close") return args;
      if (sep.type !== "comma") throw new FormulaSyntaxError(`expected "," or ")", found "${sep.text}"`, sep.start);
    }
  }

  /** {1,2;3,4}: constants only, columns split by ",", rows by ";". */
  private array(): FormulaNode {
    const rows: FormulaNode[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.arrayConstant());
      const sep = this.next();
      if (sep.type === "arrayClose") break;
      if (sep.type === "semicolon") rows.push([]);
      else if (sep.type !== "comma") throw new FormulaSyntaxError(`expected ",", ";" or "}" in an array, found "${sep.text}"`, sep.start);
    }
    if (rows.some((r) => r.length !== rows[0].length)) throw new FormulaSyntaxError("the rows of an array constant differ in length", this.end);
    return { type: "array", rows };
  }

  private arrayConstant(): FormulaNode {
    const t = this.next();
    if (t.type === "op" && (t.text === "-" || t.text === "+")) {
      const n = this.next();
      if (n.type !== "number") throw new FormulaSyntaxError(`expected a number after "${t.text}" in an array`, n.start);
      return { type: "prefix", op: t.text, operand: { type: "number", value: Number(n.text), text: n.text } };
    }
    if (t.type === "number") return { type: "number", value: Number(t.text), text: t.text };
    if (t.type === "string") return { type: "string", value: t.text };
    if (t.type === "bool") return { type: "bool", value: t.text.toUpperCase() === "TRUE" };
    if (t.type === "error") return { type: "error", code: t.text };
    throw new FormulaSyntaxError(`an array holds only numbers, text, TRUE/FALSE and errors, found "${t.text}"`, t.start);
  }
}

const startsReference = (t: Token): boolean => t.type === "ref" || t.type === "name" || t.type === "structured" || t.type === "func" || t.type === "open";

/**
 * The syntax tree of a formula ("=…"; the "=" is required).
 * @throws FormulaSyntaxError with the position of what could not be read.
 * @example parseFormula("=-2^2") // { type: "binary", op: "^", left: { type: "prefix", op: "-", … }, … }
 */
export function parseFormula(formula: string): FormulaNode {
  if (!formula.startsWith("=")) throw new FormulaSyntaxError('a formula starts with "="', 0);
  const tokens = tokenize(formula.slice(1), 1);
  if (tokens.every((t) => t.type === "space")) throw new FormulaSyntaxError("the formula is empty", formula.length);
  return new Parser(tokens, formula.length).formula();
}
