/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { fakePane } from "./fakes";
import { renderPane } from "./render";

/**
 * jsdom does no layout, so 320 px cannot be measured here; these check the CSS that makes it
 * hold: the preview scrolls in its own box, everything else wraps instead of widening the pane.
 */
describe("narrow pane (320 px)", () => {
  it("scrolls the preview table inside its own box", async () => {
    await renderPane(fakePane());
    fireEvent.click(screen.getByRole("button", { name: "Details of LLM comparison" }));
    fireEvent.click(screen.getByRole("button", { name: "Preview LLM comparison" }));
    const region = await screen.findByRole("region", { name: "First 5 of 7 rows" });
    const style = getComputedStyle(region);
    expect(style.overflowX).toBe("auto");
    expect(style.maxWidth).toBe("100%");
  });

  it("wraps long text in the main list instead of scrolling sideways", async () => {
    await renderPane(fakePane());
    const main = screen.getByRole("main");
    expect(getComputedStyle(main).overflowWrap).toBe("anywhere");
    expect(getComputedStyle(main).boxSizing).toBe("border-box");
    const card = screen.getByRole("article", { name: "LLM comparison" });
    expect(getComputedStyle(card).minWidth).toBe("0");
    expect(getComputedStyle(card.closest("li") as HTMLElement).minWidth).toBe("0");
  });
});
