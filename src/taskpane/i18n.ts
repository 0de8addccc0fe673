/**
 * Every string the task pane shows, in English and Chinese, in one table. A key missing from
 * either language is a compile error (both tables are typed by the English keys) and a test
 * failure (tests/taskpane/i18n.test.ts also checks that placeholders match).
 *
 * Placeholders are written {name}; `t` fills them with plain text (React renders it as text).
 *
 * The one exception: the "Share a workbook" section's strings are in share-i18n.ts, in a chunk
 * loaded when the pane opens (share-chunk.ts), to keep the up-front scripts in their budget.
 */
import type { Language } from "../sheet/workbook";

const en = {
  appTitle: "AI Compute Analyst",
  languageGroup: "Language",
  langZh: "中文",
  langEn: "English",
  loading: "Loading…",
  loadingDatasets: "Loading datasets…",
  loadingTables: "Loading inserted tables…",
  loadDatasetsFailed: "The dataset list could not be loaded. Close and reopen the pane.",
  loadTablesFailed: "The list of inserted tables could not be read from the workbook. Close and reopen the pane.",
  dismiss: "Dismiss",
  details: "Details: {detail}",

  catalogueHeading: "Datasets",
  searchLabel: "Search datasets",
  searchCount: "{shown} of {total} datasets",
  noMatches: "No dataset matches “{query}”. Try an English or Chinese title, or the dataset ID.",
  noDatasets: "No datasets are available.",
  sourceLabel: "Source",
  versionLabel: "Version",
  sizeLabel: "Size",
  sizeValue: "{rows} rows × {columns} columns",
  asOfLabel: "Period",
  idLabel: "ID",
  showPreview: "Preview",
  previewAria: "Preview {title}",
  previewCaption: "First {count} of {rows} rows",
  previewEmpty: "This dataset has no rows.",
  insert: "Insert",
  insertAria: "Insert {title}",
  licenseLabel: "Licence",
  feedBuiltAt: "From the data feed, built {time}.",
  offlineCopy: "Offline copy: the data feed could not be used, so these are the datasets bundled with the add-in, which may be older than the feed's.",
  retryFeed: "Try the feed again",
  loadingDataset: "Loading {title}…",
  loadDatasetFailed: "Could not load {title}.",

  insertOptionsHeading: "Insert options",
  targetLabel: "Insert into",
  targetNewSheet: "A new sheet",
  targetSelection: "The selected cell",
  includeChart: "Include chart (where the dataset has one)",
  headerLanguageNote: "Column headers will be in English, the pane's language.",
  inserting: "Inserting {title}…",
  insertSuccess: "Inserted {title} as table {table} on sheet {sheet} ({address}).",
  insertFailed: "Could not insert {title}.",
  skippedDropDowns: "Drop-down lists were not added: this Excel does not support {requirement}.",
  skippedFreezePanes: "The header rows and columns were not frozen: this Excel does not support {requirement}.",
  skippedChart: "The chart was not added: this Excel does not support {requirement}.",
  skippedChartAxisFormats: "The chart's axes keep Excel's default number format: this Excel does not support {requirement}.",
  skippedAdvice: "Everything else is in place. Excel for Microsoft 365 (desktop or web) adds these too.",

  trackedHeading: "Inserted tables",
  refreshAll: "Refresh all",
  refreshOne: "Refresh",
  refreshOneAria: "Refresh {table}",
  noTracked: "No tables inserted in this workbook yet. Insert a dataset, then refresh it here when the feed is updated.",
  trackedSheet: "Sheet {sheet}",
  trackedVersion: "version {version}",
  pin: "Pin",
  pinAria: "Pin {table} to version {version}",
  unpin: "Unpin",
  unpinAria: "Unpin {table}",
  pinnedBadge: "Pinned: refresh leaves this table at its version",
  pinFailed: "Could not change the pin of {table}.",
  progressLabel: "Refresh progress",
  fetchingFeed: "Downloading and checking the data feed…",
  refreshingTables: "Updating tables…",
  refreshFeedFailed: "Refresh cancelled: the data feed could not be used. Nothing in the workbook was changed.",
  refreshWorkbookFailed: "Refresh stopped before it finished.",

  summaryHeading: "Refresh summary",
  summaryTotals: "{updated} updated, {unchanged} unchanged, {skipped} skipped",
  summaryEmpty: "No tables were refreshed.",
  statusUpdated: "Updated",
  statusUnchanged: "Unchanged",
  statusSkipped: "Skipped",
  summaryCounts: "{added} added, {changed} changed, {removed} removed",
  summaryVersion: "Version {old} → {new}",
  summaryReason: "Reason: {reason}",
  summaryPinnedCount: ", {count} pinned",
  summaryFailedCount: ", {count} failed",
  statusPinned: "Pinned",
  statusFailed: "Failed",
  summaryPinned: "Pinned at version {version}: left as it is.",
  summaryPinnedNewer: "Pinned at version {old}: left as it is; the feed has {new}.",
  summaryFailedKept: "The table was left as it was.",
  summaryChangesHeading: "Changed cells:",
  summaryChange: "{row} · {column}: {old} → {new}",
  summaryBlank: "(blank)",
  summaryAddedKeys: "Added: {keys}",
  summaryRemovedKeys: "Removed: {keys}",
  summaryMoreKeys: "{keys} and {count} more",
  failMissing: "The feed does not publish this dataset.",
  failHttp: "The feed answered HTTP {status} for this dataset.",
  failInvalid: "The feed's copy of this dataset is invalid: {detail}",
  failOffline: "The dataset could not be downloaded (connection lost).",
  failTimeout: "The dataset took too long to download.",
  failTooLarge: "The dataset is larger than the add-in accepts.",
  failInsecureUrl: "The feed URL does not use https://.",

  errOffline: "You appear to be offline. Check your connection and try again.",
  errHttp: "The data feed server answered with an error (HTTP {status}). Try again later; if it keeps failing, check the feed URL in Settings.",
  errTimeout: "The data feed took too long to answer. Check your connection and try again.",
  errInvalid: "The data feed is not in the expected format ({detail}). Check the feed URL in Settings, or tell the feed's publisher.",
  errTooLarge: "The data feed is larger than the add-in accepts, so it was not used. Check the feed URL in Settings.",
  errInsecureUrl: "The feed URL does not use https://, so it was not contacted. Change it to an https:// address in Settings.",
  errMissing: "The data feed does not publish this dataset ({detail}). Check the feed URL in Settings.",
  errNoSelection: "Select a cell in a worksheet first, then try again.",
  errTargetNotEmpty: "The cells at the selection are not empty: choose an empty cell or insert on a new sheet.",
  errSheetNameTaken: "A sheet with this dataset's name already exists. Rename or delete that sheet, or insert into the selected cell instead.",
  errTableMissing: "A table this add-in inserted is no longer in the workbook; it may have been deleted or renamed. Insert the dataset again to track it.",
  errWorkbookTooLarge: "The data is too large to write to the workbook in one go. Try again in Excel on the desktop, or insert into a new sheet.",
  errExcelRejected: "Excel did not accept the change. Finish editing any cell (press Enter or Esc) and try again.",
  errUnknown: "Something unexpected went wrong. Try again; if it keeps happening, close and reopen the pane.",
};

export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;

const zh: Messages = {
  appTitle: "AI 算力分析助手",
  languageGroup: "语言",
  langZh: "中文",
  langEn: "English",
  loading: "加载中…",
  loadingDatasets: "正在加载数据集…",
  loadingTables: "正在读取已插入的表格…",
  loadDatasetsFailed: "无法加载数据集列表。请关闭并重新打开任务窗格。",
  loadTablesFailed: "无法从工作簿读取已插入的表格。请关闭并重新打开任务窗格。",
  dismiss: "关闭",
  details: "详细信息：{detail}",

  catalogueHeading: "数据集",
  searchLabel: "搜索数据集",
  searchCount: "共 {total} 个数据集，显示 {shown} 个",
  noMatches: "没有与“{query}”匹配的数据集。请尝试中文或英文标题，或数据集 ID。",
  noDatasets: "暂无可用的数据集。",
  sourceLabel: "来源",
  versionLabel: "版本",
  sizeLabel: "规模",
  sizeValue: "{rows} 行 × {columns} 列",
  asOfLabel: "数据期间",
  idLabel: "ID",
  showPreview: "预览",
  previewAria: "预览 {title}",
  previewCaption: "前 {count} 行（共 {rows} 行）",
  previewEmpty: "此数据集没有数据行。",
  insert: "插入",
  insertAria: "插入 {title}",
  licenseLabel: "许可",
  feedBuiltAt: "来自数据源，生成于 {time}。",
  offlineCopy: "离线副本：数据源无法使用，以下为加载项自带的数据集，可能比数据源中的旧。",
  retryFeed: "重新连接数据源",
  loadingDataset: "正在加载 {title}…",
  loadDatasetFailed: "无法加载 {title}。",

  insertOptionsHeading: "插入选项",
  targetLabel: "插入到",
  targetNewSheet: "新工作表",
  targetSelection: "当前选中的单元格",
  includeChart: "包含图表（如数据集提供）",
  headerLanguageNote: "列标题将使用中文，与窗格语言一致。",
  inserting: "正在插入 {title}…",
  insertSuccess: "已插入 {title}：表格 {table}，位于工作表 {sheet}（{address}）。",
  insertFailed: "无法插入 {title}。",
  skippedDropDowns: "未添加下拉列表：此版本的 Excel 不支持 {requirement}。",
  skippedFreezePanes: "未冻结标题行和列：此版本的 Excel 不支持 {requirement}。",
  skippedChart: "未添加图表：此版本的 Excel 不支持 {requirement}。",
  skippedChartAxisFormats: "图表坐标轴保留 Excel 默认的数字格式：此版本的 Excel 不支持 {requirement}。",
  skippedAdvice: "其余内容均已完成。Microsoft 365 版 Excel（桌面版或网页版）可添加这些内容。",

  trackedHeading: "已插入的表格",
  refreshAll: "全部刷新",
  refreshOne: "刷新",
  refreshOneAria: "刷新 {table}",
  noTracked: "此工作簿中还没有插入的表格。请先插入数据集，数据源更新后可在此刷新。",
  trackedSheet: "工作表 {sheet}",
  trackedVersion: "版本 {version}",
  pin: "固定",
  pinAria: "将 {table} 固定在版本 {version}",
  unpin: "取消固定",
  unpinAria: "取消固定 {table}",
  pinnedBadge: "已固定：刷新时保留此表格的当前版本",
  pinFailed: "无法更改 {table} 的固定状态。",
  progressLabel: "刷新进度",
  fetchingFeed: "正在下载并校验数据源…",
  refreshingTables: "正在更新表格…",
  refreshFeedFailed: "刷新已取消：数据源无法使用。工作簿未作任何更改。",
  refreshWorkbookFailed: "刷新未能完成。",

  summaryHeading: "刷新结果",
  summaryTotals: "已更新 {updated} 个，无变化 {unchanged} 个，已跳过 {skipped} 个",
  summaryEmpty: "没有刷新任何表格。",
  statusUpdated: "已更新",
  statusUnchanged: "无变化",
  statusSkipped: "已跳过",
  summaryCounts: "新增 {added} 行，修改 {changed} 行，删除 {removed} 行",
  summaryVersion: "版本 {old} → {new}",
  summaryReason: "原因：{reason}",
  summaryPinnedCount: "，已固定 {count} 个",
  summaryFailedCount: "，失败 {count} 个",
  statusPinned: "已固定",
  statusFailed: "失败",
  summaryPinned: "已固定在版本 {version}：保持不变。",
  summaryPinnedNewer: "已固定在版本 {old}：保持不变；数据源已有 {new}。",
  summaryFailedKept: "表格保持刷新前的状态。",
  summaryChangesHeading: "修改的单元格：",
  summaryChange: "{row} · {column}：{old} → {new}",
  summaryBlank: "（空）",
  summaryAddedKeys: "新增：{keys}",
  summaryRemovedKeys: "删除：{keys}",
  summaryMoreKeys: "{keys} 等，另有 {count} 行",
  failMissing: "数据源未发布此数据集。",
  failHttp: "数据源对此数据集返回 HTTP {status}。",
  failInvalid: "数据源中此数据集的数据无效：{detail}",
  failOffline: "无法下载此数据集（网络连接中断）。",
  failTimeout: "下载此数据集超时。",
  failTooLarge: "此数据集超过加载项允许的大小。",
  failInsecureUrl: "数据源地址未使用 https://。",

  errOffline: "您似乎处于离线状态。请检查网络连接后重试。",
  errHttp: "数据源服务器返回错误（HTTP {status}）。请稍后重试；如仍失败，请在“设置”中检查数据源地址。",
  errTimeout: "数据源响应超时。请检查网络连接后重试。",
  errInvalid: "数据源格式不符合要求（{detail}）。请在“设置”中检查数据源地址，或告知数据源发布方。",
  errTooLarge: "数据源超过加载项允许的大小，未被使用。请在“设置”中检查数据源地址。",
  errInsecureUrl: "数据源地址未使用 https://，因此未连接。请在“设置”中改为 https:// 地址。",
  errMissing: "数据源未发布此数据集（{detail}）。请在“设置”中检查数据源地址。",
  errNoSelection: "请先在工作表中选中一个单元格，然后重试。",
  errTargetNotEmpty: "所选位置的单元格不为空：请选择一个空白单元格，或插入到新工作表。",
  errSheetNameTaken: "已存在与该数据集同名的工作表。请重命名或删除该工作表，或改为插入到当前选中的单元格。",
  errTableMissing: "本加载项插入的某个表格已不在工作簿中，可能已被删除或重命名。请重新插入该数据集以继续跟踪。",
  errWorkbookTooLarge: "数据量过大，无法一次写入工作簿。请在桌面版 Excel 中重试，或插入到新工作表。",
  errExcelRejected: "Excel 未接受此更改。请先结束单元格编辑（按 Enter 或 Esc），然后重试。",
  errUnknown: "发生了意外错误。请重试；如仍出现，请关闭并重新打开任务窗格。",
};

export const MESSAGES: Readonly<Record<Language, Messages>> = { en, zh };

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The message `key` in `language`, with each {name} replaced by params[name] as plain text.
 * @example t("en", "sizeValue", { rows: 12, columns: 5 }) // "12 rows × 5 columns"
 */
export function t(language: Language, key: MessageKey, params?: MessageParams): string {
  return fill(MESSAGES[language][key], params);
}

/**
 * A template with each {name} replaced by params[name] as plain text; an unknown {name} stays.
 * (Also for the strings of lazily loaded parts of the pane, e.g. share-i18n.ts.)
 * @example fill("{n} cells", { n: 3 }) // "3 cells"
 */
export function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

/** The placeholder names a template uses, sorted; for tests. */
export function placeholders(template: string): string[] {
  return Array.from(template.matchAll(/\{(\w+)\}/g), (m) => m[1]).sort();
}

/**
 * The pane language for an Office display language: Chinese for any "zh" tag, else English.
 * @example languageFromDisplay("zh-CN") // "zh"
 */
export function languageFromDisplay(displayLanguage: string | undefined | null): Language {
  return /^zh(\b|[-_])/i.test((displayLanguage ?? "").trim()) ? "zh" : "en";
}

/** BCP 47 tag for the root element's `lang`, so screen readers pick the right voice. */
export const LANGUAGE_TAG: Readonly<Record<Language, string>> = { en: "en-US", zh: "zh-CN" };
