/**
 * The shell's strings (issue 20): the tab names, the status line's buttons and the first-run
 * card, in English and Chinese. Same rules as i18n.ts (tests/taskpane/i18n.test.ts).
 */
import type { StringTable } from "../text";
import type { TabId } from "../tabs";

const en = {
  tabList: "Sections",
  data: "Data",
  models: "Models",
  functions: "Functions",
  share: "Share",
  settings: "Settings",
  detailsButton: "Details",
  hideDetails: "Hide details",
  tabLoadFailed: "This tab could not be loaded.",
  tabRetry: "Try again",
  firstRunHeading: "Start here",
  firstRunInsert: "Insert a dataset",
  firstRunInsertHint: "A sourced table (the report's, Epoch AI's) as an Excel table you can refresh.",
  firstRunModel: "Build a model",
  firstRunModelHint: "Training compute, inference demand and more, on a new sheet with live formulas.",
  firstRunFunction: "Try a function",
  firstRunFunctionHint: "Type =AI.TRAINFLOPS(175e9, 300e9) in any cell, or build a formula step by step.",
  firstRunDismiss: "Hide",
} satisfies Record<TabId, string> & Record<string, string>;

export type ShellKey = keyof typeof en;

const zh: Readonly<Record<ShellKey, string>> = {
  tabList: "功能分区",
  data: "数据",
  models: "模型",
  functions: "函数",
  share: "分享",
  settings: "设置",
  detailsButton: "详情",
  hideDetails: "收起详情",
  tabLoadFailed: "无法加载此分区。",
  tabRetry: "重试",
  firstRunHeading: "从这里开始",
  firstRunInsert: "插入数据集",
  firstRunInsertHint: "带来源的数据表（报告中的、Epoch AI 的），插入为可刷新的 Excel 表格。",
  firstRunModel: "生成分析模型",
  firstRunModelHint: "训练算力、推理需求等模型，生成在新工作表中，公式实时计算。",
  firstRunFunction: "试用函数",
  firstRunFunctionHint: "在任意单元格输入 =AI.TRAINFLOPS(175e9, 300e9)，或逐步构建公式。",
  firstRunDismiss: "隐藏",
};

export const SHELL_MESSAGES: StringTable<ShellKey> = { en, zh };
