/**
 * What the pane is doing or has just done, and where in the pane it is shown: each activity
 * belongs to one section (the one whose button, or ribbon command, started it), and its status
 * line appears in that section, in the flow, never over a control.
 */
import type { Column, LocalizedText } from "../../data/types";
import type { FormulaAction, FormulaActionResult, InsertResult, RefreshSummary } from "../../sheet/workbook";
import type { FeedFailure } from "../deps";
import type { MessageKey } from "../i18n";
import type { TabId } from "../tabs";

/** What the pane is doing or has just done; rendered in the current language. */
export type Activity =
  | { kind: "idle" }
  | { kind: "inserting"; title: LocalizedText }
  | { kind: "fetching" }
  | { kind: "refreshing"; done: number; total: number; label: string }
  | { kind: "inserted"; title: LocalizedText; result: InsertResult }
  | { kind: "insertFailed"; title: LocalizedText; error: unknown }
  | { kind: "feedFailed"; failure: FeedFailure }
  | { kind: "refreshFailed"; phase: "feed" | "workbook"; error: unknown }
  /** `columns`: of each dataset that arrived, by id (to show changed values); `failures`: by table name, why its dataset could not be had. */
  | { kind: "refreshed"; summary: RefreshSummary; columns: ReadonlyMap<string, readonly Column[]>; failures: ReadonlyMap<string, FeedFailure> }
  /** The dataset to insert could not be loaded (from the feed, or the bundled copy). */
  | { kind: "loadFailed"; title: LocalizedText; failure: FeedFailure }
  | { kind: "pinFailed"; table: string; error: unknown }
  /** A line of the main string table about the inserted tables (e.g. none to refresh). */
  | { kind: "notice"; key: MessageKey }
  /** "Refresh the selected table" found no tracked table under the selection (`unsupported`: this workbook cannot tell). */
  | { kind: "noTableAtSelection"; unsupported: boolean }
  /** `loading`: the datasets being loaded first (empty once the sheet itself is being built). */
  | { kind: "building"; title: LocalizedText; loading: readonly string[] }
  | { kind: "built"; title: LocalizedText; result: InsertResult }
  | { kind: "buildFailed"; title: LocalizedText; error: unknown }
  /** A "Share a workbook" action on the formulas (issue 13): running, done, failed. */
  | { kind: "formulas"; action: FormulaAction }
  | { kind: "formulasDone"; result: FormulaActionResult }
  | { kind: "formulasFailed"; action: FormulaAction; error: unknown };

export type ActivityKind = Activity["kind"];

/** The sections an activity's status line can appear in. */
export type StatusPlace = "tracked" | "catalogue" | "models" | "share";

const PLACE: Readonly<Record<Exclude<ActivityKind, "idle">, StatusPlace>> = {
  inserting: "catalogue",
  inserted: "catalogue",
  insertFailed: "catalogue",
  loadFailed: "catalogue",
  fetching: "tracked",
  refreshing: "tracked",
  refreshed: "tracked",
  refreshFailed: "tracked",
  feedFailed: "tracked",
  pinFailed: "tracked",
  notice: "tracked",
  noTableAtSelection: "tracked",
  building: "models",
  built: "models",
  buildFailed: "models",
  formulas: "share",
  formulasDone: "share",
  formulasFailed: "share",
};

/** The tab each section is on. */
export const PLACE_TAB: Readonly<Record<StatusPlace, TabId>> = { tracked: "data", catalogue: "data", models: "models", share: "share" };

/** The section an activity is shown in; null when idle. */
export function placeOf(activity: Activity): StatusPlace | null {
  return activity.kind === "idle" ? null : PLACE[activity.kind];
}

/** Work in progress: every other action waits (its buttons are disabled). */
export function isBusy(activity: Activity): boolean {
  return (
    activity.kind === "inserting" ||
    activity.kind === "fetching" ||
    activity.kind === "refreshing" ||
    activity.kind === "building" ||
    activity.kind === "formulas"
  );
}
