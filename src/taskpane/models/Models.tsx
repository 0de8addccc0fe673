/**
 * The analyst model templates: the formula mode (AI functions or portable), then each template
 * as a compact row: its title and Build, its one-sentence description under them. The sheet
 * follows the pane's language; results and errors are shown in the tab's status line.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { ModelMode } from "../../sheet/models/common";
import type { ModelTemplateInfo } from "../deps";
import { useI18n } from "../i18n-context";
import { useText } from "../text";
import { MODELS_MESSAGES } from "./strings";
import { Field, RadioGroup, Spinner } from "../components/controls";
import { ErrorBox } from "../components/ErrorBox";
import type { Loadable } from "../components/loadable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", minWidth: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalS, minWidth: 0 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  text: { margin: 0, overflowWrap: "anywhere", maxWidth: "100%" },
  description: { margin: 0, overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  meta: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export interface ModelsProps {
  models: Loadable<readonly ModelTemplateInfo[]>;
  mode: ModelMode;
  onModeChange(mode: ModelMode): void;
  busy: boolean;
  onBuild(model: ModelTemplateInfo): void;
}

export function Models({ models, mode, onModeChange, busy, onBuild }: ModelsProps) {
  const t = useText(MODELS_MESSAGES);
  const styles = useStyles();

  if (models.state === "loading") return <Spinner label={t("loadingModels")} />;
  if (models.state === "failed") return <ErrorBox message={t("loadModelsFailed")} detail={models.detail} />;
  if (models.value.length === 0) return <p className={styles.text}>{t("noModels")}</p>;

  return (
    <div className={styles.root}>
      <Field group label={t("formulaModeLabel")} hint={t(mode === "ai" ? "modeAiHint" : "modePortableHint")}>
        {(control, labelId) => (
          <RadioGroup
            aria-labelledby={labelId}
            aria-describedby={control["aria-describedby"]}
            value={mode}
            options={[
              { value: "ai", label: t("modeAi") },
              { value: "portable", label: t("modePortable") },
            ]}
            onChange={onModeChange}
          />
        )}
      </Field>
      <p className={styles.note}>{t("modelLanguageNote")}</p>
      <ul className={styles.list}>
        {models.value.map((model) => (
          <ModelEntry key={model.id} model={model} busy={busy} onBuild={onBuild} />
        ))}
      </ul>
    </div>
  );
}

function ModelEntry({ model, busy, onBuild }: { model: ModelTemplateInfo; busy: boolean; onBuild(model: ModelTemplateInfo): void }) {
  const { language } = useI18n();
  const t = useText(MODELS_MESSAGES);
  const styles = useStyles();
  const title = model.title[language];
  return (
    <li className={styles.item}>
      <div className={styles.head}>
        <h3 className={styles.title}>{title}</h3>
        <Button size="small" appearance="primary" disabled={busy} aria-label={t("buildModelAria", { title })} onClick={() => onBuild(model)}>
          {t("buildModel")}
        </Button>
      </div>
      <p className={styles.description}>{model.description[language]}</p>
      {model.requires.length > 0 ? <p className={styles.meta}>{t("modelNeedsData", { datasets: model.requires.join(", ") })}</p> : null}
    </li>
  );
}
