/**
 * The diagnostics' lists of requirement sets (src/sheet/diagnostics.ts) have one source of
 * truth each: the declared sets are manifest.xml's <Requirements>, and the optional ones are
 * exactly the ExcelApi versions the production code checks with supports("1.x") before a newer
 * member (api-usage.ts, the README's api-sets table).
 */
import { collectApiUses, compareVersions } from "./api-usage";
import { childrenNamed, loadManifest, onlyChild, rootElement } from "./manifest-helpers";
import { DECLARED_REQUIREMENTS, OPTIONAL_REQUIREMENTS } from "../../src/sheet/diagnostics";

describe("the requirement sets the diagnostics check", () => {
  it("declared: exactly the manifest's <Requirements>, in its order", () => {
    const sets = onlyChild(onlyChild(rootElement(loadManifest().doc), "Requirements"), "Sets");
    const fallback = sets.getAttribute("DefaultMinVersion") ?? "1.1";
    const manifest = childrenNamed(sets, "Set").map((s) => ({ name: s.getAttribute("Name") ?? "", version: s.getAttribute("MinVersion") || fallback }));
    expect(DECLARED_REQUIREMENTS).toEqual(manifest);
  });

  it("optional: exactly the ExcelApi versions the code checks before using a newer member, oldest first, each with its feature in both languages", () => {
    const guarded = collectApiUses()
      .filter((u) => u.guardedBy !== null && u.set === "ExcelApi")
      .map((u) => u.guardedBy as string);
    const versions = [...new Set(guarded)].sort(compareVersions);
    expect(OPTIONAL_REQUIREMENTS.map((s) => `${s.name} ${s.version}`)).toEqual(versions.map((v) => `ExcelApi ${v}`));
    for (const s of OPTIONAL_REQUIREMENTS) {
      expect(s.feature.en.trim()).not.toBe("");
      expect(s.feature.zh.trim()).not.toBe("");
    }
  }, 60_000);
});
