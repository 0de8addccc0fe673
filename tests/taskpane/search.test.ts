import { rowKeysOf, searchCatalog } from "../../src/taskpane/data/search";
import { DATASETS } from "../../src/data/catalog";
import { epochAccelerators } from "../../src/data/datasets/epoch-accelerators";
import { epochModels } from "../../src/data/datasets/epoch-models";
import { GPUS, LLM } from "./fakes";

const all = [LLM, GPUS];
const ids = (query: string, keys?: ReadonlyMap<string, readonly string[]>) => searchCatalog(all, query, keys).map((hit) => hit.item.id);

describe("searchCatalog", () => {
  it("returns everything for an empty query", () => {
    expect(ids("")).toEqual(["llm-comparison", "gpu-specs"]);
    expect(ids("   ")).toEqual(["llm-comparison", "gpu-specs"]);
  });

  it("matches the id, the English title and the Chinese title", () => {
    expect(ids("llm-comp")).toEqual(["llm-comparison"]);
    expect(ids("chip")).toEqual(["gpu-specs"]);
    expect(ids("大模型")).toEqual(["llm-comparison"]);
    expect(ids("芯片")).toEqual(["gpu-specs"]);
  });

  it("ignores case and full-width letters", () => {
    expect(ids("LLM COMPARISON")).toEqual(["llm-comparison"]);
    expect(ids("ＧＰＵ")).toEqual(["gpu-specs"]);
  });

  it("needs every word, in either language", () => {
    expect(ids("gpu 参数")).toEqual(["gpu-specs"]);
    expect(ids("gpu llm")).toEqual([]);
  });

  it("matches a column's key or header in either language, and says which", () => {
    expect(searchCatalog(all, "训练算力")).toEqual([{ item: LLM, reason: { kind: "column", text: { zh: "训练算力", en: "Training compute" } } }]);
    expect(ids("fp16_flops")).toEqual(["gpu-specs"]);
  });

  it("matches a row's name once the row keys are loaded, and says which", () => {
    const keys = new Map([
      [LLM.id, rowKeysOf(LLM)],
      [GPUS.id, rowKeysOf(GPUS)],
    ]);
    expect(ids("H100")).toEqual([]);
    expect(searchCatalog(all, "h100", keys)).toEqual([{ item: GPUS, reason: { kind: "row", text: "H100" } }]);
    expect(ids("chinchilla chip", keys)).toEqual([]);
    expect(ids("gpt-3 compute", keys)).toEqual(["llm-comparison"]);
  });
});

describe("rowKeysOf", () => {
  it("is the key column's values (the first column without one), each once, blanks left out", () => {
    expect(rowKeysOf(LLM)).toEqual(["GPT-3", "Gopher", "PaLM", "LaMDA", "Chinchilla", "SixthRowModel", "SeventhRowModel"]);
    expect(
      rowKeysOf({
        ...GPUS,
        key: "chip",
        rows: [
          ["A100", 1],
          [null, 2],
          ["A100", 3],
          ["", 4],
        ],
      })
    ).toEqual(["A100"]);
  });
});

// The issue's own examples, on the real catalogue (the add-in's datasets, Epoch's included).
describe("the real catalogue", () => {
  const datasets = [...DATASETS, epochModels, epochAccelerators];
  const keys = new Map(datasets.map((d) => [d.id, rowKeysOf(d)] as const));
  const found = (query: string) => searchCatalog(datasets, query, keys).map((hit) => hit.item.id);

  it('"H100" finds both accelerator tables', () => {
    expect(found("H100")).toEqual(expect.arrayContaining(["accelerators", "epoch-accelerators"]));
  });

  it('"GPT-3" finds the model tables', () => {
    expect(found("GPT-3")).toEqual(expect.arrayContaining(["llm-comparison", "epoch-models"]));
  });

  it("finds a dataset by a Chinese title and by an id", () => {
    expect(found("大模型")).toContain("llm-comparison");
    expect(found("epoch-accelerators")).toEqual(["epoch-accelerators"]);
  });
});
