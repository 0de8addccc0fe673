/**
 * Applies a SheetPlan to Excel with Office.js: all writes queued, as few context.sync() calls as
 * the payload allows (one for anything under ~4 MB), calculation suspended while writing.
 *
 * The plan becomes WriteOps, estimated and packed into batches, in sheet/write-ops.ts (pure,
 * shared with the other adapters); here queueOp() turns one WriteOp into proxy calls and
 * applyPlan() runs the batches.
 *
 * Requirement sets used: ExcelApi 1.1 (ranges, values, formats, charts.add), 1.2 (autofit,
 * formulasR1C1), 1.3 (tables.add with a Range), 1.4 (settings, names.add), 1.6
 * (suspendApiCalculationUntilNextSync, skipped when missing), 1.7 (freeze panes, chart series
 * and axis scale), 1.8 (data validation, axis number formats), 1.13 (table.resize, refresh).
 */
import type { SkippedFeature } from "../sheet/workbook";
import {
  absolute,
  absoluteRef,
  assertValidPlan,
  parseCell,
  rangeAddress,
  type CellOffset,
  type CellStyle,
  type ChartKind,
  type RangeOffset,
  type SheetPlan,
} from "../sheet/plan";
import { CHUNK_THRESHOLD_BYTES, opBytes, packBatches, planCellOps, type PackOptions, type WriteOp } from "../sheet/write-ops";

// The requirement-set check and Office's error code live in office.ts (the pane's first scripts
// need them, not this module, which loads with the first insert or refresh); re-exported here.
export { officeErrorCode, officeSupports, type SupportsFn } from "./office";
import { officeSupports, type SupportsFn } from "./office";

/**
 * Office.js applies a single value to every cell of a range ("Update all cells in a range" in
 * Microsoft's docs); the typings only declare the 2-D form, hence this one narrow cast.
 */
function broadcast(range: Excel.Range, property: "numberFormat" | "formulasR1C1", value: string): void {
  (range as unknown as Record<typeof property, string>)[property] = value;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  if (style.fontColor !== undefined) range.format.font.color = style.fontColor;
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.italic !== undefined) range.format.font.italic = style.italic;
  if (style.fillColor !== undefined) range.format.fill.color = style.fillColor;
}

/** Keeps one Worksheet proxy per name inside a batch. */
export class SheetCache {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(private readonly context: Excel.RequestContext) {}
  set(name: string, sheet: Excel.Worksheet): void {
    this.sheets.set(name, sheet);
  }
  get(name: string): Excel.Worksheet {
    let sheet = this.sheets.get(name);
    if (!sheet) {
      sheet = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, sheet);
    }
    return sheet;
  }
  range(name: string, at: RangeOffset): Excel.Range {
    return this.get(name).getRange(rangeAddress(at));
  }
}

/** Queues one op (no sync). `supports` guards the ops above the manifest's ExcelApi 1.4. */
export function queueOp(context: Excel.RequestContext, sheets: SheetCache, op: WriteOp, supports: SupportsFn): void {
  switch (op.kind) {
    case "numberFormat":
      broadcast(sheets.range(op.sheet, op.at), "numberFormat", op.format);
      return;
    case "numberFormatGrid":
      sheets.range(op.sheet, op.at).numberFormat = op.formats;
      return;
    case "values":
      sheets.range(op.sheet, op.at).values = op.values;
      return;
    case "formulas":
      sheets.range(op.sheet, op.at).formulas = op.formulas;
      return;
    case "formulasR1C1":
      sheets.range(op.sheet, op.at).formulasR1C1 = op.formulas;
      return;
    case "fillR1C1":
      broadcast(sheets.range(op.sheet, op.at), "formulasR1C1", op.formula);
      return;
    case "style":
      applyStyle(sheets.range(op.sheet, op.at), op.style);
      return;
    case "clear":
      sheets.range(op.sheet, op.at).clear(op.applyTo);
      return;
    case "resizeTable":
      // The refresh plans a resize only where Excel has it (ExcelApi 1.13, see refresh.ts).
      if (supports("1.13")) context.workbook.tables.getItem(op.table).resize(sheets.range(op.sheet, op.at));
      else throw new Error("Table.resize needs ExcelApi 1.13");
      return;
    case "setting":
      context.workbook.settings.add(op.key, op.value);
      return;
    case "deleteSetting":
      context.workbook.settings.getItem(op.key).delete();
      return;
    case "deleteSheet":
      context.workbook.worksheets.getItem(op.sheet).delete();
      return;
    case "deleteTable":
      context.workbook.tables.getItem(op.table).delete();
      return;
  }
}

/** Suspends recalculation until the next sync, where the host has it (ExcelApi 1.6). */
export function suspendCalculation(context: Excel.RequestContext, supports: SupportsFn): void {
  if (supports("1.6")) context.application.suspendApiCalculationUntilNextSync();
}

export interface BatchHooks {
  /** Queued at the start of the first batch (after the calculation suspension). */
  beforeFirst?: () => void;
  /** Queued at the end of the last batch. */
  beforeLast?: () => void;
  /**
   * The sync to use instead of context.sync(): lets a caller count every sync, a failed one
   * included, and know how many batches went through when this throws.
   */
  sync?: () => Promise<void>;
}

/** Queues each batch and syncs it; returns the number of syncs. */
export async function runBatches(
  context: Excel.RequestContext,
  sheets: SheetCache,
  batches: readonly WriteOp[][],
  supports: SupportsFn,
  hooks: BatchHooks = {}
): Promise<number> {
  const sync = hooks.sync ?? (() => context.sync());
  let syncs = 0;
  for (let i = 0; i < batches.length; i++) {
    suspendCalculation(context, supports);
    if (i === 0) hooks.beforeFirst?.();
    for (const op of batches[i]) queueOp(context, sheets, op, supports);
    if (i === batches.length - 1) hooks.beforeLast?.();
    await sync();
    syncs++;
  }
  return syncs;
}

/** String forms of Excel.ChartType (the enum objects only exist inside Office). */
const CHART_TYPES: Readonly<Record<ChartKind, "XYScatter" | "Line" | "ColumnClustered" | "BarClustered">> = {
  scatter: "XYScatter",
  line: "Line",
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
};

export interface ApplyPlanOptions extends PackOptions {
  supports?: SupportsFn;
  /** Ops queued at the very start of the first batch, before the sheet is added. */
  firstOps?: readonly WriteOp[];
  /** Ops queued right after the new sheet is added (newSheet), before the table. */
  afterSheetOps?: readonly WriteOp[];
  /** Ops queued right after the table is added and named (before its style, the names and any cell write). */
  afterTableOps?: readonly WriteOp[];
  /** Ops queued in the last batch after everything else (e.g. the tracking record). */
  finalOps?: readonly WriteOp[];
  /** The sync to use instead of context.sync() (see BatchHooks.sync). */
  sync?: () => Promise<void>;
}

export interface ApplyPlanResult {
  sheetName: string;
  origin: CellOffset;
  /** The table's address without the sheet, e.g. "A1:F8". */
  tableAddress?: string;
  syncs: number;
  /** Parts of the plan this Excel could not apply (missing requirement sets), each feature once. */
  skipped: SkippedFeature[];
}

/**
 * The parts of a plan this Excel cannot add, each feature once, in the order applyPlan meets
 * them. Pure, so an insert that recovers from a failed sync still knows what it skipped; the
 * conditions are the `supports` guards in applyPlan (tests/excel/apply-plan.test.ts holds the
 * two together: what this lists is exactly what the fake did not receive).
 * @example skippedFeatures(plan, (v) => v !== "1.8") // [{ feature: "dropDowns", requirement: "ExcelApi 1.8" }]
 */
export function skippedFeatures(plan: SheetPlan, supports: SupportsFn): SkippedFeature[] {
  const skipped: SkippedFeature[] = [];
  if ((plan.validations ?? []).length > 0 && !supports("1.8")) skipped.push({ feature: "dropDowns", requirement: "ExcelApi 1.8" });
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) && !supports("1.7")) skipped.push({ feature: "freezePanes", requirement: "ExcelApi 1.7" });
  const c = plan.chart;
  if (c) {
    const needsSeriesApi = c.series.length > 1 || c.series.some((s) => s.categories) || c.logValueAxis;
    if (needsSeriesApi && !supports("1.7")) skipped.push({ feature: "chart", requirement: "ExcelApi 1.7" });
    else if ((c.categoryAxisFormat || c.valueAxisFormat) && !supports("1.8")) skipped.push({ feature: "chartAxisFormats", requirement: "ExcelApi 1.8" });
  }
  return skipped;
}

/**
 * Room kept in a single-batch request for what is queued besides the cell writes (sheet, table,
 * names, chart, freeze panes, autofit…; the caller's extra ops are counted exactly), so that
 * the whole request stays under CHUNK_THRESHOLD_BYTES.
 */
export const PLAN_EXTRAS_BYTES = 32_000;

/**
 * Applies a plan in the given context: one sync when the writes fit in one request, more when
 * the values have to be chunked.
 *
 * Order, chosen so that a name conflict fails before any cell is written (in a failed batch
 * Office.js has applied the operations before the failing one and none after it):
 * - first batch: `firstOps`; the sheet (newSheet), which fails at once when the name is taken;
 *   `afterSheetOps`; the table over the still-empty range and its name, which fails when the
 *   table name is taken (leaving only the empty new sheet); `afterTableOps`; the table style;
 *   the defined names; then the first (or only) cell writes;
 * - last batch: the remaining cell writes, then validations, freeze panes, autofit, chart,
 *   activation and `finalOps` (e.g. the tracking record, so a record never exists for a table
 *   whose values were not all written).
 * Removing what a failed apply left behind is the caller's job (see insert.ts).
 */
export async function applyPlan(context: Excel.RequestContext, plan: SheetPlan, options: ApplyPlanOptions = {}): Promise<ApplyPlanResult> {
  assertValidPlan(plan);
  const supports = options.supports ?? officeSupports;
  const sheets = new SheetCache(context);
  const target = plan.target;
  const sheetName = target.kind === "newSheet" ? target.name : target.sheetName;
  const origin = target.kind === "newSheet" ? { row: 0, col: 0 } : parseCell(target.cell);
  const extraOps = [...(options.firstOps ?? []), ...(options.afterSheetOps ?? []), ...(options.afterTableOps ?? []), ...(options.finalOps ?? [])];
  const reserve = PLAN_EXTRAS_BYTES + extraOps.reduce((n, op) => n + opBytes(op), 0);
  const batches = packBatches(planCellOps(plan, sheetName, origin), {
    ...options,
    thresholdBytes: (options.thresholdBytes ?? CHUNK_THRESHOLD_BYTES) - reserve,
  });
  const abs = (r: RangeOffset): Excel.Range => sheets.range(sheetName, absolute(origin, r));

  const beforeFirst = (): void => {
    for (const op of options.firstOps ?? []) queueOp(context, sheets, op, supports);
    if (target.kind === "newSheet") sheets.set(sheetName, context.workbook.worksheets.add(sheetName));
    for (const op of options.afterSheetOps ?? []) queueOp(context, sheets, op, supports);
    const sheet = sheets.get(sheetName);
    if (plan.table) {
      const table = sheet.tables.add(abs(plan.table.range), true);
      table.name = plan.table.name;
      // Right after the name: a marker written here knows the table is this insert's (insert.ts).
      for (const op of options.afterTableOps ?? []) queueOp(context, sheets, op, supports);
      table.style = plan.table.style;
    } else for (const op of options.afterTableOps ?? []) queueOp(context, sheets, op, supports);
    for (const n of plan.names ?? []) {
      const collection = n.scope === "sheet" ? sheet.names : context.workbook.names;
      collection.add(n.name, abs(n.range), n.comment);
    }
  };
  const beforeLast = (): void => {
    const sheet = sheets.get(sheetName);
    const validations = plan.validations ?? [];
    if (supports("1.8")) {
      for (const v of validations) {
        const range = abs(v.range);
        range.dataValidation.clear();
        range.dataValidation.ignoreBlanks = v.allowBlank ?? true;
        // A reference source ("=$A$40:$A$62") for lists over Excel's 255-character typed limit.
        const source = v.listRange ? `=${absoluteRef(absolute(origin, v.listRange))}` : v.list.join(",");
        range.dataValidation.rule = { list: { inCellDropDown: true, source } };
      }
    }
    // What a guard below leaves out is reported by skippedFeatures (the same conditions).
    if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) && supports("1.7")) {
      if (plan.freeze.cols === 0) sheet.freezePanes.freezeRows(plan.freeze.rows);
      else if (plan.freeze.rows === 0) sheet.freezePanes.freezeColumns(plan.freeze.cols);
      else sheet.freezePanes.freezeAt(sheet.getRange(rangeAddress({ row: 0, col: 0, rows: plan.freeze.rows, cols: plan.freeze.cols })));
    }
    for (const a of plan.autofit ?? []) abs(a).format.autofitColumns();
    if (plan.chart) {
      const c = plan.chart;
      const needsSeriesApi = c.series.length > 1 || c.series.some((s) => s.categories) || c.logValueAxis;
      if (!needsSeriesApi || supports("1.7")) {
        const chart = sheet.charts.add(CHART_TYPES[c.kind], abs(c.series[0].values), "Columns");
        chart.title.text = c.title;
        chart.series.getItemAt(0).name = c.series[0].name;
        // Without ExcelApi 1.7 the chart has its first series only (needsSeriesApi is false).
        if (supports("1.7")) {
          c.series.forEach((s, i) => {
            const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
            if (i > 0) {
              series.name = s.name;
              series.setValues(abs(s.values));
            }
            if (s.categories) series.setXAxisValues(abs(s.categories));
          });
          if (c.logValueAxis) chart.axes.valueAxis.scaleType = "Logarithmic";
        }
        if (c.series.length === 1) chart.legend.visible = false;
        if (supports("1.8")) {
          if (c.categoryAxisFormat) chart.axes.categoryAxis.numberFormat = c.categoryAxisFormat;
          if (c.valueAxisFormat) chart.axes.valueAxis.numberFormat = c.valueAxisFormat;
        }
        const p = absolute(origin, c.position);
        chart.setPosition(
          sheet.getRange(rangeAddress({ ...p, rows: 1, cols: 1 })),
          sheet.getRange(rangeAddress({ row: p.row + p.rows - 1, col: p.col + p.cols - 1, rows: 1, cols: 1 }))
        );
      }
    }
    if (plan.activate) sheet.activate();
    for (const op of options.finalOps ?? []) queueOp(context, sheets, op, supports);
  };

  const syncs = await runBatches(context, sheets, batches, supports, { beforeFirst, beforeLast, ...(options.sync ? { sync: options.sync } : {}) });
  const result: ApplyPlanResult = { sheetName, origin, syncs, skipped: skippedFeatures(plan, supports) };
  if (plan.table) result.tableAddress = rangeAddress(absolute(origin, plan.table.range));
  return result;
}
