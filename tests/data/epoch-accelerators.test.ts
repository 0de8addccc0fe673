/**
 * epoch-accelerators: the data-centre accelerators of Epoch AI's hardware table, converted by
 * scripts/epoch-convert.ts (the conversion runs in-process here).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { acceleratorFamily, convertHardware, DENSE_REFERENCES, HARDWARE_COLUMNS, parseCsv, serialize } from "../../scripts/epoch-convert";
import { epochAccelerators } from "../../src/data/datasets/epoch-accelerators";
import { validateDataset } from "../../src/data/feed";
import { EPOCH_ACCELERATORS_ID } from "../../src/data/ids";
import { EPOCH_HARDWARE_CSV as CSV } from "../../scripts/upstream";
import { readCorrections, withCorrections } from "../../scripts/corrections";

const ROOT = join(__dirname, "../..");
const JSON_FILE = join(ROOT, "src/data/generated/epoch-accelerators.json");

const d = epochAccelerators;
const col = (key: string): number => d.columns.findIndex((c) => c.key === key);
const row = (name: string) => d.rows.find((r) => r[0] === name);
const names = new Set(d.rows.map((r) => r[0]));

/** Relative tolerance for datasheet figures (they round: 989.4 vs 989). */
const DATASHEET_TOLERANCE = 0.005;

describe("epoch-accelerators dataset", () => {
  test("has the id, the 13 columns in the order AI.CHIP reads them, and validates as a feed file", () => {
    expect(d.id).toBe(EPOCH_ACCELERATORS_ID);
    expect(d.columns.map((c) => c.key)).toEqual([
      "name",
      "manufacturer",
      "type",
      "release_date",
      "tensor16_flops",
      "fp8_flops",
      "int8_ops",
      "fp32_flops",
      "memory_gb",
      "memory_bandwidth",
      "tdp_w",
      "source_url",
      "confidence",
    ]);
    expect(d.columns[col("int8_ops")].unit).toBe("OP/s");
    expect(d.columns[col("memory_bandwidth")].unit).toBe("byte/s");
    expect(validateDataset({ format: 1, ...d })).toMatchObject({ ok: true });
    expect(d.source[0]).toEqual(expect.objectContaining({ url: "https://epoch.ai/data/machine-learning-hardware" }));
    expect(d.source[0].text).toMatch(/Data on Machine Learning Hardware.*CC BY 4\.0/);
    expect(d.asOf).toBe("2025-06-20"); // the newest "Last modified" of the snapshot
  });

  test("keeps 246 of the 5,774 hardware records (the data-centre accelerators)", () => {
    expect(d.rows).toHaveLength(246);
    expect(d.notes.join(" ")).toMatch(/Rows kept: 246 of 5774 hardware records/);
  });

  test("includes the data-centre chips of every family, under Epoch's spelling", () => {
    for (const name of [
      "NVIDIA H100 SXM5 80GB",
      "Google TPU v5p",
      "AMD Instinct MI325X",
      "NVIDIA B100",
      "NVIDIA HGX H20",
      "Huawei Ascend 910C",
      "Intel Habana Gaudi3",
      "NVIDIA A100 SXM4 80 GB",
      "NVIDIA GB200 NVL2",
      "Cambricon MLU370-X8",
      "Baidu Kunlun RG800",
      "Biren BR100",
      "MetaX MXC500 (OAM)",
      "MTT S4000",
      "Tianshu Zhixin Zhikai 100",
      "Amazon Trainium2",
      "AWS Inferentia2",
      "Meta MTIA v2",
      "Maia 100 (M100)",
      "GroqChip LPU v1",
      "Cerebras WSE-3",
      "Colossus MK2 (GC200 IPU)",
      "Cerulean SN40L RDU",
      "Google TPU v7 Ironwood",
    ]) {
      expect({ name, kept: names.has(name) }).toEqual({ name, kept: true });
    }
  });

  test("excludes consumer, workstation, mobile and embedded parts and CPUs", () => {
    for (const name of ["NVIDIA GeForce RTX 4090", "NVIDIA RTX A6000", "MTT S80", "Huawei Ascend 310", "NVIDIA Jetson AGX Orin", "Intel Xeon Phi 7290"]) {
      expect({ name, kept: names.has(name) }).toEqual({ name, kept: false });
    }
    const bad = d.rows.map((r) => String(r[0])).filter((n) => /GeForce|Quadro|Radeon RX|Apple|Ryzen|Core i\d|Xeon|Jetson|Mobile|Max-Q|Laptop/i.test(n));
    expect(bad).toEqual([]);
    expect(d.rows.filter((r) => r[col("type")] === "CPU")).toEqual([]);
    expect(acceleratorFamily("Apple M2 Max", "Apple", "SoC")).toBeNull();
    expect(acceleratorFamily("NVIDIA GeForce RTX 4090", "NVIDIA", "GPU")).toBeNull();
    expect(acceleratorFamily("NVIDIA H100 SXM5 80GB", "NVIDIA", "GPU")).toMatch(/^NVIDIA data-centre/);
  });

  test("holds the 16-bit figures against the datasheets' dense values (H100 989, A100 312, MI300X 1307.4) within 0.5%", () => {
    const t16 = col("tensor16_flops");
    for (const [name, dense] of [
      ["NVIDIA H100 SXM5 80GB", 989e12],
      ["NVIDIA A100 SXM4 80 GB", 312e12],
      ["AMD Instinct MI300X", 1307.4e12],
    ] as const) {
      const v = row(name)?.[t16] as number;
      expect({ name, within: Math.abs(v / dense - 1) <= DATASHEET_TOLERANCE }).toEqual({ name, within: true });
    }
    for (const [name, dense] of DENSE_REFERENCES) {
      const v = row(name)?.[t16];
      expect({ name, ok: typeof v === "number" && Math.abs(v / dense - 1) <= DATASHEET_TOLERANCE }).toEqual({ name, ok: true });
    }
  });

  test("notes every 8-bit figure that is not 2× the 16-bit one (Gaudi 3 FP8 = BF16 is kept with a note)", () => {
    const dense = d.notes.filter((n) => n.startsWith("Dense check:"));
    expect(dense).toEqual(expect.arrayContaining([expect.stringMatching(/^Dense check: Intel Habana Gaudi3: fp8 is 1\.00× tensor16/)]));
    const [t16, fp8, int8] = [col("tensor16_flops"), col("fp8_flops"), col("int8_ops")];
    for (const r of d.rows) {
      const base = r[t16];
      if (typeof base !== "number") continue;
      for (const c of [fp8, int8]) {
        const x = r[c];
        if (typeof x !== "number") continue;
        const ratio = x / base;
        const normal = ratio >= 1.9 && ratio <= 2.1;
        if (!normal) expect({ name: r[0], noted: dense.some((n) => n.includes(`${String(r[0])}:`)) }).toEqual({ name: r[0], noted: true });
        expect({ name: r[0], sparseLooking: ratio >= 3.5 && ratio <= 4.5 }).toEqual({ name: r[0], sparseLooking: false });
      }
    }
  });

  test("blanks an 8-bit figure that is 4× the 16-bit one (a sparse figure) and says so", () => {
    const header = HARDWARE_COLUMNS.map(([, h]) => h);
    const rec = (v: Record<string, string>) => header.map((h) => v[h] ?? "");
    const out = convertHardware(
      [
        header,
        rec({ "Hardware name": "NVIDIA H999", Manufacturer: "NVIDIA", "Tensor-FP16/BF16 performance (FLOP/s)": "1e15", "FP8 performance (FLOP/s)": "4e15" }),
      ],
      "0".repeat(64)
    );
    expect(out.rows[0][5]).toBeNull();
    expect(out.notes).toEqual([expect.stringMatching(/NVIDIA H999: fp8 4000e12 is 4\.00× tensor16 1000e12, which only a sparse figure would be: left blank/)]);
  });

  test("values match Epoch's CSV (H100, MI300X, TPU v5p, Ascend 910C): GB = bytes ÷ 1e9, first datasheet link, verification flag", () => {
    const [header, ...body] = parseCsv(readFileSync(CSV, "utf8"));
    const csv = (name: string, h: string) => body.find((r) => r[0] === name)?.[header.indexOf(h)];
    const h100 = row("NVIDIA H100 SXM5 80GB")!;
    expect(h100[col("tensor16_flops")]).toBe(Number(csv("NVIDIA H100 SXM5 80GB", "Tensor-FP16/BF16 performance (FLOP/s)")));
    expect(h100[col("int8_ops")]).toBe(1979e12);
    expect(h100[col("fp32_flops")]).toBe(Number(csv("NVIDIA H100 SXM5 80GB", "FP32 (single precision) performance (FLOP/s)")));
    expect(h100[col("memory_gb")]).toBe(80);
    expect(h100[col("tdp_w")]).toBe(700);
    expect(h100[col("release_date")]).toBe("2022-09-20");
    const mi = row("AMD Instinct MI300X")!;
    expect(mi[col("memory_bandwidth")]).toBe(Number(csv("AMD Instinct MI300X", "Memory bandwidth (byte/s)")));
    expect(mi[col("memory_gb")]).toBe(192);
    expect(row("Google TPU v5p")![col("int8_ops")]).toBe(918e12);
    const ascend = row("Huawei Ascend 910C")!;
    expect(ascend[col("confidence")]).toBe("unverified");
    expect(ascend[col("source_url")]).toBe(String(csv("Huawei Ascend 910C", "Link to datasheet")).split(/\s/)[0]);
    expect(h100[col("confidence")]).toBe("not flagged");
  });

  test("the committed JSON is what the conversion writes from the snapshot, corrections applied (not stale)", () => {
    const bytes = readFileSync(CSV);
    const sha = createHash("sha256").update(bytes).digest("hex");
    const out = withCorrections(EPOCH_ACCELERATORS_ID, convertHardware(parseCsv(bytes.toString("utf8")), sha), readCorrections());
    expect(serialize(out)).toBe(readFileSync(JSON_FILE, "utf8"));
  });

  test("convert-epoch.mjs --hardware --check agrees (the command line the README gives)", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "scripts/convert-epoch.mjs"), "--hardware", "--check"]);
    expect({ status: r.status, stderr: r.stderr.toString() }).toEqual({ status: 0, stderr: "" });
  });

  test("a lone CR inside an unquoted field is data, not a record end (Epoch's RTX 2080 Ti Founders Edition row)", () => {
    expect(parseCsv("a,b\nx\r,y\n")).toEqual([
      ["a", "b"],
      ["x\r", "y"],
    ]);
    expect(parseCsv("a,b\r\nx,y\r\n")).toEqual([
      ["a", "b"],
      ["x", "y"],
    ]);
  });

  test('confidence says what Epoch\'s "Unverified" box says: "unverified" (ticked) or "not flagged" (blank), never "checked"; the header says so in both languages', () => {
    const values = d.rows.map((r) => r[col("confidence")]);
    expect(values.filter((v) => v === "not flagged")).toHaveLength(242);
    expect(values.filter((v) => v === "unverified")).toHaveLength(4);
    expect(values.filter((v) => v !== "not flagged" && v !== "unverified")).toEqual([]);
    const c = d.columns[col("confidence")];
    expect(c.header).toEqual({ zh: "Epoch 未核实标记", en: "Epoch unverified flag" });
    expect(c.description).toMatch(/"not flagged" where it is blank \(not a sign that Epoch checked the row\).*空白不代表 Epoch 已核实该行/);
    expect(d.notes.join("\n")).not.toMatch(/otherwise "checked"/);
  });

  test('the "GB200 NVL2" row is noted: per-GPU compute beside the two GPUs\' memory and bandwidth', () => {
    const nvl2 = row("NVIDIA GB200 NVL2")!;
    expect([nvl2[col("tensor16_flops")], nvl2[col("memory_gb")], nvl2[col("memory_bandwidth")]]).toEqual([2.5e15, 384, 1.6e13]);
    const note = d.notes.find((n) => n.startsWith('"NVIDIA GB200 NVL2" mixes two scopes'));
    expect(note).toMatch(/compute is per GPU \(tensor16 2500000000000000.*memory \(384 GB\) and bandwidth \(16000000000000 byte\/s\) are for both GPUs/);
  });

  test("Epoch's known errors are corrected, each with its citation in the notes: Gaudi2 16-bit, H200 SXM release date, B200 FP32", () => {
    const raw = convertHardware(parseCsv(readFileSync(CSV, "utf8")), "0".repeat(64));
    const rawCell = (name: string, key: string) => raw.rows.find((r) => r[0] === name)?.[raw.columns.indexOf(key)];
    const cases: [string, string, number | string, number | string, string][] = [
      [
        "Intel Habana Gaudi2",
        "tensor16_flops",
        450e12,
        432e12,
        "https://hc2024.hotchips.org/assets/program/conference/day1/60_HC2024.Intel.RomanKaplan.Gaudi3-0826.pdf",
      ],
      [
        "NVIDIA H200 SXM",
        "release_date",
        "2024-11-18",
        "2023-11-13",
        "https://nvidianews.nvidia.com/news/nvidia-supercharges-hopper-the-worlds-leading-ai-computing-platform",
      ],
      ["NVIDIA B200", "fp32_flops", 62.08e12, 75e12, "https://www.nvidia.com/en-us/data-center/hgx/"],
    ];
    for (const [name, key, epoch, corrected, url] of cases) {
      expect({ name, epoch: rawCell(name, key), published: row(name)?.[col(key)] }).toEqual({ name, epoch, published: corrected });
      const note = d.notes.find((n) => n.startsWith(`Correction of Epoch AI's row "${name}", ${key}:`));
      expect({ name, cites: note?.includes(url) }).toEqual({ name, cites: true });
    }
    expect(d.notes.filter((n) => n.startsWith("Correction not applied"))).toEqual([]);
  });
});
