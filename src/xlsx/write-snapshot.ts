/**
 * A whole workbook (a WorkbookSnapshot, e.g. the workbench's) as an .xlsx file, with ExcelJS and
 * the same cell, style, array-formula, name and settings helpers as the plan writer
 * (write-xlsx.ts). What the file cannot carry is that writer's list: no charts, spills as legacy
 * array formulas, settings on the very hidden settings sheet.
 */
import ExcelJS from "exceljs";
import { cellAddress, parseRangeAddress, rangeAddress } from "../sheet/plan";
import type { SnapshotCell, SnapshotValue, WorkbookSnapshot } from "./snapshot";
import {
  addScopedNames,
  addTableOver,
  addSettingsSheet,
  applyStyle,
  CELL_TEXT_MAX,
  fileFormula,
  fillArrayFormula,
  formulaValue,
  SETTINGS_SHEET,
  toCellValue,
  type CachedValue,
  type DefinedNameModel,
} from "./write-xlsx";

export interface SnapshotWriteOptions {
  /** Stored as the file's creator. */
  creator?: string;
  /** Creation and modification time (fixed in tests). */
  created?: Date;
  /**
   * Ask the opening application to recalculate every formula (default false: the cached values
   * are the engine's, and an AI.* formula recalculated without the add-in would show #NAME?).
   */
  fullCalcOnLoad?: boolean;
}

const cached = (v: SnapshotValue): CachedValue => v;

function writeCell(ws: ExcelJS.Worksheet, c: SnapshotCell): void {
  const cell = ws.getCell(c.row + 1, c.col + 1);
  if (c.formula !== undefined) cell.value = formulaValue(c.formula, cached(c.value));
  else if (c.value !== null) {
    if (typeof c.value === "string" && c.value.length > CELL_TEXT_MAX)
      throw new Error(`${ws.name}!${cellAddress(c)}: text longer than Excel's ${CELL_TEXT_MAX} characters`);
    cell.value = toCellValue(cached(c.value)) ?? null;
  }
  if (c.numberFormat !== undefined && c.numberFormat !== "General") cell.numFmt = c.numberFormat;
  if (c.style) applyStyle(cell, c.style);
  if (c.note !== undefined) cell.note = c.note;
}

/** A drop-down's literal list as the file's formula: "a,b,c" in quotes (quotes inside doubled). */
function listFormula(list: readonly string[]): string {
  return `"${list.join(",").replace(/"/g, '""')}"`;
}

/**
 * Builds the workbook in memory. Throws on a sheet named like the settings sheet, a text longer
 * than a cell holds, or an array range or table that is not a valid A1 range.
 */
export function buildSnapshotXlsx(snapshot: WorkbookSnapshot, options: SnapshotWriteOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = options.creator ?? "AI Compute Analyst";
  const created = options.created ?? new Date();
  wb.created = created;
  wb.modified = created;
  if (options.fullCalcOnLoad) wb.calcProperties = { fullCalcOnLoad: true };

  for (const sheet of snapshot.sheets) {
    if (sheet.name.toLowerCase() === SETTINGS_SHEET.toLowerCase()) throw new Error(`xlsx: a sheet may not be named ${SETTINGS_SHEET} (it holds the settings)`);
    const ws = wb.addWorksheet(sheet.name, { state: sheet.visibility });
    const byAddress = new Map<string, SnapshotCell>();
    for (const c of sheet.cells) {
      byAddress.set(cellAddress(c), c);
      writeCell(ws, c);
    }
    // Spills: a legacy array formula over the range, each cell with its cached value.
    for (const c of sheet.cells) {
      if (c.formula === undefined || c.arrayRange === undefined) continue;
      const r = parseRangeAddress(c.arrayRange);
      if (r.row !== c.row || r.col !== c.col) throw new Error(`xlsx: ${sheet.name}!${cellAddress(c)} is not the first cell of its array ${c.arrayRange}`);
      fillArrayFormula(
        ws,
        c.arrayRange,
        fileFormula(c.formula),
        (row, col) => toCellValue(cached(byAddress.get(cellAddress({ row: row - 1, col: col - 1 }))?.value ?? null)) ?? null
      );
    }
    for (const w of sheet.columnWidths) ws.getColumn(w.col + 1).width = w.width;
    // One entry per range (ExcelJS writes a range key as its sqref): setting each cell's
    // dataValidation would loop over every cell of a whole-sheet drop-down.
    const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations; // not in ExcelJS's typings
    for (const v of sheet.validations)
      validations.add(rangeAddress(parseRangeAddress(v.address)), {
        type: "list",
        allowBlank: v.allowBlank,
        formulae: [listFormula(v.list)],
        showErrorMessage: true,
      });
    if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
      const { rows, cols } = sheet.freeze;
      ws.views = [{ state: "frozen", xSplit: cols, ySplit: rows, topLeftCell: cellAddress({ row: rows, col: cols }) }];
    }
  }

  for (const t of snapshot.tables) {
    const ws = wb.getWorksheet(t.sheet);
    if (!ws) throw new Error(`xlsx: no sheet named "${t.sheet}" for the table ${t.name}`);
    addTableOver(ws, t.name, parseRangeAddress(t.address), t.style);
  }

  addSettingsSheet(wb, snapshot.settings);
  const active = snapshot.activeSheet === undefined ? -1 : wb.worksheets.findIndex((w) => w.name === snapshot.activeSheet);
  if (active >= 0) wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];

  // Every name through the model, workbook ones too: ExcelJS's name API keeps names cell by
  // cell and may split a rectangle when it writes them back.
  const names: DefinedNameModel[] = snapshot.names.map((n) => {
    const model: DefinedNameModel = { name: n.name, ranges: [n.refersTo] };
    if (n.sheet !== undefined) {
      const index = wb.worksheets.findIndex((w) => w.name === n.sheet);
      if (index < 0) throw new Error(`xlsx: no sheet named "${n.sheet}" for the name ${n.name}`);
      model.localSheetId = index;
    }
    return model;
  });
  addScopedNames(wb, names);
  return wb;
}

/** The .xlsx file's bytes. */
export async function writeSnapshot(snapshot: WorkbookSnapshot, options: SnapshotWriteOptions = {}): Promise<Uint8Array> {
  const buffer = await buildSnapshotXlsx(snapshot, options).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
