import { indexPerformance as d } from "../../src/data/datasets/index-performance";
import { cells, reportPercent, reportSection } from "./report";

const col = (key: string): number => d.columns.findIndex((c) => c.key === key);
const rowOf = (code: string) => {
  const r = d.rows.find((x) => x[col("code")] === code);
  if (r === undefined) throw new Error(`no row ${code}`);
  return r;
};
/** The report's 图1 data lines: "801750. SI\t计算机行业\t0. 47%\t...". */
const reportRows = reportSection("图1")
  .map(cells)
  .filter((c) => /^\d{6}\. S[HZI]$/.test(c[0]));

const TOL = 1e-12; // the figures are stored as typed decimals; only float noise is allowed

describe("index-performance (图1)", () => {
  test("has the report's seven rows, in the report's order", () => {
    expect(reportRows).toHaveLength(7);
    expect(d.rows.map((r) => r[col("code")])).toEqual(reportRows.map((c) => c[0].replace(/\s+/g, "")));
  });

  test.each(reportRows.map((c) => [c[0], c] as const))("%s matches the report's four figures", (_code, c) => {
    const r = rowOf(c[0].replace(/\s+/g, ""));
    const keys = ["change_5d", "change_ytd", "rel_5d", "rel_ytd"];
    keys.forEach((k, i) => {
      const raw = c[2 + i].trim();
      const stored = r[col(k)];
      if (raw === "-") expect(stored).toBeNull();
      else expect(Math.abs((stored as number) - reportPercent(raw))).toBeLessThan(TOL);
    });
  });

  test("index names match the report without its typographic spaces", () => {
    expect(d.rows.map((r) => r[col("name_zh")])).toEqual(reportRows.map((c) => c[1].replace(/\s+/g, "")));
  });

  test("extraction fix: spaces inside numbers and codes (\"0. 47%\", \"801750. SI\")", () => {
    expect(reportRows[0][0]).toBe("801750. SI");
    expect(reportRows[0][2]).toBe("0. 47%");
    expect(rowOf("801750.SI")[col("change_5d")]).toBe(0.0047);
  });

  test("extraction fix: U+2212 minus in 创业板指's weekly change", () => {
    const raw = reportRows.find((c) => c[1] === "创业板指");
    expect(raw?.[2]).toBe("\u22121. 35%");
    expect(rowOf("399006.SZ")[col("change_5d")]).toBe(-0.0135);
  });

  test("percentages are decimals (0.0047, not 0.47)", () => {
    for (const k of ["change_5d", "change_ytd", "rel_5d", "rel_ytd"]) {
      for (const r of d.rows) if (r[col(k)] !== null) expect(Math.abs(r[col(k)] as number)).toBeLessThan(1);
    }
  });

  // Relative = computer − index, in percentage points (domain facts). Weekly cells all
  // reproduce from the rounded figures; three YTD cells are 0.01pp off (kept as the report's).
  const computer = rowOf("801750.SI");
  const others = d.rows.filter((r) => r !== computer);
  const PP = 0.0001; // 0.01 percentage points, as a decimal
  const EPS = 1e-6; // far below 0.01pp, far above float noise

  test("all six weekly relative cells equal computer − index", () => {
    for (const r of others) {
      const recomputed = (computer[col("change_5d")] as number) - (r[col("change_5d")] as number);
      expect(Math.abs((r[col("rel_5d")] as number) - recomputed)).toBeLessThan(EPS);
    }
  });

  test("YTD relative cells: 3 reproduce, 创业板指 / 科创50 / 中证1000 are 0.01pp below recomputation", () => {
    const off: string[] = [];
    for (const r of others) {
      const recomputed = (computer[col("change_ytd")] as number) - (r[col("change_ytd")] as number);
      const diff = (r[col("rel_ytd")] as number) - recomputed;
      if (Math.abs(diff) > EPS) {
        expect(Math.abs(diff + PP)).toBeLessThan(EPS);
        off.push(r[col("name_zh")] as string);
      }
    }
    expect(off).toEqual(["创业板指", "科创50", "中证1000"]);
    expect(d.notes.join(" ")).toMatch(/创业板指.*科创50.*中证1000/);
  });

  test("the source line is the report's own", () => {
    expect(d.source[0].text).toBe("数据来源: Wind, 财通证券研究所");
    expect(reportSection("图1").some((l) => l.trim() === "数据来源: Wind, 财通证券研究所")).toBe(true);
  });
});
