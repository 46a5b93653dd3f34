/**
 * Probes of exercise "adamnc-beta2": the student's `beta2T` at a few t, inside
 * the library's AdamNC on 3 coordinates for 100 steps, and on Theorem 1.
 *
 * @module
 */
import { box, type Optimizer } from "../../framework/mod.ts";
import { adamNC } from "../../optimizers/mod.ts";
import { runOnline, theorem1 } from "../../online/mod.ts";
import { Rng } from "../../random/rng.ts";
import { play } from "./_online.ts";
import type { ExerciseProbes, TracePoint } from "./types.ts";

/** The student's β_{2t} as a function of the 1-based step t. */
export type Beta2T = (t: number) => number;

/** The steps at which the `values` check reads β_2t. */
export const TIMES: readonly number[] = [1, 2, 3, 4, 5, 10, 100, 1000];

/** Gradients for 3 coordinates of different scales, 100 steps. */
export function gradients(): Float64Array[] {
  const rng = new Rng(5);
  const scales = [1, 10, 0.01];
  return Array.from({ length: 100 }, () => Float64Array.from(scales, (s) => s * rng.normal()));
}

/** Theorem 1 (C = 3) for AdamNC: β1 = 0, α_t = 0.5/√t, x_1 = 1, F = [−1, 1]. */
export const T1 = { C: 3, steps: 3000, early: 12 } as const;

/** AdamNC's options on Theorem 1, with the student's β_2t or the library's. */
export const ncOptions = (beta2T?: Beta2T) => ({
  alpha: 0.5,
  schedule: "invsqrt" as const,
  beta1: 0,
  projection: box(-1, 1),
  ...(beta2T ? { beta2Schedule: beta2T } : {}),
});

/** x early and at the end, then whether Γ_t ⪰ 0 at every step. */
export function theorem1Trace(opt: Optimizer, out: TracePoint[]): void {
  play(theorem1(T1.C), opt, { steps: T1.steps, x1: 1, early: T1.early }, out);
  const run = runOnline(theorem1(T1.C), opt, { steps: T1.steps, x1: 1, trackGamma: true });
  out.push({ label: "Γ_t ⪰ 0 at every step", value: run.gammaMin >= -1e-9 });
}

/** The probes, by check id. */
export const ADAMNC_BETA2_PROBES: ExerciseProbes<Beta2T> = {
  fn: "beta2T",
  probes: {
    values: (f, out) => TIMES.forEach((t) => out.push({ label: `β_2t at t = ${t}`, value: f(t) })),
    mean: (f, out) => {
      const opt = adamNC({ alpha: 0.1, beta1: 0.9, beta2Schedule: f });
      const state = opt.init(new Float64Array(3));
      gradients().forEach((g, k) => {
        opt.step(state, g);
        for (let i = 0; i < 3; i++) {
          out.push({ label: `step ${k + 1}, v[${i}]`, value: state.slots.v![i]! });
        }
      });
    },
    theorem1: (f, out) => theorem1Trace(adamNC(ncOptions(f)), out),
  },
};
