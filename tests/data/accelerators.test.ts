import { readFileSync } from "node:fs";
import { EPOCH_HARDWARE_CSV } from "../../scripts/upstream";
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
      "v100",
      "a100",
      "a800",
      "h100",
      "h800",
      "h20",
      "h200",
      "b100",
      "b200",
      "gb200",
      "mi250x",
      "mi300x",
      "mi325x",
      "tpuv5e",
      "tpuv5p",
      "tpuv6e",
      "tpuv7",
      "gaudi3",
      "ascend910",
      "ascend910b",
      "ascend910c",
      "mlu370x8",
      "dcuz100",
    ]);
  });

  // Dense FP16/BF16 tensor and FP32 from the datasheets (domain facts), in TFLOP/s.
  const DATASHEET: [string, number | null, number | null, number | null][] = [
    ["v100", 125, 15.7, 32],
    ["a100", 312, 19.5, 80],
    ["h100", 989, 66.9, 80],
    ["h200", 989, 66.9, 141],
    ["mi250x", 383, 47.9, 128],
    ["mi300x", 1307.4, 163.4, 192],
    ["ascend910", 256, null, 32],
    ["mlu370x8", 96, 24, 48],
    // Added in 1.1.0 (issue 11): GB200 per GPU (NVIDIA's per-superchip sparse figures ÷ 2 GPUs ÷ 2), MI325X, TPUs (Google Cloud docs).
    ["gb200", 2500, 90, null],
    ["mi325x", 1307.4, 163.4, 256],
    ["tpuv5e", 197, null, 16],
    ["tpuv5p", 459, null, 95],
    ["tpuv6e", 918, null, 32],
    // Issue 19: TPU v7 BF16 from Google Cloud's TPU7x page; Gaudi 3 BF16 matrix from Intel's Hot Chips 2024 talk.
    ["tpuv7", 2307, null, 192],
    ["gaudi3", 1835, 14.3, 128],
  ];
  test.each(DATASHEET)("%s: %s TFLOP/s 16-bit, %s FP32, %s GB", (key, t16, fp32, mem) => {
    const r = row(key);
    if (t16 === null) expect(r[col("tensor16_flops")]).toBeNull();
    else expect(relDiff(r[col("tensor16_flops")] as number, t16 * 1e12)).toBeLessThan(1e-12);
    if (fp32 === null) expect(r[col("fp32_flops")]).toBeNull();
    else expect(relDiff(r[col("fp32_flops")] as number, fp32 * 1e12)).toBeLessThan(1e-12);
    expect(r[col("memory_gb")]).toBe(mem);
    expect(r[col("confidence")]).toBe("datasheet");
  });

  // Weak rows added in 1.1.0: third-party or conflicting sources (see the notes).
  const WEAK: [string, number | null, number | null, number | null, number][] = [
    // A800 and H800 (issue 19): Epoch's only link is TechPowerUp, a third party.
    ["a800", 312, 19.5, 80, 2022],
    ["h800", 989, null, 80, 2023],
    ["b100", 1750, null, null, 2024],
    ["h20", 148, 44, 96, 2023],
    ["ascend910c", 800, null, null, 2024],
  ];
  test.each(WEAK)("%s (weak): %s TFLOP/s 16-bit, %s FP32, %s GB, %i", (key, t16, fp32, mem, year) => {
    const r = row(key);
    expect(r[col("confidence")]).toBe("weak");
    if (t16 === null) expect(r[col("tensor16_flops")]).toBeNull();
    else expect(relDiff(r[col("tensor16_flops")] as number, t16 * 1e12)).toBeLessThan(1e-12);
    if (fp32 === null) expect(r[col("fp32_flops")]).toBeNull();
    else expect(relDiff(r[col("fp32_flops")] as number, fp32 * 1e12)).toBeLessThan(1e-12);
    expect(r[col("memory_gb")]).toBe(mem);
    expect(r[col("year")]).toBe(year);
  });

  test("every chip added in 1.1.0 has a note that names it", () => {
    for (const name of ["GB200", "B100", "H20", "MI325X", "TPU v5e", "TPU v7", "Gaudi 3", "Ascend 910C"]) {
      expect({ name, noted: d.notes.some((n) => n.includes(name)) }).toEqual({ name, noted: true });
    }
  });

  test("Blackwell memory stays blank (192 GB at announcement, 180-186 GB later): B100, B200 and GB200", () => {
    for (const key of ["b100", "b200", "gb200"]) expect(row(key)[col("memory_gb")]).toBeNull();
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
        const opts = String(r[col("memory_options")])
          .split("/")
          .map((s) => Number(s.trim()));
        expect(opts).toContain(r[col("memory_gb")]);
        expect(Math.max(...opts)).toBe(r[col("memory_gb")]);
      }
    }
  });

  // Cross-check against the repository's snapshot of Epoch's hardware CSV (data/upstream/epoch).
  const CSV = EPOCH_HARDWARE_CSV;

  /** RFC 4180 records (quoted fields hold commas, quotes and newlines); the file starts with a BOM. */
  function parseCsv(text: string): Map<string, Record<string, string>> {
    const records: string[][] = [];
    let rec: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
        else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") (rec.push(field), (field = ""));
      else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i++;
        (rec.push(field), records.push(rec), (rec = []), (field = ""));
      } else field += ch;
    }
    if (field !== "" || rec.length > 0) (rec.push(field), records.push(rec));
    const [header, ...rows] = records;
    const byName = new Map<string, Record<string, string>>();
    for (const r of rows) {
      const o = Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""]));
      if (!byName.has(o["Hardware name"])) byName.set(o["Hardware name"], o);
    }
    return byName;
  }
  const epoch = parseCsv(readFileSync(CSV, "utf8"));
  const T16 = "Tensor-FP16/BF16 performance (FLOP/s)";
  const FP16 = "FP16 (half precision) performance (FLOP/s)";
  const FP8 = "FP8 performance (FLOP/s)";
  const INT8 = "INT8 performance (OP/s)";
  const FP32 = "FP32 (single precision) performance (FLOP/s)";
  const MEM = "Memory size per board (Byte)";
  const num = (r: Record<string, string>, c: string): number | null => (r[c] === "" ? null : Number(r[c]));
  const epochRow = (name: string): Record<string, string> => {
    const r = epoch.get(name);
    if (r === undefined) throw new Error(`Epoch's CSV has no "${name}"`);
    return r;
  };

  /** Epoch's name for each curated chip. */
  const EPOCH_NAME: Record<string, string> = {
    v100: "NVIDIA Tesla V100 SXM2",
    a100: "NVIDIA A100 SXM4 80 GB",
    a800: "NVIDIA A800 SXM",
    h100: "NVIDIA H100 SXM5 80GB",
    h800: "NVIDIA H800 SXM5",
    h20: "NVIDIA HGX H20",
    h200: "NVIDIA H200 SXM",
    b100: "NVIDIA B100",
    b200: "NVIDIA B200",
    gb200: "NVIDIA GB200 NVL2",
    mi250x: "AMD Radeon Instinct MI250X",
    mi300x: "AMD Instinct MI300X",
    mi325x: "AMD Instinct MI325X",
    tpuv5e: "Google TPU v5e",
    tpuv5p: "Google TPU v5p",
    tpuv6e: "Google TPU v6e Trillium",
    tpuv7: "Google TPU v7 Ironwood",
    gaudi3: "Intel Habana Gaudi3",
    ascend910: "Huawei Ascend 910",
    ascend910b: "Huawei Ascend 910B",
    ascend910c: "Huawei Ascend 910C",
    mlu370x8: "Cambricon MLU370-X8",
    dcuz100: "Shensuan-1",
  };

  test("datasheet figures agree with Epoch's ML hardware data within 0.5%", () => {
    for (const key of ["v100", "h100", "h200", "mi300x", "a800"]) {
      expect({ key, diff: relDiff(num(epochRow(EPOCH_NAME[key]), T16)!, row(key)[col("tensor16_flops")] as number) < 0.005 }).toEqual({ key, diff: true });
    }
  });

  test("every curated chip has its row in Epoch's snapshot", () => {
    expect(Object.keys(EPOCH_NAME).sort()).toEqual(d.rows.map((r) => String(r[col("key")])).sort());
    for (const name of Object.values(EPOCH_NAME)) expect(epoch.has(name)).toBe(true);
  });

  // The chips added in 1.1.0 against Epoch's row: [key, Epoch column, expected ratio ours ÷ Epoch's, tolerance, why].
  const VS_EPOCH: [string, string, string, number, number, string][] = [
    ["gb200", T16, "tensor16_flops", 1, 1e-9, "per-GPU compute in Epoch's NVL2 row"],
    ["gb200", FP32, "fp32_flops", 1, 1e-9, "per GPU"],
    ["b100", T16, "tensor16_flops", 1, 1e-9, "same source"],
    ["h20", T16, "tensor16_flops", 1, 1e-9, "same source"],
    ["h20", FP32, "fp32_flops", 1, 1e-9, "same source"],
    ["h20", MEM, "memory_gb", 1e-9, 1e-9, "bytes → GB"],
    ["mi325x", FP16, "tensor16_flops", 1307.4 / 1300, 1e-9, "Epoch's tensor cell is blank; its FP16 column rounds AMD's 1,307.4 to 1,300 (0.57%)"],
    ["mi325x", FP32, "fp32_flops", 1, 1e-9, "AMD datasheet"],
    ["mi325x", MEM, "memory_gb", 1e-9, 1e-9, "bytes → GB"],
    ["tpuv5e", T16, "tensor16_flops", 1, 1e-9, "Google Cloud docs"],
    ["tpuv5e", MEM, "memory_gb", 1e-9, 1e-9, "bytes → GB"],
    ["tpuv5p", T16, "tensor16_flops", 1, 1e-9, "Google Cloud docs"],
    ["tpuv5p", MEM, "memory_gb", 1e-9, 1e-9, "bytes → GB"],
    ["tpuv6e", T16, "tensor16_flops", 1, 1e-9, "Google Cloud docs"],
    ["tpuv6e", MEM, "memory_gb", 1e-9, 1e-9, "bytes → GB"],
    ["tpuv7", MEM, "memory_gb", 1e-9, 1e-9, "bytes → GB"],
    ["gaudi3", T16, "tensor16_flops", 1835 / 1678, 1e-9, "Intel's 1,835 (Hot Chips 2024); Epoch lists 1,678, noted"],
    ["gaudi3", FP32, "fp32_flops", 1, 1e-9, "vector FP32"],
    ["gaudi3", MEM, "memory_gb", 1e-9, 1e-9, "bytes → GB"],
    ["ascend910c", FP16, "tensor16_flops", 1, 1e-9, "Epoch's FP16 column (row flagged unverified)"],
  ];
  test.each(VS_EPOCH)("%s: %s × ratio = %s (within %s relative; %s)", (key, epochCol, ours, ratio, tol) => {
    const theirs = num(epochRow(EPOCH_NAME[key]), epochCol);
    expect(theirs).not.toBeNull();
    expect(relDiff(row(key)[col(ours)] as number, theirs! * ratio)).toBeLessThan(tol);
  });

  test("the year of every chip added in 1.1.0 is the year of Epoch's release date", () => {
    for (const key of ["gb200", "b100", "h20", "mi325x", "tpuv5e", "tpuv5p", "tpuv6e", "tpuv7", "gaudi3", "ascend910c"]) {
      expect({ key, year: row(key)[col("year")] }).toEqual({ key, year: Number(epochRow(EPOCH_NAME[key])["Release date"].slice(0, 4)) });
    }
  });

  // Dense, not sparse: NVIDIA's and AMD's headline figures are often "with sparsity" (2× dense).
  // Every chip's 8-bit rate is at least twice its dense 16-bit rate, except MI250X's INT8 and
  // Gaudi 3's FP8, which run at the 16-bit rate; a sparse 16-bit figure would break this.
  const SAME_RATE = new Set(["mi250x " + INT8, "gaudi3 " + FP8]);
  // Gaudi 3's 16-bit figure is Intel's 1,835, which Intel also gives for FP8; Epoch's FP8 is its 1,678 (checked in the notes' test).
  const INTEL_NOT_EPOCH = new Set(["gaudi3 " + FP8]);
  test("tensor16 is dense: at most half of Epoch's FP8 and INT8 figures (× 1.01), or equal for MI250X INT8 and Gaudi 3 FP8", () => {
    let compared = 0;
    for (const [key, name] of Object.entries(EPOCH_NAME)) {
      const t16 = row(key)[col("tensor16_flops")];
      if (typeof t16 !== "number") continue;
      for (const c of [FP8, INT8]) {
        const eight = num(epochRow(name), c);
        if (eight === null) continue;
        if (INTEL_NOT_EPOCH.has(`${key} ${c}`)) continue;
        const factor = SAME_RATE.has(`${key} ${c}`) ? 1 : 2;
        expect({ key, c, dense: t16 <= (eight / factor) * 1.01 }).toEqual({ key, c, dense: true });
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(17);
  });

  test("A800 and H800 are weak: their source is TechPowerUp, not a datasheet, and says so", () => {
    for (const key of ["a800", "h800"]) {
      const r = row(key);
      expect({ key, confidence: r[col("confidence")], url: r[col("source_url")] }).toEqual({
        key,
        confidence: "weak",
        url: expect.stringMatching(/^https:\/\/www\.techpowerup\.com\//),
      });
      expect(String(r[col("source")])).toMatch(/TechPowerUp/);
      expect(String(r[col("source")])).not.toMatch(/datasheet \(via/);
    }
  });

  test("asOf is the snapshot's basis (2025-06-20), not B300's planned release month", () => {
    expect(d.asOf).toBe("2025-06-20");
    expect(d.notes.join("\n")).toMatch(/edited up to 2025-06-20 \(its newest row, B300, carries a planned release date of August 2025\)/);
  });

  test('"GB200 Superchip" is not an alias of the per-GPU row (a superchip is two GPUs)', () => {
    const aliases = String(row("gb200")[col("aliases")]).split("; ");
    expect(aliases).toEqual(["GB200"]);
    expect(d.notes.some((n) => n.includes('"GB200 Superchip"') && /2 GPUs/.test(n))).toBe(true);
  });

  test("vendor figures cite their page: TPU v7 2,307 TFLOP/s BF16 (Google Cloud TPU7x), Gaudi 3 1,835 BF16 and FP8 matrix (Intel, Hot Chips 2024)", () => {
    expect([row("tpuv7")[col("tensor16_flops")], row("tpuv7")[col("source_url")]]).toEqual([2307e12, "https://docs.cloud.google.com/tpu/docs/tpu7x"]);
    expect(
      d.notes.some((n) => n.startsWith("TPU v7") && n.includes("2,307") && n.includes("4,614") && n.includes("https://docs.cloud.google.com/tpu/docs/tpu7x"))
    ).toBe(true);
    const hotChips = "https://hc2024.hotchips.org/assets/program/conference/day1/60_HC2024.Intel.RomanKaplan.Gaudi3-0826.pdf";
    expect([row("gaudi3")[col("tensor16_flops")], row("gaudi3")[col("source_url")]]).toEqual([1835e12, hotChips]);
    expect(d.notes.some((n) => n.startsWith("Gaudi 3") && /1,835 TFLOP\/s BF16 matrix and the same 1,835 FP8 matrix/.test(n) && n.includes(hotChips))).toBe(
      true
    );
  });
});
