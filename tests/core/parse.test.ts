import { parseBytes, parseReportNumber, splitQualifier } from "../../src/core/parse";
import { CellError } from "../../src/core/errors";

describe("parseReportNumber reads the report's own figures", () => {
  it.each([
    ["1750 亿", 1.75e11],
    ["1.6 万亿", 1.6e12],
    ["1.17 亿", 1.17e8],
    ["15 亿", 1.5e9],
    ["2457 亿", 2.457e11],
    ["1750亿个", 1.75e11],
    ["1.75 万亿", 1.75e12], // 悟道 2.0, as corrected
    ["3.4亿", 3.4e8],
    ["10 亿", 1e9],
    ["18. 41%", 0.1841], // PDF spaces inside numbers
    ["0. 47%", 0.0047],
    ["\u22121. 35%", -0.0135], // U+2212 minus
    ["-1.01%", -0.0101],
    ["1.32pct", 0.0132],
    ["175B", 1.75e11],
    ["175b", 1.75e11],
    ["1.5T", 1.5e12],
    ["530M", 5.3e8],
    ["12K", 12000],
    ["6.7 billion", 6.7e9],
    ["1,024", 1024],
    ["1,271.4", 1271.4],
    ["\uff11\uff17\uff15\uff10 亿", 1.75e11], // full-width digits
    ["3.14e23", 3.14e23],
    ["  42  ", 42],
    ["+5%", 0.05],
  ])("%s → %d", (text, expected) => {
    const v = parseReportNumber(text);
    expect(typeof v).toBe("number");
    expect(Math.abs((v as number) - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-12);
  });

  it("returns exactly 0.1841 for 18.41%, not 0.18410000000000001", () => {
    expect(parseReportNumber("18.41%")).toBe(0.1841);
  });

  it.each(["", "abc", "1.2.3", "亿", "12 apples", "1,23", "--5", "5%%", "1750 兆"])("%s is #VALUE! with a message quoting it", (text) => {
    const v = parseReportNumber(text) as CellError;
    expect(v).toBeInstanceOf(CellError);
    expect(v.code).toBe("invalidValue");
    expect(v.message).toContain(`"${text}"`);
  });

  it("an overflow is #NUM!, never Infinity", () => {
    expect((parseReportNumber("1e400") as CellError).code).toBe("invalidNumber");
    expect((parseReportNumber("1e300 万亿") as CellError).code).toBe("invalidNumber");
  });

  it("a number passes through", () => {
    expect(parseReportNumber(12.5)).toBe(12.5);
  });
});

describe("parseBytes", () => {
  const TB = 1024 ** 4;
  it.each([
    ["45TB", 45 * TB],
    ["292GB", 292 * 1024 ** 3],
    ["1.1 TB", 1.1 * TB],
    ["4. 9TB", 4.9 * TB], // 悟道 2.0 as extracted
    ["约 5GB", 5 * 1024 ** 3], // GPT: "约 5GB"
    ["40GB", 40 * 1024 ** 3],
    ["1.9TB", 1.9 * TB],
    ["512 MiB", 512 * 1024 ** 2],
    ["100 bytes", 100],
  ])("%s → %d bytes (1TB = 1024GB, as the report notes)", (text, expected) => {
    expect(Math.abs((parseBytes(text) as number) - expected)).toBeLessThanOrEqual(expected * 1e-12);
  });
  it("uses SI units with step 1000, but KiB-style units stay binary", () => {
    expect(parseBytes("45TB", 1000)).toBe(45e12);
    expect(parseBytes("1 GiB", 1000)).toBe(1024 ** 3);
  });
  it.each(["数百 GB", "45", "TB", "超过 1.1TB", "5 apples"])("%s is #VALUE!", (text) => {
    expect((parseBytes(text) as CellError).code).toBe("invalidValue");
  });
  it("refuses a step other than 1000 or 1024", () => {
    expect((parseBytes("1TB", 1000.5) as CellError).message).toBe("bytes_per_unit_step must be 1024 or 1000, got 1000.5");
  });
});

describe("parseReportNumber reads scientific notation as papers print it", () => {
  it.each([
    ["$2.3 \\cdot 10^{19}$", 2.3e19], // the report's copy of Vaswani et al.'s Table 2, as extracted
    ["$1.0 \\cdot 10^{20}$", 1e20],
    ["10^{18}", 1e18],
    ["10^18", 1e18],
    ["2.3×10^19", 2.3e19],
    ["2.3 x 10^19", 2.3e19],
    ["2.3·10^{19}", 2.3e19],
    ["1.5×10¹⁹", 1.5e19],
    ["3×10⁻³", 3e-3],
    ["-4.2 \\times 10^{-3}", -4.2e-3],
    ["10^{2}%", 1],
  ])("%s → %d", (text, expected) => {
    const v = parseReportNumber(text);
    expect(typeof v).toBe("number");
    expect(Math.abs((v as number) - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-12);
  });

  it.each(["3.3 -", "10^", "10^{x}", "2.3×10", "100^2", "$1$2$", "10^{19} apples"])("%s is #VALUE!", (text) => {
    expect((parseReportNumber(text) as CellError).code).toBe("invalidValue");
  });

  it("an exponent too large is #NUM!, never Infinity", () => {
    expect((parseReportNumber("10^{400}") as CellError).code).toBe("invalidNumber");
  });
});

describe("splitQualifier", () => {
  it.each([
    ["约 5GB", "约", "≈", "5GB"],
    ["超过 1.1TB", "超过", ">", "1.1TB"],
    ["不超过 10 亿", "不超过", "≤", "10 亿"],
    ["~175B", "~", "≈", "175B"],
    ["～175B", "~", "≈", "175B"], // full-width tilde
    ["> 40%", ">", ">", "40%"],
    ["more than 1,000", "more than", ">", "1,000"],
    ["About 5 GB", "About", "≈", "5 GB"],
    ["100 以上", "以上", "≥", "100"],
    ["5TB 左右", "左右", "≈", "5TB"],
    ["100+", "+", "≥", "100"],
  ])("%s → %s (%s) + %s", (text, qualifier, symbol, rest) => {
    expect(splitQualifier(text)).toEqual({ qualifier, symbol, rest });
  });

  it.each(["5GB", "约", "overall 5", "近", "", "GPT-3"])("%s has none", (text) => {
    expect(splitQualifier(text)).toBeNull();
  });

  it("PARSEBYTES reads an approximate size but refuses a bound", () => {
    expect(parseBytes("5TB 左右")).toBe(5 * 1024 ** 4);
    expect((parseBytes("超过 1.1TB") as CellError).code).toBe("invalidValue");
  });
});
