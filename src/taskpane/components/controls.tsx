/**
 * Light stand-ins for Fluent UI's Field, Input, RadioGroup/Radio, Checkbox, Spinner and
 * ProgressBar, drawn with Fluent's own tokens and measurements (16 px indicators, 32 px input,
 * 2 px bar, the same colours per state, the same focus ring and animations) on native elements.
 *
 * Why not Fluent's components: each one's styles carry every size, layout and appearance it
 * offers (Field also brings icons, ProgressBar a motion library). With ToggleButton (see
 * LanguageSwitch.tsx) they made up 17 KB of the 119 KB gzip of taskpane.js, in the scripts the
 * pane loads up front (bench/README.md has the budget). The pane uses one size and one layout
 * of each, so only that is here. Native elements keep what the Fluent ones gave:
 * roles (radiogroup, radio, checkbox, progressbar), labels and descriptions, arrow keys inside
 * a radio group, Space to toggle, high-contrast colours.
 */
import { useId } from "react";
import type { InputHTMLAttributes, ReactElement, ReactNode, RefObject } from "react";
import { makeStyles, mergeClasses, tokens, useFocusWithin } from "@fluentui/react-components";

/**
 * The four border colours (makeStyles takes no multi-value shorthand). Not Griffel's
 * `shorthands`, nor Fluent's createFocusOutlineStyle that uses it: that object brings every
 * one of its helpers into the bundle (1.7 KB gzip).
 */
export function borderColor(color: string) {
  return { borderTopColor: color, borderRightColor: color, borderBottomColor: color, borderLeftColor: color };
}

const INDICATOR = "16px";
/** Per-state colours of a choice's indicator, set on its root (as Fluent's Checkbox does). */
const BORDER = "--pane-choice-border";
const FILL = "--pane-choice-fill";
const MARK = "--pane-choice-mark";

/** One of the spinner's two arcs (Fluent's tail ::before and ::after), timed as the tail is. */
const ARC = {
  content: '""',
  position: "absolute",
  display: "block",
  width: "100%",
  height: "100%",
  backgroundImage: "conic-gradient(currentcolor 135deg, transparent 135deg)",
  animationDuration: "1.5s",
  animationIterationCount: "infinite",
  animationTimingFunction: tokens.curveEasyEase,
} as const;

const useStyles = makeStyles({
  // Field: label, control, validation message, hint (Fluent's vertical Field).
  field: { display: "grid", minWidth: 0 },
  label: {
    maxWidth: "max-content",
    padding: `${tokens.spacingVerticalXXS} 0`,
    marginBottom: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground1,
  },
  secondary: {
    marginTop: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  error: { color: tokens.colorPaletteRedForeground1, paddingLeft: `calc(12px + ${tokens.spacingHorizontalXS})` },
  errorIcon: {
    display: "inline-block",
    marginLeft: `calc(-12px - ${tokens.spacingHorizontalXS})`,
    marginRight: tokens.spacingHorizontalXS,
    lineHeight: 0,
    verticalAlign: "-1px",
    fill: "currentColor",
  },

  group: { display: "flex", flexDirection: "column", alignItems: "flex-start" },

  // Fluent's medium outline Input: a box with a darker bottom edge that a brand-coloured
  // underline grows across on focus.
  inputBox: {
    position: "relative",
    display: "inline-flex",
    alignItems: "center",
    boxSizing: "border-box",
    minWidth: 0,
    minHeight: "32px",
    verticalAlign: "middle",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    "::after": {
      boxSizing: "border-box",
      content: '""',
      position: "absolute",
      left: "-1px",
      bottom: "-1px",
      right: "-1px",
      height: `max(2px, ${tokens.borderRadiusMedium})`,
      borderBottomLeftRadius: tokens.borderRadiusMedium,
      borderBottomRightRadius: tokens.borderRadiusMedium,
      borderBottom: `2px solid ${tokens.colorCompoundBrandStroke}`,
      clipPath: "inset(calc(100% - 2px) 0 0 0)",
      transform: "scaleX(0)",
      transitionProperty: "transform",
      transitionDuration: tokens.durationUltraFast,
      transitionDelay: tokens.curveAccelerateMid,
      "@media screen and (prefers-reduced-motion: reduce)": { transitionDuration: "0.01ms", transitionDelay: "0.01ms" },
    },
    ":focus-within::after": {
      transform: "scaleX(1)",
      transitionDuration: tokens.durationNormal,
      transitionDelay: tokens.curveDecelerateMid,
      "@media screen and (prefers-reduced-motion: reduce)": { transitionDuration: "0.01ms", transitionDelay: "0.01ms" },
    },
    ":focus-within:active::after": { borderBottomColor: tokens.colorCompoundBrandStrokePressed },
    ":focus-within": { outline: "2px solid transparent" },
    ":hover": { ...borderColor(tokens.colorNeutralStroke1Hover), borderBottomColor: tokens.colorNeutralStrokeAccessibleHover },
    ":active,:focus-within": { ...borderColor(tokens.colorNeutralStroke1Pressed), borderBottomColor: tokens.colorNeutralStrokeAccessiblePressed },
  },
  inputInvalid: { ":not(:focus-within),:hover:not(:focus-within)": borderColor(tokens.colorPaletteRedBorder2) },
  inputText: {
    alignSelf: "stretch",
    boxSizing: "border-box",
    flexGrow: 1,
    minWidth: 0,
    borderTopStyle: "none",
    borderRightStyle: "none",
    borderBottomStyle: "none",
    borderLeftStyle: "none",
    padding: `0 ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: "transparent",
    "::placeholder": { color: tokens.colorNeutralForeground4, opacity: 1 },
    outlineStyle: "none",
    fontFamily: "inherit",
    fontSize: "inherit",
    fontWeight: "inherit",
    lineHeight: "inherit",
  },

  // A radio or a checkbox: an invisible native input over a drawn indicator, then the label.
  choice: {
    position: "relative",
    display: "inline-flex",
    maxWidth: "100%",
    color: tokens.colorNeutralForeground3,
    // Fluent's focus ring for a control with a hidden input (createFocusOutlineStyle with
    // selector "focus-within", written out: that helper bundles all of Griffel's shorthands).
    // useFocusWithin sets the attribute while focus inside came from the keyboard.
    "&[data-fui-focus-within]:focus-within": {
      "::after": {
        content: '""',
        position: "absolute",
        pointerEvents: "none",
        zIndex: 1,
        border: `2px solid ${tokens.colorStrokeFocus2}`,
        borderRadius: tokens.borderRadiusMedium,
        inset: "-2px",
      },
      "@media (forced-colors: active)": { "::after": borderColor("Highlight") },
    },
  },
  off: {
    ":hover": { color: tokens.colorNeutralForeground2, [BORDER]: tokens.colorNeutralStrokeAccessibleHover },
    ":active": { color: tokens.colorNeutralForeground1, [BORDER]: tokens.colorNeutralStrokeAccessiblePressed },
  },
  radioOn: {
    color: tokens.colorNeutralForeground1,
    [BORDER]: tokens.colorCompoundBrandStroke,
    [MARK]: tokens.colorCompoundBrandForeground1,
    ":hover": { [BORDER]: tokens.colorCompoundBrandStrokeHover, [MARK]: tokens.colorCompoundBrandForeground1Hover },
    ":active": { [BORDER]: tokens.colorCompoundBrandStrokePressed, [MARK]: tokens.colorCompoundBrandForeground1Pressed },
    "@media (forced-colors: active)": { [BORDER]: "Highlight", [MARK]: "Highlight" },
  },
  checkOn: {
    color: tokens.colorNeutralForeground1,
    [BORDER]: tokens.colorCompoundBrandBackground,
    [FILL]: tokens.colorCompoundBrandBackground,
    [MARK]: tokens.colorNeutralForegroundInverted,
    ":hover": { [BORDER]: tokens.colorCompoundBrandBackgroundHover, [FILL]: tokens.colorCompoundBrandBackgroundHover },
    ":active": { [BORDER]: tokens.colorCompoundBrandBackgroundPressed, [FILL]: tokens.colorCompoundBrandBackgroundPressed },
  },
  input: {
    position: "absolute",
    left: 0,
    top: 0,
    boxSizing: "border-box",
    width: `calc(${INDICATOR} + 2 * ${tokens.spacingHorizontalS})`,
    height: "100%",
    margin: 0,
    opacity: 0,
    cursor: "pointer",
  },
  indicator: {
    position: "relative",
    boxSizing: "border-box",
    flexShrink: 0,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    overflow: "hidden",
    width: INDICATOR,
    height: INDICATOR,
    margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid var(${BORDER}, ${tokens.colorNeutralStrokeAccessible})`,
    backgroundColor: `var(${FILL})`,
    color: `var(${MARK})`,
    fill: "currentColor",
    pointerEvents: "none",
    "@media (forced-colors: active)": borderColor(`var(${BORDER}, ButtonBorder)`),
  },
  round: { borderRadius: tokens.borderRadiusCircular },
  square: { borderRadius: tokens.borderRadiusSmall },
  dot: {
    "::after": {
      content: '""',
      position: "absolute",
      width: INDICATOR,
      height: INDICATOR,
      borderRadius: tokens.borderRadiusCircular,
      // A transform, not a smaller box: no rounding errors at 125 % (as in Fluent's Radio).
      transform: "scale(0.625)",
      backgroundColor: "currentColor",
      "@media (forced-colors: active)": { backgroundColor: "Highlight" },
    },
  },
  choiceLabel: {
    alignSelf: "center",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    // The label's line is taller than the indicator: keep the row as tall as the indicator's box.
    margin: `calc((${INDICATOR} - ${tokens.lineHeightBase300}) / 2) 0`,
    color: "inherit",
    cursor: "pointer",
  },

  // Fluent's small Spinner: a 28 px ring, a brand-coloured arc that grows, shrinks and turns.
  spinner: { display: "flex", alignItems: "center", justifyContent: "center", gap: "8px", lineHeight: 0, overflow: "hidden", minWidth: "min-content" },
  ring: {
    position: "relative",
    flexShrink: 0,
    width: "28px",
    height: "28px",
    maskImage: `radial-gradient(closest-side, transparent calc(100% - ${tokens.strokeWidthThick} - 1px), white calc(100% - ${tokens.strokeWidthThick}) calc(100% - 1px), transparent 100%)`,
    backgroundColor: tokens.colorBrandStroke2Contrast,
    color: tokens.colorBrandStroke1,
    animationDuration: "1.5s",
    animationIterationCount: "infinite",
    animationTimingFunction: "linear",
    animationName: { "0%": { transform: "rotate(0deg)" }, "100%": { transform: "rotate(360deg)" } },
    "@media screen and (prefers-reduced-motion: reduce)": { animationDuration: "1.8s" },
    "@media screen and (forced-colors: active)": { backgroundColor: "HighlightText", color: "Highlight", forcedColorAdjust: "none" },
  },
  tail: {
    position: "absolute",
    display: "block",
    width: "100%",
    height: "100%",
    maskImage: "conic-gradient(transparent 105deg, white 105deg)",
    animationDuration: "1.5s",
    animationIterationCount: "infinite",
    animationTimingFunction: tokens.curveEasyEase,
    animationName: { "0%": { transform: "rotate(-135deg)" }, "50%": { transform: "rotate(0deg)" }, "100%": { transform: "rotate(225deg)" } },
    "::before": {
      ...ARC,
      animationName: { "0%": { transform: "rotate(0deg)" }, "50%": { transform: "rotate(105deg)" }, "100%": { transform: "rotate(0deg)" } },
    },
    "::after": {
      ...ARC,
      animationName: { "0%": { transform: "rotate(0deg)" }, "50%": { transform: "rotate(225deg)" }, "100%": { transform: "rotate(0deg)" } },
    },
    "@media screen and (prefers-reduced-motion: reduce)": {
      animationIterationCount: "0",
      backgroundImage: "conic-gradient(transparent 120deg, currentcolor 360deg)",
      "::before": { content: "none" },
      "::after": { content: "none" },
    },
  },
  // Fluent's ProgressBar (medium, rounded, brand): a 2 px track; without a value, a third-wide
  // bar slides across it (reduced motion: the whole bar pulses instead).
  track: {
    display: "block",
    width: "100%",
    height: "2px",
    overflow: "hidden",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground6,
    "@media screen and (forced-colors: active)": { backgroundColor: "CanvasText" },
  },
  bar: {
    height: "100%",
    borderRadius: "inherit",
    backgroundColor: tokens.colorCompoundBrandBackground,
    "@media screen and (forced-colors: active)": { backgroundColor: "Highlight" },
  },
  determinate: { transitionProperty: "width", transitionDuration: "0.3s", transitionTimingFunction: "ease" },
  indeterminate: {
    maxWidth: "33%",
    position: "relative",
    backgroundImage: `linear-gradient(to right, ${tokens.colorNeutralBackground6} 0%, ${tokens.colorTransparentBackground} 50%, ${tokens.colorNeutralBackground6} 100%)`,
    animationDuration: "3s",
    animationIterationCount: "infinite",
    animationTimingFunction: "linear",
    animationName: { from: { transform: "translateX(-100%)" }, to: { transform: "translateX(300%)" } },
    "@media screen and (prefers-reduced-motion: reduce)": {
      maxWidth: "100%",
      animationName: { "0%": { opacity: 0.2 }, "50%": { opacity: 1 }, "100%": { opacity: 0.2 } },
    },
  },
  spinnerLabel: { lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground1 },
});

/** Fluent's 12 px filled icons, as paths (Checkmark12Filled; DiamondDismiss12Filled, which Field shows beside an error). */
function Icon12({ path, className }: { path: string; className?: string }) {
  return (
    <svg className={className} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d={path} />
    </svg>
  );
}
const CHECKMARK = "M9.76 3.2c.3.29.32.76.04 1.06l-4.25 4.5a.75.75 0 0 1-1.08.02L2.22 6.53a.75.75 0 0 1 1.06-1.06l1.7 1.7L8.7 3.24a.75.75 0 0 1 1.06-.04";
const DIAMOND_DISMISS =
  "M4.59 1.09a2 2 0 0 1 2.82 0l3.5 3.5a2 2 0 0 1 0 2.82l-3.5 3.5a2 2 0 0 1-2.82 0l-3.5-3.5a2 2 0 0 1 0-2.83zm3.26 3.06a.5.5 0 0 0-.7 0L6 5.29 4.85 4.15a.5.5 0 0 0-.7.7L5.29 6 4.15 7.15a.5.5 0 0 0 .7.7L6 6.71l1.15 1.14a.5.5 0 1 0 .7-.7L6.71 6l1.14-1.15a.5.5 0 0 0 0-.7";

/** What a field hands to its control: the ids that tie the label, hint and error to it. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

export interface FieldProps {
  label: string;
  hint?: string;
  /** Shown in red with an icon and announced (role="alert"); the control is marked invalid. */
  error?: string;
  /**
   * A group of controls (a radio group): named by aria-labelledby={labelId}, since a <label>
   * can only be for one input. Otherwise the control takes `id` and the label is for it.
   */
  group?: boolean;
  children(control: FieldControlProps, labelId: string): ReactElement;
}

/** A label, a control, an error and a hint, as Fluent's vertical Field lays them out. */
export function Field({ label, hint, error, group, children }: FieldProps) {
  const styles = useStyles();
  const id = useId();
  const labelId = `${id}label`;
  const errorId = error ? `${id}error` : undefined;
  const hintId = hint ? `${id}hint` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field}>
      <label id={labelId} htmlFor={group ? undefined : id} className={styles.label}>
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, ...(error ? { "aria-invalid": true } : {}) }, labelId)}
      {error ? (
        <div id={errorId} role="alert" className={mergeClasses(styles.secondary, styles.error)}>
          <Icon12 path={DIAMOND_DISMISS} className={styles.errorIcon} />
          {error}
        </div>
      ) : null}
      {hint ? (
        <div id={hintId} className={styles.secondary}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export interface TextInputProps
  extends FieldControlProps, Pick<InputHTMLAttributes<HTMLInputElement>, "type" | "inputMode" | "autoComplete" | "spellCheck" | "placeholder"> {
  value: string;
  onChange(value: string): void;
}

/** A one-line text box that looks like Fluent's Input (medium, outline); props go to the <input>. */
export function TextInput({ value, onChange, ...native }: TextInputProps) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.inputBox, native["aria-invalid"] && styles.inputInvalid)}>
      <input {...native} className={styles.inputText} value={value} onChange={(event) => onChange(event.currentTarget.value)} />
    </span>
  );
}

interface ChoiceProps {
  type: "radio" | "checkbox";
  name?: string;
  checked: boolean;
  label: ReactNode;
  describedBy?: string;
  onChange(checked: boolean): void;
}

function Choice({ type, name, checked, label, describedBy, onChange }: ChoiceProps) {
  const styles = useStyles();
  const id = useId();
  const radio = type === "radio";
  return (
    <span
      ref={useFocusWithin<HTMLSpanElement>() as RefObject<HTMLSpanElement>}
      className={mergeClasses(styles.choice, !checked ? styles.off : radio ? styles.radioOn : styles.checkOn)}
    >
      <input
        id={id}
        type={type}
        name={name}
        checked={checked}
        aria-describedby={describedBy}
        className={styles.input}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span aria-hidden="true" className={mergeClasses(styles.indicator, radio ? styles.round : styles.square, radio && checked && styles.dot)}>
        {!radio && checked ? <Icon12 path={CHECKMARK} /> : null}
      </span>
      <label htmlFor={id} className={styles.choiceLabel}>
        {label}
      </label>
    </span>
  );
}

export interface RadioGroupProps<T extends string> {
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange(value: T): void;
  /** Names the group (a Field's label id). */
  "aria-labelledby"?: string;
  "aria-describedby"?: string;
}

/**
 * Native radios under one name: Tab reaches the chosen one, arrow keys move the choice. Each
 * radio is also described by the group's description, as in Fluent (read when a radio takes focus).
 */
export function RadioGroup<T extends string>({ value, options, onChange, ...aria }: RadioGroupProps<T>) {
  const styles = useStyles();
  const name = useId();
  return (
    <div role="radiogroup" className={styles.group} {...aria}>
      {options.map((option) => (
        <Choice
          key={option.value}
          type="radio"
          name={name}
          checked={option.value === value}
          label={option.label}
          describedBy={aria["aria-describedby"]}
          onChange={(checked) => {
            if (checked) onChange(option.value);
          }}
        />
      ))}
    </div>
  );
}

export function Checkbox({ checked, label, onChange }: { checked: boolean; label: string; onChange(checked: boolean): void }) {
  return <Choice type="checkbox" checked={checked} label={label} onChange={onChange} />;
}

export interface ProgressBarProps {
  "aria-label": string;
  /** Done so far, out of `max`; leave both out while the amount of work is unknown. */
  value?: number;
  max?: number;
}

/** Progress of the pane's current work, as Fluent's ProgressBar draws and announces it. */
export function ProgressBar({ value, max = 1, ...aria }: ProgressBarProps) {
  const styles = useStyles();
  const known = value !== undefined;
  return (
    <div
      role="progressbar"
      aria-valuemin={known ? 0 : undefined}
      aria-valuemax={known ? max : undefined}
      aria-valuenow={value}
      className={styles.track}
      {...aria}
    >
      <div
        className={mergeClasses(styles.bar, known ? value > 0 && styles.determinate : styles.indeterminate)}
        style={known ? { width: `${Math.min(100, Math.max(0, (value / max) * 100))}%` } : undefined}
      />
    </div>
  );
}

/** Something is loading: Fluent's small Spinner with its label beside it (role="progressbar"). */
export function Spinner({ label }: { label: string }) {
  const styles = useStyles();
  const id = useId();
  return (
    <div role="progressbar" aria-labelledby={id} className={styles.spinner}>
      <span className={styles.ring}>
        <span className={styles.tail} />
      </span>
      <span id={id} className={styles.spinnerLabel}>
        {label}
      </span>
    </div>
  );
}
