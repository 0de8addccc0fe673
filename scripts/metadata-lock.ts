/**
 * Fresh custom-functions metadata: the manifest's <Version> comes from package.json's version,
 * and metadata.lock.json records the SHA-256 of the functions.json and functions.zh-CN.json that
 * version shipped, so a change to the metadata without a new version fails the build and the
 * tests.
 *
 * Why: Excel caches functions.json (and functions.js) per add-in and refetches it only when its
 * cache expires, about 24 hours, or when the manifest's version changes. Microsoft's advice for a
 * release that changes the metadata is to bump the manifest version, which "will also trigger a
 * update for add-in all related resources" (OfficeDev/office-js#4722, answer by Microsoft; the
 * same cache in OfficeDev/office-js#2777 and the "custom functions setting changes may take up to
 * 24 hours" note of https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-troubleshooting).
 * A stale functions.json means old IntelliSense, arguments bound to the wrong parameters and
 * #NAME? for new functions until the cache expires.
 *
 * `npm run metadata:lock` (this file run directly) regenerates the metadata as the build does and
 * writes the lock; it refuses when the metadata changed and package.json's version did not.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { compareVersions } from "../src/data/semver";
import { localizeMetadata } from "../src/functions/localize";

/** The files Excel caches, as the build names them. */
export const METADATA_FILES = ["functions.json", "functions.zh-CN.json"] as const;
export type MetadataFile = (typeof METADATA_FILES)[number];

export interface MetadataLock {
  /** package.json's version the recorded metadata shipped with (or first shipped with). */
  version: string;
  /** SHA-256 (hex) of each file's JSON, compacted (see metadataDigest). */
  sha256: Record<MetadataFile, string>;
}

export const LOCK_PATH = path.resolve(__dirname, "../metadata.lock.json");

/**
 * The Office manifest version for a package version: "0.2.0" → "0.2.0.0". Office manifest
 * versions have up to four dot-separated numbers of at most five digits; a pre-release or build
 * tag ("1.0.0-beta") has no place there, so it is refused rather than silently dropped (two
 * different packages would share one manifest version, and Excel one cache entry).
 * @example manifestVersion("0.2.0") // "0.2.0.0"
 */
export function manifestVersion(packageVersion: string): string {
  const m = /^(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})$/.exec(packageVersion);
  if (!m)
    throw new Error(`package.json's version must be MAJOR.MINOR.PATCH with numbers of at most 5 digits (Office manifest versions), got "${packageVersion}"`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/**
 * SHA-256 of the file's JSON with whitespace removed: what Excel reads, not how it is indented
 * (the build's plugin and the generator used by `npm run metadata:lock` indent differently).
 */
export function metadataDigest(text: string): string {
  return createHash("sha256")
    .update(JSON.stringify(JSON.parse(text)))
    .digest("hex");
}

export function lockOf(version: string, files: Readonly<Record<MetadataFile, string>>): MetadataLock {
  return {
    version,
    sha256: { "functions.json": metadataDigest(files["functions.json"]), "functions.zh-CN.json": metadataDigest(files["functions.zh-CN.json"]) },
  };
}

export type LockCheck =
  | { ok: true }
  /**
   * - notBumped: the metadata changed and package.json's version is the lock's;
   * - lockStale: the version was bumped but the lock still holds the old metadata's hashes;
   * - versionBackwards: package.json's version is lower than the lock's.
   */
  | { ok: false; problem: "notBumped" | "lockStale" | "versionBackwards"; message: string };

const HOW = "Excel caches functions.json per manifest version (about 24 hours otherwise), so changed metadata needs a new version";

/**
 * Checks the built metadata against the lock. The rule: the lock's hashes are the current
 * metadata's, and the lock's version is at most package.json's (a release that does not touch
 * the metadata may bump the version and keep the lock as it is).
 * @example checkMetadataLock(lock, "0.2.0", { "functions.json": text, "functions.zh-CN.json": zh })
 */
export function checkMetadataLock(lock: MetadataLock, packageVersion: string, files: Readonly<Record<MetadataFile, string>>): LockCheck {
  const now = lockOf(packageVersion, files);
  const changed = METADATA_FILES.filter((f) => lock.sha256[f] !== now.sha256[f]);
  const order = compareVersions(packageVersion, lock.version);
  if (order < 0) {
    return {
      ok: false,
      problem: "versionBackwards",
      message: `package.json's version ${packageVersion} is lower than metadata.lock.json's ${lock.version}: versions only go up (Excel would keep the newer cached metadata).`,
    };
  }
  if (changed.length === 0) return { ok: true };
  if (order === 0) {
    return {
      ok: false,
      problem: "notBumped",
      message:
        `The custom functions metadata changed (${changed.join(", ")}) but package.json's version is still ${packageVersion}. ${HOW}: ` +
        `bump "version" in package.json (the manifest's <Version> follows it), then run \`npm run metadata:lock\` and commit metadata.lock.json.`,
    };
  }
  return {
    ok: false,
    problem: "lockStale",
    message: `The custom functions metadata changed (${changed.join(", ")}) with version ${packageVersion}, but metadata.lock.json still records ${lock.version}'s: run \`npm run metadata:lock\` and commit metadata.lock.json.`,
  };
}

export function readLock(file: string = LOCK_PATH): MetadataLock {
  return JSON.parse(fs.readFileSync(file, "utf8")) as MetadataLock;
}

/** functions.json and functions.zh-CN.json generated from the JSDoc the way the build does. */
export async function generateMetadataFiles(): Promise<Record<MetadataFile, string>> {
  // Loaded here: the generator and the TypeScript it needs are only for this script and the build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata") as {
    generateCustomFunctionsMetadata(inputs: string[], wantConsoleOutput?: boolean): Promise<{ metadataJson: string; errors: string[] }>;
  };
  const result = await generateCustomFunctionsMetadata([path.resolve(__dirname, "../src/functions/functions.ts")], false);
  if (result.errors.length) throw new Error(result.errors.join("\n"));
  const zh = localizeMetadata(JSON.parse(result.metadataJson), "zh-CN");
  return { "functions.json": result.metadataJson, "functions.zh-CN.json": JSON.stringify(zh, null, 2) };
}

/** `npm run metadata:lock`: writes the lock for the current metadata, or says why it will not. */
async function main(): Promise<number> {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../package.json"), "utf8")) as { version: string };
  manifestVersion(pkg.version); // refuses a version the manifest cannot carry
  const files = await generateMetadataFiles();
  const previous = fs.existsSync(LOCK_PATH) ? readLock() : null;
  if (previous) {
    const check = checkMetadataLock(previous, pkg.version, files);
    if (check.ok) {
      console.log(`metadata.lock.json is up to date (metadata of ${previous.version}, package ${pkg.version}).`);
      return 0;
    }
    if (check.problem !== "lockStale") {
      console.error(check.message);
      return 1;
    }
  }
  fs.writeFileSync(LOCK_PATH, `${JSON.stringify(lockOf(pkg.version, files), null, 2)}\n`);
  console.log(`metadata.lock.json written for version ${pkg.version}.`);
  return 0;
}

if (require.main === module) {
  void main().then((code) => process.exit(code));
}
