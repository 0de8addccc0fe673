/**
 * Dataset versions are semantic versions "MAJOR.MINOR.PATCH" (the feed's version pattern).
 * Shared by the updater (which bumps them) and refresh (which refuses a downgrade).
 * - patch: values changed;
 * - minor: rows or columns added;
 * - major: a column removed or renamed, or the row key changed.
 */

export type Bump = "major" | "minor" | "patch";

export interface Version {
  major: number;
  minor: number;
  patch: number;
}

const PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** "1.2.3" → {1, 2, 3}; null for anything else (no pre-release tags: the feed does not use them). */
export function parseVersion(text: string): Version | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const [major, minor, patch] = [m[1], m[2], m[3]].map(Number);
  if (![major, minor, patch].every(Number.isSafeInteger)) return null;
  return { major, minor, patch };
}

/**
 * Negative when a < b, 0 when equal, positive when a > b. A version that does not parse sorts
 * before every valid one, so a malformed version never counts as newer.
 * Example: `compareVersions("1.10.0", "1.9.3") > 0`.
 */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return (x ? 1 : 0) - (y ? 1 : 0);
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
}

/** The next version. Example: `bumpVersion("1.2.3", "minor") === "1.3.0"`. Throws on a malformed version. */
export function bumpVersion(version: string, bump: Bump): string {
  const v = parseVersion(version);
  if (!v) throw new Error(`not a version: ${JSON.stringify(version)}`);
  if (bump === "major") return `${v.major + 1}.0.0`;
  if (bump === "minor") return `${v.major}.${v.minor + 1}.0`;
  return `${v.major}.${v.minor}.${v.patch + 1}`;
}
