/**
 * A searchable list of every name a lookup knows (AI.MODEL's ≈1,900 models, AI.CHIP's chips),
 * aliases included: a combobox (the search box) controlling a listbox, keyboard operable
 * (↑ ↓ to move, Enter to pick, Escape to close). At most MAX_SHOWN options are rendered: the
 * search narrows them (filtering 2,000 names per keystroke is plain JS work).
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { searchNames, type NameChoice } from "../../functions/builder";
import type { Language } from "../../sheet/workbook";
import { ft } from "./strings";
import { Button, merge, useFunctionStyles } from "./styles";

export const MAX_SHOWN = 50;

export interface NamePickerProps {
  /** The picker's name, e.g. "Pick a chip for peak_flops_per_chip". */
  label: string;
  choices: readonly NameChoice[];
  /** Epoch AI's tables are still loading (the list grows when they arrive). */
  loading: boolean;
  language: Language;
  onPick(name: string): void;
  onClose(): void;
}

export function NamePicker({ label, choices, loading, language, onPick, onClose }: NamePickerProps) {
  const styles = useFunctionStyles();
  const id = useId();
  const listId = `${id}list`;
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => searchNames(choices, query), [choices, query]);
  const shown = matches.slice(0, MAX_SHOWN);
  const optionId = (i: number) => `${id}option${i}`;

  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: "nearest" });
  });

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, shown.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (shown[active]) onPick(shown[active].label);
    } else if (e.key === "Escape") {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <div style={styles.picker} role="group" aria-label={label}>
      <input
        ref={input}
        style={styles.input}
        role="combobox"
        aria-label={ft(language, "pickerSearch", { count: choices.length.toLocaleString("en-US") })}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? optionId(active) : undefined}
        value={query}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKey}
      />
      <ul id={listId} role="listbox" aria-label={ft(language, "pickerList")} style={styles.list}>
        {shown.map((c, i) => (
          <li
            key={`${c.datasetId}#${c.row}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            style={merge(styles.option, i === active && styles.optionActive)}
            // Keep the focus in the search box (the combobox pattern), then pick.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(c.label)}
          >
            <span>{c.label}</span>
            <span style={styles.optionDetail}>{[c.datasetId, ...c.aliases.slice(0, 3)].join(" · ")}</span>
          </li>
        ))}
      </ul>
      <p style={styles.muted} aria-live="polite">
        {matches.length === 0
          ? ft(language, "pickerNone", { query })
          : matches.length > shown.length
            ? ft(language, "pickerMore", { shown: shown.length, total: matches.length.toLocaleString("en-US") })
            : ""}
        {loading ? ` ${ft(language, "pickerLoading")}` : ""}
      </p>
      <Button small subtle onClick={onClose}>
        {ft(language, "close")}
      </Button>
    </div>
  );
}
