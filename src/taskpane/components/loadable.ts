/** A value the pane is waiting for: loading, loaded, or failed with a technical detail. */
export type Loadable<T> = { state: "loading" } | { state: "ready"; value: T } | { state: "failed"; detail?: string };
