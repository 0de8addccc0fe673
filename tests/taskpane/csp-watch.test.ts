/**
 * @jest-environment jsdom
 *
 * The pane's record of Content-Security-Policy violations (src/taskpane/csp-watch.ts), fed with
 * `securitypolicyviolation` events as the browser fires them (at an element, bubbling to the document).
 */
import { MAX_CSP_VIOLATIONS_KEPT, violationOf, watchCsp } from "../../src/taskpane/csp-watch";

function violation(fields: Record<string, unknown>): Event {
  return Object.assign(new Event("securitypolicyviolation", { bubbles: true, composed: true }), fields);
}

describe("watchCsp", () => {
  it("records each violation at the document or bubbling from an element, until stopped", () => {
    const watch = watchCsp(document);
    document.dispatchEvent(
      violation({
        effectiveDirective: "script-src-elem",
        blockedURI: "https://cdn.example/x.js",
        sourceFile: "https://host/taskpane.html",
        lineNumber: 12,
        sample: "",
      })
    );
    const style = document.createElement("style");
    document.body.append(style);
    style.dispatchEvent(violation({ effectiveDirective: "style-src-elem", blockedURI: "inline", sample: "body { color: red } ".repeat(10) }));
    expect(watch.violations()).toEqual([
      { directive: "script-src-elem", blocked: "https://cdn.example/x.js", source: "https://host/taskpane.html:12", sample: "" },
      { directive: "style-src-elem", blocked: "inline", source: "", sample: "body { color: red } ".repeat(10).slice(0, 60) },
    ]);
    watch.stop();
    document.dispatchEvent(violation({ effectiveDirective: "img-src", blockedURI: "https://x" }));
    expect(watch.violations()).toHaveLength(2);
  });

  it("keeps at most MAX_CSP_VIOLATIONS_KEPT, and hands out copies", () => {
    const watch = watchCsp(document);
    for (let i = 0; i < MAX_CSP_VIOLATIONS_KEPT + 5; i++) document.dispatchEvent(violation({ effectiveDirective: "connect-src", blockedURI: `https://h${i}` }));
    const list = watch.violations();
    expect(list).toHaveLength(MAX_CSP_VIOLATIONS_KEPT);
    (list as unknown[]).length = 0;
    expect(watch.violations()).toHaveLength(MAX_CSP_VIOLATIONS_KEPT);
    watch.stop();
  });

  it("falls back to the violated directive, and calls an empty blocked URI inline", () => {
    expect(violationOf({ violatedDirective: "script-src", blockedURI: "" })).toEqual({ directive: "script-src", blocked: "inline", source: "", sample: "" });
  });
});
