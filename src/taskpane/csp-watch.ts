/**
 * Records the Content-Security-Policy violations the page sees, for the diagnostics' CSP check.
 * Started as soon as the pane's script runs (src/taskpane/index.tsx, the workbench's index.tsx).
 * The browser fires `securitypolicyviolation` at the element or document whose request or code
 * was refused, and it bubbles to the document
 * (https://developer.mozilla.org/docs/Web/API/Element/securitypolicyviolation_event,
 * https://w3c.github.io/webappsec-csp/#report-violation). What happened before the script ran
 * (e.g. while Office.js loaded) is not seen. Kept small (it is in the scripts the pane loads up
 * front, which are at their budget): it keeps the events, and the diagnostics read them.
 */
import type { CspViolation } from "../sheet/diagnostics";

/** At most this many are kept (a page refusing something in a loop must not grow without end). */
export const MAX_CSP_VIOLATIONS_KEPT = 1000;

/** Starts recording; returns the list of what was seen since, oldest first (read-only, kept up to date). */
export function watchCsp(target: Pick<Document, "addEventListener">): () => readonly CspViolation[] {
  const seen: CspViolation[] = [];
  target.addEventListener("securitypolicyviolation", (e) => {
    if (seen.length < MAX_CSP_VIOLATIONS_KEPT) seen.push(e as CspViolation);
  });
  return () => seen;
}
