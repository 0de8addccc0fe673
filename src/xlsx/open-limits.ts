/**
 * How much of an .xlsx file readXlsx (and so the workbench's "Open .xlsx") takes on: one source of
 * truth for the caps README.md states ("Open .xlsx"). A file over a cap is refused with a message
 * naming the cap; nothing of it is loaded. Each cap is a count or a byte size, checked before the
 * work it bounds (the zip's directory before inflating, the XML before ExcelJS parses it), so the
 * time and memory an open takes grow with these numbers and not with what a file claims.
 *
 * Measured in Node on a shared 2-core machine at a load average of 13 (so several times slower
 * than idle): the workbench's open of 20,000 × 10 numbers (627 KB) took 6-7 s and peaked at
 * 0.4 GB of process memory; of 100,000 × 10 cells, half text (1,000,000 cells, the cell cap;
 * 5.2 MB, 52 MB of XML), 30-38 s and 0.9-1.5 GB. Bench key `xlsx_open_ms` times the first.
 */
export interface XlsxOpenLimits {
  /** Entries in the zip's directory. */
  maxEntries: number;
  /**
   * Bytes, decompressed, of the parts read (workbook, sheets, shared strings, styles, tables,
   * notes, drawings' XML), in all, as declared by the zip and as inflated. Images and themes are
   * not read.
   */
  maxInflatedBytes: number;
  /** XML elements in those parts, in all: bounds every object the XML parser builds. */
  maxElements: number;
  /** Cells (`<c>` elements) in all sheets. */
  maxCells: number;
  /**
   * Used ranges as rows × columns (A1 to a sheet's last cell), summed over the sheets: the
   * workbench's engine and grid are dense over them. A table's range is held to it too.
   */
  maxUsedArea: number;
  /**
   * Cells reached through ranges, in all: the cells of merged ranges, of array formulas (each
   * clipped to its sheet's used range), the items of each drop-down list (counted once per range
   * the drop-down covers) and the source cells read to find them.
   */
  maxRangeCells: number;
  /**
   * Drop-down ranges (each range of each list validation), in all: the workbench looks a cell's
   * drop-down up among its sheet's ranges each time the cell is selected.
   */
  maxDropDowns: number;
}

export const XLSX_OPEN_LIMITS: Readonly<XlsxOpenLimits> = Object.freeze({
  maxEntries: 10_000,
  maxInflatedBytes: 100_000_000,
  maxElements: 5_000_000,
  maxCells: 1_000_000,
  maxUsedArea: 10_000_000,
  maxRangeCells: 1_000_000,
  maxDropDowns: 10_000,
});

/** "1,000,000": how the messages and README write counts. */
export const count = (n: number): string => n.toLocaleString("en-US");
