/**
 * Fetches the data feed: catalog.json, validated whole, then the dataset files asked for, each
 * on its own. An invalid or unreachable catalog refuses everything; a dataset that is missing,
 * unreachable or invalid fails alone and the others still arrive. Pure apart from the injected
 * fetch, so tests run without a network.
 */
import { CATALOG_FILE, MAX_FEED_BYTES, matchCatalogEntry, parseFeedText, tooLargeIssue, validateCatalog, validateDataset, type FeedCatalog } from "./feed";
import type { Dataset } from "./types";

/** "missing": the catalog does not publish a requested id (the other kinds can happen to any file). */
export type FeedErrorKind = "offline" | "http" | "timeout" | "invalid" | "tooLarge" | "insecureUrl" | "missing";

export interface FeedError {
  kind: FeedErrorKind;
  /** HTTP status, for kind "http". */
  status?: number;
  /** What happened, in words the task pane can show. */
  detail: string;
  /** The URL that failed, when there is one. */
  url?: string;
}

/** One requested dataset: validated and matching its catalog entry, or why it could not be had. */
export type DatasetOutcome = { ok: true; dataset: Dataset } | { ok: false; error: FeedError };

export interface FeedData {
  catalog: FeedCatalog;
  /** The requested datasets that arrived valid, in catalog order. */
  datasets: Dataset[];
  /** Every requested id (all the catalog's when none were named), in the order asked: its dataset or its error. */
  results: ReadonlyMap<string, DatasetOutcome>;
}

/** ok: the catalog validated (each dataset's own outcome is in `results`); not ok: nothing of the feed is usable. */
export type FetchFeedResult = { ok: true; value: FeedData } | { ok: false; error: FeedError };

/** The part of `fetch` the client uses; tests pass a fake. */
export type FetchLike = (url: string, init: { signal: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;

export interface FetchFeedOptions {
  /** Datasets to fetch; all in the catalog when omitted; [] fetches the catalog only. An id the catalog lacks fails alone ("missing"). */
  ids?: readonly string[];
  /** Whole operation (catalog and datasets), in milliseconds. */
  timeoutMs?: number;
  fetchImpl?: FetchLike;
  /** Per file; defaults to MAX_FEED_BYTES (20 MB). */
  maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The feed's base URL with a trailing slash, or a FeedError. https only: Office add-ins run
 * in an https page and must not load data a network attacker could change. Plain http is
 * accepted for loopback hosts only, so tests and a local dev server can serve the feed
 * without a certificate; that traffic never leaves the machine.
 */
export function checkFeedUrl(baseUrl: string): URL | FeedError {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { kind: "insecureUrl", detail: `not a valid URL: ${JSON.stringify(baseUrl)}` };
  }
  const loopbackHttp = url.protocol === "http:" && LOOPBACK.has(url.hostname);
  if (url.protocol !== "https:" && !loopbackHttp) {
    return { kind: "insecureUrl", detail: `the feed must be served over https, got ${url.protocol}//${url.host}`, url: url.href };
  }
  if (url.username !== "" || url.password !== "") {
    return { kind: "insecureUrl", detail: "the feed URL must not contain credentials", url: `${url.protocol}//${url.host}${url.pathname}` };
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  url.search = "";
  url.hash = "";
  return url;
}

type Body = { ok: true; text: string } | { ok: false; error: FeedError };

/** Reads a response body, stopping as soon as it passes maxBytes. */
async function readCapped(res: Response, url: string, maxBytes: number): Promise<Body> {
  const tooLarge = (bytes: number | null): Body => ({
    ok: false,
    error: { kind: "tooLarge", detail: tooLargeIssue(bytes, maxBytes, url).message, url },
  });
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel(); // release the connection without downloading the body
    return tooLarge(declared);
  }
  if (res.body === null) return { ok: true, text: await res.text() };
  const reader = res.body.getReader();
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let total = 0;
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return tooLarge(null);
      }
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  } catch (e) {
    // Bad UTF-8 is the feed's fault; network errors and aborts go on to fetchFeed's classification.
    if (isDecodeError(e)) return { ok: false, error: { kind: "invalid", detail: `${url}: not UTF-8 text`, url } };
    throw e;
  }
  return { ok: true, text };
}

/** TextDecoder's fatal error: a TypeError, possibly from another realm (so no instanceof). */
const isDecodeError = (e: unknown): boolean => errorName(e) === "TypeError" && /encod|decod/i.test(errorMessage(e));
const errorName = (e: unknown): string => (typeof e === "object" && e !== null && "name" in e ? String((e as { name: unknown }).name) : "");
const errorMessage = (e: unknown): string => (typeof e === "object" && e !== null && "message" in e ? String((e as { message: unknown }).message) : String(e));

/**
 * Fetches and validates the feed at `baseUrl`: catalog.json (validated whole: when it fails,
 * the result is that one error), then each requested dataset file in parallel, each validated
 * and matched against its catalog entry on its own.
 * Example: `const r = await fetchFeed("https://example.com/data/", { ids: ["accelerators"] });
 * if (r.ok) r.value.results.get("accelerators")` → `{ ok: true, dataset }` or `{ ok: false, error }`.
 */
export async function fetchFeed(baseUrl: string, options: FetchFeedOptions = {}): Promise<FetchFeedResult> {
  const base = checkFeedUrl(baseUrl);
  if (!(base instanceof URL)) return { ok: false, error: base };
  const doFetch: FetchLike = options.fetchImpl ?? ((u, init) => fetch(u, init));
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);

  /** Fetches one file and parses its JSON; classifies every way that can fail. */
  const getJson = async (file: string): Promise<{ ok: true; json: unknown } | { ok: false; error: FeedError }> => {
    const url = new URL(file, base).href;
    const fail = (kind: FeedErrorKind, detail: string, status?: number) =>
      ({ ok: false, error: status === undefined ? { kind, detail, url } : { kind, status, detail, url } }) as const;
    try {
      const res = await doFetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
      if (!res.ok) return fail("http", `${file}: the server answered ${res.status}${res.statusText ? " " + res.statusText : ""}`, res.status);
      const body = await readCapped(res, file, maxBytes);
      if (!body.ok) return { ok: false, error: { ...body.error, url } };
      const parsed = parseFeedText(body.text, maxBytes, file);
      if (!parsed.ok) return fail(parsed.error.code === "tooLarge" ? "tooLarge" : "invalid", parsed.error.message);
      return { ok: true, json: parsed.value };
    } catch (e) {
      if (timedOut) return fail("timeout", `${file}: no answer within ${timeoutMs} ms`);
      return fail("offline", `${file}: could not reach the feed (${errorMessage(e)})`);
    }
  };

  try {
    const cat = await getJson(CATALOG_FILE);
    if (!cat.ok) return cat;
    const catalog = validateCatalog(cat.json);
    if (!catalog.ok) {
      return { ok: false, error: { kind: "invalid", detail: `${CATALOG_FILE}: ${catalog.error.message}`, url: new URL(CATALOG_FILE, base).href } };
    }
    const entries = catalog.value.datasets;
    const ids = options.ids === undefined ? entries.map((e) => e.id) : Array.from(new Set(options.ids));

    // In parallel and independent: one dataset's failure is that dataset's alone.
    const outcomes = await Promise.all(
      ids.map(async (id): Promise<DatasetOutcome> => {
        const index = entries.findIndex((e) => e.id === id);
        if (index < 0) return { ok: false, error: { kind: "missing", detail: `${CATALOG_FILE}: no dataset "${id}"`, url: new URL(CATALOG_FILE, base).href } };
        const entry = entries[index];
        const f = await getJson(entry.href);
        if (!f.ok) return f;
        const prefix = `datasets[${index}]`;
        const url = new URL(entry.href, base).href;
        const checked = validateDataset(f.json, prefix);
        if (!checked.ok) return { ok: false, error: { kind: "invalid", detail: `${entry.href}: ${checked.error.message}`, url } };
        const mismatch = matchCatalogEntry(entry, checked.value, prefix);
        if (mismatch !== null) return { ok: false, error: { kind: "invalid", detail: `${entry.href}: ${mismatch.message}`, url } };
        const { format: _format, ...dataset } = checked.value;
        void _format;
        return { ok: true, dataset };
      })
    );
    const results = new Map(ids.map((id, i) => [id, outcomes[i]] as const));
    const datasets = entries.flatMap((e) => {
      const r = results.get(e.id);
      return r?.ok ? [r.dataset] : [];
    });
    return { ok: true, value: { catalog: catalog.value, datasets, results } };
  } finally {
    clearTimeout(timer);
  }
}
