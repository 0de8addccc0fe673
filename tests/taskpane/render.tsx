/** Render the pane with fake deps and wait until its catalogue, table list and models have loaded. */
import { render, screen } from "@testing-library/react";
import type { RenderResult } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { FakePane } from "./fakes";

export async function renderPane(pane: FakePane): Promise<RenderResult> {
  const result = render(<App deps={pane.deps} />);
  await screen.findAllByRole("article");
  await screen.findByRole("button", { name: /^(Refresh all|全部刷新)$/ });
  await screen.findAllByRole("button", { name: /^(Build|生成) / });
  return result;
}

/** The text of the polite live region (progress and results). */
export function statusText(): string {
  return liveRegion("status").textContent ?? "";
}

/** The list items of the polite live region (e.g. the features an insert skipped). */
export function statusItems(): string[] {
  return Array.from(liveRegion("status").querySelectorAll("li"), (li) => li.textContent ?? "");
}

/** The text of the assertive live region (errors). */
export function alertText(): string {
  return liveRegion("alert").textContent ?? "";
}

function liveRegion(role: "status" | "alert"): HTMLElement {
  const region = screen.getAllByRole(role).find((element) => element.getAttribute("aria-live") === (role === "status" ? "polite" : "assertive"));
  if (!region) throw new Error(`no ${role} live region`);
  return region;
}
