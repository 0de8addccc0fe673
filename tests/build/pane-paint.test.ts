/**
 * The bench's first-interactive-paint section (bench/sections/panepaint.ts) reads the pane's own
 * performance mark and loads taskpane.html with office.js stubbed: both stay in step with the
 * pane. (The figure itself is the bench's: a test makes no timing assertion.)
 */
import * as fs from "fs";
import * as path from "path";
import { MARK, OFFICE_STUB, stubbedPage } from "../../bench/sections/panepaint";
import { PANE_INTERACTIVE_MARK } from "../../src/taskpane/App";

describe("bench: the pane's first interactive paint", () => {
  it("waits for the mark the pane sets", () => {
    expect(MARK).toBe(PANE_INTERACTIVE_MARK);
  });

  it("replaces exactly the office.js CDN script of the page the build writes, nothing else", () => {
    const template = fs.readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
    const page = stubbedPage(template);
    expect(page).not.toContain("appsforoffice.microsoft.com");
    expect(page).toContain('src="office-stub.js"');
    expect(page.length).toBe(template.length - "https://appsforoffice.microsoft.com/lib/1/hosted/office.js".length + "office-stub.js".length);
    expect(() => stubbedPage("<html><script src=taskpane.js></script></html>")).toThrow(/no office\.js/);
  });

  it("stubs what the pane's entry and the ribbon's commands call", () => {
    for (const member of ["onReady", "displayLanguage", "isSetSupported", "associate", "showAsTaskpane", "Excel", "CustomFunctions"])
      expect(OFFICE_STUB).toContain(member);
  });
});
