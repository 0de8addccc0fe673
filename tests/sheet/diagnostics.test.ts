/**
 * The diagnostics runner and report (src/sheet/diagnostics.ts), on a scripted port: what each
 * probe's facts give (pass, warn, fail, skipped) and say, in both languages, and the plain-text
 * report.
 */
import {
  CHECK_TITLES,
  DECLARED_REQUIREMENTS,
  DIAGNOSTIC_CHECKS,
  FUNCTION_PROBE_EXPECTED,
  FUNCTION_PROBE_FORMULA,
  MAX_VIOLATIONS_LISTED,
  OPTIONAL_REQUIREMENTS,
  SCRATCH_PREFIX,
  TABLE_PROBE_VALUES,
  formatReport,
  isScratchSheet,
  runDiagnostics,
  scratchSheetName,
  type CheckResult,
  type CspViolation,
  type DiagnosticCheckId,
  type DiagnosticsPort,
  type DiagnosticsReport,
  type DiagnosticsRun,
  type FeedProbe,
  type FunctionProbe,
  type TableProbe,
} from "../../src/sheet/diagnostics";
import { SHEET_NAME_MAX, sheetNameProblem } from "../../src/sheet/plan";

const clean = (sheet: string) => ({ sheet, removed: true, leftoversRemoved: [] as string[] });

function goodFunction(overrides: Partial<FunctionProbe> = {}): FunctionProbe {
  return {
    formula: FUNCTION_PROBE_FORMULA,
    value: 6,
    reads: 2,
    waitedMs: 250,
    calculationMode: "Automatic",
    failure: null,
    cleanup: clean("_aica_diag_abc123"),
    ...overrides,
  };
}

function goodTable(overrides: Partial<TableProbe> = {}): TableProbe {
  const written = TABLE_PROBE_VALUES.map((r) => [...r]);
  return {
    written,
    readBack: written.map((r) => [...r]),
    tableName: "Table3",
    tableRemoved: true,
    failure: null,
    cleanup: clean("_aica_diag_def456"),
    ...overrides,
  };
}

/** An Excel that supports everything and computes. */
function excelPort(overrides: Partial<DiagnosticsPort> = {}): DiagnosticsPort {
  return {
    where: "excel",
    environment: async () => ({ kind: "office", host: "Excel", platform: "PC", version: "16.0.17328.20000", displayLanguage: "en-US" }),
    supports: () => true,
    functionProbe: async () => goodFunction(),
    tableProbe: async () => goodTable(),
    runtime: async () => ({ functionsLoaded: true, loadedAt: "2026-08-21T10:00:00.000Z", sharedRuntime: true }),
    ...overrides,
  };
}

const FEED: FeedProbe = {
  ok: true,
  url: "https://host/data/",
  generatedAt: "2026-08-20T06:30:00.000Z",
  datasets: [
    { id: "llm-comparison", version: "1.2.0", asOf: "2023-02" },
    { id: "epoch-models", version: "1.4.1", asOf: "2025-06-20" },
  ],
};

function inputs(port: DiagnosticsPort, more: Partial<DiagnosticsRun> = {}): DiagnosticsRun {
  let t = 0;
  return {
    port,
    feed: async () => FEED,
    cspViolations: () => [],
    now: () => (t += 5),
    clock: () => new Date("2026-08-21T10:32:05.000Z"),
    ...more,
  };
}

function result(report: DiagnosticsReport, id: DiagnosticCheckId): CheckResult {
  const r = report.results.find((x) => x.id === id);
  if (!r) throw new Error(`no ${id}`);
  return r;
}

const en = (r: CheckResult): string => r.lines.en.join("\n");
const zh = (r: CheckResult): string => r.lines.zh.join("\n");

describe("runDiagnostics", () => {
  it("runs every check in order; in an Excel that has everything, all pass", async () => {
    const seen: string[] = [];
    const report = await runDiagnostics(inputs(excelPort()), (r, i) => seen.push(`${i}:${r.id}`));
    expect(report.results.map((r) => r.id)).toEqual([...DIAGNOSTIC_CHECKS]);
    expect(seen).toEqual(DIAGNOSTIC_CHECKS.map((id, i) => `${i}:${id}`));
    expect(report.results.map((r) => r.outcome)).toEqual(DIAGNOSTIC_CHECKS.map(() => "pass"));
    expect(report.where).toBe("excel");
    expect(report.startedAt).toBe("2026-08-21T10:32:05.000Z");
    expect(report.results.every((r) => r.durationMs === 5)).toBe(true);
    expect(en(result(report, "host"))).toBe("Excel on Windows (PC), version 16.0.17328.20000.\nOffice display language: en-US.");
    expect(en(result(report, "functions"))).toBe("=AI.TRAINFLOPS(1,1) gave 6 (2 read(s), 250 ms waited).\nThe scratch sheet _aica_diag_abc123 was removed.");
    expect(en(result(report, "feed"))).toContain("  epoch-models 1.4.1 (as of 2025-06-20)");
    expect(zh(result(report, "feed"))).toContain("  epoch-models 1.4.1（截至 2025-06-20）");
  });

  it("in the workbench, says where a check does not apply (host, requirement sets, runtime) and passes the rest", async () => {
    const port = excelPort({
      where: "workbench",
      environment: async () => ({ kind: "workbench", engine: "HyperFormula 3.0.0" }),
      supports: () => null,
      runtime: async () => null,
    });
    const report = await runDiagnostics(inputs(port));
    expect(Object.fromEntries(report.results.map((r) => [r.id, r.outcome]))).toEqual({
      host: "skipped",
      requirements: "skipped",
      functions: "pass",
      table: "pass",
      feed: "pass",
      csp: "pass",
      runtime: "skipped",
    });
    for (const id of ["host", "requirements", "runtime"] as const) {
      expect(en(result(report, id))).toMatch(/^Not applicable in the workbench: /);
      expect(zh(result(report, id))).toMatch(/^在工作台中不适用：/);
    }
    expect(en(result(report, "host"))).toContain("HyperFormula 3.0.0");
  });

  it("fails the host check outside Excel, and names the platform", async () => {
    const report = await runDiagnostics(
      inputs(excelPort({ environment: async () => ({ kind: "office", host: "Word", platform: "OfficeOnline", version: "16.0.1" }) }))
    );
    expect(result(report, "host").outcome).toBe("fail");
    expect(en(result(report, "host"))).toBe("Word on the web (OfficeOnline), version 16.0.1.\nThis add-in is for Excel; it is running in Word.");
  });

  it("warns for each newer ExcelApi set missing, naming the feature skipped; fails for a declared set missing", async () => {
    const no118 = await runDiagnostics(inputs(excelPort({ supports: (s) => !(s.name === "ExcelApi" && s.version === "1.18") })));
    const req = result(no118, "requirements");
    expect(req.outcome).toBe("warn");
    expect(req.lines.en).toContain("ExcelApi 1.18: not supported: Make portable: cell notes on the values it keeps skipped.");
    expect(req.lines.en).toContain("ExcelApi 1.4 (the manifest requires it): supported.");
    expect(req.lines.en).toHaveLength(DECLARED_REQUIREMENTS.length + OPTIONAL_REQUIREMENTS.length);
    expect(req.lines.zh).toContain("ExcelApi 1.18：不支持：跳过转为通用公式：给保留为值的单元格加批注。");

    const noShared = await runDiagnostics(inputs(excelPort({ supports: (s) => s.name !== "SharedRuntime" })));
    expect(result(noShared, "requirements").outcome).toBe("fail");
    expect(en(result(noShared, "requirements"))).toContain("SharedRuntime 1.1 (the manifest requires it): NOT supported.");
  });

  it.each<[string, Partial<FunctionProbe>, RegExp]>([
    [
      "still #BUSY!",
      { value: "#BUSY!", reads: 20, waitedMs: 4750 },
      /still shows #BUSY! \(20 read\(s\), 4750 ms waited\): Excel is waiting for the functions runtime/,
    ],
    ["#NAME?", { value: "#NAME?" }, /gave #NAME\?: Excel does not know the AI functions, so they did not register/],
    ["a wrong number", { value: 6.000001 }, /gave 6\.000001, expected 6/],
    ["text", { value: "6" }, /gave "6", expected 6/],
    ["a refusal", { value: null, failure: "GeneralException: nope" }, /the host refused the check: GeneralException: nope/],
  ])("fails the functions check on %s", async (_what, probe, message) => {
    const report = await runDiagnostics(inputs(excelPort({ functionProbe: async () => goodFunction(probe) })));
    expect(result(report, "functions").outcome).toBe("fail");
    expect(en(result(report, "functions"))).toMatch(message);
  });

  it("accepts the expected value within its relative tolerance (1e-12), not beyond", async () => {
    const near = await runDiagnostics(inputs(excelPort({ functionProbe: async () => goodFunction({ value: 6 * (1 + 5e-13) }) })));
    expect(result(near, "functions").outcome).toBe("pass");
    const far = await runDiagnostics(inputs(excelPort({ functionProbe: async () => goodFunction({ value: 6 * (1 + 5e-12) }) })));
    expect(result(far, "functions").outcome).toBe("fail");
  });

  it("says when calculation is Manual, and fails a check whose scratch sheet stayed (saying how to remove it)", async () => {
    const report = await runDiagnostics(
      inputs(
        excelPort({
          functionProbe: async () =>
            goodFunction({ value: "#NAME?", calculationMode: "Manual", cleanup: { sheet: "_aica_diag_x", removed: false, detail: "AccessDenied: locked" } }),
          tableProbe: async () => goodTable({ cleanup: { sheet: "_aica_diag_y", removed: false } }),
        })
      )
    );
    const fn = en(result(report, "functions"));
    expect(fn).toContain("Calculation is set to Manual (Formulas → Calculation Options)");
    expect(fn).toContain("The scratch sheet _aica_diag_x could not be removed (AccessDenied: locked). Run the diagnostics again to remove it");
    expect(result(report, "table").outcome).toBe("fail"); // the table itself was fine
    expect(en(result(report, "table"))).toContain("A 3 × 2 table (Table3) was inserted, read back as written and removed.");
  });

  it("reports scratch sheets of an interrupted run that were removed", async () => {
    const report = await runDiagnostics(
      inputs(
        excelPort({ functionProbe: async () => goodFunction({ cleanup: { sheet: "_aica_diag_a", removed: true, leftoversRemoved: ["_aica_diag_old"] } }) })
      )
    );
    expect(result(report, "functions").outcome).toBe("pass");
    expect(en(result(report, "functions"))).toContain("Removed 1 scratch sheet(s) an interrupted earlier run had left: _aica_diag_old.");
  });

  it.each<[string, Partial<TableProbe>, RegExp]>([
    ["a refusal", { failure: "InvalidArgument: overlap", readBack: null }, /the host refused: InvalidArgument: overlap/],
    [
      "different values",
      {
        readBack: [
          ["Check", "Value"],
          ["a", 1],
          ["b", 3],
        ],
      },
      /read back .* not what was written/,
    ],
    ["a table that stayed", { tableRemoved: false }, /still there after it was deleted/],
  ])("fails the table check on %s", async (_what, probe, message) => {
    const report = await runDiagnostics(inputs(excelPort({ tableProbe: async () => goodTable(probe) })));
    expect(result(report, "table").outcome).toBe("fail");
    expect(en(result(report, "table"))).toMatch(message);
  });

  it("fails the feed check when the feed cannot be used, with the reason", async () => {
    const report = await runDiagnostics(
      inputs(excelPort(), { feed: async () => ({ ok: false, url: "https://team/feed/", kind: "http", status: 404, detail: "Not Found" }) })
    );
    expect(result(report, "feed").outcome).toBe("fail");
    expect(en(result(report, "feed"))).toBe(
      "The feed at https://team/feed/ could not be used (http 404: Not Found). The pane lists the copy bundled with the add-in; refreshing tables needs the feed."
    );
  });

  it("fails the CSP check on any violation, listing the first ten and counting the rest", async () => {
    const v = (i: number): CspViolation => ({
      effectiveDirective: "script-src-elem",
      blockedURI: `https://cdn${i}.example/x.js`,
      sourceFile: "https://host/taskpane.html",
      lineNumber: 12,
      sample: "",
    });
    const twelve = Array.from({ length: 12 }, (_, i) => v(i));
    const report = await runDiagnostics(inputs(excelPort(), { cspViolations: () => twelve }));
    const csp = result(report, "csp");
    expect(csp.outcome).toBe("fail");
    expect(csp.lines.en[0]).toBe("12 Content-Security-Policy violation(s) since the pane opened: something the page tried to load or run was refused.");
    expect(csp.lines.en[1]).toBe("  script-src-elem: https://cdn0.example/x.js at https://host/taskpane.html:12");
    expect(csp.lines.en).toHaveLength(1 + MAX_VIOLATIONS_LISTED + 1);
    expect(csp.lines.en.at(-1)).toBe("  … and 2 more.");
  });

  it("fails the runtime check when functions.js has not run in the pane's window, or SharedRuntime is missing", async () => {
    const noMark = await runDiagnostics(inputs(excelPort({ runtime: async () => ({ functionsLoaded: false, loadedAt: null, sharedRuntime: true }) })));
    expect(result(noMark, "runtime").outcome).toBe("fail");
    expect(en(result(noMark, "runtime"))).toMatch(/^functions.js has not run in this pane's window/);
    const noShared = await runDiagnostics(inputs(excelPort({ runtime: async () => ({ functionsLoaded: true, loadedAt: null, sharedRuntime: false }) })));
    expect(result(noShared, "runtime").outcome).toBe("fail");
  });

  it("fails a check that throws, with its message, and still runs the others", async () => {
    const report = await runDiagnostics(
      inputs(
        excelPort({
          environment: async () => {
            throw new Error("Office has not given this page its context");
          },
        })
      )
    );
    expect(result(report, "host").outcome).toBe("fail");
    expect(en(result(report, "host"))).toBe("The check stopped: Office has not given this page its context");
    expect(zh(result(report, "host"))).toBe("检查中断：Office has not given this page its context");
    expect(report.results.filter((r) => r.outcome === "pass")).toHaveLength(DIAGNOSTIC_CHECKS.length - 1);
  });
});

describe("formatReport", () => {
  const report: DiagnosticsReport = {
    where: "excel",
    startedAt: "2026-08-21T10:32:05.000Z",
    results: [
      { id: "host", outcome: "pass", durationMs: 1.4, lines: { en: ["Excel on Mac (Mac), version 16.88."], zh: ["Excel（Mac，Mac），版本 16.88。"] } },
      { id: "feed", outcome: "fail", durationMs: 812.6, lines: { en: ["The feed at x could not be used."], zh: ["无法使用数据源 x。"] } },
      { id: "runtime", outcome: "skipped", durationMs: 0, lines: { en: ["Not applicable."], zh: ["不适用。"] } },
    ],
  };
  const context = { addinVersion: "0.2.0", page: "https://host/taskpane.html", userAgent: "Mozilla/5.0 (Macintosh)" };

  it("is plain text: a header, then each check with its outcome, title, duration and lines (English)", () => {
    expect(formatReport(report, "en", context)).toBe(
      [
        "AI Compute Analyst: diagnostics report",
        "Add-in version: 0.2.0",
        "Run at: 2026-08-21T10:32:05.000Z",
        "Where: Excel",
        "Page: https://host/taskpane.html",
        "Browser: Mozilla/5.0 (Macintosh)",
        "Summary: 1 passed, 0 warning(s), 1 failed, 1 skipped",
        "",
        "1. [PASS] Excel, platform and version (1 ms)",
        "   Excel on Mac (Mac), version 16.88.",
        "2. [FAIL] Data feed (813 ms)",
        "   The feed at x could not be used.",
        "3. [SKIPPED] One runtime for functions and pane (0 ms)",
        "   Not applicable.",
        "",
      ].join("\n")
    );
  });

  it("is the same report in Chinese", () => {
    const text = formatReport({ ...report, where: "workbench" }, "zh", context);
    expect(text.split("\n").slice(0, 9)).toEqual([
      "AI 算力分析助手：诊断报告",
      "加载项版本：0.2.0",
      "运行时间：2026-08-21T10:32:05.000Z",
      "运行环境：工作台（浏览器中的表格计算引擎，无 Excel）",
      "页面：https://host/taskpane.html",
      "浏览器：Mozilla/5.0 (Macintosh)",
      "汇总：通过 1 项，警告 0 项，失败 1 项，跳过 1 项",
      "",
      `1. [通过] ${CHECK_TITLES.host.zh} (1 ms)`,
    ]);
  });
});

describe("constants", () => {
  it("expects the core's own answer for =AI.TRAINFLOPS(1,1): 6·N·D with N = D = 1", () => {
    expect(FUNCTION_PROBE_EXPECTED).toBe(6);
  });

  it("names scratch sheets with the add-in's prefix, validly, within Excel's 31 characters", () => {
    let i = 0;
    const values = [0, 0.999999, 0.5, 0.1, 0.25, 0.75];
    const name = scratchSheetName(() => values[i++ % values.length]);
    expect(name).toBe(`${SCRATCH_PREFIX}0zi39r`);
    expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
    expect(sheetNameProblem(name)).toBeNull();
    expect(isScratchSheet(name.toUpperCase())).toBe(true);
    expect(isScratchSheet("_aica_formulas")).toBe(false);
    expect(new Set(Array.from({ length: 50 }, () => scratchSheetName())).size).toBe(50);
  });
});
