/**
 * The Share tab (issue 20; the actions are issue 13's): the scope, Make portable, Restore and
 * Repair, and the status line of these actions, whether a button here or on the ribbon started
 * them. A chunk of its own, loaded when the tab is first opened (or a ribbon Share command runs).
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { FormulaAction, FormulaScope } from "../../sheet/workbook";
import { thrownMessage } from "../errors";
import type { I18n } from "../i18n-context";
import { textOf, useText } from "../text";
import type { Activity } from "../shell/activity";
import { errorView, StatusSlot, type StatusView } from "../shell/Status";
import { FormulaReport, formulaSummary, needsAttention } from "./FormulaReport";
import { ShareFormulas } from "./ShareFormulas";
import { SHARE_MESSAGES } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  text: { margin: 0 },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  cells: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export interface ShareTabProps {
  busy: boolean;
  scope: FormulaScope;
  onScope(scope: FormulaScope): void;
  onRun(action: FormulaAction, scope: FormulaScope): void;
}

/** The share actions' status line: running, the report, or the failure. */
function useDescribe(): (activity: Activity, i18n: I18n) => StatusView | null {
  const styles = useStyles();
  return (activity, { language }) => {
    const t = textOf(SHARE_MESSAGES, language);
    switch (activity.kind) {
      case "formulas": {
        const line = t("running", { action: t(activity.action) });
        return { intent: "progress", summary: line, progress: { label: line } };
      }
      case "formulasDone":
        return {
          intent: needsAttention(activity.result) ? "info" : "success",
          summary: formulaSummary(t, activity.result),
          details: (
            <FormulaReport
              text={t}
              result={activity.result}
              classes={{ text: styles.text, list: styles.list, cells: mergeClasses(styles.list, styles.cells) }}
            />
          ),
        };
      case "formulasFailed":
        return errorView(t("failed", { action: t(activity.action) }), thrownMessage(language, activity.error));
      default:
        return null;
    }
  };
}

export default function ShareTab({ busy, scope, onScope, onRun }: ShareTabProps) {
  const t = useText(SHARE_MESSAGES);
  const styles = useStyles();
  const describe = useDescribe();
  return (
    <section className={styles.root} aria-labelledby="pane-share-heading">
      <h2 id="pane-share-heading" className={styles.heading}>
        {t("heading")}
      </h2>
      <ShareFormulas text={t} busy={busy} scope={scope} onScope={onScope} onRun={onRun} />
      <p className={styles.note}>{t("ribbonNote")}</p>
      <StatusSlot place="share" describe={describe} />
    </section>
  );
}
