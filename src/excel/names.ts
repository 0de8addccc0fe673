/**
 * The workbook's sheet, table and defined names, read by listTracked in the same sync as the
 * tracking records so that the next insert needs no read of its own. Apart from insert.ts, which
 * loads with the first insert (its own chunk, see excel-workbook.ts).
 */
/** The names a new sheet or table must not collide with (Excel compares them case-insensitively). */
export interface WorkbookNames {
  sheets: string[];
  tables: string[];
  /** Workbook-scoped defined names: they share one namespace with table names. */
  names: string[];
}

/** Queues the load of every sheet, table and defined name; the getter works after the next sync. */
export function queueNamesRead(context: Excel.RequestContext): () => WorkbookNames {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  return () => ({
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((t) => t.name),
    names: names.items.map((n) => n.name),
  });
}
