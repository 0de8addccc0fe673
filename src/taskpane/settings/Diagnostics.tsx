/**
 * PLACEHOLDER (issue 21, item 9): "Run diagnostics" on the Settings tab. The shell loads this
 * module lazily (its default export). Replaced by the real diagnostics; nothing here is finished
 * work.
 */
import type { ReactElement } from "react";
import type { PaneDeps } from "../deps";

export interface DiagnosticsProps {
  deps: PaneDeps;
}

export default function Diagnostics(_props: DiagnosticsProps): ReactElement {
  return <p>Diagnostics</p>;
}
