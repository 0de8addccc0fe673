/**
 * A chip's peak FLOP/s in the models. AI mode calls =AI.CHIP(chip, "bf16") (the add-in's
 * accelerators dataset) when that function is registered; portable mode (and AI mode without
 * AI.CHIP) writes an accelerator lookup table on the sheet, from the same dataset, and finds the
 * peak with INDEX/MATCH on the names Chip_Names and Chip_Peak_FLOPS, which works in any Excel.
 */
import { FUNCTION_IDS } from "../../functions/registry";
import { catalogDataset, col, FMT, INPUT_STYLE, NOTE_STYLE, type ModelBuilder, type ModelLanguage, type ModelMode } from "./common";

export interface Chip {
  key: string;
  name: { zh: string; en: string };
  peakFlops: number;
  confidence: string;
  source: string;
}

/** Chips with a dense 16-bit tensor figure, in the dataset's order. */
export function chipsWithPeak(): Chip[] {
  const d = catalogDataset("accelerators");
  const [k, n, nz, p, conf, src] = ["key", "name", "name_zh", "tensor16_flops", "confidence", "source"].map((c) => col(d, c));
  return d.rows
    .filter((r) => typeof r[p] === "number")
    .map((r) => ({
      key: String(r[k]),
      name: { en: String(r[n]), zh: String(r[nz]) },
      peakFlops: r[p] as number,
      confidence: String(r[conf]),
      source: String(r[src]),
    }));
}

/** A chip by key ("a100"); throws for an unknown key (a template bug or a bad option). */
export function chipByKey(key: string): Chip {
  const c = chipsWithPeak().find((x) => x.key === key.toLowerCase());
  if (!c)
    throw new Error(
      `unknown chip key "${key}" (accelerators dataset: ${chipsWithPeak()
        .map((x) => x.key)
        .join(", ")})`
    );
  return c;
}

/** The chip drop-down's entries: every chip with a peak figure, named in the sheet's language. */
export const chipChoices = (language: ModelLanguage): string[] => chipsWithPeak().map((c) => c.name[language]);

/** Names the lookup table defines. */
export const CHIP_NAMES = "Chip_Names";
export const CHIP_PEAK = "Chip_Peak_FLOPS";

/** AI.CHIP is registered (src/functions/registry.ts), so AI-mode sheets can use it. */
export const AI_CHIP_AVAILABLE: boolean = FUNCTION_IDS.includes("CHIP");

/** Whether a sheet in this mode needs the accelerator table written on it. */
export const usesChipTable = (mode: ModelMode): boolean => mode === "portable" || !AI_CHIP_AVAILABLE;

/** The expression (no "=") giving the peak dense 16-bit FLOP/s of the chip named in `chipRef`. */
export const peakFormula = (mode: ModelMode, chipRef: string): string =>
  usesChipTable(mode) ? `INDEX(${CHIP_PEAK},MATCH(${chipRef},${CHIP_NAMES},0))` : `AI.CHIP(${chipRef},"bf16")`;

/**
 * Writes the table at (row, 0): a section line, header, unit and source rows, one row per chip.
 * Returns the next free row.
 */
export function writeAcceleratorTable(b: ModelBuilder, row: number): number {
  const chips = chipsWithPeak();
  b.section(row, 0, b.t("加速芯片参数表 (峰值算力查找)", "Accelerators (lookup of peak FLOP/s)"), 4);
  b.header(row + 1, 0, [b.t("芯片", "Chip"), b.t("FP16/BF16 稠密峰值算力", "Peak dense FP16/BF16"), b.t("可信度", "Confidence"), b.t("来源", "Source")]);
  b.put(row + 2, 0, [[{ v: b.t("单位", "Unit") }, { v: "FLOP/s" }, { v: null }, { v: null }]]);
  const first = row + 3;
  b.put(
    first,
    0,
    chips.map((c) => [
      { v: c.name[b.language] },
      { v: c.peakFlops, fmt: FMT.flops, style: INPUT_STYLE },
      { v: c.confidence },
      { v: c.source, style: NOTE_STYLE },
    ])
  );
  chips.forEach((c, i) => b.input(`${c.name.en} peak FLOP/s`, { row: first + i, col: 1 }, { row: row + 2, col: 1 }, { row: first + i, col: 3 }));
  b.name(CHIP_NAMES, { row: first, col: 0, rows: chips.length, cols: 1 });
  b.listAt(chipChoices(b.language), { row: first, col: 0, rows: chips.length, cols: 1 });
  b.name(CHIP_PEAK, { row: first, col: 1, rows: chips.length, cols: 1 });
  return first + chips.length;
}

/**
 * Where the chip drop-down's entries live on the sheet: the accelerator table when the mode
 * writes one, else a short list of chip names (the typed list is over Excel's 255-character
 * limit). Written at (row, 0); returns the next free row.
 */
export function writeChipList(b: ModelBuilder, row: number, mode: ModelMode): number {
  if (usesChipTable(mode)) return writeAcceleratorTable(b, row);
  const names = chipChoices(b.language);
  b.section(row, 0, b.t("芯片列表 (下拉选项; 峰值算力由 AI.CHIP 读取)", "Chips (the drop-down's list; peak FLOP/s read by AI.CHIP)"), 1);
  b.put(
    row + 1,
    0,
    names.map((n) => [{ v: n }])
  );
  b.listAt(names, { row: row + 1, col: 0, rows: names.length, cols: 1 });
  return row + 1 + names.length;
}
