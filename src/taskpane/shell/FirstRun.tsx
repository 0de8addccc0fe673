/**
 * The first-run card (issue 20): three places to start (insert a dataset, build a model, try a
 * function), shown on the Data tab until the workbook has a table the add-in inserted or the
 * analyst hides it. Compact: a heading and the three as buttons, each with a tooltip saying more.
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
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  starts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
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
  return (
    <section className={styles.card} aria-labelledby="pane-first-run-heading" data-first-run="">
      <div className={styles.head}>
        <h2 id="pane-first-run-heading" className={styles.heading}>
          {st("firstRunHeading")}
        </h2>
        <Button size="small" appearance="subtle" onClick={onDismiss}>
          {st("firstRunDismiss")}
        </Button>
      </div>
      <div className={styles.starts}>
        <Button size="small" appearance="primary" title={st("firstRunInsertHint")} onClick={onInsert}>
          {st("firstRunInsert")}
        </Button>
        <Button size="small" title={st("firstRunModelHint")} onClick={onModel}>
          {st("firstRunModel")}
        </Button>
        <Button size="small" title={st("firstRunFunctionHint")} onClick={onFunction}>
          {st("firstRunFunction")}
        </Button>
      </div>
    </section>
  );
}
