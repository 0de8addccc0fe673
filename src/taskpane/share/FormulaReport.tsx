/**
 * The report of a "Share a workbook" action (issue 13): a summary line ("Make portable (scope:
 * This sheet): 2 converted · 1 kept as values · 0 left alone"), and in its details, per outcome,
 * the cells listed under it (the first MAX_CELLS_LISTED of all), each as "Sheet1!C4: before →
 * after" and its reason. Formulas and reasons are rendered as text, never as markup.
 */
import type { CellOutcome, FormulaAction, FormulaActionResult } from "../../sheet/workbook";
import type { ShareText } from "./ShareFormulas";

/** Worded as "{count} converted" and so on, in this order (each outcome is the key of its string). */
const OUTCOMES: readonly CellOutcome[] = ["converted", "toValue", "restored", "editedSince", "repaired", "stillFailing", "leftAlone"];

/** The outcomes each action reports even when none happened (any other only when it happened). */
const SHOWN: Readonly<Record<FormulaAction, readonly CellOutcome[]>> = {
  makePortable: ["converted", "toValue", "leftAlone"],
  restore: ["restored", "editedSince", "leftAlone"],
  repair: ["repaired", "stillFailing", "leftAlone"],
};

/**
 * Excel's reference to a cell of a sheet: Sheet1!C4, 'Q1 model'!C4 (quoted unless the name is
 * letters, digits, "_" and "." not starting with a digit; a quote inside is doubled).
 * @example cellRef("Q1 model", "B2") // "'Q1 model'!B2"
 */
export function cellRef(sheet: string, address: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Whether a result calls for attention: something was left as it was, or still fails. */
export function needsAttention({ counts }: FormulaActionResult): boolean {
  return counts.leftAlone + counts.editedSince + counts.stillFailing > 0;
}

export interface FormulaReportProps {
  text: ShareText;
  result: FormulaActionResult;
  /** The pane's classes for a line, a list, and the list of cells. */
  classes: { text: string; list: string; cells: string };
}

/** The outcomes a result reports: those its action always names, and any other that happened. */
function reported({ action, counts }: FormulaActionResult): CellOutcome[] {
  return OUTCOMES.filter((o) => SHOWN[action].includes(o) || counts[o] > 0);
}

/**
 * The counts in a line, or that there was nothing to change.
 * @example formulaCounts(t, result) // "2 converted · 1 kept as values · 0 left alone"
 */
export function formulaCounts(t: ShareText, result: FormulaActionResult): string {
  const total = OUTCOMES.reduce((sum, o) => sum + result.counts[o], 0);
  return total === 0 ? t("none") : reported(result).map((o) => t(o, { count: result.counts[o] })).join(" · ");
}

/** The summary line: the action and its scope, then the counts. */
export function formulaSummary(t: ShareText, result: FormulaActionResult): string {
  return t("summary", { report: t("report", { action: t(result.action), scope: t(result.scope) }), counts: formulaCounts(t, result) });
}

/** The details: the sheets looked at, and each outcome with its cells. */
export function FormulaReport({ text: t, result, classes }: FormulaReportProps) {
  const { counts, cells } = result;
  const outcomes = reported(result);
  const total = OUTCOMES.reduce((sum, o) => sum + counts[o], 0);
  return (
    <>
      {result.sheets.length > 0 ? <p className={classes.text}>{t("sheets", { sheets: result.sheets.join(", ") })}</p> : null}
      {total > cells.length ? <p className={classes.text}>{t("listed", { listed: cells.length, total })}</p> : null}
      {total > 0 ? (
        <ul className={classes.list}>
          {outcomes.map((outcome) => {
            const listed = cells.filter((cell) => cell.outcome === outcome);
            return (
              <li key={outcome} data-outcome={outcome}>
                {t(outcome, { count: counts[outcome] })}
                {listed.length > 0 ? (
                  <ul className={classes.cells}>
                    {listed.map((cell) => (
                      <li key={cell.sheet + "!" + cell.address}>
                        {`${cellRef(cell.sheet, cell.address)}: ${cell.before}${cell.after === undefined ? "" : ` → ${cell.after}`}`}
                        {cell.reason ? <br /> : null}
                        {cell.reason ? t("reason", { reason: cell.reason }) : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}
