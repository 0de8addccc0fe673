/** Where inserts go and whether they bring a chart; headers follow the pane's language. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { InsertOptions as WorkbookInsertOptions } from "../../sheet/workbook";
import { useI18n } from "../i18n-context";
import { Checkbox, Field, RadioGroup } from "./controls";

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
      <Field group label={t("targetLabel")}>
        {(control, labelId) => (
          <RadioGroup
            aria-labelledby={labelId}
            aria-describedby={control["aria-describedby"]}
            value={value.target}
            options={[
              { value: "newSheet", label: t("targetNewSheet") },
              { value: "selection", label: t("targetSelection") },
            ]}
            onChange={(target) => onChange({ ...value, target })}
          />
        )}
      </Field>
      <Checkbox checked={value.chart} label={t("includeChart")} onChange={(chart) => onChange({ ...value, chart })} />
      <p className={styles.note}>{t("headerLanguageNote")}</p>
    </div>
  );
}
