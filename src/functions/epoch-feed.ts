/**
 * Loads Epoch AI's models table from the add-in's own feed (data/epoch-models.json beside the
 * runtime page) the first time AI.MODEL or AI.DATASET needs it, so the 360 KB table never
 * sits in functions.js. The file is validated like any feed before it is used.
 */
import { validateDataset, parseFeedText } from "../data/feed";
import { setEpochModels } from "../data/epoch-cache";
import { EPOCH_MODELS_ID } from "../data/ids";

let pending: Promise<string | null> | undefined;

/** The feed folder of the page hosting the runtime, or null where there is none (tests). */
function feedBase(): string | null {
  const loc = (globalThis as { location?: { href?: string } }).location;
  return loc?.href ? new URL("data/", loc.href).href : null;
}

/** Resolves to null once the table is loaded, or to the reason it could not be. Retries after a failure. */
export function loadEpochFromFeed(): Promise<string | null> {
  pending ??= load().then((problem) => {
    if (problem !== null) pending = undefined; // a later call may succeed (e.g. back online)
    return problem;
  });
  return pending;
}

async function load(): Promise<string | null> {
  const base = feedBase();
  if (base === null || typeof fetch !== "function") return "this host has no data feed";
  try {
    const res = await fetch(new URL(`${EPOCH_MODELS_ID}.json`, base).href);
    if (!res.ok) return `the feed answered HTTP ${res.status}`;
    const parsed = parseFeedText(await res.text());
    if (!parsed.ok) return parsed.error.message;
    const checked = validateDataset(parsed.value);
    if (!checked.ok) return `the feed's ${EPOCH_MODELS_ID}.json is invalid: ${checked.error.message}`;
    setEpochModels(checked.value);
    return null;
  } catch (e) {
    return `the feed could not be reached (${e instanceof Error ? e.message : String(e)})`;
  }
}
