import { LANGUAGE_TAG, MESSAGES, fill, languageFromDisplay, placeholders, t } from "../../src/taskpane/i18n";
import { SHARE_MESSAGES } from "../../src/taskpane/share-i18n";

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

// The Share section's strings travel in a chunk of their own (share-i18n.ts): the same rules.
describe("Share section's table", () => {
  const enKeys = Object.keys(SHARE_MESSAGES.en).sort();

  it("has every key in both languages, every one translated", () => {
    expect(Object.keys(SHARE_MESSAGES.zh).sort()).toEqual(enKeys);
    const untranslated = enKeys.filter((key) => !/[\u4e00-\u9fff]/.test(SHARE_MESSAGES.zh[key as keyof typeof SHARE_MESSAGES.zh]));
    expect(untranslated).toEqual([]);
  });

  it.each(enKeys)("%s: non-empty in both languages with the same placeholders", (key) => {
    const en = SHARE_MESSAGES.en[key as keyof typeof SHARE_MESSAGES.en];
    const zh = SHARE_MESSAGES.zh[key as keyof typeof SHARE_MESSAGES.zh];
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
