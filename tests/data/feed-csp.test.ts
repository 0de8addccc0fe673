/**
 * The task pane's Content-Security-Policy has no 'unsafe-eval' (README, "Content-Security-Policy";
 * scripts/hosting.ts): validating a feed must never reach the Function constructor, not even
 * zod's probe of whether eval is allowed, which a strict CSP reports as a violation although
 * zod catches the throw. zod/mini's objects never compile (classic zod's do, unless `jitless`),
 * and feed.ts sets `jitless` as well; this fails if classic zod comes back without it.
 */
import type * as Feed from "../../src/data/feed";
import type * as FeedBuild from "../../src/data/feed-build";
import { DATASETS } from "../../src/data/catalog";

describe("feed validation under a CSP without 'unsafe-eval'", () => {
  const realFunction = globalThis.Function;
  const calls: string[] = [];

  beforeAll(() => {
    // Installed before feed.ts loads: zod decides at schema construction whether to compile.
    globalThis.Function = new Proxy(realFunction, {
      construct(_target, args: unknown[]) {
        calls.push(`new Function(${args.length} arguments)`);
        throw new EvalError("Refused to evaluate a string as JavaScript (test CSP)");
      },
      apply(_target, _this, args: unknown[]) {
        calls.push(`Function(${args.length} arguments)`);
        throw new EvalError("Refused to evaluate a string as JavaScript (test CSP)");
      },
    });
  });
  afterAll(() => {
    globalThis.Function = realFunction;
  });

  test("validating every kind of feed file, valid and invalid, never calls the Function constructor", () => {
    let feed!: typeof Feed;
    let build!: typeof FeedBuild;
    jest.isolateModules(() => {
      feed = require("../../src/data/feed") as typeof Feed;
      build = require("../../src/data/feed-build") as typeof FeedBuild;
    });
    const files = build.buildFeed(DATASETS, "2025-06-20T00:00:00.000Z");
    const catalog = JSON.parse(files.get(feed.CATALOG_FILE)!) as unknown;
    expect(feed.validateCatalog(catalog).ok).toBe(true);
    for (const d of DATASETS) expect(feed.validateDataset(JSON.parse(files.get(`${d.id}.json`)!)).ok).toBe(true);
    const bad = { ...DATASETS[0], format: 1, rows: [[1]] };
    expect(feed.validateDataset(bad)).toMatchObject({ ok: false, error: { path: "rows[0]" } });
    expect(feed.validateChangelog({ format: 1, id: "x", upstream: null, entries: [] }).ok).toBe(true);
    expect(calls).toEqual([]);
  });

  test("the trap itself works (so the check above can fail)", () => {
    const before = calls.length;
    expect(() => new globalThis.Function("return 1")).toThrow(EvalError);
    expect(calls.slice(before)).toEqual(["new Function(1 arguments)"]);
  });
});
