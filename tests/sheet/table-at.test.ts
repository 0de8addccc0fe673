import { rectanglesOverlap, tableUnder } from "../../src/sheet/table-at";

const TABLES = [
  { name: "AI_llm_comparison", address: "'LLM comparison'!A1:F16" },
  { name: "AI_accelerators", address: "Sheet1!C3:H20" },
];

describe("tableUnder", () => {
  it.each([
    ["'LLM comparison'!B2", "AI_llm_comparison"],
    ["'llm COMPARISON'!F16", "AI_llm_comparison"], // sheet names compare without case, as in Excel
    ["Sheet1!A1:C3", "AI_accelerators"], // a range that overlaps one corner
    ["Sheet1!A1:Z100", "AI_accelerators"], // a range around the table
    ["'LLM comparison'!G1", null], // beside the table
    ["'LLM comparison'!A17", null], // under it (the source note)
    ["Sheet2!B2", null], // the same cell on another sheet
    ["not an address", null],
  ])("%s → %s", (selection, expected) => {
    expect(tableUnder(selection, TABLES)).toBe(expected);
  });

  it("takes the first table when the selection touches several, and skips an address that does not parse", () => {
    const both = [
      { name: "Broken", address: "Sheet1!??" },
      { name: "Left", address: "Sheet1!A1:B2" },
      { name: "Right", address: "Sheet1!C1:D2" },
    ];
    expect(tableUnder("Sheet1!B1:C1", both)).toBe("Left");
  });
});

describe("rectanglesOverlap", () => {
  it("is true only when a cell is shared (edges that touch are not)", () => {
    const a = { row: 0, col: 0, rows: 2, cols: 2 };
    expect(rectanglesOverlap(a, { row: 1, col: 1, rows: 1, cols: 1 })).toBe(true);
    expect(rectanglesOverlap(a, { row: 2, col: 0, rows: 1, cols: 2 })).toBe(false);
    expect(rectanglesOverlap(a, { row: 0, col: 2, rows: 2, cols: 1 })).toBe(false);
  });
});
