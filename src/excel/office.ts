/**
 * What every Excel call needs and nothing more: the ExcelApi requirement-set check and the code
 * of an Office.js error. Apart from apply-plan.ts (which re-exports them) so that the pane's
 * first scripts hold only these, while the plan-applying code loads with the first insert or
 * refresh (excel-workbook.ts).
 */

/** Checks an ExcelApi requirement set, e.g. supports("1.13"). */
export type SupportsFn = (version: string) => boolean;

/** Excel's own check; false outside Office (tests pass their own). */
export const officeSupports: SupportsFn = (version) => {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
};

/** The error code of an Office.js rejection ("InvalidArgument", "ItemNotFound"…), if any. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}
