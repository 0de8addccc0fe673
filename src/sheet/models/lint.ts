/**
 * Checks a model plan against the conventions analysts expect (DESIGN.md): every input has a
 * unit and a note or source written beside it; inputs are blue on a light fill and formulas are
 * not; outputs are formulas, or cells a spilled formula fills; no formula hides a number (the
 * only numeric literals allowed are the row/column indices of INDEX, the match type of MATCH, the
 * digits of ROUND/ROUNDUP/ROUNDDOWN, and 1 as the unit of a rate: 1/n, x-1, 1+g);
 * every name a formula uses is defined; a spilled formula's ranges are as tall and wide as its
 * spill. Pure; used by the tests and available to the workbench.
 */
import { parseRangeAddress, planProblems, spillCovering, type CellOffset, type CellStyle, type PlanValue, type RangeOffset, type SheetPlan } from "../plan";
import { INPUT_STYLE, type ModelSheetPlan } from "./common";

type Token =
  | { kind: "string"; text: string }
  | { kind: "number"; text: string }
  | { kind: "ref"; text: string }
  | { kind: "sheet"; text: string }
  | { kind: "func"; text: string }
  | { kind: "name"; text: string }
  | { kind: "open" }
  | { kind: "close" }
  | { kind: "sep" }
  | { kind: "op"; text: string };

const CELL_REF = /^\$?[A-Za-z]{1,3}\$?\d+(?![\p{L}\p{N}_.(\\])/u;
const IDENT = /^[\p{L}_\\][\p{L}\p{N}_.\\]*/u;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

/** Splits an Excel formula (with or without its "=") into tokens. Throws on a character it cannot read. */
export function tokenizeFormula(formula: string): Token[] {
  const s = formula.startsWith("=") ? formula.slice(1) : formula;
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = /^"(?:[^"]|"")*"/.exec(rest))) {
      out.push({ kind: "string", text: m[0] });
    } else if ((m = /^'(?:[^']|'')*'!/.exec(rest))) {
      out.push({ kind: "sheet", text: m[0] });
    } else if ((m = CELL_REF.exec(rest))) {
      out.push({ kind: "ref", text: m[0] });
    } else if ((m = IDENT.exec(rest))) {
      const after = s.slice(i + m[0].length);
      if (after.startsWith("(")) out.push({ kind: "func", text: m[0].toUpperCase() });
      else if (after.startsWith("!")) {
        out.push({ kind: "sheet", text: `${m[0]}!` });
        i += m[0].length + 1;
        continue;
      } else out.push({ kind: "name", text: m[0] });
    } else if ((m = NUMBER.exec(rest))) {
      out.push({ kind: "number", text: m[0] });
    } else if (ch === "(") {
      out.push({ kind: "open" });
      m = /^\(/.exec(rest);
    } else if (ch === ")") {
      out.push({ kind: "close" });
      m = /^\)/.exec(rest);
    } else if (ch === "," || ch === ";") {
      out.push({ kind: "sep" });
      m = /^[,;]/.exec(rest);
    } else if ((m = /^(<=|>=|<>|[-+*/^&=<>:%])/.exec(rest))) {
      out.push({ kind: "op", text: m[0] });
    } else {
      throw new Error(`cannot read formula ${formula} at "${rest}"`);
    }
    i += m ? m[0].length : 1;
  }
  return out;
}

/** Functions whose argument at a position, when a bare number, says how to compute, not what: INDEX's row and column, MATCH's match type, the digits of rounding. */
const STRUCTURAL: Readonly<Record<string, (arg: number) => boolean>> = {
  INDEX: (arg) => arg >= 1,
  MATCH: (arg) => arg === 2,
  ROUND: (arg) => arg === 1,
  ROUNDUP: (arg) => arg === 1,
  ROUNDDOWN: (arg) => arg === 1,
};

/**
 * True when the literal at tokens[i] is 1 as the unit of a rate, the one in (E/S)^(1/n)-1 or
 * S*(1+g): the numerator of a division, or an operand of a binary + or -. No assumption hides there.
 */
function isRateUnit(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.kind !== "number" || Number(t.text) !== 1) return false;
  const isOp = (x: Token | undefined, ops: string): boolean => x?.kind === "op" && ops.split(" ").includes(x.text);
  const prev = tokens[i - 1];
  const beforePrev = tokens[i - 2];
  // A binary + or - has an operand before it: a value, a name, a reference or a closing parenthesis.
  const binaryBefore = isOp(prev, "+ -") && beforePrev !== undefined && ["number", "ref", "name", "close", "string"].includes(beforePrev.kind);
  if (binaryBefore) return true;
  return !isOp(prev, "+ -") && isOp(tokens[i + 1], "/ + -"); // -1+x is a negative one, not a unit
}

/**
 * The numeric literals in a formula that are not structural: everything except an argument that
 * is a bare number in INDEX's row/column positions, MATCH's match-type position or the digits of
 * ROUND/ROUNDUP/ROUNDDOWN, and 1 as the unit of a rate.
 * `=6*B2` → ["6"]; `=INDEX(T,MATCH(A1,K,0),2)` → []; `=INDEX(T,2+2)` → ["2", "2"]; `=(E/S)^(1/4)-1` → ["4"].
 */
export function numericLiterals(formula: string): string[] {
  interface Frame {
    fn: string | null;
    arg: number;
    nums: string[];
    tokens: number;
  }
  const found: string[] = [];
  const top: Frame = { fn: null, arg: 0, nums: [], tokens: 0 };
  const stack: Frame[] = [top];
  const flush = (f: Frame): void => {
    const structural = f.fn !== null && STRUCTURAL[f.fn]?.(f.arg) === true;
    if (!(structural && f.tokens === 1 && f.nums.length === 1)) found.push(...f.nums);
    f.nums = [];
    f.tokens = 0;
  };
  const tokens = tokenizeFormula(formula);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const cur = stack[stack.length - 1];
    if (t.kind === "func" || t.kind === "open") {
      cur.tokens++;
      stack.push({ fn: t.kind === "func" ? t.text : null, arg: 0, nums: [], tokens: 0 });
      if (t.kind === "func" && tokens[i + 1]?.kind === "open") i++; // the function's own "("
    } else if (t.kind === "close") {
      flush(cur);
      if (stack.length > 1) stack.pop();
    } else if (t.kind === "sep") {
      flush(cur);
      cur.arg++;
    } else {
      cur.tokens++;
      if (t.kind === "number" && !isRateUnit(tokens, i)) cur.nums.push(t.text);
    }
  }
  while (stack.length > 0) flush(stack.pop() as Frame);
  return found;
}

/** The defined names a formula uses (identifiers that are neither functions nor cell references). */
export function namesUsed(formula: string): string[] {
  return tokenizeFormula(formula)
    .filter((t): t is { kind: "name"; text: string } => t.kind === "name")
    .map((t) => t.text);
}

/** The functions a formula calls, upper-cased ("AI.TRAINDAYS", "INDEX"). */
export function functionsUsed(formula: string): string[] {
  return tokenizeFormula(formula)
    .filter((t): t is { kind: "func"; text: string } => t.kind === "func")
    .map((t) => t.text);
}

/** The ranges ("B15:B29") a formula refers to on its own sheet, as rectangles. */
export function rangesUsed(formula: string): RangeOffset[] {
  const tokens = tokenizeFormula(formula);
  const out: RangeOffset[] = [];
  tokens.forEach((t, i) => {
    const colon = tokens[i + 1];
    const end = tokens[i + 2];
    if (t.kind !== "ref" || colon?.kind !== "op" || colon.text !== ":" || end?.kind !== "ref") return;
    if (tokens[i - 1]?.kind === "sheet") return;
    out.push(parseRangeAddress(`${t.text}:${end.text}`));
  });
  return out;
}

/** What a plan writes into one cell (offsets from the origin), or undefined when nothing. */
export interface PlanCell {
  value: PlanValue;
  formula: string | null;
  format?: string;
  style?: CellStyle;
}

/** Looks a cell up in a plan's blocks and notes. Later blocks win, as an adapter writes them. */
export function planCell(plan: SheetPlan, cell: CellOffset): PlanCell | undefined {
  let found: PlanCell | undefined;
  for (const b of plan.blocks) {
    const r = cell.row - b.at.row;
    const c = cell.col - b.at.col;
    if (r < 0 || c < 0 || r >= b.values.length || c >= b.values[0].length) continue;
    const style = b.style || b.columnStyles?.[c] ? { ...(b.style ?? {}), ...(b.columnStyles?.[c] ?? {}) } : undefined;
    const pc: PlanCell = { value: b.values[r][c], formula: b.formulas?.[r]?.[c] ?? null };
    const format = b.cellFormats?.[r]?.[c] ?? b.columnFormats?.[c];
    if (format != null) pc.format = format;
    if (style) pc.style = style;
    found = pc;
  }
  if (plan.notes && cell.col === plan.notes.at.col) {
    const i = cell.row - plan.notes.at.row;
    if (i >= 0 && i < plan.notes.lines.length) found = { value: plan.notes.lines[i], formula: null };
  }
  return found;
}

const isText = (c: PlanCell | undefined): boolean => c !== undefined && c.formula === null && typeof c.value === "string" && c.value.trim().length > 0;
const isInputStyle = (s: CellStyle | undefined): boolean => s?.fontColor === INPUT_STYLE.fontColor && s?.fillColor === INPUT_STYLE.fillColor;
const where = (c: CellOffset): string => `(${c.row},${c.col})`;

/** Every way a model plan breaks the conventions; empty when it keeps them all. */
export function modelPlanProblems(plan: ModelSheetPlan): string[] {
  const out = [...planProblems(plan)];
  const names = new Set((plan.names ?? []).map((n) => n.name.toLowerCase()));
  const inputCells = new Set(plan.model.inputs.map((i) => `${i.cell.row},${i.cell.col}`));

  for (const input of plan.model.inputs) {
    if (spillCovering(plan, input.cell)) out.push(`input ${input.label} ${where(input.cell)}: inside a spilled formula's range`);
    const c = planCell(plan, input.cell);
    if (!c) out.push(`input ${input.label} ${where(input.cell)}: nothing written`);
    else {
      if (c.formula !== null) out.push(`input ${input.label} ${where(input.cell)}: is a formula`);
      if (!isInputStyle(c.style)) out.push(`input ${input.label} ${where(input.cell)}: not styled as an input`);
    }
    if (!isText(planCell(plan, input.unitAt))) out.push(`input ${input.label} ${where(input.cell)}: no unit at ${where(input.unitAt)}`);
    if (!isText(planCell(plan, input.noteAt))) out.push(`input ${input.label} ${where(input.cell)}: no note or source at ${where(input.noteAt)}`);
  }

  for (const o of plan.model.outputs) {
    const c = planCell(plan, o.cell);
    // A cell a spilled formula fills is computed by it (planProblems checks the anchor's formula).
    const computed = c !== undefined && (c.formula !== null || spillCovering(plan, o.cell) !== undefined);
    if (!c || !computed) out.push(`output ${o.key}${o.rowKey ? `[${o.rowKey}]` : ""}: not a formula`);
    else if (!c.style?.bold) out.push(`output ${o.key}: not marked (bold)`);
    if (o.unit.trim().length === 0) out.push(`output ${o.key}: no unit`);
  }

  for (const s of plan.spills ?? []) {
    const f = planCell(plan, s)?.formula;
    if (!f) continue; // planProblems reports it
    for (const r of rangesUsed(f)) {
      const tall = r.rows > 1 && s.rows > 1 && r.rows !== s.rows;
      const wide = r.cols > 1 && s.cols > 1 && r.cols !== s.cols;
      if (tall || wide) out.push(`spill ${where(s)} ${f}: a ${r.rows}×${r.cols} range for a ${s.rows}×${s.cols} spill`);
    }
  }

  plan.blocks.forEach((b) =>
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = { row: b.at.row + r, col: b.at.col + c };
        const pc = planCell(plan, cell);
        const f = b.formulas?.[r]?.[c] ?? null;
        if (f !== null) {
          if (isInputStyle(pc?.style)) out.push(`formula ${where(cell)} ${f}: styled as an input (formulas are black)`);
          const lits = numericLiterals(f);
          if (lits.length > 0) out.push(`formula ${where(cell)} ${f}: hard-coded number(s) ${lits.join(", ")}`);
          for (const n of namesUsed(f)) if (!names.has(n.toLowerCase())) out.push(`formula ${where(cell)} ${f}: undefined name ${n}`);
        } else if (isInputStyle(pc?.style) && v !== null && !inputCells.has(`${cell.row},${cell.col}`)) {
          out.push(`cell ${where(cell)}: styled as an input but not declared as one (no unit/note recorded)`);
        }
      })
    )
  );
  return out;
}
