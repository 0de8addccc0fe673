/*
 * Ribbon commands. The add-in's one ribbon button opens the task pane through ShowTaskpane,
 * which needs no code; this entry exists because the manifest's FunctionFile points at the
 * shared runtime page, where ExecuteFunction handlers are registered with Office.actions.
 */
Office.onReady(() => {
  // Nothing to associate yet: ShowTaskpane is declarative.
});
