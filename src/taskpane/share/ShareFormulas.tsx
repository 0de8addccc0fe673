/**
 * "Share a workbook" (issue 13): a scope (the selection, this sheet, the whole workbook) and three
 * actions on the formulas that call AI.* functions, each with a one-line explanation. The
 * report of what an action did is FormulaReport.tsx; the Share tab (ShareTab.tsx, a chunk of
 * its own) puts them together. The work is the WorkbookPort's (the Excel adapter loads the
 * formula converter on demand): nothing here reads a formula.
 */
import { useId } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { FormulaAction, FormulaScope } from "../../sheet/workbook";
import type { MessageParams } from "../i18n";
import type { ShareKey } from "./strings";
import { Field, RadioGroup } from "../components/controls";

/** A string of the section in the pane's language, its {name}s filled as plain text. */
export type ShareText = (key: ShareKey, params?: MessageParams) => string;

// Each action and scope is also the key of its string (share-i18n.ts checks they all have one).
const ACTIONS: readonly FormulaAction[] = ["makePortable", "restore", "repair"];
const SCOPES: readonly FormulaScope[] = ["selection", "sheet", "workbook"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS, minWidth: 0 },
  hint: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  text: { margin: 0 },
});

export interface ShareFormulasProps {
  text: ShareText;
  busy: boolean;
  /** The scope the actions apply to (the ribbon's Share buttons use it too). */
  scope: FormulaScope;
  onScope(scope: FormulaScope): void;
  onRun(action: FormulaAction, scope: FormulaScope): void;
}

export function ShareFormulas({ text: t, busy, scope, onScope, onRun }: ShareFormulasProps) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.root}>
      <Field group label={t("scopeLabel")}>
        {(_control, labelId) => (
          <RadioGroup<FormulaScope> aria-labelledby={labelId} value={scope} options={SCOPES.map((value) => ({ value, label: t(value) }))} onChange={onScope} />
        )}
      </Field>
      {ACTIONS.map((action) => (
        <div key={action}>
          <Button disabled={busy} aria-describedby={id + action} onClick={() => onRun(action, scope)}>
            {t(action)}
          </Button>
          <p id={id + action} className={styles.hint}>
            {t(`${action}Hint`)}
          </p>
        </div>
      ))}
    </div>
  );
}
