/**
 * PLACEHOLDER (issue 22, item 3): "Paste a table" on the Data tab: a text box, a preview grid
 * with types, units and flags, then insert. The shell loads this module lazily (its default
 * export). Replaced by the real importer UI; nothing here is finished work.
 */
import type { ReactElement } from "react";
import type { PaneDeps } from "../deps";

export interface PasteTableProps {
  deps: PaneDeps;
  /** Called after a table was inserted, so the shell reloads the list of inserted tables. */
  onInserted(): void;
}

export default function PasteTable(_props: PasteTableProps): ReactElement {
  return <p>Paste a table</p>;
}
