/**
 * Two toggle buttons, 中文 and English; the pressed one is the pane's language.
 *
 * Buttons with aria-pressed and Fluent's ToggleButton colours for the pressed one (secondary
 * appearance, high contrast included), not ToggleButton itself: its styles for every
 * appearance and icon state weigh more than the rest of the pane's own code.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Language } from "../../sheet/workbook";
import { LANGUAGE_TAG } from "../i18n";
import { useI18n } from "../i18n-context";
import { borderColor } from "./controls";

const useStyles = makeStyles({
  group: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  pressed: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ...borderColor(tokens.colorNeutralStroke1),
    color: tokens.colorNeutralForeground1Selected,
    "@media (forced-colors: active)": {
      backgroundColor: "Highlight",
      ...borderColor("Highlight"),
      color: "HighlightText",
      forcedColorAdjust: "none",
      ":hover": { backgroundColor: "HighlightText", ...borderColor("Highlight"), color: "Highlight" },
    },
  },
});

export interface LanguageSwitchProps {
  onChange(language: Language): void;
}

export function LanguageSwitch({ onChange }: LanguageSwitchProps) {
  const { language, t } = useI18n();
  const styles = useStyles();
  const options: ReadonlyArray<{ value: Language; label: string }> = [
    { value: "zh", label: t("langZh") },
    { value: "en", label: t("langEn") },
  ];
  return (
    <div role="group" aria-label={t("languageGroup")} className={styles.group}>
      {options.map((option) => (
        <Button
          key={option.value}
          size="small"
          lang={LANGUAGE_TAG[option.value]}
          aria-pressed={language === option.value}
          className={language === option.value ? styles.pressed : undefined}
          onClick={() => {
            if (language !== option.value) onChange(option.value);
          }}
        >
          {option.label}
        </Button>
      ))}
    </div>
  );
}
