/** `npm run import-table`: the typed table as JSON (stdout or a file) or as an .xlsx through the existing writer. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main, parseArgs } from "../../scripts/import-table";

const FIG8 = path.join(__dirname, "../import/fixtures/fig8.txt");

function run(argv: string[]): Promise<{ code: number; log: string[]; err: string[]; stdout: string }> {
  const log: string[] = [];
  const err: string[] = [];
  let stdout = "";
  return main(argv, { log: (s: string) => log.push(s), error: (s: string) => err.push(s) }, (s) => (stdout += s)).then((code) => ({ code, log, err, stdout }));
}

interface JsonOut {
  columns: { name: string; key: string; type: string; unit: string }[];
  rows: unknown[][];
  flags: { id: string; kind: string; raw: string; proposed: unknown; accepted: boolean; reason: string; proposal: string }[];
  notes: string[];
}

describe("npm run import-table", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-table-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints the typed table as JSON: columns with name, type and unit; rows; flags with why and what they propose", async () => {
    const r = await run([FIG8, "--lang", "en"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as JsonOut;
    expect(json.columns.map((c) => [c.name, c.type, c.unit])).toEqual([
      ["公司", "text", ""],
      ["模型", "text", ""],
      ["发布时间", "date", ""],
      ["参数 (个)", "count", "个"],
      ["预训练数据量", "bytes", "bytes, 1TB = 1024GB"],
      ["预训练数据量 qualifier", "text", ""],
      ["模型类型", "text", ""],
    ]);
    expect(json.rows).toHaveLength(15);
    const wudao = json.flags.find((f) => f.kind === "magnitude");
    expect(wudao).toMatchObject({ raw: "1.75 万", proposed: 1.75e12, accepted: false });
    expect(wudao?.reason).toMatch(/orders of magnitude/);
    expect(r.err).toEqual(["15 rows × 7 columns, 12 flags (6 not accepted)"]);
  });

  it("--accept takes flag ids, or all; --reject an id", async () => {
    const first = JSON.parse((await run([FIG8])).stdout) as JsonOut;
    const id = first.flags.find((f) => f.kind === "magnitude")?.id as string;
    const accepted = JSON.parse((await run([FIG8, "--accept", id])).stdout) as JsonOut;
    expect(accepted.rows[12][3]).toBe(1.75e12);
    const all = JSON.parse((await run([FIG8, "--accept", "all", "--reject", id])).stdout) as JsonOut;
    expect(all.rows[12][3]).toBe(17500);
    expect(all.rows[0][0]).toBe("OpenAI");
  });

  it("--out table.json writes the same JSON to the file", async () => {
    const out = path.join(dir, "table.json");
    const r = await run([FIG8, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.log[0]).toMatch(/^wrote .*table\.json: 15 rows × 7 columns/);
    expect((JSON.parse(fs.readFileSync(out, "utf8")) as JsonOut).rows).toHaveLength(15);
  });

  it("--out table.xlsx writes the table through the .xlsx writer: a real Excel table with its note lines", async () => {
    const out = path.join(dir, "table.xlsx");
    const r = await run([FIG8, "--accept", "all", "--out", out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("国内外 AI 大模型对比");
    expect(sheet).toBeDefined();
    const ws = sheet as ExcelJS.Worksheet;
    expect(ws.getCell("A1").value).toBe("公司");
    expect(ws.getCell("B14").value).toBe("悟道 2.0");
    expect(ws.getCell("D14").value).toBe(1.75e12);
    expect(ws.getCell("D14").numFmt).toBe("0.00E+00");
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual(["AI_pasted_table"]);
    expect(String(ws.getCell("A18").value)).toMatch(/^数据来源:各公司官网,财通证券研究所/);
  });

  it("refuses bad arguments (exit 2) and an unreadable paste (exit 1) with a message", async () => {
    expect(parseArgs([])).toMatch(/give the text file/);
    expect(parseArgs([FIG8, "--out", "x.csv"])).toMatch(/\.json or \.xlsx/);
    expect(parseArgs([FIG8, "--lang", "fr"])).toMatch(/zh or en/);
    expect((await run([FIG8, "--bogus"])).code).toBe(2);
    const empty = path.join(dir, "empty.txt");
    fs.writeFileSync(empty, "just prose, no table\n");
    const r = await run([empty, "--lang", "en"]);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.err[0]).toMatch(/^not imported: No table found/);
    expect((await run([path.join(dir, "missing.txt")])).err[0]).toMatch(/^cannot read /);
  });
});
