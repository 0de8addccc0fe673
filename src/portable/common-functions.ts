/**
 * Functions every spreadsheet has: a portable model must compute wherever a reader opens it, so
 * every function a portable template or a native form calls is on this list (issue 21;
 * tests/portable/common-functions.test.ts scans them all). The list is the intersection of:
 * - Excel 2010 and later: the functions Excel stores without the `_xlfn.` prefix of functions
 *   newer than Excel 2007 (ECMA-376 Part 1 §18.17.7; [MS-XLSX] 2.2.2 "future functions"), which
 *   is why CEILING.MATH and RRI (Excel 2013) are not here;
 * - LibreOffice Calc: the names it reads from .xlsx without a prefix
 *   (formula/inc/core_resource.hrc, RID_STRLIST_FUNCTION_NAMES_ENGLISH_OOXML) and its Analysis
 *   add-in (scaddins/source/analysis/analysishelper.cxx: EDATE, EOMONTH, WORKDAY, YEARFRAC,
 *   MROUND, QUOTIENT, RANDBETWEEN, XIRR, XNPV);
 * - Gnumeric: every name checked against the functions its plugins register
 *   (plugins/fn-*\/plugin.xml.in) and src/func-builtin.c (SUM, PRODUCT, IF); the *IFS functions
 *   since Gnumeric 1.12.31 (2016);
 * - Google Sheets: its function list, https://support.google.com/docs/table/25273.
 * A name on the list says the function exists everywhere, not that every engine takes every
 * argument alike (CEILING's significance may be left out in LibreOffice and Gnumeric, not in
 * Excel): templates keep to arguments all four read the same way.
 */
import { parseFormula, type FormulaNode } from "../formula/parse";

/** By category, as the four function lists group them; names separated by spaces. */
// prettier-ignore
const BY_CATEGORY: Readonly<Record<string, string>> = {
  math:
    "ABS ACOS ACOSH ASIN ASINH ATAN ATAN2 ATANH CEILING COMBIN COS COSH DEGREES EVEN EXP FACT FLOOR GCD " +
    "INT LCM LN LOG LOG10 MDETERM MINVERSE MMULT MOD MROUND ODD PI POWER PRODUCT QUOTIENT RADIANS RAND " +
    "RANDBETWEEN ROUND ROUNDDOWN ROUNDUP SIGN SIN SINH SQRT SUBTOTAL SUM SUMIF SUMIFS SUMPRODUCT SUMSQ " +
    "SUMX2MY2 SUMX2PY2 SUMXMY2 TAN TANH TRUNC",
  statistics:
    "AVEDEV AVERAGE AVERAGEA AVERAGEIF AVERAGEIFS CORREL COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS COVAR " +
    "DEVSQ FORECAST GEOMEAN GROWTH HARMEAN INTERCEPT KURT LARGE LINEST LOGEST MAX MAXA MEDIAN MIN MINA " +
    "MODE NORMDIST NORMINV NORMSDIST NORMSINV PEARSON PERCENTILE PERCENTRANK QUARTILE RANK RSQ SKEW SLOPE " +
    "SMALL STANDARDIZE STDEV STDEVA STDEVP STDEVPA STEYX TREND VAR VARA VARP VARPA",
  logic: "AND FALSE IF IFERROR NOT OR TRUE",
  information:
    "ERROR.TYPE ISBLANK ISERR ISERROR ISEVEN ISLOGICAL ISNA ISNONTEXT ISNUMBER ISODD ISREF ISTEXT N NA " +
    "TYPE",
  lookup:
    "ADDRESS CHOOSE COLUMN COLUMNS HLOOKUP HYPERLINK INDEX INDIRECT LOOKUP MATCH OFFSET ROW ROWS " +
    "TRANSPOSE VLOOKUP",
  text:
    "CHAR CLEAN CODE CONCATENATE DOLLAR EXACT FIND FIXED LEFT LEN LOWER MID PROPER REPLACE REPT RIGHT " +
    "SEARCH SUBSTITUTE T TEXT TRIM UPPER VALUE",
  date:
    "DATE DATEVALUE DAY DAYS360 EDATE EOMONTH HOUR MINUTE MONTH NETWORKDAYS NOW SECOND TIME TIMEVALUE " +
    "TODAY WEEKDAY WEEKNUM WORKDAY YEAR YEARFRAC",
  finance: "DB DDB EFFECT FV IPMT IRR MIRR NOMINAL NPER NPV PMT PPMT PV RATE SLN SYD XIRR XNPV",
};

/** Upper-case names of the functions every spreadsheet has (the one list; see the module comment for its sources). */
export const COMMON_FUNCTIONS: ReadonlySet<string> = new Set(Object.values(BY_CATEGORY).flatMap((names) => names.split(" ")));

/** The name of every call in a tree, upper-case, outer calls first, with repeats. */
export function functionsCalled(n: FormulaNode): string[] {
  switch (n.type) {
    case "call":
      return [n.name.toUpperCase(), ...n.args.flatMap(functionsCalled)];
    case "array":
      return n.rows.flat().flatMap(functionsCalled);
    case "union":
      return n.items.flatMap(functionsCalled);
    case "prefix":
    case "postfix":
      return functionsCalled(n.operand);
    case "binary":
      return [...functionsCalled(n.left), ...functionsCalled(n.right)];
    default:
      return [];
  }
}

/**
 * The functions a formula calls that not every spreadsheet has, upper-case, once each.
 * @throws FormulaSyntaxError when the formula cannot be read.
 * @example functionsNotEverywhere("=CEILING.MATH(A1)+SUM(B1)") // ["CEILING.MATH"]
 */
export function functionsNotEverywhere(formula: string): string[] {
  return [...new Set(functionsCalled(parseFormula(formula)))].filter((f) => !COMMON_FUNCTIONS.has(f));
}
