/** @jest-environment jsdom */
// The workbench's ribbon strip reads the manifest's own tab (issue 20): one list, the manifest's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readRibbonTab } from "../../src/workbench/ribbon-manifest";
import { RIBBON_COMMANDS } from "../../src/commands/ribbon";

const XML = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");

describe("readRibbonTab", () => {
  it("reads the tab, its groups and buttons, in English by default", () => {
    const tab = readRibbonTab(XML, "en-US");
    expect(tab.label).toBe("AI Compute");
    expect(tab.groups.map((g) => [g.label, g.controls.map((c) => c.label)])).toEqual([
      ["Data", ["Datasets", "Refresh All", "Refresh Table"]],
      ["Models", ["Models"]],
      ["Functions", ["Functions"]],
      ["Share", ["Make Portable", "Restore Formulas", "Repair #NAME?"]],
      ["Help", ["Settings", "Help"]],
    ]);
    const refresh = tab.groups[0].controls[1];
    expect(refresh).toMatchObject({
      id: "AICompute.RefreshAll",
      title: "Refresh All",
      icon16: "assets/ribbon/refresh-all-16.png",
      icon32: "assets/ribbon/refresh-all-32.png",
      action: { kind: "function", name: "refreshAll" },
    });
    expect(refresh.description).toMatch(/^Refresh every table the add-in inserted/);
  });

  it("takes the zh-CN overrides for a Chinese Office", () => {
    const tab = readRibbonTab(XML, "zh-CN");
    expect(tab.label).toBe("AI 算力");
    expect(tab.groups.map((g) => g.label)).toEqual(["数据", "模型", "函数", "分享", "帮助"]);
    expect(tab.groups[3].controls[0].label).toBe("转为通用公式");
  });

  it("names only functions the code associates", () => {
    const names = readRibbonTab(XML, "en-US").groups.flatMap((g) => g.controls.map((c) => (c.action.kind === "function" ? c.action.name : "")));
    expect(names.sort()).toEqual(Object.keys(RIBBON_COMMANDS).sort());
  });

  it("says what is missing from a manifest without a custom tab or with an undefined resid", () => {
    expect(() => readRibbonTab(XML.replace(/<CustomTab[\s\S]*<\/CustomTab>/, ""), "en-US")).toThrow(/no <CustomTab>/);
    expect(() => readRibbonTab(XML.replace('resid="AIComputeTab.Label"', 'resid="Nope"'), "en-US")).toThrow(/resource Nope is not defined/);
    expect(() => readRibbonTab("<OfficeApp", "en-US")).toThrow(/not well-formed/);
  });
});
