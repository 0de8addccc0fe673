/**
 * The diagnostics' port in Excel (src/sheet/diagnostics.ts judges and words what it returns).
 * Every check that writes works on a scratch sheet of its own and removes it in every outcome;
 * nothing else in the workbook is touched.
 *
 * Office.js used, and the pages it relies on:
 * - Office.context.diagnostics (host, platform, version) and Office.context.displayLanguage:
 *   https://learn.microsoft.com/javascript/api/office/office.contextinformation
 * - Office.context.requirements.isSetSupported(name, version), the run-time check of a
 *   requirement set: https://learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements
 * - WorksheetCollection.add, Worksheet.visibility ("VeryHidden": no tab, and the user cannot
 *   unhide it; ExcelApi 1.1 to read, 1.2 to set), Worksheet.delete, which "will fail with an
 *   InvalidOperation exception" on a very hidden sheet, so the sheet is made "Hidden" first:
 *   https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
 * - WorksheetCollection.getItemOrNullObject, TableCollection.getItemOrNullObject (ExcelApi 1.4):
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-advanced-concepts (null objects)
 * - Range.formulas, Range.values (an error cell reads as its text, e.g. "#NAME?"), TableCollection.add,
 *   Table.delete, Application.calculationMode (ExcelApi 1.1 to read).
 * - Custom functions compute asynchronously: "When Excel is waiting for a custom function to
 *   complete, it displays #BUSY! in the cell" (Custom functions troubleshooting, "Ensure promises
 *   return": https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-troubleshooting).
 *   So the functions check reads the cell again while it shows #BUSY!, at most `maxReads` times,
 *   `pollMs` apart (defaults: 20 reads, 250 ms: at most 4.75 s of waiting).
 * - A failed sync applies the calls queued before the failing one and none after it (see
 *   tests/excel/fake-excel.ts): so after a refusal the scratch sheet may or may not exist, and
 *   the cleanup looks it up by name before deleting it; it is tried twice.
 *
 * Round trips (context.sync): functions: 1 write-and-read, 1 per extra read while #BUSY!, 1 to
 * remove the sheet; table: 1 insert-and-read, 1 to delete the table and look it up again, 1 to
 * remove the sheet. A refused call costs one lookup and one removal more.
 */
import {
  isScratchSheet,
  scratchSheetName,
  type CellScalar,
  type DiagnosticsPort,
  type EnvironmentProbe,
  type FunctionProbe,
  type RequirementSet,
  type RuntimeProbe,
  type ScratchCleanup,
  type TableProbe,
} from "../sheet/diagnostics";
import { rangeAddress } from "../sheet/plan";
import { FUNCTIONS_MARK_KEY } from "../functions/runtime-mark";
import { officeErrorCode } from "./apply-plan";
import type { ExcelRun } from "./excel-workbook";

export interface FunctionsMark {
  /** When functions.js ran (ISO). */
  loadedAt: string;
}

/** The mark functions.js left in `global` (src/functions/runtime-mark.ts), or null when it has not run there. */
export function readFunctionsMark(global: object = globalThis): FunctionsMark | null {
  const v = (global as Record<string, unknown>)[FUNCTIONS_MARK_KEY];
  return typeof v === "number" && Number.isFinite(v) ? { loadedAt: new Date(v).toISOString() } : null;
}

export interface OfficeContextInfo {
  host: string;
  platform: string;
  version: string;
  displayLanguage?: string;
}

export interface ExcelDiagnosticsOptions {
  /** Defaults to Excel.run. */
  run?: ExcelRun;
  /** Defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Defaults to Office.context.diagnostics and Office.context.displayLanguage; null outside Office. */
  context?: () => OfficeContextInfo | null;
  /** Defaults to the mark functions.js left in this window. */
  functionsMark?: () => FunctionsMark | null;
  sleep?: (ms: number) => Promise<void>;
  /** A monotonic clock in ms (default performance.now or Date.now). */
  now?: () => number;
  /** For the scratch sheet's name (default Math.random). */
  random?: () => number;
  /** Reads of the formula cell at most, the first included (default 20). */
  maxReads?: number;
  /** Wait between two reads while the cell shows #BUSY!, in ms (default 250). */
  pollMs?: number;
}

/** The values a cell shows while a custom function is still computing. */
const PENDING = new Set<unknown>(["#BUSY!", "#GETTING_DATA"]);

function officeSetSupported(name: string, version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported(name, version);
  } catch {
    return false;
  }
}

function officeContext(): OfficeContextInfo | null {
  if (typeof Office === "undefined" || !Office.context || !Office.context.diagnostics) return null;
  const d = Office.context.diagnostics;
  return { host: String(d.host), platform: String(d.platform), version: d.version, displayLanguage: Office.context.displayLanguage };
}

function describe(error: unknown): string {
  const code = officeErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

const defaultNow = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

export class ExcelDiagnostics implements DiagnosticsPort {
  readonly where = "excel" as const;
  /** context.sync() calls made by the last probe (tests). */
  lastSyncs = 0;
  /** Scratch sheets of probes still running on this instance (lower case): not leftovers. */
  private readonly inUse = new Set<string>();

  constructor(private readonly options: ExcelDiagnosticsOptions = {}) {}

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const run: ExcelRun = this.options.run ?? ((b) => Excel.run(b));
    return run(batch);
  }

  async environment(): Promise<EnvironmentProbe> {
    const info = (this.options.context ?? officeContext)();
    if (!info) throw new Error("Office has not given this page its context: is the pane open in Excel?");
    return { kind: "office", ...info };
  }

  supports(set: RequirementSet): boolean {
    return (this.options.isSetSupported ?? officeSetSupported)(set.name, set.version);
  }

  async runtime(): Promise<RuntimeProbe> {
    const mark = (this.options.functionsMark ?? (() => readFunctionsMark()))();
    return { functionsLoaded: mark !== null, loadedAt: mark?.loadedAt ?? null, sharedRuntime: this.supports({ name: "SharedRuntime", version: "1.1" }) };
  }

  /**
   * Removes the scratch sheet `name` and the `leftovers` of earlier runs: made "Hidden" (a very
   * hidden sheet cannot be deleted), then deleted. When the first sync succeeded the sheet is
   * known to exist and one sync does it; otherwise, or when that failed, each is looked up first.
   */
  private async removeScratch(context: Excel.RequestContext, name: string, exists: boolean, leftovers: readonly string[]): Promise<ScratchCleanup> {
    const sheets = context.workbook.worksheets;
    const queueRemove = (sheet: Excel.Worksheet): void => {
      sheet.visibility = "Hidden";
      sheet.delete();
    };
    const all = [name, ...leftovers];
    let last: unknown = null;
    for (const known of exists ? [true, false] : [false, false]) {
      try {
        if (known) {
          for (const n of all) queueRemove(sheets.getItem(n));
          this.lastSyncs++;
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- at most two attempts, each needing Excel's answer
          await context.sync();
          return { sheet: name, removed: true, leftoversRemoved: leftovers };
        }
        const found = all.map((n) => {
          const s = sheets.getItemOrNullObject(n);
          s.load("name");
          return { n, s };
        });
        this.lastSyncs++;
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- at most two attempts, each needing Excel's answer
        await context.sync();
        const present = found.filter((f) => !f.s.isNullObject);
        for (const f of present) queueRemove(f.s);
        if (present.length > 0) {
          this.lastSyncs++;
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- at most two attempts, each needing Excel's answer
          await context.sync();
        }
        // Every leftover is gone now (removed here, or by someone else meanwhile).
        return { sheet: name, removed: true, leftoversRemoved: leftovers };
      } catch (error) {
        last = error;
      }
    }
    return { sheet: name, removed: false, detail: describe(last) };
  }

  /**
   * The names of the scratch sheets an interrupted run left (queued load: read after the next
   * sync): the prefix's sheets other than those of probes running on this instance.
   */
  private queueLeftovers(context: Excel.RequestContext): () => string[] {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    return () => sheets.items.map((s) => s.name).filter((n) => isScratchSheet(n) && !this.inUse.has(n.toLowerCase()));
  }

  /** Runs a probe's batch with its scratch sheet's name marked in use. */
  private withName<T>(name: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    this.inUse.add(name.toLowerCase());
    return this.run(batch).finally(() => this.inUse.delete(name.toLowerCase()));
  }

  async functionProbe(formula: string): Promise<FunctionProbe> {
    this.lastSyncs = 0;
    const maxReads = this.options.maxReads ?? 20;
    const pollMs = this.options.pollMs ?? 250;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const now = this.options.now ?? defaultNow;
    const name = scratchSheetName(this.options.random);
    return this.withName(name, async (context) => {
      const probe: FunctionProbe = {
        formula,
        value: null,
        reads: 0,
        waitedMs: 0,
        calculationMode: null,
        failure: null,
        cleanup: { sheet: name, removed: false },
      };
      let created = false;
      let leftovers: string[] = [];
      try {
        const names = this.queueLeftovers(context);
        const sheet = context.workbook.worksheets.add(name);
        sheet.visibility = "VeryHidden";
        const cell = sheet.getRange("A1");
        cell.formulas = [[formula]];
        cell.load("values");
        const application = context.workbook.application;
        application.load("calculationMode");
        this.lastSyncs++;
        await context.sync();
        created = true;
        leftovers = names();
        probe.calculationMode = String(application.calculationMode);
        probe.value = cell.values[0][0] as CellScalar;
        probe.reads = 1;
        const t0 = now();
        while (PENDING.has(probe.value) && probe.reads < maxReads) {
          await sleep(pollMs);
          cell.load("values");
          this.lastSyncs++;
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- polling: the value arrives when the function has computed (bounded by maxReads)
          await context.sync();
          probe.value = cell.values[0][0] as CellScalar;
          probe.reads++;
        }
        probe.waitedMs = Math.max(0, now() - t0);
      } catch (error) {
        probe.failure = describe(error);
      }
      probe.cleanup = await this.removeScratch(context, name, created, leftovers);
      return probe;
    });
  }

  async tableProbe(values: readonly (readonly CellScalar[])[]): Promise<TableProbe> {
    this.lastSyncs = 0;
    const name = scratchSheetName(this.options.random);
    const written = values.map((row) => [...row]);
    return this.withName(name, async (context) => {
      const probe: TableProbe = { written, readBack: null, tableName: null, tableRemoved: false, failure: null, cleanup: { sheet: name, removed: false } };
      let created = false;
      let leftovers: string[] = [];
      try {
        const names = this.queueLeftovers(context);
        const sheet = context.workbook.worksheets.add(name);
        sheet.visibility = "VeryHidden";
        const address = rangeAddress({ row: 0, col: 0, rows: written.length, cols: written[0].length });
        sheet.getRange(address).values = written;
        const table = sheet.tables.add(address, true);
        table.load("name");
        const all = table.getRange();
        all.load("values");
        this.lastSyncs++;
        await context.sync();
        created = true;
        leftovers = names();
        probe.tableName = table.name;
        probe.readBack = all.values as CellScalar[][];

        context.workbook.tables.getItem(table.name).delete();
        const gone = context.workbook.tables.getItemOrNullObject(table.name);
        gone.load("name");
        this.lastSyncs++;
        await context.sync();
        probe.tableRemoved = gone.isNullObject;
      } catch (error) {
        probe.failure = describe(error);
      }
      probe.cleanup = await this.removeScratch(context, name, created, leftovers);
      return probe;
    });
  }
}

let shared: ExcelDiagnostics | undefined;

/** The pane's one instance (it knows the scratch sheets of its probes still running). */
export function excelDiagnostics(): ExcelDiagnostics {
  shared ??= new ExcelDiagnostics();
  return shared;
}
