/**
 * The paper's problems, as plain loss sequences on F = [−1, 1].
 *
 * @module
 */
import { Rng } from "../random/rng.ts";
import { positive } from "../framework/validate.ts";
import { linearProblem, type OnlineProblem } from "./problem.ts";

function integerAtLeast(name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${v}`);
  }
  return v;
}

/**
 * f_t(x) = big·x if t mod period = 1, else small·x (small < 0): a large gradient
 * once per period that pulls toward −1, and small ones that pull toward +1.
 */
export function periodic(
  opts: { period: number; big: number; small: number; name?: string },
): OnlineProblem {
  const { period, big, small } = opts;
  integerAtLeast("period", period, 2);
  // x* = −1 exactly when one period's total slope is positive.
  const total = big + (period - 1) * small;
  return linearProblem({
    name: opts.name ?? `periodic(${period}; ${big}, ${small})`,
    makeSlopes: () => (t) => (t % period === 1 ? big : small),
    optimum: total > 0 ? -1 : total < 0 ? 1 : null,
  });
}

/** f_t(x) = big·x with probability p, else small·x, drawn from a seeded stream. */
export function bernoulli(
  opts: { p: number; big: number; small: number; seed: number; name?: string },
): OnlineProblem {
  const { p, big, small, seed } = opts;
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  const mean = p * big + (1 - p) * small;
  return linearProblem({
    name: opts.name ?? `bernoulli(p=${p}; ${big}, ${small})`,
    makeSlopes: () => {
      const rng = new Rng(seed);
      return () => (rng.next() < p ? big : small);
    },
    optimum: mean > 0 ? -1 : mean < 0 ? 1 : null,
  });
}

/**
 * Theorem 1: f_t(x) = C·x if t mod 3 = 1, else −x, with C > 2, so x* = −1. With
 * β1 = 0 and β2 = 1/(1 + C²) Adam returns to x = +1 every 3 steps.
 */
export function theorem1(C: number): OnlineProblem {
  positive("C", C);
  if (!(C > 2)) throw new RangeError(`Theorem 1 needs C > 2, got ${C}`);
  return periodic({ period: 3, big: C, small: -1, name: `theorem1(C=${C})` });
}

/** β2 = 1/(1 + C²), the setting of Theorem 1. */
export function theorem1Beta2(C: number): number {
  return 1 / (1 + C * C);
}

/**
 * Theorem 2's construction: f_t(x) = C·x if t mod C = 1, else −x, C an even
 * integer large enough for the given β1 < √β2 (the appendix's inequalities on C
 * are not reproduced here; pick C and check the outcome).
 */
export function theorem2(C: number): OnlineProblem {
  integerAtLeast("C", C, 2);
  if (C % 2 !== 0) throw new RangeError(`Theorem 2 uses an even C, got ${C}`);
  return periodic({ period: C, big: C, small: -1, name: `theorem2(C=${C})` });
}

/**
 * Theorem 3's stochastic construction: f_t(x) = C·x with probability
 * p = (1 + δ)/(C + 1), else −x; E f_t(x) = δ·x, so x* = −1.
 */
export function theorem3(opts: { C: number; delta: number; seed: number }): OnlineProblem {
  const { C, delta, seed } = opts;
  positive("C", C);
  positive("delta", delta);
  const p = (1 + delta) / (C + 1);
  return bernoulli({ p, big: C, small: -1, seed, name: `theorem3(C=${C}, δ=${delta})` });
}

/** Figure 1, online: f_t(x) = 1010x if t mod 101 = 1, else −10x. */
export function figure1Online(): OnlineProblem {
  return periodic({ period: 101, big: 1010, small: -10, name: "figure1-online" });
}

/** Figure 1, stochastic: f_t(x) = 1010x with probability 0.01, else −10x. */
export function figure1Stochastic(seed: number): OnlineProblem {
  return bernoulli({ p: 0.01, big: 1010, small: -10, seed, name: "figure1-stochastic" });
}
