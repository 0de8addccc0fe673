/** A coloured note: an error (what went wrong, what to do) or a success, with optional detail. */
import type { ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n-context";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThickest} solid`,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  error: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeftColor: tokens.colorPaletteRedBorder2,
    color: tokens.colorNeutralForeground1,
  },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderLeftColor: tokens.colorPaletteGreenBorder2,
    color: tokens.colorNeutralForeground1,
  },
  info: {
    backgroundColor: tokens.colorNeutralBackground3,
    borderLeftColor: tokens.colorNeutralStroke1,
    color: tokens.colorNeutralForeground1,
  },
  text: { margin: 0 },
  detail: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface NoteProps {
  intent: "error" | "success" | "info";
  children: ReactNode;
  detail?: string;
}

export function Note({ intent, children, detail }: NoteProps) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.box, styles[intent])} data-intent={intent}>
      {children}
      {detail ? <p className={styles.detail}>{t("details", { detail })}</p> : null}
    </div>
  );
}

export interface ErrorBoxProps {
  /** A heading line before the message, e.g. "Could not insert X." */
  heading?: string;
  message: string;
  detail?: string;
}

export function ErrorBox({ heading, message, detail }: ErrorBoxProps) {
  const styles = useStyles();
  return (
    <Note intent="error" detail={detail}>
      {heading ? <p className={styles.text}><strong>{heading}</strong></p> : null}
      <p className={styles.text}>{message}</p>
    </Note>
  );
}
