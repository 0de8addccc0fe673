/**
 * The status line (issue 20): what an action is doing or did, shown in the section the action
 * belongs to, in the page's flow (never over a control), on an opaque surface: a one-line
 * summary ("2 converted · 1 kept as values") with a Details button that opens the rest in place,
 * and Dismiss once the action is over. Errors go in the same place, in the alert region.
 *
 * Each section holds two live regions that are always in the page (a region added together
 * with its text is often not announced): polite for progress and results, assertive for errors.
 */
import { createContext, useContext, useEffect, useId, useRef, useState } from "react";
import type { ReactNode } from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { SkippedFeature } from "../../sheet/workbook";
import { ProgressBar } from "../components/controls";
import { RefreshSummaryLine } from "../data/refresh-totals";
import { DATA_MESSAGES } from "../data/strings";
import { feedFailureMessage, thrownMessage, type ShownError } from "../errors";
import type { MessageKey } from "../i18n";
import { useI18n, type I18n } from "../i18n-context";
import { textOf, useText } from "../text";
import { isBusy, placeOf, type Activity, type StatusPlace } from "./activity";
import { Lazy } from "./Lazy";
import { SHELL_MESSAGES } from "./strings";

const loadRefreshReport = () => import(/* webpackChunkName: "data-details" */ "../data/RefreshSummaryView");

/** How an activity is shown: a progress line and bar, or a box in its colour with optional details. */
export interface StatusView {
  intent: "progress" | "success" | "info" | "error";
  /** One line (it may wrap): what happened, or is happening. */
  summary: ReactNode;
  /** The rest, shown in place under the summary on request. */
  details?: ReactNode;
  /** For progress: the bar's label, and its value of max (no end when absent). */
  progress?: { label: string; value?: number; max?: number };
}

/** Turns an activity into its view; null for one it does not know (another section's describer does). */
export type Describe = (activity: Activity, i18n: I18n) => StatusView | null;

/** The activity, a number that changes with each new one, and how to dismiss it. */
export interface StatusState {
  activity: Activity;
  serial: number;
  dismiss(): void;
}

const StatusContext = createContext<StatusState>({ activity: { kind: "idle" }, serial: 0, dismiss: () => undefined });
export const StatusProvider = StatusContext.Provider;

const useStyles = makeStyles({
  // No gap of its own: an empty line takes no room.
  slot: { display: "flex", flexDirection: "column", minWidth: 0 },
  live: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  line: { margin: 0, overflowWrap: "anywhere" },
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    overflowWrap: "anywhere",
    minWidth: 0,
    color: tokens.colorNeutralForeground1,
  },
  // Opaque fills: the line never lets what is behind it show through.
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, borderLeftColor: tokens.colorPaletteGreenBorder2 },
  info: { backgroundColor: tokens.colorNeutralBackground3, borderLeftColor: tokens.colorNeutralStroke1 },
  error: { backgroundColor: tokens.colorPaletteRedBackground1, borderLeftColor: tokens.colorPaletteRedBorder2 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  summary: { margin: 0, flexGrow: 1, flexBasis: "12em", minWidth: 0, overflowWrap: "anywhere" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  // The hidden attribute must win over the flex display (author CSS beats the browser's [hidden]).
  details: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0, fontSize: tokens.fontSizeBase200, "&[hidden]": { display: "none" } },
  text: { margin: 0 },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * The status line of one section: the current activity when it belongs to `place`. `describe`
 * renders kinds the shell does not know (the Share tab's formula actions), else the shell's own.
 */
export function StatusSlot({ place, describe }: { place: StatusPlace; describe?: Describe }) {
  const { activity, serial, dismiss } = useContext(StatusContext);
  const i18n = useI18n();
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const mine = placeOf(activity) === place;
  const view = mine ? (describe?.(activity, i18n) ?? describeActivity(activity, i18n)) : null;
  const shown = view !== null;

  // A new line in this section is brought into view (the button that started it may be far below).
  useEffect(() => {
    const el = ref.current;
    if (shown && el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
  }, [shown, serial]);

  const box = view ? <StatusBox key={serial} view={view} finished={!isBusy(activity)} onDismiss={dismiss} /> : null;
  return (
    <div ref={ref} className={styles.slot} data-status-slot={place}>
      <div className={styles.live} role="status" aria-live="polite">
        {view && view.intent !== "error" ? box : null}
      </div>
      <div className={styles.live} role="alert" aria-live="assertive">
        {view && view.intent === "error" ? box : null}
      </div>
    </div>
  );
}

function StatusBox({ view, finished, onDismiss }: { view: StatusView; finished: boolean; onDismiss(): void }) {
  const { t } = useI18n();
  const st = useText(SHELL_MESSAGES);
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (view.intent === "progress") {
    return (
      <div className={styles.progress} data-intent="progress">
        <p className={styles.line}>{view.summary}</p>
        <ProgressBar aria-label={view.progress?.label ?? ""} value={view.progress?.value} max={view.progress?.max} />
      </div>
    );
  }
  return (
    <div className={mergeClasses(styles.box, styles[view.intent])} data-intent={view.intent}>
      <div className={styles.row}>
        <p className={styles.summary}>{view.summary}</p>
        <span className={styles.buttons}>
          {view.details ? (
            <Button size="small" aria-expanded={open} aria-controls={id} onClick={() => setOpen((v) => !v)}>
              {open ? st("hideDetails") : st("detailsButton")}
            </Button>
          ) : null}
          {finished ? (
            <Button size="small" onClick={onDismiss}>
              {t("dismiss")}
            </Button>
          ) : null}
        </span>
      </div>
      {view.details ? (
        <div id={id} className={styles.details} hidden={!open}>
          {view.details}
        </div>
      ) : null}
    </div>
  );
}

/** An error's view: the heading and the message on the line, the technical detail under Details. */
export function errorView(heading: string, shown: ShownError): StatusView {
  return {
    intent: "error",
    summary: (
      <>
        <strong>{heading}</strong> {shown.message}
      </>
    ),
    details: shown.detail ? <ErrorDetail detail={shown.detail} /> : undefined,
  };
}

function ErrorDetail({ detail }: { detail: string }) {
  const { t } = useI18n();
  return <p className={useStyles().text}>{t("details", { detail })}</p>;
}

export function progress(line: string, label = line, value?: number, max?: number): StatusView {
  return { intent: "progress", summary: line, progress: { label, value, max } };
}

/** The shell's own activities: inserting and refreshing (the Data tab's). */
export function describeActivity(activity: Activity, i18n: I18n): StatusView | null {
  const { language, t } = i18n;
  const dt = textOf(DATA_MESSAGES, language);
  switch (activity.kind) {
    case "idle":
      return null;
    case "inserting": {
      const line = t("inserting", { title: activity.title[language] });
      return progress(line);
    }
    case "fetching":
      return progress(t("fetchingFeed"), t("progressLabel"));
    case "refreshing": {
      const line = `${t("refreshingTables")}${activity.total > 0 ? ` ${activity.done}/${activity.total}` : ""}`;
      const view = progress(line, t("progressLabel"), activity.total > 0 ? activity.done : undefined, activity.total > 0 ? activity.total : undefined);
      return activity.label ? { ...view, summary: `${line} ${activity.label}` } : view;
    }
    case "inserted": {
      const { result } = activity;
      return {
        intent: result.skipped?.length ? "info" : "success",
        summary: t("insertSuccess", { title: activity.title[language], table: result.tableName, sheet: result.sheetName, address: result.address }),
        details: result.skipped?.length ? <SkippedList skipped={result.skipped} /> : undefined,
      };
    }
    case "refreshed":
      return {
        intent: activity.summary.tables.some((table) => table.status === "failed") ? "info" : "success",
        summary: <RefreshSummaryLine summary={activity.summary} />,
        details:
          activity.summary.tables.length > 0 ? (
            <Lazy load={loadRefreshReport} props={{ summary: activity.summary, columns: activity.columns, failures: activity.failures }} />
          ) : undefined,
      };
    case "notice":
      return { intent: "info", summary: t(activity.key) };
    case "noTableAtSelection":
      return { intent: "info", summary: dt(activity.unsupported ? "selectionUnsupported" : "noTableAtSelection") };
    case "insertFailed":
      return errorView(t("insertFailed", { title: activity.title[language] }), thrownMessage(language, activity.error));
    case "loadFailed":
      return errorView(t("insertFailed", { title: activity.title[language] }), feedFailureMessage(language, activity.failure));
    case "pinFailed":
      return errorView(t("pinFailed", { table: activity.table }), thrownMessage(language, activity.error));
    case "feedFailed":
      return errorView(t("refreshFeedFailed"), feedFailureMessage(language, activity.failure));
    case "refreshFailed":
      return errorView(t(activity.phase === "feed" ? "refreshFeedFailed" : "refreshWorkbookFailed"), thrownMessage(language, activity.error));
    // The Models and Share tabs describe their own (building…, formulas…).
    default:
      return null;
  }
}

/** The message of each feature an older Excel could not add (see SkippedFeature). */
const SKIPPED_MESSAGE: Readonly<Record<SkippedFeature["feature"], MessageKey>> = {
  dropDowns: "skippedDropDowns",
  freezePanes: "skippedFreezePanes",
  chart: "skippedChart",
  chartAxisFormats: "skippedChartAxisFormats",
};

/** What an insert or build left out for a missing requirement set, one line each, and what to do. */
export function SkippedList({ skipped }: { skipped: readonly SkippedFeature[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
      <ul className={styles.list}>
        {skipped.map((s) => (
          <li key={s.feature}>{t(SKIPPED_MESSAGE[s.feature], { requirement: s.requirement })}</li>
        ))}
      </ul>
      <p className={styles.text}>{t("skippedAdvice")}</p>
    </>
  );
}
