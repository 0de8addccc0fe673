/**
 * The add-in's ribbon tab as the manifest declares it (issue 20), for the workbench's ribbon
 * strip: read from the manifest.xml the build writes (webpack copies it to the output), never a
 * second hand-written list. Labels and supertips in the UI language, with Office's rule: a
 * resource's <bt:Override Locale> for that language, else its DefaultValue.
 *
 * Dev only (the workbench); pure, given a DOMParser (the browser's, or jsdom's in tests).
 */

export interface RibbonControl {
  id: string;
  label: string;
  /** Supertip: title and description. */
  title: string;
  description: string;
  /** The 16 and 32 px icons, as paths relative to the add-in's base (e.g. "assets/ribbon/refresh-all-16.png"). */
  icon16: string;
  icon32: string;
  /** What the button does: a function command (its FunctionName), or shows the task pane. */
  action: { kind: "function"; name: string } | { kind: "taskpane" };
}

export interface RibbonGroup {
  id: string;
  label: string;
  controls: RibbonControl[];
}

export interface RibbonTab {
  id: string;
  label: string;
  groups: RibbonGroup[];
}

const NS = {
  versionOverrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

const children = (el: Element, name: string): Element[] => Array.from(el.children).filter((c) => c.localName === name);
const child = (el: Element, name: string): Element => {
  const found = children(el, name)[0];
  if (!found) throw new Error(`manifest.xml: <${el.localName} id="${el.getAttribute("id") ?? ""}"> has no <${name}>`);
  return found;
};

/**
 * The manifest's custom tab in `locale` (e.g. "zh-CN", "en-US"); icon paths relative to the add-in's
 * base URL (the directory of its Taskpane.Url).
 * @throws Error naming what is missing when the manifest has no custom tab or a resid is undefined.
 */
export function readRibbonTab(xml: string, locale: string, parser: DOMParser = new DOMParser()): RibbonTab {
  const doc = parser.parseFromString(xml, "application/xml");
  if (doc.getElementsByTagName("parsererror").length > 0) throw new Error("manifest.xml is not well-formed XML");
  const resources = new Map<string, Element>();
  for (const el of Array.from(doc.getElementsByTagNameNS(NS.versionOverrides, "Resources")[0]?.getElementsByTagNameNS(NS.bt, "*") ?? [])) {
    const id = el.getAttribute("id");
    if (id && el.hasAttribute("DefaultValue")) resources.set(id, el);
  }
  const value = (resid: string | null): string => {
    const el = resid ? resources.get(resid) : undefined;
    if (!el) throw new Error(`manifest.xml: resource ${resid ?? "(none)"} is not defined`);
    const override = children(el, "Override").find((o) => (o.getAttribute("Locale") ?? "").toLowerCase() === locale.toLowerCase());
    return (override ?? el).getAttribute(override ? "Value" : "DefaultValue") ?? "";
  };
  const resid = (el: Element, name: string): string => value(child(el, name).getAttribute("resid"));
  const taskpaneUrl = value("Taskpane.Url");
  const base = taskpaneUrl.slice(0, taskpaneUrl.lastIndexOf("/") + 1);
  const local = (url: string): string => (url.startsWith(base) ? url.slice(base.length) : url);
  const icon = (el: Element, size: string): string => {
    const image = Array.from(child(el, "Icon").children).find((i) => i.getAttribute("size") === size);
    return local(value(image?.getAttribute("resid") ?? null));
  };

  const tab = doc.getElementsByTagNameNS(NS.versionOverrides, "CustomTab")[0];
  if (!tab) throw new Error("manifest.xml declares no <CustomTab>");
  return {
    id: tab.getAttribute("id") ?? "",
    label: resid(tab, "Label"),
    groups: children(tab, "Group").map((group) => ({
      id: group.getAttribute("id") ?? "",
      label: resid(group, "Label"),
      controls: children(group, "Control").map((control) => {
        const supertip = child(control, "Supertip");
        const action = child(control, "Action");
        const type = action.getAttributeNS(NS.xsi, "type") ?? action.getAttribute("xsi:type");
        return {
          id: control.getAttribute("id") ?? "",
          label: resid(control, "Label"),
          title: resid(supertip, "Title"),
          description: resid(supertip, "Description"),
          icon16: icon(control, "16"),
          icon32: icon(control, "32"),
          action: type === "ExecuteFunction" ? { kind: "function", name: (child(action, "FunctionName").textContent ?? "").trim() } : { kind: "taskpane" },
        };
      }),
    })),
  };
}
