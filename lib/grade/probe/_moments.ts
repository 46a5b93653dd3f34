/**
 * What exercise 1 shares: the per-coordinate state a student's ψ sees, an
 * adapter that plugs a student's per-coordinate ψ into the library's generic
 * step (Algorithm 1), and the scenarios its checks replay.
 *
 * @module
 */
import {
  makeOptimizer,
  type MethodSpec,
  type Optimizer,
  type SecondMoment,
} from "../../framework/mod.ts";
import { Rng } from "../../random/rng.ts";

/** One coordinate of AMSGrad's state: m_t, v_t and v̂_t, all 0 before step 1. */
export interface Moments {
  /** m_t, the first moment (already updated when ψ is called). */
  m: number;
  /** v_t, the second moment. */
  v: number;
  /** v̂_t, AMSGrad's running max. */
  vHat: number;
}

/** A student's per-coordinate ψ step: updates `s.v`, `s.vHat`; returns a number. */
export type PsiStep = (s: Moments, g: number, t: number) => number;

/**
 * A {@link SecondMoment} whose update calls `step` on each coordinate, with
 * phi's m_t (already updated) and the slots `v`, `vHat` copied in and out, so
 * the student's ψ runs inside the library's own step. The returned value
 * fills the slot the denominator is formed from: √(value) + ε with
 * `root: "sqrt"`, the value itself with `root: "linear"`.
 */
export function studentSecondMoment(step: PsiStep, root: "sqrt" | "linear"): SecondMoment {
  const cell: Moments = { m: 0, v: 0, vHat: 0 };
  return {
    name: "student",
    slots: { v: 0, vHat: 0, den: 0 },
    denSlot: "den",
    root,
    prepare() {},
    update(state, g, s, lo, hi) {
      const m = state.slots.m!;
      const v = state.slots.v!;
      const vHat = state.slots.vHat!;
      const den = state.slots.den!;
      for (let i = lo; i < hi; i++) {
        cell.m = m[i]!;
        cell.v = v[i]!;
        cell.vHat = vHat[i]!;
        den[i] = step(cell, g[i]!, s.t);
        v[i] = cell.v;
        vHat[i] = cell.vHat;
      }
    },
  };
}

/** The library optimizer `base` with its ψ replaced by the student's. */
export function withStudentPsi(
  base: Optimizer,
  psi: SecondMoment,
  eps: { epsIn: number; epsOut: number },
): Optimizer {
  const spec: MethodSpec = { ...base.spec, psi, ...eps };
  return makeOptimizer(spec);
}

/**
 * Feeds a gradient sequence to a per-coordinate ψ as the optimizer would: m_t
 * is updated first (β1 = 0.9, no correction), then `step` is called; `record`
 * sees the state after each step.
 */
export function replay(
  gradients: readonly number[],
  step: PsiStep,
  record: (t: number, g: number, returned: number, s: Moments) => void,
): void {
  const s: Moments = { m: 0, v: 0, vHat: 0 };
  gradients.forEach((g, k) => {
    s.m = 0.9 * s.m + 0.1 * g;
    const r = step(s, g, k + 1);
    record(k + 1, g, r, s);
  });
}

/**
 * `n` gradients whose scale drifts over three orders of magnitude, so that
 * v_t both grows and shrinks many times (the cases a running max must handle).
 */
export function driftingGradients(n: number, seed: number, scale = 1): number[] {
  const rng = new Rng(seed);
  const out: number[] = [];
  let logScale = 0;
  for (let i = 0; i < n; i++) {
    logScale = Math.max(-3, Math.min(0, logScale + 0.6 * rng.normal()));
    out.push(scale * Math.pow(10, logScale) * rng.normal());
  }
  return out;
}

/** "step 3 (g = 0.5)". */
export function stepLabel(t: number, g: number, what: string): string {
  return `step ${t} (g = ${Number(g.toPrecision(4))}), ${what}`;
}
