/**
 * Writing the data feed: its JSON Schema (feed.schema.json) and the builder of its files.
 *
 * Build side only: scripts/feed-assets.ts (the webpack build), scripts/update-data.ts and tests
 * import it; no browser entry does (tests/data/catalog.test.ts checks). It is where zod's JSON
 * Schema generator is imported, so that generator never reaches functions.js or taskpane.js; the
 * validation the add-in runs is in feed.ts.
 */
import { toJSONSchema } from "zod/mini";
import {
  CATALOG_FILE,
  catalogEntryOf,
  catalogSchema,
  changelogSchema,
  datasetFileSchema,
  FEED_FORMAT_VERSION,
  MAX_FEED_BYTES,
  megabytes,
  SCHEMA_FILE,
  utf8Length,
  validateCatalog,
  validateDataset,
  type DatasetFile,
  type FeedCatalog,
} from "./feed";
import type { Dataset } from "./types";

/**
 * JSON Schema (draft 2020-12) of the feed's three kinds of file, generated from the zod schemas
 * of feed.ts (cross-field checks such as row width are not expressible there; validateDataset
 * does them).
 */
export function feedJsonSchema(): Record<string, unknown> {
  const strip = (s: Record<string, unknown>): Record<string, unknown> => {
    const { $schema: _ignored, ...rest } = s;
    void _ignored;
    return rest;
  };
  const opts = { io: "input" } as const; // unknown keys are ignored by the validator, so allowed here
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: SCHEMA_FILE,
    title: `AI Compute Analyst data feed, format ${FEED_FORMAT_VERSION}`,
    description: `${CATALOG_FILE} matches $defs.catalog; each <id>.json matches $defs.dataset; each <id>.changelog.json matches $defs.changelog.`,
    $defs: {
      catalog: strip(toJSONSchema(catalogSchema, opts) as Record<string, unknown>),
      dataset: strip(toJSONSchema(datasetFileSchema, opts) as Record<string, unknown>),
      changelog: strip(toJSONSchema(changelogSchema, opts) as Record<string, unknown>),
    },
    anyOf: [{ $ref: "#/$defs/catalog" }, { $ref: "#/$defs/dataset" }, { $ref: "#/$defs/changelog" }],
  };
}

/**
 * Builds the feed's files: catalog.json, one <id>.json per dataset and feed.schema.json, as a
 * Map from file name to JSON text. Throws (a build bug, not a user error) when a dataset is
 * invalid, an id repeats or a file would exceed MAX_FEED_BYTES.
 * Example: `buildFeed(DATASETS, new Date()).get("catalog.json")`.
 */
export function buildFeed(datasets: readonly Dataset[], generatedAt: Date | string): Map<string, string> {
  const when = typeof generatedAt === "string" ? generatedAt : generatedAt.toISOString();
  const files = new Map<string, string>();
  datasets.forEach((d, i) => {
    const file: DatasetFile = { format: FEED_FORMAT_VERSION, ...d };
    const text = JSON.stringify(file);
    const checked = validateDataset(file, `datasets[${i}]`);
    if (!checked.ok) throw new Error(`buildFeed: ${checked.error.message}`);
    if (utf8Length(text) > MAX_FEED_BYTES) throw new Error(`buildFeed: ${d.id}.json is over ${megabytes(MAX_FEED_BYTES)}`);
    files.set(`${d.id}.json`, text);
  });
  const catalog: FeedCatalog = { format: FEED_FORMAT_VERSION, generatedAt: when, datasets: datasets.map(catalogEntryOf) };
  const checked = validateCatalog(catalog);
  if (!checked.ok) throw new Error(`buildFeed: catalog: ${checked.error.message}`);
  files.set(CATALOG_FILE, JSON.stringify(catalog, null, 1));
  files.set(SCHEMA_FILE, JSON.stringify(feedJsonSchema(), null, 2));
  return files;
}
