/**
 * The Functions tab's strings (issue 20, items 3 and 4), in English and Chinese. They travel in
 * the tab's own chunk (the shell loads it when the tab opens). Both tables are typed by the
 * English keys; tests/taskpane/functions-strings.test.ts checks that both have the same
 * placeholders.
 */
import type { Language } from "../../sheet/workbook";

type MessageParams = Readonly<Record<string, string | number>>;

const en = {
  explainHeading: "Explain this cell",
  builderHeading: "Function builder",
  noActiveCell: "This workbook cannot tell the pane which cell is selected, so there is nothing to explain here.",
  readingCell: "Reading the selected cell…",
  cellFailed: "The selected cell could not be read.",
  cellLabel: "Cell {cell}",
  spilledFrom: "Cell {cell}: row {row}, column {col} of the result of {anchor}",
  emptyCell: "{cell} is empty. Select a cell with an AI formula to see what it computes.",
  constantCell: "{cell} holds a value, not a formula. Select a cell with an AI formula to see what it computes.",
  noAi: "{cell}'s formula calls no AI function: {formula}",
  unreadable: "The formula of {cell} could not be read: {reason}",
  spillUnknown:
    "{cell} may be part of a spilled result, but this Excel (without ExcelApi 1.12) cannot say which formula produced it. Select the cell that holds the formula to explain it.",
  formulaLabel: "Formula",
  stepHeading: "Step {n}: {label}",
  stepCall: "Computes",
  argsLabel: "Arguments",
  argFrom: "{value} (from {from})",
  resultLabel: "Result",
  errorIn: "{code} in {argument}: {message}",
  errorPlain: "{code}: {message}",
  sourcesLabel: "Sources",
  cellShows: "The cell shows {shown}; computed here: {computed}. The data the add-in loaded may differ from Excel's.",
  value: "= {shown}",
  elementNote: "Element at row {row}, column {col} of a {rows} × {cols} result.",
  searchFunctions: "Search functions",
  searchHint: "By name or description, in English or Chinese",
  functionList: "AI functions",
  noFunctions: "No function matches “{query}”.",
  descriptionsFailed: "The functions' English descriptions could not be loaded ({detail}); their arguments are listed by name.",
  optional: "optional, default {value}",
  required: "required",
  useSelection: "Use selection",
  useSelectionFor: "Use the selected range for {name}",
  useSelectionNoMethod: "This workbook cannot tell the pane the selection.",
  pickChip: "Pick a chip",
  pickModel: "Pick a model",
  pickFor: "{what} for {name}",
  pickerSearch: "Search {count} names",
  pickerList: "Names",
  pickerMore: "Showing {shown} of {total}: type to narrow.",
  pickerNone: "No name matches “{query}”.",
  pickerLoading: "Loading Epoch AI's tables…",
  epochFailed: "Epoch AI's tables could not be loaded ({detail}); the lists hold the add-in's own tables only.",
  close: "Close",
  formulaPreview: "Formula",
  missing: "Give {name} to compute a result.",
  argProblem: "{name}: {problem}",
  liveResult: "Result",
  computing: "Computing…",
  insertInto: "Insert into {cell}",
  insertNoCell: "Insert into the active cell",
  insertNoMethod: "This workbook cannot take a formula from the pane.",
  inserted: "Inserted {formula} into {cell}; it shows {shown}.",
  insertFailed: "The formula could not be inserted: {detail}",
  reference: "Full function reference",
  referenceHint: "(opens the help page)",
  textHint: "Text; start with = for a cell or a formula",
  otherHint: "A number, a cell (B2) or a formula",
  booleanHint: "TRUE or FALSE",
};

export type FunctionsKey = keyof typeof en;

const zh: Record<FunctionsKey, string> = {
  explainHeading: "解释此单元格",
  builderHeading: "函数向导",
  noActiveCell: "此工作簿无法告知任务窗格所选的单元格,因此这里没有可解释的内容。",
  readingCell: "正在读取所选单元格…",
  cellFailed: "无法读取所选单元格。",
  cellLabel: "单元格 {cell}",
  spilledFrom: "单元格 {cell}:{anchor} 结果中的第 {row} 行第 {col} 列",
  emptyCell: "{cell} 为空。请选择含 AI 公式的单元格以查看其计算过程。",
  constantCell: "{cell} 是数值而非公式。请选择含 AI 公式的单元格以查看其计算过程。",
  noAi: "{cell} 的公式未调用 AI 函数:{formula}",
  unreadable: "无法读取 {cell} 的公式:{reason}",
  spillUnknown: "{cell} 可能属于溢出结果,但此版本 Excel(不支持 ExcelApi 1.12)无法得知由哪个公式产生。请选择含公式的单元格进行解释。",
  formulaLabel: "公式",
  stepHeading: "第 {n} 步:{label}",
  stepCall: "计算",
  argsLabel: "参数",
  argFrom: "{value}(来自 {from})",
  resultLabel: "结果",
  errorIn: "{argument} 出现 {code}:{message}",
  errorPlain: "{code}:{message}",
  sourcesLabel: "来源",
  cellShows: "单元格显示 {shown};此处计算为 {computed}。加载项载入的数据可能与 Excel 的不同。",
  value: "= {shown}",
  elementNote: "{rows} × {cols} 结果中第 {row} 行第 {col} 列的元素。",
  searchFunctions: "搜索函数",
  searchHint: "按名称或说明搜索,中英文均可",
  functionList: "AI 函数",
  noFunctions: "没有与“{query}”匹配的函数。",
  descriptionsFailed: "无法载入函数的英文说明({detail});参数仅按名称列出。",
  optional: "可选,默认 {value}",
  required: "必填",
  useSelection: "使用所选区域",
  useSelectionFor: "将所选区域用作 {name}",
  useSelectionNoMethod: "此工作簿无法告知任务窗格所选区域。",
  pickChip: "选择芯片",
  pickModel: "选择模型",
  pickFor: "{what}:{name}",
  pickerSearch: "在 {count} 个名称中搜索",
  pickerList: "名称",
  pickerMore: "显示 {total} 个中的 {shown} 个:输入以缩小范围。",
  pickerNone: "没有与“{query}”匹配的名称。",
  pickerLoading: "正在载入 Epoch AI 数据表…",
  epochFailed: "无法载入 Epoch AI 数据表({detail});列表仅含加载项自带的数据表。",
  close: "关闭",
  formulaPreview: "公式",
  missing: "请填写 {name} 以计算结果。",
  argProblem: "{name}:{problem}",
  liveResult: "结果",
  computing: "正在计算…",
  insertInto: "插入到 {cell}",
  insertNoCell: "插入到活动单元格",
  insertNoMethod: "此工作簿无法接收任务窗格写入的公式。",
  inserted: "已将 {formula} 插入 {cell},显示为 {shown}。",
  insertFailed: "无法插入公式:{detail}",
  reference: "完整函数参考",
  referenceHint: "(打开帮助页面)",
  textHint: "文本;以 = 开头可引用单元格或公式",
  otherHint: "数字、单元格(如 B2)或公式",
  booleanHint: "TRUE 或 FALSE",
};

export const FUNCTIONS_MESSAGES: Readonly<Record<Language, Readonly<Record<FunctionsKey, string>>>> = { en, zh };

/**
 * The Functions tab's message `key` in `language`, with {name} placeholders filled as plain text
 * (i18n.ts's rule; not imported from it, so the pane's up-front i18n module stays out of this chunk's imports).
 */
export function ft(language: Language, key: FunctionsKey, params?: MessageParams): string {
  const template = FUNCTIONS_MESSAGES[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}
