/*
 * Ribbon commands: the handlers of the manifest's ExecuteFunction buttons (ribbon.ts), associated
 * at the top level of this script, which taskpane.html (the shared runtime's page, the manifest's
 * FunctionFile) loads before the pane's own: a late association makes a button on Excel on the
 * web need two clicks (OfficeDev/office-js#2744). Each handler calls event.completed() when its
 * command is done (Office times a command out after 5 minutes).
 * https://learn.microsoft.com/javascript/api/manifest/action (ExecuteFunction, FunctionName)
 */
import { registerRibbon } from "./ribbon";

registerRibbon(
  (id, handler) => Office.actions.associate(id, handler),
  () => Office.addin.showAsTaskpane()
);
