/**
 * The feed validator in the production build is zod/mini without zod's JSON Schema generator:
 * classic zod (every method, the generator) was the largest single cost in functions.js, which
 * has a size budget (bench/README.md, section bundles). feed.schema.json is written at build
 * time by src/data/feed-build.ts, which no browser entry imports.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST, readDist } from "./dist";

/** Strings of zod's core/to-json-schema.js and core/json-schema-processors.js, minified or not. */
const GENERATOR = ["cannot be represented in JSON Schema", "Cycle detected: "];
/** Constructor names of classic zod's schemas (zod/mini's are "ZodMiniObject", …; core's "$ZodObject"). */
const CLASSIC = ['"ZodObject"', '"ZodString"', '"ZodArray"'];

describe("the feed validator in the production build", () => {
  const scripts = fs.readdirSync(DIST).filter((f) => f.endsWith(".js"));

  it("functions.js carries zod/mini's schemas (the validator the pane and AI.DATASET share)", () => {
    const js = readDist("functions.js");
    // Not toContain: a failure would print the whole bundle.
    expect(['"ZodMiniObject"', '"ZodMiniArray"'].filter((s) => !js.includes(s))).toEqual([]);
  });

  it("no script carries classic zod or its JSON Schema generator", () => {
    expect(scripts).toContain("taskpane.js");
    const hits: string[] = [];
    for (const file of scripts) {
      const text = fs.readFileSync(path.join(DIST, file), "utf8");
      for (const s of [...GENERATOR, ...CLASSIC]) if (text.includes(s)) hits.push(`${file} contains ${s}`);
    }
    expect(hits).toEqual([]);
  });

  it("the build still writes feed.schema.json, generated from the same schemas", () => {
    const schema = JSON.parse(readDist("data/feed.schema.json")) as { $defs: Record<string, { properties?: Record<string, unknown> }> };
    expect(Object.keys(schema.$defs).sort()).toEqual(["catalog", "changelog", "dataset"]);
    expect(Object.keys(schema.$defs.dataset.properties ?? {})).toContain("rows");
  });
});
