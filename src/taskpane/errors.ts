/**
 * Turning failures into words an analyst understands, with what to do next: feed failures by
 * kind, workbook failures by WorkbookError code, anything else as "unexpected".
 */
import type { Language } from "../sheet/workbook";
import { WorkbookError } from "../sheet/workbook";
import type { FeedFailure } from "./deps";
import type { MessageKey } from "./i18n";
import { t } from "./i18n";

/** A message to show, and optionally the technical detail beneath it. */
export interface ShownError {
  message: string;
  detail?: string;
}

const FEED_KEYS: Readonly<Record<FeedFailure["kind"], MessageKey>> = {
  offline: "errOffline",
  http: "errHttp",
  timeout: "errTimeout",
  invalid: "errInvalid",
  tooLarge: "errTooLarge",
  insecureUrl: "errInsecureUrl",
};

type WorkbookErrorCode = WorkbookError["code"];

const WORKBOOK_KEYS: Readonly<Record<WorkbookErrorCode, MessageKey>> = {
  noSelection: "errNoSelection",
  targetNotEmpty: "errTargetNotEmpty",
  sheetNameTaken: "errSheetNameTaken",
  tableMissing: "errTableMissing",
  tooLarge: "errWorkbookTooLarge",
  excelRejected: "errExcelRejected",
};

export function feedFailureMessage(language: Language, failure: FeedFailure): ShownError {
  const key = FEED_KEYS[failure.kind] ?? "errUnknown";
  const message = t(language, key, { status: failure.status ?? "?", detail: failure.detail });
  // "invalid" already quotes the validator's message; the others keep it as a detail line.
  const detail = failure.kind === "invalid" || failure.detail.trim() === "" ? undefined : failure.detail;
  return detail === undefined ? { message } : { message, detail };
}

function isWorkbookError(error: unknown): error is WorkbookError {
  if (error instanceof WorkbookError) return true;
  // Tolerate a second copy of the class (another bundle): same name, known code.
  if (!(error instanceof Error) || error.name !== "WorkbookError") return false;
  const code: unknown = (error as Error & { code?: unknown }).code;
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(WORKBOOK_KEYS, code);
}

/** Any thrown value (a WorkbookError or an unexpected failure) as a message. */
export function thrownMessage(language: Language, error: unknown): ShownError {
  const text = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const message = isWorkbookError(error) ? t(language, WORKBOOK_KEYS[error.code]) : t(language, "errUnknown");
  return text.trim() === "" ? { message } : { message, detail: text };
}
