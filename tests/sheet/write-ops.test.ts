import { CHUNK_TARGET_BYTES, opBytes, packBatches, planCellOps, splitOp, utf8Length, type WriteOp } from "../../src/sheet/write-ops";
import type { SheetPlan } from "../../src/sheet/plan";

describe("plan → write ops (pure)", () => {
  test("strings are formatted @ before they are written, whatever the plan says; formula cells never @", () => {
    const plan: SheetPlan = {
      target: { kind: "anchor", sheetName: "S", cell: "B2" },
      blocks: [
        {
          at: { row: 0, col: 0 },
          values: [
            ["=evil()", 1, null],
            [2, "+1", null],
          ],
          columnFormats: ["0.00", "0.00", "@"],
          formulas: [
            [null, null, "=A1*2"],
            [null, null, "=A2*2"],
          ],
        },
      ],
    };
    const ops = planCellOps(plan, "S", { row: 1, col: 1 });
    expect(ops).toEqual([
      { kind: "numberFormatGrid", sheet: "S", at: { row: 1, col: 1, rows: 2, cols: 1 }, formats: [["@"], ["0.00"]] },
      { kind: "numberFormatGrid", sheet: "S", at: { row: 1, col: 2, rows: 2, cols: 1 }, formats: [["0.00"], ["@"]] },
      { kind: "numberFormat", sheet: "S", at: { row: 1, col: 3, rows: 2, cols: 1 }, format: "General" },
      {
        kind: "values",
        sheet: "S",
        at: { row: 1, col: 1, rows: 2, cols: 3 },
        values: [
          ["=evil()", 1, null],
          [2, "+1", null],
        ],
      },
      { kind: "formulas", sheet: "S", at: { row: 1, col: 3, rows: 2, cols: 1 }, formulas: [["=A1*2"], ["=A2*2"]] },
    ]);
  });

  test("adjacent columns with one format share one op; blanks clear", () => {
    const ops = planCellOps(
      { target: { kind: "newSheet", name: "S" }, blocks: [{ at: { row: 0, col: 0 }, values: [[1, 2, null]], columnFormats: ["0%", "0%", "0%"] }] },
      "S",
      { row: 0, col: 0 }
    );
    expect(ops).toEqual([
      { kind: "numberFormat", sheet: "S", at: { row: 0, col: 0, rows: 1, cols: 3 }, format: "0%" },
      { kind: "values", sheet: "S", at: { row: 0, col: 0, rows: 1, cols: 3 }, values: [[1, 2, ""]] },
    ]);
  });

  test("UTF-8 sizes", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("数据")).toBe(6);
    expect(utf8Length("😀")).toBe(4);
    expect(utf8Length("é")).toBe(2);
  });

  test("small writes go in one batch; large grids are split into row chunks, in order", () => {
    const small: WriteOp[] = [{ kind: "values", sheet: "S", at: { row: 0, col: 0, rows: 1, cols: 1 }, values: [[1]] }];
    expect(packBatches(small)).toEqual([small]);
    const rows = 50_000;
    const values = Array.from({ length: rows }, (_, r) => [`row ${r}`, r, r / 3]);
    const ops: WriteOp[] = [
      { kind: "numberFormat", sheet: "S", at: { row: 0, col: 0, rows, cols: 1 }, format: "@" },
      { kind: "values", sheet: "S", at: { row: 0, col: 0, rows, cols: 3 }, values },
    ];
    const batches = packBatches(ops, { thresholdBytes: 200_000, targetBytes: 150_000 });
    expect(batches.length).toBeGreaterThan(5);
    for (const b of batches) expect(b.reduce((n, op) => n + opBytes(op), 0)).toBeLessThanOrEqual(150_000);
    const flat = batches.flat();
    expect(flat[0].kind).toBe("numberFormat");
    const chunks = flat.filter((o): o is Extract<WriteOp, { kind: "values" }> => o.kind === "values");
    expect(chunks.flatMap((c) => c.values)).toEqual(values);
    let next = 0;
    for (const c of chunks) {
      expect(c.at.row).toBe(next);
      expect(c.at.rows).toBe(c.values.length);
      next += c.at.rows;
    }
  });

  test("a large grid's first chunk fills what is left of the current batch (no batch of formats alone)", () => {
    const rows = 20_000;
    const values = Array.from({ length: rows }, (_, r) => [`row ${r}`, r]);
    const ops: WriteOp[] = [
      { kind: "numberFormat", sheet: "S", at: { row: 0, col: 0, rows, cols: 1 }, format: "@" },
      { kind: "values", sheet: "S", at: { row: 0, col: 0, rows, cols: 2 }, values },
    ];
    const batches = packBatches(ops, { thresholdBytes: 100_000, targetBytes: 80_000 });
    expect(batches[0].map((o) => o.kind)).toEqual(["numberFormat", "values"]);
    for (const b of batches) expect(b.reduce((n, op) => n + opBytes(op), 0)).toBeLessThanOrEqual(80_000);
    const total = ops.reduce((n, op) => n + opBytes(op), 0);
    expect(batches.length).toBe(Math.ceil(total / 80_000));
    expect(batches.flat().flatMap((o) => (o.kind === "values" ? o.values : []))).toEqual(values);
  });

  test("splitOp leaves non-grid ops alone", () => {
    const op: WriteOp = { kind: "numberFormat", sheet: "S", at: { row: 0, col: 0, rows: 1e6, cols: 1 }, format: "@" };
    expect(splitOp(op, 10)).toEqual([op]);
    expect(CHUNK_TARGET_BYTES).toBeLessThan(4_000_000);
  });
});
