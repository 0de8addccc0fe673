/** Where inserts go and whether they bring a chart; headers follow the pane's language. */
import { Checkbox, Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { InsertOptions as WorkbookInsertOptions } from "../../sheet/workbook";
import { useI18n } from "../i18n-context";

export type InsertChoices = Pick<WorkbookInsertOptions, "target" | "chart">;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface InsertOptionsProps {
  value: InsertChoices;
  onChange(value: InsertChoices): void;
}

export function InsertOptions({ value, onChange }: InsertOptionsProps) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field label={t("targetLabel")}>
        <RadioGroup
          value={value.target}
          onChange={(_, data) => onChange({ ...value, target: data.value === "selection" ? "selection" : "newSheet" })}
        >
          <Radio value="newSheet" label={t("targetNewSheet")} />
          <Radio value="selection" label={t("targetSelection")} />
        </RadioGroup>
      </Field>
      <Checkbox
        checked={value.chart}
        label={t("includeChart")}
        onChange={(_, data) => onChange({ ...value, chart: data.checked === true })}
      />
      <p className={styles.note}>{t("headerLanguageNote")}</p>
    </div>
  );
}
