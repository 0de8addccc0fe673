/**
 * The WorkbookPort implemented with Office.js: the only class the task pane needs to change an
 * Excel workbook. One Excel.run per call (per user action).
 *
 * Syncs per call (measured with the recording fake in tests/excel):
 * - insertDataset: 2 — one read (sheet, table and defined names, so the new sheet and table get
 *   unique names; for "selection" also the selected cell and whether the cells the table would
 *   cover are empty) and one write with everything else queued (values, formats, table, chart,
 *   tracking record). More writes only when the values exceed ~4 MB and are chunked.
 * - refresh: one read and one write for any number of tables when the tracked table names are
 *   known (passed in, or remembered from listTracked/insert/refresh on this instance) — else
 *   one more read for the list of tables; no write when nothing changed.
 * - listTracked: 1.
 */
import type { Dataset } from "../data/types";
import { planDatasetInsert } from "../sheet/dataset-plan";
import { parseRangeAddress, planFootprint, cellAddress } from "../sheet/plan";
import { WorkbookError, type InsertOptions, type InsertResult, type ProgressFn, type RefreshSummary, type TrackedTable, type WorkbookPort } from "../sheet/workbook";
import { applyPlan, officeErrorCode, officeSupports, type PackOptions, type SupportsFn } from "./apply-plan";
import { refreshTables } from "./refresh";
import { queueReadRecords, recordFromPlan, recordWriteOp, toTrackedTable, type TrackedRecord } from "./tracking";

/** Excel.run's shape; tests pass the fake's run. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbookOptions extends PackOptions {
  /** Defaults to Excel.run. */
  run?: ExcelRun;
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
    if (replaceAll) this.known.clear();
    for (const r of records) this.known.set(r.tableName.toLowerCase(), { tableName: r.tableName, datasetId: r.datasetId });
  }

  /**
   * Inserts a dataset as a table on a new sheet or at the selected cell (which must have empty
   * cells for the table and its notes), with its chart when asked, and records it for refresh.
   */
  async insertDataset(dataset: Dataset, options: InsertOptions): Promise<InsertResult> {
    this.lastSyncs = 0;
    try {
      return await this.run(async (context) => {
        const wb = context.workbook;
        const worksheets = wb.worksheets;
        worksheets.load("items/name");
        const tables = wb.tables;
        tables.load("items/name");
        const names = wb.names;
        names.load("items/name");
        let selected: Excel.Range | undefined;
        let used: Excel.Range | undefined;
        if (options.target === "selection") {
          // The footprint does not depend on names, so a provisional plan gives the area to check.
          const provisional = planDatasetInsert(dataset, { ...options, anchor: { sheetName: "_", cell: "A1" } });
          const fp = planFootprint(provisional);
          selected = wb.getSelectedRange();
          selected.load("address");
          used = selected
            .getCell(0, 0)
            .getResizedRange(fp.row + fp.rows - 1, fp.col + fp.cols - 1)
            .getUsedRangeOrNullObject(true);
          used.load("address");
        }
        try {
          await context.sync();
        } catch (error) {
          this.lastSyncs++;
          if (options.target === "selection") throw new WorkbookError("noSelection", `Select one cell on a worksheet with room for the table below and to the right of it (${officeErrorCode(error) ?? "error"}).`);
          throw error;
        }
        this.lastSyncs++;

        let anchor: { sheetName: string; cell: string } | undefined;
        if (selected && used) {
          const where = parseRangeAddress(selected.address);
          if (!where.sheet) throw new WorkbookError("noSelection", "Select a cell on a worksheet.");
          // WorkbookError has no dedicated code for this yet: "noSelection" plus a precise message.
          if (!used.isNullObject) throw new WorkbookError("noSelection", `The cells ${used.address} are not empty; select an empty area for the table, or insert it on a new sheet.`);
          anchor = { sheetName: where.sheet, cell: cellAddress(where) };
        }
        const plan = planDatasetInsert(dataset, {
          ...options,
          anchor,
          existingSheetNames: worksheets.items.map((s) => s.name),
          existingTableNames: [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)],
        });
        const sheetName = plan.target.kind === "newSheet" ? plan.target.name : plan.target.sheetName;
        const record = recordFromPlan(plan, sheetName, this.now().toISOString());
        const applied = await applyPlan(context, plan, { ...this.options, supports: this.supports, finalOps: [recordWriteOp(record)] });
        this.lastSyncs += applied.syncs;
        this.remember([record], false);
        return { tableName: record.tableName, sheetName, address: applied.tableAddress ?? "" };
      });
    } catch (error) {
      throw asWorkbookError(error, `Excel refused to insert ${dataset.id}`);
    }
  }

  /** Every table the add-in inserted into this workbook, as recorded (even if since deleted). */
  async listTracked(): Promise<TrackedTable[]> {
    this.lastSyncs = 0;
    try {
      return await this.run(async (context) => {
        const get = queueReadRecords(context);
        await context.sync();
        this.lastSyncs = 1;
        const records = get();
        this.remember(records, true);
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
        return out.summary;
      });
    } catch (error) {
      throw asWorkbookError(error, "Excel refused the refresh");
    }
  }
}
