/**
 * A syntax tree back to formula text. References, names and numbers keep the spelling they were
 * read with; parentheses are written only where Excel's precedence needs them, plus one place
 * where they only help the reader: a negated base of ^ is written (-2)^2, which Excel reads as
 * -2^2 but people, and most other languages, read as -(2^2).
 */
import { BINARY_PRECEDENCE, PERCENT_PRECEDENCE, PREFIX_PRECEDENCE, type FormulaNode } from "./parse";
import { areaEnd } from "./tokenize";

const PRIMARY = 100;

function precedence(n: FormulaNode): number {
  switch (n.type) {
    case "binary":
      return BINARY_PRECEDENCE[n.op];
    case "prefix":
      return PREFIX_PRECEDENCE;
    case "postfix":
      return n.op === "%" ? PERCENT_PRECEDENCE : PRIMARY;
    default:
      return PRIMARY; // a union prints its own parentheses
  }
}

const wrap = (text: string, needed: boolean): string => (needed ? `(${text})` : text);

/** Text in Excel's quotes, a quote doubled. */
export function quoteString(value: string): string {
  return `"${value.split('"').join('""')}"`;
}

/** An expression's text, without the leading "=". */
export function printExpression(n: FormulaNode): string {
  return print(n, Infinity);
}

class TooLong extends Error {}

/**
 * The formula's text, or null when it would be longer than maxLength: shared subtrees (an
 * argument repeated by a rewrite) can make a small tree print as a text too long to build.
 */
export function printFormulaWithin(n: FormulaNode, maxLength: number): string | null {
  try {
    return `=${print(n, maxLength - 1)}`;
  } catch (e) {
    if (e instanceof TooLong) return null;
    throw e;
  }
}

function print(n: FormulaNode, max: number): string {
  const out = printNode(n, max);
  if (out.length > max) throw new TooLong();
  return out;
}

function printNode(n: FormulaNode, max: number): string {
  const p = (x: FormulaNode): string => print(x, max);
  switch (n.type) {
    case "number":
      return n.text;
    case "string":
      return quoteString(n.value);
    case "bool":
      return n.value ? "TRUE" : "FALSE";
    case "error":
      return n.code;
    case "ref":
    case "name":
    case "structured":
      return n.text;
    case "empty":
      return "";
    case "call":
      return `${n.name}(${n.args.map(p).join(",")})`;
    case "array":
      return `{${n.rows.map((r) => r.map(p).join(",")).join(";")}}`;
    case "union":
      return `(${n.items.map(p).join(",")})`;
    case "prefix":
      return n.op + wrap(p(n.operand), precedence(n.operand) < PREFIX_PRECEDENCE);
    case "postfix":
      return wrap(p(n.operand), precedence(n.operand) < (n.op === "%" ? PERCENT_PRECEDENCE : PRIMARY)) + n.op;
    case "binary": {
      // A left-associative chain (1+2+…+n, as long as Excel's 8,192 characters allow) is printed
      // along its left spine in a loop, not one recursion per link, so its depth cannot exhaust
      // the stack.
      const spine: BinaryNode[] = [n];
      for (let b = n; b.left.type === "binary" && !leftNeedsParens(b); b = b.left) spine.push(b.left);
      const bottom = spine[spine.length - 1];
      let text = wrap(p(bottom.left), leftNeedsParens(bottom));
      for (let i = spine.length - 1; i >= 0; i--) {
        const b = spine[i];
        // Left-associative: an equal-precedence right operand keeps its parentheses (1-(2-3)).
        const rightNeeds = precedence(b.right) <= BINARY_PRECEDENCE[b.op] || (b.op === ":" && joinsAcross(b.left, b.right));
        text += b.op + wrap(p(b.right), rightNeeds);
        if (text.length > max) throw new TooLong();
      }
      return text;
    }
  }
}

type BinaryNode = Extract<FormulaNode, { type: "binary" }>;

function leftNeedsParens(b: BinaryNode): boolean {
  return precedence(b.left) < BINARY_PRECEDENCE[b.op] || (b.op === "^" && b.left.type === "prefix");
}

/**
 * True when the right operand of ":" needs parentheses it would not need for precedence: after a
 * reference, an area (A1:(B2:C3)) or a spilled cell (A1:(B2#)) written bare would read otherwise,
 * A1:B2 then C3, or the spill of A1:B2.
 */
function joinsAcross(left: FormulaNode, right: FormulaNode): boolean {
  let last = left;
  while (last.type === "binary" && last.op === ":") last = last.right;
  if (last.type !== "ref") return false;
  const spilled = right.type === "postfix" && right.op === "#";
  const first = spilled ? right.operand : right;
  if (first.type !== "ref" || areaEnd(first.text, 0) !== first.text.length) return false; // another sheet's reference starts its own token
  return spilled || first.text.includes(":");
}

/** A formula's text: "=" and the expression. */
export function printFormula(n: FormulaNode): string {
  return `=${printExpression(n)}`;
}
