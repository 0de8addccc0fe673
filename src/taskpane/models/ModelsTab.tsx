/**
 * The Models tab (issue 20): the formula mode, the templates, each with Build, and the status
 * line of a build. A chunk of its own, loaded when the tab is first opened; the template list
 * comes from deps.listModels (the builders themselves load when a model is built).
 */
import { useEffect, useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ModelMode } from "../../sheet/models/common";
import type { ModelTemplateInfo, PaneDeps } from "../deps";
import { thrownMessage } from "../errors";
import type { I18n } from "../i18n-context";
import { textOf, useText } from "../text";
import type { Loadable } from "../components/loadable";
import type { Activity } from "../shell/activity";
import { errorView, progress, SkippedList, StatusSlot, type StatusView } from "../shell/Status";
import { Models } from "./Models";
import { MODELS_MESSAGES } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
});

export interface ModelsTabProps {
  deps: PaneDeps;
  busy: boolean;
  mode: ModelMode;
  onModeChange(mode: ModelMode): void;
  onBuild(model: ModelTemplateInfo): void;
}

/** A build's status line: loading its data, building, built (with what an older Excel left out), or failed. */
function describeBuild(activity: Activity, { language }: I18n): StatusView | null {
  const t = textOf(MODELS_MESSAGES, language);
  switch (activity.kind) {
    case "building": {
      const title = activity.title[language];
      return progress(activity.loading.length > 0 ? t("loadingModelData", { title, datasets: activity.loading.join(", ") }) : t("building", { title }));
    }
    case "built": {
      const { result } = activity;
      return {
        intent: result.skipped?.length ? "info" : "success",
        summary: t("buildSuccess", { title: activity.title[language], sheet: result.sheetName, address: result.address }),
        details: result.skipped?.length ? <SkippedList skipped={result.skipped} /> : undefined,
      };
    }
    case "buildFailed":
      return errorView(t("buildFailed", { title: activity.title[language] }), thrownMessage(language, activity.error));
    default:
      return null;
  }
}

export default function ModelsTab({ deps, busy, mode, onModeChange, onBuild }: ModelsTabProps) {
  const t = useText(MODELS_MESSAGES);
  const styles = useStyles();
  const [models, setModels] = useState<Loadable<readonly ModelTemplateInfo[]>>({ state: "loading" });
  useEffect(() => {
    let live = true;
    deps.listModels().then(
      (value) => live && setModels({ state: "ready", value }),
      (error: unknown) => live && setModels({ state: "failed", detail: error instanceof Error && error.message ? error.message : undefined })
    );
    return () => {
      live = false;
    };
  }, [deps]);
  return (
    <section className={styles.root} aria-labelledby="pane-models-heading">
      <h2 id="pane-models-heading" className={styles.heading}>
        {t("modelsHeading")}
      </h2>
      <StatusSlot place="models" describe={describeBuild} />
      <Models models={models} mode={mode} onModeChange={onModeChange} busy={busy} onBuild={onBuild} />
    </section>
  );
}
