/**
 * Publishing a feed directory in one atomic step, and cleaning up after every run, killed or not.
 *
 * Layout: the feed path the host serves (e.g. /srv/www/ai-compute/data) is a symbolic link to one
 * complete version in a hidden sibling directory:
 *
 *   data -> .data.versions/v-20250701T063000123Z-4242-1
 *   .data.versions/v-20250701T063000123Z-4242-1/   the published version (catalog.json, …)
 *   .data.versions/v-20250630T063000456Z-4100-1/   the version before it (kept for a rollback)
 *
 * A new version is copied from the published one into .data.versions/tmp-…, changed, validated
 * whole, renamed to v-…, and published by renaming a new link over `data`: rename(2) replaces
 * the link atomically, so a reader (or a kill) sees the old feed or the new one, never a mix or
 * none. Only the current and the previous version are kept.
 *
 * The first run on a plain directory (as `npm run build` writes it) turns it into a version: the
 * directory is moved into .data.versions/ and the link put in its place. No rename swaps a
 * directory and a link at once, so between those two renames `data` does not exist; a journal
 * written first lets the next run put the directory back when a kill falls in that moment.
 *
 * Every run takes .data.versions/lock (the process id) first, and, holding it, finishes or undoes
 * what a killed run left: the migration journal, temporary copies, unlinked versions, a stray
 * link. A lock whose process is gone is taken over.
 */
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export interface FeedLayout {
  /** The feed path as given (a link once published here, a plain directory before). */
  target: string;
  /** The hidden sibling directory holding the versions, the lock and the journal. */
  versions: string;
}

export const LOCK_FILE = "lock";
export const JOURNAL_FILE = "migrating.json";
/** A complete version: v-<UTC time to the millisecond>-<pid>-<0: the migrated plain directory, 1: a new version>. */
export const VERSION_NAME = /^v-\d{8}T\d{9}Z-\d+-[01]$/;

/** Where a feed's versions live: ".<name>.versions" beside it. */
export function layoutOf(feedDir: string): FeedLayout {
  const target = resolve(feedDir);
  return { target, versions: join(dirname(target), `.${basename(target)}.versions`) };
}

const lexists = (p: string): boolean => {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

/** The version the feed's link points at, or null when it is a plain directory or points elsewhere. */
export function currentVersion(layout: FeedLayout): string | null {
  if (!lexists(layout.target) || !lstatSync(layout.target).isSymbolicLink()) return null;
  const to = resolve(dirname(layout.target), readlinkSync(layout.target));
  return dirname(to) === layout.versions && VERSION_NAME.test(basename(to)) ? basename(to) : null;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
};

/**
 * Takes the feed's lock (creating .<name>.versions/), or throws when a live process holds it.
 * Returns the release function, which also removes the versions directory when it is empty.
 */
export function lockFeed(layout: FeedLayout): () => void {
  try {
    mkdirSync(layout.versions); // not recursive: the feed's own directory must exist
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const file = join(layout.versions, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: "wx" });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(file, "utf8").trim());
      if (attempt > 0 || (Number.isInteger(pid) && pid > 0 && isAlive(pid))) {
        throw new Error(`another data:update (process ${pid}) is updating this feed (lock ${file})`);
      }
      rmSync(file, { force: true }); // its process is gone: a killed run
    }
  }
  return () => {
    rmSync(file, { force: true });
    try {
      rmdirSync(layout.versions); // only when empty: a feed never published leaves nothing behind
    } catch {
      // not empty: versions are kept
    }
  };
}

/**
 * Holding the lock: undoes a migration a kill interrupted (the plain directory goes back), then
 * removes what no complete run leaves: temporary copies, links, versions that are neither the
 * current one nor the one before it.
 */
export function recover(layout: FeedLayout): void {
  const journal = join(layout.versions, JOURNAL_FILE);
  if (existsSync(journal)) {
    const { original } = JSON.parse(readFileSync(journal, "utf8")) as { original?: string };
    if (original && VERSION_NAME.test(original) && !lexists(layout.target) && existsSync(join(layout.versions, original))) {
      renameSync(join(layout.versions, original), layout.target);
    }
    rmSync(journal, { force: true });
  }
  sweep(layout);
}

/** Keeps the lock, the current version and the newest version older than it; removes the rest. */
function sweep(layout: FeedLayout): void {
  const current = currentVersion(layout);
  const names = readdirSync(layout.versions);
  const older = names.filter((n) => VERSION_NAME.test(n) && current !== null && n < current).sort();
  const keep = new Set([LOCK_FILE, current, older[older.length - 1]]);
  for (const n of names) if (!keep.has(n)) rmSync(join(layout.versions, n), { recursive: true, force: true });
}

let lastStamp = 0;
/** UTC time to the millisecond, strictly increasing within the process: version names never repeat. */
function stamp(): string {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp).toISOString().replace(/[-:.]/g, "");
}

/**
 * Holding the lock: writes a new version (the published files, then `changes` by file name),
 * runs `validate` on it, and publishes it with one rename. Throws, leaving the published feed
 * as it was and no temporary behind, when anything fails.
 * @returns the new version's directory name
 */
export function publishVersion(layout: FeedLayout, changes: ReadonlyMap<string, string>, validate: (dir: string) => void): string {
  const { target, versions } = layout;
  const id = `${stamp()}-${process.pid}`;
  const tmp = join(versions, `tmp-${id}`);
  const name = `v-${id}-1`;
  const original = `v-${id}-0`;
  const link = join(versions, `link-${id}`);
  const journal = join(versions, JOURNAL_FILE);
  const plainDirectory = !lstatSync(target).isSymbolicLink();
  try {
    cpSync(realpathSync(target), tmp, { recursive: true });
    for (const [file, text] of changes) writeFileSync(join(tmp, file), text);
    validate(tmp);
    renameSync(tmp, join(versions, name));
    // Relative to the link's final place, the feed's parent directory.
    symlinkSync(join(basename(versions), name), link);
    if (plainDirectory) {
      writeFileSync(journal, JSON.stringify({ original, next: name }));
      renameSync(target, join(versions, original));
      renameSync(link, target);
      rmSync(journal);
    } else {
      renameSync(link, target);
    }
  } catch (e) {
    if (currentVersion(layout) !== name) {
      // Not published: undo in reverse, so the feed and the versions are what they were.
      if (plainDirectory && !lexists(target) && existsSync(join(versions, original))) renameSync(join(versions, original), target);
      for (const p of [tmp, link, journal, join(versions, name)]) rmSync(p, { recursive: true, force: true });
      throw e;
    }
    // Published; only the journal's removal failed, and the next run's recover() removes it.
  }
  sweep(layout);
  return name;
}
