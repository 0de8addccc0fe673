/** Numbers and sizes read from report text, as functions. */
import { defineFunction } from "./spec";
import { parseBytes, parseReportNumber } from "./parse";
import { BYTES_PER_UNIT_STEP } from "./units";

export const PARSENUM = defineFunction({
  id: "PARSENUM",
  params: [{ name: "text", kind: "any" }],
  returns: "number",
  impl: (text) => (typeof text === "boolean" ? parseReportNumber(String(text)) : parseReportNumber(text)),
});

export const PARSEBYTES = defineFunction({
  id: "PARSEBYTES",
  params: [
    { name: "text", kind: "any" },
    { name: "bytes_per_unit_step", kind: "number", default: BYTES_PER_UNIT_STEP },
  ],
  returns: "number",
  impl: (text, step: number) => (typeof text === "boolean" ? parseBytes(String(text), step) : parseBytes(text, step)),
});
