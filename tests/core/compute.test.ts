import * as c from "../../src/core/compute";
import { invoke } from "../../src/core/spec";
import { CellError } from "../../src/core/errors";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("TRAINFLOPS", () => {
  it("gives GPT-3's 3.15e23 FLOP from 175B parameters and 300B tokens (paper: 3.14e23, within 0.5%)", () => {
    const flop = invoke(c.TRAINFLOPS, [175e9, 300e9]) as number;
    expect(flop).toBeCloseTo(3.15e23, -20);
    expect(rel(flop, 3.14e23)).toBeLessThan(0.005);
  });
  it("uses the optional FLOP per parameter-token", () => {
    expect(invoke(c.TRAINFLOPS, [1e9, 1e9, 8])).toBe(8e18);
  });
  it("takes the default when Excel passes null for an omitted argument", () => {
    expect(invoke(c.TRAINFLOPS, [1e9, 1e9, null])).toBe(6e18);
  });
});

describe("INFERFLOPS", () => {
  it("is 2 FLOP per parameter per token by default", () => {
    expect(invoke(c.INFERFLOPS, [175e9, 1000])).toBe(3.5e14);
  });
});

describe("PFDAYS and FLOPFROMPFDAYS", () => {
  it("converts GPT-3's 3.15e23 FLOP to about 3,646 PF-days (paper: 3,640, within 0.2%)", () => {
    const d = invoke(c.PFDAYS, [3.15e23]) as number;
    expect(d).toBeCloseTo(3645.83, 1);
    expect(rel(d, 3640)).toBeLessThan(0.002);
  });
  it("1 PF-day is 8.64e19 FLOP", () => {
    expect(invoke(c.FLOPFROMPFDAYS, [1])).toBe(8.64e19);
  });
});

describe("TRAINDAYS", () => {
  it("trains GPT-3 on 1,024 A100s (312 TFLOP/s BF16) at 30% utilization in about 38 days", () => {
    expect(invoke(c.TRAINDAYS, [3.15e23, 1024, 312e12, 0.3]) as number).toBeCloseTo(38.04, 2);
  });
  it("defaults utilization to 0.3", () => {
    expect(invoke(c.TRAINDAYS, [3.15e23, 1024, 312e12])).toBe(invoke(c.TRAINDAYS, [3.15e23, 1024, 312e12, 0.3]));
  });
});

describe("CHIPSNEEDED, CHIPHOURS, TRAINCOST", () => {
  it("CHIPSNEEDED inverts TRAINDAYS (1e-12 relative)", () => {
    const days = c.trainDays(3.15e23, 1024, 312e12, 0.3);
    expect(rel(invoke(c.CHIPSNEEDED, [3.15e23, days, 312e12, 0.3]) as number, 1024)).toBeLessThan(1e-12);
  });
  it("CHIPHOURS × hourly price is TRAINCOST", () => {
    const hours = invoke(c.CHIPHOURS, [3.15e23, 312e12]) as number;
    expect(hours).toBeCloseTo(934_829.06, 1);
    expect(invoke(c.TRAINCOST, [3.15e23, 312e12, 2]) as number).toBeCloseTo(hours * 2, 6);
  });
  it("chip-hours equal days × chips × 24", () => {
    const days = c.trainDays(1e22, 64, 1e15, 0.4);
    expect(rel(c.chipHours(1e22, 1e15, 0.4), days * 64 * 24)).toBeLessThan(1e-12);
  });
});

describe("CHINCHILLATOKENS and OPTIMALPARAMS", () => {
  it("gives 20 tokens per parameter: 70B → 1.4T (Chinchilla)", () => {
    expect(invoke(c.CHINCHILLATOKENS, [70e9])).toBe(1.4e12);
  });
  it("OPTIMALPARAMS recovers N from C = 6·N·20N (1e-12 relative)", () => {
    const n = 70e9;
    const flop = 6 * n * 20 * n;
    expect(rel(invoke(c.OPTIMALPARAMS, [flop]) as number, n)).toBeLessThan(1e-12);
  });
});

describe("COMPUTEGROWTH and DOUBLINGTIME", () => {
  it("300,000× at a 3.43-month doubling takes about 62 months (OpenAI, AI and Compute, as the report quotes it)", () => {
    const months = 3.43 * Math.log2(300000);
    expect(months).toBeCloseTo(62.4, 1);
    expect(rel(invoke(c.COMPUTEGROWTH, [months]) as number, 300000)).toBeLessThan(1e-12);
    expect(invoke(c.DOUBLINGTIME, [300000, months]) as number).toBeCloseTo(3.43, 12);
  });
  it("a 24-month (Moore's law) doubling over the same 62 months gives about 6×, the post's 'about 7×' order", () => {
    expect(invoke(c.COMPUTEGROWTH, [62.4, 24]) as number).toBeCloseTo(6.06, 2);
  });
  it("growth factor 1 has no doubling time: #DIV/0! with a message", () => {
    const e = invoke(c.DOUBLINGTIME, [1, 12]) as CellError;
    expect(e).toBeInstanceOf(CellError);
    expect(e.code).toBe("divisionByZero");
    expect(e.message).toMatch(/no growth/);
  });
  it("a factor below 1 gives a negative (halving) time", () => {
    expect(invoke(c.DOUBLINGTIME, [0.5, 6])).toBeCloseTo(-6, 12);
  });
});
