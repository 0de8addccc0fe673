/**
 * The importer on the report's own text (图1, 图4, 图8, 图9 as the PDF extraction gives them),
 * checked against the curated datasets built from the same figures: every value within 1e-12
 * once the analyst accepts the importer's proposals, and a flag wherever a curated dataset's
 * notes record a correction of the extraction. The few corrections that need knowledge the text
 * does not hold (LaMDA's capitals, the character the PDF lost in 文心) are listed, each with the
 * curated note that records it.
 */
import { indexPerformance } from "../../src/data/datasets/index-performance";
import { llmComparison } from "../../src/data/datasets/llm-comparison";
import { techMoves } from "../../src/data/datasets/tech-moves";
import { transformerCost } from "../../src/data/datasets/transformer-cost";
import type { Dataset } from "../../src/data/types";
import type { ImportedTable } from "../../src/import";
import { allAccepted, columnOf, expectSameCell, fixture, imported } from "./helpers";

const curated = (d: Dataset, key: string): unknown[] => {
  const i = d.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`${d.id} has no column ${key}`);
  return d.rows.map((r) => r[i]);
};

/** Compares an imported column with a curated one, cell by cell; `known` maps a row to the imported value that differs, and why. */
function sameColumn(table: ImportedTable, name: string, d: Dataset, key: string, known: Record<number, { imported: unknown; why: string }> = {}): void {
  const got = columnOf(table, name);
  const want = curated(d, key);
  expect(got).toHaveLength(want.length);
  got.forEach((v, r) => {
    if (known[r]) {
      expect(d.notes.join("\n")).toContain(known[r].why);
      expectSameCell(v, known[r].imported, `${name} row ${r} (known: ${known[r].why})`);
    } else expectSameCell(v, want[r], `${name} row ${r}`);
  });
}

const flagAt = (table: ImportedTable, kind: string, raw: RegExp) => table.flags.filter((f) => f.kind === kind && raw.test(f.raw));

describe("图8 (llm-comparison)", () => {
  const text = fixture("fig8");
  const pasted = imported(text);
  const accepted = allAccepted(text);

  it("gives 15 model rows, Megatron-Turing one row, the company filled down, the title and source read", () => {
    expect(pasted.rows).toHaveLength(15);
    expect(columnOf(pasted, "模型")).toContain("Megatron-Turing");
    expect(columnOf(pasted, "模型")).toContain("Switch Transformer");
    expect(columnOf(pasted, "公司").slice(0, 5)).toEqual(["0penAl", "0penAl", "0penAl", "0penAl", "谷歌"]);
    expect(pasted.columns.find((c) => c.name === "公司")?.filledDown).toBe(true);
    expect(pasted.title).toBe("图8.国内外 AI 大模型对比");
    expect(pasted.source).toEqual(["数据来源:各公司官网,财通证券研究所"]);
    expect(pasted.textNotes).toEqual(["注: 1TB 为 1024GB"]);
  });

  it("types the columns: month dates, parameter counts, sizes in bytes with the text's 1TB = 1024GB", () => {
    const types = Object.fromEntries(pasted.columns.map((c) => [c.name, [c.type, c.unit]]));
    expect(types).toEqual({
      公司: ["text", ""],
      模型: ["text", ""],
      发布时间: ["date", ""],
      "参数 (个)": ["count", "个"],
      预训练数据量: ["bytes", "字节, 1TB = 1024GB"],
      "预训练数据量 限定词": ["text", ""],
      模型类型: ["text", ""],
    });
    expect(pasted.columns.find((c) => c.type === "bytes")).toMatchObject({ bytesStep: 1024, bytesStepStated: true });
  });

  it("flags 悟道 2.0's “1.75 万” with 1.75e12 proposed, and changes nothing until accepted", () => {
    const [flag] = flagAt(pasted, "magnitude", /^1\.75 万$/);
    expect(flag).toMatchObject({ accepted: false, acceptedByDefault: false, original: 17500 });
    expect(Math.abs((flag.proposed as number) - 1.75e12)).toBeLessThanOrEqual(1.75e12 * 1e-12);
    expect(flag.proposal.zh).toContain("1.75 万亿");
    expect(columnOf(pasted, "参数 (个)")[12]).toBe(17500);
    expect(columnOf(accepted, "参数 (个)")[12]).toBe(1.75e12);
  });

  it("keeps the qualifiers: 约 5GB as ≈, 超过 1.1TB as >", () => {
    const q = columnOf(pasted, "预训练数据量 限定词");
    expect(q[0]).toBe("≈");
    expect(q[9]).toBe(">");
    expect(q.filter((v) => v !== null)).toHaveLength(2);
  });

  it("flags every correction the curated notes record that the text itself shows", () => {
    expect(flagAt(pasted, "ocr", /^0penAl$/)[0].proposed).toBe("OpenAI");
    expect(flagAt(pasted, "glyph", /^鹏程•盘古$/)[0].proposed).toBe("鹏程·盘古");
    expect(flagAt(pasted, "glyph", /^鹏城-百度•文స$/)[0].proposed).toBe("鹏城-百度·文");
    expect(flagAt(pasted, "spacing", /^4\. 9TB$/)).toHaveLength(1);
    expect(flagAt(pasted, "spacing", /^1\. 1TB$/)).toHaveLength(1);
    const joins = pasted.flags.filter((f) => f.kind === "join");
    expect(joins.map((f) => f.raw)).toEqual(["Transformer", "&英伟达 | Turing", "స", "292GB 文本 | 态 AI 模型"]);
    expect(joins.every((f) => f.accepted && f.acceptedByDefault)).toBe(true);
    expect(flagAt(pasted, "unreadable", /^数百 GB$/)[0].proposed).toBeNull();
    expect(flagAt(pasted, "unreadable", /^1\.9TB 图像, 292GB 文本$/)[0].proposed).toBeNull();
  });

  it("matches llm-comparison within 1e-12 once the proposals are accepted", () => {
    sameColumn(accepted, "公司", llmComparison, "company_zh");
    sameColumn(accepted, "模型", llmComparison, "model", {
      6: { imported: "Lamda", why: '"Lamda" → LaMDA' },
      8: { imported: "鹏城-百度·文", why: "鹏城-百度·文心" },
    });
    sameColumn(accepted, "发布时间", llmComparison, "release_month");
    sameColumn(accepted, "参数 (个)", llmComparison, "params");
    sameColumn(accepted, "预训练数据量", llmComparison, "pretrain_data_bytes");
    sameColumn(accepted, "模型类型", llmComparison, "model_type_zh");
  });
});

describe("图1 (index-performance)", () => {
  const text = fixture("fig1");
  const pasted = imported(text);

  it("gives 7 rows, percentages as fractions, 801750.SI repaired, the period from the title", () => {
    expect(pasted.rows).toHaveLength(7);
    expect(columnOf(pasted, "代码")[0]).toBe("801750.SI");
    expect(columnOf(pasted, "近5日涨跌幅")[0]).toBe(0.0047);
    expect(columnOf(pasted, "近5日涨跌幅")[3]).toBe(-0.0135); // "−1. 35%": U+2212
    expect(pasted.columns.filter((c) => c.type === "percent")).toHaveLength(4);
    expect(pasted.asOf).toBe(indexPerformance.asOf);
    expect(pasted.columns.map((c) => c.name)).toContain("年初至今相对涨跌幅");
  });

  it("flags each figure read after removing PDF spacing, accepted by default and rejectable", () => {
    const spacing = pasted.flags.filter((f) => f.kind === "spacing");
    expect(spacing.length).toBe(7 + 25); // 7 codes; 28 percentages less "-1.01%" and the two "-"
    expect(spacing.every((f) => f.accepted && f.acceptedByDefault)).toBe(true);
    const id = spacing.find((f) => f.raw === "801750. SI")?.id as string;
    expect(columnOf(imported(text, { decisions: { [id]: false } }), "代码")[0]).toBe("801750. SI");
    expect(pasted.flags.filter((f) => f.kind !== "spacing")).toEqual([]);
  });

  it("matches index-performance within 1e-12", () => {
    const accepted = allAccepted(text);
    sameColumn(accepted, "代码", indexPerformance, "code");
    // The curated names drop the report's typographic space ("沪深 300" → 沪深300); the importer keeps text as written.
    const unspaced = { ...accepted, rows: accepted.rows.map((r) => r.map((v) => (typeof v === "string" ? v.replace(/(?<=[\u4e00-\u9fff]) (?=\d)/g, "") : v))) };
    expect(indexPerformance.notes.join(" ")).toContain('"沪深 300" → 沪深300');
    sameColumn(unspaced, "名称", indexPerformance, "name_zh");
    sameColumn(accepted, "近5日涨跌幅", indexPerformance, "change_5d");
    sameColumn(accepted, "年初至今涨跌幅", indexPerformance, "change_ytd");
    sameColumn(accepted, "周相对涨跌幅", indexPerformance, "rel_5d");
    sameColumn(accepted, "年初至今相对涨跌幅", indexPerformance, "rel_ytd");
  });
});

describe("图4 (transformer-cost)", () => {
  const text = fixture("fig4");
  const pasted = imported(text, { language: "en" });

  it("reads the two header rows, the LaTeX figures and the caption", () => {
    expect(pasted.columns.map((c) => c.name)).toEqual(["Model", "BLEU EN-DE", "BLEU EN-FR", "Training Cost (FLOPs) EN-DE", "Training Cost (FLOPs) EN-FR"]);
    expect(pasted.columns.map((c) => c.type)).toEqual(["text", "number", "number", "number", "number"]);
    expect(pasted.columns[3].unit).toBe("FLOPs");
    expect(pasted.rows).toHaveLength(10);
    expect(pasted.caption[0]).toMatch(/^Table 2: /);
  });

  it("flags the extraction's 1000000 (no unit slip explains it: blank proposed) and the split “3.3 -” | “10^{18}”", () => {
    const [artefact] = flagAt(pasted, "magnitude", /^1000000$/);
    expect(artefact).toMatchObject({ original: 1e6, proposed: null, accepted: false });
    const split = pasted.flags.filter((f) => f.kind === "splitNumber");
    expect(split.map((f) => [f.raw, f.proposed])).toEqual([
      ["3.3 -", 3.3e18],
      ["2.3 -", 2.3e19],
    ]);
  });

  it("matches transformer-cost within 1e-12 once the proposals are accepted", () => {
    const accepted = allAccepted(text, { language: "en" });
    // The curated model names keep the paper's citation in its own column; "ConvS2S 9" lost its brackets in the PDF.
    expect(transformerCost.notes.join(" ")).toContain('"ConvS2S 9" lost its citation brackets');
    const models = transformerCost.rows.map((r) => (r[0] === "ConvS2S" ? "ConvS2S 9" : [r[0], r[1]].filter((v) => v !== null).join(" ")));
    expect(columnOf(accepted, "Model")).toEqual(models);
    sameColumn(accepted, "BLEU EN-DE", transformerCost, "bleu_en_de");
    sameColumn(accepted, "BLEU EN-FR", transformerCost, "bleu_en_fr");
    sameColumn(accepted, "Training Cost (FLOPs) EN-DE", transformerCost, "cost_en_de_flop");
    sameColumn(accepted, "Training Cost (FLOPs) EN-FR", transformerCost, "cost_en_fr_flop");
  });
});

describe("图9 (tech-moves)", () => {
  const text = fixture("fig9");
  const pasted = imported(text);

  it("joins the wrapped event and impact lines and splits the month-only date into a month column", () => {
    expect(pasted.rows).toHaveLength(10); // the stray "1111" line is a row until its join is accepted
    expect(pasted.columns.map((c) => [c.name, c.type, c.precision])).toEqual([
      ["公司", "text", undefined],
      ["时间", "date", "day"],
      ["时间 (月份)", "date", "month"],
      ["事件", "text", undefined],
      ["影响", "text", undefined],
    ]);
  });

  it("flags the stray “1111  2023. 02. 00” line as the end of 阿里's row, not joined until accepted", () => {
    const [join] = pasted.flags.filter((f) => f.kind === "join" && !f.acceptedByDefault);
    expect(join.raw).toBe("1111 | 2023. 02. 00 | 于内测阶段 | 深度结合");
    expect(join.proposal.en).toContain("drop “1111”, “2023. 02. 00”");
    expect(join.row).toBe(9);
    expect(techMoves.notes.join(" ")).toContain('"1111" is a stray glyph run');
  });

  it("matches tech-moves exactly once the proposals are accepted", () => {
    const accepted = allAccepted(text);
    expect(accepted.rows).toHaveLength(9);
    sameColumn(accepted, "公司", techMoves, "company_zh");
    sameColumn(accepted, "时间", techMoves, "date");
    sameColumn(accepted, "时间 (月份)", techMoves, "month");
    sameColumn(accepted, "事件", techMoves, "event_zh");
    sameColumn(accepted, "影响", techMoves, "impact_zh");
  });
});
