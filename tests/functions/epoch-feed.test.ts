/**
 * Epoch AI's tables loaded from the add-in's own feed (data/ on the host) the first time a
 * function needs one: a real HTTP server on 127.0.0.1, including one that never answers, so a
 * cell cannot wait for ever; then the Excel wrappers AI.CHIP and AI.DATASET on top of it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ERROR_TEXT } from "../../src/core/errors";
import { invoke } from "../../src/core/spec";
import { clearEpochCache, epochLoaded } from "../../src/data/epoch-cache";
import { buildFeed } from "../../src/data/feed-build";
import { CHIP } from "../../src/data/functions";
import { EPOCH_ACCELERATORS_ID } from "../../src/data/ids";
import { loadEpochFromFeed, resetEpochFeed } from "../../src/functions/epoch-feed";
import { epochAcceleratorsFixture } from "../data/epoch-accelerators-fixture";

class FakeCfError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: FakeCfError, ErrorCode: { ...ERROR_TEXT } };
const wrappers = require("../../src/functions/functions") as Record<string, (...a: unknown[]) => unknown>;

/** What the server does with every request: serve the feed, answer 404, or never answer. */
let mode: "serve" | "404" | "stall" = "serve";
const FEED = buildFeed([epochAcceleratorsFixture()], "2026-01-01T00:00:00.000Z");
const requests: string[] = [];
const stalled: ServerResponse[] = [];

function handle(req: IncomingMessage, res: ServerResponse): void {
  requests.push(req.url ?? "");
  if (mode === "stall") {
    stalled.push(res); // never answered; ended in afterAll
    return;
  }
  const file = FEED.get((req.url ?? "").replace(/^\/data\//, ""));
  if (mode === "404" || file === undefined) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "Content-Type": "application/json" }).end(file);
}

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  for (const res of stalled) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  delete (globalThis as { location?: unknown }).location;
});
beforeEach(() => {
  mode = "serve";
  requests.length = 0;
  clearEpochCache();
  resetEpochFeed();
});

describe("loadEpochFromFeed", () => {
  test("loads epoch-accelerators from data/ (catalogue, then the file), after which AI.CHIP finds a chip only Epoch lists", async () => {
    expect(invoke(CHIP, ["Gaudi 2"])).toMatchObject({ code: "notAvailable" });
    expect(await loadEpochFromFeed(EPOCH_ACCELERATORS_ID, { baseUrl: `${base}data/` })).toBeNull();
    expect(epochLoaded(EPOCH_ACCELERATORS_ID)).toBe(true);
    expect(requests.sort()).toEqual(["/data/catalog.json", "/data/epoch-accelerators.json"]);
    expect(invoke(CHIP, ["Gaudi 2"])).toBe(4.5e14);
    expect(invoke(CHIP, ["MI325X", "bandwidth"])).toBe(6e12);
  });

  test("calls while a load is under way share it: one catalogue request", async () => {
    const a = loadEpochFromFeed(EPOCH_ACCELERATORS_ID, { baseUrl: `${base}data/` });
    const b = loadEpochFromFeed(EPOCH_ACCELERATORS_ID, { baseUrl: `${base}data/` });
    expect(a).toBe(b);
    expect(await a).toBeNull();
    expect(requests.filter((u) => u.endsWith("catalog.json"))).toHaveLength(1);
  });

  test("a server that never answers: resolves to the timeout's reason after 200 ms, and the next call retries", async () => {
    mode = "stall";
    const started = Date.now();
    const problem = await loadEpochFromFeed(EPOCH_ACCELERATORS_ID, { baseUrl: `${base}data/`, timeoutMs: 200 });
    expect(problem).toMatch(/no answer within 200 ms/);
    expect(Date.now() - started).toBeLessThan(5_000); // the timeout, not the test's, ended it
    expect(epochLoaded(EPOCH_ACCELERATORS_ID)).toBe(false);
    mode = "serve";
    expect(await loadEpochFromFeed(EPOCH_ACCELERATORS_ID, { baseUrl: `${base}data/`, timeoutMs: 200 })).toBeNull();
  });

  test("HTTP 404: the reason names the status; nothing is loaded", async () => {
    mode = "404";
    expect(await loadEpochFromFeed(EPOCH_ACCELERATORS_ID, { baseUrl: `${base}data/` })).toMatch(/404/);
    expect(epochLoaded(EPOCH_ACCELERATORS_ID)).toBe(false);
  });

  test("a file over the size cap is refused", async () => {
    expect(await loadEpochFromFeed(EPOCH_ACCELERATORS_ID, { baseUrl: `${base}data/`, maxBytes: 1_000 })).toMatch(/over the .* limit/);
    expect(epochLoaded(EPOCH_ACCELERATORS_ID)).toBe(false);
  });

  test("an injected fetch that rejects: the reason says the feed could not be reached", async () => {
    const fetchImpl = () => Promise.reject(new Error("offline"));
    expect(await loadEpochFromFeed(EPOCH_ACCELERATORS_ID, { baseUrl: "https://feed.example/data/", fetchImpl })).toMatch(
      /could not reach the feed \(offline\)/
    );
  });

  test("an id that is not an Epoch table, and a host without a feed, are refused with a reason", async () => {
    expect(await loadEpochFromFeed("accelerators", { baseUrl: `${base}data/` })).toMatch(/not one of Epoch AI's tables/);
    expect(await loadEpochFromFeed(EPOCH_ACCELERATORS_ID)).toBe("this host has no data feed"); // no location in node
    expect(requests).toEqual([]);
  });
});

describe("AI.CHIP and AI.DATASET in Excel load epoch-accelerators when they need it", () => {
  beforeEach(() => {
    (globalThis as { location?: unknown }).location = { href: `${base}taskpane.html` };
  });

  const fails = async (p: unknown): Promise<FakeCfError> => {
    try {
      await p;
    } catch (e) {
      if (e instanceof FakeCfError) return e;
      throw e;
    }
    throw new Error("expected a CustomFunctions.Error");
  };

  test('=AI.CHIP("MI325X") answers at once from the curated table, without a request', () => {
    expect(wrappers.chip("MI325X")).toBe(1.3074e15);
    expect(wrappers.chip("TPU v5p", "memory_gb")).toBe(95);
    expect(requests).toEqual([]);
  });

  test('=AI.CHIP("Gaudi 2") fetches Epoch\'s table once, then answers', async () => {
    const pending = wrappers.chip("Gaudi 2");
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toBe(4.5e14);
    expect(wrappers.chip("Gaudi 2", "tdp")).toBe(600); // loaded: synchronous now
    expect(requests.filter((u) => u.endsWith("catalog.json"))).toHaveLength(1);
  });

  test("an unknown chip is #N/A after the fetch, with the closest names of both tables", async () => {
    const e = await fails(wrappers.chip("Gaudi 9"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/^no chip named "Gaudi 9"; did you mean .*"Intel Habana Gaudi2"/);
  });

  test("when the feed fails the #N/A says why, and the next call retries", async () => {
    mode = "404";
    const e = await fails(wrappers.chip("Gaudi 2"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/^no chip named "Gaudi 2".*\(epoch-accelerators: .*404/);
    mode = "serve";
    expect(await wrappers.chip("Gaudi 2")).toBe(4.5e14);
  });

  test('=AI.DATASET("epoch-accelerators") spills Epoch\'s table once loaded; a bundled id never fetches', async () => {
    const m = (await wrappers.dataset("epoch-accelerators")) as unknown[][];
    expect([m.length, m[0].length]).toEqual([epochAcceleratorsFixture().rows.length + 1, 13]);
    requests.length = 0;
    resetEpochFeed();
    clearEpochCache();
    await fails(wrappers.dataset("no-such-dataset"));
    expect(requests).toEqual([]);
  });
});
