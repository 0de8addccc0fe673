import { LANGUAGE_TAG, MESSAGES, fill, languageFromDisplay, placeholders, t } from "../../src/taskpane/i18n";
import { DATA_MESSAGES } from "../../src/taskpane/data/strings";
import { MODELS_MESSAGES } from "../../src/taskpane/models/strings";
import { SETTINGS_MESSAGES } from "../../src/taskpane/settings/strings";
import { SHARE_MESSAGES } from "../../src/taskpane/share/strings";
import { SHELL_MESSAGES } from "../../src/taskpane/shell/strings";
import type { StringTable } from "../../src/taskpane/text";

describe("i18n table", () => {
  const enKeys = Object.keys(MESSAGES.en).sort();
  const zhKeys = Object.keys(MESSAGES.zh).sort();

  it("has every key in both languages", () => {
    expect(zhKeys).toEqual(enKeys);
    expect(enKeys.length).toBeGreaterThan(50);
  });

  it.each(enKeys)("%s: non-empty in both languages with the same placeholders", (key) => {
    const en = MESSAGES.en[key as keyof typeof MESSAGES.en];
    const zh = MESSAGES.zh[key as keyof typeof MESSAGES.zh];
    expect(en.trim()).not.toBe("");
    expect(zh.trim()).not.toBe("");
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  it("really is translated: most Chinese strings contain Chinese characters", () => {
    const untranslated = zhKeys.filter((key) => !/[\u4e00-\u9fff]/.test(MESSAGES.zh[key as keyof typeof MESSAGES.zh]));
    // Only the language names, the "ID" label and the changed-cell pattern (no words: row · column：old → new) may stay as they are.
    expect(untranslated.sort()).toEqual(["idLabel", "langEn", "summaryChange"].sort());
  });
});

// Each feature folder keeps its own table (shell/, data/, models/, share/, settings/): the same rules.
const FOLDER_TABLES: ReadonlyArray<[string, StringTable<string>, readonly string[]]> = [
  ["shell", SHELL_MESSAGES, []],
  // "{heading}：{totals}" and "{target}，{chart}": only full-width punctuation to translate.
  ["data", DATA_MESSAGES, ["optionsSummary", "refreshLine"]],
  ["models", MODELS_MESSAGES, []],
  // "summary" is "{report}：{counts}": only a full-width colon to translate.
  ["share", SHARE_MESSAGES, ["summary"]],
  ["settings", SETTINGS_MESSAGES, []],
];

describe.each(FOLDER_TABLES)("the %s folder's table", (_name, table, untranslatedAllowed) => {
  const enKeys = Object.keys(table.en).sort();

  it("has every key in both languages, every one translated", () => {
    expect(Object.keys(table.zh).sort()).toEqual(enKeys);
    const untranslated = enKeys.filter((key) => !/[\u4e00-\u9fff]/.test(table.zh[key] ?? ""));
    expect(untranslated).toEqual(untranslatedAllowed);
  });

  it.each(enKeys)("%s: non-empty in both languages with the same placeholders", (key) => {
    const en = table.en[key] ?? "";
    const zh = table.zh[key] ?? "";
    expect(en.trim()).not.toBe("");
    expect(zh.trim()).not.toBe("");
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  it("shares no key with the main table (one string, one place)", () => {
    expect(enKeys.filter((key) => Object.prototype.hasOwnProperty.call(MESSAGES.en, key))).toEqual([]);
  });
});

describe("t", () => {
  it("fills placeholders as plain text", () => {
    expect(t("en", "sizeValue", { rows: 12, columns: 5 })).toBe("12 rows × 5 columns");
    expect(t("zh", "sizeValue", { rows: 12, columns: 5 })).toBe("12 行 × 5 列");
  });

  it("leaves unknown placeholders alone and does not re-expand values", () => {
    expect(t("en", "errHttp")).toContain("{status}");
    expect(t("en", "details", { detail: "{detail} $& $1" })).toBe("Details: {detail} $& $1");
    expect(fill("{count} converted{x}", { count: 3 })).toBe("3 converted{x}");
  });
});

describe("languageFromDisplay", () => {
  it.each([
    ["zh-CN", "zh"],
    ["zh-cn", "zh"],
    ["zh-TW", "zh"],
    ["zh-Hans-CN", "zh"],
    ["zh", "zh"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["fr-FR", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("%s → %s", (display, expected) => {
    expect(languageFromDisplay(display)).toBe(expected);
  });

  it("tags the pane for screen readers", () => {
    expect(LANGUAGE_TAG).toEqual({ en: "en-US", zh: "zh-CN" });
  });
});
