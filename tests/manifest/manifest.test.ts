/**
 * Offline checks of manifest.xml and the icons it points at.
 *
 * Element orders below are the XSD sequences of OfficeAppManifestV1_1 (OfficeApp + TaskPaneApp)
 * and TaskPaneAppVersionOverridesV1_0, as published in Microsoft's manifest schema reference
 * ([MS-OWEMXML]) and used by the "Excel Custom Functions using a Shared Runtime" template.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { RIBBON_COMMANDS } from "../../src/commands/ribbon";
import { join } from "node:path";
import { PNG } from "pngjs";
import type { Element as XmlElement } from "@xmldom/xmldom";
import {
  ASSETS_DIR,
  DEV_BASE_URL,
  GUID_PATTERN,
  MANIFEST_BUILD_OUTPUTS,
  NS,
  REPO_ROOT,
  type Resource,
  anyNumber,
  childNames,
  childSequenceProblems,
  childrenNamed,
  collectUrls,
  descend,
  descendantsNamed,
  elementChildren,
  elementPath,
  imageStats,
  loadManifest,
  one,
  oneOrMore,
  onlyChild,
  optional,
  parseXml,
  repoPathOfDevUrl,
  residReferences,
  resources,
  rootElement,
  sequenceProblems,
  sizeFromImageId,
  textOf,
  xsiType,
} from "./manifest-helpers";

const { doc, problems: parseProblems } = loadManifest();
const officeApp = rootElement(doc);
const versionOverrides = onlyChild(officeApp, "VersionOverrides");
const workbookHost = descend(versionOverrides, "Hosts", "Host");
const desktop = onlyChild(workbookHost, "DesktopFormFactor");
const customFunctions = onlyChild(onlyChild(workbookHost, "AllFormFactors"), "ExtensionPoint");
const commandSurface = onlyChild(desktop, "ExtensionPoint");
const resourceMap = resources(versionOverrides);

/** Value of a resource that must exist. */
function resource(id: string): Resource {
  const found = resourceMap.get(id);
  if (!found) throw new Error(`resource ${id} is not defined`);
  return found;
}

function residOf(el: XmlElement): string {
  const resid = el.getAttribute("resid");
  if (!resid) throw new Error(`${elementPath(el)} has no resid`);
  return resid;
}

const ICON_SIZES = [16, 32, 64, 80, 128] as const;

describe("sequence checker (helper self-test)", () => {
  const sequence = [one("A"), optional("B"), oneOrMore("C"), anyNumber("D")];

  it("accepts valid sequences", () => {
    expect(sequenceProblems(["A", "C"], sequence)).toEqual([]);
    expect(sequenceProblems(["A", "B", "C", "C", "D", "D"], sequence)).toEqual([]);
  });

  it("reports order, unknown, missing and repeated elements", () => {
    expect(sequenceProblems(["A", "C", "B"], sequence)).toEqual(["<B> is out of order (it must come before <C>)"]);
    expect(sequenceProblems(["A", "X", "C"], sequence)).toEqual(["unexpected element <X>"]);
    expect(sequenceProblems(["B", "C"], sequence)).toEqual(["missing required <A> before <B>"]);
    expect(sequenceProblems(["A", "B"], sequence)).toEqual(["missing required <C>"]);
    expect(sequenceProblems(["A", "B", "B", "C"], sequence)).toEqual(["<B> may occur at most 1 time(s)"]);
  });

  it("finds a misplaced element in a real manifest shape", () => {
    const { doc: bad } = parseXml(
      `<OfficeApp xmlns="${NS.officeApp}"><Id>x</Id><Version>1.0.0.0</Version><DefaultLocale>en-US</DefaultLocale><ProviderName>p</ProviderName></OfficeApp>`
    );
    const problems = sequenceProblems(childNames(rootElement(bad)), [one("Id"), one("Version"), one("ProviderName"), one("DefaultLocale")]);
    expect(problems).toContain("<ProviderName> is out of order (it must come before <DefaultLocale>)");
  });
});

describe("manifest.xml structure", () => {
  it("parses without parser warnings or errors", () => {
    expect(parseProblems).toEqual([]);
  });

  it("is an add-in only manifest for a task pane app (schema 1.1)", () => {
    expect(officeApp.localName).toBe("OfficeApp");
    expect(officeApp.namespaceURI).toBe(NS.officeApp);
    expect(xsiType(officeApp)).toBe("TaskPaneApp");
  });

  it("has the OfficeApp children in schema order", () => {
    expect(
      childSequenceProblems(officeApp, [
        one("Id"),
        optional("AlternateId"),
        one("Version"),
        one("ProviderName"),
        one("DefaultLocale"),
        one("DisplayName"),
        one("Description"),
        optional("IconUrl"),
        optional("HighResolutionIconUrl"),
        optional("SupportUrl"),
        optional("AppDomains"),
        optional("Hosts"),
        optional("Requirements"),
        one("DefaultSettings"),
        one("Permissions"),
        optional("Dictionary"),
        optional("VersionOverrides"),
      ])
    ).toEqual([]);
  });

  it("has the elements that are optional in the schema but needed by this add-in", () => {
    for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "Hosts", "Requirements", "VersionOverrides"]) {
      expect(childrenNamed(officeApp, name)).toHaveLength(1);
    }
  });

  it("has a GUID Id, a four-part version and en-US as default locale", () => {
    expect(textOf(onlyChild(officeApp, "Id"))).toMatch(GUID_PATTERN);
    expect(textOf(onlyChild(officeApp, "Version"))).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
    expect(textOf(onlyChild(officeApp, "DefaultLocale"))).toBe("en-US");
    expect(textOf(onlyChild(officeApp, "ProviderName")).length).toBeGreaterThan(0);
  });

  it("is named AI Compute Analyst, with names and descriptions short enough for every store", () => {
    const displayName = onlyChild(officeApp, "DisplayName").getAttribute("DefaultValue") ?? "";
    const description = onlyChild(officeApp, "Description").getAttribute("DefaultValue") ?? "";
    expect(displayName).toBe("AI Compute Analyst");
    // 30 and 250: the unified manifest's name.short and description.short limits, which a
    // converted XML manifest must fit (the XML schema itself allows 125 and 4000).
    expect(displayName.length).toBeLessThanOrEqual(30);
    expect(description.length).toBeGreaterThan(0);
    expect(description.length).toBeLessThanOrEqual(250);
  });

  it("activates in Excel only", () => {
    const hosts = onlyChild(officeApp, "Hosts");
    expect(childrenNamed(hosts, "Host").map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(childrenNamed(onlyChild(versionOverrides, "Hosts"), "Host").map(xsiType)).toEqual(["Workbook"]);
  });

  it("requires SharedRuntime 1.1", () => {
    const requirements = onlyChild(officeApp, "Requirements");
    expect(childSequenceProblems(requirements, [optional("Sets"), optional("Methods")])).toEqual([]);
    const sets = onlyChild(requirements, "Sets");
    const versionOf = (set: XmlElement): string | null => set.getAttribute("MinVersion") || sets.getAttribute("DefaultMinVersion");
    const shared = childrenNamed(sets, "Set").filter((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(shared).toHaveLength(1);
    expect(versionOf(shared[0] as XmlElement)).toBe("1.1");
  });

  it("declares ExcelApi 1.4, SharedRuntime 1.1 and CustomFunctionsRuntime 1.3, each once (api-sets.test.ts proves they suffice)", () => {
    const sets = onlyChild(onlyChild(officeApp, "Requirements"), "Sets");
    const declared = childrenNamed(sets, "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion") || sets.getAttribute("DefaultMinVersion")]);
    expect(declared).toEqual([
      ["ExcelApi", "1.4"],
      ["SharedRuntime", "1.1"],
      ["CustomFunctionsRuntime", "1.3"],
    ]);
  });

  it("asks for exactly ReadWriteDocument permission", () => {
    expect(textOf(onlyChild(officeApp, "Permissions"))).toBe("ReadWriteDocument");
  });

  it("opens the task pane page by default", () => {
    expect(childSequenceProblems(onlyChild(officeApp, "DefaultSettings"), [one("SourceLocation")])).toEqual([]);
    const source = descend(officeApp, "DefaultSettings", "SourceLocation").getAttribute("DefaultValue");
    expect(source).toBe(`${DEV_BASE_URL}taskpane.html`);
    expect(resource("Taskpane.Url").defaultValue).toBe(source);
  });
});

describe("VersionOverrides", () => {
  it("is TaskPaneApp VersionOverrides 1.0", () => {
    expect(versionOverrides.namespaceURI).toBe(NS.versionOverrides);
    expect(xsiType(versionOverrides)).toBe("VersionOverridesV1_0");
  });

  it("has every element in schema order", () => {
    const problems: string[] = [
      ...childSequenceProblems(versionOverrides, [
        optional("Description"),
        optional("Requirements"),
        one("Hosts"),
        one("Resources"),
        optional("WebApplicationInfo"),
        optional("EquivalentAddins"),
      ]),
      ...childSequenceProblems(onlyChild(versionOverrides, "Hosts"), [oneOrMore("Host")]),
      ...childSequenceProblems(workbookHost, [one("Runtimes"), one("AllFormFactors"), one("DesktopFormFactor")]),
      ...childSequenceProblems(onlyChild(workbookHost, "Runtimes"), [oneOrMore("Runtime")]),
      ...childSequenceProblems(onlyChild(workbookHost, "AllFormFactors"), [oneOrMore("ExtensionPoint")]),
      ...childSequenceProblems(customFunctions, [one("Script"), one("Page"), one("Metadata"), one("Namespace")]),
      ...["Script", "Page", "Metadata"].flatMap((name) => childSequenceProblems(onlyChild(customFunctions, name), [one("SourceLocation")])),
      ...childSequenceProblems(desktop, [optional("GetStarted"), optional("FunctionFile"), oneOrMore("ExtensionPoint")]),
      ...childSequenceProblems(onlyChild(desktop, "GetStarted"), [one("Title"), one("Description"), optional("LearnMoreUrl")]),
      ...descendantsNamed(commandSurface, "OfficeTab").flatMap((tab) => childSequenceProblems(tab, [oneOrMore("Group")])),
      // CustomTab: its groups, then its label (then where it goes, PowerPoint only).
      ...descendantsNamed(commandSurface, "CustomTab").flatMap((tab) =>
        childSequenceProblems(tab, [oneOrMore("Group"), one("Label"), optional("InsertAfter"), optional("InsertBefore")])
      ),
      ...descendantsNamed(commandSurface, "Group").flatMap((group) => childSequenceProblems(group, [one("Label"), one("Icon"), oneOrMore("Control")])),
      ...descendantsNamed(commandSurface, "Control").flatMap((control) =>
        childSequenceProblems(control, [one("Label"), one("Supertip"), one("Icon"), one("Action")])
      ),
      ...descendantsNamed(commandSurface, "Supertip").flatMap((tip) => childSequenceProblems(tip, [one("Title"), one("Description")])),
      ...descendantsNamed(commandSurface, "Icon").flatMap((icon) => childSequenceProblems(icon, [oneOrMore("Image")])),
      ...descendantsNamed(commandSurface, "Action").flatMap((action) =>
        xsiType(action) === "ExecuteFunction"
          ? childSequenceProblems(action, [one("FunctionName")])
          : childSequenceProblems(action, [optional("TaskpaneId"), one("SourceLocation"), optional("Title")])
      ),
      ...childSequenceProblems(onlyChild(versionOverrides, "Resources"), [
        optional("Images"),
        optional("Urls"),
        optional("ShortStrings"),
        optional("LongStrings"),
      ]),
    ];
    expect(problems).toEqual([]);
  });

  it("declares custom functions in the AI namespace", () => {
    expect(xsiType(customFunctions)).toBe("CustomFunctions");
    const namespace = resource(residOf(onlyChild(customFunctions, "Namespace")));
    expect(namespace.kind).toBe("ShortStrings");
    expect(namespace.defaultValue).toBe("AI");
    // The namespace is part of every formula: it must not change with the UI language.
    for (const value of namespace.overrides.values()) expect(value).toBe("AI");
  });

  it("loads functions.js and functions.json, with a zh-CN metadata override", () => {
    const script = resource(residOf(descend(customFunctions, "Script", "SourceLocation")));
    const metadata = resource(residOf(descend(customFunctions, "Metadata", "SourceLocation")));
    expect(script.defaultValue).toBe(`${DEV_BASE_URL}functions.js`);
    expect(metadata.id).toBe("Functions.Metadata.Url");
    expect(metadata.defaultValue).toBe(`${DEV_BASE_URL}functions.json`);
    expect(metadata.overrides.get("zh-CN")).toBe(`${DEV_BASE_URL}functions.zh-CN.json`);
  });

  it("runs everything in one long-lived shared runtime", () => {
    const runtimes = childrenNamed(onlyChild(workbookHost, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0] as XmlElement;
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const runtimeResid = residOf(runtime);
    expect(runtimeResid).toBe("Taskpane.Url");
    expect(residOf(descend(customFunctions, "Page", "SourceLocation"))).toBe(runtimeResid);
    // The ribbon's function commands run on the runtime's page.
    expect(residOf(onlyChild(desktop, "FunctionFile"))).toBe(runtimeResid);
    const showTaskpane = descendantsNamed(commandSurface, "Action").filter((a) => xsiType(a) === "ShowTaskpane");
    for (const action of showTaskpane) {
      expect(residOf(onlyChild(action, "SourceLocation"))).toBe(runtimeResid);
      // A shared runtime supports one task pane; every ShowTaskpane must name the same one.
      expect(textOf(onlyChild(action, "TaskpaneId"))).toBe("ButtonId1");
    }
  });

  it("puts a tab of its own on the ribbon, AI Compute / AI 算力, with its groups in order (issue 20)", () => {
    expect(xsiType(commandSurface)).toBe("PrimaryCommandSurface");
    expect(childNames(commandSurface)).toEqual(["CustomTab"]);
    const tab = onlyChild(commandSurface, "CustomTab");
    const label = resource(residOf(onlyChild(tab, "Label")));
    expect([label.defaultValue, label.overrides.get("zh-CN")]).toEqual(["AI Compute", "AI 算力"]);
    const groups = childrenNamed(tab, "Group").map((g) => {
      const text = resource(residOf(onlyChild(g, "Label")));
      return [text.defaultValue, text.overrides.get("zh-CN"), childrenNamed(g, "Control").map((c) => resource(residOf(onlyChild(c, "Label"))).defaultValue)];
    });
    expect(groups).toEqual([
      ["Data", "数据", ["Datasets", "Refresh All", "Refresh Table"]],
      ["Models", "模型", ["Models"]],
      ["Functions", "函数", ["Functions"]],
      ["Share", "分享", ["Make Portable", "Restore Formulas", "Repair #NAME?"]],
      ["Help", "帮助", ["Settings", "Help"]],
    ]);
  });

  it("gives every control a label, a supertip and icons, in both languages, and a button type", () => {
    const controls = descendantsNamed(commandSurface, "Control");
    expect(controls.length).toBe(10);
    for (const control of controls) {
      expect(xsiType(control)).toBe("Button");
      const label = resource(residOf(onlyChild(control, "Label")));
      const title = resource(residOf(descend(control, "Supertip", "Title")));
      const description = resource(residOf(descend(control, "Supertip", "Description")));
      expect([label.kind, title.kind, description.kind]).toEqual(["ShortStrings", "ShortStrings", "LongStrings"]);
      for (const r of [label, title, description]) expect((r.overrides.get("zh-CN") ?? "").trim()).not.toBe("");
      // Icon sizes and files: "uses each image at the size its id states" and "maps every icon URL to a PNG" below.
      expect(childrenNamed(onlyChild(control, "Icon"), "Image", NS.bt)).toHaveLength(3);
    }
  });

  it("runs every button as a function command that the code associates, and associates nothing else", () => {
    const names = descendantsNamed(commandSurface, "Action").map((action) => {
      expect(xsiType(action)).toBe("ExecuteFunction");
      return textOf(onlyChild(action, "FunctionName"));
    });
    expect(new Set(names).size).toBe(names.length);
    // src/commands/ribbon.ts: the table the commands entry associates, each name with Office.actions.associate.
    expect([...names].sort()).toEqual(Object.keys(RIBBON_COMMANDS).sort());
    const entry = readFileSync(join(REPO_ROOT, "src", "commands", "commands.ts"), "utf8");
    expect(entry).toMatch(/^registerRibbon\(\s*\(id, handler\) => Office\.actions\.associate\(id, handler\)/m);
  });

  it("gives ribbon groups and controls unique ids of at most 125 characters", () => {
    const ids = [
      ...descendantsNamed(commandSurface, "CustomTab"),
      ...descendantsNamed(commandSurface, "Group"),
      ...descendantsNamed(commandSurface, "Control"),
    ].map((el) => el.getAttribute("id") ?? "");
    expect(ids.every((id) => id.length > 0 && id.length <= 125)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("resources", () => {
  const references = residReferences(officeApp);

  it("defines every resid that is used, with the kind the schema expects", () => {
    const problems: string[] = [];
    for (const ref of references) {
      const found = resourceMap.get(ref.resid);
      if (!found) problems.push(`${elementPath(ref.element)}: resid ${ref.resid} is not defined`);
      else if (ref.expectedKind === "unknown") problems.push(`${elementPath(ref.element)}: unrecognised resid user`);
      else if (found.kind !== ref.expectedKind) {
        problems.push(`${elementPath(ref.element)}: ${ref.resid} is in ${found.kind}, expected ${ref.expectedKind}`);
      }
    }
    expect(problems).toEqual([]);
    expect(references.length).toBeGreaterThan(10);
  });

  it("uses every resource it defines", () => {
    const used = new Set(references.map((r) => r.resid));
    expect([...resourceMap.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("keeps resids within 32 characters", () => {
    expect([...resourceMap.keys()].filter((id) => id.length === 0 || id.length > 32)).toEqual([]);
  });

  it("keeps short strings within 125 and long strings within 250 characters, in every locale", () => {
    const problems: string[] = [];
    for (const r of resourceMap.values()) {
      const limit = r.kind === "ShortStrings" ? 125 : r.kind === "LongStrings" ? 250 : null;
      if (limit === null) continue;
      for (const value of [r.defaultValue, ...r.overrides.values()]) {
        if (value.trim().length === 0 || value.length > limit) problems.push(`${r.id}: "${value}" (limit ${limit})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("translates every string, the display name and the description into zh-CN", () => {
    const strings = [...resourceMap.values()].filter((r) => r.kind === "ShortStrings" || r.kind === "LongStrings");
    expect(strings.length).toBeGreaterThan(0);
    expect(strings.filter((r) => !(r.overrides.get("zh-CN") ?? "").trim()).map((r) => r.id)).toEqual([]);
    for (const name of ["DisplayName", "Description"]) {
      const overrides = childrenNamed(onlyChild(officeApp, name), "Override").filter((o) => o.getAttribute("Locale") === "zh-CN");
      expect(overrides).toHaveLength(1);
      expect((overrides[0] as XmlElement).getAttribute("Value")?.trim()).toBeTruthy();
    }
  });

  it("writes override locales as language-REGION culture names", () => {
    const locales = descendantsNamed(officeApp, "Override").map((o) => o.getAttribute("Locale") ?? "");
    expect(locales.length).toBeGreaterThan(0);
    expect(locales.filter((l) => !/^[a-z]{2,3}-[A-Z]{2}$/.test(l))).toEqual([]);
  });
});

describe("URLs", () => {
  const urls = collectUrls(officeApp);

  it("finds the URLs it should (collector self-test)", () => {
    const wheres = urls.map((u) => u.where);
    for (const fragment of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "DefaultSettings/SourceLocation", "Image#Ribbon.Datasets.16x16", "Override"]) {
      expect(wheres.some((w) => w.includes(fragment))).toBe(true);
    }
  });

  it("uses https everywhere", () => {
    expect(urls.filter((u) => !u.url.startsWith("https://"))).toEqual([]);
  });

  it("starts every URL with the dev base URL, so the production rewrite catches all of them", () => {
    expect(urls.filter((u) => !u.url.startsWith(DEV_BASE_URL))).toEqual([]);
  });

  it("points only at assets that exist or at documented build outputs", () => {
    const problems: string[] = [];
    for (const { url, where } of urls) {
      const path = repoPathOfDevUrl(url);
      if (path === null) continue;
      if (path.startsWith("assets/")) {
        if (!existsSync(join(REPO_ROOT, path))) problems.push(`${where}: ${path} does not exist`);
      } else if (!MANIFEST_BUILD_OUTPUTS.includes(path)) {
        problems.push(`${where}: ${path} is not a documented build output`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("icons referenced by the manifest", () => {
  /** Every icon URL with the pixel size the manifest states for it. */
  function statedIcons(): { where: string; url: string; size: number }[] {
    const out: { where: string; url: string; size: number }[] = [
      { where: "IconUrl", url: onlyChild(officeApp, "IconUrl").getAttribute("DefaultValue") ?? "", size: 32 },
      { where: "HighResolutionIconUrl", url: onlyChild(officeApp, "HighResolutionIconUrl").getAttribute("DefaultValue") ?? "", size: 64 },
    ];
    for (const r of resourceMap.values()) {
      if (r.kind !== "Images") continue;
      const size = sizeFromImageId(r.id);
      if (size === null) throw new Error(`image resource ${r.id} does not state its size (Icon.NxN)`);
      out.push({ where: r.id, url: r.defaultValue, size });
      for (const [locale, url] of r.overrides) out.push({ where: `${r.id} (${locale})`, url, size });
    }
    return out;
  }

  it("maps every icon URL to a PNG in assets/ of exactly the stated size", () => {
    const problems: string[] = [];
    for (const { where, url, size } of statedIcons()) {
      const path = repoPathOfDevUrl(url);
      if (!path || !path.startsWith("assets/") || !path.endsWith(".png")) {
        problems.push(`${where}: ${url} is not a PNG under ${DEV_BASE_URL}assets/`);
        continue;
      }
      const file = join(REPO_ROOT, path);
      if (!existsSync(file)) {
        problems.push(`${where}: ${path} is missing`);
        continue;
      }
      const png = PNG.sync.read(readFileSync(file));
      if (png.width !== size || png.height !== size) problems.push(`${where}: ${path} is ${png.width}x${png.height}, stated ${size}x${size}`);
    }
    expect(problems).toEqual([]);
  });

  it("uses each image at the size its id states, with 16, 32 and 80 for every ribbon icon", () => {
    const icons = descendantsNamed(versionOverrides, "Icon");
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      const images = elementChildren(icon);
      expect(images.map((img) => img.getAttribute("size"))).toEqual(["16", "32", "80"]);
      for (const img of images) {
        expect(img.namespaceURI).toBe(NS.bt);
        expect(sizeFromImageId(residOf(img))).toBe(Number(img.getAttribute("size")));
      }
    }
  });
});

describe("icon files", () => {
  it.each(ICON_SIZES)("icon-%i.png has its size, a transparent background and a real drawing", (size) => {
    const stats = imageStats(readFileSync(join(ASSETS_DIR, `icon-${size}.png`)));
    expect([stats.width, stats.height]).toEqual([size, size]);
    // Transparent background: the corners are empty, and the drawing covers a sensible share.
    expect(stats.cornerAlphas).toEqual([0, 0, 0, 0]);
    expect(stats.visibleFraction).toBeGreaterThan(0.3);
    expect(stats.visibleFraction).toBeLessThan(0.9);
    expect(stats.opaqueFraction).toBeGreaterThan(0.25);
    // Not blank or a flat square: several colours (anti-aliasing adds many at larger sizes).
    expect(stats.distinctColours).toBeGreaterThanOrEqual(size === 16 ? 5 : 30);
  });

  it.each(ICON_SIZES)("icon-%i.png has at least three clearly different main colours", (size) => {
    const { data, width, height } = PNG.sync.read(readFileSync(join(ASSETS_DIR, `icon-${size}.png`)));
    const buckets = new Map<number, number>();
    let visible = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) < 255) continue;
      visible++;
      const key = (((data[i] ?? 0) >> 6) << 4) | (((data[i + 1] ?? 0) >> 6) << 2) | ((data[i + 2] ?? 0) >> 6);
      buckets.set(key, (buckets.get(key) ?? 0) + 1);
    }
    const main = [...buckets.values()].filter((n) => n >= 0.02 * visible);
    expect(visible).toBeGreaterThan(0.25 * width * height);
    expect(main.length).toBeGreaterThanOrEqual(3);
  });

  describe("the ribbon tab's icons (assets/ribbon, scripts/render-ribbon-icons.mjs)", () => {
    const dir = join(ASSETS_DIR, "ribbon");
    const sources = readdirSync(dir).filter((f) => f.endsWith(".svg"));
    const pngs = readdirSync(dir).filter((f) => f.endsWith(".png"));

    it("has each drawing at 16, 32 and 80 px and no PNG without its drawing", () => {
      expect(sources.length).toBe(10);
      expect(pngs.sort()).toEqual(sources.flatMap((s) => [16, 32, 80].map((z) => s.replace(/\.svg$/, `-${z}.png`))).sort());
      expect(existsSync(join(REPO_ROOT, "scripts", "render-ribbon-icons.mjs"))).toBe(true);
    });

    it.each(pngs)("%s: a transparent background and a real drawing", (file) => {
      const size = Number(/-(\d+)\.png$/.exec(file)?.[1]);
      const stats = imageStats(readFileSync(join(dir, file)));
      expect([stats.width, stats.height]).toEqual([size, size]);
      expect(stats.cornerAlphas.filter((a) => a > 0).length).toBeLessThanOrEqual(1);
      expect(stats.visibleFraction).toBeGreaterThan(0.15);
      expect(stats.distinctColours).toBeGreaterThanOrEqual(size === 16 ? 3 : 10);
    });

    it("uses every drawing on the ribbon", () => {
      const used = new Set([...resourceMap.values()].filter((r) => r.kind === "Images").map((r) => repoPathOfDevUrl(r.defaultValue) ?? ""));
      for (const png of pngs) expect(used.has(`assets/ribbon/${png}`)).toBe(true);
    });
  });

  it("keeps the SVG sources and the render script next to the PNGs", () => {
    for (const file of ["assets/icon.svg", "assets/icon-16.svg", "scripts/render-icons.mjs"]) {
      expect(existsSync(join(REPO_ROOT, file))).toBe(true);
    }
    for (const svg of ["icon.svg", "icon-16.svg"]) {
      const parsed = parseXml(readFileSync(join(ASSETS_DIR, svg), "utf8"));
      expect(parsed.problems).toEqual([]);
      expect(rootElement(parsed.doc).localName).toBe("svg");
    }
  });
});
