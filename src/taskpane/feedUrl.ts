/** Checking a custom feed URL before the pane remembers it: https only, no credentials. */

export type FeedUrlCheck = { ok: true; url: string } | { ok: false; reason: "empty" | "malformed" | "notHttps" | "credentials" };

/**
 * @example checkFeedUrl("https://example.com/data/") // { ok: true, url: "https://example.com/data/" }
 * @example checkFeedUrl("http://example.com/data/")  // { ok: false, reason: "notHttps" }
 */
export function checkFeedUrl(input: string): FeedUrlCheck {
  const text = input.trim();
  if (text === "") return { ok: false, reason: "empty" };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (url.protocol !== "https:") {
    // "example.com/data" parses as nothing useful; "http:" and others are refused outright.
    return { ok: false, reason: /^[a-z][a-z0-9+.-]*:/i.test(text) ? "notHttps" : "malformed" };
  }
  if (url.hostname === "") return { ok: false, reason: "malformed" };
  if (url.username !== "" || url.password !== "") return { ok: false, reason: "credentials" };
  return { ok: true, url: url.href };
}
