import { formatGeneral, formatValue, isDateFormat, isPercentFormat, serialToIso } from "../../src/workbench/format";

describe("formatValue: the formats the add-in writes", () => {
  it.each([
    [1.75e11, "0.00E+00", "1.75E+11"],
    [3.15e23, "0.00E+00", "3.15E+23"],
    [3.14e23, "0.0E+00", "3.1E+23"],
    [9.999e5, "0.00E+00", "1.00E+06"],
    [1.5e-7, "0.00E+00", "1.50E-07"],
    [0, "0.00E+00", "0.00E+00"],
    [0.0047, "0.00%", "0.47%"],
    [-0.0085, "0.00%", "-0.85%"],
    [0.523, "0.0%", "52.3%"],
    [1, "0%", "100%"],
    [3634.26, "#,##0", "3,634"],
    [1869658.4, "#,##0.00", "1,869,658.40"],
    [-1234.5, "#,##0.0", "-1,234.5"],
    [38.04, "#,##0.0###", "38.04"],
    [2.5, "#,##0.0###", "2.5"],
    [2023, "0", "2023"],
    [7, "000", "007"],
    [1.234, '0.00"×"', "1.23×"],
    [44963, "yyyy-mm-dd", "2023-02-06"],
    [44958, "yyyy-mm", "2023-02"],
    [44958, "mmm yyyy", "Feb 2023"],
    [44963.5, "yyyy-mm-dd hh:mm", "2023-02-06 12:00"],
    [5, "$#,##0", "$5"],
    [5, "\\$#,##0", "$5"],
    [-5, "#,##0;(#,##0)", "(5)"],
    [0, '#,##0;-#,##0;"–"', "–"],
  ])("%p with %p → %p", (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });

  it("General: up to 11 characters, scientific for very large or small numbers", () => {
    expect(formatGeneral(175000000000)).toBe("1.75E+11");
    expect(formatGeneral(3.15e23)).toBe("3.15E+23");
    expect(formatGeneral(38.0418)).toBe("38.0418");
    expect(formatGeneral(1 / 3)).toBe("0.333333333");
    expect(formatGeneral(-2)).toBe("-2");
    expect(formatGeneral(12345678901)).toBe("12345678901");
    expect(formatGeneral(1e-12)).toBe("1E-12");
    expect(formatValue(0.1 + 0.2)).toBe("0.3");
    expect(formatValue(42, "General")).toBe("42");
  });

  it("text, booleans and blanks", () => {
    expect(formatValue("GPT-3", "@")).toBe("GPT-3");
    expect(formatValue("=SUM(1)", "0.00")).toBe("=SUM(1)");
    expect(formatValue(true)).toBe("TRUE");
    expect(formatValue(null, "0.00")).toBe("");
    expect(formatValue(12, "@")).toBe("12");
  });

  it("classifies formats and writes ISO dates", () => {
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat("0.00E+00")).toBe(false);
    expect(isDateFormat('0.00"×"')).toBe(false);
    expect(isPercentFormat("0.0%")).toBe(true);
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(serialToIso(44967)).toBe("2023-02-10");
  });
});
