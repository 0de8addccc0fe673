/**
 * The pane's actions that the ribbon runs too: one function per action, taking the WorkbookPort
 * and what else it needs, reporting its progress as Activities and returning the last one. The
 * pane's buttons and the ribbon's commands (src/commands/ribbon.ts, through the pane's
 * controller) call these same functions: the ribbon has no copy of an action.
 */
import type { Column, Dataset } from "../data/types";
import type { FormulaAction, FormulaScope, Language, RefreshSummary, RefreshTableResult, TrackedTable, WorkbookPort } from "../sheet/workbook";
import { WorkbookError } from "../sheet/workbook";
import { fromFeed } from "../sheet/tracking";
import type { FeedFailure, FeedResult, PaneDeps } from "./deps";
import type { Activity } from "./shell/activity";

/** Where a refresh gets its data and which workbook it changes. */
export interface RefreshContext {
  workbook: WorkbookPort;
  loadFeed: PaneDeps["loadFeed"];
  /** The feed to fetch afresh: the analyst's custom URL or the add-in's own. */
  feedUrl: string;
}

/** Shows an activity while the action runs (progress); the action's result is its return value. */
export type Report = (activity: Activity) => void;

/**
 * Refresh: every tracked table (`tableName` undefined) or one. Reads the tracked tables, fetches
 * the feed afresh for their datasets and validates its catalog before the workbook is touched;
 * then updates the tables whose dataset arrived whole (a pinned one is left, and says so), and
 * reports each other table as failed with its reason, in the tables' order.
 * @returns "refreshed" with the summary, or why nothing was refreshed (notice, feedFailed, refreshFailed).
 */
export async function refreshTables(ctx: RefreshContext, tableName: string | undefined, report: Report): Promise<Activity> {
  let tables: TrackedTable[];
  try {
    tables = await ctx.workbook.listTracked();
  } catch (error) {
    return { kind: "refreshFailed", phase: "workbook", error };
  }
  const chosen = tableName === undefined ? tables : tables.filter((table) => table.tableName === tableName);
  if (chosen.length === 0) {
    return tableName === undefined
      ? { kind: "notice", key: "noTracked" }
      : { kind: "refreshFailed", phase: "workbook", error: new WorkbookError("tableMissing", tableName) };
  }
  // A pasted table has no feed: the workbook's refresh reports it as left alone.
  const ids = Array.from(new Set(chosen.filter(fromFeed).map((table) => table.datasetId)));

  report({ kind: "fetching" });
  let feed: FeedResult;
  try {
    feed = ids.length === 0 ? { ok: true, results: new Map() } : await ctx.loadFeed(ctx.feedUrl, ids);
  } catch (error) {
    return { kind: "refreshFailed", phase: "feed", error };
  }
  if (!feed.ok) return { kind: "feedFailed", failure: feed.error };

  // The catalog validated: only now is the workbook touched, and only for the tables whose
  // dataset arrived whole; each other table is reported failed, with its reason.
  const arrived = new Map<string, Dataset>();
  const missing = new Map<string, FeedFailure>();
  for (const id of ids) {
    const one = feed.results.get(id) ?? { ok: false, error: { kind: "missing", detail: `no dataset "${id}"` } };
    if (one.ok) arrived.set(id, one.dataset);
    else missing.set(id, one.error);
  }
  // A pinned table is left as it is whether or not its dataset arrived: the engine says so.
  const toRefresh = chosen.filter((table) => arrived.has(table.datasetId) || table.pinned === true || !fromFeed(table));
  const failures = new Map<string, FeedFailure>();
  const failed: RefreshTableResult[] = [];
  for (const table of chosen) {
    const failure = missing.get(table.datasetId);
    if (failure === undefined || table.pinned === true) continue;
    failures.set(table.tableName, failure);
    failed.push({
      tableName: table.tableName,
      datasetId: table.datasetId,
      status: "failed",
      oldVersion: table.version,
      newVersion: "",
      added: 0,
      changed: 0,
      removed: 0,
    });
  }
  const columns = new Map<string, readonly Column[]>(Array.from(arrived, ([id, dataset]) => [id, dataset.columns] as const));

  let refreshed: RefreshSummary = { tables: [] };
  if (toRefresh.length > 0) {
    report({ kind: "refreshing", done: 0, total: 0, label: "" });
    // Every table when all were asked for and nothing failed, else exactly the ones to refresh.
    const names = tableName === undefined && failed.length === 0 ? undefined : toRefresh.map((table) => table.tableName);
    try {
      refreshed = await ctx.workbook.refresh(arrived, names, (done, total, label) => report({ kind: "refreshing", done, total, label }));
    } catch (error) {
      return { kind: "refreshFailed", phase: "workbook", error };
    }
  }
  return { kind: "refreshed", summary: { tables: inTableOrder(chosen, [...refreshed.tables, ...failed]) }, columns, failures };
}

/**
 * Refresh the table under the selection: the tracked table the selection is in or overlaps
 * (WorkbookPort.tableAtSelection), refreshed as refreshTables does one table.
 * @returns as refreshTables, or "noTableAtSelection" when the selection touches no tracked table
 *   (or the workbook cannot tell).
 */
export async function refreshSelectedTable(ctx: RefreshContext, report: Report): Promise<Activity> {
  const find = ctx.workbook.tableAtSelection?.bind(ctx.workbook);
  if (!find) return { kind: "noTableAtSelection", unsupported: true };
  let name: string | null;
  try {
    name = await find();
  } catch (error) {
    return { kind: "refreshFailed", phase: "workbook", error };
  }
  if (name === null) return { kind: "noTableAtSelection", unsupported: false };
  return refreshTables(ctx, name, report);
}

/**
 * Make portable, restore or repair the AI formulas in `scope` (issue 13); a made-portable
 * value's cell note is in `language`.
 * @returns "formulasDone" with what happened to each cell, or "formulasFailed".
 */
export async function runFormulaAction(
  workbook: WorkbookPort,
  action: FormulaAction,
  scope: FormulaScope,
  language: Language,
  report: Report
): Promise<Activity> {
  report({ kind: "formulas", action });
  try {
    const result =
      action === "makePortable"
        ? await workbook.makePortable(scope, language)
        : action === "restore"
          ? await workbook.restoreFormulas(scope)
          : await workbook.repairFormulas(scope);
    return { kind: "formulasDone", result };
  } catch (error) {
    return { kind: "formulasFailed", action, error };
  }
}

/** Results in the order of the tables asked for (the engine's first, then the pane's own), anything else after. */
export function inTableOrder(tables: readonly TrackedTable[], results: readonly RefreshTableResult[]): RefreshTableResult[] {
  const rank = new Map(tables.map((table, i) => [table.tableName, i] as const));
  const at = (r: RefreshTableResult) => rank.get(r.tableName) ?? tables.length;
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => at(a.r) - at(b.r) || a.i - b.i)
    .map(({ r }) => r);
}
