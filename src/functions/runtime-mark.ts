/**
 * functions.js marks the global object it runs in, so the pane can tell whether the custom
 * functions run in its own window (the diagnostics' "one runtime" check). In a shared runtime
 * (manifest.xml's <Runtime lifetime="long"/>, used by the task pane and the FunctionFile) Excel
 * runs the functions in the task pane's page, a browser-type runtime, instead of a separate
 * JavaScript-only one, and the two share their global data: "Runtimes in Office Add-ins", Shared
 * runtime (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes#shared-runtime) and
 * "Configure your Office Add-in to use a shared runtime"
 * (https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime).
 * One small namespaced property holding the time functions.js ran; nothing on the functions'
 * call path (and a few bytes in the scripts the pane loads up front, which are at their budget).
 */

/**
 * The global property functions.ts sets when it loads, to the time in ms since 1970
 * (src/excel/diagnostics.ts reads it). Namespaced to the add-in.
 */
export const FUNCTIONS_MARK_KEY = "__aiComputeAnalystFunctions";
