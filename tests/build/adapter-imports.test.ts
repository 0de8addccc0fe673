/**
 * Adapters are siblings (DESIGN.md): src/excel (Office.js), src/hyperformula (the in-process
 * engine) and src/xlsx (the file writer) import nothing from one another; what they share is
 * pure and lives in src/sheet. The workbench is the HyperFormula adapter's page, so it may import
 * src/hyperformula (and src/xlsx, to save a file), never src/excel. The pure layers (core, data,
 * sheet) import no adapter and name no Office.js type.
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../../src");

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The src/ top-level folder each relative import of a file lands in (static, dynamic, require, re-export). */
function importedFolders(file: string, text: string): string[] {
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)].map((m) => m[1]);
  return specs.filter((s) => s.startsWith(".")).map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)).split(path.sep)[0]);
}

/** Folder → the src/ folders it must not import. */
const FORBIDDEN: Record<string, readonly string[]> = {
  excel: ["hyperformula", "workbench", "xlsx"],
  hyperformula: ["excel", "workbench", "xlsx", "taskpane"],
  xlsx: ["excel", "hyperformula", "workbench", "taskpane"],
  workbench: ["excel"],
  sheet: ["excel", "hyperformula", "workbench", "xlsx", "taskpane"],
  core: ["excel", "hyperformula", "workbench", "xlsx", "taskpane", "sheet"],
  data: ["excel", "hyperformula", "workbench", "xlsx", "taskpane"],
};

describe("adapter import rule", () => {
  test("the import scanner sees static, type, dynamic and require imports", () => {
    const file = path.join(SRC, "excel", "x.ts");
    const text = [
      'import { a } from "../hyperformula/a";',
      'import type { B } from "../sheet/plan";',
      'export { c } from "../xlsx/c";',
      'const d = await import("../workbench/d");',
      'const e = require("./e");',
      'import "../core/side-effect";',
    ].join("\n");
    expect(importedFolders(file, text)).toEqual(["hyperformula", "sheet", "xlsx", "workbench", "excel", "core"]);
  });

  test.each(Object.keys(FORBIDDEN))("src/%s imports none of the folders it must not", (folder) => {
    const hits: string[] = [];
    for (const file of filesUnder(path.join(SRC, folder))) {
      for (const target of importedFolders(file, fs.readFileSync(file, "utf8"))) {
        if (FORBIDDEN[folder].includes(target)) hits.push(`${path.relative(SRC, file)} imports src/${target}`);
      }
    }
    expect(hits).toEqual([]);
  });

  test.each(["sheet", "core", "data", "xlsx"])("src/%s names no Office.js type or global (Excel., Office.)", (folder) => {
    const hits: string[] = [];
    for (const file of filesUnder(path.join(SRC, folder))) {
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, "").replace(/^\s*\*.*$/, "");
          if (/\b(Excel|Office|OfficeExtension)\.[A-Za-z]/.test(code)) hits.push(`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(hits).toEqual([]);
  });
});
