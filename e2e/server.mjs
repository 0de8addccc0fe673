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

function bump(version) {
  const parts = version.split(".").map(Number);
  if (parts.some((n) => !Number.isInteger(n))) return `${version}.1`;
  parts[parts.length - 1] += 1;
  return parts.join(".");
}

/**
 * Serves `root` on 127.0.0.1 at a free port. `state.feed` is "original" or "changed"; with
 * "changed", /data/<file> is answered from `changed` where it has the file.
 */
export async function serve(root, changed) {
  const state = { feed: "original", requests: [] };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, "");
    state.requests.push(rel);
    const headers = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };
    if (state.feed === "changed" && rel.startsWith("data/") && changed.has(rel.slice(5))) {
      res.writeHead(200, { ...headers, "Content-Type": TYPES[".json"] });
      res.end(changed.get(rel.slice(5)));
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
