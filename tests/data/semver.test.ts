import { bumpVersion, compareVersions, parseVersion } from "../../src/data/semver";

describe("parseVersion", () => {
  it("reads MAJOR.MINOR.PATCH and refuses anything else", () => {
    expect(parseVersion("1.2.3")).toEqual({ major: 1, minor: 2, patch: 3 });
    expect(parseVersion("0.0.0")).toEqual({ major: 0, minor: 0, patch: 0 });
    for (const bad of ["1.2", "1.2.3.4", "01.2.3", "1.2.3-beta", "v1.2.3", "", " 1.2.3", "1.2.99999999999999999999"]) {
      expect(parseVersion(bad)).toBeNull();
    }
  });
});

describe("compareVersions", () => {
  it("orders numerically, not as text", () => {
    expect(compareVersions("1.10.0", "1.9.3")).toBeGreaterThan(0);
    expect(compareVersions("2.0.0", "10.0.0")).toBeLessThan(0);
    expect(compareVersions("1.2.3", "1.2.3")).toBe(0);
    expect(compareVersions("1.2.4", "1.2.3")).toBeGreaterThan(0);
  });
  it("never ranks a malformed version above a valid one", () => {
    expect(compareVersions("x", "0.0.1")).toBeLessThan(0);
    expect(compareVersions("0.0.1", "x")).toBeGreaterThan(0);
    expect(compareVersions("x", "y")).toBe(0);
  });
});

describe("bumpVersion", () => {
  it("resets the lower parts", () => {
    expect(bumpVersion("1.2.3", "patch")).toBe("1.2.4");
    expect(bumpVersion("1.2.3", "minor")).toBe("1.3.0");
    expect(bumpVersion("1.2.3", "major")).toBe("2.0.0");
  });
  it("throws on a malformed version", () => {
    expect(() => bumpVersion("1.2", "patch")).toThrow(/not a version/);
  });
});
