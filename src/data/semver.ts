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

/**
 * The one grammar of a version, shared by the feed's validator (feed.ts) and parseVersion:
 * MAJOR.MINOR.PATCH, each 0 or a number without leading zeros ("01.002.0003" is refused: it
 * would sort as 1.2.3 and read as another version), of at most 15 digits, so every part is a
 * safe integer. No pre-release tags: the feed does not use them.
 */
export const VERSION_PATTERN = /^(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})$/;

/** "1.2.3" → {1, 2, 3}; null for anything VERSION_PATTERN refuses. */
export function parseVersion(text: string): Version | null {
  const m = VERSION_PATTERN.exec(text);
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
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
