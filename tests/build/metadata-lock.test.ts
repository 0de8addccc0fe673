/**
 * Fresh metadata: the manifest's <Version> follows package.json's version, and the built
 * functions.json / functions.zh-CN.json are the ones metadata.lock.json records, so metadata
 * never changes under an old version (Excel caches it per manifest version: scripts/metadata-lock.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { readDist } from "./dist";
import { checkMetadataLock, generateMetadataFiles, lockOf, manifestVersion, metadataDigest, readLock, type MetadataLock } from "../../scripts/metadata-lock";

const ROOT = path.resolve(__dirname, "../..");
const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const built = () => ({ "functions.json": readDist("functions.json"), "functions.zh-CN.json": readDist("functions.zh-CN.json") });
const versionIn = (xml: string): string | undefined => /<Version>([^<]*)<\/Version>/.exec(xml)?.[1];

describe("the build against metadata.lock.json", () => {
  it("the built metadata is the locked metadata, under a version no lower than the lock's", () => {
    const check = checkMetadataLock(readLock(), PACKAGE_VERSION, built());
    // On failure the message says what to do: bump package.json's version, run `npm run metadata:lock`.
    expect(check.ok ? "ok" : check.message).toBe("ok");
  });

  it("dist/manifest.xml carries package.json's version in the four-part form", () => {
    expect(versionIn(readDist("manifest.xml"))).toBe(manifestVersion(PACKAGE_VERSION));
  });

  it("manifest.xml in the repository (what `npm start` sideloads) carries the same version", () => {
    expect(versionIn(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"))).toBe(manifestVersion(PACKAGE_VERSION));
  });

  it("`npm run metadata:lock` generates exactly the metadata the build emits", async () => {
    const generated = await generateMetadataFiles();
    const files = built();
    expect(metadataDigest(generated["functions.json"])).toBe(metadataDigest(files["functions.json"]));
    expect(metadataDigest(generated["functions.zh-CN.json"])).toBe(metadataDigest(files["functions.zh-CN.json"]));
  });
});

describe("manifestVersion", () => {
  it.each([
    ["0.2.0", "0.2.0.0"],
    ["1.10.3", "1.10.3.0"],
    ["12345.0.99999", "12345.0.99999.0"],
  ])("%s → %s", (pkg, manifest) => expect(manifestVersion(pkg)).toBe(manifest));

  it.each(["1.0", "1.0.0-beta.1", "1.0.0+build", "01.0.0", "123456.0.0", "v1.0.0"])("refuses %s (no four-number manifest version for it)", (pkg) => {
    expect(() => manifestVersion(pkg)).toThrow(/MAJOR\.MINOR\.PATCH/);
  });
});

describe("checkMetadataLock", () => {
  const files = { "functions.json": '{"functions":[{"id":"A","name":"A","parameters":[]}]}', "functions.zh-CN.json": '{"functions":[]}' };
  const changed = { ...files, "functions.json": '{"functions":[{"id":"A","name":"A","parameters":[{"name":"x"}]}]}' };
  const lock: MetadataLock = lockOf("0.2.0", files);

  it("passes when the metadata is the locked one, whatever the whitespace, at the lock's version or a later one", () => {
    expect(checkMetadataLock(lock, "0.2.0", files)).toEqual({ ok: true });
    expect(checkMetadataLock(lock, "0.2.1", { ...files, "functions.json": JSON.stringify(JSON.parse(files["functions.json"]), null, 4) })).toEqual({
      ok: true,
    });
  });

  it("fails when the metadata changed and the version did not, saying to bump package.json's version and update the lock", () => {
    const check = checkMetadataLock(lock, "0.2.0", changed);
    expect(check).toMatchObject({ ok: false, problem: "notBumped" });
    const message = check.ok ? "" : check.message;
    expect(message).toContain("functions.json");
    expect(message).not.toContain("functions.zh-CN.json");
    expect(message).toContain('bump "version" in package.json');
    expect(message).toContain("npm run metadata:lock");
  });

  it("fails when the version was bumped but the lock not updated (or the next change would go unnoticed)", () => {
    expect(checkMetadataLock(lock, "0.3.0", changed)).toMatchObject({
      ok: false,
      problem: "lockStale",
      message: expect.stringContaining("npm run metadata:lock"),
    });
  });

  it("fails when package.json's version is lower than the lock's", () => {
    expect(checkMetadataLock(lock, "0.1.9", files)).toMatchObject({ ok: false, problem: "versionBackwards" });
    expect(checkMetadataLock(lock, "0.10.0", files)).toEqual({ ok: true });
  });
});
