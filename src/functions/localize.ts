/** Builds a localized functions.json from the generated English one and a translation table. */
import { ZH_CN, type FunctionTranslation } from "./zh-CN";

export interface MetadataParam {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParam[];
  result?: { type?: string; dimensionality?: string; description?: string };
  options?: Record<string, unknown>;
}
export interface Metadata {
  functions: MetadataFunction[];
  allowCustomDataForDataTypeAny?: boolean;
}

const TABLES: Readonly<Record<string, Readonly<Record<string, FunctionTranslation>>>> = { "zh-CN": ZH_CN };

/** Throws when a function or parameter has no translation: a build that ships half-translated metadata is a bug. */
export function localizeMetadata(metadata: Metadata, locale: string): Metadata {
  const table = TABLES[locale];
  if (!table) throw new Error(`no translation table for ${locale}`);
  const functions = metadata.functions.map((f) => {
    const t = table[f.id];
    if (!t) throw new Error(`${locale}: no translation for function ${f.id}`);
    const parameters = f.parameters.map((p) => {
      const d = t.params[p.name];
      if (d === undefined) throw new Error(`${locale}: no translation for ${f.id}(${p.name})`);
      return { ...p, description: d };
    });
    const extra = Object.keys(t.params).filter((k) => !f.parameters.some((p) => p.name === k));
    if (extra.length) throw new Error(`${locale}: ${f.id} translates unknown parameters ${extra.join(", ")}`);
    const result = f.result && t.result ? { ...f.result, description: t.result } : f.result;
    return { ...f, description: t.description, parameters, ...(result ? { result } : {}) };
  });
  return { ...metadata, functions };
}
