/**
 * Driving headless LibreOffice Calc for the .xlsx tests (Debian's libreoffice-calc-nogui, which
 * .ci/run installs; or $SOFFICE), and reading the cells it saved on a common footing with
 * HyperFormula's values.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { DetailedCellError, type HyperFormula } from "hyperformula";

export const REL = 1e-9;

/**
 * The soffice executable, or null when LibreOffice is not installed: the tests that need it then
 * skip on a developer's machine, but under CI (CI set, as .ci/run sets it) a missing soffice is
 * an error, so CI never passes with the second engine's checks left out.
 */
export function soffice(): string | null {
  if (process.env.SOFFICE) return process.env.SOFFICE;
  let found: string | null = null;
  try {
    found = execFileSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).trim() || null;
  } catch {
    found = null;
  }
  if (found === null && process.env.CI) throw new Error("CI is set but LibreOffice's soffice is not installed (apt-get install libreoffice-calc-nogui, or set SOFFICE)");
  return found;
}

/** A cell's value on a common footing: numbers, text, booleans, "#CODE" for errors, null for empty. */
export type Comparable = number | string | boolean | null;

export function fromHf(v: ReturnType<HyperFormula["getCellValue"]>): Comparable {
  if (v instanceof DetailedCellError) return v.value;
  return v === "" ? null : v;
}

/** Excel's serial day of a date ExcelJS read from a date-formatted cell (1900 date system). */
const serialOf = (d: Date): number => (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

export function fromFile(cell: ExcelJS.Cell): Comparable {
  // cell.result, not cell.value.result: ExcelJS leaves a falsy result (0, false) out of the value.
  const v: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (v instanceof Date) return serialOf(v);
  // Calc saves mixed-script text as rich text (one run per fallback font): compare its text.
  if (v !== null && typeof v === "object" && "richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("");
  if (v !== null && typeof v === "object" && "error" in v) return String((v as { error: unknown }).error);
  if (v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v === null) return v;
  return JSON.stringify(v);
}

export function same(a: Comparable, b: Comparable): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b));
  return a === b;
}

/**
 * Calc's "Recalculation on File Load" for Excel 2007 and newer files
 * (org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode): 0 always recalculate, 1 never
 * recalculate (keep the file's cached values), 2 ask (headless: never).
 */
export type OoxmlRecalcMode = 0 | 1 | 2;

/**
 * Opens `files` in one headless Calc process (each start costs seconds) with a private profile
 * (a user's Calc settings do not apply) and saves each as .xlsx into `outDir`. With `recalcMode`,
 * the profile's OOXMLRecalcMode is set first.
 */
export function convertWithCalc(exe: string, files: readonly string[], outDir: string, profileDir: string, recalcMode?: OoxmlRecalcMode): void {
  if (recalcMode !== undefined) {
    const user = path.join(profileDir, "user");
    fs.mkdirSync(user, { recursive: true });
    fs.writeFileSync(
      path.join(user, "registrymodifications.xcu"),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalcMode}</value></prop></item>`,
        "</oor:items>",
        "",
      ].join("\n")
    );
  }
  execFileSync(exe, [`-env:UserInstallation=file://${profileDir}`, "--headless", "--convert-to", "xlsx", "--outdir", outDir, ...files], {
    stdio: "pipe",
    timeout: 150_000,
  });
}
