/** @jest-environment jsdom */
import { render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { fakePane } from "./fakes";

// The Share section's strings are a chunk loaded when the pane opens: here, one that fails to load.
jest.mock("../../src/taskpane/share-chunk", () => {
  throw new Error("Loading chunk share failed");
});

describe("share: the strings' chunk cannot be loaded", () => {
  it("says so in the section, offers no action, and the rest of the pane works", async () => {
    render(<App deps={fakePane().deps} />);
    const section = await screen.findByRole("region", { name: "Share a workbook" });
    await waitFor(() => expect(within(section).getByText(/Something unexpected went wrong/)).toBeTruthy());
    expect(within(section).getByText("Details: Loading chunk share failed")).toBeTruthy();
    expect(within(section).queryByRole("button")).toBeNull();
    expect(await screen.findByRole("button", { name: "Insert LLM comparison" })).toBeTruthy();
  });
});
