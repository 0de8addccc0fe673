/**
 * The pane's tab list: Data · Models · Functions · Share · Settings, drawn as Fluent's small
 * TabList draws it (its tokens: transparent tabs, the selected one's text in semibold with a
 * brand-coloured bar under it, a grey bar on hover, Fluent's focus ring), with the WAI-ARIA tabs
 * pattern Fluent follows: one tab in the Tab order (the selected one), Left/Right (wrapping),
 * Home and End move the focus, Enter or Space opens the focused tab ("manual activation").
 *
 * Why not Fluent's TabList: it arrows between tabs with tabster's mover, which brought 34 KB
 * gzip into the scripts the pane loads up front (measured: taskpane.js 110 → 146 KB gzip), over
 * their budget (bench/README.md). As with controls.tsx, only the one size and layout the pane
 * uses is here.
 */
import { useRef } from "react";
import type { KeyboardEvent } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useText } from "../text";
import { TAB_IDS, type TabId } from "../tabs";
import { SHELL_MESSAGES } from "./strings";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "stretch",
    minWidth: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    position: "relative",
    flexShrink: 0,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    margin: 0,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    cursor: "pointer",
    outlineStyle: "none",
    ":hover": { backgroundColor: tokens.colorTransparentBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ":active": { backgroundColor: tokens.colorTransparentBackgroundPressed, color: tokens.colorNeutralForeground2Pressed },
    // The bar under a tab: grey while hovered, brand-coloured when selected.
    "::before": {
      content: '""',
      position: "absolute",
      bottom: 0,
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
      height: tokens.strokeWidthThick,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: "transparent",
    },
    ":hover::before": { backgroundColor: tokens.colorNeutralStroke1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    "@media (forced-colors: active)": { ":hover::before": { backgroundColor: "Highlight" } },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ":hover": { color: tokens.colorNeutralForeground1Hover },
    "::before": { backgroundColor: tokens.colorCompoundBrandStroke },
    ":hover::before": { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    "@media (forced-colors: active)": { "::before": { backgroundColor: "ButtonText" } },
  },
});

/** The ids tying each tab to its panel. */
export const tabElementId = (tab: TabId): string => `pane-tab-${tab}`;
export const panelElementId = (tab: TabId): string => `pane-panel-${tab}`;

/** Where the focus goes from tab `index` of `count` on `key`; null for any other key. */
export function nextTabIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

export function TabBar({ selected, onSelect }: { selected: TabId; onSelect(tab: TabId): void }) {
  const st = useText(SHELL_MESSAGES);
  const styles = useStyles();
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = nextTabIndex(event.key, index, TAB_IDS.length);
    if (next === null) return;
    event.preventDefault();
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={st("tabList")} className={styles.list}>
      {TAB_IDS.map((tab, index) => (
        <button
          key={tab}
          ref={(el) => {
            buttons.current[index] = el;
          }}
          type="button"
          role="tab"
          id={tabElementId(tab)}
          aria-selected={tab === selected}
          aria-controls={panelElementId(tab)}
          tabIndex={tab === selected ? 0 : -1}
          data-tab={tab}
          className={mergeClasses(styles.tab, tab === selected && styles.selected)}
          onClick={() => onSelect(tab)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {st(tab)}
        </button>
      ))}
    </div>
  );
}
