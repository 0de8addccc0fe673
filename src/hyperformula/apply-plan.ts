/**
 * The HyperFormula adapter (DESIGN.md): applies a SheetPlan to an in-process HyperFormula
 * instance, so tests and the no-Excel workbench evaluate exactly the values, formulas and
 * names Excel would receive. No DOM, no Office.js.
 *
 * HyperFormula has no number formats, styles, validations, tables, charts, freeze panes or
 * autofit: those parts of the plan are returned in an AppliedPlan record (absolute A1
 * addresses) so the workbench can show them and tests can check them.
 *
 * Literal text: HyperFormula parses a string it is given ("=SUM(A1)" becomes a formula,
 * "10%" a percentage, "2023-01" a date, "TRUE" a boolean). Its content parser treats a leading
 * apostrophe as "this is text" and drops it (CellContentParser: `content.startsWith("'") ?
 * content.slice(1) : content`), as Excel does. So every string value of a plan is written with
 * one apostrophe in front and reads back unchanged, whatever its first character.
 */
import type { HyperFormula, RawCellContent } from "hyperformula";
import {
  absolute,
  assertValidPlan,
  cellAddress,
  makeSheetName,
  parseCell,
  quoteSheetName,
  rangeAddress,
  type CellOffset,
  type CellStyle,
  type ChartKind,
  type DatasetPlanInfo,
  type PlanValue,
  type RangeOffset,
  type SheetPlan,
} from "../sheet/plan";

/** What a cell got besides its value: the number format and style Excel would show. */
export interface AppliedCellFormat {
  numberFormat?: string;
  style?: CellStyle;
}

export interface AppliedName {
  name: string;
  scope: "workbook" | "sheet";
  /** The expression given to HyperFormula, e.g. "='Training compute'!$C$5". */
  refersTo: string;
  comment?: string;
}

export interface AppliedValidation {
  address: string;
  list: string[];
  allowBlank: boolean;
}

export interface AppliedChartSeries {
  name: string;
  values: string;
  categories?: string;
}

export interface AppliedChart {
  kind: ChartKind;
  title: string;
  series: AppliedChartSeries[];
  logValueAxis: boolean;
  categoryAxisFormat?: string;
  valueAxisFormat?: string;
  /** The cells the chart covers. */
  position: string;
}

/** Everything the adapter did, with the parts HyperFormula cannot hold, in absolute A1 terms. */
export interface AppliedPlan {
  sheetId: number;
  sheetName: string;
  /** Where the plan's offset (0, 0) landed. */
  origin: CellOffset;
  /** A1 address of every cell the plan wrote (blocks and notes), in writing order. */
  written: string[];
  /** Number format and style by A1 address (only cells that have one). */
  cells: Record<string, AppliedCellFormat>;
  names: AppliedName[];
  validations: AppliedValidation[];
  table?: { name: string; address: string; style: string };
  chart?: AppliedChart;
  freeze?: { rows: number; cols: number };
  autofit: string[];
  activate: boolean;
  dataset?: DatasetPlanInfo;
}

export interface ApplyPlanOptions {
  /**
   * For a newSheet target whose name is taken: "error" (default) throws; "rename" picks a free
   * name the way Excel users expect ("Training compute (2)").
   */
  onNameTaken?: "error" | "rename";
}

/** A string as HyperFormula must receive it to keep it literal text. */
export function literalText(s: string): string {
  return `'${s}`;
}

function toRaw(v: PlanValue): RawCellContent {
  if (v === null) return null;
  if (typeof v === "string") return literalText(v);
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`sheet plan: a cell value is not a finite number (${v})`);
  return v;
}

function mergeStyle(a: CellStyle | undefined, b: CellStyle | null | undefined): CellStyle | undefined {
  if (!a && !b) return undefined;
  return { ...(a ?? {}), ...(b ?? {}) };
}

/**
 * Applies `plan` to `hf`: adds the sheet (or finds the anchor's sheet), defines the names,
 * writes values and formulas in one batch, and returns the record of what HyperFormula cannot
 * hold. Throws on a malformed plan, a taken sheet name (unless options.onNameTaken is
 * "rename"), a missing anchor sheet, or a name HyperFormula refuses.
 *
 * Formulas are written verbatim: for an anchor target their references are not shifted, so
 * plans with formulas should target a new sheet (all model templates do).
 *
 * @example
 * const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
 * const applied = applyPlan(hf, plan);
 * hf.getCellValue({ sheet: applied.sheetId, row: 4, col: 2 });
 */
export function applyPlan(hf: HyperFormula, plan: SheetPlan, options: ApplyPlanOptions = {}): AppliedPlan {
  assertValidPlan(plan);
  let sheetName: string;
  let origin: CellOffset;
  if (plan.target.kind === "newSheet") {
    sheetName = plan.target.name;
    if (hf.doesSheetExist(sheetName)) {
      if (options.onNameTaken !== "rename") throw new Error(`a sheet named "${sheetName}" already exists`);
      sheetName = makeSheetName(sheetName, hf.getSheetNames());
    }
    sheetName = hf.addSheet(sheetName);
    origin = { row: 0, col: 0 };
  } else {
    sheetName = plan.target.sheetName;
    if (!hf.doesSheetExist(sheetName)) throw new Error(`no sheet named "${sheetName}" for the plan's anchor`);
    origin = parseCell(plan.target.cell);
  }
  const sheetId = hf.getSheetId(sheetName);
  if (sheetId === undefined) throw new Error(`HyperFormula lost the sheet "${sheetName}"`);

  const at = (r: RangeOffset): RangeOffset => absolute(origin, r);
  const ref = (r: RangeOffset): string => {
    const a = at(r);
    const abs = (c: CellOffset): string => cellAddress(c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    const first = abs(a);
    const last = abs({ row: a.row + a.rows - 1, col: a.col + a.cols - 1 });
    return `=${quoteSheetName(sheetName)}!${a.rows === 1 && a.cols === 1 ? first : `${first}:${last}`}`;
  };

  const applied: AppliedPlan = {
    sheetId,
    sheetName,
    origin,
    written: [],
    cells: {},
    names: [],
    validations: [],
    autofit: (plan.autofit ?? []).map((r) => rangeAddress(at(r))),
    activate: plan.activate ?? false,
  };

  const record = (cell: CellOffset, numberFormat: string | undefined, style: CellStyle | undefined): void => {
    const address = cellAddress(cell);
    applied.written.push(address);
    if (numberFormat === undefined && style === undefined) return;
    const f: AppliedCellFormat = {};
    if (numberFormat !== undefined) f.numberFormat = numberFormat;
    if (style !== undefined) f.style = style;
    applied.cells[address] = f;
  };

  // Everything to write, converted before anything is written (a bad value throws here).
  const writes: { at: CellOffset; raw: RawCellContent[][] }[] = [];
  try {
    for (const b of plan.blocks) {
      const topLeft = at({ ...b.at, rows: 1, cols: 1 });
      const raw: RawCellContent[][] = b.values.map((row, r) =>
        row.map((v, c) => {
          const f = b.formulas?.[r]?.[c];
          const cell = { row: topLeft.row + r, col: topLeft.col + c };
          const isText = f == null && typeof v === "string";
          // A text cell is formatted "@" (the plan's rule), whatever its column's format.
          const fmt = isText ? "@" : (b.cellFormats?.[r]?.[c] ?? b.columnFormats?.[c] ?? undefined);
          record(cell, fmt, mergeStyle(b.style, b.columnStyles?.[c]));
          return f != null ? f : toRaw(v);
        })
      );
      writes.push({ at: topLeft, raw });
    }
    if (plan.notes && plan.notes.lines.length > 0) {
      const n0 = at({ ...plan.notes.at, rows: 1, cols: 1 });
      writes.push({ at: n0, raw: plan.notes.lines.map((l) => [toRaw(l)]) });
      plan.notes.lines.forEach((_, i) => record({ row: n0.row + i, col: n0.col }, "@", plan.notes?.style));
    }
  } catch (err) {
    if (plan.target.kind === "newSheet") hf.removeSheet(sheetId);
    throw err;
  }

  // Names first, so formulas that use them parse against a defined name. A refused name
  // removes what this call added: the adapter never leaves half a plan behind.
  const added: { name: string; scope?: number }[] = [];
  try {
    for (const n of plan.names ?? []) {
      const scope = n.scope ?? "workbook";
      const scopeId = scope === "sheet" ? sheetId : undefined;
      const refersTo = ref(n.range);
      const existing = scope === "sheet" ? hf.listNamedExpressions(sheetId) : hf.listNamedExpressions();
      if (existing.some((e) => e.toLowerCase() === n.name.toLowerCase())) {
        throw new Error(`the name ${n.name} is already defined ${scope === "sheet" ? `on ${sheetName}` : "in the workbook"}`);
      }
      if (!hf.isItPossibleToAddNamedExpression(n.name, refersTo, scopeId)) throw new Error(`HyperFormula refuses the name ${n.name} (${refersTo})`);
      hf.addNamedExpression(n.name, refersTo, scopeId);
      added.push({ name: n.name, scope: scopeId });
      const rec: AppliedName = { name: n.name, scope, refersTo };
      if (n.comment !== undefined) rec.comment = n.comment;
      applied.names.push(rec);
    }
  } catch (err) {
    for (const a of added) hf.removeNamedExpression(a.name, a.scope);
    if (plan.target.kind === "newSheet") hf.removeSheet(sheetId);
    throw err;
  }

  hf.batch(() => {
    for (const w of writes) hf.setCellContents({ sheet: sheetId, row: w.at.row, col: w.at.col }, w.raw);
  });

  for (const v of plan.validations ?? []) {
    applied.validations.push({ address: rangeAddress(at(v.range)), list: [...v.list], allowBlank: v.allowBlank ?? true });
  }
  if (plan.table) applied.table = { name: plan.table.name, address: rangeAddress(at(plan.table.range)), style: plan.table.style };
  if (plan.chart) {
    const c = plan.chart;
    const chart: AppliedChart = {
      kind: c.kind,
      title: c.title,
      logValueAxis: c.logValueAxis,
      position: rangeAddress(at(c.position)),
      series: c.series.map((s) => {
        const out: AppliedChartSeries = { name: s.name, values: rangeAddress(at(s.values)) };
        if (s.categories) out.categories = rangeAddress(at(s.categories));
        return out;
      }),
    };
    if (c.categoryAxisFormat !== undefined) chart.categoryAxisFormat = c.categoryAxisFormat;
    if (c.valueAxisFormat !== undefined) chart.valueAxisFormat = c.valueAxisFormat;
    applied.chart = chart;
  }
  if (plan.freeze) applied.freeze = { ...plan.freeze };
  if (plan.dataset) applied.dataset = plan.dataset;
  return applied;
}

/** The value of a plan cell (offsets from the plan's origin) after applying it. */
export function appliedValue(hf: HyperFormula, applied: AppliedPlan, cell: CellOffset): ReturnType<HyperFormula["getCellValue"]> {
  return hf.getCellValue({ sheet: applied.sheetId, row: applied.origin.row + cell.row, col: applied.origin.col + cell.col });
}
