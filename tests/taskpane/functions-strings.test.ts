/** The Functions tab's strings: both languages have every key, with the same placeholders, and no markup. */
import { placeholders } from "../../src/taskpane/i18n";
import { ft, FUNCTIONS_MESSAGES } from "../../src/taskpane/functions/strings";

describe("Functions tab strings", () => {
  const en = FUNCTIONS_MESSAGES.en;
  const zh = FUNCTIONS_MESSAGES.zh;

  it("have the same keys in English and Chinese", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(FUNCTIONS_MESSAGES.en))("%s: the same placeholders in both languages, no empty text, no markup", (key) => {
    const k = key as keyof typeof en;
    expect(placeholders(zh[k])).toEqual(placeholders(en[k]));
    for (const text of [en[k], zh[k]]) {
      expect(text.trim()).not.toBe("");
      expect(text).not.toMatch(/<[a-z]/i);
    }
  });

  it("fills placeholders as plain text", () => {
    expect(ft("en", "insertInto", { cell: "E5" })).toBe("Insert into E5");
    expect(ft("zh", "stepHeading", { n: 2, label: "训练天数" })).toBe("第 2 步:训练天数");
  });
});
