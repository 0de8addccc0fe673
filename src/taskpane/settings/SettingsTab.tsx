/**
 * The Settings tab (issue 20): the data feed's URL, the help page, and "Run diagnostics" (issue
 * 21, its own chunk, loaded with the tab). A chunk of its own, loaded when the tab is first
 * opened. The ribbon's Help button opens this tab with the help link focused.
 */
import { useEffect, useRef } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { PaneDeps } from "../deps";
import { useText } from "../text";
import { Lazy } from "../shell/Lazy";
import { FeedSettings } from "./FeedSettings";
import { SETTINGS_MESSAGES } from "./strings";

const loadDiagnostics = () => import(/* webpackChunkName: "diagnostics" */ "./Diagnostics");

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, overflowWrap: "anywhere" },
  link: { color: tokens.colorBrandForegroundLink, ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
});

export interface SettingsTabProps {
  deps: PaneDeps;
  customFeedUrl: string | null;
  onSaveFeedUrl(url: string | null): Promise<void>;
  /** Set (with a new serial each time) when the ribbon's Help button opened the tab. */
  focusHelp: number;
}

export default function SettingsTab({ deps, customFeedUrl, onSaveFeedUrl, focusHelp }: SettingsTabProps) {
  const st = useText(SETTINGS_MESSAGES);
  const styles = useStyles();
  const help = useRef<HTMLAnchorElement>(null);
  const helpUrl = deps.helpUrl ?? new URL("help.html", deps.defaultFeedUrl).href;

  useEffect(() => {
    if (focusHelp > 0) help.current?.focus();
  }, [focusHelp]);

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="pane-settings-heading">
        <h2 id="pane-settings-heading" className={styles.heading}>
          {st("settingsHeading")}
        </h2>
        <FeedSettings customUrl={customFeedUrl} defaultUrl={deps.defaultFeedUrl} onSave={onSaveFeedUrl} />
      </section>
      <section className={styles.section} aria-labelledby="pane-help-heading">
        <h2 id="pane-help-heading" className={styles.heading}>
          {st("helpHeading")}
        </h2>
        <p className={styles.text}>{st("helpText")}</p>
        <p className={styles.text}>
          <a ref={help} className={styles.link} href={helpUrl} target="_blank" rel="noopener noreferrer">
            {st("helpLink")}
          </a>
        </p>
      </section>
      {/* Its own chunk, loaded with the tab: one click runs the checks. */}
      <Lazy load={loadDiagnostics} props={{ deps }} />
    </div>
  );
}
