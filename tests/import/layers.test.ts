/**
 * The importer is pure (DESIGN.md): src/import imports only src/core, the types of src/data and
 * src/sheet, and itself; never Office.js, an adapter, the pane or a dataset module.
 */
import * as fs from "fs";
import * as path from "path";

const DIR = path.resolve(__dirname, "../../src/import");

describe("src/import's imports", () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".ts"));

  it.each(files)("%s imports only core, data types, sheet types and src/import", (file) => {
    const text = fs.readFileSync(path.join(DIR, file), "utf8");
    const imports = [...text.matchAll(/^\s*((?:import|export)(?:\s+type)?)\b[^;]*?from\s*["']([^"']+)["']/gm)].map((m) => ({
      typeOnly: /type$/.test(m[1]),
      spec: m[2],
    }));
    expect(imports.length).toBeGreaterThan(0);
    for (const { typeOnly, spec } of imports) {
      expect(spec.startsWith(".")).toBe(true); // no package: no Office.js, no React
      const target = path.relative(path.resolve(__dirname, "../../src"), path.resolve(DIR, spec)).split(path.sep)[0];
      expect(["core", "data", "sheet", "import"].includes(target) || spec.startsWith("./")).toBe(true);
      if (target === "data" || target === "sheet") expect({ spec, typeOnly }).toEqual({ spec, typeOnly: true });
    }
    expect(text).not.toMatch(/\bExcel\.|Office\.|require\(|import\(/);
  });
});
