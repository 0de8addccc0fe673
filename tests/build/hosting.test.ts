/**
 * Hosting facts: the dev server stays on this machine, a production build without
 * ADDIN_BASE_URL says (last) that its manifest points at localhost, and taskpane.html carries a
 * Content-Security-Policy with no inline script, no eval and styles only from the add-in or
 * with the build's nonce (scripts/hosting.ts; the e2e run loads the workbench under it).
 */
import { readDist } from "./dist";
import { CROSS_ORIGIN_FILES, DEV_URL, devServerCorsHeaders, localhostWarning, OFFICE_JS_ORIGIN, taskpanePolicy, workbenchPolicy } from "../../scripts/hosting";

/** Directive name → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources])
  );
}

describe("the production build's localhost warning", () => {
  it("is given when the manifest still has the dev server's URL, naming ADDIN_BASE_URL", () => {
    const warning = localhostWarning(`<SourceLocation DefaultValue="${DEV_URL}taskpane.html"/>`);
    expect(warning).toContain(DEV_URL);
    expect(warning).toContain("ADDIN_BASE_URL=https://");
    expect(warning?.split("\n")).toHaveLength(1);
  });

  it("is not given for a manifest pointing at the production host", () => {
    expect(localhostWarning('<SourceLocation DefaultValue="https://addin.example.com/ai/taskpane.html"/>')).toBeNull();
  });
});

type HeadersFn = (req: { url?: string; headers: Record<string, string | undefined> }) => Record<string, string>;

describe("the dev server", () => {
  /** The headers the dev server sends for a request, from webpack.config.js itself. */
  async function devHeaders(): Promise<HeadersFn> {
    const configure = require("../../webpack.config.js") as (env: object, options: { mode: string }) => Promise<{ devServer: { headers?: unknown } }>;
    const config = await configure({}, { mode: "development" });
    expect(typeof config.devServer.headers).toBe("function");
    return config.devServer.headers as HeadersFn;
  }
  const EXCEL_WEB = "https://excel.officeapps.live.com";

  it("sends CORS only to Excel on the web, only for the files Excel fetches (functions.json, functions.zh-CN.json, functions.js)", async () => {
    const headers = await devHeaders();
    for (const file of CROSS_ORIGIN_FILES) {
      expect(headers({ url: file, headers: { origin: EXCEL_WEB } })).toEqual({ "Access-Control-Allow-Origin": EXCEL_WEB, Vary: "Origin" });
      expect(headers({ url: `${file}?v=2`, headers: { origin: "https://inc-excel.officeapps.live.com" } })["Access-Control-Allow-Origin"]).toBe(
        "https://inc-excel.officeapps.live.com"
      );
    }
  });

  it("sends no Access-Control-Allow-Origin to any other origin, nor for the pane, its scripts, the feed or the workbench", async () => {
    const headers = await devHeaders();
    const others = ["https://evil.example", "https://officeapps.live.com.evil.example", "http://excel.officeapps.live.com", "null"];
    for (const origin of [...others, undefined])
      expect(headers({ url: "/functions.json", headers: { origin } })["Access-Control-Allow-Origin"]).toBeUndefined();
    for (const url of ["/taskpane.html", "/taskpane.js", "/data/catalog.json", "/data/epoch-models.json", "/workbench.html", "/manifest.xml"])
      expect(headers({ url, headers: { origin: EXCEL_WEB } })).toEqual({});
    expect(devServerCorsHeaders("/", undefined)).toEqual({});
  });

  it("listens on localhost only", async () => {
    // The config is a function of (env, argv); without `serve` in argv it touches no certificate.
    const configure = require("../../webpack.config.js") as (env: object, options: { mode: string }) => Promise<{ devServer: { host?: string } }>;
    const config = await configure({}, { mode: "development" });
    expect(config.devServer.host).toBe("localhost");
  });
});

describe("Content-Security-Policy", () => {
  const policy = directives(taskpanePolicy("abc123=="));

  it("scripts: the add-in's own and Office.js only; no inline script, no eval", () => {
    expect(policy.get("script-src")).toEqual(["'self'", OFFICE_JS_ORIGIN]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
  });

  it("styles: the add-in's own and <style> elements with the build's nonce; only style attributes are inline (Office.js sets them)", () => {
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("connections: the add-in's origin and https (a custom feed elsewhere)", () => {
    expect(policy.get("connect-src")).toEqual(["'self'", "https:"]);
  });

  it("the workbench's policy is the pane's without Office.js, plus http to loopback (the e2e feed)", () => {
    const wb = directives(workbenchPolicy("abc123=="));
    expect(wb.get("script-src")).toEqual(["'self'"]);
    expect(wb.get("style-src")).toEqual(policy.get("style-src"));
    expect(wb.get("connect-src")).toEqual(["'self'", "https:", "http://127.0.0.1:*", "http://localhost:*"]);
  });

  it("dist/taskpane.html carries it as a <meta>, before any script, with the nonce it gives Griffel and its own <style>", () => {
    const html = readDist("taskpane.html");
    const nonce = /<meta name="?csp-nonce"? content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(taskpanePolicy(nonce));
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
    const styles = html.match(/<style[^>]*>/g) ?? [];
    expect(styles.length).toBeGreaterThan(0);
    for (const tag of styles) expect(tag).toContain(`nonce="${nonce}"`);
    for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toMatch(/ src=/);
  });
});
