/**
 * The Data tab's own strings (issue 20), in English and Chinese; the older ones it shares with
 * the rest of the pane stay in i18n.ts. Same rules (tests/taskpane/i18n.test.ts).
 */
import type { StringTable } from "../text";

const en = {
  searchHint: "By ID, title, column or row name, e.g. H100 or GPT-3",
  searchingRows: "Also searching the rows…",
  matchColumn: "Column: {column}",
  matchRow: "Row: {row}",
  showDetails: "Details of {title}",
  sizeShort: "{rows} rows × {columns} cols",
  ageRecord: "as of {asOf} (report)",
  agePublished: "as of {asOf}",
  ageCurrent: "as of {asOf} · {upstream}, updated daily",
  ageBehind: "as of {asOf} · {days} days behind {upstream}",
  ageBehindAdvice: "{upstream} publishes daily: this copy is {days} days old. Update the feed (npm run data:update), or check its URL in Settings.",
  ageUndated: "{upstream}, updated daily; this copy has no date",
  ageOffline: "as of {asOf} · the add-in's own copy (feed failed)",
  ageOfflineAdvice: "The data feed could not be used, so this is the copy bundled with the add-in; {upstream} publishes daily.",
  optionsSummary: "{target}, {chart}",
  optionsSummaryNewSheet: "Inserts on a new sheet",
  optionsSummarySelection: "Inserts at the selected cell",
  optionsSummaryChart: "with its chart",
  optionsSummaryNoChart: "without a chart",
  optionsChange: "Insert options",
  trackedInserted: "inserted {date}",
  trackedDataUpdated: "data updated {date}",
  trackedChecked: "refreshed at {time}: {status}",
  trackedFeedHas: "the feed has {version}",
  trackedUpToDate: "up to date with the feed",
  noTableAtSelection: "The selection is not in a table the add-in inserted. Select a cell of one of the tables below, then refresh again.",
  selectionUnsupported: "This workbook cannot tell which table is selected: use Refresh beside the table instead.",
  refreshLine: "{heading}: {totals}",
  pasteEntry: "Paste a table…",
  pasteHide: "Close Paste a table",
};

export type DataKey = keyof typeof en;

const zh: Readonly<Record<DataKey, string>> = {
  searchHint: "按 ID、标题、列名或行名搜索，例如 H100 或 GPT-3",
  searchingRows: "正在同时搜索数据行…",
  matchColumn: "列：{column}",
  matchRow: "行：{row}",
  showDetails: "{title} 的详细信息",
  sizeShort: "{rows} 行 × {columns} 列",
  ageRecord: "截至 {asOf}（报告）",
  agePublished: "截至 {asOf}",
  ageCurrent: "截至 {asOf} · {upstream}，每日更新",
  ageBehind: "截至 {asOf} · 落后 {upstream} {days} 天",
  ageBehindAdvice: "{upstream} 每日发布新数据：此副本已有 {days} 天。请更新数据源（npm run data:update），或在“设置”中检查数据源地址。",
  ageUndated: "{upstream}，每日更新；此副本未注明日期",
  ageOffline: "截至 {asOf} · 加载项自带副本（数据源无法使用）",
  ageOfflineAdvice: "数据源无法使用，因此这是加载项自带的副本；{upstream} 每日发布新数据。",
  optionsSummary: "{target}，{chart}",
  optionsSummaryNewSheet: "插入到新工作表",
  optionsSummarySelection: "插入到当前选中的单元格",
  optionsSummaryChart: "包含图表",
  optionsSummaryNoChart: "不含图表",
  optionsChange: "插入选项",
  trackedInserted: "插入于 {date}",
  trackedDataUpdated: "数据更新于 {date}",
  trackedChecked: "{time} 已刷新：{status}",
  trackedFeedHas: "数据源已有 {version}",
  trackedUpToDate: "与数据源一致",
  noTableAtSelection: "所选区域不在本加载项插入的表格中。请选中下列某个表格中的单元格，然后再刷新。",
  selectionUnsupported: "此工作簿无法判断选中的是哪个表格：请改用表格旁的“刷新”按钮。",
  refreshLine: "{heading}：{totals}",
  pasteEntry: "粘贴表格…",
  pasteHide: "关闭“粘贴表格”",
};

export const DATA_MESSAGES: StringTable<DataKey> = { en, zh };
