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
  missing: "errMissing",
};

/** Shorter, per table: why one dataset of a feed could not be had (the summary names the table). */
const TABLE_FAILURE_KEYS: Readonly<Record<FeedFailure["kind"], MessageKey>> = {
  offline: "failOffline",
  http: "failHttp",
  timeout: "failTimeout",
  invalid: "failInvalid",
  tooLarge: "failTooLarge",
  insecureUrl: "failInsecureUrl",
  missing: "failMissing",
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
  // "invalid" and "missing" already quote the detail; the others keep it as a detail line.
  const detail = failure.kind === "invalid" || failure.kind === "missing" || failure.detail.trim() === "" ? undefined : failure.detail;
  return detail === undefined ? { message } : { message, detail };
}

/**
 * Why a table was not refreshed because its dataset could not be had, in a line.
 * @example tableFailureReason("en", { kind: "http", status: 404, detail: "x.json: …" }) // "The feed answered HTTP 404 for this dataset."
 */
export function tableFailureReason(language: Language, failure: FeedFailure): string {
  return t(language, TABLE_FAILURE_KEYS[failure.kind] ?? "errUnknown", { status: failure.status ?? "?", detail: failure.detail });
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
