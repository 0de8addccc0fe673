/**
 * HyperFormula is GPL-3.0 and a development dependency: it may run in tests and in the dev-only
 * workbench, never in what we ship. `npm test` builds dist/ for production before jest runs;
 * this checks that build: no HyperFormula code in any script, and no workbench page or bundle.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST, distFile } from "./dist";

/** Strings that appear in any HyperFormula bundle, minified or not. */
const SIGNATURES = ["HyperFormula", "hyperformula", "handsontable", "gpl-v3"];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

describe("the production build carries no HyperFormula and no workbench", () => {
  it("no script in dist/ contains HyperFormula's signature strings", () => {
    distFile("functions.js"); // fails with "run npm run build first" when there is no build
    const scripts = filesUnder(DIST).filter((f) => /\.(js|mjs|cjs)$/.test(f));
    expect(scripts.length).toBeGreaterThan(0);
    const hits: string[] = [];
    for (const file of scripts) {
      const text = fs.readFileSync(file, "utf8");
      for (const s of SIGNATURES) if (text.includes(s)) hits.push(`${path.relative(DIST, file)} contains "${s}"`);
    }
    expect(hits).toEqual([]);
  });

  it("no workbench page or bundle in dist/", () => {
    distFile("functions.js");
    const workbench = filesUnder(DIST)
      .map((f) => path.relative(DIST, f))
      .filter((f) => /workbench/i.test(f));
    expect(workbench).toEqual([]);
  });
});
