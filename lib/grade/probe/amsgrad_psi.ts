/**
 * Probes of exercise "amsgrad-psi": the student's `amsgradPsi` replayed on a
 * sequence where v shrinks, on a long drifting sequence, inside the library's
 * AMSGrad on the golden gradients, and on Theorem 1.
 *
 * @module
 */
import { box } from "../../framework/mod.ts";
import type { Optimizer } from "../../framework/mod.ts";
import { amsgrad } from "../../optimizers/mod.ts";
import { theorem1, theorem1Beta2 } from "../../online/mod.ts";
import { GOLDEN_GRADIENTS, GOLDEN_SETTINGS } from "./golden_inputs.ts";
import {
  driftingGradients,
  type Moments,
  replay,
  stepLabel,
  studentSecondMoment,
  withStudentPsi,
} from "./_moments.ts";
import { play } from "./_online.ts";
import type { ExerciseProbes, TracePoint } from "./types.ts";

/** The student's AMSGrad ψ for one coordinate: updates `s.v`, `s.vHat`, returns v̂_t. */
export type AmsgradPsi = (s: Moments, g: number, beta2: number) => number;

/** The gradients of the `shrink` check (β2 = 0.5): v shrinks after the 2 and the 3. */
export const SHRINK: readonly number[] = [2, 0, 0, 3, 0, 1];
/** The seed of the `drift` check's 200 gradients. */
export const DRIFT_SEED = 2018;

/** Theorem 1 with C = 3: β1 = 0, β2 = 1/(1 + C²) = 0.1, α_t = 0.5/√t, x_1 = 1. */
export const T1 = { C: 3, steps: 3000, early: 12 } as const;

/** The settings of Theorem 1's runs. */
export const t1Options = () => ({
  alpha: 0.5,
  schedule: "invsqrt" as const,
  beta1: 0,
  beta2: theorem1Beta2(T1.C),
  projection: box(-1, 1),
});

/** The student's returned v̂_t at each step, then (optionally) s.v, then s.vHat. */
export function studentMoments(
  fn: AmsgradPsi,
  gradients: readonly number[],
  beta2: number,
  withV: boolean,
  out: TracePoint[],
): void {
  const v: TracePoint[] = [];
  const vHat: TracePoint[] = [];
  replay(gradients, (s, g) => fn(s, g, beta2), (t, g, r, s) => {
    out.push({ label: stepLabel(t, g, "returned v̂_t"), value: r });
    v.push({ label: stepLabel(t, g, "s.v"), value: s.v });
    vHat.push({ label: stepLabel(t, g, "s.vHat"), value: s.vHat });
  });
  out.push(...(withV ? v : []), ...vHat);
}

/** The student's AMSGrad: the library's (paper mode, ε outside the root) with their ψ. */
export function studentAmsgrad(fn: AmsgradPsi, base: Optimizer, beta2: number): Optimizer {
  const psi = studentSecondMoment((s, g) => fn(s, g, beta2), "sqrt");
  return withStudentPsi(base, psi, { epsIn: 0, epsOut: base.spec.epsOut });
}

/** The label of x after step k + 1 of the golden gradients. */
export const goldenLabel = (k: number) => `x after step ${k + 1} (g = ${GOLDEN_GRADIENTS[k]})`;

/** The probes, by check id. */
export const AMSGRAD_PSI_PROBES: ExerciseProbes<AmsgradPsi> = {
  fn: "amsgradPsi",
  probes: {
    shrink: (f, out) => studentMoments(f, SHRINK, 0.5, true, out),
    drift: (f, out) => studentMoments(f, driftingGradients(200, DRIFT_SEED), 0.9, false, out),
    golden: (f, out) => {
      const gs = GOLDEN_SETTINGS;
      const base = amsgrad({ alpha: gs.alpha, beta1: gs.beta1, beta2: gs.beta2, eps: gs.eps });
      const opt = studentAmsgrad(f, base, gs.beta2);
      const state = opt.init(new Float64Array([gs.x1]));
      GOLDEN_GRADIENTS.forEach((g, k) => {
        opt.step(state, new Float64Array([g]));
        out.push({ label: goldenLabel(k), value: state.x[0]! });
      });
    },
    theorem1: (f, out) => {
      const opt = studentAmsgrad(f, amsgrad(t1Options()), t1Options().beta2);
      play(theorem1(T1.C), opt, { steps: T1.steps, x1: 1, early: T1.early }, out);
    },
  },
};
