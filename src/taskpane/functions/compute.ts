/** The workbook reads an explanation needs, then the pure explainer (one parser, one runner). */
import { calledFunctions, explainFormula, formulaReferences, type Explanation } from "../../functions/explain";
import type { Language, ReadResult, WorkbookPort } from "../../sheet/workbook";

/**
 * Explains `formula` as it reads on `sheet`: its references are read in one call to the workbook
 * (a workbook that cannot read them leaves them unread, and the explanation says so).
 */
export async function explainInWorkbook(
  workbook: WorkbookPort,
  sheet: string,
  formula: string,
  language: Language,
  element?: { row: number; col: number }
): Promise<Explanation> {
  const refs = formulaReferences(formula);
  const values = new Map<string, ReadResult>();
  if (refs.length > 0 && workbook.readValues) {
    try {
      const read = await workbook.readValues(sheet, refs);
      refs.forEach((r, i) => values.set(r, read[i] ?? { ok: false, reason: "no answer" }));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      for (const r of refs) values.set(r, { ok: false, reason });
    }
  } else {
    for (const r of refs) values.set(r, { ok: false, reason: "this workbook cannot read cells for the pane" });
  }
  return explainFormula(formula, values, { language, ...(element ? { element } : {}) });
}

/** Whether a formula's explanation may change once Epoch AI's tables are loaded (it looks something up). */
export const usesLookups = (formula: string): boolean =>
  calledFunctions(formula).some((id) => id === "MODEL" || id === "CHIP" || id === "DATASET" || id === "DATASETS");
