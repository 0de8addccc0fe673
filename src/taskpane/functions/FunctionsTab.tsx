/**
 * The Functions tab (issue 20, items 3 and 4): "Explain this cell", which follows the selection
 * and shows what the selected AI formula computes, step by step with numbers and sources; and
 * the function builder. The shell loads this module lazily (its default export) when the tab
 * opens. Everything outside comes through `deps.workbook` (its optional methods: a workbook
 * without one gets a pane that says what it cannot do) and `services` (metadata, Epoch AI's
 * tables, the reference's address; tests pass their own).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ReactElement } from "react";
import type { PaneDeps } from "../deps";
import type { Explanation } from "../../functions/explain";
import type { MetadataFunction } from "../../functions/localize";
import type { ActiveCell, Language, WorkbookPort } from "../../sheet/workbook";
import { quoteSheetName } from "../../sheet/plan";
import { useI18n } from "../i18n-context";
import { Builder, type EpochState } from "./Builder";
import { explainInWorkbook, usesLookups } from "./compute";
import { defaultServices, type FunctionsServices } from "./services";
import { Steps } from "./Steps";
import { ft } from "./strings";
import { useFunctionStyles } from "./styles";

export interface FunctionsTabProps {
  deps: PaneDeps;
  /** Defaults to the page's functions.json, Epoch AI's tables from the feed and help.html. */
  services?: FunctionsServices;
}

type CellState = { state: "unsupported" } | { state: "loading" } | { state: "ready"; cell: ActiveCell } | { state: "failed"; detail: string };

/** The active cell, read again whenever the selection changes (and when asked, after an insert). */
function useActiveCell(workbook: WorkbookPort): { cell: CellState; reread(): void } {
  const [cell, setCell] = useState<CellState>(workbook.getActiveCell ? { state: "loading" } : { state: "unsupported" });
  const request = useRef(0);
  const reread = useCallback(() => {
    if (!workbook.getActiveCell) return;
    const mine = ++request.current;
    workbook.getActiveCell().then(
      (c) => mine === request.current && setCell({ state: "ready", cell: c }),
      (error: unknown) => mine === request.current && setCell({ state: "failed", detail: error instanceof Error ? error.message : String(error) })
    );
  }, [workbook]);
  useEffect(() => {
    reread();
    const stop = workbook.onSelectionChanged?.(reread);
    return () => {
      request.current++;
      stop?.();
    };
  }, [workbook, reread]);
  return { cell, reread };
}

export default function FunctionsTab({ deps, services: given }: FunctionsTabProps): ReactElement {
  const { language } = useI18n();
  const styles = useFunctionStyles();
  const services = useMemo(() => given ?? defaultServices(), [given]);
  const workbook = deps.workbook;
  const { cell, reread } = useActiveCell(workbook);

  const [epoch, setEpoch] = useState<EpochState>({ state: "loading", version: 0 });
  useEffect(() => {
    let live = true;
    services.loadEpoch().then(
      (problem) =>
        live && setEpoch((e) => (problem === null ? { state: "ready", version: e.version + 1 } : { state: "failed", version: e.version + 1, detail: problem })),
      (error: unknown) => live && setEpoch((e) => ({ state: "failed", version: e.version + 1, detail: error instanceof Error ? error.message : String(error) }))
    );
    return () => {
      live = false;
    };
  }, [services]);

  const [metadata, setMetadata] = useState<{ map: ReadonlyMap<string, MetadataFunction> | null; failed?: string }>({ map: null });
  useEffect(() => {
    let live = true;
    services.loadMetadata().then(
      (m) => live && setMetadata({ map: new Map(m.functions.map((f) => [f.id, f])) }),
      (error: unknown) => live && setMetadata({ map: null, failed: error instanceof Error ? error.message : String(error) })
    );
    return () => {
      live = false;
    };
  }, [services]);

  const active = cell.state === "ready" ? cell.cell : null;
  return (
    <div style={styles.tab}>
      <section style={styles.section} aria-labelledby="functions-explain-heading">
        <h2 id="functions-explain-heading" style={styles.heading}>
          {ft(language, "explainHeading")}
        </h2>
        <ExplainCell workbook={workbook} cell={cell} language={language} epoch={epoch} />
      </section>
      <section style={styles.section} aria-labelledby="functions-builder-heading">
        <h2 id="functions-builder-heading" style={styles.heading}>
          {ft(language, "builderHeading")}
        </h2>
        {metadata.failed && language === "en" ? <p style={styles.muted}>{ft(language, "descriptionsFailed", { detail: metadata.failed })}</p> : null}
        <Builder workbook={workbook} cell={active} language={language} metadata={metadata.map} epoch={epoch} onInserted={reread} />
        <p style={styles.text}>
          <a style={styles.link} href={services.helpUrl} target="_blank" rel="noopener noreferrer">
            {ft(language, "reference")}
          </a>{" "}
          <span style={styles.muted}>{ft(language, "referenceHint")}</span>
        </p>
      </section>
    </div>
  );
}

/** What the selected cell computes, or why there is nothing to explain. */
function ExplainCell({ workbook, cell, language, epoch }: { workbook: WorkbookPort; cell: CellState; language: Language; epoch: EpochState }) {
  const styles = useFunctionStyles();
  const [explanation, setExplanation] = useState<Explanation | null>(null);
  const request = useRef(0);
  const c = cell.state === "ready" ? cell.cell : null;
  const element = c && c.spill !== null && c.spill !== "unknown" ? { row: c.spill.row, col: c.spill.col } : undefined;

  useEffect(() => {
    const mine = ++request.current;
    setExplanation(null);
    if (!c || c.formula === null) return;
    void explainInWorkbook(workbook, c.sheet, c.formula, language, element).then(
      (e) => mine === request.current && setExplanation(e),
      (error: unknown) => mine === request.current && setExplanation({ kind: "unreadable", reason: error instanceof Error ? error.message : String(error) })
    );
    // element follows from c
  }, [c, workbook, language, epoch.version]);

  if (cell.state === "unsupported") return <p style={styles.muted}>{ft(language, "noActiveCell")}</p>;
  if (cell.state === "loading") return <p style={styles.muted}>{ft(language, "readingCell")}</p>;
  if (cell.state === "failed")
    return (
      <p style={styles.error}>
        {ft(language, "cellFailed")} {cell.detail}
      </p>
    );
  const at = `${quoteSheetName(cell.cell.sheet)}!${cell.cell.address}`;
  const where =
    cell.cell.spill !== null && cell.cell.spill !== "unknown"
      ? ft(language, "spilledFrom", { cell: at, row: cell.cell.spill.row + 1, col: cell.cell.spill.col + 1, anchor: cell.cell.spill.anchor })
      : ft(language, "cellLabel", { cell: at });
  if (cell.cell.formula === null) {
    const v = cell.cell.value;
    if (cell.cell.spill === "unknown" && v !== null && v !== "") return <p style={styles.muted}>{ft(language, "spillUnknown", { cell: at })}</p>;
    return <p style={styles.muted}>{ft(language, v === null || v === "" ? "emptyCell" : "constantCell", { cell: at })}</p>;
  }
  const formula = cell.cell.formula;
  return (
    <div style={styles.section} aria-live="polite">
      <p style={styles.text}>{where}</p>
      <p style={styles.formula} aria-label={ft(language, "formulaLabel")}>
        {formula}
      </p>
      {explanation === null ? <p style={styles.muted}>{ft(language, "readingCell")}</p> : null}
      {explanation?.kind === "noAi" ? <p style={styles.muted}>{ft(language, "noAi", { cell: at, formula })}</p> : null}
      {explanation?.kind === "unreadable" ? <p style={styles.error}>{ft(language, "unreadable", { cell: at, reason: explanation.reason })}</p> : null}
      {explanation?.kind === "explained" ? (
        <>
          {explanation.element && explanation.size ? (
            <p style={styles.muted}>
              {ft(language, "elementNote", {
                row: explanation.element.row + 1,
                col: explanation.element.col + 1,
                rows: explanation.size.rows,
                cols: explanation.size.cols,
              })}
            </p>
          ) : null}
          <Steps explanation={explanation} language={language} />
          <p style={styles.numbers}>{ft(language, "value", { shown: explanation.shown || "?" })}</p>
          <Mismatch cell={cell.cell} explanation={explanation} language={language} />
          {explanation.notes.map((n) => (
            <p key={n} style={styles.muted}>
              {n}
            </p>
          ))}
          {epoch.state === "loading" && usesLookups(formula) ? <p style={styles.muted}>{ft(language, "pickerLoading")}</p> : null}
        </>
      ) : null}
    </div>
  );
}

/** Says so when the cell shows another value than the one computed here (data loaded by Excel and by the pane can differ). */
function Mismatch({ cell, explanation, language }: { cell: ActiveCell; explanation: Extract<Explanation, { kind: "explained" }>; language: Language }) {
  const styles = useFunctionStyles();
  const v = cell.value;
  const shown = v !== null && typeof v === "object" ? v.error : v;
  if (explanation.value === null || shown === null || shown === "#BUSY!" || shown === "#GETTING_DATA") return null;
  const computed = explanation.value;
  const same =
    typeof shown === "number" && typeof computed === "number"
      ? Math.abs(shown - computed) <= 1e-9 * Math.max(Math.abs(shown), Math.abs(computed))
      : String(shown) === explanation.shown;
  if (same) return null;
  return <p style={styles.muted}>{ft(language, "cellShows", { shown: String(shown), computed: explanation.shown })}</p>;
}
