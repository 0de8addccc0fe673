/**
 * The ribbon's function commands (manifest.xml: <Action xsi:type="ExecuteFunction">): each
 * <FunctionName> and the pane command it runs. tests/manifest checks that this table and the
 * manifest's FunctionNames are the same set, so no button is left without a handler.
 *
 * Every command runs through the mounted pane (pane-controller.ts), which calls the same action
 * function as its own button; the ribbon has no copy of an action. The result is shown in the
 * pane, which is then shown (Office.addin.showAsTaskpane, SharedRuntime 1.1): Excel has no
 * notification API for task pane add-ins, and the pane is where the result's details are.
 * https://learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in
 */
import type { PaneCommand } from "../taskpane/shell/pane-controller";
import { whenPane } from "../taskpane/shell/pane-controller";

export const RIBBON_COMMANDS = {
  showDatasets: { kind: "openTab", tab: "data" },
  refreshAll: { kind: "refreshAll" },
  refreshSelection: { kind: "refreshSelected" },
  showModels: { kind: "openTab", tab: "models" },
  showFunctions: { kind: "openTab", tab: "functions" },
  makePortable: { kind: "formulas", action: "makePortable" },
  restoreFormulas: { kind: "formulas", action: "restore" },
  repairFormulas: { kind: "formulas", action: "repair" },
  showSettings: { kind: "openTab", tab: "settings" },
  showHelp: { kind: "openTab", tab: "settings", focus: "help" },
} as const satisfies Readonly<Record<string, PaneCommand>>;

export type RibbonFunctionName = keyof typeof RIBBON_COMMANDS;

/** What Office passes an ExecuteFunction handler: it must call completed() when done. */
export interface CommandEvent {
  completed(): void;
}

/** Office.actions.associate, or the workbench's stand-in. */
export type Associate = (actionId: string, handler: (event?: CommandEvent) => void) => void;

/** How long a command waits for the pane to mount (the runtime page loads on the first command). */
export const PANE_WAIT_MS = 30_000;

/**
 * Runs one command: waits for the pane, has it run the command, then shows the pane (for a tab
 * at once; for an action once it is done, with its result). Never rejects.
 */
export async function runRibbonCommand(command: PaneCommand, show: () => Promise<void>, waitMs = PANE_WAIT_MS): Promise<void> {
  const shown = (): Promise<void> => show().catch(() => undefined);
  const pane = await whenPane(waitMs);
  if (!pane) return shown();
  await pane.run(command);
  await shown();
}

/**
 * Associates every ribbon function with its handler. Call it at the top level of the runtime's
 * entry script: associating late (after an await or a lazy import) makes a ribbon button on
 * Excel on the web need two clicks (OfficeDev/office-js#2744).
 * @example registerRibbon((id, f) => Office.actions.associate(id, f), () => Office.addin.showAsTaskpane())
 */
export function registerRibbon(associate: Associate, show: () => Promise<void>, waitMs = PANE_WAIT_MS): void {
  for (const [name, command] of Object.entries(RIBBON_COMMANDS) as [RibbonFunctionName, PaneCommand][]) {
    associate(name, (event) => {
      void runRibbonCommand(command, show, waitMs).finally(() => event?.completed());
    });
  }
}
