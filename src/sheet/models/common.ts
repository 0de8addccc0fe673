/**
 * Shared pieces of the analyst model templates: the options every template takes, the
 * financial-modelling styles (inputs blue on light yellow, formulas black, outputs bold), number
 * formats, and a small builder that lays cells out and turns them into a SheetPlan.
 *
 * A model plan is an ordinary SheetPlan plus `model`: which cells are inputs (with the cells
 * holding their unit and note) and which are outputs. Adapters ignore `model`; the checker in
 * lint.ts and the tests read it.
 */
import { getDataset } from "../../data/catalog";
import type { Dataset, LocalizedText } from "../../data/types";
import { SECONDS_PER_DAY } from "../../core/units";
import {
  columnLetters,
  makeSheetName,
  type CellBlock,
  type CellOffset,
  type CellStyle,
  type ChartPlan,
  type NamePlan,
  type PlanValue,
  type RangeOffset,
  type SheetPlan,
  type ValidationPlan,
  VALIDATION_LIST_MAX,
} from "../plan";

export type ModelLanguage = "zh" | "en";

/**
 * "ai": formulas call the add-in's AI.* functions (readable, checked arguments).
 * "portable": native Excel formulas only, so a workbook without the add-in still computes.
 */
export type ModelMode = "ai" | "portable";

export interface ModelOptions {
  language: ModelLanguage;
  mode: ModelMode;
  /** Sheet name; default: the template's title in the chosen language. */
  sheetName?: string;
  /** Names already in the workbook: the sheet name is made unique against them. */
  existingSheetNames?: readonly string[];
}

/** An input cell and where its unit and its note or source are written. Offsets from the origin. */
export interface ModelInput {
  label: string;
  cell: CellOffset;
  unitAt: CellOffset;
  noteAt: CellOffset;
  /** The defined name of the cell, when it has one. */
  name?: string;
}

/** An output cell: a formula the analyst reads. `key` is stable across languages and modes. */
export interface ModelOutput {
  key: string;
  /** For per-row tables: which row (e.g. the model's English name); absent for single outputs. */
  rowKey?: string;
  label: string;
  unit: string;
  cell: CellOffset;
  name?: string;
}

export interface ModelPlanInfo {
  templateId: string;
  language: ModelLanguage;
  mode: ModelMode;
  inputs: ModelInput[];
  outputs: ModelOutput[];
}

export interface ModelSheetPlan extends SheetPlan {
  model: ModelPlanInfo;
}

// ---------------------------------------------------------------------------------------------
// Conventions
// ---------------------------------------------------------------------------------------------

/** Inputs: blue font on light yellow (the banker's convention). */
export const INPUT_STYLE: Readonly<CellStyle> = Object.freeze({ fontColor: "#0000FF", fillColor: "#FFF2CC" });
/** Formulas: black. */
export const FORMULA_STYLE: Readonly<CellStyle> = Object.freeze({ fontColor: "#000000" });
/** Key outputs: black, bold, on light grey (SheetPlan has no borders). */
export const OUTPUT_STYLE: Readonly<CellStyle> = Object.freeze({ fontColor: "#000000", bold: true, fillColor: "#EDEDED" });
export const TITLE_STYLE: Readonly<CellStyle> = Object.freeze({ bold: true });
export const HEADER_STYLE: Readonly<CellStyle> = Object.freeze({ bold: true, fillColor: "#D9E1F2" });
export const SECTION_STYLE: Readonly<CellStyle> = Object.freeze({ bold: true, fillColor: "#F2F2F2" });
export const NOTE_STYLE: Readonly<CellStyle> = Object.freeze({ italic: true, fontColor: "#595959" });
/** Labels sample data that the analyst should replace. */
export const SAMPLE_STYLE: Readonly<CellStyle> = Object.freeze({ bold: true, fontColor: "#C00000" });

export const FMT = {
  flop: "0.00E+00",
  flops: "0.00E+00",
  count: "#,##0",
  count1: "#,##0.0",
  count2: "#,##0.00",
  percent: "0.0%",
  percent2: "0.00%",
  usd: "#,##0",
  usd2: "#,##0.00",
  year: "0",
  date: "yyyy-mm-dd",
  ratio: '0.00"×"',
  general: "General",
  text: "@",
} as const;

/**
 * Excel's serial number of a date: days since 1899-12-30, as Excel and HyperFormula store dates
 * (right from 1900-03-01 on; Excel's fictitious 1900-02-29 shifts earlier serials by one).
 * @example excelSerial("2023-02-10") // 44967
 */
export function excelSerial(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date: ${isoDate}`);
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A cell reference as written in a formula: "C5", or "$C5" with a fixed column. */
export const a1 = (row: number, col: number, fix: "" | "col" | "both" = ""): string => {
  const letters = columnLetters(col);
  if (fix === "both") return `$${letters}$${row + 1}`;
  if (fix === "col") return `$${letters}${row + 1}`;
  return `${letters}${row + 1}`;
};

// ---------------------------------------------------------------------------------------------
// The builder
// ---------------------------------------------------------------------------------------------

/**
 * One cell as a template lays it out: a literal value or a formula, a format and a style. A
 * formula with `spill` fills that many rows and columns from its cell (a dynamic array); the
 * cells it fills are laid out with neither `v` nor `f` (a format and a style only).
 */
export interface CellSpec {
  v?: PlanValue;
  f?: string;
  fmt?: string;
  style?: CellStyle;
  spill?: { rows: number; cols: number };
}

const sameStyle = (a: CellStyle | undefined, b: CellStyle | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The kind of a labelled parameter row (label | value | unit | note). */
export type ParamKind = "input" | "calc" | "output";

export interface ParamRowSpec {
  label: string;
  /** A literal for inputs, a formula ("=…") for calc and output rows. */
  value: PlanValue | { f: string };
  unit: string;
  note: string;
  fmt: string;
  kind: ParamKind;
  /** Defines a sheet-scoped name for the value cell. */
  name?: string;
  /** Output key (outputs only). */
  key?: string;
  /** A drop-down of these entries on the value cell (inputs). */
  choices?: string[];
}

/**
 * Collects cells, names, validations and the model record, and produces the SheetPlan. Each
 * put() becomes one block (or one per row when a column mixes styles), so a block's styles are
 * always expressible as columnStyles.
 */
export class ModelBuilder {
  private readonly blocks: CellBlock[] = [];
  private readonly taken = new Set<string>();
  private readonly names: NamePlan[] = [];
  private readonly validations: ValidationPlan[] = [];
  /** Cells known to hold a list of entries, for drop-downs too long to type (see build). */
  private readonly lists: { entries: string[]; range: RangeOffset }[] = [];
  private readonly spills: RangeOffset[] = [];
  readonly inputs: ModelInput[] = [];
  readonly outputs: ModelOutput[] = [];

  constructor(readonly language: ModelLanguage) {}

  /** The text in the builder's language. */
  t(zh: string, en: string): string {
    return this.language === "zh" ? zh : en;
  }

  tt(text: LocalizedText): string {
    return text[this.language];
  }

  /** Writes a rectangle of cells with its top-left at (row, col). Rows must have equal lengths. */
  put(row: number, col: number, grid: CellSpec[][]): void {
    const h = grid.length;
    const w = h > 0 ? grid[0].length : 0;
    if (h === 0 || w === 0 || grid.some((r) => r.length !== w)) throw new Error("ModelBuilder.put: empty or ragged grid");
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const key = `${row + r},${col + c}`;
        if (this.taken.has(key)) throw new Error(`ModelBuilder: cell ${a1(row + r, col + c)} written twice`);
        this.taken.add(key);
      }
    }
    const uniformStyles = Array.from({ length: w }, (_, c) => grid.every((r) => sameStyle(r[c].style, grid[0][c].style)));
    if (!uniformStyles.every(Boolean)) {
      grid.forEach((r, i) => this.put1(row + i, col, [r]));
      return;
    }
    this.put1(row, col, grid);
  }

  private put1(row: number, col: number, grid: CellSpec[][]): void {
    const w = grid[0].length;
    grid.forEach((cells, r) =>
      cells.forEach((c, k) => {
        if (c.spill === undefined) return;
        if (c.f === undefined) throw new Error(`ModelBuilder: the spill at ${a1(row + r, col + k)} has no formula`);
        this.spills.push({ row: row + r, col: col + k, ...c.spill });
      })
    );
    const block: CellBlock = { at: { row, col }, values: grid.map((r) => r.map((c) => (c.f !== undefined ? null : (c.v ?? null)))) };
    if (grid.some((r) => r.some((c) => c.f !== undefined))) block.formulas = grid.map((r) => r.map((c) => c.f ?? null));
    const uniformFmt = Array.from({ length: w }, (_, c) => grid.every((r) => r[c].fmt === grid[0][c].fmt));
    if (uniformFmt.every(Boolean)) {
      if (grid[0].some((c) => c.fmt !== undefined)) block.columnFormats = grid[0].map((c) => c.fmt ?? FMT.general);
    } else {
      block.cellFormats = grid.map((r) => r.map((c) => c.fmt ?? null));
    }
    if (grid[0].some((c) => c.style !== undefined)) block.columnStyles = grid[0].map((c) => (c.style ? { ...c.style } : null));
    this.blocks.push(block);
  }

  /** A sheet-scoped defined name (so a second copy of the model on another sheet does not clash). */
  name(name: string, range: RangeOffset, comment?: string): void {
    if (this.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new Error(`ModelBuilder: name ${name} defined twice`);
    const n: NamePlan = { name, range, scope: "sheet" };
    if (comment !== undefined) n.comment = comment;
    this.names.push(n);
  }

  validation(range: RangeOffset, list: string[]): void {
    this.validations.push({ range, list, allowBlank: false });
  }

  /** Says that `range` (one column) holds `entries`: a drop-down of the same entries can refer to it. */
  listAt(entries: string[], range: RangeOffset): void {
    if (range.rows * range.cols !== entries.length) throw new Error("ModelBuilder.listAt: the range does not hold one cell per entry");
    this.lists.push({ entries: [...entries], range });
  }

  input(label: string, cell: CellOffset, unitAt: CellOffset, noteAt: CellOffset, name?: string): void {
    const i: ModelInput = { label, cell, unitAt, noteAt };
    if (name !== undefined) i.name = name;
    this.inputs.push(i);
  }

  output(key: string, label: string, unit: string, cell: CellOffset, rowKey?: string, name?: string): void {
    const o: ModelOutput = { key, label, unit, cell };
    if (rowKey !== undefined) o.rowKey = rowKey;
    if (name !== undefined) o.name = name;
    this.outputs.push(o);
  }

  /** The subtitle under every template's title: what the mode means, and the colour key. */
  legend(mode: ModelMode): string {
    return mode === "ai"
      ? this.t(
          "公式使用加载项的 AI.* 函数。蓝字黄底为输入, 黑字为公式, 加粗为输出。",
          "Formulas use the add-in's AI.* functions. Blue on yellow: inputs; black: formulas; bold: outputs."
        )
      : this.t(
          "仅用 Excel 原生公式 (无需加载项)。蓝字黄底为输入, 黑字为公式, 加粗为输出。",
          "Native Excel formulas only (no add-in needed). Blue on yellow: inputs; black: formulas; bold: outputs."
        );
  }

  /** A title line and a subtitle line at (row, 0). */
  title(row: number, title: string, subtitle: string): void {
    this.put(row, 0, [[{ v: title, style: TITLE_STYLE }], [{ v: subtitle, style: NOTE_STYLE }]]);
  }

  /** A section header across `width` columns. */
  section(row: number, col: number, text: string, width: number): void {
    this.put(row, col, [[{ v: text, style: SECTION_STYLE }, ...Array.from({ length: width - 1 }, () => ({ v: null, style: SECTION_STYLE }))]]);
  }

  /** A header row (bold on blue) at (row, col). */
  header(row: number, col: number, texts: string[]): void {
    this.put(row, col, [texts.map((t) => ({ v: t, style: HEADER_STYLE }))]);
  }

  /** A row of unit or source texts in the note style at (row, col); null leaves a cell empty and unstyled. */
  noteCells(row: number, col: number, texts: (string | null)[]): void {
    this.put(row, col, [texts.map((v) => ({ v, style: v === null ? undefined : NOTE_STYLE }))]);
  }

  /**
   * A section of labelled parameters at (row, 0): the section line, the header
   * Item | Value | Unit | Source / note, then one param() row each. Returns the next free row.
   */
  params(row: number, heading: string, rows: ParamRowSpec[]): number {
    this.section(row, 0, heading, 4);
    this.header(row + 1, 0, [this.t("项目", "Item"), this.t("数值", "Value"), this.t("单位", "Unit"), this.t("来源 / 说明", "Source / note")]);
    rows.forEach((p, i) => this.param(row + 2 + i, 0, p));
    return row + 2 + rows.length;
  }

  /**
   * One labelled parameter in four columns from `col`: label | value | unit | note. Inputs are
   * recorded with their unit and note cells; outputs with their key.
   */
  param(row: number, col: number, p: ParamRowSpec): CellOffset {
    const isFormula = typeof p.value === "object" && p.value !== null;
    if ((p.kind === "input") === isFormula) throw new Error(`ModelBuilder.param ${p.label}: inputs are literals, calc/output rows formulas`);
    const style = p.kind === "input" ? INPUT_STYLE : p.kind === "output" ? OUTPUT_STYLE : FORMULA_STYLE;
    const valueCell: CellSpec = isFormula ? { f: (p.value as { f: string }).f, fmt: p.fmt, style } : { v: p.value as PlanValue, fmt: p.fmt, style };
    this.put(row, col, [[{ v: p.label, style: p.kind === "output" ? TITLE_STYLE : undefined }, valueCell, { v: p.unit }, { v: p.note, style: NOTE_STYLE }]]);
    const cell = { row, col: col + 1 };
    if (p.name) this.name(p.name, { ...cell, rows: 1, cols: 1 });
    if (p.kind === "input") this.input(p.label, cell, { row, col: col + 2 }, { row, col: col + 3 }, p.name);
    if (p.kind === "output") this.output(p.key ?? p.name ?? p.label, p.label, p.unit, cell, undefined, p.name);
    if (p.choices) this.validation({ ...cell, rows: 1, cols: 1 }, p.choices);
    return cell;
  }

  /** The finished plan. The notes get a "Notes and sources" heading on the row above them. */
  build(args: {
    templateId: string;
    mode: ModelMode;
    sheetName: string;
    notes: { at: CellOffset; lines: string[] };
    chart?: ChartPlan;
    freeze?: { rows: number; cols: number };
    /** Ranges whose columns are autofitted: labels and figures, never the long note texts. */
    autofit: RangeOffset[];
  }): ModelSheetPlan {
    this.put(args.notes.at.row - 1, args.notes.at.col, [[{ v: this.t("说明与来源", "Notes and sources"), style: HEADER_STYLE }]]);
    const plan: ModelSheetPlan = {
      target: { kind: "newSheet", name: args.sheetName },
      blocks: this.blocks,
      names: this.names,
      notes: { at: args.notes.at, lines: args.notes.lines, style: { ...NOTE_STYLE } },
      activate: true,
      model: { templateId: args.templateId, language: this.language, mode: args.mode, inputs: this.inputs, outputs: this.outputs },
    };
    for (const v of this.validations) {
      if (v.list.join(",").length <= VALIDATION_LIST_MAX) continue;
      const cells = this.lists.find((l) => l.entries.length === v.list.length && l.entries.every((e, i) => e === v.list[i]));
      if (!cells)
        throw new Error(
          `ModelBuilder: a drop-down of ${v.list.length} entries is over Excel's ${VALIDATION_LIST_MAX}-character list limit and no cells hold it`
        );
      v.listRange = cells.range;
    }
    if (this.validations.length > 0) plan.validations = this.validations;
    if (this.spills.length > 0) plan.spills = this.spills;
    if (args.chart) plan.chart = args.chart;
    if (args.freeze) plan.freeze = args.freeze;
    plan.autofit = args.autofit;
    return plan;
  }
}

/** The sheet name for a template: the option, else the title, made valid and unique. */
export function modelSheetName(options: ModelOptions, title: LocalizedText): string {
  return makeSheetName(options.sheetName ?? title[options.language], options.existingSheetNames ?? [], "Model");
}

/** A bundled dataset by id (throws when the catalog lost it). */
export function catalogDataset(id: string): Dataset {
  const d = getDataset(id);
  if (!d) throw new Error(`the ${id} dataset is missing from the catalog`);
  return d;
}

/** Column index of a dataset column by key (throws when the dataset changed shape). */
export function col(dataset: Dataset, key: string): number {
  const i = dataset.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`dataset ${dataset.id} has no column ${key}`);
  return i;
}

/** The seconds-per-day input row that several templates share. */
export const secondsPerDayParam = (b: ModelBuilder): ParamRowSpec => ({
  label: b.t("每天秒数", "Seconds per day"),
  value: SECONDS_PER_DAY,
  unit: b.t("秒", "s"),
  note: b.t("定义", "Definition"),
  fmt: FMT.count,
  kind: "input",
  name: "Seconds_Per_Day",
});

/** A mode-dependent formula: the AI.* form or the native one. */
export const pick = (mode: ModelMode, ai: string, portable: string): string => (mode === "ai" ? ai : portable);
