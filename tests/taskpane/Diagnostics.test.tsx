/**
 * @jest-environment jsdom
 *
 * Settings → Run diagnostics (src/taskpane/settings/Diagnostics.tsx): runs the checks on the
 * host's port (the workbench's real HfDiagnostics on a HyperFormula workbook, or a scripted
 * Excel), shows each result, and ends with a plain-text report to copy, in both languages.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import Diagnostics from "../../src/taskpane/settings/Diagnostics";
import type { PaneDeps, PaneDiagnostics } from "../../src/taskpane/deps";
import { I18nProvider, makeI18n } from "../../src/taskpane/i18n-context";
import { DIAGNOSTIC_CHECKS, FUNCTION_PROBE_FORMULA, type DiagnosticsPort, type FunctionProbe } from "../../src/sheet/diagnostics";
import type { Language } from "../../src/sheet/workbook";
import { HfDiagnostics } from "../../src/workbench/diagnostics";
import { HfWorkbook } from "../../src/workbench/hf-workbook";
import { version as PACKAGE_VERSION } from "../../package.json";
import { DEFAULT_FEED, fakePane } from "./fakes";

function renderDiagnostics(deps: PaneDeps, language: Language = "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider value={makeI18n(language)}>
        <Diagnostics deps={deps} />
      </I18nProvider>
    </FluentProvider>
  );
}

function withDiagnostics(diagnostics: Partial<PaneDiagnostics> & Pick<PaneDiagnostics, "loadPort">): {
  deps: PaneDeps;
  catalogCalls: string[];
  book: HfWorkbook;
} {
  const pane = fakePane();
  return { deps: { ...pane.deps, diagnostics: { cspViolations: () => [], ...diagnostics } }, catalogCalls: pane.catalogCalls, book: new HfWorkbook() };
}

function workbench() {
  const book = new HfWorkbook();
  const pane = fakePane();
  const deps: PaneDeps = { ...pane.deps, diagnostics: { loadPort: async () => new HfDiagnostics(book), cspViolations: () => [] } };
  return { deps, book, pane };
}

/** An Excel where everything works, with the functions check scripted. */
function excelPort(functionProbe?: () => Promise<FunctionProbe>): DiagnosticsPort {
  return {
    where: "excel",
    environment: async () => ({ kind: "office", host: "Excel", platform: "OfficeOnline", version: "16.0.19822.20000" }),
    supports: () => true,
    functionProbe:
      functionProbe ??
      (async () => ({
        formula: FUNCTION_PROBE_FORMULA,
        value: 6,
        reads: 3,
        waitedMs: 500,
        calculationMode: "Automatic",
        failure: null,
        cleanup: { sheet: "_aica_diag_aaaaaa", removed: true },
      })),
    tableProbe: async (values) => ({
      written: values.map((r) => [...r]),
      readBack: values.map((r) => [...r]),
      tableName: "Table1",
      tableRemoved: true,
      failure: null,
      cleanup: { sheet: "_aica_diag_bbbbbb", removed: true },
    }),
    runtime: async () => ({ functionsLoaded: true, loadedAt: "2026-08-21T10:00:00.000Z", sharedRuntime: true }),
  };
}

function report(): HTMLTextAreaElement {
  return screen.getByLabelText(/^(Report \(plain text|报告（纯文本)/) as HTMLTextAreaElement;
}

function outcomes(): Record<string, string | null> {
  const list = screen.getByRole("list", { name: /^(Results|结果)$/ });
  return Object.fromEntries(
    within(list)
      .getAllByRole("listitem")
      .map((li) => [li.getAttribute("data-check"), li.getAttribute("data-outcome")])
  );
}

afterEach(() => {
  Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
});

describe("Run diagnostics", () => {
  it("in the workbench: runs every check on the real workbook, passes what applies, and says what does not apply", async () => {
    const { deps, book, pane } = workbench();
    const sheetsBefore = book.allSheets().map((s) => s.name);
    renderDiagnostics(deps);
    expect(screen.queryByRole("textbox")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Run diagnostics" }));
    await screen.findByText(/^Diagnostics finished: /);
    expect(outcomes()).toEqual({
      host: "skipped",
      requirements: "skipped",
      functions: "pass",
      table: "pass",
      feed: "pass",
      csp: "pass",
      runtime: "skipped",
    });
    expect(screen.getByText("Diagnostics finished: 4 passed, 0 warning(s), 0 failed, 3 skipped.")).toBeTruthy();
    expect(screen.getByText(/^=AI\.TRAINFLOPS\(1,1\) gave 6 \(1 read\(s\), 0 ms waited\)\.$/)).toBeTruthy();
    expect(pane.catalogCalls).toEqual([DEFAULT_FEED]);
    expect(book.allSheets().map((s) => s.name)).toEqual(sheetsBefore);
    const text = report().value;
    expect(report().readOnly).toBe(true);
    expect(text.split("\n").slice(0, 2)).toEqual(["AI Compute Analyst: diagnostics report", `Add-in version: ${PACKAGE_VERSION}`]);
    expect(text).toContain("Where: the workbench (a spreadsheet engine in a browser, no Excel)");
    expect(text).toContain("3. [PASS] Custom functions compute (");
    expect(text).toContain("1. [SKIPPED] Excel, platform and version (");
    expect(text).toContain("   Not applicable in the workbench: there is no Office host here.");
    expect(screen.getByRole("button", { name: "Run again" })).toBeTruthy();
  });

  it("shows which check is running, and each result as it arrives", async () => {
    let finish: (p: FunctionProbe) => void = () => undefined;
    const pending = new Promise<FunctionProbe>((resolve) => (finish = resolve));
    const { deps } = withDiagnostics({ loadPort: async () => excelPort(() => pending) });
    renderDiagnostics(deps);
    fireEvent.click(screen.getByRole("button", { name: "Run diagnostics" }));
    await screen.findByText("Running 3 of 7: Custom functions compute…");
    expect(outcomes()).toEqual({ host: "pass", requirements: "pass" });
    expect((screen.getByRole("button", { name: "Run diagnostics" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () =>
      finish({
        formula: FUNCTION_PROBE_FORMULA,
        value: "#NAME?",
        reads: 1,
        waitedMs: 0,
        calculationMode: "Automatic",
        failure: null,
        cleanup: { sheet: "x", removed: true },
      })
    );
    await screen.findByText(/^Diagnostics finished: /);
    expect(outcomes().functions).toBe("fail");
    expect(Object.keys(outcomes())).toEqual([...DIAGNOSTIC_CHECKS]);
    expect(report().value).toContain("3. [FAIL] Custom functions compute (");
    expect(report().value).toContain("gave #NAME?: Excel does not know the AI functions");
  });

  it("checks the analyst's own feed when one is set, and fails the feed check when it cannot be used", async () => {
    const pane = fakePane();
    pane.settings.setFeedUrl("https://team.example/feed/");
    pane.catalog.next = async () => ({
      source: { origin: "offline" },
      generatedAt: null,
      entries: [],
      offlineReason: { kind: "http", status: 503, detail: "Service Unavailable" },
    });
    renderDiagnostics({ ...pane.deps, diagnostics: { loadPort: async () => excelPort(), cspViolations: () => [] } });
    fireEvent.click(screen.getByRole("button", { name: "Run diagnostics" }));
    await screen.findByText(/^Diagnostics finished: /);
    expect(pane.catalogCalls).toEqual(["https://team.example/feed/"]);
    expect(outcomes().feed).toBe("fail");
    expect(screen.getByText(/^The feed at https:\/\/team\.example\/feed\/ could not be used \(http 503: Service Unavailable\)/)).toBeTruthy();
  });

  it("reports the CSP violations the pane saw", async () => {
    const { deps } = withDiagnostics({
      loadPort: async () => excelPort(),
      cspViolations: () => [{ effectiveDirective: "script-src-elem", blockedURI: "https://ajax.aspnetcdn.com/x.js" }],
    });
    renderDiagnostics(deps);
    fireEvent.click(screen.getByRole("button", { name: "Run diagnostics" }));
    await screen.findByText(/^Diagnostics finished: /);
    expect(outcomes().csp).toBe("fail");
    expect(report().value).toContain("     script-src-elem: https://ajax.aspnetcdn.com/x.js");
  });

  it("copies exactly the report to the clipboard", async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (t: string) => void written.push(t) }, configurable: true });
    const { deps } = withDiagnostics({ loadPort: async () => excelPort() });
    renderDiagnostics(deps);
    fireEvent.click(screen.getByRole("button", { name: "Run diagnostics" }));
    await screen.findByText(/^Diagnostics finished: 7 passed/);
    fireEvent.click(screen.getByRole("button", { name: "Copy report" }));
    await screen.findByText("The report is on the clipboard.");
    expect(written).toEqual([report().value]);
    expect(written[0]).toContain("Where: Excel");
    expect(written[0]).toContain("   Excel on the web (OfficeOnline), version 16.0.19822.20000.");
  });

  it("selects the report for Ctrl+C when the pane may not use the clipboard", async () => {
    Object.defineProperty(navigator, "clipboard", {
      value: {
        writeText: async () => Promise.reject(new DOMException("The Clipboard API has been blocked because of a permissions policy", "NotAllowedError")),
      },
      configurable: true,
    });
    const { deps } = withDiagnostics({ loadPort: async () => excelPort() });
    renderDiagnostics(deps);
    fireEvent.click(screen.getByRole("button", { name: "Run diagnostics" }));
    await screen.findByText(/^Diagnostics finished: /);
    fireEvent.click(screen.getByRole("button", { name: "Copy report" }));
    await screen.findByText(/^This pane may not use the clipboard: the report is selected below/);
    const box = report();
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length]);
  });

  it("renders what a check says as text, never as HTML", async () => {
    const { deps } = withDiagnostics({
      loadPort: async () => ({
        ...excelPort(),
        environment: async () => ({ kind: "office", host: "<img src=x onerror=alert(1)>", platform: "PC", version: "<b>1</b>" }),
      }),
    });
    const { container } = renderDiagnostics(deps);
    fireEvent.click(screen.getByRole("button", { name: "Run diagnostics" }));
    await screen.findByText(/^Diagnostics finished: /);
    expect(container.querySelector("img, b")).toBeNull();
    expect(screen.getByText(/^<img src=x onerror=alert\(1\)> on Windows \(PC\), version <b>1<\/b>\.$/)).toBeTruthy();
  });

  it("says so when the host's checks cannot be loaded", async () => {
    const { deps } = withDiagnostics({
      loadPort: async () => {
        throw new Error("Loading chunk diagnostics failed.");
      },
    });
    renderDiagnostics(deps);
    fireEvent.click(screen.getByRole("button", { name: "Run diagnostics" }));
    await screen.findByText("The diagnostics could not start.");
    expect(screen.getByText(/Loading chunk diagnostics failed\./)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Run diagnostics" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("says diagnostics are not available where the pane was given none", () => {
    renderDiagnostics(fakePane().deps);
    expect(screen.getByText("Diagnostics are not available here.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Run diagnostics" })).toBeNull();
  });

  it("speaks Chinese, and the report follows the pane's language", async () => {
    const { deps } = workbench();
    const { rerender } = renderDiagnostics(deps, "zh");
    expect(screen.getByRole("heading", { name: "诊断" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "运行诊断" }));
    await screen.findByText(/^诊断完成：/);
    expect(report().value.split("\n")[0]).toBe("AI 算力分析助手：诊断报告");
    expect(report().value).toContain("[通过] 自定义函数能计算");
    expect(screen.getByRole("button", { name: "复制报告" })).toBeTruthy();
    rerender(
      <FluentProvider theme={webLightTheme}>
        <I18nProvider value={makeI18n("en")}>
          <Diagnostics deps={deps} />
        </I18nProvider>
      </FluentProvider>
    );
    await waitFor(() => expect(report().value.split("\n")[0]).toBe("AI Compute Analyst: diagnostics report"));
  });
});
