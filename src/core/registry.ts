/**
 * The pure function families, in the order the README lists them. The full list Excel
 * registers (these plus the dataset functions) is src/functions/registry.ts.
 */
import type { AnyFunctionSpec } from "./spec";
import * as compute from "./compute";
import * as returns from "./returns";
import * as text from "./text";

export const CORE_FUNCTIONS: readonly AnyFunctionSpec[] = [
  compute.TRAINFLOPS,
  compute.INFERFLOPS,
  compute.PFDAYS,
  compute.FLOPFROMPFDAYS,
  compute.TRAINDAYS,
  compute.CHIPSNEEDED,
  compute.CHIPHOURS,
  compute.TRAINCOST,
  compute.CHINCHILLATOKENS,
  compute.OPTIMALPARAMS,
  compute.COMPUTEGROWTH,
  compute.DOUBLINGTIME,
  returns.RELRETURN,
  returns.PCTCHANGE,
  returns.CAGR,
  text.PARSENUM,
  text.PARSEBYTES,
];
