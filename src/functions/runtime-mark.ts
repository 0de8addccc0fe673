/**
 * functions.js marks the global object it runs in, so the pane can tell whether the custom
 * functions run in its own window (the diagnostics' "one runtime" check). In a shared runtime
 * (manifest.xml's <Runtime lifetime="long"/>, used by the task pane and the FunctionFile) Excel
 * runs the functions in the task pane's page, a browser-type runtime, instead of a separate
 * JavaScript-only one, and the two share their global data: "Runtimes in Office Add-ins", Shared
 * runtime (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes#shared-runtime) and
 * "Configure your Office Add-in to use a shared runtime"
 * (https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime).
 * One small namespaced property; nothing on the functions' call path.
 */

/** The global property functions.js sets (namespaced to the add-in). */
export const FUNCTIONS_MARK_KEY = "__aiComputeAnalystFunctions";

export interface FunctionsMark {
  /** When functions.js ran (ISO). */
  loadedAt: string;
  /** Office's CustomFunctions API was present where it ran (the custom-functions runtime provides it). */
  customFunctionsApi: boolean;
}

type Global = Record<string, unknown>;

/** Called once by functions.ts when it loads. */
export function markFunctionsRuntime(global: object = globalThis, now: () => Date = () => new Date()): void {
  const mark: FunctionsMark = { loadedAt: now().toISOString(), customFunctionsApi: typeof (global as Global).CustomFunctions !== "undefined" };
  (global as Global)[FUNCTIONS_MARK_KEY] = Object.freeze(mark);
}

/** The mark functions.js left in `global`, or null when it has not run there. */
export function readFunctionsMark(global: object = globalThis): FunctionsMark | null {
  const v = (global as Global)[FUNCTIONS_MARK_KEY];
  if (typeof v !== "object" || v === null) return null;
  const m = v as Partial<FunctionsMark>;
  return typeof m.loadedAt === "string" ? { loadedAt: m.loadedAt, customFunctionsApi: m.customFunctionsApi === true } : null;
}
