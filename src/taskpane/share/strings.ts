/**
 * The strings of the Share tab ("Share a workbook", issue 13), in English and Chinese. They live
 * here, not in i18n.ts, because they travel with the tab, a chunk loaded when it is first
 * opened. Same rules as i18n.ts: both tables are typed by the English keys, and
 * tests/taskpane/i18n.test.ts checks both the same way.
 */
import type { CellOutcome, FormulaAction, FormulaScope } from "../../sheet/workbook";
import type { StringTable } from "../text";

/** Each action, its explanation, each scope and each outcome has a string of its own name (the pane looks them up so). */
type Named = FormulaAction | `${FormulaAction}Hint` | FormulaScope | CellOutcome;

const en = {
  heading: "Share a workbook",
  scopeLabel: "Apply to",
  selection: "The selection",
  sheet: "This sheet",
  workbook: "The whole workbook",
  makePortable: "Make portable",
  makePortableHint: "For readers without the add-in: AI formulas become native Excel formulas that stay live; lookups become values with a note.",
  restore: "Restore AI formulas",
  restoreHint: "Puts the AI formulas back: Ctrl+Z cannot undo the add-in's changes.",
  repair: "Repair #NAME?",
  repairHint: "Re-enters the AI formulas that show #NAME?.",
  running: "{action}…",
  failed: "Could not finish: {action}.",
  report: "{action} (scope: {scope})",
  summary: "{report}: {counts}",
  ribbonNote: "The ribbon's Share buttons (AI Compute tab) use this scope too.",
  sheets: "Sheets: {sheets}",
  none: "No cells to change.",
  listed: "The first {listed} of {total} cells are listed.",
  converted: "{count} converted",
  toValue: "{count} kept as values",
  leftAlone: "{count} left alone",
  restored: "{count} restored",
  editedSince: "{count} edited since, left",
  repaired: "{count} repaired",
  stillFailing: "{count} still failing",
  reason: "Reason: {reason}",
} satisfies Record<Named, string> & Record<string, string>;

export type ShareKey = keyof typeof en;

const zh: ShareMessages = {
  heading: "分享工作簿",
  scopeLabel: "范围",
  selection: "所选区域",
  sheet: "当前工作表",
  workbook: "整个工作簿",
  makePortable: "转为通用公式",
  makePortableHint: "供未安装本加载项的读者使用：AI 公式改写为仍可实时计算的 Excel 原生公式；查询类函数改为数值并附批注。",
  restore: "恢复 AI 公式",
  restoreHint: "放回原来的 AI 公式：加载项所做的更改无法用 Ctrl+Z 撤销。",
  repair: "修复 #NAME?",
  repairHint: "重新输入显示 #NAME? 的 AI 公式。",
  running: "正在{action}…",
  failed: "未能完成：{action}。",
  report: "{action}（范围：{scope}）",
  summary: "{report}：{counts}",
  ribbonNote: "功能区（AI 算力选项卡）中的分享按钮也使用此范围。",
  sheets: "工作表：{sheets}",
  none: "没有需要处理的单元格。",
  listed: "列出前 {listed} 个单元格（共 {total} 个）。",
  converted: "已转换 {count} 个",
  toValue: "{count} 个改为数值",
  leftAlone: "{count} 个未改动",
  restored: "已恢复 {count} 个",
  editedSince: "{count} 个之后被修改，未恢复",
  repaired: "已修复 {count} 个",
  stillFailing: "{count} 个仍然出错",
  reason: "原因：{reason}",
};

export type ShareMessages = Readonly<Record<ShareKey, string>>;

export const SHARE_MESSAGES: StringTable<ShareKey> = { en, zh };
