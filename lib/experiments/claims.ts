/**
 * A claim of the paper checked against our numbers: the paper's sentence
 * quoted, where it is made, what we measured, and the verdict by the declared
 * rule (see lib/stats/verdict.ts), computed by code, never by hand.
 *
 * @module
 */
import type { PairedDifference } from "../stats/paired.ts";
import type { Verdict } from "../stats/verdict.ts";

/** One row of the results: a claim of the paper, or a measurement beyond it. */
export interface Claim {
  /** Where the paper makes it: section and figure (or "Beyond the paper"). */
  where: string;
  /** The paper's sentence, quoted verbatim; or what is measured, for rows beyond the paper. */
  quote: string;
  /** What we judge it on: the quantity, the selection, and the direction the paper states. */
  judged: string;
  /** What we measured, with numbers and intervals. */
  ours: string;
  /**
   * `agrees` / `differs` / `inconclusive` by the declared rule; `info` for a
   * row beyond the paper; `not reproduced` for a claim we did not test.
   */
  verdict: Verdict | "not reproduced";
  /** The paired statistic the verdict rests on, when there is one. */
  statistic?: PairedDifference | null;
}

/** A number with `d` decimals (or its name, when not finite). */
export function fmt(x: number, d = 4): string {
  return Number.isFinite(x) ? x.toFixed(d) : String(x);
}

/** "d = −0.0012 [−0.0020, −0.0004], lower on 5 of 5 seeds" for a paired difference. */
export function fmtDifference(d: PairedDifference | null, label: string, digits = 4): string {
  if (d === null) return `${label}: not computed (a run diverged)`;
  return `${label} = ${fmt(d.mean, digits)}, 95% CI [${fmt(d.lo, digits)}, ${fmt(d.hi, digits)}]` +
    `, lower on ${d.below} of ${d.n} seeds`;
}
