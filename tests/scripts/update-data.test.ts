/**
 * The data updater (scripts/update-data.ts) against a loopback HTTP server: no network. Version 1
 * of the upstream is the repository's Epoch snapshots (data/upstream/epoch) as they are; version 2 is derived here (10 rows
 * added, a value revised, a row removed). Every failure must leave the feed byte-identical and
 * nothing temporary beside it; a kill at any moment must leave a feed the next run can use.
 */
import { spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { acceleratorFamily, MAX_CSV_FIELD_CHARS, parseCsv } from "../../scripts/epoch-convert";
import { EPOCH_HARDWARE_CSV as HARDWARE_CSV, EPOCH_MODELS_CSV as MODELS_CSV } from "../../scripts/upstream";
import { readCorrections, withCorrections } from "../../scripts/corrections";
import { convert, convertHardware } from "../../scripts/epoch-convert";
import { emitFeed } from "../../scripts/feed-assets";
import { JOURNAL_FILE, LOCK_FILE, VERSION_NAME } from "../../scripts/publish-feed";
import {
  bumpFor,
  diffDatasets,
  MAX_SHRINK_SHARE,
  rowKeys,
  updateData,
  validateFeedDir,
  type UpdateOptions,
  type UpdaterChangelogEntry,
} from "../../scripts/update-data";
import { epochAcceleratorsFrom } from "../../src/data/datasets/epoch-accelerators";
import { epochModelsFrom } from "../../src/data/datasets/epoch-models";
import { buildFeed } from "../../src/data/feed-build";
import { MAX_FEED_BYTES, validateChangelog, type ChangelogFile, type FeedCatalog } from "../../src/data/feed";
import type { CellValue, Column, Dataset } from "../../src/data/types";

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
const hardwareRecords = parseCsv(v1Hardware);
const [mHeader] = modelRecords;
const [hHeader] = hardwareRecords;
const MODEL = mHeader.indexOf("Model");
const PARAMS = mHeader.indexOf("Parameters");
const QUANTITY = mHeader.indexOf("Hardware quantity");
const ORG = mHeader.indexOf("Organization");
/** A models record with only a name (and the given fields) filled in. */
const modelRecord = (name: string, fields: Record<number, string> = {}): string[] => mHeader.map((_, c) => (c === MODEL ? name : (fields[c] ?? "")));
// v2: a unique model's parameters revised, the last-but-one record removed, 10 new models added.
const revisedAt = 1;
const removedAt = modelRecords.length - 2;
const v2Records = modelRecords.filter((_, i) => i !== removedAt).map((r, i) => (i === revisedAt ? r.map((f, c) => (c === PARAMS ? "123456789" : f)) : r));
for (let n = 1; n <= 10; n++) v2Records.push(modelRecord(`Test model ${n}`));
const v2Models = writeCsv(v2Records);
/** Cuts a fully quoted CSV just after the opening quote of a record past its middle. */
const cutInsideQuote = (csv: string): string => csv.slice(0, csv.slice(csv.length / 2).search(/\n"[^"]/) + Math.floor(csv.length / 2) + 2) + "partial";
const revisedName = modelRecords[revisedAt][MODEL].replace(/\s+/g, " ").trim();
const removedName = modelRecords[removedAt][MODEL].replace(/\s+/g, " ").trim();
/** The hardware snapshot with one cell of one row changed (by Epoch's name and header). */
const hardwareWith = (name: string, header: string, value: string): string =>
  writeCsv(hardwareRecords.map((r, i) => (i > 0 && r[0].trim() === name ? r.map((f, c) => (c === hHeader.indexOf(header) ? value : f)) : r)));

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

const built = emitFeed();
/** A fresh feed as the build emits it (buildFeed through emitFeed), a plain directory in a temp dir. */
function makeFeed(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "update-data-")), "data");
  mkdirSync(dir);
  for (const [name, text] of built) writeFileSync(join(dir, name), text);
  return dir;
}

function snapshot(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n)).toString("base64")]));
}

/** The hidden versions directory beside a feed. */
const versionsOf = (feed: string): string => join(dirname(feed), `.${basename(feed)}.versions`);
/** Everything beside the feed and in its versions directory: what a run leaves behind. */
function leftovers(feed: string): { beside: string[]; versions: string[] } {
  const v = versionsOf(feed);
  return { beside: readdirSync(dirname(feed)).sort(), versions: existsSync(v) ? readdirSync(v).sort() : [] };
}
/** The version the feed's link points at. */
const linkedVersion = (feed: string): string => basename(readlinkSync(feed));

const opts = (feedDir: string, extra: Partial<UpdateOptions> = {}): UpdateOptions => ({
  feedDir,
  sources: { "epoch-models": `${base}/models.csv`, "epoch-accelerators": `${base}/hardware.csv` },
  env: {},
  now: NOW,
  timeoutMs: 5000,
  ...extra,
});
const readJson = <T>(dir: string, name: string): T => JSON.parse(readFileSync(join(dir, name), "utf8")) as T;
const datasetIn = (dir: string, id: string): Dataset => readJson<Dataset>(dir, `${id}.json`);
const cell = (d: Dataset, name: string, column: string): CellValue => d.rows.find((r) => r[0] === name)?.[d.columns.findIndex((c) => c.key === column)] ?? null;

/** Runs the updater's command line in a child process (the loopback server keeps answering here). */
function runCli(
  args: string[],
  env: Record<string, string> = {},
  nodeArgs: string[] = []
): Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; child: ReturnType<typeof spawn> }> {
  const child = spawn(process.execPath, [...nodeArgs, "-r", join(ROOT, "scripts/ts-require.js"), join(ROOT, "scripts/update-data.ts"), ...args], {
    env: { ...process.env, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.on("close", (status, signal) => done({ status, signal, stdout, stderr, child })));
}
const sourceArgs = (): string[] => ["--source", `epoch-models=${base}/models.csv`, "--source", `epoch-accelerators=${base}/hardware.csv`];

describe("npm run data:update (scripts/update-data.ts)", () => {
  let feed = "";
  beforeAll(() => {
    feed = makeFeed();
  });

  test("first run on v1 (the snapshots as they are): same rows, versions stay, ETag, SHA-256 and record count in changelogs", async () => {
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
    expect(log.upstream).toEqual({
      url: `${base}/models.csv`,
      etag: '"m1"',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      records: modelRecords.length - 1,
    });
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

  test("a trailing blank line is not a record: the same snapshot with blank lines at the end is the same rows", async () => {
    replies = { "/models.csv": ok(`${v1Models}\n\r\n\n`, '"m1-blank"'), "/hardware.csv": ok(v1Hardware, '"h1"') };
    const r = await updateData(opts(feed));
    expect(r.outcomes.map((o) => o.line)).toEqual(["epoch-models: unchanged (same rows)", "epoch-accelerators: unchanged (304 Not Modified)"]);
  });

  test("--dry-run reports v2's diff and publishes nothing, not even a lock", async () => {
    replies = v2();
    const before = snapshot(feed);
    const left = leftovers(feed);
    const r = await updateData(opts(feed, { dryRun: true }));
    expect(r.outcomes[0].line).toBe("epoch-models: 1.0.0 → 1.1.0: +10 rows, −1, 1 changed cells");
    expect(snapshot(feed)).toEqual(before);
    expect(leftovers(feed)).toEqual(left);
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
  });

  test("the feed path is a link to a complete version; the version before v2 is kept beside it, nothing else", () => {
    expect(lstatSync(feed).isSymbolicLink()).toBe(true);
    expect(readlinkSync(feed)).toMatch(/^\.data\.versions\/v-\d{8}T\d{9}Z-\d+-1$/);
    const { beside, versions } = leftovers(feed);
    expect(beside).toEqual([".data.versions", "data"]);
    expect(versions).toHaveLength(2);
    expect(versions.every((n) => VERSION_NAME.test(n))).toBe(true);
    expect(versions[1]).toBe(linkedVersion(feed));
    expect(readJson<FeedCatalog>(join(versionsOf(feed), versions[0]), "catalog.json").datasets.find((d) => d.id === "epoch-models")?.version).toBe("1.0.0");
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
    [
      "a hex number (0x10 parameters)",
      () => ({ ...v2(), "/models.csv": ok(writeCsv([...v2Records, modelRecord("Hex model", { [PARAMS]: "0x10" })]), '"t6"') }),
      /models\.csv\): record \d+ parameters: not a decimal number: "0x10"/,
      {},
    ],
    [
      "a negative count (-8 chips)",
      () => ({ ...v2(), "/models.csv": ok(writeCsv([...v2Records, modelRecord("Negative model", { [QUANTITY]: "-8" })]), '"t7"') }),
      /models\.csv\): record \d+ hardware_quantity: negative value "-8"/,
      {},
    ],
    [
      "a negative figure (-989e12 FLOP/s)",
      () => ({ ...v2(), "/hardware.csv": ok(hardwareWith("NVIDIA H100 SXM5 80GB", "Tensor-FP16/BF16 performance (FLOP/s)", "-989000000000000"), '"t8"') }),
      /hardware\.csv\): record \d+ tensor16_flops: negative value/,
      {},
    ],
    [
      "a blank line inside the file (not at its end)",
      () => ({ ...v2(), "/models.csv": ok(v2Models.replace(/\n/, "\n\n"), '"t9"') }),
      /models\.csv\): CSV record 2: expected \d+ fields, got 1/,
      {},
    ],
  ];

  test.each(failures)(
    "fails on %s: rejects naming source, URL and reason; the feed stays byte-identical, nothing left behind",
    async (_name, scenario, message, extra) => {
      replies = scenario();
      const before = snapshot(feed);
      const left = leftovers(feed);
      await expect(updateData(opts(feed, { ...extra, sources: { ...opts(feed).sources, ...extra.sources } }))).rejects.toThrow(message);
      expect(snapshot(feed)).toEqual(before);
      expect(leftovers(feed)).toEqual(left); // no lock, temporary copy or link
    }
  );

  test("the CLI exits 1 with one message on failure and leaves the feed as it was (URLs from an env variable and a local path)", async () => {
    replies = { ...v2(), "/models.csv": { status: 500, body: "boom" } };
    const before = snapshot(feed);
    const r = await runCli(["--feed", feed, "--source", `epoch-accelerators=${HARDWARE_CSV}`], { AICA_SOURCE_EPOCH_MODELS: `${base}/models.csv` });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^data:update failed: epoch-models \(http:\/\/127\.0\.0\.1:\d+\/models\.csv\): HTTP 500/),
    ]);
    expect(snapshot(feed)).toEqual(before);
  });
});

describe("the updater publishes only what the add-in accepts (its limits, src/data/feed.ts)", () => {
  test("a dataset file over MAX_FEED_BYTES (20 MB) is refused before publishing, naming its size; the feed stays as it was", async () => {
    const feed = makeFeed();
    // 25,000 extra models with a 1,000-character organization: about 27 MB of JSON, far under Excel's row limit.
    const org = "Organization ".repeat(77);
    const extra = Array.from({ length: 25_000 }, (_, n) => modelRecord(`Bulk model ${n + 1}`, { [ORG]: org }).join(",")).join("\n");
    replies = { "/models.csv": ok(`${v1Models}${extra}\n`, '"big"'), "/hardware.csv": ok(v1Hardware, '"h1"') };
    const before = snapshot(feed);
    await expect(updateData(opts(feed))).rejects.toThrow(
      new RegExp(
        `epoch-models \\(.*\\): epoch-models\\.json would be 2\\d\\.\\d MB \\(26,892 rows\\), over the ${(MAX_FEED_BYTES / 1048576).toFixed(1)} MB the add-in accepts per file`
      )
    );
    expect(snapshot(feed)).toEqual(before);
    expect(leftovers(feed).beside).toEqual(["data"]);
  });
});

describe("a shrink beyond MAX_SHRINK_SHARE is refused unless --allow-shrink", () => {
  let feed = "";
  beforeEach(async () => {
    feed = makeFeed();
    replies = v1();
    await updateData(opts(feed)); // records the upstream's record counts
  });

  test(`the threshold is ${MAX_SHRINK_SHARE * 100}% of the rows`, () => expect(MAX_SHRINK_SHARE).toBe(0.05));

  test("a header-only CSV (0 rows) is refused, and the feed stays as it was", async () => {
    replies = { ...v1(), "/models.csv": ok(writeCsv([mHeader]), '"empty"') };
    const before = snapshot(feed);
    await expect(updateData(opts(feed))).rejects.toThrow(
      /epoch-models \(.*\): the converted data has no rows \(the published 1\.0\.0 has 1,892\): nothing published; .*--allow-shrink/
    );
    expect(snapshot(feed)).toEqual(before);
  });

  test("a CSV cut at a record boundary (10 records) is refused: it would remove 1,882 of 1,892 rows", async () => {
    replies = { ...v1(), "/models.csv": ok(writeCsv(modelRecords.slice(0, 11)), '"ten"') };
    const before = snapshot(feed);
    await expect(updateData(opts(feed))).rejects.toThrow(/epoch-models \(.*\): the update would remove 1,882 of 1,892 rows \(99\.5%; more than 5% is refused/);
    expect(snapshot(feed)).toEqual(before);
  });

  test("a hardware CSV cut at a record boundary (90% of its records) is refused: it would remove 76 of 246 accelerators", async () => {
    const kept = Math.floor((hardwareRecords.length - 1) * 0.9);
    replies = { ...v1(), "/hardware.csv": ok(writeCsv(hardwareRecords.slice(0, kept + 1)), '"cut"') };
    await expect(updateData(opts(feed))).rejects.toThrow(/epoch-accelerators \(.*\): the update would remove 76 of 246 rows \(30\.9%/);
  });

  test("a hardware export missing 10% of its records, none of them an accelerator, is refused by its record count", async () => {
    const drop = Math.ceil((hardwareRecords.length - 1) * 0.1);
    const consumer = hardwareRecords
      .map((r, i) => ({ r, i }))
      .filter(({ r, i }) => i > 0 && acceleratorFamily(r[0].trim(), r[1].trim(), r[2].trim()) === null)
      .slice(0, drop)
      .map(({ i }) => i);
    const without = new Set(consumer);
    replies = { ...v1(), "/hardware.csv": ok(writeCsv(hardwareRecords.filter((_, i) => !without.has(i))), '"gaps"') };
    await expect(updateData(opts(feed))).rejects.toThrow(
      /epoch-accelerators \(.*\): the upstream has 5,196 records, 578 fewer than the 5,774 of the last update \(10\.0%; more than 5% is refused/
    );
  });

  test("with --allow-shrink the 10-row dataset is published (the operator said so); the CLI flag sets it", async () => {
    replies = { ...v1(), "/models.csv": ok(writeCsv(modelRecords.slice(0, 11)), '"ten"') };
    const r = await runCli(["--feed", feed, "--allow-shrink", ...sourceArgs()]);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
    expect(r.stdout).toMatch(/epoch-models: 1\.0\.0 → 1\.1\.0: \+0 rows, −1882, 0 changed cells/);
    expect(datasetIn(feed, "epoch-models").rows).toHaveLength(10);
  });

  test("a small shrink (under 5%) publishes without the flag", async () => {
    const cut = Math.floor((modelRecords.length - 1) * 0.04);
    replies = { ...v1(), "/models.csv": ok(writeCsv(modelRecords.slice(0, modelRecords.length - cut)), '"small"') };
    const r = await updateData(opts(feed));
    expect(r.outcomes[0].line).toBe(`epoch-models: 1.0.0 → 1.1.0: +0 rows, −${cut}, 0 changed cells`);
  });
});

describe("the CSV parser is linear and stops at an oversized field with its one-line message", () => {
  test(`a field over ${MAX_CSV_FIELD_CHARS.toLocaleString("en-US")} characters: parseCsv throws naming its line; a field just under the limit parses`, () => {
    const under = "x".repeat(MAX_CSV_FIELD_CHARS);
    expect(parseCsv(`a,b\n${under},"${under}"\n`)[1].map((f) => f.length)).toEqual([MAX_CSV_FIELD_CHARS, MAX_CSV_FIELD_CHARS]);
    expect(() => parseCsv(`a,b\nc,d\n${under}x,e\n`)).toThrow(
      `CSV: the field starting on line 3 is longer than ${MAX_CSV_FIELD_CHARS.toLocaleString("en-US")} characters`
    );
    expect(() => parseCsv(`a,b\n"${under}""",e\n`)).toThrow(/line 2 is longer than/);
    expect(() => parseCsv(`a,b\n"${under}x`)).toThrow(/line 2 is longer than/); // unterminated and oversized: the size is said
  });

  test("a 64 MB field on the loopback server: the CLI, on a 192 MB heap, prints one 'data:update failed' line and exits 1; the feed is unchanged", async () => {
    const feed = makeFeed();
    replies = { ...v1(), "/models.csv": ok(`${mHeader.join(",")}\n${"x".repeat(64 * 1024 * 1024)},${",".repeat(mHeader.length - 2)}\n`, '"huge"') };
    const before = snapshot(feed);
    const r = await runCli(["--feed", feed, ...sourceArgs()], {}, ["--max-old-space-size=192"]);
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 1, signal: null });
    expect(r.stderr.trim().split("\n")).toEqual([
      `data:update failed: epoch-models (${base}/models.csv): CSV: the field starting on line 2 is longer than ${MAX_CSV_FIELD_CHARS.toLocaleString("en-US")} characters`,
    ]);
    expect(snapshot(feed)).toEqual(before);
  });
});

describe("row keys are unique whatever the names", () => {
  const cols = (...keys: string[]): Column[] => keys.map((key) => ({ key, header: { zh: key, en: key }, type: "text", unit: "", numberFormat: "@" }));

  test('"Dup", "Dup", "Dup #2" get three keys; a literal "(blank)" and a blank cell differ; numbers are bracketed', () => {
    const keys = rowKeys([["Dup"], ["Dup"], ["Dup #2"], ["Dup #2"], [null], ["(blank)"], [null], [42], ["42"]]);
    expect(keys).toEqual(["Dup", "Dup #2", "Dup #2 #1", "Dup #2 #2", "(blank)", "(blank) #1", "(blank #2)", "(42)", "42"]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('the diff pairs each row with itself: a change to the literal "Dup #2" row is reported under its own key', () => {
    const prev = {
      columns: cols("k", "v"),
      rows: [
        ["Dup", "a"],
        ["Dup", "b"],
        ["Dup #2", "c"],
      ] as CellValue[][],
    };
    const next = {
      columns: cols("k", "v"),
      rows: [
        ["Dup", "a"],
        ["Dup", "b"],
        ["Dup #2", "d"],
      ] as CellValue[][],
    };
    expect(diffDatasets(prev, next)).toMatchObject({
      added: [],
      removed: [],
      changed: [{ key: "Dup #2 #1", column: "v", old: "c", new: "d" }],
      changedRows: 1,
    });
  });

  test("on the loopback server: three new models named Dup, Dup and Dup #2 are three added keys", async () => {
    const feed = makeFeed();
    replies = { ...v1(), "/models.csv": ok(writeCsv([...modelRecords, modelRecord("Dup"), modelRecord("Dup"), modelRecord("Dup #2")]), '"dup"') };
    const r = await updateData(opts(feed));
    expect(r.outcomes[0].line).toBe("epoch-models: 1.0.0 → 1.1.0: +3 rows, −0, 0 changed cells");
    const [e] = readJson<ChangelogFile>(feed, "epoch-models.changelog.json").entries;
    expect(e.added).toEqual(["Dup", "Dup #2", "Dup #2 #1"]);
  });
});

describe("corrections (data/corrections/epoch.json) are applied after conversion and kept across updates", () => {
  test("an update keeps the corrected cells and lists them in the changelog entry; a correction whose upstream value changed is dropped and reported", async () => {
    const feed = makeFeed();
    const published = datasetIn(feed, "epoch-accelerators");
    expect(cell(published, "NVIDIA H200 SXM", "release_date")).toBe("2023-11-13"); // the converter applied it
    expect(cell(published, "Intel Habana Gaudi2", "tensor16_flops")).toBe(432e12);
    // Upstream now says 440 TFLOP/s for Gaudi2, not the 450 the correction was written for.
    replies = { ...v1(), "/hardware.csv": ok(hardwareWith("Intel Habana Gaudi2", "Tensor-FP16/BF16 performance (FLOP/s)", "440000000000000"), '"h2"') };
    const r = await updateData(opts(feed));
    expect(r.outcomes[1].line).toBe(
      "epoch-accelerators: 1.0.1 → 1.0.2: +0 rows, −0, 1 changed cells; correction not applied: Intel Habana Gaudi2 tensor16_flops (upstream changed the value)"
    );
    const d = datasetIn(feed, "epoch-accelerators");
    expect(cell(d, "Intel Habana Gaudi2", "tensor16_flops")).toBe(440e12); // upstream's, not silently replaced
    expect(cell(d, "NVIDIA H200 SXM", "release_date")).toBe("2023-11-13"); // kept across the update
    expect(cell(d, "NVIDIA B200", "fp32_flops")).toBe(75e12);
    expect(d.notes.join("\n")).toMatch(
      /Correction not applied to "Intel Habana Gaudi2", tensor16_flops: upstream changed the value \(expected 450000000000000, upstream has 440000000000000\)/
    );
    const [e] = readJson<{ entries: UpdaterChangelogEntry[] }>(feed, "epoch-accelerators.changelog.json").entries;
    expect(e.changed).toEqual([{ key: "Intel Habana Gaudi2", column: "tensor16_flops", old: 432e12, new: 440e12 }]);
    expect(e.corrections?.applied.map((c) => [c.row, c.column, c.value])).toEqual([
      ["NVIDIA H200 SXM", "release_date", "2023-11-13"],
      ["NVIDIA B200", "fp32_flops", 75e12],
    ]);
    expect(e.corrections?.dropped).toEqual([
      { row: "Intel Habana Gaudi2", column: "tensor16_flops", expected: 450e12, found: 440e12, reason: "upstream changed the value" },
    ]);
    expect(validateChangelog(readJson(feed, "epoch-accelerators.changelog.json")).ok).toBe(true);
    // The next update keeps the entry's corrections (the changelog is not re-written without them).
    replies = { ...v1(), "/hardware.csv": ok(hardwareWith("Intel Habana Gaudi2", "TDP (W)", "650"), '"h3"') };
    await updateData(opts(feed));
    const entries = readJson<{ entries: UpdaterChangelogEntry[] }>(feed, "epoch-accelerators.changelog.json").entries;
    expect(entries.map((x) => [x.version, x.corrections?.applied.length])).toEqual([
      ["1.0.3", 3],
      ["1.0.2", 2],
    ]);
  });
});

describe("publishing is one atomic step and cleans up after itself", () => {
  test("a second publish swaps the link; only the current and the previous version remain", async () => {
    const feed = makeFeed();
    replies = v2();
    await updateData(opts(feed));
    const first = linkedVersion(feed);
    // The first publish moved the build's plain directory in whole, as the version before it.
    expect(leftovers(feed).versions).toEqual([first.replace(/-1$/, "-0"), first]);
    expect(readJson<FeedCatalog>(join(versionsOf(feed), first.replace(/-1$/, "-0")), "catalog.json").generatedAt).toBe(
      JSON.parse(built.get("catalog.json")!).generatedAt
    );
    replies = { ...v2(), "/models.csv": ok(writeCsv([...v2Records, modelRecord("Test model 11")]), '"m3"') };
    await updateData(opts(feed));
    const second = linkedVersion(feed);
    expect(second > first).toBe(true);
    expect(leftovers(feed)).toEqual({ beside: [".data.versions", "data"], versions: [first, second] });
    expect(readJson<FeedCatalog>(feed, "catalog.json").datasets.find((d) => d.id === "epoch-models")?.version).toBe("1.2.0");
  });

  test("a lock held by a live process refuses the run; a lock left by a dead one is taken over", async () => {
    const feed = makeFeed();
    mkdirSync(versionsOf(feed));
    writeFileSync(join(versionsOf(feed), LOCK_FILE), `${process.pid}\n`); // this process is alive
    replies = v2();
    await expect(updateData(opts(feed))).rejects.toThrow(new RegExp(`another data:update \\(process ${process.pid}\\) is updating this feed`));
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((done) => dead.on("close", done));
    writeFileSync(join(versionsOf(feed), LOCK_FILE), `${dead.pid}\n`);
    expect((await updateData(opts(feed))).published).toBe(true);
    expect(leftovers(feed).versions).not.toContain(LOCK_FILE);
  });

  test("SIGTERM during a download: one 'interrupted' line, exit 1, the feed unchanged and nothing left behind", async () => {
    const feed = makeFeed();
    replies = { ...v2(), "/hardware.csv": { status: 200, body: "", hang: true } };
    const before = snapshot(feed);
    seen.length = 0;
    const running = runCli(["--feed", feed, ...sourceArgs()]);
    while (!seen.some((s) => s.path === "/hardware.csv")) await new Promise((done) => setTimeout(done, 20));
    expect(existsSync(join(versionsOf(feed), LOCK_FILE))).toBe(true); // the run holds the lock
    process.kill(Number(readFileSync(join(versionsOf(feed), LOCK_FILE), "utf8")), "SIGTERM");
    const r = await running;
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^data:update failed: epoch-accelerators \(.*\): interrupted by SIGTERM$/)]);
    expect(snapshot(feed)).toEqual(before);
    expect(leftovers(feed)).toEqual({ beside: ["data"], versions: [] });
  });

  /*
   * Kills use a small feed (the two Epoch datasets from the first records of each snapshot), so
   * that each of the many runs below costs little more than starting Node.
   */
  const smallModels = (extra: string[]): string => writeCsv([...modelRecords.slice(0, 41), ...extra.map((n) => modelRecord(n))]);
  const smallHardware = writeCsv(hardwareRecords.slice(0, 401));
  const smallSources = (models: string[]): Record<string, Reply> => ({
    "/small-models.csv": ok(smallModels(models), `"s${models.length}"`),
    "/small-hardware.csv": ok(smallHardware, '"sh"'),
  });
  const smallFeedFiles = buildFeed(
    [
      epochModelsFrom(withCorrections("epoch-models", convert(parseCsv(smallModels([])), "0".repeat(64)), readCorrections())),
      epochAcceleratorsFrom(withCorrections("epoch-accelerators", convertHardware(parseCsv(smallHardware), "0".repeat(64)), readCorrections())),
    ],
    NOW
  );
  const smallArgs = (): string[] => ["--source", `epoch-models=${base}/small-models.csv`, "--source", `epoch-accelerators=${base}/small-hardware.csv`];
  const smallOpts = (feedDir: string): UpdateOptions => ({
    ...opts(feedDir),
    sources: { "epoch-models": `${base}/small-models.csv`, "epoch-accelerators": `${base}/small-hardware.csv` },
  });
  function makeSmallFeed(): string {
    const dir = join(mkdtempSync(join(tmpdir(), "update-data-")), "data");
    mkdirSync(dir);
    for (const [name, text] of smallFeedFiles) writeFileSync(join(dir, name), text);
    return dir;
  }
  const modelsVersion = (feed: string): string | undefined =>
    readJson<FeedCatalog>(feed, "catalog.json").datasets.find((d) => d.id === "epoch-models")?.version;

  /**
   * SIGKILL before each file-system change of a run, in turn (tests/scripts/kill-at-fs-call.cjs):
   * right after the kill the feed path is the old feed or the new one, whole (on the first publish,
   * which turns the build's directory into a version, one moment has no feed path and a journal
   * that the next run uses to put the directory back); the next run then publishes the update and
   * leaves only the current and the previous version.
   */
  async function killEverywhere(prepare: () => Promise<string>, expectedVersion: string, from = ""): Promise<{ moments: number; gaps: number }> {
    const countFile = join(mkdtempSync(join(tmpdir(), "update-data-")), "count");
    const preload = join(__dirname, "kill-at-fs-call.cjs");
    const counted = await runCli(["--feed", await prepare(), ...smallArgs()], { KILL_COUNT_FILE: countFile, KILL_COUNT_FROM: from }, ["-r", preload]);
    expect({ status: counted.status, stderr: counted.stderr }).toEqual({ status: 0, stderr: "" });
    const moments = Number(readFileSync(countFile, "utf8"));
    let gaps = 0;
    for (let n = 1; n <= moments; n++) {
      const feed = await prepare();
      const oldVersion = modelsVersion(feed);
      const killed = await runCli(["--feed", feed, ...smallArgs()], { KILL_AT_FS_CALL: String(n), KILL_COUNT_FROM: from }, ["-r", preload]);
      expect({ n, signal: killed.signal }).toEqual({ n, signal: "SIGKILL" });
      if (existsSync(feed)) {
        expect(() => validateFeedDir(feed)).not.toThrow();
        expect([oldVersion, expectedVersion]).toContain(modelsVersion(feed));
      } else {
        gaps++;
        expect(existsSync(join(versionsOf(feed), JOURNAL_FILE))).toBe(true);
      }
      await updateData(smallOpts(feed));
      expect({ n, version: modelsVersion(feed) }).toEqual({ n, version: expectedVersion });
      const { beside, versions } = leftovers(feed);
      expect({ n, beside }).toEqual({ n, beside: [".data.versions", "data"] });
      expect({ n, versions: versions.length <= 2 && versions.every((v) => VERSION_NAME.test(v)) && versions.includes(linkedVersion(feed)) }).toEqual({
        n,
        versions: true,
      });
    }
    return { moments, gaps };
  }

  test("SIGKILL at every moment of the first publish (the build's directory becomes a version)", async () => {
    replies = smallSources(["Test model 1"]);
    const { moments, gaps } = await killEverywhere(async () => makeSmallFeed(), "1.1.0");
    expect(moments).toBeGreaterThanOrEqual(10);
    expect(gaps).toBe(1); // between moving the directory and linking the new version
  }, 300_000);

  // The moments before the link is made are the first publish's, tried above.
  test("SIGKILL at every moment of a later publish from the new link on (the swap, the clean-up): the feed path is never missing", async () => {
    const prepare = async (): Promise<string> => {
      const feed = makeSmallFeed();
      replies = smallSources(["Test model 1"]);
      await updateData(smallOpts(feed));
      replies = smallSources(["Test model 1", "Test model 2"]);
      return feed;
    };
    const { moments, gaps } = await killEverywhere(prepare, "1.2.0", "symlinkSync");
    expect(moments).toBeGreaterThanOrEqual(4); // link, swap, previous-but-one version removed, lock removed, …
    expect(gaps).toBe(0);
  }, 300_000);
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
