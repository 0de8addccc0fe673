/** The README tells the truth: its function reference is what the build produces. */
import * as fs from "fs";
import * as path from "path";
import { readDist } from "./dist";
import { renderFunctionReference, REFERENCE_START, REFERENCE_END } from "../../src/functions/reference";
import { API_TABLE_END, API_TABLE_START, collectApiUses, renderApiTable } from "../manifest/api-usage";

const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

describe("README.md", () => {
  it("has the function reference of the built functions.json (run `npm run docs` after changing a function)", () => {
    const block = readme.slice(readme.indexOf(REFERENCE_START), readme.indexOf(REFERENCE_END) + REFERENCE_END.length);
    expect(block).toBe(renderFunctionReference(JSON.parse(readDist("functions.json"))));
  });
  it("has the table of Office.js members and requirement sets the code uses (run `npm run docs` after changing Office.js calls)", () => {
    const block = readme.slice(readme.indexOf(API_TABLE_START), readme.indexOf(API_TABLE_END) + API_TABLE_END.length);
    expect(block).toBe(renderApiTable(collectApiUses()));
  }, 60_000);
  it("gives the two set-up commands and the test command", () => {
    expect(readme).toMatch(/npm install\s*\n\s*npm start/);
    expect(readme).toContain("npm test");
  });
});
