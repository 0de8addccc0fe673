/**
 * The data updater (scripts/update-data.ts) against a loopback HTTP server: no network. Version 1
 * of the upstream is the repository's Epoch snapshots (data/upstream/epoch) as they are; version 2 is derived here (10 rows
 * added, a value revised, a row removed). Every failure must leave the feed byte-identical.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCsv } from "../../scripts/epoch-convert";
import { EPOCH_HARDWARE_CSV as HARDWARE_CSV, EPOCH_MODELS_CSV as MODELS_CSV } from "../../scripts/upstream";
import { emitFeed } from "../../scripts/feed-assets";
import { bumpFor, diffDatasets, rowKeys, updateData, validateFeedDir, type UpdateOptions } from "../../scripts/update-data";
import { validateChangelog, type ChangelogFile, type FeedCatalog } from "../../src/data/feed";
import type { Column } from "../../src/data/types";

const ROOT = join(__dirname, "../..");
const NOW = new Date("2025-07-01T12:00:00.000Z");

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const writeCsv = (records: string[][]): string => records.map((r) => r.map(quote).join(",")).join("\n") + "\n";

/** What the server answers for each path, by scenario. */
type Reply = { status: number; body: string; etag?: string; contentLength?: number; hang?: boolean };
let replies: Record<string, Reply> = {};
const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
let server: Server;
let base = "";

const v1Models = readFileSync(MODELS_CSV, "utf8");
const v1Hardware = readFileSync(HARDWARE_CSV, "utf8");
const modelRecords = parseCsv(v1Models);
const [mHeader] = modelRecords;
const MODEL = mHeader.indexOf("Model");
const PARAMS = mHeader.indexOf("Parameters");
// v2: a unique model's parameters revised, the last-but-one record removed, 10 new models added.
const revisedAt = 1;
const removedAt = modelRecords.length - 2;
const v2Records = modelRecords.filter((_, i) => i !== removedAt).map((r, i) => (i === revisedAt ? r.map((f, c) => (c === PARAMS ? "123456789" : f)) : r));
for (let n = 1; n <= 10; n++) v2Records.push(mHeader.map((_, c) => (c === MODEL ? `Test model ${n}` : "")));
const v2Models = writeCsv(v2Records);
/** Cuts a fully quoted CSV just after the opening quote of a record past its middle. */
const cutInsideQuote = (csv: string): string => csv.slice(0, csv.slice(csv.length / 2).search(/\n"[^"]/) + Math.floor(csv.length / 2) + 2) + "partial";
const revisedName = modelRecords[revisedAt][MODEL].replace(/\s+/g, " ").trim();
const removedName = modelRecords[removedAt][MODEL].replace(/\s+/g, " ").trim();

const ok = (body: string, etag: string): Reply => ({ status: 200, body, etag });
const v1 = (): Record<string, Reply> => ({ "/models.csv": ok(v1Models, '"m1"'), "/hardware.csv": ok(v1Hardware, '"h1"') });
const v2 = (): Record<string, Reply> => ({ "/models.csv": ok(v2Models, '"m2"'), "/hardware.csv": ok(v1Hardware, '"h1"') });

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", headers: req.headers });
    const r = replies[req.url ?? ""];
    if (!r) return void res.writeHead(404).end();
    if (r.hang) return; // never answers
    if (r.etag && req.headers["if-none-match"] === r.etag) return void res.writeHead(304, { etag: r.etag }).end();
    const body = Buffer.from(r.body);
    res.writeHead(r.status, { "content-type": "text/csv", "content-length": String(r.contentLength ?? body.length), ...(r.etag ? { etag: r.etag } : {}) });
    if (r.contentLength !== undefined && r.contentLength > body.length) {
      res.write(body);
      setTimeout(() => res.socket?.destroy(), 20); // a transfer cut short
      return;
    }
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

/** A fresh feed as the build emits it (buildFeed through emitFeed), in a temp dir. */
function makeFeed(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "update-data-")), "data");
  require("node:fs").mkdirSync(dir);
  for (const [name, text] of emitFeed()) writeFileSync(join(dir, name), text);
  return dir;
}

function snapshot(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n)).toString("base64")]));
}

const opts = (feedDir: string, extra: Partial<UpdateOptions> = {}): UpdateOptions => ({
  feedDir,
  sources: { "epoch-models": `${base}/models.csv`, "epoch-accelerators": `${base}/hardware.csv` },
  env: {},
  now: NOW,
  timeoutMs: 5000,
  ...extra,
});
const readJson = <T>(dir: string, name: string): T => JSON.parse(readFileSync(join(dir, name), "utf8")) as T;

describe("npm run data:update (scripts/update-data.ts)", () => {
  let feed = "";
  beforeAll(() => {
    feed = makeFeed();
  });

  test("first run on v1 (the snapshots as they are): same rows, versions stay, ETag and SHA-256 recorded in changelogs", async () => {
    replies = v1();
    const before = readJson<FeedCatalog>(feed, "catalog.json");
    const r = await updateData(opts(feed));
    expect(r.outcomes.map((o) => o.line)).toEqual(["epoch-models: unchanged (same rows)", "epoch-accelerators: unchanged (same rows)"]);
    const catalog = readJson<FeedCatalog>(feed, "catalog.json");
    expect(catalog.generatedAt).toBe(before.generatedAt); // no data changed
    const models = catalog.datasets.find((d) => d.id === "epoch-models")!;
    expect(models).toMatchObject({ version: "1.0.0", changelog: "epoch-models.changelog.json" });
    const log = readJson<ChangelogFile>(feed, "epoch-models.changelog.json");
    expect(validateChangelog(log).ok).toBe(true);
    expect(log.upstream).toEqual({ url: `${base}/models.csv`, etag: '"m1"', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(log.entries).toEqual([]);
    expect(() => validateFeedDir(feed)).not.toThrow();
  });

  test("sends If-None-Match with the stored ETag; 304 leaves the feed byte-identical", async () => {
    const before = snapshot(feed);
    seen.length = 0;
    const r = await updateData(opts(feed));
    expect(seen.map((s) => [s.path, s.headers["if-none-match"]])).toEqual([
      ["/models.csv", '"m1"'],
      ["/hardware.csv", '"h1"'],
    ]);
    expect(r).toEqual(expect.objectContaining({ published: false }));
    expect(r.outcomes.map((o) => o.reason)).toEqual(["304 Not Modified", "304 Not Modified"]);
    expect(snapshot(feed)).toEqual(before);
  });

  test("--dry-run reports v2's diff and publishes nothing", async () => {
    replies = v2();
    const before = snapshot(feed);
    const r = await updateData(opts(feed, { dryRun: true }));
    expect(r.outcomes[0].line).toBe("epoch-models: 1.0.0 → 1.1.0: +10 rows, −1, 1 changed cells");
    expect(snapshot(feed)).toEqual(before);
  });

  test("v2 (10 rows added, one removed, one value revised): 1.0.0 → 1.1.0, changelog lists keys and the cell, feed valid", async () => {
    replies = v2();
    const r = await updateData(opts(feed));
    expect(r.published).toBe(true);
    expect(r.outcomes.map((o) => o.line)).toEqual([
      "epoch-models: 1.0.0 → 1.1.0: +10 rows, −1, 1 changed cells",
      "epoch-accelerators: unchanged (304 Not Modified)",
    ]);
    const catalog = readJson<FeedCatalog>(feed, "catalog.json");
    expect(catalog.generatedAt).toBe(NOW.toISOString());
    const entry = catalog.datasets.find((d) => d.id === "epoch-models")!;
    expect(entry).toMatchObject({ version: "1.1.0", rowCount: modelRecords.length - 1 - 1 + 10, asOf: "2025-07-01" });
    const log = readJson<ChangelogFile>(feed, "epoch-models.changelog.json");
    expect(validateChangelog(log).ok).toBe(true);
    expect(log.upstream?.etag).toBe('"m2"');
    expect(log.entries).toHaveLength(1);
    const [e] = log.entries;
    expect(e).toMatchObject({ version: "1.1.0", previousVersion: "1.0.0", bump: "minor", date: NOW.toISOString() });
    expect(e.counts).toEqual({ rows: entry.rowCount, added: 10, removed: 1, changedCells: 1, changedRows: 1 });
    expect(e.added).toEqual(Array.from({ length: 10 }, (_, i) => `Test model ${i + 1}`));
    expect(e.removed).toEqual([removedName]);
    expect(e.changed).toEqual([{ key: revisedName, column: "parameters", old: expect.any(Number), new: 123456789 }]);
    expect(readFileSync(join(feed, "epoch-models.json"), "utf8")).toContain('"Test model 10"');
    expect(() => validateFeedDir(feed)).not.toThrow();
    expect(existsSync(join(feed, "index-performance.json"))).toBe(true);
    expect(readdirSync(join(feed, "..")).filter((n) => n.startsWith("."))).toEqual([]); // no temp or backup left
  });

  // Every row has its 4th element: jest.each takes a test function with more parameters than the row for a done() callback.
  const failures: [string, () => Record<string, Reply>, RegExp, Partial<UpdateOptions>][] = [
    ["HTTP 500", () => ({ ...v2(), "/models.csv": { status: 500, body: "boom" } }), /epoch-models \(http:\/\/127\.0\.0\.1:\d+\/models\.csv\): HTTP 500/, {}],
    [
      "an unterminated quote (truncated CSV)",
      () => ({ ...v2(), "/models.csv": ok(cutInsideQuote(v2Models), '"t1"') }),
      /models\.csv\): CSV: unterminated quoted field/,
      {},
    ],
    [
      "a short last record (truncated CSV)",
      () => ({ ...v2(), "/hardware.csv": ok(v1Hardware.slice(0, v1Hardware.lastIndexOf(",", v1Hardware.length - 200)), '"t2"') }),
      /epoch-accelerators \(.*hardware\.csv\): CSV record \d+: expected 53 fields, got \d+/,
      {},
    ],
    [
      "a transfer cut short",
      () => ({ ...v2(), "/models.csv": { status: 200, body: v2Models.slice(0, 1000), contentLength: 5000, etag: '"t3"' } }),
      /models\.csv\): .*truncated/,
      {},
    ],
    [
      "a renamed column",
      () => ({ ...v2(), "/models.csv": ok(v2Models.replace('"Parameters"', '"Parameter count"'), '"t4"') }),
      /models\.csv\): CSV: missing column "Parameters"/,
      {},
    ],
    [
      "a missing column",
      () => ({ ...v2(), "/hardware.csv": ok(writeCsv(parseCsv(v1Hardware).map((r) => r.filter((_, c) => c !== 19))), '"t5"') }),
      /epoch-accelerators \(.*\): CSV: missing column "TDP \(W\)"/,
      {},
    ],
    [
      "a server that never answers",
      () => ({ ...v2(), "/hardware.csv": { status: 200, body: "", hang: true } }),
      /epoch-accelerators \(.*\): no complete answer within 300 ms/,
      { timeoutMs: 300 },
    ],
    ["an http URL off loopback", () => v2(), /refused: only https URLs/, { sources: { "epoch-models": "http://example.com/x.csv" } }],
  ];

  test.each(failures)("fails on %s: rejects naming source, URL and reason; the feed stays byte-identical", async (_name, scenario, message, extra) => {
    replies = scenario();
    const before = snapshot(feed);
    await expect(updateData(opts(feed, { ...extra, sources: { ...opts(feed).sources, ...extra.sources } }))).rejects.toThrow(message);
    expect(snapshot(feed)).toEqual(before);
    expect(readdirSync(join(feed, "..")).filter((n) => n.startsWith("."))).toEqual([]);
  });

  test("the CLI exits 1 with one message on failure and leaves the feed as it was (URLs from an env variable and a local path)", async () => {
    replies = { ...v2(), "/models.csv": { status: 500, body: "boom" } };
    const before = snapshot(feed);
    // Asynchronous: the loopback server runs in this process and must keep answering.
    const child = spawn(
      process.execPath,
      ["-r", join(ROOT, "scripts/ts-require.js"), join(ROOT, "scripts/update-data.ts"), "--feed", feed, "--source", `epoch-accelerators=${HARDWARE_CSV}`],
      {
        env: { ...process.env, AICA_SOURCE_EPOCH_MODELS: `${base}/models.csv` },
      }
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((done) => child.on("close", done));
    expect(status).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^data:update failed: epoch-models \(http:\/\/127\.0\.0\.1:\d+\/models\.csv\): HTTP 500/),
    ]);
    expect(snapshot(feed)).toEqual(before);
  });
});

describe("diff and semver rules of the updater", () => {
  const cols = (...keys: string[]): Column[] => keys.map((key) => ({ key, header: { zh: key, en: key }, type: "text", unit: "", numberFormat: "@" }));

  test("row keys are the first column, repeats numbered in row order", () => {
    expect(rowKeys([["A"], ["B"], ["A"], [null], ["A"]])).toEqual(["A", "B", "A #2", "(blank)", "A #3"]);
  });

  test("bumps: value → patch; rows added or removed → minor; column added → minor; column removed or key changed → major; nothing → none", () => {
    const prev = {
      columns: cols("k", "v"),
      rows: [
        ["a", "1"],
        ["b", "2"],
      ],
    };
    expect(
      bumpFor(
        diffDatasets(prev, {
          columns: cols("k", "v"),
          rows: [
            ["a", "1"],
            ["b", "3"],
          ],
        })
      )
    ).toBe("patch");
    expect(
      bumpFor(
        diffDatasets(prev, {
          columns: cols("k", "v"),
          rows: [
            ["a", "1"],
            ["b", "2"],
            ["c", "3"],
          ],
        })
      )
    ).toBe("minor");
    expect(bumpFor(diffDatasets(prev, { columns: cols("k", "v"), rows: [["a", "1"]] }))).toBe("minor");
    expect(
      bumpFor(
        diffDatasets(prev, {
          columns: cols("k", "v", "w"),
          rows: [
            ["a", "1", null],
            ["b", "2", null],
          ],
        })
      )
    ).toBe("minor");
    expect(bumpFor(diffDatasets(prev, { columns: cols("k"), rows: [["a"], ["b"]] }))).toBe("major");
    expect(
      bumpFor(
        diffDatasets(prev, {
          columns: cols("v", "k"),
          rows: [
            ["1", "a"],
            ["2", "b"],
          ],
        })
      )
    ).toBe("major");
    expect(bumpFor(diffDatasets(prev, prev))).toBeNull();
  });
});

afterAll(() => {
  for (const d of readdirSync(tmpdir()).filter((n) => n.startsWith("update-data-"))) rmSync(join(tmpdir(), d), { recursive: true, force: true });
});
