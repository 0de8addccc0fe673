/**
 * "Did you mean" at a bounded cost (src/data/suggest.ts, issue 21). The time itself is measured by
 * the bench (lookup_unknown_1000_ms, budget 500 ms); here: that the work is bounded (how many
 * distances are computed, over how many characters), and that near misses still get the right name.
 */
import * as names from "../../src/data/names";
import { epochModels } from "../../src/data/datasets/epoch-models";
import { epochAccelerators } from "../../src/data/datasets/epoch-accelerators";
import { isCellError, type CellError } from "../../src/core/errors";
import { buildEpochChipIndex, buildEpochModelIndex, chipIndexOf, lookupChip, lookupModel, modelIndexOf, suggest } from "../../src/data/lookup";
import { MAX_COMPARED, maxDistance, QUERY_CHARS, suggestIn } from "../../src/data/suggest";

const errorOf = (v: unknown): CellError => {
  if (!isCellError(v)) throw new Error(`expected a cell error, got ${JSON.stringify(v)}`);
  return v;
};

const epochModelsIx = buildEpochModelIndex(epochModels);
const epochChipsIx = buildEpochChipIndex(epochAccelerators);

afterEach(() => jest.restoreAllMocks());

describe("near misses still get the right name", () => {
  test('"GTP-3" (two letters swapped) suggests GPT-3; "GPT-9" the GPT models', () => {
    expect(errorOf(lookupModel("GTP-3", "params", [epochModelsIx])).message).toMatch(/^no model named "GTP-3"; did you mean .*"GPT-3"/);
    expect(errorOf(lookupModel("GPT-9", "params")).message).toBe('no model named "GPT-9"; did you mean "GPT", "GPT-2", "GPT-3"?');
  });

  test('"H10O" (a letter O for a zero) suggests the H100 first; "H1000" too', () => {
    expect(errorOf(lookupChip("H10O", "bf16", [epochChipsIx])).message).toMatch(/^no chip named "H10O"; did you mean "NVIDIA H100 SXM"/);
    expect(suggest("H1000", [chipIndexOf()])[0]).toBe("NVIDIA H100 SXM");
  });

  test('a typo in a long Epoch name: "Chinchila", "Llama 3.1-405", "Gemini 1.5 Pr" find theirs', () => {
    expect(suggest("Chinchila", [modelIndexOf(), epochModelsIx])[0]).toBe("Chinchilla");
    expect(suggest("Llama 3.1-405", [epochModelsIx])).toContain("Llama 3.1-405B");
    expect(suggest("Gemini 1.5 Pr", [epochModelsIx])).toContain("Gemini 1.5 Pro");
  });
});

describe("the cost is bounded whatever the input", () => {
  test(`at most ${MAX_COMPARED} distances per index, each over at most ${QUERY_CHARS} characters of the query, bounded by maxDistance`, () => {
    const spy = jest.spyOn(names, "boundedDistance");
    const queries = ["x".repeat(32_767), "GPT", "abcdefghijklmnopqrstuvwxyzabcd", "Llama 3.1-405", "a", "1", "昇腾"];
    for (const q of queries) {
      spy.mockClear();
      suggestIn(epochModelsIx, names.normalizeName(q) + "\u0000", 3); // a key no cache has
      expect(spy.mock.calls.length).toBeLessThanOrEqual(MAX_COMPARED);
      for (const [a, , max] of spy.mock.calls) {
        expect(a.length).toBeLessThanOrEqual(QUERY_CHARS);
        expect(max).toBeLessThanOrEqual(maxDistance(QUERY_CHARS));
      }
    }
  });

  test("a name of 32,767 characters is #N/A quoting 60 of them, with no suggestion far from it", () => {
    const e = errorOf(lookupModel("q".repeat(32_767), "params", [epochModelsIx]));
    expect(e.code).toBe("notAvailable");
    expect(e.message.length).toBeLessThan(200);
    expect(e.message).toContain("(32,767 characters)");
  });

  test("a junk name gets no suggestion rather than the three least-bad names", () => {
    const e = errorOf(lookupModel("zqxvjwkpfhgmtrblcdnsyauoei", "params", [epochModelsIx]));
    expect(e.message).toBe('no model named "zqxvjwkpfhgmtrblcdnsyauoei", and no name in llm-comparison, epoch-models is close to it');
  });

  test("an unknown name asked again (a column of the same typo) is answered from the cache: no distance computed", () => {
    const spy = jest.spyOn(names, "boundedDistance");
    lookupModel("Chinchilax", "params", [epochModelsIx]);
    const first = spy.mock.calls.length;
    expect(first).toBeGreaterThan(0);
    for (let i = 0; i < 100; i++) lookupModel("Chinchilax", "params", [epochModelsIx]);
    expect(spy.mock.calls.length).toBe(first);
  });

  test("maxDistance: half the query, from 2 up to 8", () => {
    expect([1, 4, 5, 8, 16, 17, 64].map(maxDistance)).toEqual([2, 2, 3, 4, 8, 8, 8]);
  });
});
