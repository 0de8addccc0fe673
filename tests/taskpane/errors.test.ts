import { WorkbookError } from "../../src/sheet/workbook";
import { feedFailureMessage, tableFailureReason, thrownMessage } from "../../src/taskpane/errors";

describe("feedFailureMessage", () => {
  it("says what happened and what to do, per kind, in both languages", () => {
    expect(feedFailureMessage("en", { kind: "offline", detail: "" })).toEqual({
      message: "You appear to be offline. Check your connection and try again.",
    });
    expect(feedFailureMessage("zh", { kind: "offline", detail: "" }).message).toBe("您似乎处于离线状态。请检查网络连接后重试。");
    expect(feedFailureMessage("en", { kind: "http", status: 503, detail: "Service Unavailable" })).toEqual({
      message: expect.stringContaining("HTTP 503"),
      detail: "Service Unavailable",
    });
    expect(feedFailureMessage("en", { kind: "invalid", detail: "/datasets/0/rows/3: must have 5 cells" })).toEqual({
      message: expect.stringContaining("/datasets/0/rows/3: must have 5 cells"),
    });
  });
});

describe("tableFailureReason", () => {
  it("says in a line why one table's dataset could not be had, in both languages", () => {
    expect(tableFailureReason("en", { kind: "missing", detail: 'catalog.json: no dataset "x"' })).toBe("The feed does not publish this dataset.");
    expect(tableFailureReason("zh", { kind: "missing", detail: "" })).toBe("数据源未发布此数据集。");
    expect(tableFailureReason("en", { kind: "http", status: 404, detail: "x.json: the server answered 404" })).toBe(
      "The feed answered HTTP 404 for this dataset."
    );
    expect(tableFailureReason("en", { kind: "invalid", detail: "x.json: datasets[3].rows[5]: expected 7 cells, got 6" })).toBe(
      "The feed's copy of this dataset is invalid: x.json: datasets[3].rows[5]: expected 7 cells, got 6"
    );
  });

  it("explains a missing dataset without repeating the detail beneath", () => {
    expect(feedFailureMessage("en", { kind: "missing", detail: 'no dataset "x"' })).toEqual({
      message: 'The data feed does not publish this dataset (no dataset "x"). Check the feed URL in Settings.',
    });
  });
});

describe("thrownMessage", () => {
  it("localises WorkbookError codes and keeps the technical message as detail", () => {
    const shown = thrownMessage("zh", new WorkbookError("noSelection", "no active cell"));
    expect(shown).toEqual({ message: "请先在工作表中选中一个单元格，然后重试。", detail: "no active cell" });
  });

  it("explains occupied cells at the selection in both languages", () => {
    const error = new WorkbookError("targetNotEmpty", "The cells Sheet1!D4 are not empty");
    expect(thrownMessage("en", error)).toEqual({
      message: "The cells at the selection are not empty: choose an empty cell or insert on a new sheet.",
      detail: "The cells Sheet1!D4 are not empty",
    });
    expect(thrownMessage("zh", error).message).toBe("所选位置的单元格不为空：请选择一个空白单元格，或插入到新工作表。");
  });

  it("recognises a WorkbookError from another copy of the class by name and code", () => {
    const foreign = Object.assign(new Error("gone"), { name: "WorkbookError", code: "tableMissing" });
    expect(thrownMessage("en", foreign).message).toMatch(/no longer in the workbook/);
  });

  it("calls anything else unexpected", () => {
    expect(thrownMessage("en", new TypeError("x is undefined"))).toEqual({
      message: expect.stringMatching(/^Something unexpected went wrong/),
      detail: "x is undefined",
    });
    expect(thrownMessage("en", 42)).toEqual({ message: expect.stringMatching(/^Something unexpected/) });
  });
});
