/** The Settings tab's strings (the feed's moved from i18n.ts with the tab, issue 20), in English and Chinese. Same rules as i18n.ts. */
import type { StringTable } from "../text";

const en = {
  settingsHeading: "Settings",
  feedUrlLabel: "Data feed URL",
  feedUrlHint: "Leave empty to use the add-in's own feed: {url}",
  feedUrlSave: "Save",
  feedUrlReset: "Use default",
  feedUrlCurrent: "Current feed: {url}",
  feedUrlSaved: "Feed URL saved. Refreshes now use {url}.",
  feedUrlResetDone: "Using the add-in's own feed again: {url}.",
  feedUrlMalformed: "Enter a full web address, for example https://example.com/data/.",
  feedUrlNotHttps: "The feed URL must start with https:// so the data cannot be altered on its way to you.",
  feedUrlCredentials: "The feed URL must not contain a user name or password.",
  settingsSaveFailed: "The setting could not be saved. It applies until the pane is closed.",
  helpHeading: "Help",
  helpText: "Every AI.* function with its arguments, units, errors and an example; how to insert, refresh and share.",
  helpLink: "Open the help page",
};

export type SettingsKey = keyof typeof en;

const zh: Readonly<Record<SettingsKey, string>> = {
  settingsHeading: "设置",
  feedUrlLabel: "数据源地址",
  feedUrlHint: "留空则使用加载项自带的数据源：{url}",
  feedUrlSave: "保存",
  feedUrlReset: "恢复默认",
  feedUrlCurrent: "当前数据源：{url}",
  feedUrlSaved: "数据源地址已保存。之后的刷新将使用 {url}。",
  feedUrlResetDone: "已恢复使用加载项自带的数据源：{url}。",
  feedUrlMalformed: "请输入完整的网址，例如 https://example.com/data/。",
  feedUrlNotHttps: "数据源地址必须以 https:// 开头，以免数据在传输途中被篡改。",
  feedUrlCredentials: "数据源地址中不能包含用户名或密码。",
  settingsSaveFailed: "设置未能保存，仅在关闭窗格前有效。",
  helpHeading: "帮助",
  helpText: "每个 AI.* 函数的参数、单位、错误说明和示例；以及插入、刷新和分享的方法。",
  helpLink: "打开帮助页面",
};

export const SETTINGS_MESSAGES: StringTable<SettingsKey> = { en, zh };
