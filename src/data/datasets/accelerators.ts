/**
 * Data-centre AI accelerators: dense peak throughput and memory per chip, from vendor
 * datasheets and Epoch AI's ML hardware data. The figures AI.CHIP returns.
 */
import { column, FORMAT, textColumn } from "../columns";
import type { CellValue, Dataset } from "../types";

// Datasheets quote TFLOP/s; written as e12 literals (not × 1e12, which rounds 66.9 to 66900000000000.01).
const EPOCH_HW = "Epoch AI, ML hardware data";

interface Chip {
  key: string;
  name: string;
  nameZh: string;
  vendor: string;
  aliases: string;
  tensor16: number | null; // dense FP16/BF16 tensor FLOP/s
  fp32: number | null;
  memoryGb: number | null;
  memoryOptions: string | null;
  year: number | null;
  source: string;
  url: string | null;
  confidence: "datasheet" | "weak";
}

const CHIPS: Chip[] = [
  {
    key: "v100", name: "NVIDIA V100 SXM2", nameZh: "英伟达 V100", vendor: "NVIDIA", aliases: "V100; Tesla V100; V100 SXM2",
    tensor16: 125e12, fp32: 15.7e12, memoryGb: 32, memoryOptions: "16 / 32", year: 2017,
    source: `NVIDIA V100 datasheet (via ${EPOCH_HW})`,
    url: "https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf",
    confidence: "datasheet",
  },
  {
    key: "a100", name: "NVIDIA A100 SXM", nameZh: "英伟达 A100", vendor: "NVIDIA", aliases: "A100; A100 SXM; A100 SXM4",
    tensor16: 312e12, fp32: 19.5e12, memoryGb: 80, memoryOptions: "40 / 80", year: 2020,
    source: "NVIDIA A100 datasheet",
    url: "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf",
    confidence: "datasheet",
  },
  {
    key: "a800", name: "NVIDIA A800 SXM", nameZh: "英伟达 A800", vendor: "NVIDIA", aliases: "A800; A800 SXM",
    tensor16: 312e12, fp32: 19.5e12, memoryGb: 80, memoryOptions: "80", year: 2022,
    source: EPOCH_HW, url: "https://www.techpowerup.com/gpu-specs/a800-sxm4-80-gb.c3966",
    confidence: "datasheet",
  },
  {
    key: "h100", name: "NVIDIA H100 SXM", nameZh: "英伟达 H100", vendor: "NVIDIA", aliases: "H100; H100 SXM; H100 SXM5",
    tensor16: 989e12, fp32: 66.9e12, memoryGb: 80, memoryOptions: "80", year: 2022,
    source: "NVIDIA H100 datasheet",
    url: "https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet",
    confidence: "datasheet",
  },
  {
    key: "h800", name: "NVIDIA H800 SXM", nameZh: "英伟达 H800", vendor: "NVIDIA", aliases: "H800; H800 SXM; H800 SXM5",
    tensor16: 989e12, fp32: null, memoryGb: 80, memoryOptions: "80", year: 2023,
    source: `NVIDIA H800 datasheet (via ${EPOCH_HW})`, url: "https://www.techpowerup.com/gpu-specs/h800-sxm5.c3975",
    confidence: "datasheet",
  },
  {
    key: "h200", name: "NVIDIA H200 SXM", nameZh: "英伟达 H200", vendor: "NVIDIA", aliases: "H200; H200 SXM",
    tensor16: 989e12, fp32: 66.9e12, memoryGb: 141, memoryOptions: "141", year: 2024,
    source: "NVIDIA H200 datasheet",
    url: "https://nvdam.widen.net/s/nb5zzzsjdf/hpc-datasheet-sc23-h200-datasheet-3002446",
    confidence: "datasheet",
  },
  {
    key: "b200", name: "NVIDIA B200", nameZh: "英伟达 B200", vendor: "NVIDIA", aliases: "B200",
    tensor16: 2250e12, fp32: null, memoryGb: null, memoryOptions: null, year: 2024,
    source: `${EPOCH_HW} (third-party: hyperstack.cloud)`, url: "https://www.hyperstack.cloud/nvidia-blackwell-b200",
    confidence: "weak",
  },
  {
    key: "mi250x", name: "AMD Instinct MI250X", nameZh: "AMD MI250X", vendor: "AMD", aliases: "MI250X; Instinct MI250X; Radeon Instinct MI250X",
    tensor16: 383e12, fp32: 47.9e12, memoryGb: 128, memoryOptions: "128", year: 2021,
    source: "AMD Instinct MI250X datasheet", url: "https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html",
    confidence: "datasheet",
  },
  {
    key: "mi300x", name: "AMD Instinct MI300X", nameZh: "AMD MI300X", vendor: "AMD", aliases: "MI300X; Instinct MI300X",
    tensor16: 1307.4e12, fp32: 163.4e12, memoryGb: 192, memoryOptions: "192", year: 2023,
    source: "AMD Instinct MI300X datasheet",
    url: "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/amd-instinct-mi300x-data-sheet.pdf",
    confidence: "datasheet",
  },
  {
    key: "ascend910", name: "Huawei Ascend 910", nameZh: "华为昇腾 910", vendor: "Huawei", aliases: "Ascend 910; 昇腾910; Ascend910",
    tensor16: 256e12, fp32: null, memoryGb: 32, memoryOptions: "32", year: 2019,
    source: "Huawei, Hot Chips 31 (2019)", url: "https://old.hotchips.org/hc31/HC31_1.11_Huawei.Davinci.HengLiao_v4.0.pdf",
    confidence: "datasheet",
  },
  {
    key: "ascend910b", name: "Huawei Ascend 910B", nameZh: "华为昇腾 910B", vendor: "Huawei", aliases: "Ascend 910B; 昇腾910B",
    tensor16: 376e12, fp32: null, memoryGb: null, memoryOptions: null, year: null,
    source: `${EPOCH_HW} (press and CSET; varies by SKU)`,
    url: "https://cset.georgetown.edu/publication/pushing-the-limits-huaweis-ai-chip-tests-u-s-export-controls/",
    confidence: "weak",
  },
  {
    key: "mlu370x8", name: "Cambricon MLU370-X8", nameZh: "寒武纪 思元370-X8", vendor: "Cambricon", aliases: "MLU370-X8; 思元370-X8; MLU370 X8",
    tensor16: 96e12, fp32: 24e12, memoryGb: 48, memoryOptions: "48", year: 2022,
    source: `Cambricon MLU370-X8 datasheet (via ${EPOCH_HW})`, url: "https://perma.cc/H4JT-SZNV",
    confidence: "datasheet",
  },
  {
    key: "dcuz100", name: "Hygon DCU Z100", nameZh: "海光 DCU Z100 (深算一号)", vendor: "Hygon", aliases: "DCU Z100; Z100; 深算一号; Shensuan-1",
    tensor16: 24.5e12, fp32: null, memoryGb: 32, memoryOptions: "32", year: 2021,
    source: `${EPOCH_HW} ("Shensuan-1", from a broker report)`, url: "https://hk-official.cmbi.info/upload/b678e2ea-ba52-47b7-bc97-893d2bfdd36d.pdf",
    confidence: "weak",
  },
];

const toRow = (c: Chip): CellValue[] => [
  c.key, c.name, c.nameZh, c.vendor, c.aliases, c.tensor16, c.fp32, c.memoryGb, c.memoryOptions, c.year,
  c.source, c.url, c.confidence,
];

export const accelerators: Dataset = {
  id: "accelerators",
  version: "1.0.0",
  shortTitle: { zh: "AI 加速芯片", en: "Accelerators" },
  title: { zh: "AI 加速芯片算力对比", en: "AI accelerators: peak throughput and memory" },
  description:
    "Peak dense throughput (16-bit tensor and FP32) and memory per chip for data-centre AI " +
    "accelerators from NVIDIA, AMD, Huawei, Cambricon and Hygon, with each row's source and " +
    "how firm it is.",
  source: [
    { text: "NVIDIA, AMD, Huawei and Cambricon datasheets (links per row)" },
    {
      text: "Epoch AI, \"Data on Machine Learning Hardware\" (CC BY 4.0)",
      url: "https://epoch.ai/data/machine-learning-hardware",
    },
  ],
  asOf: "2025-06",
  license: "Epoch AI data: CC BY 4.0",
  notes: [
    "All figures are peak, per chip, dense (without 2:4 sparsity). FLOP/s are stored as FLOP/s (9.89e14 = 989 TFLOP/s).",
    "tensor16_flops is the 16-bit tensor-core rate: BF16 and FP16 are the same on these chips; Ascend 910, MLU370-X8 and DCU Z100 are quoted for FP16.",
    "fp32_flops is the non-tensor FP32 rate for NVIDIA; for MI300X it is AMD's 163.4 TFLOP/s (the datasheet's matrix FP32 figure).",
    "Short names mean the SXM (or OAM) part: \"H100\" is the H100 SXM. PCIe cards of the same name have lower figures and are not in this table, so \"H100 PCIe\" finds nothing rather than the wrong chip.",
    "memory_gb is the largest configuration of the SKU; memory_options lists all (V100: 16 / 32 GB; A100: 40 / 80 GB).",
    "confidence \"datasheet\": a vendor datasheet or a figure Epoch took from one; \"weak\": third-party or conflicting sources.",
    "H800 FP32: blank. Epoch lists 59.3 TFLOP/s from TechPowerUp, not confirmed against NVIDIA's datasheet.",
    "B200: the 2,250 TFLOP/s dense 16-bit figure is third-party (weak). Memory is unconfirmed and left blank: early figures said 192 GB, later NVIDIA specifications 180 GB. FP32 blank (Epoch's 62.08 TFLOP/s is from the same third-party source).",
    "Ascend 910B: weak. FP16 varies by SKU: 313 to 400 TFLOP/s for 910B3 to 910B1 and 280 for 910B4 (CSET via Epoch); 376 (910B2) is Epoch's headline 910B figure and is used here. Memory (32 or 64 GB by SKU), FP32 and year are not confirmed and left blank.",
    "Hygon DCU Z100 (深算一号, Epoch's \"Shensuan-1\"): weak. 24.5 TFLOP/s FP16, 32 GB and 2021 all come from one broker report via Epoch; FP32 is not given and is blank.",
    "year is the year of release (H200 and B200: first shipments in 2024).",
  ],
  columns: [
    textColumn("key", "代码", "Key", "Stable short id, e.g. h100"),
    textColumn("name", "名称", "Name"),
    textColumn("name_zh", "中文名称", "Name (Chinese)"),
    textColumn("vendor", "厂商", "Vendor"),
    textColumn("aliases", "别名", "Aliases", "Other names that find this chip, separated by \"; \""),
    column("tensor16_flops", "FP16/BF16 稠密算力 (FLOP/s)", "FP16/BF16 dense tensor (FLOP/s)", "flops", "FLOP/s", FORMAT.scientific),
    column("fp32_flops", "FP32 算力 (FLOP/s)", "FP32 (FLOP/s)", "flops", "FLOP/s", FORMAT.scientific),
    column("memory_gb", "显存 (GB)", "Memory (GB)", "number", "GB", FORMAT.count),
    textColumn("memory_options", "显存规格 (GB)", "Memory options (GB)"),
    column("year", "发布年份", "Year", "integer", "", "0"),
    textColumn("source", "来源", "Source"),
    textColumn("source_url", "来源链接", "Source link"),
    textColumn("confidence", "可信度", "Confidence", "datasheet or weak"),
  ],
  rows: CHIPS.map(toRow),
};
