import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { accelerators as d } from "../../src/data/datasets/accelerators";
import { relDiff } from "./report";

const col = (key: string): number => d.columns.findIndex((c) => c.key === key);
const row = (key: string) => {
  const r = d.rows.find((x) => x[col("key")] === key);
  if (r === undefined) throw new Error(`no chip ${key}`);
  return r;
};

describe("accelerators", () => {
  test("has the chips the add-in promises", () => {
    expect(d.rows.map((r) => r[col("key")])).toEqual([
      "v100", "a100", "a800", "h100", "h800", "h200", "b200", "mi250x", "mi300x", "ascend910", "ascend910b", "mlu370x8", "dcuz100",
    ]);
  });

  // Dense FP16/BF16 tensor and FP32 from the datasheets (domain facts), in TFLOP/s.
  const DATASHEET: [string, number, number | null, number | null][] = [
    ["v100", 125, 15.7, 32],
    ["a100", 312, 19.5, 80],
    ["a800", 312, 19.5, 80],
    ["h100", 989, 66.9, 80],
    ["h800", 989, null, 80],
    ["h200", 989, 66.9, 141],
    ["mi250x", 383, 47.9, 128],
    ["mi300x", 1307.4, 163.4, 192],
    ["ascend910", 256, null, 32],
    ["mlu370x8", 96, 24, 48],
  ];
  test.each(DATASHEET)("%s: %d TFLOP/s 16-bit, %s FP32, %s GB", (key, t16, fp32, mem) => {
    const r = row(key);
    expect(relDiff(r[col("tensor16_flops")] as number, t16 * 1e12)).toBeLessThan(1e-12);
    if (fp32 === null) expect(r[col("fp32_flops")]).toBeNull();
    else expect(relDiff(r[col("fp32_flops")] as number, fp32 * 1e12)).toBeLessThan(1e-12);
    expect(r[col("memory_gb")]).toBe(mem);
    expect(r[col("confidence")]).toBe("datasheet");
  });

  test("H100 is 9.89e14 FLOP/s dense BF16, stored as FLOP/s", () => {
    expect(row("h100")[col("tensor16_flops")]).toBe(9.89e14);
  });

  test("B200: weak, memory blank and said to be unconfirmed", () => {
    expect(row("b200")[col("confidence")]).toBe("weak");
    expect(row("b200")[col("memory_gb")]).toBeNull();
    expect(d.notes.some((n) => n.startsWith("B200") && /unconfirmed/.test(n) && /192/.test(n) && /180/.test(n))).toBe(true);
  });

  test("Ascend 910B and Hygon DCU Z100 are weak; 910B within the SKU range 280-400 TFLOP/s", () => {
    expect(row("ascend910b")[col("confidence")]).toBe("weak");
    expect(row("dcuz100")[col("confidence")]).toBe("weak");
    const t = row("ascend910b")[col("tensor16_flops")] as number;
    expect(t).toBeGreaterThanOrEqual(280e12);
    expect(t).toBeLessThanOrEqual(400e12);
    expect(row("dcuz100")[col("tensor16_flops")]).toBe(24.5e12);
  });

  test("every row has a source; datasheet rows have an https link", () => {
    for (const r of d.rows) {
      expect(String(r[col("source")])).not.toBe("");
      if (r[col("confidence")] === "datasheet") expect(String(r[col("source_url")])).toMatch(/^https:\/\//);
    }
  });

  test("FP32 never exceeds the 16-bit tensor rate, and memory_gb is one of memory_options", () => {
    for (const r of d.rows) {
      if (r[col("fp32_flops")] !== null) expect(r[col("fp32_flops")] as number).toBeLessThanOrEqual(r[col("tensor16_flops")] as number);
      if (r[col("memory_gb")] !== null) {
        const opts = String(r[col("memory_options")]).split("/").map((s) => Number(s.trim()));
        expect(opts).toContain(r[col("memory_gb")]);
        expect(Math.max(...opts)).toBe(r[col("memory_gb")]);
      }
    }
  });

  // Cross-check against Epoch's hardware CSV when the shared snapshot is present.
  const CSV = join(__dirname, "../../../shared/data/epoch/ml-hardware.csv");
  (existsSync(CSV) ? test : test.skip)("datasheet figures agree with Epoch's ML hardware data within 0.5%", () => {
    const text = readFileSync(CSV, "utf8");
    const pick: [string, string][] = [["v100", "NVIDIA Tesla V100 SXM2,"], ["h100", "NVIDIA H100 SXM5 80GB,"], ["h200", "NVIDIA H200 SXM,"], ["mi300x", "AMD Instinct MI300X,"], ["a800", "NVIDIA A800 SXM,"]];
    for (const [key, prefix] of pick) {
      const line = text.split("\n").find((l) => l.startsWith(prefix));
      expect(line).toBeDefined();
      // Tensor-FP16/BF16 is field 10 (0-based 9) of these simple, unquoted lines.
      const fields = line!.split(",");
      expect(relDiff(Number(fields[9]), row(key)[col("tensor16_flops")] as number)).toBeLessThan(0.005);
    }
  });
});
