/**
 * Probes of exercise "pytorch-denominator": the student's `pytorchDenominator`
 * replayed on the golden gradients and on small gradients, and plugged into
 * the library's PyTorch-convention AMSGrad on the golden gradients.
 *
 * @module
 */
import { amsgrad } from "../../optimizers/mod.ts";
import { GOLDEN_GRADIENTS, GOLDEN_SETTINGS } from "./golden_inputs.ts";
import {
  driftingGradients,
  type Moments,
  replay,
  stepLabel,
  studentSecondMoment,
  withStudentPsi,
} from "./_moments.ts";
import type { ExerciseProbes, TracePoint } from "./types.ts";
import { goldenLabel } from "./amsgrad_psi.ts";

/** The student's PyTorch AMSGrad denominator for one coordinate at step t (1-based). */
export type PytorchDenominator = (
  s: Moments,
  g: number,
  beta2: number,
  t: number,
  eps: number,
) => number;

/** The `small` check's 60 gradients of order 1e-4. */
export const smallGradients = (): number[] => driftingGradients(60, 1904, 1e-4);

/** The student's denominators at each step, then s.vHat at each step. */
export function studentTrace(
  fn: PytorchDenominator,
  gradients: readonly number[],
  beta2: number,
  eps: number,
  out: TracePoint[],
): void {
  const vHat: TracePoint[] = [];
  replay(gradients, (s, g, t) => fn(s, g, beta2, t, eps), (t, g, r, s) => {
    out.push({ label: stepLabel(t, g, "denominator"), value: r });
    vHat.push({ label: stepLabel(t, g, "s.vHat"), value: s.vHat });
  });
  out.push(...vHat);
}

/** The probes, by check id. */
export const PYTORCH_DENOMINATOR_PROBES: ExerciseProbes<PytorchDenominator> = {
  fn: "pytorchDenominator",
  probes: {
    trace: (f, out) =>
      studentTrace(f, GOLDEN_GRADIENTS, GOLDEN_SETTINGS.beta2, GOLDEN_SETTINGS.eps, out),
    small: (f, out) => studentTrace(f, smallGradients(), 0.9, 1e-4, out),
    golden: (f, out) => {
      const gs = GOLDEN_SETTINGS;
      const base = amsgrad({
        alpha: gs.alpha,
        beta1: gs.beta1,
        beta2: gs.beta2,
        eps: gs.eps,
        variant: "pytorch",
      });
      const psi = studentSecondMoment((s, g, t) => f(s, g, gs.beta2, t, gs.eps), "linear");
      const opt = withStudentPsi(base, psi, { epsIn: 0, epsOut: 0 });
      const state = opt.init(new Float64Array([gs.x1]));
      GOLDEN_GRADIENTS.forEach((g, k) => {
        opt.step(state, new Float64Array([g]));
        out.push({ label: goldenLabel(k), value: state.x[0]! });
      });
    },
  },
};
