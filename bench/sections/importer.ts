/**
 * Section 10: the table importer of issue 22 (src/import). Rows per second of reading a
 * 10,000-row paste shaped like the report's 图8 (grouped companies, 亿 and 万亿, PDF spacing,
 * qualifiers, "-" marks, wrapped lines, a magnitude slip now and then), against a baseline of
 * the same text split into cells with every cell read by AI.PARSENUM's parser alone; and the
 * syncs of inserting the imported table on the recording fake driving the real Excel adapter, in
 * the pane's sequence (listTracked(), then the insert).
 *
 *   import_rows_per_s   rows of the paste read per second (median of 3 runs; 1 with --quick)
 *   syncs_per_import    syncs of ExcelWorkbook.insertDataset of that table on a new sheet. Budget: 1
 */
import { parseReportNumber } from "../../src/core/parse";
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { importTable, toDataset } from "../../src/import";
import { FakeExcel } from "../../tests/excel/fake-excel";
import { emptyResult, fmtNum, median, nowMs, type SectionResult } from "../lib/report";

export const IMPORTER_KEYS = ["import_rows_per_s", "syncs_per_import"];
export const IMPORT_ROWS = 10_000;

/** A paste of `rows` rows as a PDF gives 图8: tab-separated, a header, companies once per group, a wrapped cell every 10th row. */
export function syntheticPaste(rows: number): string {
  const lines = ["图8.国内外 AI 大模型对比", "公司\t模型\t发布时间\t参数 (个)\t预训练数据量\t模型类型"];
  const sizes = ["4. 9TB", "约 5GB", "45TB", "-", "超过 1.1TB", "292GB"];
  for (let r = 0; r < rows; r++) {
    const company = r % 5 === 0 ? `公司${r / 5}` : "";
    const params = r % 997 === 996 ? "1.75 万" : `${(r % 90) + 10} 亿`;
    lines.push([company, `模型-${r}`, `20${18 + (r % 5)}年${(r % 12) + 1}月`, params, sizes[r % sizes.length], "自然语言模型"].join("\t"));
    if (r % 10 === 9) lines.push(["", "Turing", "", "", "", "态 AI 模型"].join("\t"));
  }
  lines.push("", "数据来源:各公司官网,财通证券研究所", "", "注: 1TB 为 1024GB");
  return lines.join("\n");
}

export async function runImporter(runs: number): Promise<SectionResult> {
  const r = emptyResult();
  const text = syntheticPaste(IMPORT_ROWS);

  // Baseline: split into cells, every cell read by the number parser, nothing else.
  const baseline = (): number => {
    let sink = 0;
    for (const line of text.split("\n")) for (const cell of line.split("\t")) if (typeof parseReportNumber(cell) === "number") sink++;
    return sink;
  };
  let table = null as ReturnType<typeof importTable> | null;
  const times: number[] = [];
  const baseTimes: number[] = [];
  importTable(text, { language: "zh" }); // warm-up, untimed
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    table = importTable(text, { language: "zh" });
    times.push(nowMs() - t0);
    const t1 = nowMs();
    baseline();
    baseTimes.push(nowMs() - t1);
  }
  if (!table || !table.ok) throw new Error(`the synthetic paste was not read: ${table && !table.ok ? table.reason.en : "no run"}`);
  const rows = table.table.rows.length;
  if (rows !== IMPORT_ROWS) throw new Error(`the synthetic paste gave ${rows} rows, not ${IMPORT_ROWS}`);
  const ms = median(times);
  const baseMs = median(baseTimes);
  const perSecond = Math.round(rows / (ms / 1000));
  r.figures.import_rows_per_s = perSecond;
  r.rows.push({
    section: "importer",
    what: `import of a ${fmtNum(IMPORT_ROWS)}-row paste like 图8 (${table.table.flags.length} flags; median of ${runs})`,
    value: `${fmtNum(perSecond)} rows/s`,
    baseline: `${fmtNum(Math.round(rows / (baseMs / 1000)))} rows/s splitting and reading every cell with AI.PARSENUM's parser alone`,
    ratio: `${(ms / baseMs).toFixed(1)}x`,
  });

  // The insert, in the pane's sequence.
  const fake = new FakeExcel();
  const book = new ExcelWorkbook({ run: fake.run, supports: () => true, now: () => new Date(0) });
  await book.listTracked();
  fake.resetCounters();
  await book.insertDataset(toDataset(table.table, "zh"), { target: "newSheet", language: "zh", chart: false });
  const syncs = fake.syncs.length;
  const bytes = Math.max(0, ...fake.syncs.map((s) => s.payloadBytes));
  r.figures.syncs_per_import = syncs;
  r.budgets.push({ key: "syncs_per_import", value: syncs, limit: 1, inclusive: true, text: "<= 1" });
  r.rows.push({
    section: "importer",
    what: `syncs to insert the imported ${fmtNum(rows)}-row table on a new sheet (after listTracked)`,
    value: String(syncs),
    baseline: `largest request ${fmtNum(bytes)} bytes`,
    budget: "<= 1",
    status: syncs <= 1 ? "ok" : "MISSED",
  });
  return r;
}
