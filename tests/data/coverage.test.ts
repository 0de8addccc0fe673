import { coverage as d } from "../../src/data/datasets/coverage";
import { reportSection } from "./report";

const col = (key: string): number => d.columns.findIndex((c) => c.key === key);
const line = reportSection("核心观点").join("");

/** "建议关注数据标注领域的海天瑞声等;算力领域的…以及 AIGC 领域的万兴科技等。" → [segment, companies[]]. */
const reportList: [string, string[]][] = line
  .slice(line.indexOf("建议关注") + "建议关注".length)
  .split(/;|以及/)
  .map((part) => /(数据标注|算力|算法|AIGC)\s*领域的(.+?)等?。?$/.exec(part.trim()))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => [m[1], m[2].split("、").map((c) => c.trim())]);

describe("coverage (投资建议)", () => {
  test("the report names four segments: data labelling, compute, algorithms, AIGC", () => {
    expect(reportList.map(([s]) => s)).toEqual(["数据标注", "算力", "算法", "AIGC"]);
  });

  test("companies and segments are the report's, in order (格林深瞳 corrected to 格灵深瞳)", () => {
    const fix = (c: string): string => (c === "格林深瞳" ? "格灵深瞳" : c);
    const want = reportList.flatMap(([seg, cs]) => cs.map((c) => [seg, fix(c)]));
    expect(d.rows.map((r) => [r[col("segment_zh")], r[col("company_zh")]])).toEqual(want);
  });

  test("extraction/report fix: 格林深瞳 → 格灵深瞳 (688207.SH), with a note", () => {
    expect(line).toContain("格林深瞳");
    const r = d.rows.find((x) => x[col("company_zh")] === "格灵深瞳");
    expect(r?.[col("ticker")]).toBe("688207.SH");
    expect(d.notes.some((n) => n.includes("格林深瞳") && n.includes("格灵深瞳"))).toBe(true);
  });

  test("tickers: six digits and the exchange their prefix implies (6 → .SH, 0/3 → .SZ)", () => {
    for (const r of d.rows) {
      const t = String(r[col("ticker")]);
      expect(t).toMatch(/^\d{6}\.(SH|SZ)$/);
      expect(t.endsWith(t.startsWith("6") ? ".SH" : ".SZ")).toBe(true);
    }
    expect(new Set(d.rows.map((r) => r[col("ticker")])).size).toBe(d.rows.length);
  });

  test("known tickers", () => {
    const t = (c: string) => d.rows.find((r) => r[col("company_zh")] === c)?.[col("ticker")];
    expect([t("海天瑞声"), t("浪潮信息"), t("科大讯飞"), t("万兴科技")]).toEqual(["688787.SH", "000977.SZ", "002230.SZ", "300624.SZ"]);
  });
});
