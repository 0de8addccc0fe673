/**
 * The workbench's spreadsheet, in Excel's manner: a Name Box and a Formula bar, an ARIA grid
 * whose cells carry data-address="B2" and show computed values with the plan's number formats,
 * sheet tabs, and a status line (the selected cell's error message, the last action's result).
 * Renders only the rows in view, so a 2,000-row dataset stays quick.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { CSSProperties, KeyboardEvent, ReactElement } from "react";
import { cellAddress, columnLetters, parseRangeAddress, rangeAddress, type RangeOffset } from "../sheet/plan";
import type { CellView, HfWorkbook, Selection } from "./hf-workbook";
import { formatValue } from "./format";
import { bookToXlsx, openXlsx, XLSX_MIME } from "./xlsx-io";

const ROW_H = 22;
const ROW_HEADER_W = 48;
const DEFAULT_COL_W = 96;
const MAX_AUTOFIT_W = 360;
const OVERSCAN = 12;

export interface WorkbenchProps {
  book: HfWorkbook;
  /** A line about the engine and the feed (e.g. "Epoch AI models loaded"). */
  notice?: string;
  /** Called after "Open .xlsx" replaced the workbook (the page gives the task pane a fresh start, as Excel does for an opened file). */
  onOpened?: () => void;
  /** Drawn between the toolbar and the Formula bar: the add-in's ribbon tab (RibbonStrip.tsx). */
  ribbon?: ReactElement;
}

/** The name "Download .xlsx" gives the file. */
export const DOWNLOAD_NAME = "workbench.xlsx";

/** Excel's column width in characters → pixels (Calibri 11: 7 px a character plus 5 px padding). */
const widthPx = (chars: number): number => Math.round(chars * 7 + 5);

/** The rectangle a Name Box entry writes as an A1 range ("B2:B9"), or null. */
function rangeOf(text: string): RangeOffset | null {
  try {
    return parseRangeAddress(text.trim());
  } catch {
    return null;
  }
}

/** The text a cell shows. */
export function displayText(v: CellView): string {
  switch (v.kind) {
    case "empty":
      return "";
    case "error":
      return String(v.value);
    case "boolean":
      return v.value ? "TRUE" : "FALSE";
    case "text":
    case "number":
      return formatValue(v.value as string | number, v.numberFormat);
  }
}

function alignOf(v: CellView): CSSProperties["textAlign"] {
  if (v.kind === "number") return "right";
  if (v.kind === "error" || v.kind === "boolean") return "center";
  return "left";
}

/** Excel's TableStyleMedium2: blue header with white bold text, light blue banding. */
function cellStyle(v: CellView): CSSProperties {
  const s: CSSProperties = { textAlign: alignOf(v) };
  if (v.tablePart === "header") {
    s.backgroundColor = "#4472C4";
    s.color = "#FFFFFF";
    s.fontWeight = 600;
  } else if (v.tablePart === "odd") s.backgroundColor = "#D9E1F2";
  if (v.style?.fillColor) s.backgroundColor = v.style.fillColor;
  if (v.style?.fontColor && v.tablePart !== "header") s.color = v.style.fontColor;
  if (v.style?.bold) s.fontWeight = 600;
  if (v.style?.italic) s.fontStyle = "italic";
  if (v.kind === "error") s.color = "#C00000";
  return s;
}

function useBookVersion(book: HfWorkbook): number {
  return useSyncExternalStore(
    (cb) => book.subscribe(cb),
    () => book.version
  );
}

export function Workbench({ book, notice, onOpened, ribbon }: WorkbenchProps): ReactElement {
  const version = useBookVersion(book);
  const sel = book.selection;
  const sheet = book.activeSheet;
  // Hidden and very hidden sheets (a file's, the add-in's own) get no tab, as in Excel.
  const sheets = book.sheets().filter((s) => book.sheetVisibility(s.id) === "visible");
  const address = cellAddress(sel);
  const selected = book.cellView(sel.sheet, sel.row, sel.col);

  const [editing, setEditingState] = useState(false);
  // A ref as well: focus and blur handlers run before React re-renders with the new state.
  const editingRef = useRef(false);
  const setEditing = (v: boolean): void => {
    editingRef.current = v;
    setEditingState(v);
  };
  const [draft, setDraft] = useState("");
  const editTarget = useRef<Selection>(sel);
  const [nameDraft, setNameDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string>("");

  const scroller = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileBusy, setFileBusy] = useState(false);
  const formulaBar = useRef<HTMLInputElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  /** After a selection made from the keyboard, the Name Box or a commit: bring the cell into view and focus it. */
  const pendingFocus = useRef(false);

  const extent = book.extent(sheet);
  const rows = Math.max(extent.rows + 30, 60, sel.row + 10);
  const cols = Math.min(Math.max(extent.cols + 4, 14, sel.col + 3), 16_384);

  const widths = useMemo(() => {
    const out: number[] = Array.from({ length: cols }, () => DEFAULT_COL_W);
    // Widths an opened file gave, then the plans' autofit ranges.
    for (const [c, w] of book.columnWidths(sheet)) if (c < cols) out[c] = Math.min(MAX_AUTOFIT_W, widthPx(w));
    for (const r of book.autofitRanges(sheet)) {
      for (let c = r.col; c < Math.min(cols, r.col + r.cols); c++) {
        let longest = 4;
        for (let row = r.row; row < Math.min(r.row + r.rows, r.row + 400); row++) {
          longest = Math.max(longest, displayText(book.cellView(sheet, row, c)).length);
        }
        out[c] = Math.min(MAX_AUTOFIT_W, Math.max(56, longest * 7.2 + 14));
      }
    }
    return out;
    // version: widths follow the content
  }, [book, sheet, cols, version]);

  // Keep the selected row rendered: scroll vertically to it when it leaves the view.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !pendingFocus.current) return;
    const top = sel.row * ROW_H;
    const visible = el.clientHeight - ROW_H * 2;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top > el.scrollTop + visible) el.scrollTop = Math.max(0, top - visible);
    setView({ top: el.scrollTop, height: el.clientHeight });
  }, [sel.sheet, sel.row, sel.col, version]);

  useEffect(() => {
    if (!pendingFocus.current) return;
    const td = scroller.current?.querySelector<HTMLElement>(`[data-address="${address}"]`);
    if (!td) return;
    td.scrollIntoView({ block: "nearest", inline: "nearest" });
    td.focus({ preventScroll: true });
    pendingFocus.current = false;
  });

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const go = (s: Selection, focus = true): void => {
    pendingFocus.current = focus;
    setEditing(false);
    book.select(s.sheet, Math.min(Math.max(0, s.row), 99_999), Math.min(Math.max(0, s.col), 16_383));
  };

  const startEdit = (initial?: string): void => {
    editTarget.current = { ...book.selection };
    setDraft(initial ?? book.editText(sel.sheet, sel.row, sel.col));
    setEditing(true);
    formulaBar.current?.focus();
  };

  /** Writes the formula bar into the cell being edited, then selects the next cell (Excel: Enter moves down). */
  const commit = (move: "down" | "right" | "none", then?: Selection, focus = true): void => {
    const t = editTarget.current;
    setEditing(false);
    const problem = book.input(t.sheet, t.row, t.col, draft);
    setMessage(problem ? `${cellAddress(t)}: ${problem}` : "");
    const next = then ?? (move === "down" ? { ...t, row: t.row + 1 } : move === "right" ? { ...t, col: t.col + 1 } : t);
    go(next, focus);
  };

  const onGridKey = (e: KeyboardEvent<HTMLElement>): void => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [e.shiftKey ? -1 : 1, 0],
      Tab: [0, e.shiftKey ? -1 : 1],
    };
    const m = moves[e.key];
    if (m && e.shiftKey && e.key.startsWith("Arrow")) {
      // Shift+arrow extends the selection from the active cell, as in Excel.
      e.preventDefault();
      const r = book.selectedRange();
      const far = { row: r.row === sel.row ? r.row + r.rows - 1 : r.row, col: r.col === sel.col ? r.col + r.cols - 1 : r.col };
      book.extendSelection(far.row + m[0], far.col + m[1]);
      return;
    }
    if (m) {
      e.preventDefault();
      go({ sheet: sel.sheet, row: sel.row + m[0], col: sel.col + m[1] });
      return;
    }
    if (e.key === "F2") {
      e.preventDefault();
      startEdit();
      return;
    }
    if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      book.input(sel.sheet, sel.row, sel.col, "");
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(e.key);
    }
  };

  const onNameKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === "Escape") {
      setNameDraft(null);
      go(sel);
      return;
    }
    if (e.key !== "Enter") return;
    e.preventDefault();
    const text = nameDraft ?? address;
    const target = book.resolve(text);
    setNameDraft(null);
    if (!target) {
      setMessage(`Name Box: “${text}” is not a cell address, a defined name or a table.`);
      return;
    }
    setMessage("");
    go(target);
    // A range ("B2:B9") is selected whole, its first cell active.
    const range = rangeOf(text);
    if (range && (range.rows > 1 || range.cols > 1)) book.extendSelection(range.row + range.rows - 1, range.col + range.cols - 1);
  };

  const onFormulaKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === "Enter") {
      e.preventDefault();
      commit(e.shiftKey ? "none" : "down");
    } else if (e.key === "Tab") {
      e.preventDefault();
      commit("right");
    } else if (e.key === "Escape") {
      e.preventDefault();
      setEditing(false);
      go(editTarget.current);
    }
  };

  // Rows in view only.
  const first = Math.max(0, Math.floor(view.top / ROW_H) - OVERSCAN);
  const last = Math.min(rows, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  const colIdx = Array.from({ length: cols }, (_, c) => c);
  const totalWidth = ROW_HEADER_W + widths.reduce((a, b) => a + b, 0);

  const range = book.selectedRange();
  const bodyRows: ReactElement[] = [];
  for (let r = first; r < last; r++) {
    const views = colIdx.map((c) => book.cellView(sheet, r, c));
    bodyRows.push(
      <tr key={r} role="row" aria-rowindex={r + 2} style={{ height: ROW_H }}>
        <th role="rowheader" scope="row" className={sel.row === r ? "hdr hdr-on" : "hdr"}>
          {r + 1}
        </th>
        {views.map((v, c) => {
          const a = cellAddress({ row: r, col: c });
          const isSel = sel.row === r && sel.col === c;
          const inRange = !isSel && r >= range.row && r < range.row + range.rows && c >= range.col && c < range.col + range.cols;
          const text = displayText(v);
          // Text runs over empty neighbours, as in Excel.
          const overflow = v.kind === "text" && c + 1 < cols && views[c + 1].kind === "empty" && !v.tablePart;
          return (
            <td
              key={c}
              role="gridcell"
              aria-colindex={c + 2}
              aria-selected={isSel}
              data-address={a}
              data-kind={v.kind}
              tabIndex={isSel ? 0 : -1}
              title={v.kind === "error" ? `${text}: ${v.message ?? ""}` : text.length > 12 ? text : undefined}
              className={`cell${isSel ? " cell-on" : ""}${inRange ? " cell-in" : ""}${overflow ? " cell-overflow" : ""}`}
              style={cellStyle(v)}
              onMouseDown={(e) => {
                e.preventDefault();
                if (editingRef.current) commit("none", { sheet, row: r, col: c });
                else if (e.shiftKey) book.extendSelection(r, c);
                else go({ sheet, row: r, col: c });
              }}
              onDoubleClick={() => startEdit()}
            >
              {text}
            </td>
          );
        })}
      </tr>
    );
  }

  const validation = book.validationAt(sel.sheet, sel.row, sel.col);
  const selectedText = displayText(selected);
  const cellStatus =
    selected.kind === "error"
      ? `${address}: ${selectedText} — ${selected.message ?? ""}`
      : `${address}${selected.numberFormat ? ` · ${selected.numberFormat}` : ""}${selected.kind !== "empty" ? ` · ${selectedText}` : ""}`;
  const charts = book.charts(sheet);

  /** Saves the whole workbook as an .xlsx file (ExcelJS loads on first use). */
  const download = async (): Promise<void> => {
    setFileBusy(true);
    try {
      const bytes = await bookToXlsx(book);
      const url = URL.createObjectURL(new Blob([Uint8Array.from(bytes)], { type: XLSX_MIME }));
      const link = document.createElement("a");
      link.href = url;
      link.download = DOWNLOAD_NAME;
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has the file once the click returns; revoke later so slow browsers still get it.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      const chartCount = book.sheets().reduce((n, s) => n + book.charts(s.id).length, 0);
      setMessage(
        `Saved ${DOWNLOAD_NAME} (${bytes.length.toLocaleString("en-US")} bytes)${chartCount > 0 ? `; not in the file: ${chartCount} chart(s) (ExcelJS writes none)` : ""}.`
      );
    } catch (error) {
      setMessage(`Download .xlsx failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setFileBusy(false);
    }
  };

  /** Replaces the workbook with an .xlsx file's contents. */
  const open = async (file: File): Promise<void> => {
    setFileBusy(true);
    try {
      const notices = await openXlsx(book, await file.arrayBuffer());
      setEditing(false);
      setMessage(`Opened ${file.name}${notices.length > 0 ? `; ${notices.join("; ")}` : ""}.`);
      onOpened?.();
    } catch (error) {
      setMessage(`Open .xlsx failed (${file.name}): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setFileBusy(false);
      if (fileInput.current) fileInput.current.value = "";
    }
  };

  return (
    <div className="wb-sheet">
      <div className="wb-toolbar">
        <strong className="wb-brand">Workbench</strong>
        <button type="button" className="wb-file-button" disabled={fileBusy} onClick={() => void download()}>
          Download .xlsx
        </button>
        <button type="button" className="wb-file-button" disabled={fileBusy} onClick={() => fileInput.current?.click()}>
          Open .xlsx
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Open .xlsx file"
          hidden
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void open(file);
          }}
        />
        <span className="wb-notice" data-testid="workbench-notice">
          {notice}
        </span>
      </div>
      {ribbon}
      <div className="wb-formula-row">
        <input
          className="wb-namebox"
          aria-label="Name Box"
          value={nameDraft ?? address}
          onFocus={(e) => {
            setNameDraft(address);
            e.currentTarget.select();
          }}
          onBlur={() => setNameDraft(null)}
          onChange={(e) => setNameDraft(e.target.value)}
          onKeyDown={onNameKey}
          spellCheck={false}
        />
        <span className="wb-fx" aria-hidden="true">
          fx
        </span>
        <input
          ref={formulaBar}
          className="wb-formula"
          aria-label="Formula bar"
          value={editing ? draft : book.editText(sel.sheet, sel.row, sel.col)}
          onFocus={() => {
            if (!editingRef.current) startEdit();
          }}
          onChange={(e) => {
            if (!editingRef.current) editTarget.current = { ...book.selection };
            setEditing(true);
            setDraft(e.target.value);
          }}
          onBlur={() => {
            if (!editingRef.current) return;
            const t = editTarget.current;
            if (draft !== book.editText(t.sheet, t.row, t.col)) commit("none", undefined, false);
            else setEditing(false);
          }}
          onKeyDown={onFormulaKey}
          spellCheck={false}
        />
        {validation ? (
          <select
            aria-label={`Drop-down list of ${address}`}
            value={selected.kind === "text" ? String(selected.value) : ""}
            onChange={(e) => {
              book.input(sel.sheet, sel.row, sel.col, e.target.value);
            }}
          >
            {selected.kind !== "text" || !validation.list.includes(String(selected.value)) ? <option value="">—</option> : null}
            {validation.list.map((item) => (
              <option key={item} value={item}>
                {item}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      <div
        className="wb-grid-scroll"
        ref={scroller}
        role="tabpanel"
        aria-label={book.sheetName(sheet)}
        onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      >
        <table
          role="grid"
          aria-label={`Sheet ${book.sheetName(sheet)}`}
          data-selection={rangeAddress(range)}
          aria-rowcount={rows + 1}
          aria-colcount={cols + 1}
          className="wb-grid"
          style={{ width: totalWidth }}
          onKeyDown={onGridKey}
        >
          <colgroup>
            <col style={{ width: ROW_HEADER_W }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr role="row" aria-rowindex={1}>
              <th className="hdr corner" aria-label="Select all" />
              {colIdx.map((c) => (
                <th key={c} role="columnheader" aria-colindex={c + 2} className={sel.col === c ? "hdr hdr-on" : "hdr"}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {first > 0 ? <tr aria-hidden="true" role="presentation" style={{ height: first * ROW_H }} /> : null}
            {bodyRows}
            {last < rows ? <tr aria-hidden="true" role="presentation" style={{ height: (rows - last) * ROW_H }} /> : null}
          </tbody>
        </table>
      </div>
      <div className="wb-tabs" role="tablist" aria-label="Sheets">
        {sheets.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={s.id === sheet}
            className={s.id === sheet ? "wb-tab wb-tab-on" : "wb-tab"}
            onClick={() => {
              book.activate(s.id);
              pendingFocus.current = true;
            }}
          >
            {s.name}
          </button>
        ))}
      </div>
      <div className="wb-status" role="status" aria-live="polite">
        <span id="wb-cell-status" className={selected.kind === "error" ? "wb-status-error" : undefined}>
          {cellStatus}
        </span>
        {charts.length > 0 ? (
          <span className="wb-objects">
            {charts.map((c) => `Chart “${c.title}” (${c.kind}${c.logValueAxis ? ", log scale" : ""}) at ${c.position}`).join("; ")}
          </span>
        ) : null}
        {message ? <span id="wb-message">{message}</span> : null}
      </div>
    </div>
  );
}
