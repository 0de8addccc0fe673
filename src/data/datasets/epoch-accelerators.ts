/**
 * Data-centre ML accelerators from Epoch AI's hardware database: 16-bit tensor, FP8, INT8 and
 * FP32 throughput, memory, bandwidth and power, with Epoch's datasheet link. AI.CHIP falls back
 * to it when the curated `accelerators` table has no such chip. The rows come from
 * src/data/generated/epoch-accelerators.json, written by scripts/convert-epoch.mjs --hardware
 * (the filter and the dense checks are in scripts/epoch-convert.ts); the updater rebuilds the
 * dataset from the live export with epochAcceleratorsFrom().
 * Not in the catalogue's default list (that goes into the functions bundle).
 */
import generated from "../generated/epoch-accelerators.json";
import { column, FORMAT, textColumn } from "../columns";
import { EPOCH_ACCELERATORS_ID } from "../ids";
import { correctionNotes, type CorrectionsReport } from "../corrections";
import type { CellValue, Column, Dataset } from "../types";

export const EPOCH_HARDWARE_URL = "https://epoch.ai/data/machine-learning-hardware";

const COLUMNS: Column[] = [
  textColumn("name", "芯片", "Hardware name", "Epoch AI's name for the chip or board"),
  textColumn("manufacturer", "厂商", "Manufacturer"),
  textColumn("type", "类型", "Type", "Epoch AI's type: GPU, TPU, NPU, ASIC, … (often blank or GPU for accelerators)"),
  column("release_date", "发布日期", "Release date", "date", "", FORMAT.date),
  column(
    "tensor16_flops",
    "FP16/BF16 张量算力 (FLOP/s)",
    "Tensor FP16/BF16 (FLOP/s, dense)",
    "flops",
    "FLOP/s",
    FORMAT.scientific,
    "Dense (no sparsity) 16-bit tensor/matrix peak"
  ),
  column("fp8_flops", "FP8 算力 (FLOP/s)", "FP8 (FLOP/s, dense)", "flops", "FLOP/s", FORMAT.scientific, "Dense (no sparsity) FP8 peak"),
  column(
    "int8_ops",
    "INT8 算力 (OP/s)",
    "INT8 (OP/s, dense)",
    "flops",
    "OP/s",
    FORMAT.scientific,
    "Dense (no sparsity) INT8 peak, in integer operations per second"
  ),
  column("fp32_flops", "FP32 算力 (FLOP/s)", "FP32 (FLOP/s)", "flops", "FLOP/s", FORMAT.scientific),
  column("memory_gb", "显存 (GB)", "Memory (GB)", "number", "GB", FORMAT.decimal1, "Memory per board in GB (10^9 bytes)"),
  column("memory_bandwidth", "显存带宽 (byte/s)", "Memory bandwidth (byte/s)", "number", "byte/s", FORMAT.scientific),
  column("tdp_w", "功耗 TDP (W)", "TDP (W)", "number", "W", FORMAT.count),
  textColumn("source_url", "数据来源链接", "Datasheet link", "Epoch AI's datasheet link (the first, where Epoch lists several)"),
  textColumn(
    "confidence",
    "Epoch 未核实标记",
    "Epoch unverified flag",
    'Epoch AI\'s "Unverified" box: "unverified" where Epoch ticked it, "not flagged" where it is blank (not a sign that Epoch checked the row). ' +
      "Epoch AI 的“未核实”勾选框：勾选为 unverified，空白为 not flagged（空白不代表 Epoch 已核实该行）。"
  ),
];

/** Shape of the generated JSON (checked at load, since JSON imports are typed loosely). */
export interface GeneratedHardware {
  inputSha256: string;
  lastModified: string | null;
  scanned: number;
  columns: string[];
  notes: string[];
  rows: CellValue[][];
  /** What data/corrections/epoch.json changed after conversion (absent in JSON written before it existed). */
  corrected?: CorrectionsReport;
}

/** Where the rows came from when not from the committed snapshot (the updater). */
export interface HardwareOrigin {
  url: string;
  /** ISO date the figures are as of. */
  asOf: string;
}

/** The families kept (the filter of scripts/epoch-convert.ts, ACCELERATOR_FAMILIES), for the notes. */
const FAMILIES =
  "NVIDIA data-centre GPUs (Tesla; A, H, B, L, V series; GH/GB superchips; P100, P40, M40, T4), AMD Instinct, Intel Gaudi, Nervana NNP and " +
  "Data Center GPU Max, Google TPU, Huawei Ascend 910 family and Atlas 300 cards, Cambricon MLU, Baidu Kunlun, Biren, MetaX, Moore Threads " +
  "MTT S2000/S3000/S4000, Iluvatar CoreX, Enflame, Hygon DCU, AWS Trainium and Inferentia, Meta MTIA, Microsoft Maia, Groq LPU, Cerebras, " +
  "Graphcore, SambaNova, Alibaba T-Head Hanguang, Tesla Dojo, Sapeon, Neuchips, Vastai";

/** The GB200 NVL2 row's memory above one Blackwell GPU's (192 GB) means Epoch stored the pair's. */
const ONE_GPU_MAX_GB = 192;
const NVL2 = "NVIDIA GB200 NVL2";

/** A note on Epoch's "GB200 NVL2" row while it mixes per-GPU compute with two-GPU memory and bandwidth. */
function nvl2Note(g: GeneratedHardware): string[] {
  const at = (key: string): number => COLUMNS.findIndex((c) => c.key === key);
  const row = g.rows.find((r) => r[0] === NVL2);
  const memory = row?.[at("memory_gb")];
  if (!row || typeof memory !== "number" || memory <= ONE_GPU_MAX_GB) return [];
  const fig = (key: string): string => (row[at(key)] === null ? "blank" : String(row[at(key)]));
  return [
    `"${NVL2}" mixes two scopes, as Epoch AI records it: its compute is per GPU (tensor16 ${fig("tensor16_flops")}, fp8 ${fig("fp8_flops")}, ` +
      `int8 ${fig("int8_ops")}, fp32 ${fig("fp32_flops")}: NVIDIA's NVL2 figures for two GPUs, halved, dense), while its memory (${fig("memory_gb")} GB) ` +
      `and bandwidth (${fig("memory_bandwidth")} byte/s) are for both GPUs of the NVL2 board (NVIDIA, https://www.nvidia.com/en-us/data-center/gb200-nvl2/). ` +
      "Per GPU, halve the memory and bandwidth; for the board, double the compute.",
  ];
}

/** Builds the dataset from converted rows: the committed snapshot, or (origin given) a live export. */
export function epochAcceleratorsFrom(g: GeneratedHardware, origin?: HardwareOrigin): Dataset {
  const keys = COLUMNS.map((c) => c.key).join(",");
  if (g.columns.join(",") !== keys) {
    throw new Error(`epoch-accelerators.json columns [${g.columns.join(",")}] do not match [${keys}]: re-run scripts/convert-epoch.mjs --hardware`);
  }
  const asOf = origin?.asOf ?? g.lastModified ?? "2025-06-20";
  const from = origin
    ? `Converted by scripts/update-data.ts from ${origin.url}`
    : "Converted by scripts/convert-epoch.mjs --hardware from the public repository epoch-research/training-cost-trends, file data/Chip dataset-Grid view.csv";
  return {
    id: EPOCH_ACCELERATORS_ID,
    // 1.0.1: confidence says "not flagged" (was "checked"); Epoch's known errors corrected (data/corrections/epoch.json).
    version: "1.0.1",
    shortTitle: { zh: "Epoch AI 加速芯片", en: "Epoch AI accelerators" },
    title: { zh: "Epoch AI 数据中心 AI 加速芯片", en: "Epoch AI: data-centre ML accelerators" },
    description:
      "Data-centre machine-learning accelerators from Epoch AI's hardware database (NVIDIA, AMD, Intel, Google TPU, Huawei Ascend, " +
      "Cambricon and others): dense 16-bit tensor, FP8, INT8 and FP32 throughput, memory, bandwidth, TDP and the datasheet link.",
    source: [
      {
        text: origin
          ? `Epoch AI, "Data on Machine Learning Hardware" (CC BY 4.0), downloaded ${origin.asOf}`
          : `Epoch AI, "Data on Machine Learning Hardware" (CC BY 4.0); snapshot edited up to ${asOf}`,
        url: EPOCH_HARDWARE_URL,
      },
    ],
    asOf,
    license: "CC BY 4.0 (Epoch AI): credit Epoch AI when using or sharing these figures",
    notes: [
      "Throughput is dense (no sparsity), as Epoch AI records it (Epoch AI, Data on Machine Learning Hardware, https://epoch.ai/data/machine-learning-hardware); sparse figures, 2× dense on NVIDIA and AMD tensor units, are not stored. The conversion checks it: it holds the 16-bit figures of V100, A100, A800, H100, H800, H200, B200, MI250X and MI300X against their datasheets' dense values (within 0.5%) and blanks an FP8 or INT8 figure that is 3.5-4.5× the 16-bit one (only a sparse figure would be); no figure is stored in a dense column that is believed sparse.",
      `Rows kept: ${g.rows.length} of ${g.scanned} hardware records, in Epoch's order (newest release first, undated last). A row is kept when its name or manufacturer belongs to one of these families: ${FAMILIES}. Rows naming a CPU type or GeForce, Quadro, TITAN, RTX, Radeon RX/Pro/HD, FirePro, Jetson, Tegra, Mobile, Max-Q, Laptop, Apple, Xeon, Core, Ryzen or EPYC are never kept (consumer, workstation, mobile and embedded parts; Xeon Phi; Ascend 310/610 edge and automotive SoCs are outside the Ascend 910 rule).`,
      `${from}; input SHA-256 ${g.inputSha256}.`,
      'Epoch\'s names are kept as written, so one chip can appear under two spellings ("Meta MTIA v1" and "MTIA v1") and a few names repeat (Cambricon MLU370-X8, -X4, -S4, MLU290-M5): a name lookup returns the first row.',
      "Blank is unknown: Epoch has no figure (e.g. tensor16 for MI325X, whose 16-bit matrix rate Epoch lists only in its FP16 column, not copied here). memory_gb is Epoch's bytes ÷ 1e9. fp8_flops and int8_ops share the flops type; int8_ops is in integer OP/s.",
      'confidence is Epoch\'s "Unverified" box: "unverified" where Epoch ticked it, "not flagged" where the box is blank. Blank means only that Epoch has not flagged the row, not that anyone checked it.',
      ...nvl2Note(g),
      ...g.notes.map((n) => `Dense check: ${n}.`),
      ...correctionNotes(g.corrected),
    ],
    columns: COLUMNS,
    key: "name",
    rows: g.rows,
  };
}

export const epochAccelerators: Dataset = epochAcceleratorsFrom(generated as GeneratedHardware);
