/** src/data/names.ts: the normal form of names, the bounded edit distance, names quoted in messages. */
import { boundedDistance, codePoints, editDistance, normalizeName, quoteName, QUOTE_NAME_CHARS } from "../../src/data/names";

describe("normalizeName", () => {
  test('Epoch\'s "PCle" (lower-case L) and "PCIe" are one spelling, however spaced or cased', () => {
    expect(normalizeName("NVIDIA L20 PCle")).toBe(normalizeName("NVIDIA L20 PCIe"));
    expect(normalizeName("nvidia l20 pcie")).toBe("nvidial20pcie");
    expect(normalizeName("P C l e")).toBe("pcie");
    expect(normalizeName(normalizeName("L2 PCle"))).toBe(normalizeName("L2 PCle")); // still idempotent
  });
});

describe("editDistance", () => {
  test("counts code points: a CJK character or an emoji is one edit", () => {
    expect(editDistance("昇腾910", "昇腾910B")).toBe(1);
    expect(editDistance("a😀b", "ab")).toBe(1);
    expect(codePoints("a😀b")).toEqual(Int32Array.from([97, 0x1f600, 98]));
  });

  test("with a bound, stops once the distance is known to exceed it and returns bound + 1", () => {
    expect(editDistance("a".repeat(5000), "b".repeat(5000), 3)).toBe(4);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  test("boundedDistance agrees with the unbounded distance whenever that is within the bound", () => {
    const words = ["", "a", "ab", "gpt3", "gpt-3", "h100", "h10o", "h100sxm", "nvidiah100", "昇腾910b", "gaudi2", "gaudi3"];
    for (const a of words)
      for (const b of words) {
        const d = editDistance(a, b);
        for (const max of [0, 1, 2, 5, 20]) expect(boundedDistance(codePoints(a), codePoints(b), max)).toBe(d <= max ? d : max + 1);
      }
  });
});

describe("quoteName", () => {
  test("a short name is quoted as it is", () => {
    expect(quoteName("GPT-9")).toBe('"GPT-9"');
  });

  test(`a long name is cut to ${QUOTE_NAME_CHARS} characters with its length said`, () => {
    const q = quoteName("x".repeat(32_767));
    expect(q).toBe(`"${"x".repeat(QUOTE_NAME_CHARS - 1)}…" (32,767 characters)`);
  });
});
