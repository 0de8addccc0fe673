/**
 * The manifest's <Requirements> are enough for the code: every Office.js member the production
 * code uses (resolved by the TypeScript compiler to @types/office-js and
 * @types/custom-functions-runtime, see api-usage.ts) is within a declared set, or used only
 * after a requirement check (the guard rule in api-usage.ts). tests/build/readme.test.ts checks
 * the README's table of members and sets, which `npm run docs` writes from the same list.
 */
import { collectApiUses, compareVersions, type ApiUse } from "./api-usage";
import { childrenNamed, loadManifest, onlyChild, rootElement } from "./manifest-helpers";

let uses: ApiUse[];
beforeAll(() => {
  uses = collectApiUses();
}, 60_000);

function declaredSets(): Map<string, string> {
  const sets = onlyChild(onlyChild(rootElement(loadManifest().doc), "Requirements"), "Sets");
  const fallback = sets.getAttribute("DefaultMinVersion") ?? "1.1";
  return new Map(childrenNamed(sets, "Set").map((s) => [s.getAttribute("Name") ?? "", s.getAttribute("MinVersion") || fallback]));
}

describe("requirement sets", () => {
  it("finds the members the add-in is known to use, with their sets (analyser self-test)", () => {
    const set = (member: string): string => {
      const u = uses.find((x) => x.member === member);
      return u ? `${u.set} ${u.version}` : "not used";
    };
    expect(set("Excel.Range.getResizedRange")).toBe("ExcelApi 1.2");
    expect(set("Excel.Workbook.settings")).toBe("ExcelApi 1.4");
    expect(set("Excel.Range.getUsedRangeOrNullObject")).toBe("ExcelApi 1.4");
    expect(set("Excel.Table.resize")).toBe("ExcelApi 1.13");
    expect(set("CustomFunctions.Error")).toBe("CustomFunctionsRuntime 1.2");
    expect(set("CustomFunctions.ErrorCode[…]")).toBe("CustomFunctionsRuntime 1.3");
    // Only production code: nothing from the workbench or the tests.
    expect(uses.filter((u) => !u.where.startsWith("src/") || u.where.startsWith("src/workbench/"))).toEqual([]);
  });

  it("uses nothing above the manifest's sets outside a requirement check", () => {
    const declared = declaredSets();
    const above = uses.filter((u) => {
      const have = declared.get(u.set);
      return u.guardedBy === null && (have === undefined || compareVersions(u.version, have) > 0);
    });
    expect(above.map((u) => `${u.member} (${u.set} ${u.version}) at ${u.where}`)).toEqual([]);
  });

  it("declares no more than the code needs: each declared set is the highest unguarded use", () => {
    const declared = declaredSets();
    for (const [set, version] of declared) {
      if (set === "SharedRuntime") continue; // the manifest's shared runtime, not a member the code calls
      const needed = uses.filter((u) => u.set === set && u.guardedBy === null).map((u) => u.version);
      const highest = needed.sort((a, b) => compareVersions(b, a))[0];
      expect({ set, declared: version }).toEqual({ set, declared: highest });
    }
  });

  it("lists the guarded members separately, each behind a check of at least its version", () => {
    const guarded = uses.filter((u) => u.guardedBy !== null);
    expect(guarded.length).toBeGreaterThan(0);
    for (const u of guarded) expect(compareVersions(u.guardedBy as string, u.version)).toBeGreaterThanOrEqual(0);
    expect([...new Set(guarded.map((u) => u.member))]).toEqual(
      expect.arrayContaining(["Excel.Table.resize", "Excel.WorksheetFreezePanes.freezeRows", "Excel.DataValidation.rule", "Excel.ChartSeries.setValues"])
    );
  });
});
