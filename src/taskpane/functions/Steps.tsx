/** An explanation's steps, as "Explain this cell" and the builder's live result show them. */
import type { Explanation } from "../../functions/explain";
import type { Language } from "../../sheet/workbook";
import { ft } from "./strings";
import { useFunctionStyles } from "./styles";

type Explained = Extract<Explanation, { kind: "explained" }>;

/** Only https links are rendered as links (the feed's text is data, never markup). */
const isHttps = (url: string | undefined): url is string => typeof url === "string" && /^https:\/\//i.test(url);

export function Steps({ explanation, language }: { explanation: Explained; language: Language }) {
  const styles = useFunctionStyles();
  return (
    <ol style={styles.steps}>
      {explanation.steps.map((step, i) => (
        <li key={i} style={styles.step}>
          <p style={styles.stepTitle}>{ft(language, "stepHeading", { n: i + 1, label: step.label })}</p>
          <code style={styles.code}>{step.call}</code>
          {step.args.length > 0 ? (
            <ul style={styles.args} aria-label={ft(language, "argsLabel")}>
              {step.args.map((a) => (
                <li key={a.name}>
                  <span style={styles.code}>{a.name}</span>: {a.from ? ft(language, "argFrom", { value: a.shown, from: a.from }) : a.shown}
                </li>
              ))}
            </ul>
          ) : null}
          {step.error ? (
            <p style={styles.error}>
              {step.error.argument
                ? ft(language, "errorIn", { code: step.error.code, argument: step.error.argument, message: step.error.message })
                : ft(language, "errorPlain", { code: step.error.code, message: step.error.message })}
            </p>
          ) : (
            <p style={styles.numbers}>{step.text}</p>
          )}
          {step.sources.length > 0 ? (
            <ul style={styles.sources} aria-label={ft(language, "sourcesLabel")}>
              {step.sources.map((s, j) => (
                <li key={j}>
                  {isHttps(s.url) ? (
                    <a style={styles.link} href={s.url} target="_blank" rel="noopener noreferrer">
                      {s.text}
                    </a>
                  ) : (
                    s.text
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
