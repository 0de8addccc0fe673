/**
 * Helpers shared by the dataset modules: one place for the Excel number formats analysts
 * expect (DESIGN.md, "Conventions analysts expect"), so every dataset shows a FLOP count or a
 * percentage the same way.
 */
import type { Column, ColumnType } from "./types";

/** Excel number formats by kind of value. */
export const FORMAT = {
  percent: "0.00%",
  scientific: "0.00E+00",
  count: "#,##0",
  decimal1: "#,##0.0",
  decimal2: "#,##0.00",
  general: "General",
  date: "yyyy-mm-dd",
  month: "yyyy-mm",
  text: "@",
} as const;

/** Builds a Column; `description` only when given, so goldens stay free of undefined keys. */
export function column(key: string, zh: string, en: string, type: ColumnType, unit: string, numberFormat: string, description?: string): Column {
  const c: Column = { key, header: { zh, en }, type, unit, numberFormat };
  if (description !== undefined) c.description = description;
  return c;
}

/** A text column: "@" so Excel never turns "2023-01" or "1/2" into a date. */
export const textColumn = (key: string, zh: string, en: string, description?: string): Column => column(key, zh, en, "text", "", FORMAT.text, description);

/** The broker report most datasets come from, cited the way an analyst would. */
export const REPORT_CITATION = "财通证券研究所《ChatGPT 系列之二: 全球商业化落地加速, 新一轮算力储备开启》(2023-02)";
