/**
 * "Share a workbook" (issue 13): a scope (the selection, this sheet, the whole workbook) and three
 * actions on the formulas that call AI.* functions, each with a one-line explanation; and what
 * the pane's status area shows while an action runs or when it failed. The report of what it
 * did is FormulaReport.tsx.
 *
 * The strings come in `text`: they and the report are a chunk loaded when the pane opens
 * (share-chunk.ts says why). The work is the WorkbookPort's (the Excel adapter loads the formula
 * converter on demand): nothing here reads a formula.
 */
import { useId, useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { FormulaAction, FormulaScope } from "../../sheet/workbook";
import type { MessageParams } from "../i18n";
import type { ShareKey } from "../share-i18n";
import { Field, ProgressBar, RadioGroup } from "./controls";
import { ErrorBox, type ErrorBoxProps } from "./ErrorBox";

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
  onRun(action: FormulaAction, scope: FormulaScope): void;
}

export function ShareFormulas({ text: t, busy, onRun }: ShareFormulasProps) {
  const styles = useStyles();
  const [scope, setScope] = useState<FormulaScope>("sheet");
  const id = useId();
  return (
    <div className={styles.root}>
      <Field group label={t("scopeLabel")}>
        {(_control, labelId) => (
          <RadioGroup<FormulaScope> aria-labelledby={labelId} value={scope} options={SCOPES.map((value) => ({ value, label: t(value) }))} onChange={setScope} />
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

/** While an action runs: its name, and a progress bar without an end. */
export function FormulaProgress({ text: t, action }: { text: ShareText; action: FormulaAction }) {
  const line = t("running", { action: t(action) });
  return (
    <>
      <p className={useStyles().text}>{line}</p>
      <ProgressBar aria-label={line} />
    </>
  );
}

/** An action that failed: which one, then the workbook's error in words (see errors.ts). */
export function FormulaError({ text: t, action, shown }: { text: ShareText; action: FormulaAction; shown: ErrorBoxProps }) {
  return <ErrorBox {...shown} heading={t("failed", { action: t(action) })} />;
}
