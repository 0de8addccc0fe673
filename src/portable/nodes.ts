/** Small builders for the syntax trees the native forms are made of. */
import type { BinaryOp, FormulaNode } from "../formula/parse";

/**
 * A number as a formula constant, in its shorter spelling: 86400, 0.3, 8.64e+19 (lower-case e:
 * Excel reads both cases, HyperFormula only this one). Both spellings read back to the same double.
 */
export function numberNode(n: number): FormulaNode {
  if (n < 0 || Object.is(n, -0)) return { type: "prefix", op: "-", operand: numberNode(-n) };
  const plain = String(n);
  const exp = n.toExponential();
  return { type: "number", value: n, text: exp.length < plain.length ? exp : plain };
}

export const binary = (op: BinaryOp, left: FormulaNode, right: FormulaNode): FormulaNode => ({ type: "binary", op, left, right });
export const callNode = (name: string, ...args: FormulaNode[]): FormulaNode => ({ type: "call", name, args });
export const textNode = (value: string): FormulaNode => ({ type: "string", value });
export const errorNode = (code: string): FormulaNode => ({ type: "error", code });

/** IF(condition, error, then), folded when the condition is known here. */
export function guard(condition: FormulaNode | boolean, error: FormulaNode, then: FormulaNode): FormulaNode {
  if (condition === true) return error;
  if (condition === false) return then;
  return callNode("IF", condition, error, then);
}
