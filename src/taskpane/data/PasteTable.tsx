/**
 * "Paste a table" on the Data tab (issue 22): a text box for a table copied out of a report's
 * PDF, a preview grid showing each column's type and unit (both can be changed) and the cells
 * the importer flagged, each flag to accept or reject, then an insert as a real Excel table
 * through the workbook's insertDataset (the same plan and one-sync insert as a feed dataset),
 * on a new sheet or at the selected cell. The shell loads this module lazily (default export).
 *
 * The importer (src/import) is pure: the pane keeps the text, the decisions and the overrides,
 * and reads the text again whenever one changes, so the grid always shows what will be inserted.
 */
import { useMemo, useState } from "react";
import type { ReactElement } from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { datasetColumn, IMPORT_COLUMN_TYPES, importTable, toDataset, TYPE_NAMES } from "../../import";
import type { ColumnOverride, ImportColumn, ImportColumnType, ImportedTable, ImportFlag } from "../../import";
import type { InsertResult, Language } from "../../sheet/workbook";
import type { PaneDeps } from "../deps";
import { thrownMessage, type ShownError } from "../errors";
import { formatCell, isNumericColumn } from "../format";
import { useI18n } from "../i18n-context";
import { ErrorBox, Note } from "../components/ErrorBox";
import { Field, ProgressBar, RadioGroup } from "../components/controls";
import { pt, type PasteKey } from "./paste-i18n";

export interface PasteTableProps {
  deps: PaneDeps;
  /** Called after a table was inserted, so the shell reloads the list of inserted tables. */
  onInserted(): void;
}

/** Rows the preview shows (the insert takes them all). */
export const PREVIEW_ROWS = 30;

/** Unit labels offered per type, besides the detected one (a label: numbers are already in base units). */
const UNIT_CHOICES: Readonly<Partial<Record<ImportColumnType, readonly string[]>>> = {
  number: ["", "FLOP", "FLOP/s", "tokens", "USD", "元"],
  count: ["", "个", "parameters", "tokens"],
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, overflowWrap: "anywhere" },
  muted: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  textarea: {
    boxSizing: "border-box",
    width: "100%",
    minHeight: "8em",
    resize: "vertical",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  scroller: {
    maxWidth: "100%",
    maxHeight: "28em",
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, whiteSpace: "nowrap" },
  caption: {
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground3,
    whiteSpace: "normal",
  },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "start",
    maxWidth: "16em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  head: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  // The column names stay in view while the rows scroll under them.
  sticky: { position: "sticky", top: 0, zIndex: 1 },
  line: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  numeric: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  flagged: { backgroundColor: tokens.colorPaletteYellowBackground2, outline: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}` },
  repaired: { backgroundColor: tokens.colorNeutralBackground4 },
  select: { fontSize: tokens.fontSizeBase200, maxWidth: "12em" },
  flags: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  flag: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteYellowBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  decided: { borderLeftColor: tokens.colorNeutralStroke1 },
  where: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  details: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold },
});

/** The order of the flags to review, by kind. */
const REVIEW_ORDER: readonly ImportFlag["kind"][] = ["magnitude", "splitNumber", "join", "cellCount", "unreadable", "ocr", "glyph", "spacing"];

type Status = { kind: "idle" } | { kind: "inserting" } | { kind: "inserted"; result: InsertResult } | { kind: "failed"; error: ShownError };

const flagKey = (row: number | null, column: number | null): string => `${row}:${column}`;

/** Where a flag is, for its list item and its buttons' names. */
function flagWhere(language: Language, flag: ImportFlag, columns: readonly ImportColumn[]): string {
  const column = flag.column !== null ? columns[flag.column]?.name : undefined;
  return column ? pt(language, "flagWhereColumn", { line: flag.line, column }) : pt(language, "flagWhere", { line: flag.line });
}

export default function PasteTable({ deps, onInserted }: PasteTableProps): ReactElement {
  const { language } = useI18n();
  const styles = useStyles();
  const s = (key: PasteKey, params?: Record<string, string | number>): string => pt(language, key, params);
  const [text, setText] = useState("");
  const [readText, setReadText] = useState<string | null>(null);
  const [decisions, setDecisions] = useState<Record<string, boolean>>({});
  const [overrides, setOverrides] = useState<Record<number, ColumnOverride>>({});
  const [target, setTarget] = useState<"newSheet" | "selection">("newSheet");
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  const result = useMemo(
    () => (readText === null ? null : importTable(readText, { language, decisions, overrides })),
    [readText, language, decisions, overrides]
  );
  const table = result?.ok ? result.table : null;
  const busy = status.kind === "inserting";
  const stale = readText !== null && text !== readText;

  const read = () => {
    setReadText(text);
    setDecisions({});
    setOverrides({});
    setStatus({ kind: "idle" });
  };
  const clear = () => {
    setText("");
    setReadText(null);
    setDecisions({});
    setOverrides({});
    setStatus({ kind: "idle" });
  };
  const decide = (ids: readonly string[], accepted: boolean) => setDecisions((d) => ({ ...d, ...Object.fromEntries(ids.map((id) => [id, accepted])) }));
  const override = (source: number, change: ColumnOverride) => setOverrides((o) => ({ ...o, [source]: { ...o[source], ...change } }));

  const insert = async () => {
    if (!table) return;
    setStatus({ kind: "inserting" });
    try {
      const inserted = await deps.workbook.insertDataset(toDataset(table, language), { target, language, chart: false });
      setStatus({ kind: "inserted", result: inserted });
      onInserted();
    } catch (error) {
      setStatus({ kind: "failed", error: thrownMessage(language, error) });
    }
  };

  return (
    <section className={styles.root} aria-labelledby="paste-table-heading">
      <h2 id="paste-table-heading" className={styles.heading}>
        {s("heading")}
      </h2>
      <p className={styles.muted}>{s("intro")}</p>
      <Field label={s("textLabel")} hint={s("textHint")}>
        {(control) => (
          <textarea
            {...control}
            className={styles.textarea}
            value={text}
            spellCheck={false}
            wrap="off"
            onChange={(event) => setText(event.currentTarget.value)}
          />
        )}
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy || text.trim() === ""} onClick={read}>
          {s("read")}
        </Button>
        <Button disabled={busy || (text === "" && readText === null)} onClick={clear}>
          {s("clear")}
        </Button>
      </div>

      {result && !result.ok ? <ErrorBox heading={s("notRead")} message={result.reason[language]} /> : null}
      {table ? <TableReview table={table} language={language} busy={busy} onDecide={decide} onOverride={override} /> : null}
      {table ? (
        <>
          <Field group label={s("targetLabel")}>
            {(control, labelId) => (
              <RadioGroup
                aria-labelledby={labelId}
                aria-describedby={control["aria-describedby"]}
                value={target}
                options={[
                  { value: "newSheet", label: s("targetNewSheet") },
                  { value: "selection", label: s("targetSelection") },
                ]}
                onChange={(value) => setTarget(value === "selection" ? "selection" : "newSheet")}
              />
            )}
          </Field>
          {stale ? <p className={styles.muted}>{s("changed")}</p> : null}
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy || stale} onClick={() => void insert()}>
              {s("insert")}
            </Button>
          </div>
        </>
      ) : null}

      <div role="status" aria-live="polite">
        {status.kind === "inserting" ? (
          <>
            <p className={styles.text}>{s("inserting")}</p>
            <ProgressBar aria-label={s("inserting")} />
          </>
        ) : status.kind === "inserted" ? (
          <Note intent="success">
            <p className={styles.text}>{s("inserted", { table: status.result.tableName, sheet: status.result.sheetName, address: status.result.address })}</p>
          </Note>
        ) : null}
      </div>
      <div role="alert" aria-live="assertive">
        {status.kind === "failed" ? <ErrorBox heading={s("insertFailed")} message={status.error.message} detail={status.error.detail} /> : null}
      </div>
    </section>
  );
}

interface TableReviewProps {
  table: ImportedTable;
  language: Language;
  busy: boolean;
  onDecide(ids: readonly string[], accepted: boolean): void;
  onOverride(source: number, change: ColumnOverride): void;
}

/** The preview grid (types and units on top, flagged cells marked) and the flags to decide. */
function TableReview({ table, language, busy, onDecide, onOverride }: TableReviewProps): ReactElement {
  const styles = useStyles();
  const s = (key: PasteKey, params?: Record<string, string | number>): string => pt(language, key, params);
  const shownColumns = useMemo(
    () =>
      table.columns.map((c, i) =>
        datasetColumn(
          c,
          table.rows.map((r) => r[i])
        )
      ),
    [table]
  );
  // The doubts that change a value most come first: a magnitude off by orders before a glyph.
  const review = table.flags.filter((f) => !f.acceptedByDefault).sort((a, b) => REVIEW_ORDER.indexOf(a.kind) - REVIEW_ORDER.indexOf(b.kind) || a.line - b.line);
  const repairs = table.flags.filter((f) => f.acceptedByDefault);
  const byCell = useMemo(() => {
    const m = new Map<string, ImportFlag>();
    for (const f of table.flags)
      if (f.row !== null && f.column !== null && (!m.has(flagKey(f.row, f.column)) || !f.acceptedByDefault)) m.set(flagKey(f.row, f.column), f);
    return m;
  }, [table]);
  const rows = table.rows.slice(0, PREVIEW_ROWS);
  const open = review.filter((f) => !f.accepted);
  const flagId = (f: ImportFlag): string => `paste-flag-${f.id.replace(/[^A-Za-z0-9_-]/g, "-")}`;

  const flagItem = (f: ImportFlag) => {
    const where = flagWhere(language, f, table.columns);
    const label = `${where}: “${f.raw}”`;
    return (
      <li key={f.id} id={flagId(f)} className={mergeClasses(styles.flag, f.accepted || f.acceptedByDefault ? styles.decided : undefined)}>
        <p className={styles.where}>{where}</p>
        <p className={styles.text}>{f.reason[language]}</p>
        <p className={styles.text}>{s("proposal", { proposal: f.proposal[language] })}</p>
        <div className={styles.buttons}>
          <Button
            size="small"
            appearance={f.accepted ? "primary" : "secondary"}
            aria-pressed={f.accepted}
            aria-label={s("acceptAria", { flag: label })}
            disabled={busy}
            onClick={() => onDecide([f.id], true)}
          >
            {s("accept")}
          </Button>
          <Button
            size="small"
            appearance={f.accepted ? "secondary" : "primary"}
            aria-pressed={!f.accepted}
            aria-label={s("rejectAria", { flag: label })}
            disabled={busy}
            onClick={() => onDecide([f.id], false)}
          >
            {s("reject")}
          </Button>
          <span className={styles.muted}>{f.accepted ? s("accepted") : s("rejected")}</span>
        </div>
      </li>
    );
  };

  const typeSelect = (c: ImportColumn) => (
    <select
      className={styles.select}
      aria-label={s("typeAria", { column: c.name })}
      value={c.type}
      disabled={busy}
      onChange={(e) => onOverride(c.source, { type: e.currentTarget.value as ImportColumnType })}
    >
      {IMPORT_COLUMN_TYPES.map((type) => (
        <option key={type} value={type}>
          {type === c.detected.type ? s("detected", { type: TYPE_NAMES[type][language] }) : TYPE_NAMES[type][language]}
        </option>
      ))}
    </select>
  );
  const unitSelect = (c: ImportColumn) => {
    if (c.type === "bytes")
      return (
        <select
          className={styles.select}
          aria-label={s("unitAria", { column: c.name })}
          value={String(c.bytesStep ?? 1024)}
          disabled={busy}
          onChange={(e) => onOverride(c.source, { bytesStep: e.currentTarget.value === "1000" ? 1000 : 1024 })}
        >
          <option value="1024">{s("bytesBinary")}</option>
          <option value="1000">{s("bytesDecimal")}</option>
        </select>
      );
    const choices = UNIT_CHOICES[c.type];
    if (!choices) return <span className={styles.line}>—</span>;
    const options = Array.from(new Set([c.unit, c.detected.unit, ...choices]));
    return (
      <select
        className={styles.select}
        aria-label={s("unitAria", { column: c.name })}
        value={c.unit}
        disabled={busy}
        onChange={(e) => onOverride(c.source, { unit: e.currentTarget.value })}
      >
        {options.map((u) => (
          <option key={u} value={u}>
            {u === "" ? s("noUnit") : u}
          </option>
        ))}
      </select>
    );
  };

  return (
    <>
      <p className={styles.text}>
        <strong>{s("summary", { rows: table.rows.length, columns: table.columns.length })}</strong>
        {" · "}
        {review.length > 0 ? s("summaryFlags", { count: open.length }) : s("summaryNoFlags")}
      </p>
      {table.title ? <p className={styles.muted}>{s("titleLabel", { title: table.title })}</p> : null}
      {table.source.length > 0 ? <p className={styles.muted}>{s("sourceLabel", { source: table.source.join("; ") })}</p> : null}
      {/* A scrollable region must be reachable by keyboard to be scrolled without a mouse. */}
      <div className={styles.scroller} role="region" aria-label={s("previewLabel")} tabIndex={0}>
        <table className={styles.table}>
          <caption className={styles.caption}>{s("previewCaption", { shown: rows.length, rows: table.rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.cell, styles.head, styles.sticky)}>
                {s("lineHeader")}
              </th>
              {table.columns.map((c, i) => (
                <th
                  key={c.key}
                  scope="col"
                  className={mergeClasses(styles.cell, styles.head, styles.sticky, isNumericColumn(shownColumns[i]) && styles.numeric)}
                  title={c.name}
                >
                  {c.name}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="row" className={mergeClasses(styles.cell, styles.head)}>
                {s("typeRow")}
              </th>
              {table.columns.map((c) => (
                <td key={c.key} className={styles.cell}>
                  {c.role === "value" ? typeSelect(c) : <span className={styles.line}>{s("derivedColumn")}</span>}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row" className={mergeClasses(styles.cell, styles.head)}>
                {s("unitRow")}
              </th>
              {table.columns.map((c) => (
                <td key={c.key} className={styles.cell}>
                  {c.role === "value" ? unitSelect(c) : <span className={styles.line}>—</span>}
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                <th scope="row" className={mergeClasses(styles.cell, styles.line)}>
                  {table.rowLines[r].length > 1 ? `${table.rowLines[r][0]}–${table.rowLines[r][table.rowLines[r].length - 1]}` : table.rowLines[r][0]}
                </th>
                {table.columns.map((c, i) => {
                  const flag = byCell.get(flagKey(r, i));
                  const doubt = flag && !flag.acceptedByDefault && !flag.accepted;
                  return (
                    <td
                      key={c.key}
                      className={mergeClasses(
                        styles.cell,
                        isNumericColumn(shownColumns[i]) && styles.numeric,
                        doubt ? styles.flagged : flag ? styles.repaired : undefined
                      )}
                      aria-describedby={flag ? flagId(flag) : undefined}
                      title={flag ? s("flaggedCell", { reason: flag.reason[language] }) : undefined}
                      data-flag={flag ? flag.kind : undefined}
                    >
                      {doubt ? "⚠ " : ""}
                      {formatCell(row[i] ?? null, shownColumns[i])}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className={styles.subheading}>{s("flagsHeading", { count: review.length })}</h3>
      {review.length === 0 ? (
        <p className={styles.muted}>{s("flagsNone")}</p>
      ) : (
        <>
          {open.length > 1 ? (
            <div className={styles.buttons}>
              <Button
                size="small"
                disabled={busy}
                onClick={() =>
                  onDecide(
                    open.map((f) => f.id),
                    true
                  )
                }
              >
                {s("acceptAll", { count: open.length })}
              </Button>
            </div>
          ) : null}
          <ul className={styles.flags}>{review.map(flagItem)}</ul>
        </>
      )}
      {repairs.length > 0 ? (
        <details className={styles.details}>
          <summary className={styles.summary}>{s("repairsHeading", { count: repairs.length })}</summary>
          <ul className={styles.flags}>{repairs.map(flagItem)}</ul>
        </details>
      ) : null}
    </>
  );
}
