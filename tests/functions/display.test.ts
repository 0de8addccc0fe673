/** How arguments and results read (issue 20): every parameter and every function has its words, numbers shown as Excel shows them. */
import { FUNCTIONS } from "../../src/functions/registry";
import { formatGeneral, formatNumber, PARAM_DISPLAY, RESULT_DISPLAY, withUnit } from "../../src/functions/display";
import { formatValue } from "../../src/workbench/format";

describe("display metadata covers the registry", () => {
  it("every parameter of every function has its unit and format", () => {
    const missing = FUNCTIONS.flatMap((f) => f.params.filter((p) => !(p.name in PARAM_DISPLAY)).map((p) => `${f.id}(${p.name})`));
    expect(missing).toEqual([]);
  });

  it("every function has its result's label and unit, in both languages", () => {
    for (const f of FUNCTIONS) {
      const d = RESULT_DISPLAY[f.id];
      expect({ id: f.id, en: d?.label.en.length > 0, zh: d?.label.zh.length > 0 }).toEqual({ id: f.id, en: true, zh: true });
    }
    expect(Object.keys(RESULT_DISPLAY).sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  });

  it("every unit pattern holds the value's place once, in both languages", () => {
    for (const d of [...Object.values(PARAM_DISPLAY).map((x) => x.unit), ...Object.values(RESULT_DISPLAY).map((x) => x.unit)])
      for (const text of [d.en, d.zh]) expect(text.split("{v}").length).toBe(2);
  });

  it("a lookup an argument offers names an existing field of AI.MODEL or AI.CHIP", () => {
    const lookups = Object.entries(PARAM_DISPLAY).filter(([, d]) => d.lookup);
    expect(lookups.map(([name, d]) => `${name}→${d.lookup?.fn}(${d.lookup?.field})`)).toEqual([
      "params→MODEL(params)",
      "tokens→MODEL(tokens)",
      "flop→MODEL(flop)",
      "peak_flops_per_chip→CHIP(bf16)",
    ]);
  });
});

describe("numbers as Excel's formats show them (the workbench's format renderer agrees)", () => {
  // Not 999.5 in scientific nor numbers ≥ 1e21 in fixed2: there the workbench's renderer differs from Excel (9.99E+02, "3.14e+23").
  const samples = [0, 1, 2.5, 12, 999.4, 1024, 1298.41, 38.03829, 3634.26, 934829.1, 1.75e11, 3.14e23, 9.89e14, 0.0047, -0.0085, 1e-12, 123456789.123];
  it.each([
    ["scientific", "0.00E+00"],
    ["fixed2", "#,##0.00"],
    ["general", "General"],
  ] as const)("%s is Excel's %s", (style, format) => {
    for (const n of samples.filter((x) => style !== "fixed2" || Math.abs(x) < 1e21))
      expect({ n, shown: formatNumber(n, style) }).toEqual({ n, shown: formatValue(n, format) });
  });

  it("rounds half away from zero and writes every digit, as Excel does", () => {
    expect(formatNumber(999.5, "scientific")).toBe("1.00E+03");
    expect(formatNumber(3.14e23, "fixed2")).toBe("314,000,000,000,000,000,000,000.00");
  });

  it("count is #,##0 for whole numbers, with the decimals a fraction needs (up to two)", () => {
    for (const n of [0, 1, 1024, 934829, 2e9]) expect(formatNumber(n, "count")).toBe(formatValue(n, "#,##0"));
    expect(formatNumber(1298.41, "count")).toBe("1,298.41");
    expect(formatNumber(1298.4, "count")).toBe("1,298.4");
    expect(formatNumber(1298.004, "count")).toBe("1,298");
  });

  it("percent shows a decimal as a percentage with up to two decimals", () => {
    expect([0.3, 0.0047, -0.0085, 0.18414, 1].map((n) => formatNumber(n, "percent"))).toEqual(["30%", "0.47%", "-0.85%", "18.41%", "100%"]);
  });

  it("General and a unit", () => {
    expect(formatGeneral(3634.259259259)).toBe("3634.259259");
    expect(withUnit("1,024", PARAM_DISPLAY.chips.unit, "en")).toBe("1,024 chips");
    expect(withUnit("30%", PARAM_DISPLAY.utilization.unit, "zh")).toBe("利用率 30%");
    expect(formatNumber(Infinity, "general")).toBe("#NUM!");
  });
});
