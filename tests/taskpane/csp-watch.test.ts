/**
 * @jest-environment jsdom
 *
 * The pane's record of Content-Security-Policy violations (src/taskpane/csp-watch.ts), fed with
 * `securitypolicyviolation` events as the browser fires them (at an element, bubbling to the
 * document), and the line the diagnostics' report gives each.
 */
import { MAX_CSP_VIOLATIONS_KEPT, watchCsp } from "../../src/taskpane/csp-watch";
import { violationLine } from "../../src/sheet/diagnostics";

function violation(fields: Record<string, unknown>): Event {
  return Object.assign(new Event("securitypolicyviolation", { bubbles: true, composed: true }), fields);
}

describe("watchCsp", () => {
  it("records each violation at the document or bubbling from an element, from when it started", () => {
    document.dispatchEvent(violation({ effectiveDirective: "img-src", blockedURI: "https://before" }));
    const violations = watchCsp(document);
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
    expect(violations().map((v) => violationLine(v, "en"))).toEqual([
      "script-src-elem: https://cdn.example/x.js at https://host/taskpane.html:12",
      `style-src-elem: inline (${"body { color: red } ".repeat(10).slice(0, 60)})`,
    ]);
    expect(violationLine(violations()[0], "zh")).toBe("script-src-elem：https://cdn.example/x.js，位置 https://host/taskpane.html:12");
  });

  it("keeps at most MAX_CSP_VIOLATIONS_KEPT, the first ones", () => {
    const violations = watchCsp(document);
    for (let i = 0; i < MAX_CSP_VIOLATIONS_KEPT + 5; i++) document.dispatchEvent(violation({ effectiveDirective: "connect-src", blockedURI: `https://h${i}` }));
    expect(violations()).toHaveLength(MAX_CSP_VIOLATIONS_KEPT);
    expect(violations().at(-1)?.blockedURI).toBe(`https://h${MAX_CSP_VIOLATIONS_KEPT - 1}`);
  });

  it("words a violation with the violated directive when there is no effective one, and an empty blocked URI as inline", () => {
    expect(violationLine({ violatedDirective: "script-src", blockedURI: "" }, "en")).toBe("script-src: inline");
  });
});
