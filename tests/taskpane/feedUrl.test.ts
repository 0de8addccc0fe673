import { checkFeedUrl } from "../../src/taskpane/feedUrl";

describe("checkFeedUrl", () => {
  it("accepts https URLs and normalises them", () => {
    expect(checkFeedUrl("  https://Example.com/data/ ")).toEqual({ ok: true, url: "https://example.com/data/" });
  });

  it.each([
    ["http://example.com/data/", "notHttps"],
    ["HTTP://example.com/", "notHttps"],
    ["ftp://example.com/", "notHttps"],
    ["javascript:alert(1)", "notHttps"],
    ["file:///C:/data/", "notHttps"],
    ["example.com/data/", "malformed"],
    ["https://", "malformed"],
    ["https://user:secret@example.com/data/", "credentials"],
    ["", "empty"],
  ])("%s → %s", (input, reason) => {
    expect(checkFeedUrl(input)).toEqual({ ok: false, reason });
  });
});
