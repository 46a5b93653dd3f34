/**
 * The declared verdict rule for a claim "method A is lower than method B"
 * tested on paired differences d = A − B over seeds: the claim **agrees** when
 * the 95% interval of the mean difference lies wholly on the paper's side of 0,
 * **differs** when it lies wholly on the other side, and is **inconclusive**
 * when it contains 0.
 *
 * @module
 */
import type { MeanInterval } from "./interval.ts";

/** The outcome of a claim under the declared rule; `info` marks a row beyond the paper. */
export type Verdict = "agrees" | "differs" | "inconclusive" | "info";

/**
 * The verdict of an interval against the paper's direction: `"negative"` when
 * the paper says the difference is below 0 (e.g. AMSGrad's loss − Adam's).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { verdictOf } from "./verdict.ts";
 * assert.equal(verdictOf({ lo: -0.3, hi: -0.1 }, "negative"), "agrees");
 * assert.equal(verdictOf({ lo: -0.3, hi: 0.1 }, "negative"), "inconclusive");
 * assert.equal(verdictOf({ lo: 0.1, hi: 0.3 }, "negative"), "differs");
 * ```
 */
export function verdictOf(
  interval: Pick<MeanInterval, "lo" | "hi">,
  paper: "negative" | "positive",
): Verdict {
  const { lo, hi } = interval;
  if (!(lo <= hi)) throw new RangeError(`an interval needs lo ≤ hi, got [${lo}, ${hi}]`);
  const below = hi < 0;
  const above = lo > 0;
  if (!below && !above) return "inconclusive";
  return (below === (paper === "negative")) ? "agrees" : "differs";
}
