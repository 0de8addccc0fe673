/**
 * A static file server on 127.0.0.1 for the browser sections (cold start, pane paint): a build
 * directory, with some paths answered from memory (a stub page, a stub office.js). No cache, and
 * nothing outside the directory is served.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".json": "application/json",
  ".html": "text/html",
  ".png": "image/png",
  ".xml": "application/xml",
};

const typeOf = (file: string): string => TYPES[path.extname(file)] ?? "application/octet-stream";

/** Serves `dir`; a path in `pages` ("/bench-stub.html") is answered with its text instead. */
export function serveDir(dir: string, pages: Readonly<Record<string, string>>): Promise<{ server: http.Server; base: string }> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? "/").split(/[?#]/)[0]);
    const page = pages[url];
    if (page !== undefined) {
      res.writeHead(200, { "content-type": typeOf(url === "/" ? ".html" : url), "cache-control": "no-store" });
      res.end(page);
      return;
    }
    const file = path.resolve(root, "." + url);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": typeOf(file), "cache-control": "no-store" });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}
