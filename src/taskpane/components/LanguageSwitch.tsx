/** Two toggle buttons, 中文 and English; the pressed one is the pane's language. */
import { ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { Language } from "../../sheet/workbook";
import { LANGUAGE_TAG } from "../i18n";
import { useI18n } from "../i18n-context";

const useStyles = makeStyles({
  group: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
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
        <ToggleButton
          key={option.value}
          size="small"
          lang={LANGUAGE_TAG[option.value]}
          checked={language === option.value}
          onClick={() => {
            if (language !== option.value) onChange(option.value);
          }}
        >
          {option.label}
        </ToggleButton>
      ))}
    </div>
  );
}
