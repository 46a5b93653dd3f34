/**
 * Online convex problems in the paper's sense: at round t the learner plays
 * x_t ∈ F, then f_t is revealed and it pays f_t(x_t). The regret is
 *
 * ```
 * R_T = Σ_{t=1}^T f_t(x_t) − min_{x ∈ F} Σ_{t=1}^T f_t(x)
 * ```
 *
 * Every problem of the paper's Section 3 and Figure 1 is linear on the
 * interval F = [−1, 1], f_t(x) = c_t·x, so {@link linearProblem} covers them;
 * its comparator tracks the running slope S_t = Σ c_s, and
 * min_{x ∈ [lo, hi]} S_t·x = min(lo·S_t, hi·S_t).
 *
 * @module
 */
import { box } from "../framework/projection.ts";
import type { Projection, Vec } from "../framework/types.ts";

/** A sequence of losses f_1, f_2, … revealed one at a time. */
export interface OnlineProblem {
  /** A short name for tables and charts. */
  readonly name: string;
  /** The dimension d. */
  readonly dim: number;
  /** The feasible set F. */
  readonly domain: Projection;
  /** The minimiser x* of the expected (or long-run) loss, when known, for charts. */
  readonly optimum: number | null;
  /**
   * Reveals f_t: returns f_t(x) and writes ∇f_t(x) into `grad`. Must be called
   * once per round, t = 1, 2, … in order (stochastic problems draw c_t here).
   */
  loss(t: number, x: Vec, grad: Vec): number;
  /** min_{x ∈ F} Σ_{s ≤ t} f_s(x) over the rounds revealed so far. */
  bestFixedLoss(): number;
  /** A fresh copy, replaying the same sequence (same seed) from t = 1. */
  reset(): OnlineProblem;
}

/** The slope c_t of round t; stochastic slopes draw from their own seeded stream. */
export type SlopeSequence = (t: number) => number;

/**
 * f_t(x) = c_t·x on F = [lo, hi] (1-D). `makeSlopes` builds a fresh slope
 * sequence, so that {@link OnlineProblem.reset} replays it exactly.
 */
export function linearProblem(opts: {
  name: string;
  makeSlopes: () => SlopeSequence;
  lo?: number;
  hi?: number;
  optimum?: number | null;
}): OnlineProblem {
  const lo = opts.lo ?? -1;
  const hi = opts.hi ?? 1;
  const slopes = opts.makeSlopes();
  let sum = 0;
  let last = 0;
  return {
    name: opts.name,
    dim: 1,
    domain: box(lo, hi),
    optimum: opts.optimum ?? null,
    loss(t, x, grad) {
      if (t !== last + 1) {
        throw new RangeError(`rounds must be revealed in order: expected t=${last + 1}, got ${t}`);
      }
      last = t;
      const c = slopes(t);
      sum += c;
      grad[0] = c;
      return c * x[0]!;
    },
    bestFixedLoss() {
      const a = lo * sum;
      const b = hi * sum;
      return a < b ? a : b;
    },
    reset() {
      return linearProblem(opts);
    },
  };
}
