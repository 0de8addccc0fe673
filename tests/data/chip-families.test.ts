/**
 * Chip names an analyst types (issue 19): Epoch's "PCle" spelling, and family or marketing names
 * ("Hopper", "Blackwell", "TPU", "Gaudi", "昇腾"), which are #N/A listing the family's chips, taken
 * from the tables' own rows (src/data/chip-families.ts).
 */
import { isCellError, type CellError } from "../../src/core/errors";
import { epochAccelerators } from "../../src/data/datasets/epoch-accelerators";
import { ARCHITECTURES, chipFamily } from "../../src/data/chip-families";
import { buildEpochChipIndex, chipIndexOf, lookupChip, lookupModel, normalizeName } from "../../src/data/lookup";

const errorOf = (v: unknown): CellError => {
  if (!isCellError(v)) throw new Error(`expected a cell error, got ${JSON.stringify(v)}`);
  return v;
};
const epoch = buildEpochChipIndex(epochAccelerators);
const nameCol = epochAccelerators.columns.findIndex((c) => c.key === "name");
const tensorCol = epochAccelerators.columns.findIndex((c) => c.key === "tensor16_flops");
const BRANDS = new Set(["nvidia", "amd", "intel", "habana", "google", "cloud", "huawei", "hisilicon", "tesla", "radeon", "instinct"]);

/** The chips the #N/A message lists (every quoted name after the colon). */
const listed = (message: string): string[] => [...message.slice(message.indexOf(": ")).matchAll(/"([^"]+)"/g)].map((m) => m[1]);

describe('Epoch\'s "PCle" rows', () => {
  const pcle = epochAccelerators.rows.filter((r) => String(r[nameCol]).includes("PCle"));

  test("exist in the converted table (the upstream CSV is not edited)", () => {
    expect(pcle.map((r) => r[nameCol])).toEqual(expect.arrayContaining(["NVIDIA L20 PCle", "NVIDIA L2 PCle"]));
  });

  test('each is found as typed, with "PCIe", and without the brand: =AI.CHIP("NVIDIA L20 PCIe")', () => {
    for (const r of pcle) {
      const asTyped = String(r[nameCol]);
      for (const n of [asTyped, asTyped.replace("PCle", "PCIe"), asTyped.replace(/^NVIDIA /, "").replace("PCle", "PCIe")])
        expect(lookupChip(n, "bf16", [epoch])).toBe(r[tensorCol] ?? expect.anything());
    }
    expect(lookupChip("NVIDIA L20 PCIe", "bf16", [epoch])).toBe(1.195e14);
  });
});

describe("family and marketing names are #N/A listing the family's chips", () => {
  test.each([
    [
      "Hopper",
      "NVIDIA Hopper",
      ["NVIDIA H100 SXM", "NVIDIA H200 SXM", "NVIDIA H20", "NVIDIA H800 SXM", "NVIDIA GH200", "NVIDIA H100 NVL"],
      ["NVIDIA B200", "NVIDIA A100 SXM"],
    ],
    ["Blackwell", "NVIDIA Blackwell", ["NVIDIA B100", "NVIDIA B200", "NVIDIA GB200 (per GPU)", "NVIDIA B300", "NVIDIA GB300"], ["NVIDIA H100 SXM"]],
    ["Volta", "NVIDIA Volta", ["NVIDIA V100 SXM2", "NVIDIA Tesla V100S PCIe 32 GB"], ["NVIDIA A100 SXM"]],
    ["Ampere", "NVIDIA Ampere", ["NVIDIA A100 SXM", "NVIDIA A800 SXM"], ["NVIDIA H100 SXM", "NVIDIA V100 SXM2"]],
    ["NVIDIA Hopper", "NVIDIA Hopper", ["NVIDIA H100 SXM"], []],
    ["CDNA 3", "AMD CDNA 3", ["AMD Instinct MI300X", "AMD Instinct MI325X", "AMD Instinct MI300A"], ["AMD Instinct MI250X", "AMD Instinct MI355X"]],
    ["CDNA", "AMD CDNA", ["AMD Instinct MI250X", "AMD Instinct MI300X"], ["AMD Radeon Instinct MI50"]],
  ])('"%s" is %s: lists %j, never %j', (typed, title, members, outsiders) => {
    const e = errorOf(lookupChip(typed, "bf16", [epoch]));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toContain(`is ${title}, a family of`);
    const hit = chipFamily(typed, [chipIndexOf(), epoch], BRANDS);
    expect(hit?.labels).toEqual(expect.arrayContaining(members));
    for (const o of outsiders) expect(hit?.labels).not.toContain(o);
    expect(listed(e.message).length).toBeLessThanOrEqual(8);
    expect(listed(e.message)[0]).toBe(hit?.labels[0]);
  });

  test.each([
    ["TPU", ["Google TPU v5p", "Google TPU v5e", "Google TPU v4"]],
    ["Google TPU", ["Google TPU v5p"]],
    ["Gaudi", ["Intel Gaudi 3", "Intel Habana Gaudi2", "Intel Habana Gaudi3"]],
    ["Intel Gaudi", ["Intel Gaudi 3"]],
    ["Ascend", ["Huawei Ascend 910B", "Huawei Ascend 910C", "Ascend (昇腾) 910"]],
    ["Huawei Ascend", ["Huawei Ascend 910B"]],
    ["昇腾", ["Huawei Ascend 910B", "Huawei Ascend 910C", "Ascend (昇腾) 910"]],
    ["AMD Instinct", ["AMD Instinct MI300X", "AMD MI300X (GPU only)", "AMD Radeon Instinct MI50"]],
    ["Trainium", ["Amazon Trainium1", "Amazon Trainium2"]],
  ])('"%s" lists %j among its chips', (typed, members) => {
    const e = errorOf(lookupChip(typed, "bf16", [epoch]));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toMatch(/ \d+ chips in (accelerators|epoch-accelerators|accelerators, epoch-accelerators), not one chip: /);
    expect(chipFamily(typed, [chipIndexOf(), epoch], BRANDS)?.labels).toEqual(expect.arrayContaining(members));
  });

  test("the curated table alone answers families too (before Epoch's table is loaded)", () => {
    const e = errorOf(lookupChip("Hopper"));
    expect(e.message).toBe(
      '"Hopper" is NVIDIA Hopper, a family of 4 chips in accelerators, not one chip: "NVIDIA H100 SXM", "NVIDIA H800 SXM", "NVIDIA H20", "NVIDIA H200 SXM"; give one chip\'s name'
    );
  });

  test("a chip's own name still finds it, and a single chip's word is no family", () => {
    expect(lookupChip("H100", "bf16", [epoch])).toBe(9.89e14);
    expect(lookupChip("Trillium", "memory_gb", [epoch])).toBe(32);
    expect(errorOf(lookupChip("Dojo", "bf16", [epoch])).message).not.toMatch(/family|not one chip/);
  });

  test("model names are not chip families: AI.MODEL keeps its suggestions", () => {
    expect(errorOf(lookupModel("Hopper", "params")).message).toMatch(/^no model named "Hopper"/);
  });

  test("every architecture rule matches at least one chip of the tables, and each only its maker's", () => {
    for (const a of ARCHITECTURES) {
      const hit = chipFamily(a.names[0], [chipIndexOf(), epoch], BRANDS);
      expect({ arch: a.title, found: (hit?.labels.length ?? 0) > 0 }).toEqual({ arch: a.title, found: true });
      for (const l of hit?.labels ?? []) expect(normalizeName(l)).toMatch(new RegExp(`^(${a.vendor.toLowerCase()}|[a-z]*${a.vendor.toLowerCase()})`));
    }
  });
});
