import fc from "fast-check";
import * as c from "../../src/core/compute";
import { RELRETURN, relReturn } from "../../src/core/returns";
import { invoke, nextUp } from "../../src/core/spec";

const positive = fc.double({ min: 1e-6, max: 1e15, noNaN: true });
const ret = fc.double({ min: -0.99, max: 10, noNaN: true });

describe("properties", () => {
  it("RELRETURN(a, a) = 0 for both methods", () => {
    fc.assert(
      fc.property(ret, (a) => {
        expect(invoke(RELRETURN, [a, a])).toBe(0);
        expect(Math.abs(invoke(RELRETURN, [a, a, "geometric"]) as number)).toBeLessThan(1e-15);
      })
    );
  });

  it("DOUBLINGTIME inverts COMPUTEGROWTH (1e-9 relative)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 600, noNaN: true }), fc.double({ min: 0.5, max: 60, noNaN: true }), (months, doubling) => {
        const factor = invoke(c.COMPUTEGROWTH, [months, doubling]);
        // 2^(600/0.5) overflows: the function says #NUM! (tested elsewhere); nothing to invert.
        fc.pre(typeof factor === "number" && Math.abs(factor - 1) > 1e-9);
        const back = invoke(c.DOUBLINGTIME, [factor, months]) as number;
        expect(Math.abs(back - doubling) / doubling).toBeLessThan(1e-9);
      })
    );
  });

  it("TRAINFLOPS is linear in each argument (1e-12 relative)", () => {
    fc.assert(
      fc.property(positive, positive, fc.double({ min: 0.5, max: 1000, noNaN: true }), (n, d, k) => {
        const base = c.trainFlops(n, d);
        expect(Math.abs(c.trainFlops(n * k, d) - base * k) / (base * k)).toBeLessThan(1e-12);
        expect(Math.abs(c.trainFlops(n, d * k) - base * k) / (base * k)).toBeLessThan(1e-12);
        expect(Math.abs(c.trainFlops(n, d, 6 * k) - base * k) / (base * k)).toBeLessThan(1e-12);
      })
    );
  });

  it("PFDAYS and FLOPFROMPFDAYS are inverses (1e-12 relative)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e30, noNaN: true }), (flop) => {
        const back = invoke(c.FLOPFROMPFDAYS, [invoke(c.PFDAYS, [flop])]) as number;
        expect(Math.abs(back - flop) / flop).toBeLessThan(1e-12);
      })
    );
  });

  it("arithmetic relative returns are antisymmetric", () => {
    fc.assert(fc.property(ret, ret, (a, b) => expect(relReturn(a, b) + relReturn(b, a)).toBeCloseTo(0, 12)));
  });

  it("OPTIMALPARAMS and CHINCHILLATOKENS spend the budget: 6 · N · D = C (1e-9 relative)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e15, max: 1e28, noNaN: true }), (flop) => {
        const n = c.optimalParams(flop);
        expect(Math.abs(c.trainFlops(n, c.chinchillaTokens(n)) - flop) / flop).toBeLessThan(1e-9);
      })
    );
  });
});

describe("nextUp (folds an exclusive lower bound into an inclusive one)", () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it("x > a exactly when x ≥ nextUp(a), for any finite a and x", () => {
    fc.assert(
      fc.property(finite, finite, (a, x) => {
        expect(x >= nextUp(a)).toBe(x > a);
        expect(nextUp(a) >= nextUp(a)).toBe(nextUp(a) > a); // the bound itself
        expect(a >= nextUp(a)).toBe(false);
      }),
      { numRuns: 2000 }
    );
  });

  it("steps to the neighbouring double at the edges: 0, ±MIN_VALUE, ±1, a carry into the high word, MAX_VALUE", () => {
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-0)).toBe(Number.MIN_VALUE);
    expect(Object.is(nextUp(-Number.MIN_VALUE), -0)).toBe(true);
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextUp(-1)).toBe(-1 + Number.EPSILON / 2);
    expect(nextUp(2 ** 32 * Number.MIN_VALUE - Number.MIN_VALUE)).toBe(2 ** 32 * Number.MIN_VALUE); // low word 0xffffffff carries
    expect(nextUp(-(2 ** 32) * Number.MIN_VALUE)).toBe(-(2 ** 32) * Number.MIN_VALUE + Number.MIN_VALUE); // borrow from the high word
    expect(nextUp(Number.MAX_VALUE)).toBe(Infinity);
    expect(() => nextUp(NaN)).toThrow("not finite");
  });
});
