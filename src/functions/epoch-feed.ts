/**
 * Loads Epoch AI's tables (epoch-models for AI.MODEL, epoch-accelerators for AI.CHIP, either
 * for AI.DATASET) from the add-in's own feed (data/ beside the runtime page) the first time a
 * function needs one, so their rows never sit in functions.js. Through the feed client: the
 * catalogue and the file are validated like any feed, the body is capped at MAX_FEED_BYTES, and
 * the whole load is abandoned after a timeout, so a stalled request cannot leave cells at
 * #BUSY! for ever. A failure resolves to its reason; the next call tries again.
 */
import { fetchFeed, type FetchLike } from "../data/feed-client";
import { MAX_FEED_BYTES } from "../data/feed";
import { EPOCH_IDS, setEpochDataset } from "../data/epoch-cache";
import { EPOCH_MODELS_ID } from "../data/ids";

/** Long enough for the 360 KB models table on a slow line, short enough that a cell does not wait for ever. */
export const EPOCH_FEED_TIMEOUT_MS = 10_000;

export interface EpochFeedOptions {
  /** The feed folder; default: data/ beside the page hosting the runtime. */
  baseUrl?: string;
  /** The whole load (catalogue and file), in milliseconds; default EPOCH_FEED_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Per file, in bytes; default MAX_FEED_BYTES. */
  maxBytes?: number;
  /** Tests inject a fetch; default the global one. */
  fetchImpl?: FetchLike;
}

const pending = new Map<string, Promise<string | null>>();

/** The feed folder of the page hosting the runtime, or null where there is none (tests). */
function feedBase(): string | null {
  const loc = (globalThis as { location?: { href?: string } }).location;
  return loc?.href ? new URL("data/", loc.href).href : null;
}

/**
 * Resolves to null once the table `id` (default epoch-models) is loaded into the cache, or to
 * the reason it could not be. Calls while a load is under way share it; after a failure the
 * next call retries (e.g. back online).
 * Example: `await loadEpochFromFeed("epoch-accelerators")` → null, then AI.CHIP("Gaudi 2") answers.
 */
export function loadEpochFromFeed(id: string = EPOCH_MODELS_ID, options: EpochFeedOptions = {}): Promise<string | null> {
  let p = pending.get(id);
  if (p === undefined) {
    p = load(id, options).then((problem) => {
      if (problem !== null) pending.delete(id);
      return problem;
    });
    pending.set(id, p);
  }
  return p;
}

/** Forgets loads made or under way, so the next call fetches again (tests). */
export function resetEpochFeed(): void {
  pending.clear();
}

async function load(id: string, options: EpochFeedOptions): Promise<string | null> {
  if (!EPOCH_IDS.includes(id)) return `${id} is not one of Epoch AI's tables (${EPOCH_IDS.join(", ")})`;
  const base = options.baseUrl ?? feedBase();
  if (base === null || (options.fetchImpl === undefined && typeof fetch !== "function")) return "this host has no data feed";
  try {
    const r = await fetchFeed(base, {
      ids: [id],
      timeoutMs: options.timeoutMs ?? EPOCH_FEED_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? MAX_FEED_BYTES,
      ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
    });
    if (!r.ok) return r.error.detail;
    const dataset = r.value.datasets.find((d) => d.id === id);
    if (dataset !== undefined) {
      setEpochDataset(dataset);
      return null;
    }
    const outcome = r.value.results.get(id);
    return outcome !== undefined && !outcome.ok ? outcome.error.detail : `the feed did not answer for ${id}`;
  } catch (e) {
    // fetchFeed classifies network failures itself; this is for anything it did not foresee.
    return `the feed could not be read (${e instanceof Error ? e.message : String(e)})`;
  }
}
