/**
 * The pane's tabs (issue 20): one id per tab, in display order. The shell (App.tsx) renders a
 * Fluent TabList from this list; ribbon commands name the tab they open by these ids.
 */
export const TAB_IDS = ["data", "models", "functions", "share", "settings"] as const;
export type TabId = (typeof TAB_IDS)[number];

export function isTabId(value: unknown): value is TabId {
  return typeof value === "string" && (TAB_IDS as readonly string[]).includes(value);
}
