import { planTableRefresh, type TableSnapshot } from "../../src/sheet/refresh-plan";
import type { TrackedRecord } from "../../src/sheet/tracking";
import { bigDataset, llmDataset } from "./fixtures";

describe("planTableRefresh (pure)", () => {
  const record: TrackedRecord = {
    schema: 1,
    tableName: "T",
    sheetName: "S",
    datasetId: "llm-comparison",
    version: "1",
    columnKeys: ["model", "org", "release_date", "params", "train_flop"],
    language: "en",
    insertedAt: "x",
    headers: ["Model", "Organisation", "Release date", "Parameters", "Training compute (FLOP)"],
    notes: [],
  };
  const snapshot = (body: (string | number)[][]): TableSnapshot => ({
    tableName: "T",
    sheetName: "S",
    showHeaders: true,
    showTotals: false,
    top: 0,
    left: 0,
    rowCount: 1 + body.length,
    width: 5,
    headers: record.headers,
    bodyRows: body.length,
    body,
    near: [[], [], []],
    farFirstUsedRow: null,
    farRows: 10,
  });

  test("duplicate keys fall back to matching by position", () => {
    const ds = llmDataset(2);
    ds.rows = [
      ["Same", "A", "2020-01-01", 1, 1],
      ["Same", "B", "2020-01-01", 2, 2],
    ];
    const plan = planTableRefresh(
      record,
      ds,
      snapshot([
        ["Same", "A", 43831, 1, 1],
        ["Same", "B", 43831, 2, 3],
      ]),
      { canResize: true, now: "n" }
    );
    expect(plan.matchedBy).toBe("position");
    expect(plan.result).toMatchObject({ status: "updated", changed: 1, added: 0, removed: 0 });
  });

  test("a key the dataset declares is trusted with its repeats: rows pair by occurrence, not by position", () => {
    const ds = { ...llmDataset(2), key: "model" };
    ds.rows = [
      ["Same", "A", "2020-01-01", 1, 1],
      ["Same", "B", "2020-01-01", 2, 2],
    ];
    const snap = snapshot([
      ["Same", "A", 43831, 1, 1],
      ["Same", "B", 43831, 2, 3],
    ]);
    const plan = planTableRefresh(record, ds, snap, { canResize: true, now: "n" });
    expect(plan.matchedBy).toBe("key");
    expect(plan.result).toMatchObject({ status: "updated", changed: 1, added: 0, removed: 0 });
    expect(plan.result.changes?.[0]).toMatchObject({ row: "Same", old: 3, new: 2 });
    // The same data without the declaration: the first column is only a guess, and repeats refuse it.
    expect(planTableRefresh(record, { ...ds, key: undefined }, snap, { canResize: true, now: "n" }).matchedBy).toBe("position");
  });

  test("an explicit key, or none", () => {
    const ds = llmDataset(2);
    const snap = snapshot([
      ["GPT-3", "OpenAI", 43979, 175e9, 3.14e23],
      ["LaMDA", "Google", 44334, 137e9, 3.55e23],
    ]);
    expect(planTableRefresh(record, ds, snap, { canResize: true, now: "n" }).matchedBy).toBe("key");
    expect(planTableRefresh(record, ds, snap, { canResize: true, now: "n", rowKey: null }).matchedBy).toBe("position");
    const ds3 = llmDataset(3);
    const snap3 = snapshot([
      ["GPT-3", "OpenAI", 43979, 175e9, 3.14e23],
      ["LaMDA", "Google", 44334, 137e9, 3.55e23],
      ["PaLM", "Google", 44655, 540e9, 2.53e24],
    ]);
    expect(planTableRefresh(record, ds3, snap3, { canResize: true, now: "n", rowKey: "org" }).matchedBy).toBe("position"); // "Google" twice
  });

  test("a skipped table produces no write at all", () => {
    const ds = llmDataset(3);
    const snap = { ...snapshot([["GPT-3", "OpenAI", 43979, 175e9, 3.14e23]]), farFirstUsedRow: 3 };
    const plan = planTableRefresh({ ...record, notes: ["n"] }, ds, snap, { canResize: true, now: "n" });
    expect(plan.result.status).toBe("skipped");
    expect(plan.ops).toEqual([]);
  });

  test("a key repeated in a few rows (Epoch lists one model twice) still matches rows by key, by occurrence", () => {
    const ds = bigDataset(300, 2);
    ds.rows[10] = ["row-9", 1];
    const snap = {
      tableName: "T",
      sheetName: "S",
      showHeaders: true,
      showTotals: false,
      top: 0,
      left: 0,
      rowCount: 301,
      width: 2,
      headers: ["Key", "Value 1"],
      bodyRows: 300,
      body: ds.rows.map((r) => [...r]) as (string | number)[][],
      near: [[], [], []],
      farFirstUsedRow: null,
      farRows: 400,
    };
    const record: TrackedRecord = {
      schema: 1,
      tableName: "T",
      sheetName: "S",
      datasetId: ds.id,
      version: "1",
      columnKeys: ["key", "v1"],
      language: "en",
      insertedAt: "x",
      headers: ["Key", "Value 1"],
      notes: [],
    };
    const next = { ...ds, version: "2", rows: [["row-new", 5], ...ds.rows] };
    const plan = planTableRefresh({ ...record, formats: ["@", "#,##0.00"] }, next, snap, { canResize: true, now: "n" });
    expect(plan.matchedBy).toBe("key");
    expect(plan.result).toMatchObject({ added: 1, changed: 0, removed: 0 });
  });
});
