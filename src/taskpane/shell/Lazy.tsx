/**
 * A part of the pane loaded when first shown (a tab, "Paste a table", diagnostics): its module is
 * a chunk of its own (import() in `load`, a module-level constant), so the scripts the pane
 * loads up front stay within their budget (bench/README.md). A chunk that fails to load says so,
 * with a button to try again.
 */
import { useEffect, useState } from "react";
import type { ComponentType } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n-context";
import { useText } from "../text";
import { Spinner } from "../components/controls";
import { ErrorBox } from "../components/ErrorBox";
import { SHELL_MESSAGES } from "./strings";

const useStyles = makeStyles({
  failed: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS },
});

type State<P> = { state: "loading" } | { state: "ready"; component: ComponentType<P> } | { state: "failed"; detail?: string };

export interface LazyProps<P> {
  load: () => Promise<{ default: ComponentType<P> }>;
  props: P;
}

export function Lazy<P extends object>({ load, props }: LazyProps<P>) {
  const { t } = useI18n();
  const st = useText(SHELL_MESSAGES);
  const styles = useStyles();
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<State<P>>({ state: "loading" });
  useEffect(() => {
    let live = true;
    setLoaded({ state: "loading" });
    load().then(
      (module) => live && setLoaded({ state: "ready", component: module.default }),
      (error: unknown) => live && setLoaded({ state: "failed", detail: error instanceof Error ? error.message : String(error) })
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);
  if (loaded.state === "loading") return <Spinner label={t("loading")} />;
  if (loaded.state === "failed")
    return (
      <div className={styles.failed}>
        <ErrorBox message={st("tabLoadFailed")} detail={loaded.detail} />
        <Button size="small" onClick={() => setAttempt((n) => n + 1)}>
          {st("tabRetry")}
        </Button>
      </div>
    );
  const Component = loaded.component;
  return <Component {...props} />;
}
