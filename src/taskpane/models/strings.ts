/** The Models tab's strings, in English and Chinese (moved from i18n.ts with the tab, issue 20). Same rules as i18n.ts. */
import type { StringTable } from "../text";

const en = {
  modelsHeading: "Models",
  loadingModels: "Loading models…",
  loadModelsFailed: "The list of models could not be loaded. Close and reopen the pane.",
  noModels: "No models are available.",
  formulaModeLabel: "Formulas",
  modeAi: "AI functions",
  modePortable: "Portable: native Excel only",
  modeAiHint: "Formulas call the add-in's AI.* functions: easy to read, arguments checked; the add-in must be installed to calculate them.",
  modePortableHint: "Only native Excel formulas: a colleague without the add-in still sees live numbers.",
  modelLanguageNote: "Each model goes onto a new sheet, in English, the pane's language.",
  modelNeedsData: "Loads the {datasets} dataset first.",
  buildModel: "Build",
  buildModelAria: "Build {title}",
  loadingModelData: "Loading {datasets} for {title}…",
  building: "Building {title}…",
  buildSuccess: "Built {title} on sheet {sheet} ({address}).",
  buildFailed: "Could not build {title}.",
};

export type ModelsKey = keyof typeof en;

const zh: Readonly<Record<ModelsKey, string>> = {
  modelsHeading: "分析模型",
  loadingModels: "正在加载模型…",
  loadModelsFailed: "无法加载模型列表。请关闭并重新打开任务窗格。",
  noModels: "暂无可用的模型。",
  formulaModeLabel: "公式",
  modeAi: "AI 函数",
  modePortable: "通用：仅用 Excel 原生公式",
  modeAiHint: "公式调用本加载项的 AI.* 函数：易读，参数有校验；需安装本加载项才能计算。",
  modePortableHint: "仅使用 Excel 原生公式：未安装本加载项的同事打开也能实时计算。",
  modelLanguageNote: "每个模型生成在新工作表中，使用中文，与窗格语言一致。",
  modelNeedsData: "将先加载 {datasets} 数据集。",
  buildModel: "生成",
  buildModelAria: "生成 {title}",
  loadingModelData: "正在为 {title} 加载 {datasets}…",
  building: "正在生成 {title}…",
  buildSuccess: "已生成 {title}：位于工作表 {sheet}（{address}）。",
  buildFailed: "无法生成 {title}。",
};

export const MODELS_MESSAGES: StringTable<ModelsKey> = { en, zh };
