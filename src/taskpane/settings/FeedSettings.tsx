/** The feed URL: the add-in's own by default, or a custom https address the pane remembers. */
import { useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { checkFeedUrl } from "../feedUrl";
import { useText } from "../text";
import { SETTINGS_MESSAGES, type SettingsKey } from "./strings";
import { Field, TextInput } from "../components/controls";
import { Note } from "../components/ErrorBox";

const REASON_KEYS: Readonly<Record<"malformed" | "notHttps" | "credentials", SettingsKey>> = {
  malformed: "feedUrlMalformed",
  notHttps: "feedUrlNotHttps",
  credentials: "feedUrlCredentials",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  current: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  text: { margin: 0 },
});

export interface FeedSettingsProps {
  /** The saved custom URL, or null when the default is used. */
  customUrl: string | null;
  defaultUrl: string;
  /** Remember `url` (null: back to the default); rejects when the setting could not be saved. */
  onSave(url: string | null): Promise<void>;
}

type Outcome = { kind: "saved"; url: string } | { kind: "reset" } | { kind: "failed"; detail?: string } | null;

export function FeedSettings({ customUrl, defaultUrl, onSave }: FeedSettingsProps) {
  const t = useText(SETTINGS_MESSAGES);
  const styles = useStyles();
  const [draft, setDraft] = useState(customUrl ?? "");
  const [problem, setProblem] = useState<SettingsKey | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const save = async (url: string | null) => {
    try {
      await onSave(url);
      setOutcome(url === null ? { kind: "reset" } : { kind: "saved", url });
    } catch (error) {
      setOutcome({ kind: "failed", detail: error instanceof Error ? error.message : undefined });
    }
  };

  const submit = () => {
    const check = checkFeedUrl(draft);
    if (check.ok) {
      setProblem(null);
      setDraft(check.url);
      void save(check.url);
    } else if (check.reason === "empty") {
      setProblem(null);
      void save(null);
    } else {
      setOutcome(null);
      setProblem(REASON_KEYS[check.reason]);
    }
  };

  return (
    <form
      className={styles.root}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Field label={t("feedUrlLabel")} hint={t("feedUrlHint", { url: defaultUrl })} error={problem ? t(problem) : undefined}>
        {(control) => (
          <TextInput
            {...control}
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder="https://"
            value={draft}
            onChange={(value) => {
              setDraft(value);
              setProblem(null);
            }}
          />
        )}
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary">
          {t("feedUrlSave")}
        </Button>
        <Button
          type="button"
          disabled={customUrl === null && draft.trim() === ""}
          onClick={() => {
            setDraft("");
            setProblem(null);
            void save(null);
          }}
        >
          {t("feedUrlReset")}
        </Button>
      </div>
      <p className={styles.current}>{t("feedUrlCurrent", { url: customUrl ?? defaultUrl })}</p>
      <div role="status">
        {outcome?.kind === "saved" ? (
          <Note intent="success">
            <p className={styles.text}>{t("feedUrlSaved", { url: outcome.url })}</p>
          </Note>
        ) : outcome?.kind === "reset" ? (
          <Note intent="success">
            <p className={styles.text}>{t("feedUrlResetDone", { url: defaultUrl })}</p>
          </Note>
        ) : outcome?.kind === "failed" ? (
          <Note intent="error" detail={outcome.detail}>
            <p className={styles.text}>{t("settingsSaveFailed")}</p>
          </Note>
        ) : null}
      </div>
    </form>
  );
}
