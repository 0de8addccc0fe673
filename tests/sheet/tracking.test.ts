import { decodeRecord, encodeRecord, recordFromPlan, recordWriteOp, toTrackedTable, trackingKey, TRACKING_PREFIX } from "../../src/sheet/tracking";
import { planDatasetInsert } from "../../src/sheet/dataset-plan";
import { llmDataset } from "./fixtures";

describe("tracking records", () => {
  const plan = planDatasetInsert(llmDataset(), { language: "zh", target: "newSheet", chart: false });
  const record = recordFromPlan(plan, "大模型对比", "2024-01-01T00:00:00.000Z");

  test("built from a dataset plan", () => {
    expect(record).toEqual({
      schema: 1,
      tableName: "AI_llm_comparison",
      sheetName: "大模型对比",
      datasetId: "llm-comparison",
      version: "1.0.0",
      columnKeys: ["model", "org", "release_date", "params", "train_flop"],
      language: "zh",
      insertedAt: "2024-01-01T00:00:00.000Z",
      headers: ["模型", "机构", "发布时间", "参数量", "训练算力 (FLOP)"],
      notes: plan.dataset?.notes,
      formats: ["@", "@", "yyyy-mm-dd", "0.00E+00", "0.00E+00"],
    });
    expect(toTrackedTable(record)).not.toHaveProperty("headers");
    expect(() => recordFromPlan({ ...plan, dataset: undefined }, "x", "y")).toThrow();
  });

  test("one setting per table, keyed by the lower-case table name", () => {
    expect(trackingKey("AI_LLM")).toBe(`${TRACKING_PREFIX}ai_llm`);
    expect(recordWriteOp(record)).toEqual({ kind: "setting", key: "aica.table.ai_llm_comparison", value: encodeRecord(record) });
  });

  test("round-trips; rejects what is not a record", () => {
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
    expect(decodeRecord(JSON.parse(encodeRecord(record)))).toEqual(record);
    expect(decodeRecord("not json")).toBeNull();
    expect(decodeRecord(42)).toBeNull();
    expect(decodeRecord({ ...record, language: "fr" })).toBeNull();
    expect(decodeRecord({ ...record, columnKeys: [] })).toBeNull();
    // Headers that do not match the keys are dropped (refresh then derives them from the dataset).
    expect(decodeRecord({ ...record, headers: ["a"] })?.headers).toEqual([]);
  });
});
