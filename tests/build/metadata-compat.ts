/**
 * What a new release may change in custom-functions metadata without breaking a workbook saved
 * with the last release (Excel stores formulas by function name and arguments by position):
 *
 * 1. every released function is still there, with the same id and name;
 * 2. every released parameter keeps its position, name and type (and `repeating`);
 * 3. a required parameter may become optional, never the reverse;
 * 4. a scalar parameter may become a matrix (a formula passing one value still works, Excel
 *    passes it as a 1×1 array), never the reverse (a formula passing a range would break);
 * 5. new parameters are only appended, and are optional;
 * 6. the result keeps its type; a scalar result may become a matrix (a 1×1 result shows as the
 *    value), never the reverse; `stream` is unchanged (it changes how Excel calls the function).
 *
 * Descriptions, help URLs and new functions are free to change.
 */
export interface MetaParam {
  name: string;
  type?: string;
  optional?: boolean;
  repeating?: boolean;
  dimensionality?: string;
}
export interface MetaFunction {
  id: string;
  name: string;
  parameters: MetaParam[];
  result?: { type?: string; dimensionality?: string };
  options?: { stream?: boolean };
}
export interface Metadata {
  functions: MetaFunction[];
}

const dim = (d: string | undefined): string => d ?? "scalar";

/** Every way `current` breaks a formula written against `released`; empty when compatible. */
export function compatibilityProblems(released: Metadata, current: Metadata): string[] {
  const problems: string[] = [];
  for (const old of released.functions) {
    const now = current.functions.find((f) => f.id === old.id);
    if (!now) {
      problems.push(`${old.id}: removed (or its id changed); a saved formula would show #NAME?`);
      continue;
    }
    if (now.name !== old.name) problems.push(`${old.id}: renamed from ${old.name} to ${now.name}`);
    old.parameters.forEach((p, i) => {
      const q = now.parameters[i];
      const at = `${old.id} parameter ${i + 1} (${p.name})`;
      if (!q) return problems.push(`${at}: removed`);
      if (q.name !== p.name) problems.push(`${at}: now named ${q.name} (parameters keep their names and order)`);
      if ((q.type ?? "any") !== (p.type ?? "any")) problems.push(`${at}: type ${p.type ?? "any"} became ${q.type ?? "any"}`);
      if (Boolean(q.repeating) !== Boolean(p.repeating)) problems.push(`${at}: repeating changed`);
      if (p.optional && !q.optional) problems.push(`${at}: optional became required`);
      if (dim(p.dimensionality) === "matrix" && dim(q.dimensionality) !== "matrix") problems.push(`${at}: matrix became scalar (a range argument would break)`);
    });
    now.parameters.slice(old.parameters.length).forEach((q, j) => {
      if (!q.optional) problems.push(`${old.id} parameter ${old.parameters.length + j + 1} (${q.name}): added as required (new parameters must be optional)`);
    });
    if ((now.result?.type ?? "any") !== (old.result?.type ?? "any")) problems.push(`${old.id}: result type ${old.result?.type} became ${now.result?.type}`);
    if (dim(old.result?.dimensionality) === "matrix" && dim(now.result?.dimensionality) !== "matrix") problems.push(`${old.id}: result matrix became scalar`);
    if (Boolean(now.options?.stream) !== Boolean(old.options?.stream)) problems.push(`${old.id}: stream changed`);
  }
  return problems;
}
