import { CAGR, PCTCHANGE, RELRETURN } from "../../src/core/returns";
import { invoke } from "../../src/core/spec";
import { CellError } from "../../src/core/errors";
import { parseReportNumber } from "../../src/core/parse";

// The report's 图1 as printed (seed text, page 4), including the PDF's "0. 47%" spaces and U+2212.
const FIG1 = {
  computer: { d5: "0. 47%", ytd: "18. 41%" },
  rows: [
    { name: "上证指数", d5: "-0. 08%", ytd: "5. 55%", rel5: "0. 55%", relYtd: "12. 86%" },
    { name: "沪深 300", d5: "-0. 85%", ytd: "6. 06%", rel5: "1. 32%", relYtd: "12. 35%" },
    { name: "创业板指", d5: "\u22121. 35%", ytd: "8. 45%", rel5: "1. 82%", relYtd: "9. 95%" },
    { name: "科创 50", d5: "-0. 90%", ytd: "6. 73%", rel5: "1. 37%", relYtd: "11. 67%" },
    { name: "中证 1000", d5: "0. 73%", ytd: "11. 04%", rel5: "-0. 26%", relYtd: "7. 36%" },
    { name: "上证 50", d5: "-1.01%", ytd: "4. 23%", rel5: "1. 48%", relYtd: "14. 18%" },
  ],
};
const num = (t: string) => parseReportNumber(t) as number;
const ONE_BP = 0.0001; // 0.01 percentage points

describe("RELRETURN reproduces the report's 图1 from its own columns", () => {
  it.each(FIG1.rows)("$name: weekly relative return exactly (within float error)", (r) => {
    expect(Math.abs((invoke(RELRETURN, [num(FIG1.computer.d5), num(r.d5)]) as number) - num(r.rel5))).toBeLessThan(1e-12);
  });
  it.each(FIG1.rows)("$name: year-to-date relative return within 0.01pp", (r) => {
    expect(Math.abs((invoke(RELRETURN, [num(FIG1.computer.ytd), num(r.ytd)]) as number) - num(r.relYtd))).toBeLessThanOrEqual(ONE_BP + 1e-12);
  });
  it("three YTD cells (创业板指, 科创 50, 中证 1000) differ by exactly 0.01pp: the report used unrounded data", () => {
    const off = FIG1.rows.filter((r) => Math.abs((invoke(RELRETURN, [num(FIG1.computer.ytd), num(r.ytd)]) as number) - num(r.relYtd)) > 1e-12);
    expect(off.map((r) => r.name)).toEqual(["创业板指", "科创 50", "中证 1000"]);
  });
});

describe("RELRETURN methods", () => {
  it("geometric: (1 + a) ÷ (1 + b) − 1", () => {
    expect(invoke(RELRETURN, [0.1, 0.05, "geometric"]) as number).toBeCloseTo(1.1 / 1.05 - 1, 15);
  });
  it("method names match ignoring case", () => {
    expect(invoke(RELRETURN, [0.1, 0.05, "GEOMETRIC"])).toBe(invoke(RELRETURN, [0.1, 0.05, "geometric"]));
  });
  it("an unknown method is #VALUE! listing the choices", () => {
    const e = invoke(RELRETURN, [0.1, 0.05, "log"]) as CellError;
    expect(e.code).toBe("invalidValue");
    expect(e.message).toBe('method must be one of "arithmetic", "geometric", got "log"');
  });
  it("geometric against a −100% benchmark is #DIV/0!", () => {
    expect((invoke(RELRETURN, [0.1, -1, "geometric"]) as CellError).code).toBe("divisionByZero");
  });
  it("a return below −100% is refused", () => {
    expect((invoke(RELRETURN, [-1.5, 0]) as CellError).message).toBe("asset_return must be at least -1, got -1.5");
  });
});

describe("PCTCHANGE and CAGR", () => {
  it("PCTCHANGE(100, 118.41) is 18.41%", () => {
    expect(invoke(PCTCHANGE, [100, 118.41]) as number).toBeCloseTo(0.1841, 12);
  });
  it("China's intelligent compute 155.2 → 1,271.4 EFLOPS over 2021–2026E is a 52.3% CAGR (IDC), within 0.05pp", () => {
    expect(Math.abs((invoke(CAGR, [155.2, 1271.4, 5]) as number) - 0.523)).toBeLessThan(0.0005);
  });
  it("from the confirmed 2022 figure, 268.0 → 1,271.4 over four years is about 47.6%", () => {
    expect(invoke(CAGR, [268.0, 1271.4, 4]) as number).toBeCloseTo(0.4758, 4);
  });
  it("a negative end value has no CAGR", () => {
    expect((invoke(CAGR, [1, -1, 2]) as CellError).code).toBe("invalidValue");
  });
});
