/** The pane's current language and translator, for every component below App. */
import { createContext, useContext } from "react";
import type { Language } from "../sheet/workbook";
import type { MessageKey, MessageParams } from "./i18n";
import { t as translate } from "./i18n";

export interface I18n {
  language: Language;
  t(key: MessageKey, params?: MessageParams): string;
}

export function makeI18n(language: Language): I18n {
  return { language, t: (key, params) => translate(language, key, params) };
}

const I18nContext = createContext<I18n>(makeI18n("en"));

export const I18nProvider = I18nContext.Provider;

export function useI18n(): I18n {
  return useContext(I18nContext);
}
