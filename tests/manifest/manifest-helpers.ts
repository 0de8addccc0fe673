/**
 * Small, offline helpers for checking the add-in only (XML) manifest and its icons.
 *
 * Microsoft's validator (`office-addin-manifest validate`) is an online service and no npm
 * package ships the manifest XSDs, so these helpers check structure instead: element order
 * against the schema sequences, resource ids, URLs and icon files.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, type Document as XmlDocument, type Element as XmlElement } from "@xmldom/xmldom";
import { PNG } from "pngjs";

/** Repository root (tests/manifest/ is two levels down). */
export const REPO_ROOT = join(__dirname, "..", "..");
export const MANIFEST_PATH = join(REPO_ROOT, "manifest.xml");
export const ASSETS_DIR = join(REPO_ROOT, "assets");

/** The development base of every URL; the production build rewrites exactly this prefix. */
export const DEV_BASE_URL = "https://localhost:3000/";

/**
 * Files the manifest expects the build to serve from DEV_BASE_URL, other than assets/ (which
 * are checked against the assets folder). Keep in step with the webpack configuration.
 */
export const MANIFEST_BUILD_OUTPUTS: readonly string[] = [
  "taskpane.html",
  "functions.js",
  "functions.json",
  "functions.zh-CN.json",
  "help.html",
];

export const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  versionOverrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

export interface ParsedXml {
  doc: XmlDocument;
  /** Warnings and recoverable errors reported by the parser (a fatal error throws). */
  problems: string[];
}

/** Parses XML, collecting every parser warning or error instead of printing it. */
export function parseXml(source: string): ParsedXml {
  const problems: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  });
  const doc = parser.parseFromString(source, "text/xml");
  return { doc, problems };
}

export function loadManifest(path: string = MANIFEST_PATH): ParsedXml {
  return parseXml(readFileSync(path, "utf8"));
}

export function rootElement(doc: XmlDocument): XmlElement {
  const root = doc.documentElement;
  if (!root) throw new Error("document has no root element");
  return root;
}

/** Element children only (no text, comments or processing instructions). */
export function elementChildren(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let i = 0; i < el.childNodes.length; i++) {
    const node = el.childNodes.item(i);
    if (node && node.nodeType === node.ELEMENT_NODE) out.push(node as XmlElement);
  }
  return out;
}

export function localNameOf(el: XmlElement): string {
  return el.localName ?? el.nodeName;
}

export function childNames(el: XmlElement): string[] {
  return elementChildren(el).map(localNameOf);
}

/** Child elements with a given local name (any namespace unless one is given). */
export function childrenNamed(el: XmlElement, name: string, ns?: string): XmlElement[] {
  return elementChildren(el).filter((c) => localNameOf(c) === name && (ns === undefined || c.namespaceURI === ns));
}

/** The single child with a given local name; throws when there is none or more than one. */
export function onlyChild(el: XmlElement, name: string, ns?: string): XmlElement {
  const found = childrenNamed(el, name, ns);
  if (found.length !== 1) {
    throw new Error(`${elementPath(el)}: expected exactly one <${name}>, found ${found.length}`);
  }
  return found[0] as XmlElement;
}

/** Walks a path of single children: `descend(root, "VersionOverrides", "Hosts", "Host")`. */
export function descend(el: XmlElement, ...names: string[]): XmlElement {
  return names.reduce<XmlElement>((current, name) => onlyChild(current, name), el);
}

/** Every element below (and including) `el`, in document order. */
export function allElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [el];
  for (const c of elementChildren(el)) out.push(...allElements(c));
  return out;
}

/** Every descendant element with a given local name (and namespace, if given). */
export function descendantsNamed(el: XmlElement, name: string, ns?: string): XmlElement[] {
  return allElements(el).filter((e) => localNameOf(e) === name && (ns === undefined || e.namespaceURI === ns));
}

export function xsiType(el: XmlElement): string | null {
  return el.getAttributeNS(NS.xsi, "type");
}

/** "OfficeApp/VersionOverrides/Hosts/Host[Workbook]" style path for messages. */
export function elementPath(el: XmlElement): string {
  const parts: string[] = [];
  let node: XmlElement | null = el;
  while (node) {
    const type = xsiType(node);
    const id = node.getAttribute("id");
    let label = localNameOf(node);
    if (type) label += `[${type}]`;
    if (id) label += `#${id}`;
    parts.unshift(label);
    const parent: XmlElement["parentNode"] = node.parentNode;
    node = parent && parent.nodeType === parent.ELEMENT_NODE ? (parent as XmlElement) : null;
  }
  return parts.join("/");
}

export function textOf(el: XmlElement): string {
  return (el.textContent ?? "").trim();
}

/** One element of an XSD `xs:sequence`. */
export interface SequenceItem {
  name: string;
  min: number;
  max: number;
}

export const one = (name: string): SequenceItem => ({ name, min: 1, max: 1 });
export const optional = (name: string): SequenceItem => ({ name, min: 0, max: 1 });
export const oneOrMore = (name: string): SequenceItem => ({ name, min: 1, max: Number.POSITIVE_INFINITY });
export const anyNumber = (name: string): SequenceItem => ({ name, min: 0, max: Number.POSITIVE_INFINITY });

/**
 * Checks a list of child element names against an XSD sequence: order, unknown elements,
 * missing required elements and repeat counts. Returns human-readable problems (empty = valid).
 */
export function sequenceProblems(actual: readonly string[], sequence: readonly SequenceItem[]): string[] {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  let position = 0;
  for (const name of actual) {
    const index = sequence.findIndex((item, i) => i >= position && item.name === name);
    if (index === -1) {
      const earlier = sequence.findIndex((item) => item.name === name);
      const current = sequence[position];
      problems.push(
        earlier === -1
          ? `unexpected element <${name}>`
          : `<${name}> is out of order (it must come before <${current ? current.name : "?"}>)`,
      );
      continue;
    }
    for (let i = position; i < index; i++) {
      const skipped = sequence[i] as SequenceItem;
      if ((counts.get(skipped.name) ?? 0) < skipped.min) problems.push(`missing required <${skipped.name}> before <${name}>`);
    }
    position = index;
    const item = sequence[index] as SequenceItem;
    const count = (counts.get(name) ?? 0) + 1;
    counts.set(name, count);
    if (count === item.max + 1) problems.push(`<${name}> may occur at most ${item.max} time(s)`);
  }
  for (let i = position; i < sequence.length; i++) {
    const item = sequence[i] as SequenceItem;
    if ((counts.get(item.name) ?? 0) < item.min) problems.push(`missing required <${item.name}>`);
  }
  return problems;
}

/** Sequence problems of an element's children, prefixed with the element's path. */
export function childSequenceProblems(el: XmlElement, sequence: readonly SequenceItem[]): string[] {
  return sequenceProblems(childNames(el), sequence).map((p) => `${elementPath(el)}: ${p}`);
}

export type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

export interface Resource {
  id: string;
  kind: ResourceKind;
  defaultValue: string;
  /** Locale (as written) to override value. */
  overrides: Map<string, string>;
  element: XmlElement;
}

/** Resources of a VersionOverrides element, by id. Throws on a duplicate id. */
export function resources(versionOverrides: XmlElement): Map<string, Resource> {
  const out = new Map<string, Resource>();
  const container = onlyChild(versionOverrides, "Resources");
  for (const group of elementChildren(container)) {
    const kind = localNameOf(group) as ResourceKind;
    for (const el of elementChildren(group)) {
      const id = el.getAttribute("id") ?? "";
      if (out.has(id)) throw new Error(`duplicate resource id ${id}`);
      const overrides = new Map<string, string>();
      for (const o of childrenNamed(el, "Override")) overrides.set(o.getAttribute("Locale") ?? "", o.getAttribute("Value") ?? "");
      out.set(id, { id, kind, defaultValue: el.getAttribute("DefaultValue") ?? "", overrides, element: el });
    }
  }
  return out;
}

export interface ResidReference {
  resid: string;
  element: XmlElement;
  /** The kind of resource the schema expects this reference to point at. */
  expectedKind: ResourceKind | "unknown";
}

/**
 * What kind of resource a `resid` on a given element must name, from the VersionOverrides
 * 1.0 schema types (bt:URLResourceReference, bt:ShortResourceReference, ...).
 */
export function expectedResourceKind(el: XmlElement): ResourceKind | "unknown" {
  const name = localNameOf(el);
  const parent = el.parentNode && el.parentNode.nodeType === el.ELEMENT_NODE ? localNameOf(el.parentNode as XmlElement) : "";
  switch (name) {
    case "Image":
      return "Images";
    case "SourceLocation":
    case "FunctionFile":
    case "Runtime":
    case "LearnMoreUrl":
      return "Urls";
    case "Label":
    case "Namespace":
      return "ShortStrings";
    case "Title":
      return parent === "Supertip" || parent === "GetStarted" || parent === "Action" ? "ShortStrings" : "unknown";
    case "Description":
      return parent === "Supertip" || parent === "GetStarted" || parent === "VersionOverrides" ? "LongStrings" : "unknown";
    default:
      return "unknown";
  }
}

/** Every element carrying a `resid` attribute, anywhere in the document. */
export function residReferences(root: XmlElement): ResidReference[] {
  return allElements(root)
    .filter((el) => el.hasAttribute("resid"))
    .map((el) => ({ resid: el.getAttribute("resid") ?? "", element: el, expectedKind: expectedResourceKind(el) }));
}

export interface UrlOccurrence {
  url: string;
  where: string;
}

/** Base-manifest elements whose DefaultValue (and Override Value) is a URL. */
const URL_SETTING_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]);

/**
 * Every URL in the manifest: DefaultValue/Value of URL settings and of bt:Image / bt:Url
 * resources (and their overrides), AppDomain text, plus — as a safety net — any attribute or
 * text anywhere that looks like an absolute URL.
 */
export function collectUrls(root: XmlElement): UrlOccurrence[] {
  const found = new Map<string, UrlOccurrence>();
  const add = (url: string, where: string): void => {
    const key = `${where}\u0000${url}`;
    if (!found.has(key)) found.set(key, { url, where });
  };
  const looksLikeUrl = (value: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith("//");
  for (const el of allElements(root)) {
    const name = localNameOf(el);
    const parent = el.parentNode && el.parentNode.nodeType === el.ELEMENT_NODE ? (el.parentNode as XmlElement) : null;
    const parentName = parent ? localNameOf(parent) : "";
    const isUrlSetting =
      (URL_SETTING_ELEMENTS.has(name) && el.hasAttribute("DefaultValue")) ||
      ((name === "Image" || name === "Url") && el.namespaceURI === NS.bt && el.hasAttribute("id"));
    const isUrlOverride =
      name === "Override" &&
      (URL_SETTING_ELEMENTS.has(parentName) || ((parentName === "Image" || parentName === "Url") && parent?.namespaceURI === NS.bt));
    if (isUrlSetting) add(el.getAttribute("DefaultValue") ?? "", elementPath(el));
    if (isUrlOverride) add(el.getAttribute("Value") ?? "", elementPath(el));
    if (name === "AppDomain") add(textOf(el), elementPath(el));
    for (let i = 0; i < el.attributes.length; i++) {
      const attr = el.attributes.item(i);
      if (attr && !attr.name.startsWith("xmlns") && looksLikeUrl(attr.value)) add(attr.value, `${elementPath(el)}@${attr.name}`);
    }
    if (elementChildren(el).length === 0 && looksLikeUrl(textOf(el))) add(textOf(el), elementPath(el));
  }
  return [...found.values()];
}

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Icon size stated by a resource id such as "Icon.16x16" or "Ribbon.RefreshAll.32x32" (square icons only). */
export function sizeFromImageId(id: string): number | null {
  const match = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*\.(\d+)x(\d+)$/.exec(id);
  if (!match || match[1] !== match[2]) return null;
  return Number(match[1]);
}

/** Path of a file in this repository served at a dev URL, e.g. assets/icon-32.png. */
export function repoPathOfDevUrl(url: string): string | null {
  if (!url.startsWith(DEV_BASE_URL)) return null;
  return url.slice(DEV_BASE_URL.length).split(/[?#]/)[0] ?? null;
}

export interface ImageStats {
  width: number;
  height: number;
  /** Distinct RGBA values among pixels that are not fully transparent. */
  distinctColours: number;
  /** Share of pixels with alpha > 0. */
  visibleFraction: number;
  /** Share of pixels with alpha === 255. */
  opaqueFraction: number;
  /** Alpha of the four corner pixels. */
  cornerAlphas: number[];
}

export function imageStats(png: Buffer): ImageStats {
  const image = PNG.sync.read(png);
  const { width, height, data } = image;
  const colours = new Set<number>();
  let visible = 0;
  let opaque = 0;
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3] ?? 0;
    if (alpha > 0) {
      visible++;
      colours.add((((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | alpha) >>> 0);
    }
    if (alpha === 255) opaque++;
  }
  const alphaAt = (x: number, y: number): number => data[(y * width + x) * 4 + 3] ?? 0;
  const total = width * height;
  return {
    width,
    height,
    distinctColours: colours.size,
    visibleFraction: visible / total,
    opaqueFraction: opaque / total,
    cornerAlphas: [alphaAt(0, 0), alphaAt(width - 1, 0), alphaAt(0, height - 1), alphaAt(width - 1, height - 1)],
  };
}
