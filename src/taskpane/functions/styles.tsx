/**
 * The Functions tab's look: compact for a 320-350 px pane, in Fluent's design tokens, written as
 * the CSS variables FluentProvider defines (`var(--colorNeutralForeground3)` is what
 * `tokens.colorNeutralForeground3` holds) and applied as inline styles.
 *
 * Why not makeStyles, tokens and Fluent's Button, as the shell uses: this tab is a lazy chunk,
 * and a module the pane's up-front scripts contain that a lazy chunk also imports can no longer
 * be concatenated into the entry (webpack's scope hoisting), so importing Griffel and Fluent
 * from here grew taskpane.js by 6.7 KB gzip past its budget (bench: taskpane_gzip_bytes).
 * Inline styles set through the DOM are not style attributes in the markup, so the pane's
 * Content-Security-Policy (style-src with a nonce) admits them.
 */
import type { ButtonHTMLAttributes, CSSProperties } from "react";

const v = (token: string): string => `var(--${token})`;
const box = (color: string): CSSProperties => ({ borderWidth: "1px", borderStyle: "solid", borderColor: color, borderRadius: v("borderRadiusMedium") });

export const STYLES = {
  tab: { display: "flex", flexDirection: "column", gap: v("spacingVerticalL"), minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: v("spacingVerticalS"), minWidth: 0 },
  heading: { margin: 0, fontSize: v("fontSizeBase400"), lineHeight: v("lineHeightBase400"), fontWeight: v("fontWeightSemibold") },
  text: { margin: 0, overflowWrap: "anywhere" },
  muted: { margin: 0, color: v("colorNeutralForeground3"), fontSize: v("fontSizeBase200"), lineHeight: v("lineHeightBase200"), overflowWrap: "anywhere" },
  error: { margin: 0, color: v("colorPaletteRedForeground1"), overflowWrap: "anywhere" },
  code: { fontFamily: v("fontFamilyMonospace"), fontSize: v("fontSizeBase200"), overflowWrap: "anywhere" },
  formula: {
    margin: 0,
    padding: `${v("spacingVerticalXS")} ${v("spacingHorizontalS")}`,
    fontFamily: v("fontFamilyMonospace"),
    fontSize: v("fontSizeBase200"),
    backgroundColor: v("colorNeutralBackground1"),
    ...box(v("colorNeutralStroke2")),
    overflowWrap: "anywhere",
  },
  steps: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: v("spacingVerticalS") },
  step: {
    display: "flex",
    flexDirection: "column",
    gap: v("spacingVerticalXXS"),
    padding: v("spacingHorizontalS"),
    backgroundColor: v("colorNeutralBackground1"),
    ...box(v("colorNeutralStroke2")),
  },
  stepTitle: { margin: 0, fontWeight: v("fontWeightSemibold"), fontSize: v("fontSizeBase300") },
  args: { margin: 0, paddingLeft: v("spacingHorizontalL"), fontSize: v("fontSizeBase200") },
  numbers: { margin: 0, fontWeight: v("fontWeightSemibold"), overflowWrap: "anywhere" },
  sources: { margin: 0, paddingLeft: v("spacingHorizontalL"), fontSize: v("fontSizeBase200"), color: v("colorNeutralForeground2") },
  input: {
    boxSizing: "border-box",
    width: "100%",
    minWidth: 0,
    height: "32px",
    padding: `0 ${v("spacingHorizontalS")}`,
    fontFamily: v("fontFamilyBase"),
    fontSize: v("fontSizeBase300"),
    color: v("colorNeutralForeground1"),
    backgroundColor: v("colorNeutralBackground1"),
    ...box(v("colorNeutralStroke1")),
    borderBottomColor: v("colorNeutralStrokeAccessible"),
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    maxHeight: "220px",
    overflowY: "auto",
    backgroundColor: v("colorNeutralBackground1"),
    ...box(v("colorNeutralStroke2")),
  },
  groupLabel: {
    padding: `${v("spacingVerticalXS")} ${v("spacingHorizontalS")}`,
    fontSize: v("fontSizeBase200"),
    fontWeight: v("fontWeightSemibold"),
    color: v("colorNeutralForeground3"),
  },
  option: {
    display: "flex",
    flexDirection: "column",
    padding: `${v("spacingVerticalXS")} ${v("spacingHorizontalS")}`,
    cursor: "pointer",
    overflowWrap: "anywhere",
  },
  optionActive: { backgroundColor: v("colorNeutralBackground1Selected"), boxShadow: `inset 2px 0 0 ${v("colorBrandStroke1")}` },
  optionSelected: { fontWeight: v("fontWeightSemibold") },
  optionDetail: { fontSize: v("fontSizeBase200"), color: v("colorNeutralForeground3"), fontWeight: v("fontWeightRegular") },
  arg: { display: "flex", flexDirection: "column", gap: v("spacingVerticalXXS"), minWidth: 0 },
  argLabel: { margin: 0, fontWeight: v("fontWeightSemibold") },
  row: { display: "flex", flexWrap: "wrap", gap: v("spacingHorizontalXS"), alignItems: "center" },
  picker: {
    display: "flex",
    flexDirection: "column",
    gap: v("spacingVerticalXS"),
    padding: v("spacingHorizontalS"),
    backgroundColor: v("colorNeutralBackground3"),
    borderRadius: v("borderRadiusMedium"),
  },
  link: { color: v("colorBrandForegroundLink") },
} satisfies Record<string, CSSProperties>;

export type StyleName = keyof typeof STYLES;

/** The tab's styles (a hook in name only, so components read as the pane's others do). */
export function useFunctionStyles(): typeof STYLES {
  return STYLES;
}

/** Styles merged left to right; a false entry is skipped. */
export function merge(...parts: (CSSProperties | false | null | undefined)[]): CSSProperties {
  return Object.assign({}, ...parts.filter(Boolean));
}

const BUTTON: CSSProperties = {
  fontFamily: v("fontFamilyBase"),
  fontSize: v("fontSizeBase300"),
  fontWeight: v("fontWeightSemibold"),
  lineHeight: v("lineHeightBase300"),
  minHeight: "32px",
  padding: `0 ${v("spacingHorizontalM")}`,
  color: v("colorNeutralForeground1"),
  backgroundColor: v("colorNeutralBackground1"),
  cursor: "pointer",
  ...box(v("colorNeutralStroke1")),
};

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "style" | "type"> {
  /** Fluent's primary appearance (brand fill). */
  primary?: boolean;
  /** Fluent's subtle appearance (no border or fill). */
  subtle?: boolean;
  small?: boolean;
}

/** A button drawn as Fluent's Button (medium, or small), on the native element. */
export function Button({ primary, subtle, small, disabled, ...native }: ButtonProps) {
  const style = merge(
    BUTTON,
    small && { minHeight: "24px", padding: `0 ${v("spacingHorizontalS")}`, fontSize: v("fontSizeBase200"), fontWeight: v("fontWeightRegular") },
    primary && { color: v("colorNeutralForegroundOnBrand"), backgroundColor: v("colorBrandBackground"), borderColor: "transparent" },
    subtle && { backgroundColor: "transparent", borderColor: "transparent" },
    disabled && {
      color: v("colorNeutralForegroundDisabled"),
      backgroundColor: v("colorNeutralBackgroundDisabled"),
      borderColor: v("colorNeutralStrokeDisabled"),
      cursor: "not-allowed",
    }
  );
  return <button type="button" disabled={disabled} style={style} {...native} />;
}
