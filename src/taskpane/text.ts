/**
 * Strings of a feature folder (shell/, data/, models/, share/, settings/): each folder keeps its
 * own table, in English and Chinese, typed by the English keys, with the same rules as i18n.ts
 * (tests/taskpane/i18n.test.ts checks every table the same way). This is the hook that reads one
 * in the pane's current language.
 */
import type { Language } from "../sheet/workbook";
import { fill, type MessageParams } from "./i18n";
import { useI18n } from "./i18n-context";

/** A folder's strings: one table per language, the same keys in each. */
export type StringTable<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

/** A folder's translator: the string `key` in the pane's language, its {name}s filled as plain text. */
export type TextFn<K extends string> = (key: K, params?: MessageParams) => string;

export function textOf<K extends string>(table: StringTable<K>, language: Language): TextFn<K> {
  return (key, params) => fill(table[language][key], params);
}

/** The translator of `table` in the pane's current language. */
export function useText<K extends string>(table: StringTable<K>): TextFn<K> {
  return textOf(table, useI18n().language);
}
