/**
 * The report of a "Share a workbook" action (issue 13): per outcome, how many cells in words,
 * with the cells listed under it (the first MAX_CELLS_LISTED of all), each as
 * "Sheet1!C4: before → after" and its reason. Formulas and reasons are rendered as text, never
 * as markup.
 *
 * Part of the chunk share-chunk.ts, so it imports nothing the pane's own scripts hold (only
 * types and React): its look comes from the pane's classes.
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

export function FormulaReport({ text: t, result, classes }: FormulaReportProps) {
  const { action, counts, cells } = result;
  const outcomes = OUTCOMES.filter((o) => SHOWN[action].includes(o) || counts[o] > 0);
  const total = OUTCOMES.reduce((sum, o) => sum + counts[o], 0);
  return (
    <>
      <p className={classes.text}>
        <strong>{t("report", { action: t(action), scope: t(result.scope) })}</strong>
      </p>
      {result.sheets.length > 0 ? <p className={classes.text}>{t("sheets", { sheets: result.sheets.join(", ") })}</p> : null}
      {total === 0 ? <p className={classes.text}>{t("none")}</p> : null}
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
