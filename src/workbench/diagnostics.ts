/**
 * The diagnostics' port in the workbench (src/sheet/diagnostics.ts judges what it returns): the
 * same checks the pane runs in Excel, on the HyperFormula workbook. The custom function is typed
 * into a very hidden scratch sheet as a user types it (HfWorkbook.input) and computed by the
 * engine with the add-in's functions registered; the table goes through the same sheet-plan
 * path as an insert (applySheetPlan) and is deleted with the adapters' write operations. Each
 * scratch sheet is removed in every outcome, and the active sheet and selection are put back.
 * There is no Office host, no requirement set and no Excel runtime here: those checks say they
 * do not apply.
 */
import { HyperFormula } from "hyperformula";
import {
  scratchSheetName,
  type CellScalar,
  type DiagnosticsPort,
  type EnvironmentProbe,
  type FunctionProbe,
  type ScratchCleanup,
  type TableProbe,
} from "../sheet/diagnostics";
import type { SheetPlan } from "../sheet/plan";
import type { HfWorkbook } from "./hf-workbook";

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A cell's value as Excel's Range.values gives it: errors as their text, blanks as "". */
function cellValue(book: HfWorkbook, sheet: number, row: number, col: number): CellScalar {
  const v = book.cellView(sheet, row, col);
  return v.value === null ? "" : v.value;
}

export class HfDiagnostics implements DiagnosticsPort {
  readonly where = "workbench" as const;

  constructor(
    private readonly book: HfWorkbook,
    private readonly random: () => number = Math.random
  ) {}

  async environment(): Promise<EnvironmentProbe> {
    return { kind: "workbench", engine: `HyperFormula ${HyperFormula.version}` };
  }

  supports(): null {
    return null;
  }

  async runtime(): Promise<null> {
    return null;
  }

  /** Runs `work` with a scratch sheet made by `create`, then removes it and puts the view back. */
  private async withScratch<P extends { failure: string | null; cleanup: ScratchCleanup }>(
    name: string,
    probe: P,
    work: (create: (plan: SheetPlan) => Promise<number>) => Promise<void>
  ): Promise<P> {
    const book = this.book;
    const view = { active: book.activeSheet, selection: { ...book.selection } };
    let created = false;
    try {
      await work(async (plan) => {
        await book.applySheetPlan(plan);
        created = true;
        const id = book.findSheet(name);
        if (id === undefined) throw new Error(`the scratch sheet ${name} was not created`);
        book.hideSheet(id);
        return id;
      });
    } catch (error) {
      probe.failure = messageOf(error);
    }
    try {
      if (created || book.findSheet(name) !== undefined) book.execute([{ kind: "deleteSheet", sheet: name }]);
      probe.cleanup = { sheet: name, removed: book.findSheet(name) === undefined, leftoversRemoved: [] };
    } catch (error) {
      probe.cleanup = { sheet: name, removed: false, detail: messageOf(error) };
    }
    if (book.allSheets().some((s) => s.id === view.active)) {
      book.activeSheet = view.active;
      book.selection = view.selection;
    }
    book.changed();
    return probe;
  }

  async functionProbe(formula: string): Promise<FunctionProbe> {
    const name = scratchSheetName(this.random);
    const probe: FunctionProbe = {
      formula,
      value: null,
      reads: 0,
      waitedMs: 0,
      calculationMode: null,
      failure: null,
      cleanup: { sheet: name, removed: false },
    };
    return this.withScratch(name, probe, async (create) => {
      const id = await create({ target: { kind: "newSheet", name }, blocks: [], activate: false });
      const refused = this.book.input(id, 0, 0, formula);
      if (refused !== null) throw new Error(refused);
      // HyperFormula computes synchronously: one read.
      probe.value = cellValue(this.book, id, 0, 0);
      probe.reads = 1;
      probe.calculationMode = "Automatic";
    });
  }

  async tableProbe(values: readonly (readonly CellScalar[])[]): Promise<TableProbe> {
    const name = scratchSheetName(this.random);
    const written = values.map((row) => [...row]);
    const probe: TableProbe = { written, readBack: null, tableName: null, tableRemoved: false, failure: null, cleanup: { sheet: name, removed: false } };
    return this.withScratch(name, probe, async (create) => {
      const range = { row: 0, col: 0, rows: written.length, cols: written[0].length };
      const id = await create({
        target: { kind: "newSheet", name },
        blocks: [{ at: { row: 0, col: 0 }, values: written }],
        table: { range, name, style: "TableStyleMedium2", hasHeaders: true },
        activate: false,
      });
      const table = this.book.tables().find((t) => t.sheetId === id);
      if (!table) throw new Error("the workbench recorded no table");
      probe.tableName = table.name;
      const r = table.range;
      probe.readBack = Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => cellValue(this.book, id, r.row + i, r.col + j)));
      this.book.execute([{ kind: "deleteTable", table: table.name }]);
      probe.tableRemoved = !this.book.tables().some((t) => t.name.toLowerCase() === table.name.toLowerCase());
    });
  }
}
