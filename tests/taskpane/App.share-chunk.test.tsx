/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { fakePane } from "./fakes";
import { openTab, renderPane, statusText } from "./render";

// The Share tab is a chunk loaded when the tab is first opened: here, one that fails to load.
let fail = true;
jest.mock("../../src/taskpane/share/ShareTab", () => {
  if (fail) throw new Error("Loading chunk tab-share failed");
  return jest.requireActual("../../src/taskpane/share/ShareTab");
});

describe("a tab whose chunk cannot be loaded", () => {
  it("says so in its panel with a way to try again, and the rest of the pane works", async () => {
    const pane = fakePane();
    await renderPane(pane);
    fireEvent.click(screen.getByRole("tab", { name: "Share" }));
    const panel = screen.getByRole("tabpanel", { name: "Share" });
    await waitFor(() => expect(within(panel).getByText("This tab could not be loaded.")).toBeTruthy());
    expect(within(panel).getByText(/Details: .*Loading chunk tab-share failed/)).toBeTruthy();
    expect(within(panel).queryByRole("button", { name: "Make portable" })).toBeNull();

    await openTab("Data");
    fireEvent.click(screen.getByRole("button", { name: "Insert LLM comparison" }));
    await waitFor(() => expect(statusText()).toContain("Inserted LLM comparison"));

    // The chunk can be had now (the connection came back): "Try again" loads it.
    fail = false;
    fireEvent.click(screen.getByRole("tab", { name: "Share" }));
    fireEvent.click(within(panel).getByRole("button", { name: "Try again" }));
    expect(await within(panel).findByRole("button", { name: "Make portable" })).toBeTruthy();
  });
});
