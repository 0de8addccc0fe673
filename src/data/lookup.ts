/**
 * Name lookups behind AI.MODEL, AI.CHIP, AI.DATASET and AI.DATASETS: a model or chip found by
 * any of its names (Chinese or English, any case, spacing, punctuation or width), one field
 * of it returned as a number or text, or a cell error that says what is known instead.
 *
 * Each index is a Map built once; a lookup is one Map.get, never a scan. Only a failed
 * lookup looks further, at a bounded cost (suggest.ts): the closest names, or for a chip
 * family's name the family's chips (chip-families.ts).
 */
import { CellError, isCellError, naError, valueError } from "../core/errors";
import type { Language } from "../sheet/workbook";
import { ALL_DATASET_IDS, DATASETS, EPOCH_MODELS_ID, FEED_ONLY_IDS, getDataset } from "./catalog";
import { EPOCH_ACCELERATORS_ID } from "./ids";
import { chipFamily } from "./chip-families";
import { editDistance, normalizeName, quoteName } from "./names";
import { QUERY_CHARS, suggestAcross } from "./suggest";
import type { CellValue, Dataset } from "./types";

export { editDistance, normalizeName } from "./names";

/** How to index a dataset by name. */
export interface NameIndexSpec {
  /** What a row is, for messages: "model", "chip". */
  kind: string;
  /** Columns whose value is a name of the row. */
  nameColumns: readonly string[];
  /** A column of "; "-separated extra names. */
  aliasColumn?: string;
  /** Columns whose value may precede a name ("NVIDIA" + "A100"). */
  prefixColumns?: readonly string[];
  /** The column shown in messages and suggestions. */
  labelColumn: string;
  /** Extra field names → column key (column keys themselves always work). */
  fieldAliases: Readonly<Record<string, string>>;
  /** A name on two rows: "throw" for curated data (a bug), "first" for external data. */
  onDuplicate: "throw" | "first";
  /**
   * Looser names of a row (e.g. without the vendor's brand words), found only when no row has
   * the name exactly. A loose name that two rows share finds neither: it is ambiguous.
   */
  looseNames?: (row: readonly CellValue[], dataset: Dataset) => readonly string[];
  /** Fields computed from a column, e.g. year from a release date. */
  computedFields?: Readonly<Record<string, ComputedField>>;
  /** The column naming a row's maker; an index with one answers family names (chip-families.ts). */
  vendorColumn?: string;
}

/** A field whose value is computed from one column's value. */
export interface ComputedField {
  column: string;
  /** The field's value; null when the column's value gives none. */
  map: (v: CellValue) => CellValue;
}

/** A dataset indexed by normalised name and field. */
export interface NameIndex {
  readonly dataset: Dataset;
  readonly spec: NameIndexSpec;
  /** Normalised name → row. */
  readonly byName: ReadonlyMap<string, number>;
  /** Row → its normalised exact names, in the order the spec lists them (label column first). */
  readonly rowNames: readonly (readonly string[])[];
  /** Normalised field name → column. */
  readonly fields: ReadonlyMap<string, number>;
  /** Normalised computed field name → its column, key and mapping. */
  readonly computed: ReadonlyMap<string, { col: number; name: string; map: ComputedField["map"] }>;
  /** Normalised loose name → the rows that share it (two or more). */
  readonly ambiguous: ReadonlyMap<string, readonly number[]>;
  /** Column of the label shown in messages. */
  readonly labelCol: number;
}

const col = (d: Dataset, key: string): number => {
  const i = d.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`${d.id}: no column "${key}"`);
  return i;
};

/** Builds the name and field maps of a dataset. Throws on a bad spec (a programming error). */
export function buildNameIndex(dataset: Dataset, spec: NameIndexSpec): NameIndex {
  const nameCols = spec.nameColumns.map((k) => col(dataset, k));
  const aliasCol = spec.aliasColumn === undefined ? -1 : col(dataset, spec.aliasColumn);
  const prefixCols = (spec.prefixColumns ?? []).map((k) => col(dataset, k));
  const labelCol = col(dataset, spec.labelColumn);

  const byName = new Map<string, number>();
  const rowNames: string[][] = dataset.rows.map(() => []);
  const add = (name: string, row: number): void => {
    const key = normalizeName(name);
    if (key === "") return;
    if (!rowNames[row].includes(key)) rowNames[row].push(key);
    const had = byName.get(key);
    if (had === undefined) byName.set(key, row);
    else if (had !== row && spec.onDuplicate === "throw") {
      throw new Error(`${dataset.id}: name "${name}" is on rows ${had} and ${row}`);
    }
  };
  dataset.rows.forEach((r, i) => {
    const names: string[] = [];
    for (const c of [labelCol, ...nameCols]) if (typeof r[c] === "string") names.push(r[c] as string);
    if (aliasCol >= 0 && typeof r[aliasCol] === "string") names.push(...(r[aliasCol] as string).split(";"));
    const prefixes = prefixCols.map((c) => r[c]).filter((v): v is string => typeof v === "string");
    for (const n of names) {
      add(n, i);
      for (const p of prefixes) add(`${p} ${n}`, i);
    }
  });

  // Loose names: after every exact name, so an exact name always wins. Rows that repeat one
  // exact name (kept as the first) count as that first row, not as an ambiguity.
  const ambiguous = new Map<string, number[]>();
  if (spec.looseNames) {
    const loose = new Map<string, Set<number>>();
    dataset.rows.forEach((r, i) => {
      const own = byName.get(normalizeName(String(r[labelCol] ?? ""))) ?? i;
      for (const n of spec.looseNames!(r, dataset)) {
        const key = normalizeName(n);
        if (key === "" || byName.has(key)) continue;
        const rows = loose.get(key) ?? new Set<number>();
        rows.add(own);
        loose.set(key, rows);
      }
    });
    for (const [key, rows] of loose) {
      if (rows.size === 1) byName.set(key, [...rows][0]);
      else ambiguous.set(key, [...rows]);
    }
  }

  const fields = new Map<string, number>();
  dataset.columns.forEach((c, i) => fields.set(normalizeName(c.key), i));
  for (const [alias, key] of Object.entries(spec.fieldAliases)) fields.set(normalizeName(alias), col(dataset, key));
  const computed = new Map<string, { col: number; name: string; map: ComputedField["map"] }>();
  for (const [name, f] of Object.entries(spec.computedFields ?? {})) computed.set(normalizeName(name), { col: col(dataset, f.column), name, map: f.map });
  return { dataset, spec, byName, rowNames, fields, computed, ambiguous, labelCol };
}

const label = (ix: NameIndex, row: number): string => String(ix.dataset.rows[row][ix.labelCol]);

/**
 * The (up to) `n` names closest to `query`, by edit distance on normalised names, nearest first;
 * empty when none is a near miss. Bounded whatever the query (suggest.ts).
 * Example: `suggest("GPT-9", [modelIndexOf()])` → ["GPT", "GPT-2", "GPT-3"].
 */
export function suggest(query: string, indexes: readonly NameIndex[], n = 3): string[] {
  return suggestAcross(query, indexes, n);
}

/** The `n` candidates closest to `query` (cut to QUERY_CHARS), by edit distance on normalised forms; ties by name. */
function closest(query: string, candidates: readonly string[], n = 3): string[] {
  const q = Array.from(normalizeName(query)).slice(0, QUERY_CHARS).join("");
  return [...new Set(candidates)]
    .map((c) => [c, editDistance(q, normalizeName(c), QUERY_CHARS)] as const)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([c]) => c);
}

function suggestFields(field: string, ix: NameIndex): string[] {
  return closest(field, [...ix.dataset.columns.map((c) => c.key), ...Object.keys(ix.spec.fieldAliases), ...Object.keys(ix.spec.computedFields ?? {})]);
}

const quoteList = (xs: readonly string[]): string => xs.map((x) => `"${x}"`).join(", ");

/** A field of an index: a column, possibly through a computed mapping; undefined when unknown. */
interface FieldRef {
  col: number;
  name: string;
  map?: ComputedField["map"];
}

function fieldOf(ix: NameIndex, field: string): FieldRef | undefined {
  const key = normalizeName(field);
  const c = ix.fields.get(key);
  if (c !== undefined) return { col: c, name: ix.dataset.columns[c].key };
  return ix.computed.get(key);
}

type Hit = { row: number } | { rows: readonly number[] } | undefined;

const find = (ix: NameIndex, key: string): Hit => {
  const row = ix.byName.get(key);
  if (row !== undefined) return { row };
  const rows = ix.ambiguous.get(key);
  return rows === undefined ? undefined : { rows };
};

function ambiguityError(ix: NameIndex, name: string, rows: readonly number[]): CellError {
  const labels = [...new Set(rows.map((r) => label(ix, r)))].sort((a, b) => a.localeCompare(b));
  const shown = labels.length > 5 ? `${quoteList(labels.slice(0, 5))} and ${labels.length - 5} more` : quoteList(labels);
  return naError(`${quoteName(name)} could be ${labels.length} ${ix.spec.kind}s in ${ix.dataset.id}: ${shown}; give the full name`);
}

function valueAt(ix: NameIndex, row: number, f: FieldRef): number | string | CellError {
  const raw: CellValue = ix.dataset.rows[row][f.col];
  const v = f.map && raw !== null ? f.map(raw) : raw;
  if (v === null) return naError(`${label(ix, row)} has no ${f.name} figure in ${ix.dataset.id} (see the dataset's notes)`);
  return typeof v === "boolean" ? String(v) : v;
}

/** How lookupIn treats a field the table that knows the name does not have. */
export interface LookupOptions {
  /**
   * Ask the later indexes that have the field for the same name (AI.CHIP: "fp8" is only in
   * Epoch's table). A figure the first table leaves blank stays blank: only a missing column
   * is looked up elsewhere.
   */
  fieldFallback?: boolean;
  /**
   * Words that say who makes a row, not which row it is ("NVIDIA", "Google"): a family name is
   * also tried without them ("NVIDIA Hopper" → "Hopper"). Given for chips (chip-families.ts).
   */
  brandWords?: ReadonlySet<string>;
}

/** "; did you mean "a", "b"?" or nothing when no name is close. */
const didYouMean = (xs: readonly string[]): string => (xs.length > 0 ? `; did you mean ${quoteList(xs)}?` : "");

/** The #N/A for a name no index has: the family it names (chips), else the closest names, else says none is close. */
function unknownNameError(indexes: readonly NameIndex[], name: string, options: LookupOptions): CellError {
  const kind = indexes[0].spec.kind;
  const family = options.brandWords ? chipFamily(name, indexes, options.brandWords) : null;
  if (family) {
    const shown = family.labels.length > FAMILY_SHOWN ? family.labels.slice(0, FAMILY_SHOWN) : family.labels;
    const more = family.labels.length - shown.length;
    const count = `${family.labels.length} ${kind}${family.labels.length === 1 ? "" : "s"}`;
    const what = family.title === null ? `names ${count}` : `is ${family.title}, a family of ${count}`;
    return naError(
      `${quoteName(name)} ${what} in ${family.datasets.join(", ")}, not one ${kind}: ${quoteList(shown)}${more > 0 ? ` and ${more} more` : ""}; give one ${kind}'s name`
    );
  }
  const close = suggest(name, indexes);
  if (close.length > 0) return naError(`no ${kind} named ${quoteName(name)}${didYouMean(close)}`);
  return naError(`no ${kind} named ${quoteName(name)}, and no name in ${indexes.map((x) => x.dataset.id).join(", ")} is close to it`);
}

/** How many of a family's chips a message lists. */
const FAMILY_SHOWN = 8;

/**
 * One field of the row named `name`, searching `indexes` in order (the first that knows the
 * name answers). Blank cells and unknown names or fields are #N/A with a helpful message; so
 * is a loose name several rows share.
 */
export function lookupIn(indexes: readonly NameIndex[], name: unknown, field: unknown, options: LookupOptions = {}): number | string | CellError {
  return lookupAt(indexes, name, field, options, valueAt);
}

/** What a lookup found: the row that answered and its figure, which may be an error (a blank figure). */
export interface LookupHit {
  value: number | string | CellError;
  dataset: Dataset;
  /** The row's index in dataset.rows. */
  row: number;
  /** The key of the column the figure is in (a computed field: the column it is computed from). */
  column: string;
  /** The row's label, as messages show it. */
  label: string;
}

/**
 * lookupIn, telling which row of which dataset answered (for the sources an explanation cites);
 * an error when no row answered (unknown or ambiguous name, unknown field).
 */
export function lookupHitIn(indexes: readonly NameIndex[], name: unknown, field: unknown, options: LookupOptions = {}): LookupHit | CellError {
  return lookupAt(indexes, name, field, options, (ix, row, f) => ({
    value: valueAt(ix, row, f),
    dataset: ix.dataset,
    row,
    column: ix.dataset.columns[f.col].key,
    label: label(ix, row),
  }));
}

/** The one search behind lookupIn and lookupHitIn; `answer` turns the row that answers into the result. */
function lookupAt<T>(
  indexes: readonly NameIndex[],
  name: unknown,
  field: unknown,
  options: LookupOptions,
  answer: (ix: NameIndex, row: number, f: FieldRef) => T
): T | CellError {
  if (indexes.length === 0) throw new Error("lookupIn: no index");
  // An argument that already is an error passes through unchanged (DESIGN.md).
  if (isCellError(name)) return name;
  if (isCellError(field)) return field;
  const kind = indexes[0].spec.kind;
  const key = typeof name === "string" ? normalizeName(name) : "";
  if (typeof name !== "string" || key === "") return valueError(`give a ${kind} name as text, e.g. "${label(indexes[0], 0)}"`);
  if (typeof field !== "string" || normalizeName(field) === "") return valueError('give a field name as text, e.g. "params"');
  for (let i = 0; i < indexes.length; i++) {
    const ix = indexes[i];
    const hit = find(ix, key);
    if (hit === undefined) continue;
    if ("rows" in hit) return ambiguityError(ix, name, hit.rows);
    const f = fieldOf(ix, field);
    if (f !== undefined) return answer(ix, hit.row, f);
    const noField = `no field ${quoteName(field)} for ${kind}s in ${ix.dataset.id}`;
    const others = options.fieldFallback ? indexes.slice(i + 1).filter((x) => fieldOf(x, field) !== undefined) : [];
    // The name as typed, then the row's own names (its label, aliases): the first exact hit answers.
    const keys = [key, ...ix.rowNames[hit.row].filter((k) => k !== key)];
    for (const ox of others) {
      for (const k of keys) {
        const h = find(ox, k);
        if (h === undefined) continue;
        return "rows" in h ? ambiguityError(ox, name, h.rows) : answer(ox, h.row, fieldOf(ox, field)!);
      }
    }
    if (others.length > 0) {
      return naError(`${noField}; ${others[0].dataset.id} has it but no ${kind} named ${quoteName(name)}${didYouMean(suggest(name, others))}`);
    }
    return naError(`${noField}${didYouMean(suggestFields(field, ix))}`);
  }
  return unknownNameError(indexes, name, options);
}

// ---------------------------------------------------------------------------------------
// Models and chips

/** Field names AI.MODEL accepts besides the column keys of llm-comparison. */
export const MODEL_FIELDS: Readonly<Record<string, string>> = {
  params: "params",
  parameters: "params",
  参数: "params",
  tokens: "training_tokens",
  training_tokens: "training_tokens",
  flop: "training_flop",
  flops: "training_flop",
  compute: "training_flop",
  training_compute: "training_flop",
  算力: "training_flop",
  date: "release_month",
  release: "release_month",
  month: "release_month",
  发布时间: "release_month",
  company: "company_en",
  公司: "company_zh",
  type: "model_type_en",
  type_zh: "model_type_zh",
  模型类型: "model_type_zh",
  data_bytes: "pretrain_data_bytes",
  data: "pretrain_data_bytes",
  data_text: "pretrain_data_text",
  name: "model_en",
  source: "flop_source",
  confidence: "flop_confidence",
};

/** Field names for Epoch AI rows, matched to the same words as MODEL_FIELDS where they mean the same. */
export const EPOCH_MODEL_FIELDS: Readonly<Record<string, string>> = {
  params: "parameters",
  参数: "parameters",
  flop: "training_compute_flop",
  flops: "training_compute_flop",
  compute: "training_compute_flop",
  training_flop: "training_compute_flop",
  training_compute: "training_compute_flop",
  算力: "training_compute_flop",
  date: "publication_date",
  release: "publication_date",
  company: "organization",
  公司: "organization",
  // No "data" or "tokens": Epoch's dataset_size counts datapoints (words, tokens or images by
  // domain), not the report's bytes; asking for it by its own name keeps that visible.
  cost: "training_cost_usd",
  chips: "hardware_quantity",
  name: "model",
};

/** Field names AI.CHIP accepts besides the column keys of accelerators. */
export const CHIP_FIELDS: Readonly<Record<string, string>> = {
  bf16: "tensor16_flops",
  fp16: "tensor16_flops",
  tensor: "tensor16_flops",
  tensor16: "tensor16_flops",
  fp32: "fp32_flops",
  memory: "memory_gb",
  mem: "memory_gb",
  hbm: "memory_gb",
  显存: "memory_gb",
  url: "source_url",
  厂商: "vendor",
  manufacturer: "vendor",
};

/**
 * Field names for Epoch AI's hardware rows (epoch-accelerators), the same words as CHIP_FIELDS
 * where they mean the same, plus the figures only Epoch's table has (fp8, int8, bandwidth, tdp).
 */
export const EPOCH_CHIP_FIELDS: Readonly<Record<string, string>> = {
  bf16: "tensor16_flops",
  fp16: "tensor16_flops",
  tensor: "tensor16_flops",
  tensor16: "tensor16_flops",
  fp32: "fp32_flops",
  fp8: "fp8_flops",
  int8: "int8_ops",
  memory: "memory_gb",
  mem: "memory_gb",
  hbm: "memory_gb",
  显存: "memory_gb",
  bandwidth: "memory_bandwidth",
  bw: "memory_bandwidth",
  带宽: "memory_bandwidth",
  tdp: "tdp_w",
  power: "tdp_w",
  vendor: "manufacturer",
  厂商: "manufacturer",
  date: "release_date",
  release: "release_date",
  url: "source_url",
  source: "source_url",
};

/** year ← release_date's year ("2024-10-10" → 2024), as the curated table's year column. */
const YEAR_FROM_DATE: ComputedField = {
  column: "release_date",
  map: (v) => (typeof v === "string" && /^\d{4}(-|$)/.test(v) ? Number(v.slice(0, 4)) : null),
};

/**
 * Words a chip's name may start with that say who makes it, not which chip it is: "NVIDIA",
 * "Intel Habana", "Google". Stripping them is the only loosening of Epoch's names; a family or
 * model word ("TPU", "Gaudi", "H100") is never dropped, so a loose name cannot become another chip.
 */
const BRAND_WORDS: ReadonlySet<string> = new Set(["nvidia", "amd", "intel", "habana", "google", "cloud", "huawei", "hisilicon", "tesla", "radeon", "instinct"]);

/**
 * Loose names of an Epoch hardware row: its name without leading brand words (the
 * manufacturer's own words count as brand words), each also with the manufacturer in front.
 * Example: "Intel Habana Gaudi2" → "Habana Gaudi2", "Gaudi2", "Intel Habana Gaudi2", "Intel Gaudi2".
 * A loose name keeps a digit, so "NVIDIA Tesla" never becomes "Tesla".
 */
export function epochChipLooseNames(name: string, manufacturer: string | null): string[] {
  const brand = new Set(BRAND_WORDS);
  for (const w of (manufacturer ?? "").split(/\s+/)) if (normalizeName(w) !== "") brand.add(normalizeName(w));
  const words = name.split(/\s+/).filter((w) => normalizeName(w) !== "");
  const out: string[] = [];
  for (let i = 0; i < words.length - 1 && brand.has(normalizeName(words[i])); i++) {
    const rest = words.slice(i + 1).join(" ");
    if (/\d/.test(rest)) out.push(rest);
  }
  const m = manufacturer?.trim() ?? "";
  return m === "" ? out : [...out, ...[name, ...out].map((n) => `${m} ${n}`)];
}

/** Indexes the report's model table (llm-comparison). */
export function buildModelIndex(dataset: Dataset): NameIndex {
  return buildNameIndex(dataset, {
    kind: "model",
    nameColumns: ["model", "model_en"],
    aliasColumn: "aliases",
    prefixColumns: ["company_en", "company_zh"],
    labelColumn: "model_en",
    fieldAliases: MODEL_FIELDS,
    onDuplicate: "throw",
  });
}

/**
 * Indexes Epoch AI's models (the epoch-models dataset, loaded from the feed), to pass to
 * lookupModel as a fallback. Epoch repeats a few names: the first (most recent) row wins.
 */
export function buildEpochModelIndex(dataset: Dataset): NameIndex {
  if (dataset.id !== EPOCH_MODELS_ID) throw new Error(`buildEpochModelIndex: expected ${EPOCH_MODELS_ID}, got ${dataset.id}`);
  return buildNameIndex(dataset, {
    kind: "model",
    nameColumns: ["model"],
    labelColumn: "model",
    fieldAliases: EPOCH_MODEL_FIELDS,
    onDuplicate: "first",
  });
}

/**
 * Indexes Epoch AI's hardware table (epoch-accelerators, loaded from the feed), to pass to
 * lookupChip as a fallback: exact names ("NVIDIA H100 SXM5 80GB"), then the loose names of
 * epochChipLooseNames ("Gaudi2"). A repeated exact name: the first row wins; a loose name two
 * chips share: #N/A listing them.
 */
export function buildEpochChipIndex(dataset: Dataset): NameIndex {
  if (dataset.id !== EPOCH_ACCELERATORS_ID) throw new Error(`buildEpochChipIndex: expected ${EPOCH_ACCELERATORS_ID}, got ${dataset.id}`);
  const m = col(dataset, "manufacturer");
  const n = col(dataset, "name");
  return buildNameIndex(dataset, {
    kind: "chip",
    nameColumns: ["name"],
    labelColumn: "name",
    fieldAliases: EPOCH_CHIP_FIELDS,
    onDuplicate: "first",
    vendorColumn: "manufacturer",
    looseNames: (r) => (typeof r[n] === "string" ? epochChipLooseNames(r[n] as string, typeof r[m] === "string" ? (r[m] as string) : null) : []),
    computedFields: { year: YEAR_FROM_DATE },
  });
}

/** Indexes the accelerators table. */
export function buildChipIndex(dataset: Dataset): NameIndex {
  return buildNameIndex(dataset, {
    kind: "chip",
    nameColumns: ["key", "name", "name_zh"],
    aliasColumn: "aliases",
    prefixColumns: ["vendor"],
    vendorColumn: "vendor",
    labelColumn: "name",
    fieldAliases: CHIP_FIELDS,
    onDuplicate: "throw",
  });
}

const bundled = (id: string): Dataset => {
  const d = getDataset(id);
  if (d === undefined) throw new Error(`lookup: dataset ${id} is not bundled`);
  return d;
};

// Built on first use, then reused: a lookup is a Map.get.
let modelIndex: NameIndex | undefined;
let chipIndex: NameIndex | undefined;
export const modelIndexOf = (): NameIndex => (modelIndex ??= buildModelIndex(bundled("llm-comparison")));
export const chipIndexOf = (): NameIndex => (chipIndex ??= buildChipIndex(bundled("accelerators")));

/**
 * A figure for a model of the report's table (llm-comparison), found by any of its names.
 * `fallback` indexes (e.g. buildEpochModelIndex(epoch-models)) are searched when the report's
 * table does not know the name.
 * Example: `lookupModel("GPT-3", "params")` → 1.75e11; `lookupModel("悟道 2.0", "flop")` → 1.029e25.
 */
export function lookupModel(name: unknown, field: unknown = "params", fallback: readonly NameIndex[] = []): number | string | CellError {
  return lookupIn([modelIndexOf(), ...fallback], name, field);
}

/**
 * A figure for an accelerator, found by any of its names ("H100", "NVIDIA H100", "英伟达 H100").
 * Fields: bf16 (default; dense 16-bit tensor FLOP/s), fp16, fp32, memory_gb, year, vendor, ...
 * `fallback` indexes (buildEpochChipIndex(epoch-accelerators)) answer names the curated table
 * does not know, and fields it has no column for (fp8, int8, bandwidth, tdp). A family's name
 * ("Hopper", "Blackwell", "TPU", "Gaudi", "NVIDIA Ampere") is #N/A listing the family's chips
 * (chip-families.ts). Epoch's "PCle" spelling and "PCIe" are one name (normalizeName).
 * Example: `lookupChip("H100")` → 9.89e14.
 */
export function lookupChip(name: unknown, field: unknown = "bf16", fallback: readonly NameIndex[] = []): number | string | CellError {
  return lookupIn([chipIndexOf(), ...fallback], name, field, { fieldFallback: true, brandWords: BRAND_WORDS });
}

/** lookupModel, with the row that answered (lookupHitIn). */
export function lookupModelHit(name: unknown, field: unknown, fallback: readonly NameIndex[] = []): LookupHit | CellError {
  return lookupHitIn([modelIndexOf(), ...fallback], name, field);
}

/** lookupChip, with the row that answered (lookupHitIn). */
export function lookupChipHit(name: unknown, field: unknown, fallback: readonly NameIndex[] = []): LookupHit | CellError {
  return lookupHitIn([chipIndexOf(), ...fallback], name, field, { fieldFallback: true, brandWords: BRAND_WORDS });
}

/** A row a lookup can name, as a name picker lists it. */
export interface LookupName {
  /** The row's label: a name that finds this row (the text to put in a formula). */
  label: string;
  /** Its other names that find it (Chinese name, key, aliases, loose names), as written. */
  aliases: string[];
  datasetId: string;
  /** The row's index in the dataset's rows. */
  row: number;
}

/**
 * Every row a lookup over `indexes` can answer with, by its label, with the other names that
 * find it: each label and alias listed finds its own row through lookupIn (an earlier index,
 * or an earlier row with the same name, would answer instead: such names are left out, and so
 * is a row no name of which reaches it). In index order, then row order.
 * Example: `lookupNames([chipIndexOf()])[1]` → { label: "NVIDIA A100 SXM", aliases: ["a100", "英伟达 A100", "A100", …], … }.
 */
export function lookupNames(indexes: readonly NameIndex[]): LookupName[] {
  const out: LookupName[] = [];
  indexes.forEach((ix, i) => {
    const earlier = indexes.slice(0, i);
    const reaches = (raw: string, row: number): boolean => {
      const key = normalizeName(raw);
      return key !== "" && ix.byName.get(key) === row && earlier.every((e) => find(e, key) === undefined);
    };
    const { spec, dataset } = ix;
    const cols = [ix.labelCol, ...spec.nameColumns.map((k) => col(dataset, k))];
    const aliasCol = spec.aliasColumn === undefined ? -1 : col(dataset, spec.aliasColumn);
    dataset.rows.forEach((r, row) => {
      const lbl = label(ix, row);
      if (!reaches(lbl, row)) return;
      // The aliases as the data writes them ("A100") before the other name columns (a key such as "a100").
      const names: string[] = [];
      if (aliasCol >= 0 && typeof r[aliasCol] === "string") names.push(...(r[aliasCol] as string).split(";"));
      for (const c of cols) if (typeof r[c] === "string") names.push(r[c] as string);
      if (spec.looseNames) names.push(...spec.looseNames(r, dataset));
      const seen = new Set([normalizeName(lbl)]);
      const aliases: string[] = [];
      for (const n of names.map((x) => x.trim())) {
        const key = normalizeName(n);
        if (seen.has(key) || !reaches(n, row)) continue;
        seen.add(key);
        aliases.push(n);
      }
      out.push({ label: lbl, aliases, datasetId: dataset.id, row });
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------
// Whole datasets as matrices (AI.DATASET, AI.DATASETS)

export { FEED_ONLY_IDS };

/** What a spilled cell can hold: Excel cannot spill null, so blanks are "". */
export type MatrixCell = string | number | boolean;

/**
 * A dataset as a matrix for AI.DATASET: an optional header row of column headers in
 * `language`, then the rows with blanks as "". `extra` supplies datasets loaded from the feed
 * (epoch-models).
 * Example: `datasetAsMatrix("accelerators", true, "zh")[0][1]` → "名称".
 */
export function datasetAsMatrix(id: unknown, withHeader = true, language: Language = "en", extra: readonly Dataset[] = []): MatrixCell[][] | CellError {
  if (isCellError(id)) return id;
  if (typeof id !== "string" || id.trim() === "") return valueError('give a dataset id as text, e.g. "llm-comparison"');
  const wanted = id.trim().toLowerCase();
  const d = extra.find((x) => x.id === wanted) ?? getDataset(wanted);
  if (d === undefined) {
    if (FEED_ONLY_IDS.includes(wanted)) return naError(`${wanted} is not loaded yet: it comes from the data feed`);
    const ids = [...new Set([...ALL_DATASET_IDS, ...FEED_ONLY_IDS, ...extra.map((x) => x.id)])];
    const close = closest(wanted, ids);
    return naError(`no dataset ${quoteName(id)}; did you mean ${quoteList(close)}?`);
  }
  const out: MatrixCell[][] = [];
  if (withHeader) out.push(d.columns.map((c) => c.header[language]));
  for (const r of d.rows) out.push(r.map((v) => (v === null ? "" : v)));
  return out;
}

const CATALOG_HEADER: Readonly<Record<Language, string[]>> = {
  en: ["id", "title", "version", "rows", "source"],
  zh: ["代码", "标题", "版本", "行数", "来源"],
};

/**
 * The list of datasets for AI.DATASETS: id, title, version, row count and source lines.
 * `extra` adds datasets loaded from the feed.
 */
export function catalogMatrix(language: Language = "en", withHeader = true, extra: readonly Dataset[] = []): MatrixCell[][] {
  const all = [...DATASETS, ...extra.filter((x) => getDataset(x.id) === undefined)];
  const out: MatrixCell[][] = withHeader ? [[...CATALOG_HEADER[language]]] : [];
  for (const d of all) out.push([d.id, d.title[language], d.version, d.rows.length, d.source.map((s) => s.text).join("; ")]);
  return out;
}
