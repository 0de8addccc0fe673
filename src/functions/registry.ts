/**
 * Every function Excel registers, in README order: the one list that functions.json, the
 * bundle's CustomFunctions.associate calls, the zh-CN metadata, the README and HyperFormula
 * are all checked against.
 */
import type { AnyFunctionSpec } from "../core/spec";
import { CORE_FUNCTIONS } from "../core/registry";
import { DATA_FUNCTIONS } from "../data/functions";

export const FUNCTIONS: readonly AnyFunctionSpec[] = [...CORE_FUNCTIONS, ...DATA_FUNCTIONS];

export const FUNCTION_IDS: readonly string[] = FUNCTIONS.map((f) => f.id);

export function getFunctionSpec(id: string): AnyFunctionSpec | undefined {
  return FUNCTIONS.find((f) => f.id === id.toUpperCase());
}
