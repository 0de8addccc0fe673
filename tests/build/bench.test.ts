/**
 * `npm run bench` runs (quick mode, against the dist/ that `npm test` just built) and keeps its
 * contract: the last line is one JSON object whose keys are exactly those bench/README.md
 * documents, and no section failed. The budgets that are counts, not times (syncs, request and
 * bundle bytes), are checked here too, because they do not vary from run to run. Timed budgets
 * are left to the bench: a test makes no timing assertion.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { DIST } from "./dist";

const ROOT = path.resolve(__dirname, "../..");

/** Keys the README's "JSON keys" table documents: every backticked name in a row's first cell. */
function documentedKeys(): Set<string> {
  const md = fs.readFileSync(path.join(ROOT, "bench/README.md"), "utf8");
  const table = md.slice(md.indexOf("## JSON keys"), md.indexOf("\n## ", md.indexOf("## JSON keys") + 1));
  const keys = new Set<string>();
  for (const line of table.split("\n")) {
    const first = /^\|([^|]*)\|/.exec(line);
    if (!first) continue;
    for (const m of first[1].matchAll(/`([a-z0-9_]+)`/g)) keys.add(m[1]);
  }
  return keys;
}

/** Budgets that are counts: syncs, bytes. Their figures are the same in every run. */
const COUNT_BUDGETS = [
  "syncs_per_insert_max",
  "syncs_per_insert_selection_max",
  "syncs_per_refresh",
  "syncs_per_model_max",
  "syncs_per_portable_sheet",
  "syncs_per_import",
  "refresh_small_change_bytes",
  "max_payload_bytes",
  "functions_gzip_bytes",
  "taskpane_gzip_bytes",
];

interface BudgetOut {
  value: number | null;
  limit: number;
  inclusive: boolean;
  status: string;
}

describe("npm run bench", () => {
  const present = fs.existsSync(path.join(DIST, "functions.js"));
  let out: Record<string, unknown> = {};

  beforeAll(() => {
    if (!present) return;
    const stdout = execFileSync(process.execPath, ["bench/run.js", "--quick", "--no-build"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines = stdout.trimEnd().split("\n");
    out = JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
  }, 150_000);

  it("dist/ exists (npm test runs `npm run build` first)", () => {
    if (!present) throw new Error(`${DIST} has no production build: run \`npm run build\` first (npm test does it)`);
  });

  (present ? it : it.skip)("prints one JSON object whose keys are exactly the documented ones", () => {
    const documented = documentedKeys();
    expect(documented.size).toBeGreaterThan(30);
    expect(Object.keys(out).filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented].filter((k) => !(k in out))).toEqual([]);
  });

  (present ? it : it.skip)("every section measured something: no figure is n/a", () => {
    expect(out.na).toEqual({});
  });

  (present ? it : it.skip)("the budgets that are counts are met: syncs, request bytes, bundle bytes", () => {
    const budgets = out.budgets as Record<string, BudgetOut>;
    for (const key of COUNT_BUDGETS) {
      const b = budgets[key];
      expect({ key, status: b?.status }).toEqual({ key, status: "ok" });
      expect(b.value).toBe(out[key]);
    }
    expect(out.syncs_per_insert_max).toBe(1);
    expect(out.syncs_per_model_max).toBe(1);
    expect(out.syncs_per_refresh).toBe(2);
    expect(out.syncs_per_portable_sheet).toBe(2);
  });
});
