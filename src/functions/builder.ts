/**
 * The function builder's data (issue 20, item 3), all derived from the registry: the functions
 * by category (the module that defines each: core/compute, core/returns, core/text, the dataset
 * functions), a search over ids, descriptions in both languages, parameter names and result
 * labels, and the formula an analyst's arguments make. Pure; the pane renders it.
 */
import type { AnyFunctionSpec, ParamSpec } from "../core/spec";
import * as compute from "../core/compute";
import * as returns from "../core/returns";
import * as text from "../core/text";
import { CHIP, DATA_FUNCTIONS, MODEL } from "../data/functions";
import { FormulaSyntaxError, parseFormula } from "../formula/parse";
import { quoteString } from "../formula/print";
import { FUNCTIONS } from "./registry";
import { ZH_CN } from "./zh-CN";
import { PARAM_DISPLAY, RESULT_DISPLAY } from "./display";
import { signature } from "./reference";
import { chipIndexOf, lookupNames, modelIndexOf, normalizeName, type LookupName } from "../data/lookup";
import { epochChipIndexes, epochIndexes } from "../data/epoch-cache";
import type { Language } from "../sheet/workbook";

export type CategoryId = "compute" | "returns" | "text" | "data";

export const CATEGORY_TITLES: Readonly<Record<CategoryId, Readonly<Record<Language, string>>>> = {
  compute: { en: "Compute, time and cost", zh: "算力、时间与成本" },
  returns: { en: "Returns and growth", zh: "收益率与增长" },
  text: { en: "Numbers in report text", zh: "研报文本中的数字" },
  data: { en: "Data lookups", zh: "数据查询" },
};

const FAMILIES: readonly [CategoryId, readonly unknown[]][] = [
  ["compute", Object.values(compute)],
  ["returns", Object.values(returns)],
  ["text", Object.values(text)],
  ["data", DATA_FUNCTIONS],
];

/** The category of a function: the family module that defines it. */
export function categoryOf(spec: AnyFunctionSpec): CategoryId {
  const hit = FAMILIES.find(([, members]) => members.includes(spec));
  if (!hit) throw new Error(`AI.${spec.id} is in no function family`);
  return hit[0];
}

export interface FunctionEntry {
  id: string;
  spec: AnyFunctionSpec;
  category: CategoryId;
  /** "AI.TRAINDAYS(flop, chips, peak_flops_per_chip, [utilization=0.3])" */
  signature: string;
}

/** Every function, in registry (README) order. */
export const FUNCTION_ENTRIES: readonly FunctionEntry[] = FUNCTIONS.map((spec) => ({
  id: spec.id,
  spec,
  category: categoryOf(spec),
  signature: signature(spec.id, spec.params),
}));

/**
 * The entries grouped by category, in category order; or, `ranked` (search results), each
 * category where its best entry comes, so the best match stays first.
 */
export function functionsByCategory(
  entries: readonly FunctionEntry[] = FUNCTION_ENTRIES,
  ranked = false
): { category: CategoryId; entries: FunctionEntry[] }[] {
  const order = ranked ? [...new Set(entries.map((e) => e.category))] : (Object.keys(CATEGORY_TITLES) as CategoryId[]);
  return order.map((category) => ({ category, entries: entries.filter((e) => e.category === category) })).filter((g) => g.entries.length > 0);
}

/** Full-width forms become ASCII, case is ignored. */
const fold = (s: string): string => s.normalize("NFKC").toLowerCase();

/**
 * Functions matching every word of `query` in their id, their description in either language
 * (the English one from functions.json, passed in: `english` by id; the Chinese from the
 * translation table), their category, parameter names or result label; the id typed exactly
 * first, then the ids that start with it, then the rest, each in registry order. All of them for an empty query.
 * @example searchFunctions("天数").map((e) => e.id) // ["TRAINDAYS"]
 */
export function searchFunctions(query: string, english: ReadonlyMap<string, string> = new Map()): FunctionEntry[] {
  const terms = fold(query)
    .split(/\s+/)
    .map((t) => t.replace(/^ai\./, ""))
    .filter((t) => t !== "");
  if (terms.length === 0) return FUNCTION_ENTRIES.slice();
  const hits = FUNCTION_ENTRIES.filter((e) => {
    const zh = ZH_CN[e.id];
    const hay = fold(
      [
        e.id,
        english.get(e.id) ?? "",
        zh?.description ?? "",
        zh?.result ?? "",
        ...Object.values(CATEGORY_TITLES[e.category]),
        ...Object.values(RESULT_DISPLAY[e.id]?.label ?? {}),
        ...e.spec.params.map((p) => p.name),
      ].join("\n")
    );
    return terms.every((t) => hay.includes(t));
  });
  // The id typed exactly first, then ids that start with it, then the rest.
  const rank = (e: FunctionEntry): number => (fold(e.id) === terms[0] ? 0 : fold(e.id).startsWith(terms[0]) ? 1 : 2);
  return hits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

/**
 * What goes into the formula for an argument as the analyst typed it: "" when left empty; after
 * a leading "=" it is an expression (a cell, a nested formula); otherwise a text parameter's
 * input is text (quoted), any other parameter's an expression as typed (a number, a cell).
 * @example argumentExpression(textParam, "geometric") // "\"geometric\""
 * @example argumentExpression(numberParam, "B2") // "B2"
 */
export function argumentExpression(param: ParamSpec, input: string): string {
  const t = input.trim();
  if (t === "") return "";
  if (t.startsWith("=")) return t.slice(1).trim();
  if (param.kind === "text" || param.kind === "any") return quoteString(t);
  if (param.kind === "boolean" && /^(true|false)$/i.test(t)) return t.toUpperCase();
  return t;
}

/** Why an argument's expression cannot go into a formula (the parser's message), or null. */
export function argumentProblem(expression: string): string | null {
  if (expression === "") return null;
  try {
    parseFormula(`=${expression}`);
    return null;
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return e.message;
    throw e;
  }
}

/**
 * The formula of a call: "=AI.ID(a,b)", trailing empty arguments left out, an empty one between
 * others kept empty (its default applies, as Excel passes it as omitted).
 * @example composeFormula("TRAINDAYS", ["C1", "1024", 'AI.CHIP("A100")', ""]) // '=AI.TRAINDAYS(C1,1024,AI.CHIP("A100"))'
 */
export function composeFormula(id: string, expressions: readonly string[]): string {
  const args = [...expressions];
  while (args.length > 0 && args[args.length - 1].trim() === "") args.pop();
  return `=AI.${id}(${args.map((a) => a.trim()).join(",")})`;
}

/** The first required parameter left empty, or null when the call has what it needs. */
export function missingArgument(spec: AnyFunctionSpec, expressions: readonly string[]): ParamSpec | null {
  return spec.params.find((p, i) => (p.kind === "any" || p.default === undefined) && (expressions[i] ?? "").trim() === "") ?? null;
}

/** A name picker an argument offers: which names, and what a picked name becomes in the formula. */
export interface Picker {
  kind: "model" | "chip";
  /** The argument's expression for a picked name. */
  expression(name: string): string;
}

/**
 * The picker of an argument: AI.MODEL's and AI.CHIP's `name` take the name itself; an argument
 * that a lookup can give (PARAM_DISPLAY.lookup: a chip's peak FLOP/s, a model's FLOP, parameters
 * or tokens) takes the lookup, e.g. AI.CHIP("A100") for peak_flops_per_chip.
 */
export function pickerFor(id: string, param: ParamSpec): Picker | null {
  if ((id === "MODEL" || id === "CHIP") && param.name === "name") return { kind: id === "MODEL" ? "model" : "chip", expression: (name) => quoteString(name) };
  const lookup = PARAM_DISPLAY[param.name]?.lookup;
  if (!lookup) return null;
  const fn = lookup.fn === "CHIP" ? CHIP : MODEL;
  // The field is written only when it is not the lookup's default.
  const field = fn.params[1];
  const needsField = field.kind === "text" && field.default !== lookup.field;
  return {
    kind: lookup.fn === "CHIP" ? "chip" : "model",
    expression: (name) => `AI.${fn.id}(${quoteString(name)}${needsField ? `,${quoteString(lookup.field)}` : ""})`,
  };
}

/** A name a picker offers: the row's label (what goes into the formula) and the names that find it, normalised for search. */
export interface NameChoice extends LookupName {
  /** normalizeName of the label, then of each alias. */
  keys: string[];
}

/** Every name AI.MODEL (kind "model") or AI.CHIP ("chip") knows now: the bundled tables, and Epoch AI's once loaded. */
export function nameChoices(kind: "model" | "chip"): NameChoice[] {
  const indexes = kind === "model" ? [modelIndexOf(), ...epochIndexes()] : [chipIndexOf(), ...epochChipIndexes()];
  return lookupNames(indexes).map((n) => ({ ...n, keys: [n.label, ...n.aliases].map(normalizeName) }));
}

/**
 * The choices matching `query` the way the lookups compare names (case, spacing, punctuation and
 * width ignored): a label that starts with it first, then an alias that does, then any name that
 * contains it; each group in table order. All of them for an empty query.
 * @example searchNames(nameChoices("chip"), "a100")[0].label // "NVIDIA A100 SXM"
 */
export function searchNames(choices: readonly NameChoice[], query: string): NameChoice[] {
  const q = normalizeName(query);
  if (q === "") return choices.slice();
  const groups: NameChoice[][] = [[], [], []];
  for (const c of choices) {
    if (c.keys[0].startsWith(q)) groups[0].push(c);
    else if (c.keys.some((k) => k.startsWith(q))) groups[1].push(c);
    else if (c.keys.some((k) => k.includes(q))) groups[2].push(c);
  }
  return groups.flat();
}
