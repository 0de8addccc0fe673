/** The README tells the truth: its function reference is what the build produces. */
import * as fs from "fs";
import * as path from "path";
import { readDist } from "./dist";
import { renderFunctionReference, REFERENCE_START, REFERENCE_END } from "../../src/functions/reference";

const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

describe("README.md", () => {
  it("has the function reference of the built functions.json (run `npm run docs` after changing a function)", () => {
    const block = readme.slice(readme.indexOf(REFERENCE_START), readme.indexOf(REFERENCE_END) + REFERENCE_END.length);
    expect(block).toBe(renderFunctionReference(JSON.parse(readDist("functions.json"))));
  });
  it("gives the two set-up commands and the test command", () => {
    expect(readme).toMatch(/npm install\s*\n\s*npm start/);
    expect(readme).toContain("npm test");
  });
});
