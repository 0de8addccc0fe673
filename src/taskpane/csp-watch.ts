/**
 * Records the Content-Security-Policy violations the page sees, for the diagnostics' CSP check.
 * Started as soon as the pane's script runs (src/taskpane/index.tsx, the workbench's index.tsx).
 * The browser fires `securitypolicyviolation` at the element or document whose request or code
 * was refused, and it bubbles to the document
 * (https://developer.mozilla.org/docs/Web/API/Element/securitypolicyviolation_event,
 * https://w3c.github.io/webappsec-csp/#report-violation). What happened before the script ran
 * (e.g. while Office.js loaded) is not seen.
 */
import type { CspViolation } from "../sheet/diagnostics";

/** At most this many are kept (a page refusing something in a loop must not grow without end). */
export const MAX_CSP_VIOLATIONS_KEPT = 1000;

export interface CspWatch {
  /** The violations seen since the watch started, oldest first. */
  violations(): readonly CspViolation[];
  stop(): void;
}

/** The parts of SecurityPolicyViolationEvent this reads (jsdom has no such event class). */
interface ViolationEventLike {
  effectiveDirective?: string;
  violatedDirective?: string;
  blockedURI?: string;
  sourceFile?: string;
  lineNumber?: number;
  sample?: string;
}

export function violationOf(e: ViolationEventLike): CspViolation {
  return {
    directive: e.effectiveDirective || e.violatedDirective || "(unknown directive)",
    blocked: e.blockedURI || "inline",
    source: e.sourceFile ? `${e.sourceFile}${e.lineNumber ? `:${e.lineNumber}` : ""}` : "",
    sample: (e.sample ?? "").slice(0, 60),
  };
}

export function watchCsp(target: Pick<Document, "addEventListener" | "removeEventListener">): CspWatch {
  const seen: CspViolation[] = [];
  const listener = (event: Event): void => {
    if (seen.length < MAX_CSP_VIOLATIONS_KEPT) seen.push(violationOf(event as unknown as ViolationEventLike));
  };
  target.addEventListener("securitypolicyviolation", listener);
  return {
    violations: () => seen.slice(),
    stop: () => target.removeEventListener("securitypolicyviolation", listener),
  };
}
