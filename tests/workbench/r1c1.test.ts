import { hfNumberLiterals, toA1, toR1C1 } from "../../src/workbench/r1c1";

describe("A1 ⇄ R1C1", () => {
  const at = { row: 4, col: 2 }; // C5

  it.each([
    ["=A1*2+$B$1", "=R[-4]C[-2]*2+R1C2"],
    ["=C5", "=RC"],
    ["=$C5+C$5", "=RC3+R5C"],
    ["=SUM(A1:B10)", "=SUM(R[-4]C[-2]:R[5]C[-1])"],
    ["='My sheet'!D6+Sheet1!A1", "='My sheet'!R[1]C[1]+Sheet1!R[-4]C[-2]"],
    ['=IF(A1="B2",LOG10(100),3.15E+23)', '=IF(R[-4]C[-2]="B2",LOG10(100),3.15E+23)'],
    ["=AI.TRAINFLOPS(B5,1E10)*Train_FLOP", "=AI.TRAINFLOPS(RC[-1],1E10)*Train_FLOP"],
  ])("%p ⇄ %p", (a1, r1c1) => {
    expect(toR1C1(a1, at)).toBe(r1c1);
    expect(toA1(r1c1, at)).toBe(a1);
  });

  it("moves relative references with the cell (a calculated column filled down)", () => {
    const r1c1 = toR1C1("=B2*2", { row: 1, col: 2 });
    expect(toA1(r1c1, { row: 7, col: 2 })).toBe("=B8*2");
  });

  it("leaves text and sheet names alone", () => {
    expect(toA1('="RC"&R1C1', at)).toBe('="RC"&$A$1');
    expect(toR1C1("='A1'!A1", at)).toBe("='A1'!R[-4]C[-2]");
  });
});

describe("hfNumberLiterals", () => {
  it("lower-cases exponents of number literals only", () => {
    expect(hfNumberLiterals("=A1/1E9+2.5E-3*.5E+2")).toBe("=A1/1e9+2.5e-3*.5e+2");
    expect(hfNumberLiterals('=E9+"1E9"+LOG10E5')).toBe('=E9+"1E9"+LOG10E5');
  });
});
