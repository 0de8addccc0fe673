/**
 * What App.tsx loads, as a chunk of its own, when the pane opens: the "Share a workbook"
 * section's strings and its report. Not in the scripts the pane loads up front, which are at
 * their gzip budget (bench/README.md).
 *
 * Nothing in this chunk may import a module the pane's own scripts hold, other than React (and
 * types): webpack cannot concatenate a module two chunks share into the pane's, and the pane grew
 * by 7 KB gzip when the whole section, with its Fluent imports, was a chunk. So the section's
 * controls (ShareFormulas.tsx) stay in the pane, and the report takes the pane's classes.
 */
export { SHARE_MESSAGES } from "./share-i18n";
export { FormulaReport, needsAttention } from "./components/FormulaReport";
