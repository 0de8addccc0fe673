/**
 * A small epoch-accelerators dataset of the real one's shape (same id and columns, in order),
 * for lookup, feed and engine tests that must not depend on the converted snapshot's figures.
 * Figures are Epoch's for the real chips; "L40" rows are made up to test name collisions.
 */
import { column, FORMAT, textColumn } from "../../src/data/columns";
import { EPOCH_ACCELERATORS_ID } from "../../src/data/ids";
import type { CellValue, Dataset } from "../../src/data/types";

const flops = (key: string, en: string) => column(key, en, en, "flops", "FLOP/s", FORMAT.scientific);

// name, manufacturer, type, release_date, tensor16, fp8, int8, fp32, memory_gb, bandwidth, tdp_w, source_url, confidence
export const FIXTURE_ROWS: CellValue[][] = [
  [
    "AMD Instinct MI325X",
    "AMD",
    "GPU",
    "2024-10-10",
    null,
    null,
    2.6e15,
    1.634e14,
    256,
    6e12,
    1000,
    "https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html",
    "not flagged",
  ],
  [
    "NVIDIA B200",
    "NVIDIA",
    "GPU",
    "2024-03-18",
    2.25e15,
    4.5e15,
    4.5e15,
    6.208e13,
    192,
    8e12,
    1000,
    "https://www.hyperstack.cloud/nvidia-blackwell-b200",
    "not flagged",
  ],
  [
    "NVIDIA H100 SXM5 80GB",
    "NVIDIA",
    "GPU",
    "2022-09-20",
    9.894e14,
    null,
    1.979e15,
    6.691e13,
    80,
    3.35e12,
    700,
    "https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet",
    "not flagged",
  ],
  [
    "NVIDIA H100 PCIe",
    "NVIDIA",
    "GPU",
    "2022-09-20",
    7.56e14,
    null,
    null,
    5.122e13,
    null,
    2.04e12,
    350,
    "https://www.techpowerup.com/gpu-specs/h100-pcie.c3899",
    "not flagged",
  ],
  // Epoch's name "NVIDIA H100" would be the curated H100's own "NVIDIA H100": the curated row must answer.
  ["NVIDIA H100", "NVIDIA", "GPU", "2022-03-22", 1e15, null, null, null, 80, null, null, null, "not flagged"],
  ["Intel Habana Gaudi2", "Intel", null, "2022-05-10", 4.5e14, 8.65e14, null, null, 96, 2.45e12, 600, "https://perma.cc/9SR3-HX6Q", "not flagged"],
  [
    "Google TPU v4",
    "Google",
    "TPU",
    "2021-05-20",
    2.75e14,
    null,
    2.75e14,
    null,
    32,
    1.2e12,
    170,
    "https://cloud.google.com/tpu/docs/system-architecture-tpu-vm",
    "not flagged",
  ],
  ["Cambricon MLU370-S4", "Cambricon", null, "2021-11-03", null, null, 1.92e14, 1.8e13, 24, 3.072e11, 75, null, "not flagged"],
  ["Cambricon MLU370-S4", "Cambricon", null, null, null, null, 1.92e14, null, null, null, null, "https://perma.cc/AS5M-QVCE", "not flagged"],
  ["NVIDIA L40", "NVIDIA", "GPU", "2022-10-13", 1.81e14, 3.62e14, 3.62e14, 9.05e13, 48, 8.64e11, 300, null, "not flagged"],
  ["Intel L40", "Intel", null, null, null, null, null, null, null, null, null, null, "unverified"],
  ["NVIDIA Tesla", "NVIDIA", null, null, null, null, null, null, null, null, null, null, "unverified"],
];

/** The fixture as a dataset (rows default to FIXTURE_ROWS). */
export function epochAcceleratorsFixture(rows: CellValue[][] = FIXTURE_ROWS): Dataset {
  return {
    id: EPOCH_ACCELERATORS_ID,
    version: "1.0.0",
    title: { zh: "Epoch AI 加速芯片(测试)", en: "Epoch AI accelerators (test fixture)" },
    description: "A few rows of Epoch AI's hardware data in the epoch-accelerators shape, for tests.",
    source: [{ text: 'Epoch AI, "Data on Machine Learning Hardware" (CC BY 4.0)', url: "https://epoch.ai/data/machine-learning-hardware" }],
    asOf: "2025-06-20",
    notes: ["Test fixture."],
    columns: [
      textColumn("name", "芯片", "Hardware name"),
      textColumn("manufacturer", "厂商", "Manufacturer"),
      textColumn("type", "类型", "Type"),
      column("release_date", "发布日期", "Release date", "date", "", FORMAT.date),
      flops("tensor16_flops", "Tensor FP16/BF16 (FLOP/s, dense)"),
      flops("fp8_flops", "FP8 (FLOP/s, dense)"),
      column("int8_ops", "INT8 (OP/s, dense)", "INT8 (OP/s, dense)", "flops", "OP/s", FORMAT.scientific),
      flops("fp32_flops", "FP32 (FLOP/s)"),
      column("memory_gb", "显存 (GB)", "Memory (GB)", "number", "GB", FORMAT.decimal1),
      column("memory_bandwidth", "显存带宽 (byte/s)", "Memory bandwidth (byte/s)", "number", "byte/s", FORMAT.scientific),
      column("tdp_w", "功耗 TDP (W)", "TDP (W)", "number", "W", FORMAT.count),
      textColumn("source_url", "数据来源链接", "Datasheet link"),
      textColumn("confidence", "核实状态", "Verification"),
    ],
    rows,
  };
}
