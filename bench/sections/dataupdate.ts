/**
 * Section 7: the data updater (scripts/update-data.ts) on Epoch AI's full CSV snapshots (models
 * and hardware, read from the repository's data/upstream/epoch as local paths: no network), into a temporary
 * feed built as `npm run build` builds it. Each run starts from a fresh feed, so it does the
 * whole first-run path: read and hash both files, parse, convert, validate, diff against the
 * published rows, write and validate the new feed, swap it in. Report only, no budget: it runs
 * once a day on a server, not in Excel.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { emitFeed } from "../../scripts/feed-assets";
import { updateData } from "../../scripts/update-data";
import { EPOCH_HARDWARE_CSV, EPOCH_MODELS_CSV } from "../../scripts/upstream";
import { emptyResult, fmtNum, nowMs, type SectionResult } from "../lib/report";

export const DATA_UPDATE_KEYS = ["data_update_ms"];

const CSV = {
  "epoch-models": EPOCH_MODELS_CSV,
  "epoch-accelerators": EPOCH_HARDWARE_CSV,
};

export async function runDataUpdate(runs: number): Promise<SectionResult> {
  const r = emptyResult();
  const files = emitFeed();
  const times: number[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-data-update-"));
  try {
    for (let i = 0; i < runs; i++) {
      const feedDir = path.join(tmp, `data-${i}`);
      fs.mkdirSync(feedDir);
      for (const [name, text] of files) fs.writeFileSync(path.join(feedDir, name), text);
      const t0 = nowMs();
      await updateData({ feedDir, sources: CSV, env: {} });
      times.push(nowMs() - t0);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  r.figures.data_update_ms = Math.round(median);
  r.rows.push({ section: "dataupdate", what: `data:update, both Epoch CSVs (median of ${runs})`, value: `${fmtNum(median)} ms` });
  return r;
}
