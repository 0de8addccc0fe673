/**
 * Section 7: the data updater (scripts/update-data.ts) on Epoch AI's full CSV snapshots (models
 * and hardware, read from the repository's data/upstream/epoch as local paths: no network), into a temporary
 * feed built as `npm run build` builds it. Each run starts from a fresh feed, so it does the
 * whole first-run path: read and hash both files, parse, convert, validate, diff against the
 * published rows, write and validate the new feed, publish it as a new version (the first run
 * turns the fresh directory into a link to a version). Also the CSV parser alone: the models
 * snapshot, and a 150 MB CSV whose second record is one field, which it must refuse (linear time,
 * no string built a character at a time). Report only, no budget: it runs once a day on a
 * server, not in Excel.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { emitFeed } from "../../scripts/feed-assets";
import { parseCsv } from "../../scripts/epoch-convert";
import { updateData } from "../../scripts/update-data";
import { EPOCH_HARDWARE_CSV, EPOCH_MODELS_CSV } from "../../scripts/upstream";
import { emptyResult, fmtNum, nowMs, type SectionResult } from "../lib/report";

export const DATA_UPDATE_KEYS = ["data_update_ms", "csv_parse_ms", "csv_oversized_field_ms"];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** ms to run f, median of `runs`. */
function timeIt(runs: number, f: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    f();
    times.push(nowMs() - t0);
  }
  return median(times);
}

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
  const update = median(times);
  r.figures.data_update_ms = Math.round(update);
  r.rows.push({ section: "dataupdate", what: `data:update, both Epoch CSVs (median of ${runs})`, value: `${fmtNum(update)} ms` });

  const models = fs.readFileSync(EPOCH_MODELS_CSV, "utf8");
  const parse = timeIt(runs, () => parseCsv(models));
  r.figures.csv_parse_ms = Math.round(parse * 10) / 10;
  r.rows.push({ section: "dataupdate", what: `parseCsv, models snapshot (${fmtNum(models.length / 1e6)} M chars)`, value: `${fmtNum(parse)} ms` });

  const huge = `a,b\n${"x".repeat(150_000_000)},y\n`;
  let refused = "";
  const oversized = timeIt(1, () => {
    try {
      parseCsv(huge);
    } catch (e) {
      refused = (e as Error).message;
    }
  });
  r.figures.csv_oversized_field_ms = Math.round(oversized);
  r.rows.push({
    section: "dataupdate",
    what: "parseCsv refuses a 150 MB field",
    value: `${fmtNum(oversized)} ms`,
    baseline: refused ? "refused" : "NOT REFUSED",
  });
  return r;
}
