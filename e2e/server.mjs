// A tiny static HTTP server for the e2e run: serves a built folder on 127.0.0.1 (the feed
// client accepts plain http only for loopback hosts). Its data feed (/data/) can be switched
// to a changed copy, so a refresh in the task pane sees a new version of a dataset.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The changed feed: in llm-comparison, GPT-3's parameters become 176e9, a row is added and the
 * version goes to 1.0.1 (the catalogue entry follows, or the client would refuse the file).
 * Returns the files that differ from the built feed, by name.
 */
export function changedFeed(dataDir) {
  const dataset = JSON.parse(fs.readFileSync(path.join(dataDir, "llm-comparison.json"), "utf8"));
  const catalog = JSON.parse(fs.readFileSync(path.join(dataDir, "catalog.json"), "utf8"));
  const params = dataset.columns.findIndex((c) => c.key === "params");
  const model = dataset.columns.findIndex((c) => c.key === "model_en");
  const gpt3 = dataset.rows.findIndex((r) => r[model] === "GPT-3");
  if (params < 0 || model < 0 || gpt3 < 0) throw new Error("e2e: llm-comparison no longer has GPT-3's params where the test expects them");
  const oldVersion = dataset.version;
  dataset.rows[gpt3][params] = 176e9;
  const extra = [...dataset.rows[dataset.rows.length - 1]];
  extra[model] = "E2E test model";
  dataset.rows.push(extra);
  dataset.version = bump(oldVersion);
  const entry = catalog.datasets.find((d) => d.id === "llm-comparison");
  entry.version = dataset.version;
  entry.rowCount = dataset.rows.length;
  catalog.generatedAt = new Date().toISOString();
  return {
    oldVersion,
    newVersion: dataset.version,
    files: new Map([
      ["llm-comparison.json", JSON.stringify(dataset)],
      ["catalog.json", JSON.stringify(catalog, null, 1)],
    ]),
  };
}

/** "1.2.3" → "1.3.0" (minor: rows added) or "1.2.4" (patch: values changed), as the updater bumps. */
function semverBump(version, part) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`e2e: not a semantic version: ${version}`);
  const [major, minor, patch] = m.slice(1).map(Number);
  return part === "minor" ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

/** Row indexes whose first cell (the row key) occurs once. */
function uniqueKeyRows(rows) {
  const seen = new Map();
  for (const r of rows) seen.set(r[0], (seen.get(r[0]) ?? 0) + 1);
  return rows.map((r, i) => i).filter((i) => typeof rows[i][0] === "string" && rows[i][0] !== "" && seen.get(rows[i][0]) === 1);
}

/**
 * Version 2 of the feed, on top of `base` (the files of changedFeed): in epoch-models 5 values
 * changed (parameters doubled), 10 rows added ("E2E model 01" … "10") and 1 removed, the version
 * bumped minor; in epoch-accelerators (when the build has it) one FLOP/s value doubled, patch;
 * in llm-comparison GPT-3's parameters 177e9, patch (a table pinned before the switch must keep
 * its 176e9). Each catalogue entry follows. Returns the files that differ from the built feed
 * and what was changed, for the scenario's checks.
 */
export function epochFeedV2(dataDir, base) {
  const read = (file) => JSON.parse(base.get(file) ?? fs.readFileSync(path.join(dataDir, file), "utf8"));
  const catalog = read("catalog.json");
  const files = new Map(base);
  const entryOf = (id) => catalog.datasets.find((d) => d.id === id);

  const models = read("epoch-models.json");
  const params = models.columns.findIndex((c) => c.key === "parameters");
  if (params < 0) throw new Error("e2e: epoch-models has no parameters column");
  const unique = uniqueKeyRows(models.rows);
  const changedRows = unique.filter((i) => typeof models.rows[i][params] === "number").slice(0, 5);
  const removedRow = unique[unique.length - 1];
  if (changedRows.length < 5 || changedRows.includes(removedRow)) throw new Error("e2e: epoch-models has too few rows with a unique name and parameters");
  const changes = changedRows.map((i) => {
    const row = models.rows[i];
    const old = row[params];
    row[params] = old * 2;
    return { key: row[0], old, new: row[params] };
  });
  const removed = models.rows[removedRow][0];
  const template = models.rows[changedRows[0]];
  models.rows.splice(removedRow, 1);
  const added = [];
  for (let n = 1; n <= 10; n++) {
    const row = [...template];
    row[0] = `E2E model ${String(n).padStart(2, "0")}`;
    added.push(row[0]);
    models.rows.push(row);
  }
  const modelsOld = models.version;
  models.version = semverBump(modelsOld, "minor");
  Object.assign(entryOf("epoch-models"), { version: models.version, rowCount: models.rows.length });
  files.set("epoch-models.json", JSON.stringify(models));

  let accelerators = null;
  if (entryOf("epoch-accelerators") && fs.existsSync(path.join(dataDir, "epoch-accelerators.json"))) {
    const acc = read("epoch-accelerators.json");
    const col = acc.columns.findIndex((c) => c.type === "flops");
    const row = uniqueKeyRows(acc.rows).find((i) => typeof acc.rows[i][col] === "number");
    if (col < 0 || row === undefined) throw new Error("e2e: epoch-accelerators has no FLOP/s value to change");
    const old = acc.rows[row][col];
    acc.rows[row][col] = old * 2;
    const oldVersion = acc.version;
    acc.version = semverBump(oldVersion, "patch");
    Object.assign(entryOf("epoch-accelerators"), { version: acc.version, rowCount: acc.rows.length });
    files.set("epoch-accelerators.json", JSON.stringify(acc));
    accelerators = { oldVersion, newVersion: acc.version, key: acc.rows[row][0], header: acc.columns[col].header.en, old, new: acc.rows[row][col] };
  }

  const llm = read("llm-comparison.json");
  const llmParams = llm.columns.findIndex((c) => c.key === "params");
  const model = llm.columns.findIndex((c) => c.key === "model_en");
  const gpt3 = llm.rows.findIndex((r) => r[model] === "GPT-3");
  llm.rows[gpt3][llmParams] = 177e9;
  const llmOld = llm.version;
  llm.version = semverBump(llmOld, "patch");
  entryOf("llm-comparison").version = llm.version;
  files.set("llm-comparison.json", JSON.stringify(llm));

  catalog.generatedAt = new Date().toISOString();
  files.set("catalog.json", JSON.stringify(catalog, null, 1));
  return {
    files,
    models: { oldVersion: modelsOld, newVersion: models.version, changes, added, removed },
    accelerators,
    llm: { oldVersion: llmOld, newVersion: llm.version },
  };
}

function bump(version) {
  const parts = version.split(".").map(Number);
  if (parts.some((n) => !Number.isInteger(n))) return `${version}.1`;
  parts[parts.length - 1] += 1;
  return parts.join(".");
}

/**
 * Serves `root` on 127.0.0.1 at a free port. `state.feed` is "original", "changed" or a key of
 * `others` (e.g. "v2"); then /data/<file> is answered from that map of files where it has the file.
 */
export async function serve(root, changed, others = {}) {
  const state = { feed: "original", requests: [] };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, "");
    state.requests.push(rel);
    const headers = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };
    const feed = state.feed === "changed" ? changed : (others[state.feed] ?? null);
    if (feed !== null && rel.startsWith("data/") && feed.has(rel.slice(5))) {
      res.writeHead(200, { ...headers, "Content-Type": TYPES[".json"] });
      res.end(feed.get(rel.slice(5)));
      return;
    }
    if (rel === "favicon.ico") {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    const file = path.resolve(root, rel === "" ? "workbench.html" : rel);
    if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...headers, "Content-Type": TYPES[".txt"] });
      res.end("not found");
      return;
    }
    res.writeHead(200, { ...headers, "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    state,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
