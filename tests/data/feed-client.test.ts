import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DATASETS } from "../../src/data/catalog";
import { CATALOG_FILE } from "../../src/data/feed";
import { buildFeed } from "../../src/data/feed-build";
import { checkFeedUrl, fetchFeed, type FetchLike } from "../../src/data/feed-client";

const BASE = "https://feed.example/data/";
const files = buildFeed(DATASETS, "2025-06-20T00:00:00.000Z");

/** A fake fetch serving `served`; `override` may answer a file differently. Records the URLs asked for. */
function fakeFetch(served: Map<string, string>, override?: (file: string) => Response | Promise<Response> | undefined) {
  const asked: string[] = [];
  const impl: FetchLike = async (url) => {
    asked.push(url);
    const file = url.startsWith(BASE) ? url.slice(BASE.length) : url;
    const special = override?.(file);
    if (special !== undefined) return special;
    const body = served.get(file);
    return body === undefined ? new Response("not found", { status: 404, statusText: "Not Found" }) : new Response(body, { status: 200 });
  };
  return { impl, asked };
}

const withFile = (file: string, edit: (json: { rows: unknown[][]; version: string }) => void): Map<string, string> => {
  const copy = new Map(files);
  const json = JSON.parse(copy.get(file)!) as { rows: unknown[][]; version: string };
  edit(json);
  copy.set(file, JSON.stringify(json));
  return copy;
};

describe("fetchFeed", () => {
  test("fetches the catalog and every dataset, all validated", async () => {
    const { impl, asked } = fakeFetch(files);
    const r = await fetchFeed(BASE, { fetchImpl: impl });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.datasets.map((d) => d.id)).toEqual(DATASETS.map((d) => d.id));
    expect(r.value.datasets[2]).toEqual(JSON.parse(JSON.stringify(DATASETS[2])));
    expect(asked[0]).toBe(`${BASE}${CATALOG_FILE}`);
  });

  test("fetches only the requested datasets", async () => {
    const { impl, asked } = fakeFetch(files);
    const r = await fetchFeed("https://feed.example/data", { ids: ["accelerators", "llm-comparison"], fetchImpl: impl });
    expect(r.ok ? r.value.datasets.map((d) => d.id) : r.error).toEqual(["llm-comparison", "accelerators"]); // catalog order
    expect(asked.sort()).toEqual([`${BASE}accelerators.json`, `${BASE}catalog.json`, `${BASE}llm-comparison.json`]);
  });

  test("offline: the network call itself fails", async () => {
    const r = await fetchFeed(BASE, { fetchImpl: () => Promise.reject(new TypeError("fetch failed")) });
    expect(r.ok ? r : r.error).toEqual({ kind: "offline", detail: "catalog.json: could not reach the feed (fetch failed)", url: `${BASE}catalog.json` });
  });

  test("http 500 on the catalog", async () => {
    const { impl } = fakeFetch(files, (f) => (f === CATALOG_FILE ? new Response("oops", { status: 500, statusText: "Internal Server Error" }) : undefined));
    const r = await fetchFeed(BASE, { fetchImpl: impl });
    expect(r.ok ? r : r.error).toEqual({
      kind: "http",
      status: 500,
      detail: "catalog.json: the server answered 500 Internal Server Error",
      url: `${BASE}catalog.json`,
    });
  });

  test("http 404 on one dataset file fails that dataset alone; the others arrive", async () => {
    const partial = new Map(files);
    partial.delete("tech-moves.json");
    const r = await fetchFeed(BASE, { fetchImpl: fakeFetch(partial).impl });
    if (!r.ok) throw new Error(r.error.detail);
    const bad = r.value.results.get("tech-moves");
    expect(bad?.ok ? "accepted" : [bad?.error.kind, bad?.error.status, bad?.error.url]).toEqual(["http", 404, `${BASE}tech-moves.json`]);
    expect(r.value.datasets.map((d) => d.id)).toEqual(DATASETS.map((d) => d.id).filter((id) => id !== "tech-moves"));
    expect(Array.from(r.value.results.keys())).toEqual(DATASETS.map((d) => d.id));
    expect(Array.from(r.value.results.values()).filter((one) => one.ok)).toHaveLength(DATASETS.length - 1);
  });

  test("an invalid catalog refuses everything: no dataset file is even asked for", async () => {
    const catalog = JSON.parse(files.get(CATALOG_FILE)!) as { datasets: Array<{ version: string }> };
    catalog.datasets[3].version = "one";
    const { impl, asked } = fakeFetch(new Map(files).set(CATALOG_FILE, JSON.stringify(catalog)));
    const r = await fetchFeed(BASE, { ids: ["llm-comparison"], fetchImpl: impl });
    expect(r.ok ? "accepted" : [r.error.kind, r.error.detail]).toEqual(["invalid", "catalog.json: datasets[3].version: version must look like 1.2.3 (no leading zeros, at most 15 digits a part)"]);
    expect(asked).toEqual([`${BASE}catalog.json`]);
  });

  test("ids [] fetches the catalog only (the task pane's list)", async () => {
    const { impl, asked } = fakeFetch(files);
    const r = await fetchFeed(BASE, { ids: [], fetchImpl: impl });
    expect(r.ok ? [r.value.catalog.datasets.length, r.value.datasets, r.value.results.size] : r.error).toEqual([DATASETS.length, [], 0]);
    expect(asked).toEqual([`${BASE}catalog.json`]);
  });

  test("timeout: no answer within timeoutMs", async () => {
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    const started = Date.now();
    const r = await fetchFeed(BASE, { fetchImpl: hang, timeoutMs: 50 });
    expect(r.ok ? r : r.error).toEqual({ kind: "timeout", detail: "catalog.json: no answer within 50 ms", url: `${BASE}catalog.json` });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test("invalid: the catalog is not JSON", async () => {
    const { impl } = fakeFetch(files, (f) => (f === CATALOG_FILE ? new Response("<html>login</html>") : undefined));
    const r = await fetchFeed(BASE, { fetchImpl: impl });
    expect(r.ok ? "accepted" : [r.error.kind, r.error.detail.startsWith("catalog.json: not valid JSON")]).toEqual(["invalid", true]);
  });

  test("invalid: a dataset row of the wrong width, named by path (that dataset only)", async () => {
    const broken = withFile("index-performance.json", (j) => (j.rows[5] = j.rows[5].slice(0, 6)));
    const r = await fetchFeed(BASE, { fetchImpl: fakeFetch(broken).impl });
    if (!r.ok) throw new Error(r.error.detail);
    expect(r.value.results.get("llm-comparison")?.ok).toBe(true);
    const bad = r.value.results.get("index-performance");
    expect(bad?.ok ? "accepted" : bad?.error).toEqual({
      kind: "invalid",
      detail: "index-performance.json: datasets[0].rows[5]: expected 7 cells, got 6",
      url: `${BASE}index-performance.json`,
    });
  });

  test("invalid: a dataset file that is not the version the catalog announced", async () => {
    const stale = withFile("coverage.json", (j) => (j.version = "0.9.0"));
    const r = await fetchFeed(BASE, { ids: ["coverage"], fetchImpl: fakeFetch(stale).impl });
    if (!r.ok) throw new Error(r.error.detail);
    const bad = r.value.results.get("coverage");
    expect(bad?.ok ? "accepted" : [bad?.error.kind, bad?.error.detail]).toEqual([
      "invalid",
      "coverage.json: datasets[6].version: expected 1.0.0 (from the catalog), got 0.9.0",
    ]);
  });

  test("missing: an id the catalog does not have fails alone, and its file is not asked for", async () => {
    const { impl, asked } = fakeFetch(files);
    const r = await fetchFeed(BASE, { ids: ["gpu-prices", "accelerators", "gpu-prices"], fetchImpl: impl });
    if (!r.ok) throw new Error(r.error.detail);
    expect(Array.from(r.value.results.keys())).toEqual(["gpu-prices", "accelerators"]);
    const bad = r.value.results.get("gpu-prices");
    expect(bad?.ok ? "accepted" : [bad?.error.kind, bad?.error.detail]).toEqual(["missing", 'catalog.json: no dataset "gpu-prices"']);
    expect(r.value.datasets.map((d) => d.id)).toEqual(["accelerators"]);
    expect(asked.sort()).toEqual([`${BASE}accelerators.json`, `${BASE}catalog.json`]);
  });

  test("invalid: bytes that are not UTF-8", async () => {
    const { impl } = fakeFetch(files, (f) => (f === CATALOG_FILE ? new Response(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])) : undefined));
    const r = await fetchFeed(BASE, { fetchImpl: impl });
    expect(r.ok ? "accepted" : [r.error.kind, r.error.detail]).toEqual(["invalid", "catalog.json: not UTF-8 text"]);
  });

  test("tooLarge: a declared 50 MB body is refused without reading it", async () => {
    let read = false;
    // highWaterMark 0: the stream is pulled only when someone reads it.
    const body = new ReadableStream<Uint8Array>(
      {
        pull() {
          read = true;
        },
      },
      { highWaterMark: 0 }
    );
    const { impl } = fakeFetch(files, (f) =>
      f === CATALOG_FILE ? new Response(body, { headers: { "content-length": String(50 * 1024 * 1024) } }) : undefined
    );
    const r = await fetchFeed(BASE, { fetchImpl: impl });
    expect(r.ok ? "accepted" : [r.error.kind, r.error.detail]).toEqual([
      "tooLarge",
      "catalog.json: feed is 50.0 MB, over the 20.0 MB limit; refused without parsing",
    ]);
    expect(read).toBe(false);
  });

  test("tooLarge: a body without a length stops being read once over the limit", async () => {
    let chunks = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        chunks++;
        c.enqueue(new Uint8Array(1024).fill(0x20));
      },
    });
    const { impl } = fakeFetch(files, (f) => (f === CATALOG_FILE ? new Response(endless) : undefined));
    const r = await fetchFeed(BASE, { fetchImpl: impl, maxBytes: 10 * 1024 });
    expect(r.ok ? "accepted" : r.error.kind).toBe("tooLarge");
    expect(chunks).toBeLessThan(20);
  });

  test("insecureUrl: http, other schemes and credentials are refused before any request", async () => {
    const { impl, asked } = fakeFetch(files);
    for (const url of ["http://feed.example/data/", "ftp://feed.example/", "file:///etc/", "https://user:pw@feed.example/", "not a url"]) {
      const r = await fetchFeed(url, { fetchImpl: impl });
      expect({ url, kind: r.ok ? "accepted" : r.error.kind }).toEqual({ url, kind: "insecureUrl" });
    }
    expect(asked).toEqual([]);
  });

  test("checkFeedUrl allows http only on loopback (tests, dev server), and normalises the base", () => {
    expect(String(checkFeedUrl("http://localhost:3000/data"))).toBe("http://localhost:3000/data/");
    expect(String(checkFeedUrl("http://127.0.0.1:8080/"))).toBe("http://127.0.0.1:8080/");
    expect(String(checkFeedUrl("https://example.com/feed/?x=1#y"))).toBe("https://example.com/feed/");
    expect(checkFeedUrl("http://localhost.evil.example/")).toMatchObject({ kind: "insecureUrl" });
  });

  describe("with Node's real fetch against a loopback server", () => {
    let server: Server;
    let base = "";
    beforeAll(async () => {
      server = createServer((req, res) => {
        if ((req.url ?? "").startsWith("/slow/")) return; // never answers
        const file = (req.url ?? "/").replace(/^\/data\//, "");
        const body = files.get(file);
        res.writeHead(body === undefined ? 404 : 200, { "content-type": "application/json" });
        res.end(body ?? "not found");
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data/`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    test("fetches and validates the whole feed", async () => {
      const r = await fetchFeed(base, { timeoutMs: 5000 });
      expect(r.ok ? r.value.datasets.length : r.error).toBe(DATASETS.length);
    });

    test("a server that never answers times out", async () => {
      const r = await fetchFeed(base.replace("/data/", "/slow/"), { timeoutMs: 100 });
      expect(r.ok ? "accepted" : [r.error.kind, r.error.detail]).toEqual(["timeout", "catalog.json: no answer within 100 ms"]);
    });

    test("a closed port is offline", async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const r = await fetchFeed(`http://127.0.0.1:${port}/`, { timeoutMs: 5000 });
      expect(r.ok ? "accepted" : r.error.kind).toBe("offline");
    });
  });
});
