import { HyperFormula } from "hyperformula";
import { buildInferenceDemand } from "../../src/sheet/models/inference-demand";
import { planCell } from "../../src/sheet/models/lint";
import { applyModel, expectRel } from "./helpers";

const A100_BF16 = 312e12; // NVIDIA A100 datasheet, dense
const H100_BF16 = 989e12;
const REL = 1e-9;

/** The whole chain, written out independently of the sheet. */
function expected(o: {
  dau: number;
  queries: number;
  tokens: number;
  params: number;
  p2a: number;
  peak: number;
  util: number;
  perServer: number;
  price: number;
}) {
  const flopPerDay = o.dau * o.queries * o.tokens * 2 * o.params;
  const peakFlops = (flopPerDay / 86_400) * o.p2a;
  const chipsExact = peakFlops / (o.peak * o.util);
  const servers = Math.ceil(chipsExact / o.perServer);
  return { flopPerDay, peakFlops, chipsExact, servers, chips: servers * o.perServer, capex: servers * o.perServer * o.price };
}

const BASE = { dau: 13e6, queries: 10, tokens: 500, params: 175e9, p2a: 2, peak: A100_BF16, util: 0.3, perServer: 8, price: 10_000 };

describe("ROUNDUP(x,0), the servers' rounding, against CEILING.MATH(x) it replaced (HyperFormula)", () => {
  it("the same for every count of 0 and up: exact multiples, values just above and below, large and tiny ones", () => {
    const xs = [0, 1e-300, 1e-12, 0.5, 1, 1 + 2 ** -52, 2 - 2 ** -52, 703.2, 703.99999999, 704, 704.00000001, 5632 / 8, 1e6 + 0.5, 2 ** 52, 2 ** 53];
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false });
    const sheet = hf.getSheetId(hf.addSheet("S"))!;
    hf.setSheetContent(
      sheet,
      xs.map((x) => [x, "=ROUNDUP(A:A,0)", "=CEILING.MATH(A:A)"].map((v, c) => (c === 0 ? v : String(v).replace("A:A", `A${xs.indexOf(x) + 1}`))))
    );
    xs.forEach((x, r) => {
      expect(hf.getCellValue({ sheet, row: r, col: 1 })).toBe(hf.getCellValue({ sheet, row: r, col: 2 }));
      expect(hf.getCellValue({ sheet, row: r, col: 1 })).toBe(Math.ceil(x));
    });
    hf.destroy();
  });
});

describe.each(["ai", "portable"] as const)("inference-demand (%s mode)", (mode) => {
  it("early-2023 defaults: 13M DAU × 10 queries × 500 tokens on a 175B model → 2.275e22 FLOP/day, 704 DGX-style servers, USD 56.3M of A100s", () => {
    const m = applyModel(buildInferenceDemand({ language: "en", mode }));
    const e = expected(BASE);
    expect(e.flopPerDay).toBeCloseTo(2.275e22, -18);
    expectRel(m.out("flop_per_day"), e.flopPerDay, REL);
    expectRel(m.out("peak_demand_flops"), e.peakFlops, REL);
    expectRel(m.out("chips_exact"), e.chipsExact, REL);
    expect(m.out("servers")).toBe(e.servers);
    expect(e.servers).toBe(704);
    expect(m.out("chips")).toBe(5632);
    expect(m.out("capex")).toBe(56_320_000);
  });

  it("is live: users, tokens, the chip and the price flow through to servers and capex", () => {
    const m = applyModel(buildInferenceDemand({ language: "zh", mode }));
    m.set(m.named("Daily_Users"), 100e6);
    m.set(m.named("Tokens_Per_Query"), 1000);
    m.set(m.named("Chip_Choice"), "英伟达 H100");
    m.set(m.named("Price_Per_Chip"), 30_000);
    const e = expected({ ...BASE, dau: 100e6, tokens: 1000, peak: H100_BF16, price: 30_000 });
    expectRel(m.out("flop_per_day"), e.flopPerDay, REL);
    expectRel(m.out("chips_exact"), e.chipsExact, REL);
    expect(m.out("servers")).toBe(e.servers);
    expect(m.out("capex")).toBe(e.capex);
  });

  it("options override the defaults", () => {
    const m = applyModel(buildInferenceDemand({ language: "en", mode, dailyUsers: 50e6, queriesPerUser: 5, chip: "h100", chipsPerServer: 4 }));
    const e = expected({ ...BASE, dau: 50e6, queries: 5, peak: H100_BF16, perServer: 4 });
    expect(m.out("servers")).toBe(e.servers);
    expect(m.out("capex")).toBe(e.capex);
  });

  it("servers round the chips up to whole servers as CEILING.MATH did: none for no demand, one for any", () => {
    const m = applyModel(buildInferenceDemand({ language: "en", mode }));
    const servers = m.plan.blocks.flatMap((b) => (b.formulas ?? []).flat()).find((f) => f?.includes("Chips_Per_Server,0"));
    expect(servers).toBe("=ROUNDUP(Chips_Exact/Chips_Per_Server,0)"); // in every spreadsheet; CEILING.MATH is Excel 2013+
    m.set(m.named("Daily_Users"), 0);
    expect(m.out("chips_exact")).toBe(0);
    expect(m.out("servers")).toBe(0);
    m.set(m.named("Daily_Users"), 1);
    expect(m.out("servers")).toBe(1); // any demand needs a server
    // Negative users, an input error: AI.INFERFLOPS refuses them (#VALUE!); the portable sheet
    // gives a negative count, rounded away from zero where CEILING.MATH rounded toward it: no
    // plausible-looking positive number either way.
    m.set(m.named("Daily_Users"), -13e6);
    if (mode === "ai") expect(() => m.out("servers")).toThrow(/#VALUE!/);
    else expect(m.out("servers")).toBe(-704);
  });

  it("every default carries its source, or says it is an assumption", () => {
    const p = buildInferenceDemand({ language: "en", mode });
    const notes = Object.fromEntries(p.model.inputs.filter((i) => i.name).map((i) => [i.name, String(planCell(p, i.noteAt)?.value)]));
    expect(notes.Daily_Users).toMatch(/Similarweb.*UBS/);
    expect(notes.Monthly_Users).toMatch(/UBS/);
    expect(notes.Queries_Per_User).toMatch(/Assumption/);
    expect(notes.Tokens_Per_Query).toMatch(/Assumption/);
    expect(notes.Peak_To_Average).toMatch(/Assumption/);
    expect(notes.Chips_Per_Server).toMatch(/DGX A100/);
    expect(notes.Price_Per_Chip).toMatch(/CNBC/);
  });
});
