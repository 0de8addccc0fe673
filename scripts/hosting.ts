/**
 * Hosting facts the build applies: the Content-Security-Policy of taskpane.html (and of the
 * dev-only workbench page), and the warning a production build prints when its manifest still
 * points at the dev server. README "Build for production" explains the choices.
 */

export const DEV_URL = "https://localhost:3000/";

/** Where Office.js comes from (the manifest's page loads it from Microsoft's CDN, as store policy requires). */
export const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * The policy of taskpane.html, as a <meta http-equiv> the build writes into the page (a static
 * host cannot make a per-request nonce, and a meta policy needs no host configuration).
 *
 * - script-src: the bundles ('self') and Office.js; no inline script, no eval.
 * - style-src: 'self' and the build's nonce, which the pane passes to Griffel (Fluent UI v9's
 *   styling engine inserts <style> elements at run time) and which the page's one <style>
 *   carries. The nonce is fixed per build and public in taskpane.html: it is NOT a real nonce
 *   and stops a generic injected <style>, not one written by someone who read the page.
 * - style-src-attr 'unsafe-inline': Office.js's Excel-on-the-web script sets inline style
 *   attributes (OfficeDev/office-js#1687); React's style props go through the CSSOM, which CSP
 *   does not govern, so the pane itself needs no style attribute.
 * - connect-src 'self' https:: the feed beside the add-in and a custom https feed anywhere.
 * - img-src 'self' data:, font-src 'self' data:, object-src/base-uri/form-action locked.
 * - No frame-ancestors: Office frames the pane from its own origins (and a meta policy cannot
 *   carry it anyway); a host may send one as a header.
 * @example taskpanePolicy("n0nce") // "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; …"
 */
export function taskpanePolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_JS_ORIGIN}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "connect-src 'self' https:",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * The workbench's policy: the task pane's without Office.js (the workbench has none) and with
 * plain http to loopback for the e2e server's feed (the feed client accepts http only there).
 */
export function workbenchPolicy(nonce: string): string {
  return taskpanePolicy(nonce)
    .replace(` ${OFFICE_JS_ORIGIN}`, "")
    .replace("connect-src 'self' https:", "connect-src 'self' https: http://127.0.0.1:* http://localhost:*");
}

/**
 * The warning a production build prints as its last line when the built manifest still points
 * at the dev server (ADDIN_BASE_URL was not set), or null when it does not.
 * @example localhostWarning('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>') // "WARNING: …"
 */
export function localhostWarning(manifestXml: string): string | null {
  if (!manifestXml.includes(DEV_URL)) return null;
  return (
    `WARNING: dist/manifest.xml still points at ${DEV_URL} (ADDIN_BASE_URL was not set): ` +
    "it works only with the dev server on this machine. To deploy, build with ADDIN_BASE_URL=https://your.host/path/ npm run build."
  );
}

/**
 * Excel on the web's own origins (https://excel.officeapps.live.com and its regional hosts such
 * as https://inc-excel.officeapps.live.com): its page fetches the custom functions' metadata
 * from the add-in's host with XMLHttpRequest, so that response needs CORS (the errors Office
 * users report name these origins: OfficeDev/office-js#3970, OfficeDev/Excel-Custom-Functions#212).
 */
export const OFFICE_WEB_ORIGIN = /^https:\/\/[a-z0-9-]+\.officeapps\.live\.com$/;

/**
 * The files Excel itself fetches from the add-in's host: the manifest's Functions.Metadata.Url
 * (functions.json, functions.zh-CN.json) and Functions.Script.Url (functions.js). Everything else
 * (the pane, its scripts, the feed, the workbench) is loaded by the add-in's own page from its
 * own origin and needs no CORS at all (a custom function with a shared runtime runs in that page:
 * "Configure your Office Add-in to use a shared runtime",
 * https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime).
 */
export const CROSS_ORIGIN_FILES: readonly string[] = ["/functions.json", "/functions.zh-CN.json", "/functions.js"];

/**
 * The CORS headers of one dev-server response: `Access-Control-Allow-Origin` with Excel on the
 * web's origin for the files Excel fetches, and nothing for any other file or origin (the dev
 * server used to send `*` on every response, which let any web page read the unminified code and
 * the feed from a developer's machine). `Vary: Origin` on those files, since the answer depends on it.
 * @example devServerCorsHeaders("/functions.json", "https://excel.officeapps.live.com") // { "Access-Control-Allow-Origin": "https://excel.officeapps.live.com", Vary: "Origin" }
 */
export function devServerCorsHeaders(url: string, origin: string | undefined): Record<string, string> {
  const path = url.split(/[?#]/)[0];
  if (!CROSS_ORIGIN_FILES.includes(path)) return {};
  if (origin === undefined || !OFFICE_WEB_ORIGIN.test(origin)) return { Vary: "Origin" };
  return { "Access-Control-Allow-Origin": origin, Vary: "Origin" };
}
