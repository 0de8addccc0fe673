/**
 * "Run diagnostics" (issue 21, item 9): the add-in's own checks, run in the host the pane is in,
 * ending with a plain-text report an analyst can paste into an email. Pure: the checks ask a
 * DiagnosticsPort for facts (the Excel adapter answers with Office.js in src/excel/diagnostics.ts,
 * the workbench on HyperFormula in src/workbench/diagnostics.ts), and this module judges them and
 * words them, in English and Chinese.
 *
 * The checks, in order:
 * - host: the Office application, platform and version (the Office common API's context
 *   information); not applicable in the workbench;
 * - requirements: the requirement sets the manifest declares (all must be supported, or Excel
 *   would not have loaded the add-in) and the newer ExcelApi sets the code uses only after a
 *   check, each with the feature skipped without it; not applicable in the workbench;
 * - functions: =AI.TRAINFLOPS(1,1) written on a very hidden scratch sheet computes 6;
 * - table: a small table inserted on a scratch sheet reads back as written and is removed;
 * - feed: the feed's catalogue answers, with each dataset's version;
 * - csp: Content-Security-Policy violations seen since the pane opened;
 * - runtime: the custom functions and the pane share one runtime; not applicable in the workbench.
 * A check never leaves anything in the workbook: the adapters remove their scratch sheets in
 * every outcome, and say so when they could not.
 */
import type { LocalizedText } from "../data/types";
import { invoke } from "../core/spec";
import { TRAINFLOPS } from "../core/compute";
import type { Language } from "./workbook";

export const DIAGNOSTIC_CHECKS = ["host", "requirements", "functions", "table", "feed", "csp", "runtime"] as const;
export type DiagnosticCheckId = (typeof DIAGNOSTIC_CHECKS)[number];

/** skipped: the check does not apply where it ran (said in its lines), or could not start. */
export type DiagnosticOutcome = "pass" | "warn" | "fail" | "skipped";

export interface RequirementSet {
  name: string;
  version: string;
}

/**
 * The requirement sets manifest.xml declares (<Requirements>): Excel loads the add-in only where
 * all three exist. tests/manifest/diagnostics-sets.test.ts keeps this list equal to the manifest's.
 */
export const DECLARED_REQUIREMENTS: readonly RequirementSet[] = [
  { name: "ExcelApi", version: "1.4" },
  { name: "SharedRuntime", version: "1.1" },
  { name: "CustomFunctionsRuntime", version: "1.3" },
];

export interface OptionalRequirement extends RequirementSet {
  /** What the add-in leaves out without the set. */
  feature: LocalizedText;
}

/**
 * The newer ExcelApi sets the Excel adapter uses only after supports("1.x") (the README's table
 * of members and sets); tests/manifest/diagnostics-sets.test.ts keeps this list equal to the
 * versions the code checks.
 */
export const OPTIONAL_REQUIREMENTS: readonly OptionalRequirement[] = [
  {
    name: "ExcelApi",
    version: "1.6",
    feature: { en: "calculation paused while the add-in writes (inserts are slower)", zh: "写入时暂停计算（插入会变慢）" },
  },
  { name: "ExcelApi", version: "1.7", feature: { en: "charts and frozen header rows", zh: "图表和冻结的标题行" } },
  { name: "ExcelApi", version: "1.8", feature: { en: "drop-down lists and chart axis number formats", zh: "下拉列表和图表坐标轴的数字格式" } },
  {
    name: "ExcelApi",
    version: "1.12",
    feature: { en: "Make portable: finding the cells a lookup spills into", zh: "转为通用公式：找出查找结果溢出到的单元格" },
  },
  {
    name: "ExcelApi",
    version: "1.13",
    feature: { en: "refreshing a table whose number of rows changes (it is skipped)", zh: "刷新行数有变化的表格（该表格会被跳过）" },
  },
  { name: "ExcelApi", version: "1.18", feature: { en: "Make portable: cell notes on the values it keeps", zh: "转为通用公式：给保留为值的单元格加批注" } },
];

/** The custom function the functions check computes, and what it must give: the core's own answer (6·N·D with N = D = 1). */
export const FUNCTION_PROBE_FORMULA = "=AI.TRAINFLOPS(1,1)";
export const FUNCTION_PROBE_EXPECTED: number = (() => {
  const r = invoke(TRAINFLOPS, [1, 1]);
  if (typeof r !== "number") throw new Error("AI.TRAINFLOPS(1,1) is not a number");
  return r;
})();
/** Relative tolerance when comparing the cell's value with the expected one. */
export const FUNCTION_PROBE_TOLERANCE = 1e-12;

/** The small table the table check inserts (header row, two rows). */
export const TABLE_PROBE_VALUES: readonly (readonly CellScalar[])[] = [
  ["Check", "Value"],
  ["a", 1],
  ["b", 2],
];

/**
 * Scratch sheets are named with this prefix and a random suffix; the add-in's own sheets all
 * start "_aica_" (the formula store, the file settings), which the formula actions skip. A
 * scratch sheet left by an interrupted run (Excel closed during the check) is removed by the next.
 */
export const SCRATCH_PREFIX = "_aica_diag_";

/** A scratch sheet name: the prefix and 6 random base-36 characters (17 characters, within Excel's 31). */
export function scratchSheetName(random: () => number = Math.random): string {
  let suffix = "";
  for (let i = 0; i < 6; i++) suffix += Math.floor(random() * 36).toString(36);
  return SCRATCH_PREFIX + suffix;
}

export function isScratchSheet(name: string): boolean {
  return name.toLowerCase().startsWith(SCRATCH_PREFIX);
}

export type CellScalar = string | number | boolean;

/** What became of a check's scratch sheet. */
export interface ScratchCleanup {
  sheet: string;
  /** True when the sheet is gone (or was never created). */
  removed: boolean;
  /** Why it could not be removed. */
  detail?: string;
  /** Scratch sheets of an earlier, interrupted run that were found and removed. */
  leftoversRemoved?: readonly string[];
}

export interface FunctionProbe {
  formula: string;
  /** The cell's value as last read (an error as its text, e.g. "#NAME?"); null when never read. */
  value: CellScalar | null;
  /** How many times the value was read (the first read, then one per poll while #BUSY!). */
  reads: number;
  /** Time spent waiting between reads, in ms. */
  waitedMs: number;
  /** Excel's calculation mode ("Automatic", "Manual", …), null where unknown. */
  calculationMode: string | null;
  /** What the host refused, when the check stopped early; null when it ran through. */
  failure: string | null;
  cleanup: ScratchCleanup;
}

export interface TableProbe {
  written: readonly (readonly CellScalar[])[];
  /** The table's cells read back after the insert; null when never read. */
  readBack: CellScalar[][] | null;
  tableName: string | null;
  /** The table was deleted and a lookup by its name found nothing. */
  tableRemoved: boolean;
  failure: string | null;
  cleanup: ScratchCleanup;
}

export type EnvironmentProbe =
  /** From the Office common API: host "Excel", platform "PC" | "Mac" | "OfficeOnline" | …, version "16.0.…". */
  { kind: "office"; host: string; platform: string; version: string; displayLanguage?: string } | { kind: "workbench"; engine: string };

export interface RuntimeProbe {
  /** functions.js has run in the pane's window (it marks the global object it runs in). */
  functionsLoaded: boolean;
  /** When it marked it (ISO), null when it did not. */
  loadedAt: string | null;
  /** The host reports SharedRuntime 1.1; null where unknown. */
  sharedRuntime: boolean | null;
}

/** What the host answers; Excel's adapter and the workbench implement it. */
export interface DiagnosticsPort {
  readonly where: "excel" | "workbench";
  environment(): Promise<EnvironmentProbe>;
  /** Whether the host supports a requirement set; null where there are none (the workbench). */
  supports(set: RequirementSet): boolean | null;
  /** Writes `formula` on a very hidden scratch sheet, reads its value (waiting while #BUSY!), removes the sheet. */
  functionProbe(formula: string): Promise<FunctionProbe>;
  /** Inserts `values` as a table (first row the header) on a scratch sheet, reads it back, removes the table and the sheet. */
  tableProbe(values: readonly (readonly CellScalar[])[]): Promise<TableProbe>;
  /** Null where there is no Office runtime (the workbench). */
  runtime(): Promise<RuntimeProbe | null>;
}

/** The feed's catalogue as the feed check sees it. */
export type FeedProbe =
  | { ok: true; url: string; generatedAt: string | null; datasets: readonly { id: string; version: string; asOf: string }[] }
  | { ok: false; url: string; kind: string; status?: number; detail: string };

/**
 * One `securitypolicyviolation` event as the pane recorded it: the fields of the browser's
 * SecurityPolicyViolationEvent the CSP check reads, by their names there
 * (https://developer.mozilla.org/docs/Web/API/SecurityPolicyViolationEvent).
 */
export interface CspViolation {
  /** e.g. "script-src-elem". */
  effectiveDirective?: string;
  violatedDirective?: string;
  /** A URL, "inline" or "eval"; empty for inline code in some browsers. */
  blockedURI?: string;
  sourceFile?: string;
  lineNumber?: number;
  /** The first characters of the refused code, when the browser gives them. */
  sample?: string;
}

/** A violation as one line of the report: directive, what was blocked, where, a sample. */
export function violationLine(v: CspViolation, language: Language): string {
  const directive = v.effectiveDirective || v.violatedDirective || "?";
  const source = v.sourceFile ? v.sourceFile + (v.lineNumber ? `:${v.lineNumber}` : "") : "";
  const sample = (v.sample || "").slice(0, 60);
  const blocked = v.blockedURI || "inline";
  return language === "zh"
    ? `${directive}：${blocked}${source ? `，位置 ${source}` : ""}${sample ? `（${sample}）` : ""}`
    : `${directive}: ${blocked}${source ? ` at ${source}` : ""}${sample ? ` (${sample})` : ""}`;
}

export interface CheckResult {
  id: DiagnosticCheckId;
  outcome: DiagnosticOutcome;
  durationMs: number;
  /** What was found and what to do, line by line, in both languages. */
  lines: Readonly<Record<Language, readonly string[]>>;
}

export interface DiagnosticsReport {
  where: "excel" | "workbench";
  /** ISO time the run started. */
  startedAt: string;
  results: readonly CheckResult[];
}

export interface DiagnosticsRun {
  port: DiagnosticsPort;
  /** The feed's catalogue (the pane's current feed). Should not throw; a throw fails the check. */
  feed(): Promise<FeedProbe>;
  /** The violations seen since the pane opened. */
  cspViolations(): readonly CspViolation[];
  /** A monotonic clock in ms, for durations (default Date.now). */
  now?: () => number;
  /** The wall clock, for the report's time (default new Date()). */
  clock?: () => Date;
}

export const CHECK_TITLES: Readonly<Record<DiagnosticCheckId, LocalizedText>> = {
  host: { en: "Excel, platform and version", zh: "Excel、平台和版本" },
  requirements: { en: "Requirement sets", zh: "要求集（API 版本）" },
  functions: { en: "Custom functions compute", zh: "自定义函数能计算" },
  table: { en: "Insert and remove a table", zh: "插入并删除表格" },
  feed: { en: "Data feed", zh: "数据源" },
  csp: { en: "Content-Security-Policy", zh: "内容安全策略（CSP）" },
  runtime: { en: "One runtime for functions and pane", zh: "函数与任务窗格共用一个运行时" },
};

export const OUTCOME_LABELS: Readonly<Record<DiagnosticOutcome, LocalizedText>> = {
  pass: { en: "PASS", zh: "通过" },
  warn: { en: "WARN", zh: "警告" },
  fail: { en: "FAIL", zh: "失败" },
  skipped: { en: "SKIPPED", zh: "跳过" },
};

/** At most this many violations are listed (the count is exact). */
export const MAX_VIOLATIONS_LISTED = 10;

type Lines = { en: string[]; zh: string[] };

function lines(): Lines {
  return { en: [], zh: [] };
}

function say(out: Lines, en: string, zh: string): void {
  out.en.push(en);
  out.zh.push(zh);
}

const NOT_IN_WORKBENCH: LocalizedText = { en: "Not applicable in the workbench", zh: "在工作台中不适用" };

function showValue(v: CellScalar | null): string {
  if (v === null) return "(nothing)";
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

function platformName(platform: string): LocalizedText {
  switch (platform) {
    case "PC":
      return { en: "Windows", zh: "Windows" };
    case "Mac":
      return { en: "Mac", zh: "Mac" };
    case "OfficeOnline":
      return { en: "the web", zh: "网页版" };
    case "iOS":
      return { en: "iPad", zh: "iPad" };
    case "Android":
      return { en: "Android", zh: "Android" };
    case "Universal":
      return { en: "Windows (Universal)", zh: "Windows（通用应用）" };
    default:
      return { en: platform || "an unknown platform", zh: platform || "未知平台" };
  }
}

async function hostCheck(port: DiagnosticsPort, out: Lines): Promise<DiagnosticOutcome> {
  const env = await port.environment();
  if (env.kind === "workbench") {
    say(
      out,
      `${NOT_IN_WORKBENCH.en}: there is no Office host here. The workbook is ${env.engine} in this page.`,
      `${NOT_IN_WORKBENCH.zh}：这里没有 Office 宿主。工作簿由本页中的 ${env.engine} 计算。`
    );
    return "skipped";
  }
  const p = platformName(env.platform);
  say(out, `${env.host} on ${p.en} (${env.platform}), version ${env.version}.`, `${env.host}（${p.zh}，${env.platform}），版本 ${env.version}。`);
  if (env.displayLanguage) say(out, `Office display language: ${env.displayLanguage}.`, `Office 显示语言：${env.displayLanguage}。`);
  if (env.host !== "Excel") {
    say(out, `This add-in is for Excel; it is running in ${env.host}.`, `本加载项用于 Excel，当前运行在 ${env.host} 中。`);
    return "fail";
  }
  return "pass";
}

function requirementsCheck(port: DiagnosticsPort, out: Lines): DiagnosticOutcome {
  const declared = DECLARED_REQUIREMENTS.map((set) => ({ set, ok: port.supports(set) }));
  if (declared.every((d) => d.ok === null)) {
    say(
      out,
      `${NOT_IN_WORKBENCH.en}: requirement sets are Office's; the workbench has every feature.`,
      `${NOT_IN_WORKBENCH.zh}：要求集属于 Office；工作台具备全部功能。`
    );
    return "skipped";
  }
  let outcome: DiagnosticOutcome = "pass";
  for (const { set, ok } of declared) {
    const name = `${set.name} ${set.version}`;
    if (ok === true) say(out, `${name} (the manifest requires it): supported.`, `${name}（清单要求）：支持。`);
    else {
      outcome = "fail";
      say(
        out,
        `${name} (the manifest requires it): NOT supported${ok === null ? " (unknown)" : ""}. The add-in needs it: update Excel (Microsoft 365 or Office 2021 or later).`,
        `${name}（清单要求）：不支持${ok === null ? "（未知）" : ""}。加载项需要它：请更新 Excel（Microsoft 365 或 Office 2021 及以上）。`
      );
    }
  }
  for (const set of OPTIONAL_REQUIREMENTS) {
    const name = `${set.name} ${set.version}`;
    const ok = port.supports(set);
    if (ok === true) say(out, `${name}: supported (${set.feature.en}).`, `${name}：支持（${set.feature.zh}）。`);
    else {
      if (outcome === "pass") outcome = "warn";
      say(out, `${name}: not supported: ${set.feature.en} skipped.`, `${name}：不支持：跳过${set.feature.zh}。`);
    }
  }
  return outcome;
}

/** The lines about a scratch sheet; false when it was left behind. */
function cleanupLines(cleanup: ScratchCleanup, out: Lines): boolean {
  const old = cleanup.leftoversRemoved ?? [];
  if (old.length > 0)
    say(
      out,
      `Removed ${old.length} scratch sheet(s) an interrupted earlier run had left: ${old.join(", ")}.`,
      `已删除此前中断的诊断留下的 ${old.length} 个临时工作表：${old.join("、")}。`
    );
  if (cleanup.removed) {
    say(out, `The scratch sheet ${cleanup.sheet} was removed.`, `临时工作表 ${cleanup.sheet} 已删除。`);
    return true;
  }
  say(
    out,
    `The scratch sheet ${cleanup.sheet} could not be removed${cleanup.detail ? ` (${cleanup.detail})` : ""}. Run the diagnostics again to remove it, or unhide it (right-click a sheet tab → Unhide) and delete it.`,
    `无法删除临时工作表 ${cleanup.sheet}${cleanup.detail ? `（${cleanup.detail}）` : ""}。请再次运行诊断将其删除，或取消隐藏（右键单击工作表标签 → 取消隐藏）后删除。`
  );
  return false;
}

function sameNumber(v: CellScalar | null, expected: number): boolean {
  return typeof v === "number" && Math.abs(v - expected) <= FUNCTION_PROBE_TOLERANCE * Math.abs(expected);
}

async function functionsCheck(port: DiagnosticsPort, out: Lines): Promise<DiagnosticOutcome> {
  const p = await port.functionProbe(FUNCTION_PROBE_FORMULA);
  const expected = FUNCTION_PROBE_EXPECTED;
  const reads = `${p.reads} read(s), ${Math.round(p.waitedMs)} ms waited`;
  const readsZh = `读取 ${p.reads} 次，等待 ${Math.round(p.waitedMs)} 毫秒`;
  let ok = false;
  if (p.failure !== null) {
    say(out, `${p.formula}: the host refused the check: ${p.failure}`, `${p.formula}：宿主拒绝了此检查：${p.failure}`);
  } else if (sameNumber(p.value, expected)) {
    ok = true;
    say(out, `${p.formula} gave ${expected} (${reads}).`, `${p.formula} 得到 ${expected}（${readsZh}）。`);
  } else if (p.value === "#BUSY!") {
    say(
      out,
      `${p.formula} still shows #BUSY! (${reads}): Excel is waiting for the functions runtime. Close and reopen the workbook, or remove and add the add-in again.`,
      `${p.formula} 仍显示 #BUSY!（${readsZh}）：Excel 在等待函数运行时。请关闭并重新打开工作簿，或移除后重新添加加载项。`
    );
  } else if (p.value === "#NAME?") {
    say(
      out,
      `${p.formula} gave #NAME?: Excel does not know the AI functions, so they did not register. Close and reopen the workbook; if it stays, remove and add the add-in again.`,
      `${p.formula} 得到 #NAME?：Excel 不认识 AI 函数，说明函数没有注册成功。请关闭并重新打开工作簿；若仍如此，请移除后重新添加加载项。`
    );
  } else {
    say(
      out,
      `${p.formula} gave ${showValue(p.value)}, expected ${expected} (${reads}).`,
      `${p.formula} 得到 ${showValue(p.value)}，应为 ${expected}（${readsZh}）。`
    );
  }
  if (!ok && p.calculationMode === "Manual")
    say(
      out,
      "Calculation is set to Manual (Formulas → Calculation Options): formulas compute only when you press F9.",
      "计算模式为手动（公式 → 计算选项）：只有按 F9 时公式才会计算。"
    );
  const clean = cleanupLines(p.cleanup, out);
  return ok && clean ? "pass" : "fail";
}

function sameGrid(a: readonly (readonly CellScalar[])[], b: readonly (readonly CellScalar[])[]): boolean {
  return a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((v, j) => v === b[i][j]));
}

async function tableCheck(port: DiagnosticsPort, out: Lines): Promise<DiagnosticOutcome> {
  const p = await port.tableProbe(TABLE_PROBE_VALUES);
  const size = `${p.written.length} × ${p.written[0]?.length ?? 0}`;
  let ok = false;
  if (p.failure !== null) {
    say(out, `Inserting a ${size} table: the host refused: ${p.failure}`, `插入 ${size} 表格：宿主拒绝：${p.failure}`);
  } else if (p.readBack === null || !sameGrid(p.readBack, p.written)) {
    say(
      out,
      `The ${size} table read back ${JSON.stringify(p.readBack)}, not what was written (${JSON.stringify(p.written)}).`,
      `${size} 表格读回的是 ${JSON.stringify(p.readBack)}，与写入的（${JSON.stringify(p.written)}）不同。`
    );
  } else if (!p.tableRemoved) {
    say(
      out,
      `The ${size} table ${p.tableName ?? ""} read back as written, but was still there after it was deleted.`,
      `${size} 表格 ${p.tableName ?? ""} 读回正确，但删除后仍然存在。`
    );
  } else {
    ok = true;
    say(
      out,
      `A ${size} table (${p.tableName ?? "?"}) was inserted, read back as written and removed.`,
      `已插入 ${size} 表格（${p.tableName ?? "?"}），读回内容与写入一致，并已删除。`
    );
  }
  const clean = cleanupLines(p.cleanup, out);
  return ok && clean ? "pass" : "fail";
}

async function feedCheck(run: DiagnosticsRun, out: Lines): Promise<DiagnosticOutcome> {
  const f = await run.feed();
  if (!f.ok) {
    const why = `${f.kind}${f.status !== undefined ? ` ${f.status}` : ""}: ${f.detail}`;
    say(
      out,
      `The feed at ${f.url} could not be used (${why}). The pane lists the copy bundled with the add-in; refreshing tables needs the feed.`,
      `无法使用数据源 ${f.url}（${why}）。任务窗格列出的是加载项自带的副本；刷新表格需要数据源。`
    );
    return "fail";
  }
  say(
    out,
    `The feed at ${f.url} answered: ${f.datasets.length} dataset(s)${f.generatedAt ? `, built ${f.generatedAt}` : ""}.`,
    `数据源 ${f.url} 已响应：${f.datasets.length} 个数据集${f.generatedAt ? `，生成于 ${f.generatedAt}` : ""}。`
  );
  for (const d of f.datasets) say(out, `  ${d.id} ${d.version} (as of ${d.asOf})`, `  ${d.id} ${d.version}（截至 ${d.asOf}）`);
  return f.datasets.length > 0 ? "pass" : "warn";
}

function cspCheck(run: DiagnosticsRun, out: Lines): DiagnosticOutcome {
  const seen = run.cspViolations();
  if (seen.length === 0) {
    say(out, "No Content-Security-Policy violation since the pane opened.", "自任务窗格打开以来没有违反内容安全策略的情况。");
    return "pass";
  }
  say(
    out,
    `${seen.length} Content-Security-Policy violation(s) since the pane opened: something the page tried to load or run was refused.`,
    `自任务窗格打开以来有 ${seen.length} 次违反内容安全策略：页面尝试加载或运行的内容被拒绝。`
  );
  for (const v of seen.slice(0, MAX_VIOLATIONS_LISTED)) say(out, `  ${violationLine(v, "en")}`, `  ${violationLine(v, "zh")}`);
  if (seen.length > MAX_VIOLATIONS_LISTED)
    say(out, `  … and ${seen.length - MAX_VIOLATIONS_LISTED} more.`, `  ……另有 ${seen.length - MAX_VIOLATIONS_LISTED} 次。`);
  return "fail";
}

async function runtimeCheck(port: DiagnosticsPort, out: Lines): Promise<DiagnosticOutcome> {
  const r = await port.runtime();
  if (r === null) {
    say(
      out,
      `${NOT_IN_WORKBENCH.en}: there is no Excel runtime; the workbench's engine computes the AI functions in this page.`,
      `${NOT_IN_WORKBENCH.zh}：这里没有 Excel 运行时；AI 函数由本页中工作台的计算引擎计算。`
    );
    return "skipped";
  }
  let outcome: DiagnosticOutcome = "pass";
  if (r.functionsLoaded)
    say(
      out,
      `functions.js has run in this pane's window${r.loadedAt ? ` (${r.loadedAt})` : ""}.`,
      `functions.js 已在本任务窗格的窗口中运行${r.loadedAt ? `（${r.loadedAt}）` : ""}。`
    );
  else {
    outcome = "fail";
    say(
      out,
      "functions.js has not run in this pane's window: in the shared runtime Excel runs the functions from this very page, so the cells cannot compute. Close and reopen the workbook.",
      "functions.js 没有在本任务窗格的窗口中运行：在共享运行时中，Excel 从本页运行函数，因此单元格无法计算。请关闭并重新打开工作簿。"
    );
  }
  if (r.sharedRuntime === true)
    say(
      out,
      "Excel reports SharedRuntime 1.1: the functions and the pane share one runtime.",
      "Excel 报告支持 SharedRuntime 1.1：函数与任务窗格共用一个运行时。"
    );
  else {
    outcome = "fail";
    say(
      out,
      "Excel does not report SharedRuntime 1.1: the functions and the pane cannot share one runtime.",
      "Excel 未报告支持 SharedRuntime 1.1：函数与任务窗格无法共用一个运行时。"
    );
  }
  return outcome;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs every check in order, one at a time (they share the host), and calls `onResult` after
 * each. A check that throws fails with the error's message; the others still run.
 */
export async function runDiagnostics(run: DiagnosticsRun, onResult?: (result: CheckResult, index: number) => void): Promise<DiagnosticsReport> {
  const now = run.now ?? Date.now;
  const startedAt = (run.clock ?? (() => new Date()))().toISOString();
  const checks: Record<DiagnosticCheckId, (out: Lines) => DiagnosticOutcome | Promise<DiagnosticOutcome>> = {
    host: (out) => hostCheck(run.port, out),
    requirements: (out) => requirementsCheck(run.port, out),
    functions: (out) => functionsCheck(run.port, out),
    table: (out) => tableCheck(run.port, out),
    feed: (out) => feedCheck(run, out),
    csp: (out) => cspCheck(run, out),
    runtime: (out) => runtimeCheck(run.port, out),
  };
  const results: CheckResult[] = [];
  for (const id of DIAGNOSTIC_CHECKS) {
    const out = lines();
    const t0 = now();
    let outcome: DiagnosticOutcome;
    try {
      outcome = await checks[id](out);
    } catch (error) {
      outcome = "fail";
      say(out, `The check stopped: ${messageOf(error)}`, `检查中断：${messageOf(error)}`);
    }
    const result: CheckResult = { id, outcome, durationMs: Math.max(0, now() - t0), lines: out };
    results.push(result);
    onResult?.(result, results.length - 1);
  }
  return { where: run.port.where, startedAt, results };
}

/** Counts of each outcome. */
export function tally(results: readonly CheckResult[]): Record<DiagnosticOutcome, number> {
  const n: Record<DiagnosticOutcome, number> = { pass: 0, warn: 0, fail: 0, skipped: 0 };
  for (const r of results) n[r.outcome]++;
  return n;
}

/** What the report says about where it ran, beside the checks. */
export interface ReportContext {
  /** package.json's version. */
  addinVersion: string;
  /** The pane's page, without its query (Office adds one). */
  page: string;
  /** navigator.userAgent: the webview or browser the pane runs in. */
  userAgent: string;
}

const REPORT_TEXT = {
  title: { en: "AI Compute Analyst: diagnostics report", zh: "AI 算力分析助手：诊断报告" },
  version: { en: "Add-in version", zh: "加载项版本" },
  ranAt: { en: "Run at", zh: "运行时间" },
  where: { en: "Where", zh: "运行环境" },
  excel: { en: "Excel", zh: "Excel" },
  workbench: { en: "the workbench (a spreadsheet engine in a browser, no Excel)", zh: "工作台（浏览器中的表格计算引擎，无 Excel）" },
  page: { en: "Page", zh: "页面" },
  browser: { en: "Browser", zh: "浏览器" },
  summary: { en: "Summary", zh: "汇总" },
} as const;

/** "5 passed, 1 warning, 0 failed, 1 skipped" in the language. */
export function summaryLine(results: readonly CheckResult[], language: Language): string {
  const n = tally(results);
  return language === "zh"
    ? `通过 ${n.pass} 项，警告 ${n.warn} 项，失败 ${n.fail} 项，跳过 ${n.skipped} 项`
    : `${n.pass} passed, ${n.warn} warning(s), ${n.fail} failed, ${n.skipped} skipped`;
}

/**
 * The report as plain text in `language`: a header (version, time, where, page, browser,
 * summary), then each check with its outcome, duration and lines. Plain text only, so it can be
 * pasted into an email as it is.
 */
export function formatReport(report: DiagnosticsReport, language: Language, context: ReportContext): string {
  const l = (t: LocalizedText): string => t[language];
  const sep = language === "zh" ? "：" : ": ";
  const out = [
    l(REPORT_TEXT.title),
    `${l(REPORT_TEXT.version)}${sep}${context.addinVersion}`,
    `${l(REPORT_TEXT.ranAt)}${sep}${report.startedAt}`,
    `${l(REPORT_TEXT.where)}${sep}${l(report.where === "excel" ? REPORT_TEXT.excel : REPORT_TEXT.workbench)}`,
    `${l(REPORT_TEXT.page)}${sep}${context.page}`,
    `${l(REPORT_TEXT.browser)}${sep}${context.userAgent}`,
    `${l(REPORT_TEXT.summary)}${sep}${summaryLine(report.results, language)}`,
    "",
  ];
  report.results.forEach((r, i) => {
    out.push(`${i + 1}. [${l(OUTCOME_LABELS[r.outcome])}] ${l(CHECK_TITLES[r.id])} (${Math.round(r.durationMs)} ms)`);
    for (const line of r.lines[language]) out.push(`   ${line}`);
  });
  return out.join("\n") + "\n";
}
