import { searchDatasets } from "../../src/taskpane/search";
import { GPUS, LLM } from "./fakes";

const all = [LLM, GPUS];
const ids = (query: string) => searchDatasets(all, query).map((d) => d.id);

describe("searchDatasets", () => {
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
});
