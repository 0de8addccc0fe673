/**
 * What the Functions tab loads besides the workbook: the functions' metadata (functions.json,
 * the file Excel reads for its autocomplete, beside the page: the English descriptions), Epoch
 * AI's tables (the lookups' fallbacks, loaded from the feed as AI.MODEL and AI.CHIP load them)
 * and the address of the full reference (help.html, built from the same specs). Each can be
 * replaced in tests.
 */
import type { Metadata } from "../../functions/localize";
import { loadEpochFromFeed } from "../../functions/epoch-feed";
import { EPOCH_ACCELERATORS_ID, EPOCH_MODELS_ID } from "../../data/ids";

export interface FunctionsServices {
  /** functions.json, parsed. Rejects with the reason it could not be had. */
  loadMetadata(): Promise<Metadata>;
  /** Loads Epoch AI's models and accelerators tables; null once both are loaded, else why not. */
  loadEpoch(): Promise<string | null>;
  /** The full function reference (help.html). */
  helpUrl: string;
}

/** The page's folder: where the add-in's files (functions.json, help.html, data/) sit. */
function pageBase(): string {
  return typeof document !== "undefined" ? document.baseURI : "https://localhost/";
}

/** Checks the parts of functions.json the builder reads; throws on anything else. */
export function checkMetadata(json: unknown): Metadata {
  const functions = (json as { functions?: unknown } | null)?.functions;
  if (!Array.isArray(functions)) throw new Error("functions.json has no list of functions");
  for (const f of functions as unknown[]) {
    const x = f as { id?: unknown; parameters?: unknown };
    if (typeof x?.id !== "string" || !Array.isArray(x.parameters)) throw new Error("functions.json lists a function without an id or parameters");
  }
  return json as Metadata;
}

export function defaultServices(base: string = pageBase()): FunctionsServices {
  return {
    loadMetadata: async () => {
      const response = await fetch(new URL("functions.json", base).href);
      if (!response.ok) throw new Error(`functions.json: HTTP ${response.status}`);
      return checkMetadata(await response.json());
    },
    loadEpoch: async () => {
      const [models, chips] = await Promise.all([loadEpochFromFeed(EPOCH_MODELS_ID), loadEpochFromFeed(EPOCH_ACCELERATORS_ID)]);
      const problems = [models, chips].filter((p): p is string => p !== null);
      return problems.length > 0 ? problems.join("; ") : null;
    },
    helpUrl: new URL("help.html", base).href,
  };
}
