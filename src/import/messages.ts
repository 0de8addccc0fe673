/**
 * What the importer says, in Chinese and English: why a cell is flagged and what it proposes,
 * why a paste is refused, and the notes that go under the inserted table. Each function returns
 * both languages; the pane and the command pick one.
 */
import type { LocalizedText } from "../data/types";
import type { ImportColumnType } from "./types";

const both = (zh: string, en: string): LocalizedText => ({ zh, en });

/** A value as the flags and notes show it: 1.75E+12, 0.0047, "2023-02". */
export function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "∅";
  if (typeof value !== "number") return `“${String(value)}”`;
  const a = Math.abs(value);
  if (a !== 0 && (a >= 1e7 || a < 1e-4)) {
    const [m, e] = value.toExponential(2).split("e");
    return `${m}E${Number(e) < 0 ? "-" : "+"}${String(Math.abs(Number(e))).padStart(2, "0")}`;
  }
  return String(Number(value.toPrecision(12)));
}

/** Each column type's name, as the flags and the pane's type menu say it. */
export const TYPE_NAMES: Readonly<Record<ImportColumnType, LocalizedText>> = {
  text: both("文本", "text"),
  number: both("数字", "number"),
  percent: both("百分比", "percentage"),
  date: both("日期", "date"),
  bytes: both("数据量 (字节)", "size in bytes"),
  count: both("计数", "count"),
};

export const msg = {
  // Refusals --------------------------------------------------------------------------------
  notText: () => both("粘贴的内容不是文本。", "What was pasted is not text."),
  empty: () => both("没有可读取的文本：请先粘贴从报告中复制的表格。", "There is no text to read: paste a table copied from a report first."),
  tooManyLines: (lines: number, max: number) =>
    both(`文本有 ${lines} 行，最多读取 ${max} 行：请分批粘贴。`, `The text has ${lines} lines; at most ${max} are read. Paste it in parts.`),
  noTable: () =>
    both(
      "未找到表格：没有任何一行包含两个或以上的单元格。列之间应以制表符或两个以上空格分隔（从 PDF 复制时通常如此）。",
      "No table found: no line has two or more cells. Columns must be separated by tabs or by two or more spaces, as a copy from a PDF gives them."
    ),
  tooWide: (cols: number, max: number) => both(`表格有 ${cols} 列，最多 ${max} 列。`, `The table has ${cols} columns; at most ${max} are read.`),
  noRows: () => both("只找到表头，表头下没有数据行。", "Only a header row was found: there are no rows under it."),

  // Made-up names -----------------------------------------------------------------------------
  columnName: (n: number) => both(`列 ${n}`, `Column ${n}`),
  qualifierName: (name: string) => both(`${name} 限定词`, `${name} qualifier`),
  monthName: (name: string) => both(`${name} (月份)`, `${name} (month)`),
  untitled: () => both("粘贴的表格", "Pasted table"),
  notStated: () => both("未注明", "not stated"),
  noSource: () => both("数据来源: 粘贴的文本 (未注明来源)", "Source: pasted text (not stated)"),
  bytesUnit: (step: number) => both(`字节, 1TB = ${step}GB`, `bytes, 1TB = ${step}GB`),

  // Flags -------------------------------------------------------------------------------------
  magnitudeReason: (raw: string, value: number, orders: number, median: number, column: string) =>
    both(
      `“${raw}” = ${shown(value)}，比「${column}」列其他值的中位数 ${shown(median)} 相差约 ${orders} 个数量级。`,
      `“${raw}” = ${shown(value)} is about ${orders} orders of magnitude away from the rest of “${column}” (median ${shown(median)}).`
    ),
  magnitudeUnit: (raw: string, wrote: string, meant: string, value: number) =>
    both(
      `可能应为“${raw.replace(wrote, meant)}”= ${shown(value)}：PDF 文本丢了或错了数量单位（${wrote} → ${meant}）。`,
      `Likely “${raw.replace(wrote, meant)}” = ${shown(value)}: the text lost or garbled a magnitude (${wrote} → ${meant}).`
    ),
  magnitudeBlank: () =>
    both(
      "没有哪个单位错误能解释它：可能是提取时产生的杂字，建议留空。",
      "No slip of a unit explains it: likely an artefact of the extraction; leave the cell blank."
    ),
  spacingReason: (raw: string) =>
    both(`“${raw}” 的数字中间有 PDF 留下的空格，去掉空格后读取。`, `“${raw}” has PDF spacing inside the figure; it is read with the spaces removed.`),
  spacingProposal: (value: unknown) => both(`读作 ${shown(value)}`, `Read as ${shown(value)}`),
  ocrReason: (raw: string, changes: string[]) =>
    both(`“${raw}” 可能有 OCR 识别错误：${changes.join("，")}。`, `“${raw}” has a likely OCR slip: ${changes.join(", ")}.`),
  glyphReason: (raw: string, changes: string[]) => {
    const removed = changes.some((c) => c.endsWith("removed"));
    return both(
      `“${raw}” 含 PDF 提取损坏的字符：${changes.join("，")}。${removed ? "被删除的字符原意无法推断，请核对原文。" : ""}`,
      `“${raw}” has characters the PDF extraction garbled: ${changes.join(", ")}.${removed ? " What a removed character stood for cannot be told; check the report." : ""}`
    );
  },
  textProposal: (fixed: string) => both(`改为“${fixed}”`, `Use “${fixed}”`),
  typeName: (type: ImportColumnType): LocalizedText => TYPE_NAMES[type],
  unreadableReason: (raw: string, type: LocalizedText, problem?: string) =>
    both(
      `“${raw}” 不是${type.zh}${problem ? `（${problem}）` : ""}，暂按原文保留为文本。`,
      `“${raw}” is not a ${type.en}${problem ? ` (${problem})` : ""}; it is kept as text for now.`
    ),
  unreadableBlank: () => both("留空（原文记入表下注释）", "Leave the cell blank (the text goes into the note under the table)"),
  unreadablePercent: (value: number) => both(`读作 ${shown(value)}（缺少 % 号）`, `Read as ${shown(value)} (the % sign is missing)`),
  splitReason: (a: string, b: string) =>
    both(
      `“${a}” 和 “${b}” 像是被拆到两个单元格的同一个数（原表中可能是跨两列的合并单元格）。`,
      `“${a}” and “${b}” look like one figure split over two cells (in the source, likely one cell spanning both columns).`
    ),
  splitProposal: (value: number, first: string, second: string) =>
    both(`两格都读作 ${shown(value)}（${first}、${second}）`, `Read both as ${shown(value)} (${first} and ${second})`),
  joinReason: (line: number, above: number, blankIn: string[]) =>
    both(
      `第 ${line} 行在「${blankIn.join("、")}」中没有值，读作第 ${above} 行被折到下一行的单元格。`,
      `Line ${line} has no value in ${blankIn.map((c) => `“${c}”`).join(", ")}: read as cells of line ${above} wrapped onto the next line.`
    ),
  joinSuspectReason: (line: number, above: number, unreadable: string[]) =>
    both(
      `第 ${line} 行的 ${unreadable.map((c) => `“${c}”`).join("、")} 无法读取，其余文字像是第 ${above} 行的续行。`,
      `On line ${line}, ${unreadable.map((c) => `“${c}”`).join(", ")} cannot be read, and its text looks like the end of line ${above}.`
    ),
  joinProposal: (parts: string[], dropped: string[]) =>
    both(
      `并入上一行：${parts.join("；")}${dropped.length > 0 ? `；舍去 ${dropped.map((d) => `“${d}”`).join("、")}` : ""}`,
      `Join it to the row above: ${parts.join("; ")}${dropped.length > 0 ? `; drop ${dropped.map((d) => `“${d}”`).join(", ")}` : ""}`
    ),
  cellCountReason: (line: number, cells: number, columns: number) =>
    both(
      `第 ${line} 行有 ${cells} 个单元格，表格只有 ${columns} 列；多出的单元格暂时并入最后一列。`,
      `Line ${line} has ${cells} cells but the table has ${columns} columns; the extra cells are put in the last column for now.`
    ),
  cellCountProposal: (a: string, b: string) => both(`合并相邻的 “${a}” 和 “${b}”`, `Merge the neighbouring “${a}” and “${b}”`),

  // Notes under the table ---------------------------------------------------------------------
  notePercent: (columns: string[]) =>
    both(`${columns.join("、")}: 百分比以小数存储 (0.47% = 0.0047)`, `${columns.join(", ")}: percentages stored as decimals (0.47% = 0.0047)`),
  noteMagnitudes: (column: string, words: string[]) =>
    both(`${column}: ${words.join("、")} 已换算为基本单位`, `${column}: ${words.join(", ")} converted to base units`),
  noteHeaderScale: (column: string, scale: number, unit: string) =>
    both(
      `${column}: 表头单位，数值已乘以 ${shown(scale)}${unit ? `，单位为 ${unit}` : ""}`,
      `${column}: the header's unit; values × ${shown(scale)}${unit ? `, in ${unit}` : ""}`
    ),
  noteBytes: (column: string, step: number, stated: boolean) =>
    both(
      `${column}: 以字节存储，1TB = ${step}GB (${stated ? "按原文注释" : "默认"})`,
      `${column}: stored in bytes, 1TB = ${step}GB (${stated ? "as the text notes" : "by default"})`
    ),
  noteQualifier: (column: string) =>
    both(`${column}: 约/~ 记为 ≈，超过/以上 记为 >/≥，不到/以下 记为 </≤`, `${column}: 约/about as ≈, 超过/over as >, 以上 as ≥, 不到/under as <, 以下 as ≤`),
  noteFilled: (column: string) =>
    both(`${column}: 空白单元格按上方的值填充 (原表为合并单元格)`, `${column}: blank cells filled with the value above (merged cells in the source)`),
  noteMonths: (column: string, months: string) =>
    both(`${column}: 只有月份的日期在此列为空，月份见「${months}」`, `${column}: dates given only to the month are blank here; see “${months}”`),
  noteHeader: (raw: string, name: string) => both(`表头 “${raw}” 读作 “${name}”`, `header “${raw}” read as “${name}”`),
  noteFlag: (line: number, column: string | null, text: string) =>
    both(`第 ${line} 行${column ? `「${column}」` : ""}: ${text}`, `line ${line}${column ? `, ${column}` : ""}: ${text}`),
  noteAccepted: (raw: string, value: unknown) => both(`“${raw}” → ${shown(value)}`, `“${raw}” → ${shown(value)}`),
  noteKept: (raw: string) => both(`“${raw}” 按原文保留 (已标记)`, `“${raw}” kept as written (flagged)`),
  noteJoined: (count: number) => both(`${count} 处折行的单元格已合并`, `${count} cells wrapped onto the next line were joined`),
  noteSpacing: (count: number, example: string) =>
    both(`${count} 个数字去掉了 PDF 空格 (如 “${example}”)`, `PDF spacing removed inside ${count} figures (e.g. “${example}”)`),
  noteMore: (count: number) => both(`另有 ${count} 条`, `and ${count} more`),
};
