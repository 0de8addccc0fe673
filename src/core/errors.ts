/**
 * Cell errors are values, not exceptions: a small closed set, each carrying a message that
 * says what is wrong. The Excel wrapper turns them into CustomFunctions.Error; the
 * HyperFormula plugin into its own CellError. API misuse (a bug) throws a plain Error.
 */

/** The codes we return, named as CustomFunctions.ErrorCode names them. */
export type ErrorCode = "invalidValue" | "invalidNumber" | "notAvailable" | "divisionByZero";

/** How each code displays in a cell. */
export const ERROR_TEXT: Readonly<Record<ErrorCode, string>> = {
  invalidValue: "#VALUE!",
  invalidNumber: "#NUM!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
};

export class CellError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string
  ) {}

  /** "#NUM! chips must be greater than 0, got -1" — for logs, tests and the workbench. */
  toString(): string {
    return `${ERROR_TEXT[this.code]} ${this.message}`;
  }
}

export function isCellError(value: unknown): value is CellError {
  return value instanceof CellError;
}

export const valueError = (message: string): CellError => new CellError("invalidValue", message);
export const numError = (message: string): CellError => new CellError("invalidNumber", message);
export const naError = (message: string): CellError => new CellError("notAvailable", message);
export const divError = (message: string): CellError => new CellError("divisionByZero", message);
