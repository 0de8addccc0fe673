/** The words of the Settings tab's "Run diagnostics" (the checks' own words are in src/sheet/diagnostics.ts). */
import type { Language } from "../../sheet/workbook";

export const DIAGNOSTICS_STRINGS = {
  en: {
    heading: "Diagnostics",
    intro:
      "Checks that the add-in works in this Excel: the host and its version, the requirement sets, the custom functions, inserting a table, the data feed, the security policy and the shared runtime. Your workbook is left as it is: the checks work on hidden scratch sheets they remove.",
    run: "Run diagnostics",
    runAgain: "Run again",
    running: "Running {done} of {total}: {title}…",
    done: "Diagnostics finished: {summary}.",
    unavailable: "Diagnostics are not available here.",
    failedToStart: "The diagnostics could not start.",
    results: "Results",
    reportLabel: "Report (plain text, to paste into an email)",
    copy: "Copy report",
    copied: "The report is on the clipboard.",
    copyRefused: "This pane may not use the clipboard: the report is selected below; press Ctrl+C (⌘C on a Mac) to copy it.",
    duration: "{ms} ms",
  },
  zh: {
    heading: "诊断",
    intro:
      "检查本加载项在此 Excel 中能否正常工作：宿主及版本、要求集、自定义函数、插入表格、数据源、安全策略和共享运行时。您的工作簿不会改变：检查在隐藏的临时工作表上进行，完成后删除。",
    run: "运行诊断",
    runAgain: "再次运行",
    running: "正在运行第 {done}/{total} 项：{title}……",
    done: "诊断完成：{summary}。",
    unavailable: "此处无法运行诊断。",
    failedToStart: "诊断无法启动。",
    results: "结果",
    reportLabel: "报告（纯文本，可粘贴到邮件中）",
    copy: "复制报告",
    copied: "报告已复制到剪贴板。",
    copyRefused: "此任务窗格不能使用剪贴板：报告已在下方选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。",
    duration: "{ms} 毫秒",
  },
} as const satisfies Record<Language, Record<string, string>>;

export type DiagnosticsStringKey = keyof (typeof DIAGNOSTICS_STRINGS)["en"];

/** The string `key` in `language`, with {name} placeholders filled. */
export function diagnosticsText(language: Language, key: DiagnosticsStringKey, params: Record<string, string | number> = {}): string {
  return DIAGNOSTICS_STRINGS[language][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
