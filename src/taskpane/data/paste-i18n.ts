/**
 * The strings of "Paste a table" (issue 22), in English and Chinese. They live here, in the
 * feature's own folder, and travel in its lazy chunk with the component. Same rules as i18n.ts:
 * both tables are typed by the English keys; tests/taskpane/paste-table.test.tsx checks that
 * every key is in both with the same placeholders. Why a cell is flagged comes from the
 * importer itself (src/import/messages.ts), in both languages.
 */
import type { Language } from "../../sheet/workbook";
import { fill } from "../i18n";
import type { MessageParams } from "../i18n";

const en = {
  heading: "Paste a table",
  intro:
    "Copy a table out of a report's PDF (or a paper, or a vendor deck) and paste it here: it becomes a typed Excel table, numbers in base units, every doubtful cell flagged for you to check.",
  textLabel: "Text copied from a report",
  textHint: "Columns separated by tabs or by runs of spaces, as a PDF copy gives them. The title, source line and notes may come along.",
  read: "Read the table",
  clear: "Clear",
  summary: "{rows} rows × {columns} columns",
  summaryFlags: "{count} to review",
  summaryNoFlags: "nothing to review",
  titleLabel: "Title: {title}",
  sourceLabel: "Source: {source}",
  previewLabel: "Preview of the pasted table",
  previewCaption: "First {shown} of {rows} rows, with each column's type and unit",
  lineHeader: "Line",
  typeRow: "Type",
  unitRow: "Unit",
  typeAria: "Type of column {column}",
  unitAria: "Unit of column {column}",
  detected: "{type} (detected)",
  noUnit: "none",
  derivedColumn: "added",
  bytesBinary: "bytes, 1TB = 1024GB",
  bytesDecimal: "bytes, 1TB = 1000GB",
  flagsHeading: "To review ({count})",
  flagsNone: "No cell needs a decision.",
  repairsHeading: "Repairs made ({count}): PDF spacing removed, wrapped cells joined",
  flagWhere: "Line {line}",
  flagWhereColumn: "Line {line} · {column}",
  proposal: "Proposed: {proposal}",
  accept: "Accept",
  reject: "Reject",
  acceptAria: "Accept: {flag}",
  rejectAria: "Reject: {flag}",
  accepted: "Accepted",
  rejected: "Kept as pasted",
  acceptAll: "Accept all {count}",
  flaggedCell: "Flagged: {reason}",
  targetLabel: "Insert into",
  targetNewSheet: "A new sheet",
  targetSelection: "The selected cell",
  insert: "Insert table",
  inserting: "Inserting the table…",
  inserted: "Inserted table {table} on sheet {sheet} ({address}). Its source and the flags are in the notes under it.",
  insertFailed: "Could not insert the table.",
  notRead: "The text could not be read as a table.",
  changed: "The text changed since it was read: read it again before inserting.",
} satisfies Record<string, string>;

export type PasteKey = keyof typeof en;
export type PasteMessages = Readonly<Record<PasteKey, string>>;

const zh: PasteMessages = {
  heading: "粘贴表格",
  intro: "从报告 (或论文、厂商资料) 的 PDF 中复制表格粘贴到这里：生成带类型的 Excel 表格，数值换算为基本单位，每个可疑单元格都会标记出来供您核对。",
  textLabel: "从报告中复制的文本",
  textHint: "列之间以制表符或多个空格分隔 (从 PDF 复制时通常如此)。可连同标题、数据来源和注释一起粘贴。",
  read: "读取表格",
  clear: "清空",
  summary: "{rows} 行 × {columns} 列",
  summaryFlags: "{count} 处待核对",
  summaryNoFlags: "无需核对",
  titleLabel: "标题：{title}",
  sourceLabel: "来源：{source}",
  previewLabel: "粘贴表格的预览",
  previewCaption: "前 {shown} 行 (共 {rows} 行)，含各列的类型和单位",
  lineHeader: "行号",
  typeRow: "类型",
  unitRow: "单位",
  typeAria: "{column} 列的类型",
  unitAria: "{column} 列的单位",
  detected: "{type} (识别结果)",
  noUnit: "无",
  derivedColumn: "新增列",
  bytesBinary: "字节, 1TB = 1024GB",
  bytesDecimal: "字节, 1TB = 1000GB",
  flagsHeading: "待核对 ({count})",
  flagsNone: "没有需要决定的单元格。",
  repairsHeading: "已做的修复 ({count})：去除 PDF 空格、合并折行",
  flagWhere: "第 {line} 行",
  flagWhereColumn: "第 {line} 行 · {column}",
  proposal: "建议：{proposal}",
  accept: "接受",
  reject: "拒绝",
  acceptAria: "接受：{flag}",
  rejectAria: "拒绝：{flag}",
  accepted: "已接受",
  rejected: "保留原文",
  acceptAll: "全部接受 ({count})",
  flaggedCell: "已标记：{reason}",
  targetLabel: "插入位置",
  targetNewSheet: "新工作表",
  targetSelection: "所选单元格",
  insert: "插入表格",
  inserting: "正在插入表格…",
  inserted: "已在工作表 {sheet} 插入表格 {table} ({address})。来源和标记记录在表格下方的注释中。",
  insertFailed: "未能插入表格。",
  notRead: "无法将文本读取为表格。",
  changed: "读取后文本已更改：请重新读取后再插入。",
};

export const PASTE_MESSAGES: Readonly<Record<Language, PasteMessages>> = { en, zh };

/** A string of this feature in `language`, placeholders filled as plain text. */
export function pt(language: Language, key: PasteKey, params?: MessageParams): string {
  return fill(PASTE_MESSAGES[language][key], params);
}
