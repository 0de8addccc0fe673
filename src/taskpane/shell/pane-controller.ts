/**
 * Where the ribbon's commands meet the pane. In Excel's shared runtime the task pane page is
 * the runtime (manifest: one <Runtime> for the pane, the commands and the functions), so the
 * pane is mounted, shown or hidden, whenever a ribbon command runs; it attaches itself here on
 * mount. A command runs through the pane, which opens the command's tab and calls the same
 * action function its own button calls (src/taskpane/actions.ts).
 *
 * Tiny and free of React on purpose: the commands entry (src/commands/commands.ts) imports it
 * and registers the ribbon's handlers at the top level of its script.
 */
import type { FormulaAction } from "../../sheet/workbook";
import type { TabId } from "../tabs";

/** What a ribbon button asks of the pane. */
export type PaneCommand =
  { kind: "openTab"; tab: TabId; focus?: "help" } | { kind: "refreshAll" } | { kind: "refreshSelected" } | { kind: "formulas"; action: FormulaAction };

export interface PaneController {
  /**
   * Opens the command's tab and runs its action, as the pane's own button would (while another
   * action runs, the pane shows that one's progress and does not start this one). Resolves
   * when the action is done; never rejects (a failure is shown in the pane).
   */
  run(command: PaneCommand): Promise<void>;
}

let attached: PaneController | null = null;
let waiting: Array<(controller: PaneController) => void> = [];

/**
 * The mounted pane offers itself to the ribbon.
 * @returns a function that withdraws it (on unmount).
 */
export function attachPane(controller: PaneController): () => void {
  attached = controller;
  const resolve = waiting;
  waiting = [];
  for (const w of resolve) w(controller);
  return () => {
    if (attached === controller) attached = null;
  };
}

/** The mounted pane, waiting up to `timeoutMs` for it to mount; null when it did not. */
export function whenPane(timeoutMs: number): Promise<PaneController | null> {
  if (attached) return Promise.resolve(attached);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting = waiting.filter((w) => w !== take);
      resolve(null);
    }, timeoutMs);
    const take = (controller: PaneController): void => {
      clearTimeout(timer);
      resolve(controller);
    };
    waiting.push(take);
  });
}
