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
import type { CSSProperties, ReactElement, ReactNode } from "react";
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
import { diagnosticsText, type DiagnosticsStringKey } from "./diagnostics-strings";

export interface DiagnosticsProps {
  deps: PaneDeps;
}

/** A Fluent UI theme token: the CSS variable FluentProvider sets (what `tokens.x` stands for). */
const token = (name: string): string => `var(--${name})`;

/**
 * Styles as style objects (set through the CSSOM, which the Content-Security-Policy does not
 * restrict) on native elements, drawn with Fluent's theme variables. This module is a chunk the
 * pane loads when the tab opens, and it imports nothing the pane's up-front scripts hold other
 * than React and the pane's i18n context: webpack cannot concatenate a module two chunks share,
 * and the pane's scripts grew by 7 KB gzip, past their budget, when this chunk imported Fluent's
 * Button and tokens (share-chunk.ts records the same lesson).
 */
const S = {
  root: { display: "flex", flexDirection: "column", gap: token("spacingVerticalS"), minWidth: 0 },
  heading: { margin: 0, fontSize: token("fontSizeBase400"), lineHeight: token("lineHeightBase400"), fontWeight: token("fontWeightSemibold") },
  text: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: token("spacingHorizontalS"), alignItems: "center" },
  list: { margin: 0, paddingLeft: token("spacingHorizontalL"), display: "flex", flexDirection: "column", gap: token("spacingVerticalS") },
  item: { minWidth: 0 },
  title: { margin: 0, fontWeight: token("fontWeightSemibold") },
  line: { margin: 0, fontSize: token("fontSizeBase200"), color: token("colorNeutralForeground2"), whiteSpace: "pre-wrap" },
  duration: { fontWeight: token("fontWeightRegular"), color: token("colorNeutralForeground3"), fontSize: token("fontSizeBase200") },
  badge: {
    display: "inline-block",
    marginRight: token("spacingHorizontalXS"),
    padding: `0 ${token("spacingHorizontalXS")}`,
    borderRadius: token("borderRadiusSmall"),
    fontSize: token("fontSizeBase200"),
    fontWeight: token("fontWeightSemibold"),
  },
  report: {
    boxSizing: "border-box",
    width: "100%",
    minHeight: "12em",
    fontFamily: token("fontFamilyMonospace"),
    fontSize: token("fontSizeBase200"),
    padding: token("spacingHorizontalS"),
    border: `${token("strokeWidthThin")} solid ${token("colorNeutralStroke1")}`,
    borderRadius: token("borderRadiusMedium"),
    backgroundColor: token("colorNeutralBackground1"),
    color: token("colorNeutralForeground1"),
    resize: "vertical",
  },
  label: { fontSize: token("fontSizeBase200") },
  error: {
    display: "flex",
    flexDirection: "column",
    gap: token("spacingVerticalXXS"),
    padding: `${token("spacingVerticalS")} ${token("spacingHorizontalM")}`,
    borderRadius: token("borderRadiusMedium"),
    borderLeft: `${token("strokeWidthThickest")} solid ${token("colorPaletteRedBorder2")}`,
    backgroundColor: token("colorPaletteRedBackground1"),
    overflowWrap: "anywhere",
  },
  progress: { width: "100%", height: "2px", accentColor: token("colorCompoundBrandBackground") },
} satisfies Record<string, CSSProperties>;

const OUTCOME_STYLE: Readonly<Record<DiagnosticOutcome, CSSProperties>> = {
  pass: { backgroundColor: token("colorPaletteGreenBackground2"), color: token("colorPaletteGreenForeground2") },
  warn: { backgroundColor: token("colorPaletteYellowBackground2"), color: token("colorNeutralForeground1") },
  fail: { backgroundColor: token("colorPaletteRedBackground2"), color: token("colorPaletteRedForeground2") },
  skipped: { backgroundColor: token("colorNeutralBackground3"), color: token("colorNeutralForeground2") },
};

/** A button drawn as Fluent's medium Button (primary or secondary). */
function PaneButton({ primary, disabled, onClick, children }: { primary?: boolean; disabled?: boolean; onClick(): void; children: ReactNode }) {
  const style: CSSProperties = {
    minWidth: "96px",
    minHeight: "32px",
    padding: `5px ${token("spacingHorizontalM")}`,
    borderRadius: token("borderRadiusMedium"),
    border: `${token("strokeWidthThin")} solid ${disabled ? token("colorNeutralStrokeDisabled") : primary ? "transparent" : token("colorNeutralStroke1")}`,
    backgroundColor: disabled ? token("colorNeutralBackgroundDisabled") : primary ? token("colorBrandBackground") : token("colorNeutralBackground1"),
    color: disabled ? token("colorNeutralForegroundDisabled") : primary ? token("colorNeutralForegroundOnBrand") : token("colorNeutralForeground1"),
    fontFamily: token("fontFamilyBase"),
    fontSize: token("fontSizeBase300"),
    lineHeight: token("lineHeightBase300"),
    fontWeight: token("fontWeightSemibold"),
    cursor: disabled ? "not-allowed" : "pointer",
  };
  return (
    <button type="button" style={style} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}

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
  return <span style={{ ...S.badge, ...OUTCOME_STYLE[outcome] }}>{OUTCOME_LABELS[outcome][language]}</span>;
}

function ResultList({ results }: { results: readonly CheckResult[] }) {
  const { language } = useI18n();
  return (
    <ol style={S.list} aria-label={diagnosticsText(language, "results")}>
      {results.map((r) => (
        <li key={r.id} style={S.item} data-check={r.id} data-outcome={r.outcome}>
          <p style={S.title}>
            <Outcome outcome={r.outcome} />
            {CHECK_TITLES[r.id][language]} <span style={S.duration}>({diagnosticsText(language, "duration", { ms: Math.round(r.durationMs) })})</span>
          </p>
          {r.lines[language].map((line, i) => (
            <p key={i} style={S.line}>
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
      <section style={S.root} aria-labelledby="pane-diagnostics-heading">
        <h2 id="pane-diagnostics-heading" style={S.heading}>
          {s("heading")}
        </h2>
        <p style={S.text}>{s("unavailable")}</p>
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
    <section style={S.root} aria-labelledby="pane-diagnostics-heading">
      <h2 id="pane-diagnostics-heading" style={S.heading}>
        {s("heading")}
      </h2>
      <p style={S.text}>{s("intro")}</p>
      <div style={S.actions}>
        <PaneButton primary disabled={running} onClick={() => void run()}>
          {state.kind === "done" ? s("runAgain") : s("run")}
        </PaneButton>
      </div>
      <div role="status" aria-live="polite">
        {state.kind === "running" ? (
          <>
            <p style={S.text}>
              {s("running", { done: state.results.length + 1, total: DIAGNOSTIC_CHECKS.length, title: next ? CHECK_TITLES[next][language] : "" })}
            </p>
            <progress style={S.progress} aria-label={s("heading")} value={state.results.length} max={DIAGNOSTIC_CHECKS.length} />
          </>
        ) : state.kind === "done" ? (
          <p style={S.text}>{s("done", { summary: summaryLine(state.report.results, language) })}</p>
        ) : null}
      </div>
      {state.kind === "failed" ? (
        <div role="alert" style={S.error}>
          <p style={S.text}>{s("failedToStart")}</p>
          <p style={S.line}>{state.detail}</p>
        </div>
      ) : null}
      {results.length > 0 ? <ResultList results={results} /> : null}
      {state.kind === "done" ? (
        <>
          <div style={S.actions}>
            <PaneButton onClick={() => void copyReport()}>{s("copy")}</PaneButton>
          </div>
          <div role="status" aria-live="polite">
            {copy ? <p style={S.text}>{s(copy === "copied" ? "copied" : "copyRefused")}</p> : null}
          </div>
          <label style={S.label} htmlFor="pane-diagnostics-report">
            {s("reportLabel")}
          </label>
          <textarea id="pane-diagnostics-report" ref={reportBox} style={S.report} readOnly spellCheck={false} value={text} rows={14} />
        </>
      ) : null}
    </section>
  );
}
