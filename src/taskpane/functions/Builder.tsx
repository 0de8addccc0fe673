/**
 * The function builder (issue 20, item 3): the 21 functions by category, searchable in both
 * languages (a combobox over a listbox); the chosen function's description and arguments from
 * the same metadata Excel shows; each argument typed, taken from the selection, or picked from
 * every name the lookups know; the result computed live by the same runner as the cell's, errors
 * as the cell would show them; and Insert into the active cell.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import {
  argumentExpression,
  argumentProblem,
  CATEGORY_TITLES,
  composeFormula,
  FUNCTION_ENTRIES,
  functionsByCategory,
  missingArgument,
  nameChoices,
  pickerFor,
  searchFunctions,
  type FunctionEntry,
  type NameChoice,
} from "../../functions/builder";
import { RESULT_DISPLAY } from "../../functions/display";
import { shownValue, type Explanation } from "../../functions/explain";
import type { MetadataFunction } from "../../functions/localize";
import { ZH_CN } from "../../functions/zh-CN";
import { quoteSheetName } from "../../sheet/plan";
import type { ActiveCell, Language, WorkbookPort } from "../../sheet/workbook";
import { explainInWorkbook } from "./compute";
import { NamePicker } from "./NamePicker";
import { Steps } from "./Steps";
import { ft } from "./strings";
import { merge, useFunctionStyles, Button } from "./styles";

/** Epoch AI's tables: loading, loaded (a new `version` each time they change), or why not. */
export type EpochState = { state: "loading"; version: number } | { state: "ready"; version: number } | { state: "failed"; version: number; detail: string };

export interface BuilderProps {
  workbook: WorkbookPort;
  /** The active cell (where Insert writes, and the sheet references are read on). */
  cell: ActiveCell | null;
  language: Language;
  /** functions.json by id (English descriptions), null while loading or when it failed. */
  metadata: ReadonlyMap<string, MetadataFunction> | null;
  epoch: EpochState;
  /** After an insert (the pane reads the active cell again). */
  onInserted(): void;
}

/** An argument as the analyst gave it; `ref` when it came from the selection (sheet-qualified when inserted on another sheet). */
interface Arg {
  text: string;
  ref?: { sheet: string; address: string };
}

type Live = { kind: "idle"; message: string } | { kind: "computing" } | { kind: "done"; explanation: Explanation };

export function Builder({ workbook, cell, language, metadata, epoch, onInserted }: BuilderProps) {
  const styles = useFunctionStyles();
  const id = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);
  const [args, setArgs] = useState<Arg[]>([]);
  const [picker, setPicker] = useState<number | null>(null);
  const [live, setLive] = useState<Live>({ kind: "idle", message: "" });
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const english = useMemo(
    () => new Map([...(metadata ?? new Map<string, MetadataFunction>()).entries()].map(([k, f]) => [k, f.description ?? ""])),
    [metadata]
  );
  const found = useMemo(() => searchFunctions(query, english), [query, english]);
  const groups = useMemo(() => functionsByCategory(found, query.trim() !== ""), [found, query]);
  const flat = useMemo(() => groups.flatMap((g) => g.entries), [groups]);
  const optionId = (fid: string) => `${id}fn${fid}`;
  useEffect(() => setActive(0), [query]);

  const entry = FUNCTION_ENTRIES.find((e) => e.id === chosen);
  const spec = entry?.spec;

  const choose = (e: FunctionEntry) => {
    setChosen(e.id);
    setArgs(e.spec.params.map(() => ({ text: "" })));
    setPicker(null);
    setStatus(null);
  };

  const onListKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, flat.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (flat[active]) choose(flat[active]);
    }
  };
  useEffect(() => {
    if (flat[active]) document.getElementById(optionId(flat[active].id))?.scrollIntoView?.({ block: "nearest" });
  });

  // The formula the arguments make, sheet-qualifying a selection taken on another sheet than the active cell's.
  const expressions = spec
    ? spec.params.map((p, i) => {
        const a = args[i] ?? { text: "" };
        const base = argumentExpression(p, a.text);
        if (a.ref && cell && a.ref.sheet !== cell.sheet && base === a.ref.address) return `${quoteSheetName(a.ref.sheet)}!${a.ref.address}`;
        return base;
      })
    : [];
  const problems = spec ? spec.params.map((p, i) => ({ name: p.name, problem: argumentProblem(expressions[i]) })).filter((x) => x.problem !== null) : [];
  const missing = spec ? missingArgument(spec, expressions) : null;
  const formula = spec ? composeFormula(spec.id, expressions) : "";
  const complete = spec !== undefined && problems.length === 0 && missing === null;

  // The live result: the formula explained on the active cell's sheet, a moment after the last keystroke.
  const request = useRef(0);
  useEffect(() => {
    const mine = ++request.current;
    if (!spec) return;
    if (problems.length > 0) {
      setLive({ kind: "idle", message: problems.map((p) => ft(language, "argProblem", { name: p.name, problem: p.problem ?? "" })).join(" ") });
      return;
    }
    if (missing) {
      setLive({ kind: "idle", message: ft(language, "missing", { name: missing.name }) });
      return;
    }
    setLive({ kind: "computing" });
    const timer = setTimeout(() => {
      void explainInWorkbook(workbook, cell?.sheet ?? "", formula, language).then(
        (explanation) => mine === request.current && setLive({ kind: "done", explanation }),
        (error: unknown) => mine === request.current && setLive({ kind: "idle", message: error instanceof Error ? error.message : String(error) })
      );
    }, 150);
    return () => clearTimeout(timer);
    // problems and missing follow from formula, so they are not dependencies of their own.
  }, [formula, cell?.sheet, language, epoch.version, workbook]);

  const [choices, setChoices] = useState<{ kind: "model" | "chip"; version: number; list: NameChoice[] } | null>(null);
  const pickerKind = spec && picker !== null ? pickerFor(spec.id, spec.params[picker])?.kind : undefined;
  useEffect(() => {
    if (pickerKind && (choices?.kind !== pickerKind || choices.version !== epoch.version))
      setChoices({ kind: pickerKind, version: epoch.version, list: nameChoices(pickerKind) });
  }, [pickerKind, epoch.version, choices]);

  const setArg = (i: number, a: Arg) => setArgs((old) => old.map((x, j) => (j === i ? a : x)));

  const useSelection = async (i: number) => {
    if (!workbook.getActiveCell || !spec) return;
    try {
      const c = await workbook.getActiveCell();
      const p = spec.params[i];
      setArg(i, { text: p.kind === "text" || p.kind === "any" ? `=${c.selection}` : c.selection, ref: { sheet: c.sheet, address: c.selection } });
    } catch (error) {
      setStatus({ ok: false, text: ft(language, "insertFailed", { detail: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const insert = async () => {
    if (!workbook.setActiveCellFormula || !complete) return;
    setBusy(true);
    try {
      const r = await workbook.setActiveCellFormula(formula);
      setStatus({ ok: true, text: ft(language, "inserted", { formula, cell: `${quoteSheetName(r.sheet)}!${r.address}`, shown: shownOf(r.value) }) });
      onInserted();
    } catch (error) {
      setStatus({ ok: false, text: ft(language, "insertFailed", { detail: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  };

  const listId = `${id}list`;
  const meta = spec ? metadata?.get(spec.id) : undefined;
  const description = spec ? (language === "zh" ? ZH_CN[spec.id]?.description : meta?.description) : undefined;

  return (
    <>
      <input
        style={styles.input}
        role="combobox"
        aria-label={ft(language, "searchFunctions")}
        aria-describedby={`${id}hint`}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={flat[active] ? optionId(flat[active].id) : undefined}
        placeholder={ft(language, "searchHint")}
        value={query}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onListKey}
      />
      <p id={`${id}hint`} style={styles.muted}>
        {ft(language, "searchHint")}
      </p>
      <div id={listId} role="listbox" aria-label={ft(language, "functionList")} style={styles.list}>
        {groups.map((g) => (
          <div key={g.category} role="group" aria-labelledby={`${id}cat${g.category}`}>
            <div id={`${id}cat${g.category}`} role="presentation" style={styles.groupLabel}>
              {CATEGORY_TITLES[g.category][language]}
            </div>
            {g.entries.map((e) => (
              <div
                key={e.id}
                id={optionId(e.id)}
                role="option"
                aria-selected={e.id === chosen}
                style={merge(styles.option, flat[active]?.id === e.id && styles.optionActive, e.id === chosen && styles.optionSelected)}
                onMouseDown={(ev) => ev.preventDefault()}
                onClick={() => {
                  setActive(flat.indexOf(e));
                  choose(e);
                }}
              >
                <span style={styles.code}>AI.{e.id}</span>
                <span style={styles.optionDetail}>{RESULT_DISPLAY[e.id]?.label[language]}</span>
              </div>
            ))}
          </div>
        ))}
      </div>
      {flat.length === 0 ? <p style={styles.muted}>{ft(language, "noFunctions", { query })}</p> : null}

      {spec && entry ? (
        <section style={styles.section} aria-labelledby={`${id}chosen`}>
          <h3 id={`${id}chosen`} style={styles.stepTitle}>
            <code style={styles.code}>{entry.signature}</code>
          </h3>
          {description ? <p style={styles.text}>{description}</p> : null}
          {spec.params.map((p, i) => {
            const a = args[i] ?? { text: "" };
            const pick = pickerFor(spec.id, p);
            const descId = `${id}arg${i}desc`;
            const argDescription = language === "zh" ? ZH_CN[spec.id]?.params[p.name] : meta?.parameters.find((x) => x.name === p.name)?.description;
            const fallback = p.kind === "any" ? undefined : p.default;
            const hint = p.kind === "text" || p.kind === "any" ? "textHint" : p.kind === "boolean" ? "booleanHint" : "otherHint";
            return (
              <div key={p.name} style={styles.arg}>
                <label htmlFor={`${id}arg${i}`} style={styles.argLabel}>
                  <span style={styles.code}>{p.name}</span>{" "}
                  <span style={styles.optionDetail}>
                    ({fallback !== undefined ? ft(language, "optional", { value: shownValue(fallback) }) : ft(language, "required")})
                  </span>
                </label>
                <p id={descId} style={styles.muted}>
                  {argDescription ? `${argDescription} ` : ""}
                  {ft(language, hint)}
                </p>
                <input
                  id={`${id}arg${i}`}
                  style={styles.input}
                  aria-describedby={descId}
                  value={a.text}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => setArg(i, { text: e.currentTarget.value })}
                />
                <div style={styles.row}>
                  {workbook.getActiveCell ? (
                    <Button small aria-label={ft(language, "useSelectionFor", { name: p.name })} onClick={() => void useSelection(i)}>
                      {ft(language, "useSelection")}
                    </Button>
                  ) : null}
                  {pick ? (
                    <Button
                      small
                      aria-expanded={picker === i}
                      aria-label={ft(language, "pickFor", { what: ft(language, pick.kind === "chip" ? "pickChip" : "pickModel"), name: p.name })}
                      onClick={() => setPicker(picker === i ? null : i)}
                    >
                      {ft(language, pick.kind === "chip" ? "pickChip" : "pickModel")}
                    </Button>
                  ) : null}
                </div>
                {pick && picker === i && choices?.kind === pick.kind ? (
                  <NamePicker
                    label={ft(language, "pickFor", { what: ft(language, pick.kind === "chip" ? "pickChip" : "pickModel"), name: p.name })}
                    choices={choices.list}
                    loading={epoch.state === "loading"}
                    language={language}
                    onPick={(name) => {
                      setArg(i, { text: p.kind === "text" ? name : `=${pick.expression(name)}` });
                      setPicker(null);
                      document.getElementById(`${id}arg${i}`)?.focus();
                    }}
                    onClose={() => setPicker(null)}
                  />
                ) : null}
              </div>
            );
          })}
          {epoch.state === "failed" ? <p style={styles.muted}>{ft(language, "epochFailed", { detail: epoch.detail })}</p> : null}

          <p style={styles.argLabel}>{ft(language, "formulaPreview")}</p>
          <p style={styles.formula} aria-label={ft(language, "formulaPreview")}>
            {formula}
          </p>
          <div aria-live="polite" style={styles.section} aria-label={ft(language, "liveResult")}>
            {live.kind === "computing" ? <p style={styles.muted}>{ft(language, "computing")}</p> : null}
            {live.kind === "idle" && live.message ? <p style={styles.muted}>{live.message}</p> : null}
            {live.kind === "done" && live.explanation.kind === "explained" ? (
              <>
                <p style={styles.numbers}>
                  {ft(language, "liveResult")}: {live.explanation.shown || "?"}
                </p>
                <Steps explanation={live.explanation} language={language} />
                {live.explanation.notes.map((n) => (
                  <p key={n} style={styles.muted}>
                    {n}
                  </p>
                ))}
              </>
            ) : null}
            {live.kind === "done" && live.explanation.kind === "unreadable" ? <p style={styles.error}>{live.explanation.reason}</p> : null}
          </div>
          <Button primary disabled={!complete || busy || !workbook.setActiveCellFormula} onClick={() => void insert()}>
            {cell ? ft(language, "insertInto", { cell: cell.address }) : ft(language, "insertNoCell")}
          </Button>
          {!workbook.setActiveCellFormula ? <p style={styles.muted}>{ft(language, "insertNoMethod")}</p> : null}
          <div role="status" aria-live="polite">
            {status ? <p style={status.ok ? styles.text : styles.error}>{status.text}</p> : null}
          </div>
        </section>
      ) : null}
    </>
  );
}

function shownOf(v: ActiveCell["value"]): string {
  if (v !== null && typeof v === "object") return v.error;
  return shownValue(v);
}
