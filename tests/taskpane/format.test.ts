import type { Column } from "../../src/data/types";
import { formatCell, formatDecimals, formatScientific } from "../../src/taskpane/format";

const col = (type: Column["type"], numberFormat: string): Pick<Column, "type" | "numberFormat"> => ({ type, numberFormat });

describe("formatCell", () => {
  it("shows percentages stored as decimals with a percent sign", () => {
    expect(formatCell(0.0047, col("percent", "0.00%"))).toBe("0.47%");
    expect(formatCell(0.5, col("percent", "0%"))).toBe("50%");
    expect(formatCell(0.125, col("percent", "0.0%"))).toBe("12.5%");
  });

  it("shows FLOP counts in scientific notation as Excel's 0.00E+00 does", () => {
    expect(formatCell(3.14e23, col("flop", "0.00E+00"))).toBe("3.14E+23");
    expect(formatCell(2.5e5, col("flop", "0.00E+00"))).toBe("2.50E+05");
    expect(formatCell(1.5e-3, col("flops", "0.0E+00"))).toBe("1.5E-03");
  });

  it("shows blanks blank, never 0", () => {
    expect(formatCell(null, col("percent", "0.00%"))).toBe("");
    expect(formatCell(null, col("flop", "0.00E+00"))).toBe("");
    expect(formatCell(null, col("text", "@"))).toBe("");
  });

  it("groups thousands only when the format asks, so years stay years", () => {
    expect(formatCell(175000000000, col("params", "#,##0"))).toBe("175,000,000,000");
    expect(formatCell(2023, col("integer", "0"))).toBe("2023");
    expect(formatCell(1234.5, col("currency", "#,##0.00"))).toBe("1,234.50");
    expect(formatCell(0.1 + 0.2, col("number", "General"))).toBe("0.3");
  });

  it("shows text as is and booleans as Excel does", () => {
    expect(formatCell("GPT-3", col("text", "@"))).toBe("GPT-3");
    expect(formatCell(true, col("text", "@"))).toBe("TRUE");
  });
});

describe("number format helpers", () => {
  it("reads decimal places", () => {
    expect(formatDecimals("0.00%")).toBe(2);
    expect(formatDecimals("#,##0")).toBe(0);
    expect(formatDecimals("0.000E+00")).toBe(3);
    expect(formatDecimals("@")).toBeNull();
  });

  it("pads exponents to two digits", () => {
    expect(formatScientific(1e100, 2)).toBe("1.00E+100");
    expect(formatScientific(0, 2)).toBe("0.00E+00");
  });
});
