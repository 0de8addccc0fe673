/** Broadcasting as Excel's arithmetic pairs arrays: the pure rules of src/core/broadcast.ts. */
import { broadcastMap, broadcastShape, elementAt, shapeOf } from "../../src/core/broadcast";
import { CellError } from "../../src/core/errors";

const NAMES = ["a", "b", "c"];
const col = (...v: unknown[]) => v.map((x) => [x]);

describe("shapeOf", () => {
  it("rows × the width of the rows; a flat list is one row", () => {
    expect(shapeOf("a", [[1, 2, 3]])).toEqual({ rows: 1, cols: 3 });
    expect(shapeOf("a", col(1, 2))).toEqual({ rows: 2, cols: 1 });
    expect(shapeOf("a", [1, 2, 3])).toEqual({ rows: 1, cols: 3 });
  });
  it("an empty or ragged array is #VALUE! naming the argument", () => {
    expect((shapeOf("a", []) as CellError).message).toBe("a is an empty array");
    expect((shapeOf("a", [[]]) as CellError).message).toBe("a is an empty array");
    expect((shapeOf("a", [[1, 2], [3]]) as CellError).message).toBe("a is not rectangular: row 1 has 2 values, row 2 has 1");
  });
});

describe("broadcastShape", () => {
  it("null when no argument is an array (the scalar path)", () => {
    expect(broadcastShape(NAMES, [1, "x", null])).toBeNull();
  });
  it("same shapes pair element by element", () => {
    expect(broadcastShape(NAMES, [col(1, 2, 3), col(4, 5, 6)])).toEqual({ rows: 3, cols: 1 });
  });
  it("a single value and a 1×1 array pair with anything", () => {
    expect(
      broadcastShape(NAMES, [
        [[1]],
        [
          [1, 2],
          [3, 4],
        ],
        5,
      ])
    ).toEqual({ rows: 2, cols: 2 });
  });
  it("a column against a row gives the grid", () => {
    expect(broadcastShape(NAMES, [col(1, 2, 3), [[1, 2]]])).toEqual({ rows: 3, cols: 2 });
  });
  it("a column against a table with as many rows repeats across its columns (and a row down its rows)", () => {
    expect(
      broadcastShape(NAMES, [
        col(1, 2),
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ])
    ).toEqual({ rows: 2, cols: 3 });
    expect(
      broadcastShape(NAMES, [
        [[1, 2, 3]],
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ])
    ).toEqual({ rows: 2, cols: 3 });
  });
  it("2×3 against 3×2 is one #VALUE! naming both shapes", () => {
    const e = broadcastShape(NAMES, [
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      col([1, 2], [3, 4], [5, 6]).map((r) => r[0] as unknown[]),
    ]) as CellError;
    expect(e).toBeInstanceOf(CellError);
    expect(e.code).toBe("invalidValue");
    expect(e.message).toBe("a is 2×3 and b is 3×2: arrays pair when each dimension is equal or 1 (a single value, a column or a row)");
  });
  it("columns of different lengths do not pair (Excel would pad with #N/A)", () => {
    expect((broadcastShape(NAMES, [1, col(1, 2, 3), col(1, 2)]) as CellError).message).toMatch(/^b is 3×1 and c is 2×1:/);
  });
});

describe("elementAt", () => {
  it("a scalar is itself everywhere, a 1-wide dimension repeats", () => {
    expect(elementAt(7, 5, 5)).toBe(7);
    expect(elementAt(col(1, 2), 1, 4)).toBe(2);
    expect(elementAt([[1, 2]], 3, 1)).toBe(2);
    expect(elementAt([[9]], 2, 2)).toBe(9);
    expect(elementAt([1, 2, 3], 0, 2)).toBe(3);
  });
});

describe("broadcastMap", () => {
  it("calls f once per element of the grid, in rows", () => {
    const out = broadcastMap(NAMES, [col(1, 2), [[10, 20, 30]]], [], (e) => (e[0] as number) + (e[1] as number));
    expect(out).toEqual([
      [11, 21, 31],
      [12, 22, 32],
    ]);
  });
  it("null without arrays, the #VALUE! for shapes that cannot pair", () => {
    expect(broadcastMap(NAMES, [1, 2], [], () => 0)).toBeNull();
    expect(broadcastMap(NAMES, [col(1, 2), col(1, 2, 3)], [], () => 0)).toBeInstanceOf(CellError);
  });
});
