/** Render the pane with fake deps and wait until its catalogue and table list have loaded; open its tabs. */
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { RenderResult } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { FakePane } from "./fakes";

// The pane's tabs and parts are chunks (dynamic imports): ts-jest compiles each on its first
// import, which can take seconds on a busy machine. A wait, not a timing assertion.
configure({ asyncUtilTimeout: 10_000 });

export async function renderPane(pane: FakePane): Promise<RenderResult> {
  const result = render(<App deps={pane.deps} />);
  await screen.findAllByRole("article");
  // The list of inserted tables has been read (the first-run card or the list shows it).
  await waitFor(() => expect(pane.workbook.callsTo("listTracked").length).toBeGreaterThan(0));
  await act(async () => undefined);
  return result;
}

/** The pane's tab named `name` (exact, in either language). */
export function paneTab(name: string | RegExp): HTMLElement {
  return within(screen.getByRole("tablist")).getByRole("tab", { name });
}

/** Opens a tab of the pane and waits until its panel has content (lazy tabs load a chunk). */
export async function openTab(name: string | RegExp): Promise<HTMLElement> {
  const tab = paneTab(name);
  fireEvent.click(tab);
  const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "") as HTMLElement;
  await waitFor(() => expect(panel.hidden).toBe(false));
  await waitFor(() => {
    expect(panel.childElementCount).toBeGreaterThan(0);
    expect(within(panel).queryByText(/^(Loading…|加载中…)$/)).toBeNull();
  });
  return panel;
}

/** Opens the Models tab and waits for its Build buttons. */
export async function openModels(): Promise<HTMLElement> {
  const panel = await openTab(/^(Models|模型)$/);
  await within(panel).findAllByRole("button", { name: /^(Build|生成) / });
  return panel;
}

/** The text of the visible polite live regions (progress and results), one after another. */
export function statusText(): string {
  return liveRegions("status")
    .map((region) => region.textContent ?? "")
    .join("");
}

/** The list items of the visible polite live regions (e.g. the features an insert skipped). */
export function statusItems(): string[] {
  return liveRegions("status").flatMap((region) => Array.from(region.querySelectorAll("li"), (li) => li.textContent ?? ""));
}

/** The text of the visible assertive live regions (errors). */
export function alertText(): string {
  return liveRegions("alert")
    .map((region) => region.textContent ?? "")
    .join("");
}

/** The live region that holds something, of the visible ones (the first when all are empty). */
export function liveRegion(role: "status" | "alert"): HTMLElement {
  const regions = liveRegions(role);
  const region = regions.find((r) => (r.textContent ?? "") !== "") ?? regions[0];
  if (!region) throw new Error(`no ${role} live region`);
  return region;
}

function liveRegions(role: "status" | "alert"): HTMLElement[] {
  return screen.queryAllByRole(role).filter((element) => element.getAttribute("aria-live") === (role === "status" ? "polite" : "assertive"));
}

/** Opens a status line's details (they are in the page, hidden, until asked for). */
export function openDetails(): void {
  for (const button of screen.queryAllByRole("button", { name: /^(Details|详情)$/ })) fireEvent.click(button);
}

/** Waits until the status line's details have loaded (a refresh's report is a chunk of its own). */
export async function reportLoaded(): Promise<void> {
  await waitFor(() => expect(statusText()).not.toMatch(/Loading…|加载中…/));
}
