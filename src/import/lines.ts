/**
 * From pasted text to lines of cells, and where the table is among them: title and caption
 * lines above it, the source and note lines below it ("数据来源: …", "注: 1TB 为 1024GB").
 *
 * Two layouts: tab-separated (what a PDF viewer or pdftotext gives for a table, and what Excel
 * copies), or columns aligned with runs of spaces (pdftotext -layout). In the second, cells are
 * separated by two or more spaces (one space stays inside a cell: "1.17 亿", "沪深 300") and a
 * cell is placed in the column whose start it is nearest to, so blank cells keep their place.
 */
import { normaliseReportText } from "../core/parse";

export interface TextLine {
  /** 1-based line number in the pasted text. */
  n: number;
  /** The cells, untrimmed text; "" for a blank cell. */
  cells: string[];
  /** spaces layout: the start column of each cell. */
  starts?: number[];
}

export type Layout = "tabs" | "spaces";

const SOURCE = /^\s*(数据来源|资料来源|来源|source|sources)\s*[:：]/i;
const NOTE = /^\s*(注|备注|注释|说明|note|notes)\s*[:：]/i;
/** A figure's title: "图8.", "表 2", "Figure 3:", "Exhibit 4", "Table 2:". */
const TITLE = /^\s*(图|表|figure|fig\.|table|exhibit|chart)\s*\d+/i;

export const isSourceLine = (text: string): boolean => SOURCE.test(text);
export const isNoteLine = (text: string): boolean => NOTE.test(text);

/** The non-blank cells of a line. */
export const filled = (line: TextLine): string[] => line.cells.filter((c) => c.trim() !== "");

/** The line's text with its cells joined by a space (for titles and notes). */
export const lineText = (line: TextLine): string =>
  filled(line)
    .map((c) => c.trim())
    .join(" ");

/** Splits the text into lines (any line ending) and each line into cells, in the layout the text uses. */
export function splitLines(text: string): { layout: Layout; lines: TextLine[] } {
  const raw = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  const nonBlank = raw.filter((l) => l.trim() !== "");
  const tabbed = nonBlank.filter((l) => /\t/.test(l.replace(/\t+$/, "")) || /\t\S/.test(l)).length;
  const layout: Layout = tabbed >= 2 || (tabbed === 1 && nonBlank.length <= 2) ? "tabs" : "spaces";
  if (layout === "tabs") return { layout, lines: raw.map((l, i) => ({ n: i + 1, cells: l.split("\t") })) };
  return {
    layout,
    lines: raw.map((l, i) => {
      // An ideographic space is as wide as two: a gap between columns, like a tab.
      const s = normaliseReportText(l).replace(/\t/g, "  ");
      const cells: string[] = [];
      const starts: number[] = [];
      for (const m of s.matchAll(/\S+(?: \S+)*/g)) {
        cells.push(m[0]);
        starts.push(m.index ?? 0);
      }
      return { n: i + 1, cells, starts };
    }),
  };
}

/**
 * Places each line's cells (spaces layout) in columns: the columns start where the cells of the
 * line with the most cells start, and each cell goes to the nearest free column to the right
 * of the previous one. A line whose cells outnumber the columns keeps its extra cells at the end.
 */
export function alignColumns(lines: TextLine[]): TextLine[] {
  const widest = lines.reduce<TextLine | null>((best, l) => (best === null || l.cells.length > best.cells.length ? l : best), null);
  const anchors = widest?.starts ?? [];
  if (anchors.length === 0) return lines;
  return lines.map((line) => {
    if (!line.starts || line.cells.length === anchors.length) return line;
    const out: string[] = new Array<string>(anchors.length).fill("");
    let col = 0;
    line.cells.forEach((cell, i) => {
      const start = (line.starts as number[])[i];
      const left = line.cells.length - i; // cells still to place, this one included
      let best = col;
      for (let c = col; c <= anchors.length - left; c++) if (Math.abs(anchors[c] - start) < Math.abs(anchors[best] - start)) best = c;
      if (best >= anchors.length) out.push(cell);
      else out[best] = cell;
      col = best + 1;
    });
    return { n: line.n, cells: out };
  });
}

/** Where the table is: the lines above it, its own lines, and what follows it. */
export interface TextParts {
  title: string | null;
  caption: string[];
  source: string[];
  notes: string[];
  table: TextLine[];
  ignored: number[];
}

/**
 * Finds the table among the lines. Above it: blank lines, a title and captions (lines of one
 * cell). The table: from the first line of two or more cells, through its last line; a blank
 * line followed by a line of one cell, or a source or note line, ends it. Below it: source and
 * note lines; anything else is ignored (and reported).
 */
export function findTable(lines: readonly TextLine[]): TextParts {
  const parts: TextParts = { title: null, caption: [], source: [], notes: [], table: [], ignored: [] };
  let state: "before" | "table" | "after" = "before";
  let gap = false;
  for (const line of lines) {
    const cells = filled(line);
    const text = lineText(line);
    if (cells.length === 0) {
      gap = state === "table";
      continue;
    }
    if (isSourceLine(text)) {
      parts.source.push(text);
      if (state === "table") state = "after";
      continue;
    }
    if (isNoteLine(text)) {
      parts.notes.push(text);
      if (state === "table") state = "after";
      continue;
    }
    if (state === "before") {
      if (cells.length >= 2) {
        state = "table";
        parts.table.push(line);
      } else if (parts.title === null && (parts.caption.length === 0 || TITLE.test(text))) parts.title = text;
      else parts.caption.push(text);
      continue;
    }
    if (state === "table" && !(gap && cells.length < 2)) {
      parts.table.push(line);
      gap = false;
      continue;
    }
    state = "after";
    parts.ignored.push(line.n);
  }
  return parts;
}
