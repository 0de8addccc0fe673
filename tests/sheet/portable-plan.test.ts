/** The pure planner of issue 13's formula actions (src/sheet/portable-plan.ts), with the real converter. */
import {
  decodeStore,
  encodeStore,
  findAiFormulas,
  maySpill,
  planMakePortable,
  planRepair,
  planRestore,
  repairResult,
  valueNote,
  type Content,
  type FormulaActionPlan,
  type ScannedSheet,
} from "../../src/sheet/portable-plan";
import { MAX_CELLS_LISTED } from "../../src/sheet/workbook";

const NOW = new Date("2025-03-01T10:00:00Z");

function sheet(formulas: Content[][], values?: Content[][], name = "Sheet1"): ScannedSheet {
  return { name, row: 0, col: 0, formulas, values: values ?? formulas.map((r) => r.map((c) => (typeof c === "string" && c.startsWith("=") ? 1 : c))) };
}

function make(s: ScannedSheet, records: FormulaActionPlan["records"] = [], spill: Content[][] | null = null): FormulaActionPlan {
  return planMakePortable({
    scope: "sheet",
    sheetNames: [s.name],
    cells: findAiFormulas([s]),
    records,
    language: "en",
    now: NOW,
    spillOf: () => spill,
    notes: true,
  });
}

/** The sheet after a plan's writes, as Range.formulas would read it (text as text). */
function applied(s: ScannedSheet, plan: FormulaActionPlan): ScannedSheet {
  const formulas = s.formulas.map((r) => [...r]);
  for (const w of plan.writes)
    w.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        (formulas[w.at.row + i] ??= [])[w.at.col + j] = c.kind === "formula" ? c.formula : c.kind === "text" ? c.text : c.kind === "blank" ? "" : c.value;
      })
    );
  return { ...s, formulas, values: formulas };
}

describe("Make portable", () => {
  test("native formula, value as text (even '=cmd'), leftAlone with reasons, exact counts", () => {
    const s = sheet(
      [[2, 3, "=AI.TRAINFLOPS(A1,B1)", '=AI.MODEL("x","name")', '=AI.MODEL("y","name")', '=AI.MODEL("z","name")', "=SUM(A1:B1)", "=AI.TRAINFLOPS(A1,"]],
      [[2, 3, 36, "=cmd", "#NAME?", "#N/A", 5, "#NAME?"]]
    );
    const plan = make(s);
    expect(plan.result.counts).toMatchObject({ converted: 1, toValue: 2, leftAlone: 2 });
    const byAddress = Object.fromEntries(plan.result.cells.map((c) => [c.address, c]));
    expect(byAddress.C1.after).toMatch(/^=IF\(/);
    expect(plan.writes.find((w) => w.at.col === 3)?.cells).toEqual([[{ kind: "text", text: "=cmd" }]]);
    // A classic error is kept as the native constant formula.
    expect(plan.writes.find((w) => w.at.col === 5)?.cells).toEqual([[{ kind: "formula", formula: "=#N/A" }]]);
    expect(byAddress.E1).toMatchObject({ outcome: "leftAlone", reason: expect.stringMatching(/#NAME\?.*Repair/) });
    expect(byAddress.H1).toMatchObject({ outcome: "leftAlone" });
    expect(plan.addNotes.map((n) => n.text)).toEqual([
      valueNote('=AI.MODEL("x","name")', "D1", NOW, "en", ["MODEL"]),
      valueNote('=AI.MODEL("z","name")', "F1", NOW, "en", ["MODEL"]),
    ]);
    expect(valueNote("=AI.CHIP(1)", "B2", NOW, "zh")).toMatch(/B2 原为公式 =AI\.CHIP\(1\).*2025-03-01.*恢复/);
    expect(plan.records.map((r) => [r.address, r.kind])).toEqual([
      ["C1", "native"],
      ["D1", "value"],
      ["F1", "value"],
    ]);
  });

  test("a value's note says where its figures come from: the source line of each lookup it called", () => {
    const en = valueNote('=AI.CHIP("H100")*AI.MODEL("GPT-3")', "C3", NOW, "en", ["CHIP", "MODEL"]);
    expect(en).toContain("Source: AI.CHIP: accelerators: vendor datasheets");
    expect(en).toContain("; AI.MODEL: llm-comparison");
    expect(en).toMatch(/as of 2025-03-01/);
    expect(valueNote('=AI.CHIP("H100")', "C3", NOW, "zh", ["CHIP"])).toMatch(/来源：AI\.CHIP: accelerators/);
  });

  test("running it twice is safe: the second run finds nothing and keeps the first run's records", () => {
    const s = sheet([["=AI.PFDAYS(1E24)", '=AI.MODEL("x","params")']]);
    const first = make(s);
    const second = make(applied(s, first), first.records);
    expect(second.result.counts.converted + second.result.counts.toValue).toBe(0);
    expect(second.writes).toEqual([]);
    expect(second.records).toEqual(first.records);
    expect(second.storeChanged).toBe(false);
  });

  test("a spilled lookup is kept whole; the result lists at most MAX_CELLS_LISTED cells, in order", () => {
    const s = sheet([['=AI.DATASET("m")', 1.5]]);
    expect(maySpill(s, 0, 0)).toBe(true);
    const plan = make(s, [], [["a", 1.5]]);
    expect(plan.records[0]).toMatchObject({ address: "A1:B1", written: [["a", 1.5]] });
    const many = sheet(Array.from({ length: 30 }, (_, i) => [`=AI.PFDAYS(${i + 1})`]));
    const r = make(many).result;
    expect(r.counts.converted).toBe(30);
    expect(r.cells).toHaveLength(MAX_CELLS_LISTED);
    expect(r.cells[0].address).toBe("A1");
    expect(r.cells[19].address).toBe("A20");
  });
});

describe("the store", () => {
  test("round-trips every record as text and skips rows that are not records", () => {
    const plan = make(sheet([["=AI.PFDAYS(1)", '=AI.MODEL("x","params")']]));
    const rows = encodeStore(plan.records);
    expect(rows.flat().every((c) => typeof c === "string")).toBe(true);
    expect(decodeStore([...rows, ["junk"], ["Sheet1", "A9", "not a formula", "[[1]]", "native", "", ""]])).toEqual(plan.records);
  });
});

describe("Restore", () => {
  test("puts back unchanged cells, leaves edited ones (editedSince), and drops both records", () => {
    const s = sheet([[2, "=AI.PFDAYS(A1)", "=AI.TRAINFLOPS(A1,A1)", '=AI.MODEL("x","params")']]);
    const made = make(s);
    const after = applied(s, made);
    (after.formulas as Content[][])[0][2] = 99;
    const plan = planRestore({ scope: "sheet", sheetNames: ["Sheet1"], sheets: [after], records: made.records });
    expect(plan.result.counts).toMatchObject({ restored: 2, editedSince: 1 });
    expect(plan.writes.map((w) => w.cells[0][0])).toEqual([
      { kind: "formula", formula: "=AI.PFDAYS(A1)" },
      { kind: "formula", formula: '=AI.MODEL("x","params")' },
    ]);
    expect(plan.removeNotes).toHaveLength(1);
    expect(plan.records).toEqual([]);
    // Excel may give the formula back in other case and spacing: still "unchanged".
    const spaced = applied(s, made);
    (spaced.formulas as Content[][])[0][1] = String(spaced.formulas[0][1]).toLowerCase().replace("/", " / ");
    expect(planRestore({ scope: "sheet", sheetNames: ["Sheet1"], sheets: [spaced], records: made.records }).result.counts.restored).toBe(3);
  });

  test("selection scope: only records anchored in the area", () => {
    const s = sheet([["=AI.PFDAYS(1)", "=AI.PFDAYS(2)"]]);
    const made = make(s);
    const plan = planRestore({
      scope: "selection",
      sheetNames: ["Sheet1"],
      sheets: [{ ...applied(s, made), area: { row: 0, col: 1, rows: 1, cols: 1 } }],
      records: made.records,
    });
    expect(plan.result.counts.restored).toBe(1);
    expect(plan.records.map((r) => r.address)).toEqual(["A1"]);
  });
});

describe("Repair", () => {
  test("re-enters #NAME? AI formulas (either spelling) and counts repaired / stillFailing", () => {
    const s = sheet([["=_xldudf_AI_PFDAYS(1)", "=AI.PFDAYS(2)", "=AI.PFDAYS(3)", "=FOO(1)"]], [["#NAME?", "#NAME?", 5, "#NAME?"]]);
    const plan = planRepair([s]);
    expect(plan.cells.map((c) => [c.before, c.after])).toEqual([
      ["=_xldudf_AI_PFDAYS(1)", "=AI.PFDAYS(1)"],
      ["=AI.PFDAYS(2)", "=AI.PFDAYS(2)"],
    ]);
    const r = repairResult("sheet", ["Sheet1"], plan, [1, "#NAME?"]);
    expect(r.counts).toMatchObject({ repaired: 1, stillFailing: 1 });
    expect(r.cells[1].reason).toMatch(/not loaded/);
  });
});
