/**
 * The pane's real dependencies for models: the templates as listed, the epoch-models loader,
 * and buildModel → workbook.insertModel with a builder that takes the workbook's sheet names
 * and the pane's language and mode.
 */
import { makeDeps } from "../../src/taskpane/make-deps";
import { MODEL_TEMPLATE_IDS, type ModelSheetPlan } from "../../src/sheet/models";
import { FakeWorkbook } from "./fakes";

const PAGE = "https://addin.example.com/app/taskpane.html";

function setup() {
  const workbook = new FakeWorkbook();
  return { workbook, deps: makeDeps(workbook, "en-US", PAGE) };
}

describe("makeDeps: models", () => {
  it("lists every template, without its builder", async () => {
    const models = await setup().deps.listModels();
    expect(models.map((m) => m.id)).toEqual(MODEL_TEMPLATE_IDS);
    for (const m of models) {
      expect(Object.keys(m).sort()).toEqual(["description", "id", "requires", "title"]);
      expect(m.title.zh && m.title.en && m.description.zh && m.description.en).toBeTruthy();
    }
    expect(models.filter((m) => m.requires.length > 0).map((m) => [m.id, m.requires])).toEqual([["compute-trend", ["epoch-models"]]]);
  });

  it("builds through workbook.insertModel: the builder gets the sheet names, the language and the mode", async () => {
    const { workbook, deps } = setup();
    workbook.sheetNames = ["Sheet1", "大模型训练算力测算"];
    const result = await deps.buildModel("training-compute", { language: "zh", mode: "portable" }, new Map());
    expect(result.sheetName).toBe("大模型训练算力测算 (2)");
    expect(result.tableName).toBe("");
    const [call] = workbook.callsTo("insertModel");
    const plan = call.build(["Sheet1"]) as ModelSheetPlan;
    expect(plan.target).toEqual({ kind: "newSheet", name: "大模型训练算力测算" });
    expect(plan.model).toMatchObject({ templateId: "training-compute", language: "zh", mode: "portable" });
    const formulas = plan.blocks.flatMap((b) => (b.formulas ?? []).flat()).filter((f): f is string => f !== null);
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.some((f) => /\bAI\./.test(f))).toBe(false);
  });

  it("loads epoch-models for the template that requires it, and refuses an unknown dataset or template", async () => {
    const { workbook, deps } = setup();
    const epoch = await deps.loadModelDataset("epoch-models");
    expect(epoch.id).toBe("epoch-models");
    expect(epoch.rows.length).toBeGreaterThan(1000);
    const result = await deps.buildModel("compute-trend", { language: "en", mode: "ai" }, new Map([["epoch-models", epoch]]));
    expect(result.sheetName).toBe("Compute trend");
    expect(workbook.sheetNames).toEqual(["Sheet1", "Compute trend"]);
    await expect(deps.loadModelDataset("nope")).rejects.toThrow(/nope/);
    await expect(deps.buildModel("nope", { language: "en", mode: "ai" }, new Map())).rejects.toThrow(/nope/);
    // Without the dataset it requires, the template refuses to build (nothing is added).
    await expect(deps.buildModel("compute-trend", { language: "en", mode: "ai" }, new Map())).rejects.toThrow(/epoch-models/);
    expect(workbook.sheetNames).toEqual(["Sheet1", "Compute trend"]);
  });
});
