/**
 * The workbench's ribbon strip (issue 20): the manifest's own tab (ribbon-manifest.ts), drawn
 * above the grid as Excel draws it on the ribbon, each button running the same handler Office
 * would (the one src/commands/ribbon.ts associates with its FunctionName), so the e2e can drive
 * the ribbon. A button is busy until its handler calls event.completed(), as on the ribbon.
 */
import { useState } from "react";
import type { ReactElement } from "react";
import type { RibbonControl, RibbonTab } from "./ribbon-manifest";

export interface RibbonStripProps {
  /** The tab, or why it could not be read. */
  tab: RibbonTab | { error: string };
  /** Runs a control's action; resolves when its handler completes. */
  run(control: RibbonControl): Promise<void>;
}

export function RibbonStrip({ tab, run }: RibbonStripProps): ReactElement {
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  if ("error" in tab)
    return (
      <div className="wb-ribbon" role="toolbar" aria-label="Ribbon">
        <span className="wb-ribbon-error">Ribbon: {tab.error}</span>
      </div>
    );
  const press = async (control: RibbonControl) => {
    setFailure(null);
    setBusy((prev) => new Set([...prev, control.id]));
    try {
      await run(control);
    } catch (error) {
      setFailure(`${control.label}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy((prev) => new Set([...prev].filter((id) => id !== control.id)));
    }
  };
  return (
    <div className="wb-ribbon" role="toolbar" aria-label={`Ribbon: ${tab.label}`} data-ribbon-tab={tab.id}>
      <span className="wb-ribbon-tab" aria-hidden="true">
        {tab.label}
      </span>
      {tab.groups.map((group) => (
        <div key={group.id} className="wb-ribbon-group" role="group" aria-label={group.label}>
          <div className="wb-ribbon-buttons">
            {group.controls.map((control) => (
              <button
                key={control.id}
                type="button"
                className="wb-ribbon-button"
                title={`${control.title}\n${control.description}`}
                aria-busy={busy.has(control.id) || undefined}
                disabled={busy.has(control.id)}
                data-control={control.id}
                data-function={control.action.kind === "function" ? control.action.name : undefined}
                onClick={() => void press(control)}
              >
                <img src={control.icon16} alt="" width={16} height={16} />
                <span>{control.label}</span>
              </button>
            ))}
          </div>
          <div className="wb-ribbon-group-label" aria-hidden="true">
            {group.label}
          </div>
        </div>
      ))}
      {failure ? (
        <span className="wb-ribbon-error" role="alert">
          {failure}
        </span>
      ) : null}
    </div>
  );
}
