/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Dataset } from "../../src/data/types";
import { App, mountPane } from "../../src/taskpane/App";
import { GPUS, LLM, TRACKED_LLM, fakePane } from "./fakes";
import { alertText, renderPane, statusText } from "./render";
import { act } from "@testing-library/react";

const XSS = "<img src=x onerror=alert(1)>";

const EVIL: Dataset = {
  ...LLM,
  id: "evil-dataset",
  title: { zh: XSS, en: XSS },
  source: [{ text: "<script>alert(2)</script>", url: "javascript:alert(3)" }],
  version: "<b>1</b>",
  columns: [{ ...LLM.columns[0], header: { zh: "<i>h</i>", en: "<i>h</i>" } }],
  rows: [["<svg onload=alert(4)>"]],
};

describe("feed text is rendered as text", () => {
  it("shows a title like <img src=x onerror=alert(1)> literally and creates no element from it", async () => {
    const pane = fakePane({ datasets: [EVIL, GPUS] });
    const { container } = await renderPane(pane);
    const card = screen.getByRole("article", { name: XSS });
    fireEvent.click(within(card).getByRole("button", { name: `Details of ${XSS}` }));
    expect(container.querySelector("img, script, [onerror], [onload]")).toBeNull();
    expect(within(card).getByRole("heading", { name: XSS }).textContent).toBe(XSS);
    expect(within(card).getByText("<script>alert(2)</script>")).toBeTruthy();
    expect(within(card).getByText("<b>1</b>")).toBeTruthy();
    fireEvent.click(within(card).getByRole("button", { name: `Preview ${XSS}` }));
    expect((await within(card).findByRole("columnheader")).textContent).toBe("<i>h</i>");
    expect(within(card).getByRole("cell").textContent).toBe("<svg onload=alert(4)>");
    // Nothing in the card is an element made from feed text (the pane's own cards have no icons).
    expect(card.querySelector("img, script, svg, b, i, [onerror], [onload]")).toBeNull();
    expect(container.querySelector("a[href^='javascript']")).toBeNull();
  });

  it("keeps insert results, refresh summaries and error details as text too", async () => {
    const pane = fakePane({ datasets: [EVIL] });
    pane.workbook.insertImpl = async () => ({ tableName: XSS, sheetName: XSS, address: "A1" });
    pane.workbook.tracked = [{ ...TRACKED_LLM, tableName: XSS, datasetId: "evil-dataset" }];
    pane.workbook.refreshImpl = async () => ({
      tables: [
        { tableName: XSS, datasetId: "evil-dataset", status: "skipped", reason: XSS, oldVersion: "1", newVersion: "", added: 0, changed: 0, removed: 0 },
      ],
    });
    const { container } = await renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: `Insert ${XSS}` }));
    await waitFor(() => expect(statusText()).toContain(`as table ${XSS} on sheet ${XSS}`));
    fireEvent.click(screen.getAllByRole("button", { name: `Refresh ${XSS}` })[0]);
    await waitFor(() => expect(statusText()).toContain(`Reason: ${XSS}`));
    expect(container.querySelector("img, [onerror]")).toBeNull();
    pane.feed.next = async () => ({ ok: false, error: { kind: "invalid", detail: XSS } });
    fireEvent.click(screen.getByRole("button", { name: "Refresh all" }));
    await waitFor(() => expect(alertText()).toContain(XSS));
    expect(container.querySelector("img, [onerror]")).toBeNull();
  });

  it("never uses dangerouslySetInnerHTML in the pane's source", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require("fs") as typeof import("fs");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const path = require("path") as typeof import("path");
    const root = path.join(__dirname, "../../src/taskpane");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name)) files.push(full);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(fs.readFileSync(file, "utf8")).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
  });
});

describe("accessibility", () => {
  it("labels every control and keeps live regions in the page from the start", async () => {
    const { container } = await renderPane(fakePane());
    for (const input of Array.from(container.querySelectorAll("input"))) {
      const labelled = input.labels?.length || input.getAttribute("aria-label") || input.getAttribute("aria-labelledby");
      expect(labelled).toBeTruthy();
    }
    for (const button of Array.from(container.querySelectorAll("button"))) {
      expect((button.getAttribute("aria-label") ?? button.textContent ?? "").trim()).not.toBe("");
    }
    expect(container.querySelector("[aria-live='polite'][role='status']")).not.toBeNull();
    expect(container.querySelector("[aria-live='assertive'][role='alert']")).not.toBeNull();
    expect(screen.getByRole("group", { name: "Language" })).toBeTruthy();
  });
});

describe("mountPane", () => {
  it("renders the pane into an element and unmounts it", async () => {
    const element = document.createElement("div");
    document.body.appendChild(element);
    const pane = fakePane();
    let unmount: () => void = () => undefined;
    act(() => {
      unmount = mountPane(element, pane.deps);
    });
    await waitFor(() => expect(element.querySelectorAll("article")).toHaveLength(2));
    act(() => unmount());
    expect(element.innerHTML).toBe("");
    element.remove();
  });

  it("is the same App", () => {
    expect(typeof App).toBe("function");
  });
});
