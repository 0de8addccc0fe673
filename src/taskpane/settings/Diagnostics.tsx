/**
 * "Run diagnostics" on the Settings tab (issue 21, item 9): runs the add-in's own checks in the
 * host the pane is in (src/sheet/diagnostics.ts, over the host's DiagnosticsPort from
 * PaneDeps.diagnostics), shows each result as it arrives, and ends with a plain-text report to
 * copy into an email. The shell loads this module lazily (its default export).
 *
 * Copying uses the asynchronous Clipboard API, which a pane's frame may be refused (Office on the
 * web's task panes: OfficeDev/office-js#1991, #3480: "The Clipboard API has been blocked because
 * of a permissions policy"); the report is always in a read-only text box, and when copying is
 * refused it is selected there for Ctrl+C. Everything is rendered as text, never as HTML.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { ReactElement } from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { version as ADDIN_VERSION } from "../../../package.json";
import {
  CHECK_TITLES,
  DIAGNOSTIC_CHECKS,
  OUTCOME_LABELS,
  formatReport,
  runDiagnostics,
  summaryLine,
  type CheckResult,
  type DiagnosticOutcome,
  type DiagnosticsReport,
  type FeedProbe,
} from "../../sheet/diagnostics";
import type { PaneDeps } from "../deps";
import { useI18n } from "../i18n-context";
import { ProgressBar } from "../components/controls";
import { Note } from "../components/ErrorBox";
import { diagnosticsText, type DiagnosticsStringKey } from "./diagnostics-strings";

export interface DiagnosticsProps {
  deps: PaneDeps;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { minWidth: 0 },
  title: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  line: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, whiteSpace: "pre-wrap" },
  duration: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  badge: {
    display: "inline-block",
    marginRight: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  pass: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorPaletteGreenForeground2 },
  warn: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  fail: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2 },
  skipped: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  report: {
    boxSizing: "border-box",
    width: "100%",
    minHeight: "12em",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    resize: "vertical",
  },
  label: { fontSize: tokens.fontSizeBase200 },
});

type RunState =
  { kind: "idle" } | { kind: "running"; results: readonly CheckResult[] } | { kind: "done"; report: DiagnosticsReport } | { kind: "failed"; detail: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The feed the pane uses (the analyst's, else the add-in's own), as the feed check sees it. */
async function probeFeed(deps: PaneDeps): Promise<FeedProbe> {
  let url = deps.defaultFeedUrl;
  try {
    url = deps.settings.getFeedUrl() || url;
  } catch {
    // A setting that cannot be read is the default feed.
  }
  const view = await deps.loadCatalog(url);
  if (view.source.origin === "feed")
    return { ok: true, url, generatedAt: view.generatedAt, datasets: view.entries.map((e) => ({ id: e.id, version: e.version, asOf: e.asOf })) };
  const reason = view.offlineReason;
  return {
    ok: false,
    url,
    kind: reason?.kind ?? "offline",
    ...(reason?.status !== undefined ? { status: reason.status } : {}),
    detail: reason?.detail ?? "",
  };
}

/** The page without its query (Office adds one), for the report. */
function pageOf(): string {
  return typeof location === "undefined" ? "" : `${location.origin}${location.pathname}`;
}

function Outcome({ outcome }: { outcome: DiagnosticOutcome }) {
  const { language } = useI18n();
  const styles = useStyles();
  return <span className={mergeClasses(styles.badge, styles[outcome])}>{OUTCOME_LABELS[outcome][language]}</span>;
}

function ResultList({ results }: { results: readonly CheckResult[] }) {
  const { language } = useI18n();
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label={diagnosticsText(language, "results")}>
      {results.map((r) => (
        <li key={r.id} className={styles.item} data-check={r.id} data-outcome={r.outcome}>
          <p className={styles.title}>
            <Outcome outcome={r.outcome} />
            {CHECK_TITLES[r.id][language]} <span className={styles.duration}>({diagnosticsText(language, "duration", { ms: Math.round(r.durationMs) })})</span>
          </p>
          {r.lines[language].map((line, i) => (
            <p key={i} className={styles.line}>
              {line}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}

export default function Diagnostics({ deps }: DiagnosticsProps): ReactElement {
  const { language } = useI18n();
  const styles = useStyles();
  const s = (key: DiagnosticsStringKey, params?: Record<string, string | number>) => diagnosticsText(language, key, params);
  const [state, setState] = useState<RunState>({ kind: "idle" });
  const [copy, setCopy] = useState<"copied" | "refused" | null>(null);
  const reportBox = useRef<HTMLTextAreaElement>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const diagnostics = deps.diagnostics;
  const text = useMemo(
    () =>
      state.kind === "done"
        ? formatReport(state.report, language, {
            addinVersion: ADDIN_VERSION,
            page: pageOf(),
            userAgent: typeof navigator === "undefined" ? "" : navigator.userAgent,
          })
        : "",
    [state, language]
  );

  if (!diagnostics) {
    return (
      <section className={styles.root} aria-labelledby="pane-diagnostics-heading">
        <h3 id="pane-diagnostics-heading" className={styles.heading}>
          {s("heading")}
        </h3>
        <p className={styles.text}>{s("unavailable")}</p>
      </section>
    );
  }

  const run = async () => {
    if (state.kind === "running") return;
    setCopy(null);
    setState({ kind: "running", results: [] });
    try {
      const port = await diagnostics.loadPort();
      const report = await runDiagnostics(
        {
          port,
          feed: () => probeFeed(deps),
          cspViolations: () => diagnostics.cspViolations(),
          now: () => (typeof performance !== "undefined" ? performance.now() : Date.now()),
        },
        (result) => {
          if (live.current) setState((prev) => (prev.kind === "running" ? { kind: "running", results: [...prev.results, result] } : prev));
        }
      );
      if (live.current) setState({ kind: "done", report });
    } catch (error) {
      if (live.current) setState({ kind: "failed", detail: messageOf(error) });
    }
  };

  const copyReport = async () => {
    try {
      if (typeof navigator === "undefined" || !navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setCopy("copied");
    } catch {
      setCopy("refused");
      reportBox.current?.focus();
      reportBox.current?.select();
    }
  };

  const running = state.kind === "running";
  const results = state.kind === "running" ? state.results : state.kind === "done" ? state.report.results : [];
  const next = state.kind === "running" ? DIAGNOSTIC_CHECKS[state.results.length] : undefined;

  return (
    <section className={styles.root} aria-labelledby="pane-diagnostics-heading">
      <h3 id="pane-diagnostics-heading" className={styles.heading}>
        {s("heading")}
      </h3>
      <p className={styles.text}>{s("intro")}</p>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running} onClick={() => void run()}>
          {state.kind === "done" ? s("runAgain") : s("run")}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {state.kind === "running" ? (
          <>
            <p className={styles.text}>
              {s("running", { done: state.results.length + 1, total: DIAGNOSTIC_CHECKS.length, title: next ? CHECK_TITLES[next][language] : "" })}
            </p>
            <ProgressBar aria-label={s("heading")} value={state.results.length} max={DIAGNOSTIC_CHECKS.length} />
          </>
        ) : state.kind === "done" ? (
          <p className={styles.text}>{s("done", { summary: summaryLine(state.report.results, language) })}</p>
        ) : null}
      </div>
      {state.kind === "failed" ? (
        <Note intent="error" detail={state.detail}>
          <p className={styles.text}>{s("failedToStart")}</p>
        </Note>
      ) : null}
      {results.length > 0 ? <ResultList results={results} /> : null}
      {state.kind === "done" ? (
        <>
          <div className={styles.actions}>
            <Button onClick={() => void copyReport()}>{s("copy")}</Button>
          </div>
          <div role="status" aria-live="polite">
            {copy ? <p className={styles.text}>{s(copy === "copied" ? "copied" : "copyRefused")}</p> : null}
          </div>
          <label className={styles.label} htmlFor="pane-diagnostics-report">
            {s("reportLabel")}
          </label>
          <textarea id="pane-diagnostics-report" ref={reportBox} className={styles.report} readOnly spellCheck={false} value={text} rows={14} />
        </>
      ) : null}
    </section>
  );
}
