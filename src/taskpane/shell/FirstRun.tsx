/**
 * The first-run card (issue 20): three places to start (insert a dataset, build a model, try a
 * function), shown on the Data tab until the workbook has a table the add-in inserted or the
 * analyst hides it.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useText } from "../text";
import { SHELL_MESSAGES } from "./strings";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    minWidth: 0,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", alignItems: "flex-start", minWidth: 0 },
  go: { paddingLeft: 0, paddingRight: 0, minWidth: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  dismiss: { alignSelf: "flex-end" },
});

export interface FirstRunProps {
  onInsert(): void;
  onModel(): void;
  onFunction(): void;
  onDismiss(): void;
}

export function FirstRun({ onInsert, onModel, onFunction, onDismiss }: FirstRunProps) {
  const st = useText(SHELL_MESSAGES);
  const styles = useStyles();
  const starts = [
    { key: "insert", label: st("firstRunInsert"), hint: st("firstRunInsertHint"), go: onInsert },
    { key: "model", label: st("firstRunModel"), hint: st("firstRunModelHint"), go: onModel },
    { key: "function", label: st("firstRunFunction"), hint: st("firstRunFunctionHint"), go: onFunction },
  ];
  return (
    <section className={styles.card} aria-labelledby="pane-first-run-heading" data-first-run="">
      <h2 id="pane-first-run-heading" className={styles.heading}>
        {st("firstRunHeading")}
      </h2>
      <ul className={styles.list}>
        {starts.map((s) => (
          <li key={s.key} className={styles.item}>
            <Button className={styles.go} appearance="transparent" size="small" onClick={s.go}>
              {s.label} →
            </Button>
            <p className={styles.hint}>{s.hint}</p>
          </li>
        ))}
      </ul>
      <Button className={styles.dismiss} size="small" onClick={onDismiss}>
        {st("firstRunDismiss")}
      </Button>
    </section>
  );
}
