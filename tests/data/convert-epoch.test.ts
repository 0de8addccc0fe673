/**
 * scripts/convert-epoch.mjs is plain Node (ESM); it runs in a child process here, since the
 * tests run through ts-jest as CommonJS.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { EPOCH_HARDWARE_CSV as HARDWARE_CSV, EPOCH_MODELS_CSV as CSV } from "../../scripts/upstream";

const ROOT = join(__dirname, "../..");
const SCRIPT = join(ROOT, "scripts/convert-epoch.mjs");

/** The header names of Epoch's models CSV that the converter reads. */
const READ_COLUMNS = [
  "Model",
  "Organization",
  "Publication date",
  "Domain",
  "Parameters",
  "Training compute (FLOP)",
  "Training dataset size (datapoints)",
  "Training hardware",
  "Hardware quantity",
  "Hardware utilization (MFU)",
  "Country (of organization)",
  "Confidence",
  "Training compute cost (2023 USD)",
];

/** Runs parseCsv from the script on each input, in one child process. */
function parseCsvAll(inputs: string[]): (string[][] | { error: string })[] {
  const code = `
    import { parseCsv } from ${JSON.stringify(SCRIPT)};
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const out = JSON.parse(s).map((t) => { try { return parseCsv(t); } catch (e) { return { error: e.message }; } });
      process.stdout.write(JSON.stringify(out));
    });`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], { input: JSON.stringify(inputs) });
  return JSON.parse(out.toString()) as (string[][] | { error: string })[];
}

describe("convert-epoch.mjs parseCsv (RFC 4180)", () => {
  test('quoted fields with commas, newlines and "" escapes; CRLF and LF; BOM dropped', () => {
    const [a, b, c, d] = parseCsvAll(['a,b,c\n1,"x, y","say ""hi"""\n', '\ufeffh1,h2\r\n"line1\nline2",2\r\n', "a,,c\n,,\n", '"",x\n"a""b",""']);
    expect(a).toEqual([
      ["a", "b", "c"],
      ["1", "x, y", 'say "hi"'],
    ]);
    expect(b).toEqual([
      ["h1", "h2"],
      ["line1\nline2", "2"],
    ]);
    expect(c).toEqual([
      ["a", "", "c"],
      ["", "", ""],
    ]);
    expect(d).toEqual([
      ["", "x"],
      ['a"b', ""],
    ]);
  });

  test("refuses an unterminated quote and text after a closing quote instead of guessing", () => {
    const [a, b] = parseCsvAll(['a,"open\n', 'a,"x"y\n']);
    expect(a).toEqual({ error: expect.stringMatching(/unterminated quoted field starting on line 1/) });
    expect(b).toEqual({ error: expect.stringMatching(/unexpected character after closing quote/) });
  });

  test("round-trips random tables written with RFC 4180 quoting", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r\n", " ", "中", "é") });
    const tables = fc.sample(
      fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(field, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 5 })),
      { numRuns: 200, seed: 4180 }
    );
    const quote = (s: string): string => (/[",\r\n]/.test(s) || s === "" ? `"${s.replace(/"/g, '""')}"` : s);
    const texts = tables.map((t) => t.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n");
    const parsed = parseCsvAll(texts);
    parsed.forEach((p, i) => expect(p).toEqual(tables[i]));
  });
});

describe("convert-epoch.mjs output", () => {
  test("the committed JSON is what the script writes from the snapshot (re-runnable, --check)", () => {
    const r = spawnSync(process.execPath, [SCRIPT, "--check", CSV, join(ROOT, "src/data/generated/epoch-models.json")]);
    expect({ status: r.status, stderr: r.stderr.toString() }).toEqual({ status: 0, stderr: "" });
  });

  test("converts types: numbers, ISO dates, $-amounts, MFU percentages; cleans whitespace", () => {
    const dir = mkdtempSync(join(tmpdir(), "convert-epoch-"));
    // Epoch's header names the script reads, plus one it ignores, in a different order.
    const cols = ["Abstract", ...READ_COLUMNS];
    const header = cols.join(",");
    const rec = (v: Record<string, string>) => cols.map((c) => (v[c] === undefined ? "" : `"${v[c].replace(/"/g, '""')}"`)).join(",");
    const csv = [
      header,
      rec({
        Model: " Cosmos-1.0-\nDiffusion ",
        "Publication date": "2025-01-07",
        Parameters: "14000000000.0",
        "Hardware utilization (MFU)": "72.0",
        "Training compute cost (2023 USD)": "$6770000.00",
        "Hardware quantity": "8",
      }),
      rec({ Model: "Plain", "Publication date": "2020-01-01", "Hardware utilization (MFU)": "0.4", Organization: 'A,"B, C"', Abstract: "x\ny" }),
    ].join("\n");
    const input = join(dir, "in.csv");
    const output = join(dir, "out.json");
    writeFileSync(input, csv);
    execFileSync(process.execPath, [SCRIPT, input, output]);
    const out = JSON.parse(readFileSync(output, "utf8")) as { columns: string[]; rows: unknown[][]; corrections: string[] };
    const at = (r: number, k: string) => out.rows[r][out.columns.indexOf(k)];
    expect(at(0, "model")).toBe("Cosmos-1.0-Diffusion");
    expect(at(0, "parameters")).toBe(14e9);
    expect(at(0, "mfu")).toBe(0.72);
    expect(at(0, "training_cost_usd")).toBe(6770000);
    expect(at(0, "hardware_quantity")).toBe(8);
    expect(at(0, "training_compute_flop")).toBeNull();
    expect(at(1, "mfu")).toBe(0.4);
    expect(at(1, "organization")).toBe('A,"B, C"');
    expect(out.corrections).toEqual(["Cosmos-1.0-Diffusion: MFU 72.0 read as 72% (stored 0.72)"]);
  });

  test("refuses a record of the wrong width or a missing column, and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "convert-epoch-"));
    const run = (csv: string) => {
      writeFileSync(join(dir, "in.csv"), csv);
      return spawnSync(process.execPath, [SCRIPT, join(dir, "in.csv"), join(dir, "out.json")]);
    };
    const narrow = run("Model,Organization\nA,B,C\n");
    expect(narrow.status).not.toBe(0);
    expect(narrow.stderr.toString()).toMatch(/missing column "Publication date"/);
    const header = READ_COLUMNS.join(",");
    const short = run(`${header}\nA,B\n`);
    expect(short.status).not.toBe(0);
    expect(short.stderr.toString()).toMatch(/CSV record 2: expected 13 fields, got 2/);
    expect(existsSync(join(dir, "out.json"))).toBe(false);
  });

  test("applies data/corrections/epoch.json after conversion and lists it (`corrected`); without a matching upstream value a correction is dropped, not applied", () => {
    const dir = mkdtempSync(join(tmpdir(), "convert-epoch-"));
    const out = join(dir, "hw.json");
    execFileSync(process.execPath, [SCRIPT, "--hardware", HARDWARE_CSV, out]);
    type Out = {
      columns: string[];
      rows: unknown[][];
      corrected: { applied: { row: string }[]; dropped: { correction: { row: string }; found: unknown; reason: string }[] };
    };
    const json = JSON.parse(readFileSync(out, "utf8")) as Out;
    const h200 = json.rows.find((r) => r[0] === "NVIDIA H200 SXM")!;
    expect(h200[json.columns.indexOf("release_date")]).toBe("2023-11-13");
    expect(json.corrected.applied.map((c) => c.row)).toEqual(["Intel Habana Gaudi2", "NVIDIA H200 SXM", "NVIDIA B200"]);
    expect(json.corrected.dropped).toEqual([]);
    // An upstream where Epoch already fixed the H200 date: the correction is dropped and says why.
    const csv = readFileSync(HARDWARE_CSV, "utf8").replace(/^(NVIDIA H200 SXM,NVIDIA,GPU,)2024-11-18,/m, "$12023-11-14,");
    expect(csv).toContain("NVIDIA H200 SXM,NVIDIA,GPU,2023-11-14,");
    writeFileSync(join(dir, "fixed.csv"), csv);
    execFileSync(process.execPath, [SCRIPT, "--hardware", join(dir, "fixed.csv"), out]);
    const fixed = JSON.parse(readFileSync(out, "utf8")) as Out;
    expect(fixed.rows.find((r) => r[0] === "NVIDIA H200 SXM")![json.columns.indexOf("release_date")]).toBe("2023-11-14");
    expect(fixed.corrected.dropped.map((d) => [d.correction.row, d.found, d.reason])).toEqual([
      ["NVIDIA H200 SXM", "2023-11-14", "upstream changed the value"],
    ]);
  });
});
