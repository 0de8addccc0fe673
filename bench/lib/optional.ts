/**
 * Loading modules that other engineers are still writing: a missing file or a missing export
 * becomes a reason string for the report instead of an exception that stops the bench.
 */
import * as fs from "fs";
import * as path from "path";
import { errorText } from "./report";

export const ROOT = path.resolve(__dirname, "..", "..");

export type Loaded = { ok: true; mod: Record<string, unknown> } | { ok: false; reason: string };

/** require() of a project file given relative to the repository root ("src/data/lookup.ts"). */
export function loadOptional(rel: string): Loaded {
  const file = path.join(ROOT, rel);
  if (!fs.existsSync(file)) return { ok: false, reason: `${rel} does not exist yet` };
  try {
    // A computed path on purpose: the file may not exist when the bench is type-checked.
    const mod: unknown = require(file);
    if (typeof mod !== "object" || mod === null) return { ok: false, reason: `${rel} exports nothing` };
    return { ok: true, mod: mod as Record<string, unknown> };
  } catch (e) {
    return { ok: false, reason: `${rel} failed to load: ${errorText(e)}` };
  }
}

/** The export `name` of a loaded module if it is a function, typed as the caller expects. */
export function fnExport<T>(mod: Record<string, unknown>, name: string): T | undefined {
  const v = mod[name];
  return typeof v === "function" ? (v as T) : undefined;
}
