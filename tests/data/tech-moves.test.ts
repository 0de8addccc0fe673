import { techMoves as d } from "../../src/data/datasets/tech-moves";
import { cells, reportSection } from "./report";

const col = (key: string): number => d.columns.findIndex((c) => c.key === key);

/** "2023. 01. 25" → "2023-01-25", "2023. 01" → "2023-01"; null for anything else (incl. day 00). */
function reportDate(s: string): string | null {
  const t = s.replace(/\s+/g, "");
  const m = /^(\d{4})\.(\d{2})(?:\.(\d{2}))?$/.exec(t);
  if (m === null || m[3] === "00") return null;
  return m[3] === undefined ? `${m[1]}-${m[2]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** The report's rule for a wrapped cell: lines join directly, with a space between ASCII and CJK. */
function join(a: string, b: string): string {
  if (a === "" || b === "") return a + b;
  const asciiCjk = /[A-Za-z0-9]$/.test(a) && /^[\u4e00-\u9fff]/.test(b);
  const cjkAscii = /[\u4e00-\u9fff]$/.test(a) && /^[A-Za-z0-9]/.test(b);
  return asciiCjk || cjkAscii ? `${a} ${b}` : a + b;
}

interface RawRow {
  company: string;
  date: string;
  event: string;
  impact: string;
}
/** 图9 as extracted: a row starts at a valid date; other lines continue the previous row's cells. */
const rawRows: RawRow[] = (() => {
  const out: RawRow[] = [];
  let company = "";
  for (const line of reportSection("图9")) {
    const c = cells(line);
    if (c.length < 4 || c[0] === "公司") continue;
    const date = reportDate(c[1]);
    if (date !== null) {
      if (c[0] !== "") company = c[0];
      out.push({ company, date, event: c[2], impact: c[3] });
    } else if (out.length > 0) {
      const last = out[out.length - 1];
      last.event = join(last.event, c[2]);
      last.impact = join(last.impact, c[3]);
    }
  }
  return out;
})();

describe("tech-moves (图9)", () => {
  test("has the report's nine rows in order", () => {
    expect(rawRows).toHaveLength(9);
    expect(d.rows.map((r) => r[col("company_zh")])).toEqual(rawRows.map((r) => r.company));
  });

  test("dates match the report: ISO date, or month only when the report gives only a month", () => {
    expect(d.rows.map((r) => r[col("date")] ?? r[col("month")])).toEqual(rawRows.map((r) => r.date));
    for (const r of d.rows) {
      const date = r[col("date")];
      if (date !== null) expect(String(date).slice(0, 7)).toBe(r[col("month")]);
    }
  });

  test("events and impacts are the report's words (with the documented \"•\" → \"·\")", () => {
    const fix = (s: string): string => s.replace(/\u2022/g, "·");
    expect(d.rows.map((r) => r[col("event_zh")])).toEqual(rawRows.map((r) => fix(r.event)));
    expect(d.rows.map((r) => r[col("impact_zh")])).toEqual(rawRows.map((r) => fix(r.impact)));
  });

  test("extraction fix: the stray \"1111\" / \"2023. 02. 00\" line is dropped, its text joins 阿里's row", () => {
    expect(reportSection("图9").some((l) => l.startsWith("1111\t2023. 02. 00\t"))).toBe(true);
    expect(d.rows.some((r) => r.some((v) => v === "1111" || String(v).includes("-00")))).toBe(false);
    const ali = d.rows[d.rows.length - 1];
    expect(ali[col("date")]).toBe("2023-02-08");
    expect(ali[col("event_zh")]).toBe("宣布正研发\"阿里版\"ChatGPT, 目前处于内测阶段");
    expect(ali[col("impact_zh")]).toBe("有望将 AI 大模型技术与钉钉生产力工具深度结合");
  });

  test("extraction fix: spaces inside dates removed (\"2023. 01. 25\" → 2023-01-25)", () => {
    expect(reportSection("图9").some((l) => l.includes("\t2023. 01. 25\t"))).toBe(true);
    expect(d.rows[0][col("date")]).toBe("2023-01-25");
  });

  test("Google's January move has a month and a blank date", () => {
    const g = d.rows.find((r) => r[col("month")] === "2023-01" && r[col("company_zh")] === "谷歌");
    expect(g?.[col("date")]).toBeNull();
  });

  test("every row has an English translation of event and impact", () => {
    for (const r of d.rows) {
      for (const k of ["event_en", "impact_en", "company_en"]) expect(String(r[col(k)])).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
