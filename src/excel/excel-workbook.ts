/**
 * The WorkbookPort implemented with Office.js: the only class the task pane needs to change an
 * Excel workbook. One Excel.run per call (per user action).
 *
 * Syncs per call (measured with the recording fake in tests/excel; see insert.ts for why):
 * - insertDataset on a new sheet: 1 when the workbook's names are known (read by listTracked,
 *   which the pane calls when it opens, and kept up to date by every insert); 2 on an instance
 *   that has not read them yet; 3 when a name turned out to be taken since (retried once with
 *   fresh names). More only when the values exceed ~4 MB and are chunked (one per ~3 MB).
 * - insertDataset at the selection: 2 — one read (the selection, whether the cells the table
 *   and its notes would cover are empty, the names, the sheet's charts and the column widths)
 *   and one write; 3 when those empty cells carry number formats (read to be put back on
 *   failure). The read cannot be skipped: a user's cells are never overwritten.
 * - an insert Excel refuses: one read and one cleanup batch more (see insert.ts).
 * - refresh: one read and one write for any number of tables when the tracked table names are
 *   known (passed in, or remembered from listTracked/insert/refresh on this instance) — else
 *   one more read for the list of tables; no write when nothing changed.
 * - insertModel: as insertDataset on a new sheet — 1 once the names are known, 2 on an instance
 *   that has not read them, 3 on a stale sheet name (the model is rebuilt with fresh names).
 * - listTracked: 1 (also reads the sheet, table and defined names for the next insert).
 * - refresh that Excel refuses part of: one more sync to roll back the tables it touched.
 * - setPinned: 1 when this instance has read the table's record (listTracked, insert or
 *   refresh): the new record is written blind, with a read of the stored one queued before the
 *   write in the same request; 2 when the stored record turned out different (another instance
 *   refreshed the table meanwhile: the stored one, pinned, is written again) or was not known.
 * - makePortable / restoreFormulas / repairFormulas: 2 (a read, a write) for any number of
 *   sheets once the sheet names are known (listTracked); see portable.ts for the rare third.
 * - getActiveCell, readValues (any number of references), setActiveCellFormula: 1; readValues
 *   one more per reference when Excel refuses one of them (each is then read alone, to say which).
 * - onSelectionChanged: 1 to register, 1 to remove.
 */
import type { Dataset } from "../data/types";
import {
  WorkbookError,
  type ActiveCell,
  type ReadResult,
  type SheetValue,
  type FormulaActionResult,
  type FormulaScope,
  type InsertOptions,
  type Language,
  type InsertResult,
  type ProgressFn,
  type RefreshSummary,
  type SheetPlanBuilder,
  type TrackedTable,
  type WorkbookPort,
} from "../sheet/workbook";
import type { PackOptions } from "../sheet/write-ops";
import { decodeRecord, encodeRecord, sameRecord, toTrackedTable, trackingKey, withPinned, type TrackedRecord } from "../sheet/tracking";
import { officeErrorCode, officeSupports, type SupportsFn } from "./office";
import type { InsertRun } from "./insert";
import { queueNamesRead, type WorkbookNames } from "./names";
import type { PortableRun } from "./portable";
import { queueReadFileSettings, queueReadRecords } from "./tracking";

/**
 * The formula actions and the formula parser behind them load on first use, in their own chunk:
 * the pane's up-front scripts stay within their budget (bench: taskpane_gzip_bytes).
 */
const loadPortable = () => import(/* webpackChunkName: "portable" */ "./portable");

/**
 * The insert and refresh code with their planners, likewise, in one chunk ("edits"): loaded by
 * listTracked as soon as it has read the workbook (which the pane does when it opens), so the
 * first Insert or Refresh does not wait for it.
 */
const loadInsert = () => import(/* webpackChunkName: "edits" */ "./insert");
const loadRefresh = () => import(/* webpackChunkName: "edits" */ "./refresh");
const loadTableAt = () => import(/* webpackChunkName: "edits" */ "../sheet/table-at");
/** The Functions tab's reads and writes (active-cell.ts), loaded on first use for the same reason. */
const loadActiveCell = () => import(/* webpackChunkName: "active-cell" */ "./active-cell");

/** Excel.run's shape; tests pass the fake's run. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run(context, batch): a batch on an existing context (how an event handler is removed). */
export type ExcelRerun = <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbookOptions extends PackOptions {
  /** Defaults to Excel.run. */
  run?: ExcelRun;
  /** Defaults to Excel.run(context, batch). */
  rerun?: ExcelRerun;
  /** ExcelApi requirement-set check; defaults to Office.context.requirements.isSetSupported. */
  supports?: SupportsFn;
  now?: () => Date;
  /** Row key column per dataset id for refresh (null: match rows by position). */
  rowKeys?: Readonly<Record<string, string | null>>;
}

function asWorkbookError(error: unknown, fallback: string): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = officeErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === "RequestPayloadSizeLimitExceeded") return new WorkbookError("tooLarge", `The data is too large for one request to Excel: ${detail}`);
  if (code === "ItemAlreadyExists") return new WorkbookError("sheetNameTaken", `A sheet or table with that name already exists: ${detail}`);
  return new WorkbookError("excelRejected", `${fallback}: ${detail}`);
}

export class ExcelWorkbook implements WorkbookPort {
  private readonly known = new Map<string, { tableName: string; datasetId: string }>();
  /** The tracking records as this instance last read or wrote them (by lower-case table name). */
  private readonly records = new Map<string, TrackedRecord>();
  /**
   * The workbook's sheet, table and defined names as last read or changed by this instance
   * (null until read). May be stale: inserts use it optimistically and recover (insert.ts).
   */
  private names: WorkbookNames | null = null;
  /** context.sync() calls made by the last call (for the benchmark and tests). */
  lastSyncs = 0;

  constructor(private readonly options: ExcelWorkbookOptions = {}) {}

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const run: ExcelRun = this.options.run ?? ((b) => Excel.run(b));
    return run(batch);
  }

  private get supports(): SupportsFn {
    return this.options.supports ?? officeSupports;
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  private remember(records: readonly TrackedRecord[], replaceAll: boolean): void {
    if (replaceAll) {
      this.known.clear();
      this.records.clear();
    }
    for (const r of records) {
      this.known.set(r.tableName.toLowerCase(), { tableName: r.tableName, datasetId: r.datasetId });
      this.records.set(r.tableName.toLowerCase(), r);
    }
  }

  /**
   * Inserts a dataset as a table on a new sheet or at the selected cell (which must have empty
   * cells for the table and its notes), with its chart when asked, and records it for refresh.
   *
   * Round trips: on a new sheet, one sync once listTracked has run on this instance (the
   * workbook's names are then known; a stale name costs a retry: 3 syncs), two before. At the
   * selection always two: the cells must be read and found empty before anything is written.
   * Nothing half-written is left when Excel refuses part of the insert. What this Excel lacks
   * the requirement set for (freeze panes, the chart) is left out and listed in `skipped`.
   *
   * @throws WorkbookError "noSelection" without a usable selected cell, "targetNotEmpty" when
   *   the cells at the selection are not empty (nothing written), "sheetNameTaken",
   *   "tooLarge" or "excelRejected" when Excel refuses the insert.
   */
  async insertDataset(dataset: Dataset, options: InsertOptions): Promise<InsertResult> {
    this.lastSyncs = 0;
    try {
      const { insertAtSelection, insertOnNewSheet } = await loadInsert();
      return await this.run(async (context) => {
        const run = this.insertRun(context);
        const inserted =
          options.target === "selection" ? await insertAtSelection(run, dataset, options) : await insertOnNewSheet(run, dataset, options, this.names);
        this.remember([inserted.record], false);
        return inserted.result;
      });
    } catch (error) {
      throw asWorkbookError(error, `Excel refused to insert ${dataset.id}`);
    }
  }

  /** One insert's run: counts its syncs into lastSyncs and keeps the names it reads or adds. */
  private insertRun(context: Excel.RequestContext): InsertRun {
    return {
      context,
      counted: () => {
        this.lastSyncs++;
      },
      supports: this.supports,
      pack: { thresholdBytes: this.options.thresholdBytes, targetBytes: this.options.targetBytes },
      insertedAt: this.now().toISOString(),
      token: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`,
      onNames: (names) => {
        this.names = names;
      },
    };
  }

  /**
   * Adds a model sheet built by `build` from the workbook's sheet names (so its name is unique):
   * cells, formats, styles, defined names (sheet-scoped and workbook), drop-downs and chart in
   * one batch, then activates it. Returns the sheet's name and the cells written (tableName "").
   *
   * Round trips: one sync once listTracked has run on this instance (the pane calls it when it
   * opens), two before; on a stale sheet name the model is rebuilt with fresh names and retried
   * (3). Nothing half-written is left when Excel refuses part of it. What this Excel lacks the
   * requirement set for (drop-downs, freeze panes, the chart) is left out and listed in `skipped`.
   *
   * @throws WorkbookError "sheetNameTaken" (a name still taken after reading the names again),
   *   "tooLarge" or "excelRejected".
   * @example await workbook.insertModel((names) => template.build({ language: "en", mode: "ai", existingSheetNames: names }))
   */
  async insertModel(build: SheetPlanBuilder): Promise<InsertResult> {
    this.lastSyncs = 0;
    try {
      const { insertModelOnNewSheet } = await loadInsert();
      return await this.run(async (context) => insertModelOnNewSheet(this.insertRun(context), build, this.names));
    } catch (error) {
      throw asWorkbookError(error, "Excel refused to add the model sheet");
    }
  }

  /** Every table the add-in inserted into this workbook, as recorded (even if since deleted). */
  async listTracked(): Promise<TrackedTable[]> {
    this.lastSyncs = 0;
    try {
      return await this.run(async (context) => {
        const get = queueReadRecords(context);
        // Same sync: the names the next insert must avoid, so it needs no read of its own.
        const getNames = queueNamesRead(context);
        this.lastSyncs = 1;
        await context.sync();
        const records = await get(async () => {
          await context.sync();
          this.lastSyncs++;
        });
        this.remember(records, true);
        this.names = getNames();
        void loadInsert().catch(() => undefined); // warm: the first insert then needs no download
        return records.map(toTrackedTable);
      });
    } catch (error) {
      throw asWorkbookError(error, "Excel refused to read the tracked tables");
    }
  }

  /**
   * Updates tracked tables from validated datasets (keyed by dataset id); see refresh.ts for
   * what is rewritten and when a table is skipped. A dataset missing from the map skips its
   * tables, so an empty map writes nothing.
   */
  async refresh(datasets: ReadonlyMap<string, Dataset>, tableNames?: string[], onProgress?: ProgressFn): Promise<RefreshSummary> {
    this.lastSyncs = 0;
    try {
      const { refreshTables } = await loadRefresh();
      return await this.run(async (context) => {
        const out = await refreshTables(
          context,
          datasets,
          tableNames,
          {
            ...this.options,
            supports: this.supports,
            now: () => this.now(),
            rowKeys: this.options.rowKeys,
            knownTables: [...this.known.values()],
          },
          onProgress
        );
        this.lastSyncs = out.syncs;
        this.remember(out.records, true);
        // The refresh read the table list (no sheet is added or removed by a refresh).
        if (this.names) this.names = { ...this.names, tables: out.tableNames };
        return out.summary;
      });
    } catch (error) {
      throw asWorkbookError(error, "Excel refused the refresh");
    }
  }

  /**
   * Pins a tracked table to the version it holds (refresh then reports it "pinned" and leaves
   * it) or unpins it, in its tracking record.
   *
   * Round trips: 1 when this instance knows the record (listTracked, insert or refresh ran): the
   * pinned record is written in the same request as a read of the stored one, queued before the
   * write so it returns the value the write replaced. If that value differs from what this
   * instance knew (another instance refreshed the table meanwhile), the stored record is pinned
   * and written again (2). Without a known record: read, then write (2).
   * @throws WorkbookError "tableMissing" when no tracked table has that name.
   */
  async setPinned(tableName: string, pinned: boolean): Promise<void> {
    this.lastSyncs = 0;
    const missing = (): WorkbookError => new WorkbookError("tableMissing", `No table named "${tableName}" was inserted by the add-in, so it cannot be pinned.`);
    try {
      await this.run(async (context) => {
        const key = trackingKey(tableName);
        const settings = context.workbook.settings;
        const known = this.records.get(tableName.toLowerCase());
        const stored = settings.getItemOrNullObject(key);
        stored.load("value");
        // Same request: a record that lives only on a file's settings sheet (tracking.ts) is pinned into the settings.
        const fileSettings = queueReadFileSettings(context);
        if (known) settings.add(key, encodeRecord(withPinned(known, pinned)));
        await context.sync();
        this.lastSyncs++;
        const fromFile = stored.isNullObject
          ? await fileSettings(async () => {
              await context.sync();
              this.lastSyncs++;
            })
          : null;
        const current = fromFile ? decodeRecord(fromFile.get(key)) : decodeRecord(stored.value);
        if (!current) {
          if (known && stored.isNullObject) {
            // The record was removed meanwhile: take back the one just written.
            settings.getItem(key).delete();
            await context.sync();
            this.lastSyncs++;
          }
          this.records.delete(tableName.toLowerCase());
          this.known.delete(tableName.toLowerCase());
          throw missing();
        }
        const next = withPinned(current, pinned);
        if (!known || !sameRecord(current, known)) {
          settings.add(key, encodeRecord(next));
          await context.sync();
          this.lastSyncs++;
        }
        this.remember([next], false);
      });
    } catch (error) {
      throw asWorkbookError(error, `Excel refused to ${pinned ? "pin" : "unpin"} table "${tableName}"`);
    }
  }

  /**
   * The tracked table the selection is in or overlaps (WorkbookPort.tableAtSelection), for
   * "Refresh the selected table": the selection's address and each tracked table's range are
   * read and compared (sheet/table-at.ts). ExcelApi 1.1 and 1.4 only: Range.getTables would list
   * the tables at the selection but needs ExcelApi 1.9
   * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-gettables-member(1)),
   * and its tables would still have to be matched to the tracking records.
   *
   * Round trips: 2 (the selection, the records and the workbook's tables; then the ranges of
   * the tracked ones that exist); 1 when no tracked table exists.
   * @throws WorkbookError "noSelection" when the selection is not a range (a chart, a shape).
   */
  async tableAtSelection(): Promise<string | null> {
    this.lastSyncs = 0;
    try {
      const { tableUnder } = await loadTableAt();
      return await this.run(async (context) => {
        const selected = context.workbook.getSelectedRange();
        selected.load("address");
        const get = queueReadRecords(context);
        const tables = context.workbook.tables;
        tables.load("items/name");
        await context.sync();
        this.lastSyncs++;
        const records = await get(async () => {
          await context.sync();
          this.lastSyncs++;
        });
        this.remember(records, true);
        const existing = new Set(tables.items.map((t) => t.name.toLowerCase()));
        const ranges = records
          .filter((r) => existing.has(r.tableName.toLowerCase()))
          .map((r) => ({ name: r.tableName, range: tables.getItem(r.tableName).getRange().load("address") }));
        if (ranges.length === 0) return null;
        await context.sync();
        this.lastSyncs++;
        return tableUnder(
          selected.address,
          ranges.map((r) => ({ name: r.name, address: r.range.address }))
        );
      });
    } catch (error) {
      if (officeErrorCode(error) === "InvalidSelection") throw new WorkbookError("noSelection", "The selection is not a range of cells.");
      throw asWorkbookError(error, "Excel refused to read the selection");
    }
  }

  /** One formula action's run: counts its syncs and keeps the sheet names it reads. */
  private portableRun(context: Excel.RequestContext): PortableRun {
    return {
      context,
      supports: this.supports,
      now: this.now(),
      knownSheets: this.names?.sheets ?? null,
      onSheets: (sheets) => {
        if (this.names) this.names = { ...this.names, sheets };
      },
      counted: () => {
        this.lastSyncs++;
      },
    };
  }

  /** Issue 13: AI formulas in `scope` become native formulas (or values with a note); originals kept (portable.ts). */
  async makePortable(scope: FormulaScope, language: Language): Promise<FormulaActionResult> {
    this.lastSyncs = 0;
    try {
      const { excelMakePortable } = await loadPortable();
      return await this.run(async (context) => excelMakePortable(this.portableRun(context), scope, language));
    } catch (error) {
      throw asWorkbookError(error, "Excel refused to make the formulas portable");
    }
  }

  /** Issue 13: puts back the AI formulas Make portable kept, where the cells are unchanged since. */
  async restoreFormulas(scope: FormulaScope): Promise<FormulaActionResult> {
    this.lastSyncs = 0;
    try {
      const { excelRestore } = await loadPortable();
      return await this.run(async (context) => excelRestore(this.portableRun(context), scope));
    } catch (error) {
      throw asWorkbookError(error, "Excel refused to restore the formulas");
    }
  }

  // ------------------------------------------------------------------------------------------
  // The active cell (issue 20: the pane's Functions tab; the reads and writes are in active-cell.ts)
  // ------------------------------------------------------------------------------------------

  /** The active cell, its formula (a spilled cell's anchor's, with its offset) and the selected range: one sync. */
  async getActiveCell(): Promise<ActiveCell> {
    this.lastSyncs = 0;
    try {
      const { readActiveCell } = await loadActiveCell();
      return await this.run(async (context) => {
        const cell = await readActiveCell(context, this.supports);
        this.lastSyncs = 1;
        return cell;
      });
    } catch (error) {
      throw asWorkbookError(error, "Excel refused to read the selected cell");
    }
  }

  /**
   * Calls `handler` after each selection change: Workbook.onSelectionChanged (ExcelApi 1.2),
   * registered in one sync; the returned function removes it on the context it was added on, as
   * Office documents ("Remove an event handler", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events).
   */
  onSelectionChanged(handler: () => void): () => void {
    let stopped = false;
    const registered = this.run(async (context) => {
      const result = context.workbook.onSelectionChanged.add(async () => {
        if (!stopped) handler();
      });
      await context.sync();
      return result;
    });
    registered.catch(() => undefined); // no events, no harm: the pane reads the cell when it opens
    return () => {
      stopped = true;
      void registered
        .then((result) => {
          const rerun: ExcelRerun = this.options.rerun ?? ((ctx, batch) => Excel.run(ctx, batch));
          return rerun(result.context, async (context) => {
            result.remove();
            await context.sync();
          });
        })
        .catch(() => undefined);
    };
  }

  /** The values of references (addresses or names) as a formula on `sheet` reads them: one sync, one more per reference when Excel refuses one. */
  async readValues(sheet: string, references: readonly string[]): Promise<ReadResult[]> {
    this.lastSyncs = 0;
    if (references.length === 0) return [];
    try {
      const { readReferences } = await loadActiveCell();
      return await this.run(async (context) => readReferences(context, sheet, references, () => this.lastSyncs++));
    } catch (error) {
      throw asWorkbookError(error, "Excel refused to read the cells");
    }
  }

  /**
   * Writes a formula into the active cell and reads back what it shows: one sync.
   * @throws WorkbookError "excelRejected" when Excel refuses it (the cell is unchanged).
   */
  async setActiveCellFormula(formula: string): Promise<{ sheet: string; address: string; value: SheetValue }> {
    this.lastSyncs = 0;
    try {
      const { writeActiveCellFormula } = await loadActiveCell();
      return await this.run(async (context) => {
        const out = await writeActiveCellFormula(context, this.supports, formula);
        this.lastSyncs = 1;
        return out;
      });
    } catch (error) {
      throw asWorkbookError(error, "Excel refused the formula");
    }
  }

  /** Issue 13: re-enters #NAME? AI formulas and reports which now compute. */
  async repairFormulas(scope: FormulaScope): Promise<FormulaActionResult> {
    this.lastSyncs = 0;
    try {
      const { excelRepair } = await loadPortable();
      return await this.run(async (context) => excelRepair(this.portableRun(context), scope));
    } catch (error) {
      throw asWorkbookError(error, "Excel refused to repair the formulas");
    }
  }
}
