/**
 * Walking a parsed formula, shared by everything that reads one (the portable converter, the
 * explainer): a node's operands, and the AI function a call names in any of Excel's spellings.
 */
import type { FormulaNode } from "./parse";

/** The operands of a node, in formula order (a call's arguments, an array's cells row by row, …). */
export function childrenOf(n: FormulaNode): FormulaNode[] {
  switch (n.type) {
    case "call":
      return n.args;
    case "array":
      return n.rows.flat();
    case "union":
      return n.items;
    case "prefix":
    case "postfix":
      return [n.operand];
    case "binary":
      return [n.left, n.right];
    default:
      return [];
  }
}

/** How Excel spells a call of the add-in's functions: typed, unregistered (#NAME?), in a file. */
const AI_PREFIXES = ["AI.", "_XLDUDF_AI_", "_XLUDF.AI."];

/**
 * The AI function id a function name calls, or null.
 * @example aiFunctionId("AI.TRAINFLOPS") // "TRAINFLOPS"
 * @example aiFunctionId("_xldudf_AI_TRAINFLOPS") // "TRAINFLOPS"
 */
export function aiFunctionId(name: string): string | null {
  const upper = name.toUpperCase();
  for (const p of AI_PREFIXES) if (upper.startsWith(p) && upper.length > p.length) return upper.slice(p.length);
  return null;
}
