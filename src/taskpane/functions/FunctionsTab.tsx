/**
 * PLACEHOLDER (issue 20, item 3 and 4): the Functions tab, the function builder and "explain this
 * cell". The shell loads this module lazily (its default export) when the tab opens. Replaced by
 * the real builder; nothing here is finished work.
 */
import type { ReactElement } from "react";
import type { PaneDeps } from "../deps";

export interface FunctionsTabProps {
  deps: PaneDeps;
}

export default function FunctionsTab(_props: FunctionsTabProps): ReactElement {
  return <p>Functions</p>;
}
