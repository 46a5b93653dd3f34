/**
 * Exercise "pytorch-denominator": where PyTorch puts the bias correction and ε
 * in `torch.optim.Adam(amsgrad=True)` (the golden trajectory of lib/grade/golden.ts):
 *
 * ```
 * max_exp_avg_sq = max(max_exp_avg_sq, v_t)          (the max over the RAW v_t)
 * denom = √max_exp_avg_sq / √(1 − β2^t) + ε          (corrected after the max; ε outside)
 * θ −= (lr / (1 − β1^t)) · m_t / denom
 * ```
 *
 * optax takes the max over the bias-corrected v_t/(1 − β2^t) instead; the two
 * agree until the corrected v shrinks (step 3 of the golden gradients).
 *
 * @module
 */
import { amsgrad } from "../optimizers/mod.ts";
import { runTraceChecks, type TraceCheck } from "./check.ts";
import { GOLDEN_GRADIENTS, GOLDEN_SETTINGS, GOLDEN_X } from "./golden.ts";
import { type Moments, stepLabel } from "./probe/_moments.ts";
import { goldenLabel } from "./probe/amsgrad_psi.ts";
import {
  PYTORCH_DENOMINATOR_PROBES,
  type PytorchDenominator,
  smallGradients,
} from "./probe/pytorch_denominator.ts";
import { type DisplayedReport, exerciseReport } from "./report.ts";
import { resolveStudent } from "./student.ts";
import type { Mistake, TracePoint } from "./types.ts";

export type { PytorchDenominator } from "./probe/pytorch_denominator.ts";

const EXERCISE = "pytorch-denominator";
/** The exercise's title, shown in reports. */
export const TITLE = "PyTorch's AMSGrad denominator (where the bias correction and ε go)";

const ema = (s: Moments, g: number, b: number) => (s.v = b * s.v + (1 - b) * g * g);
const rawMax = (s: Moments, g: number, b: number) => (s.vHat = Math.max(s.vHat, ema(s, g, b)));

/** The wrong answers students usually write, each with what it means. */
export const PYTORCH_DENOMINATOR_MISTAKES: readonly Mistake<PytorchDenominator>[] = [
  {
    id: "max-over-corrected",
    hint: "the max is taken over the bias-corrected v_t/(1 − β2^t), which is optax's " +
      "convention; PyTorch keeps the max of the raw v_t in max_exp_avg_sq and corrects " +
      "after the max. The two agree until the corrected v shrinks (step 3 of the golden " +
      "gradients)",
    impl: (s, g, b, t, eps) => {
      ema(s, g, b);
      s.vHat = Math.max(s.vHat, s.v / (1 - Math.pow(b, t)));
      return Math.sqrt(s.vHat) + eps;
    },
  },
  {
    id: "eps-inside-sqrt",
    hint: "ε is inside the square root, √(v̂/(1 − β2^t) + ε) (the paper's eq. (3)); " +
      "PyTorch adds ε after the root",
    impl: (s, g, b, t, eps) => Math.sqrt(rawMax(s, g, b) / (1 - Math.pow(b, t)) + eps),
  },
  {
    id: "eps-scaled",
    hint: "ε is divided by √(1 − β2^t) too, (√v̂ + ε)/√(1 − β2^t): that is Keras's " +
      "'epsilon hat'; PyTorch adds ε after the division",
    impl: (s, g, b, t, eps) => (Math.sqrt(rawMax(s, g, b)) + eps) / Math.sqrt(1 - Math.pow(b, t)),
  },
  {
    id: "no-correction",
    hint: "no bias correction (that is the paper's Algorithm 2): divide √v̂_t by " +
      "√(1 − β2^t) before adding ε",
    impl: (s, g, b, _t, eps) => Math.sqrt(rawMax(s, g, b)) + eps,
  },
  {
    id: "correction-not-sqrt",
    hint: "you divide √v̂_t by (1 − β2^t); PyTorch divides by its square root " +
      "(bias_correction2_sqrt)",
    impl: (s, g, b, t, eps) => Math.sqrt(rawMax(s, g, b)) / (1 - Math.pow(b, t)) + eps,
  },
  {
    id: "no-sqrt",
    hint: "the square root is missing: the denominator is √v̂_t/√(1 − β2^t) + ε",
    impl: (s, g, b, t, eps) => rawMax(s, g, b) / (1 - Math.pow(b, t)) + eps,
  },
  {
    id: "t-off-by-one",
    hint: "the bias correction uses the wrong step: t is 1-based, the first step has " +
      "1 − β2^1",
    impl: (s, g, b, t, eps) => Math.sqrt(rawMax(s, g, b)) / Math.sqrt(1 - Math.pow(b, t + 1)) + eps,
  },
  {
    id: "t-zero-based",
    hint: "the bias correction uses t − 1 (a 0-based step), which divides by 0 at the " +
      "first step: t is 1-based here",
    impl: (s, g, b, t, eps) => Math.sqrt(rawMax(s, g, b)) / Math.sqrt(1 - Math.pow(b, t - 1)) + eps,
  },
  {
    id: "no-max",
    hint: "there is no running max (that is Adam's denominator): keep " +
      "max(max_exp_avg_sq, v_t) in s.vHat and use it",
    impl: (s, g, b, t, eps) => Math.sqrt(ema(s, g, b) / (1 - Math.pow(b, t))) + eps,
  },
];

const TOL = { rel: 1e-12, abs: 1e-300 };

/** The library's PyTorch-variant AMSGrad: denominators (from its learning rate), then s.vHat. */
function libraryTrace(gradients: readonly number[], beta2: number, eps: number): TracePoint[] {
  const alpha = 0.1;
  const beta1 = 0.9;
  const opt = amsgrad({ alpha, beta1, beta2, eps, variant: "pytorch" });
  const state = opt.init(new Float64Array([0]));
  const lr = new Float64Array(1);
  const den: TracePoint[] = [];
  const vHat: TracePoint[] = [];
  gradients.forEach((g, k) => {
    const t = k + 1;
    opt.step(state, new Float64Array([g]));
    opt.learningRate(state, lr);
    // η_t = (α/(1 − β1^t)) / denom, PyTorch's per-coordinate step.
    const d = alpha / (1 - Math.pow(beta1, t)) / lr[0]!;
    den.push({ label: stepLabel(t, g, "denominator"), value: d });
    vHat.push({ label: stepLabel(t, g, "s.vHat"), value: state.slots.vHat![0]! });
  });
  return [...den, ...vHat];
}

/** The exercise's checks, in order: probes, expected values, tolerances, mistakes and hints. */
export function checks(): TraceCheck<PytorchDenominator>[] {
  const common = {
    exercise: EXERCISE,
    name: "pytorchDenominator",
    mistakes: PYTORCH_DENOMINATOR_MISTAKES,
  };
  const g5 = GOLDEN_GRADIENTS;
  const gs = GOLDEN_SETTINGS;
  const small = smallGradients();
  const p = PYTORCH_DENOMINATOR_PROBES.probes;
  return [
    {
      ...common,
      check: "trace",
      title: `denominators on the golden gradients [${g5.join(", ")}] (β2 = 0.999, ε = 1e-8)`,
      run: p.trace!,
      expected: () => libraryTrace(g5, gs.beta2, gs.eps),
      tol: TOL,
      passMessage: (e) =>
        `denominators ${
          e.slice(0, g5.length).map((p) => Number((p.value as number).toPrecision(6))).join(", ")
        }`,
      fallbackHint: "translate PyTorch's two lines literally: the max first (over the raw " +
        "v_t), then the division by √(1 − β2^t), then + ε",
    },
    {
      ...common,
      check: "small",
      title: "60 gradients of order 1e-4 with ε = 1e-4, where ε's place matters (β2 = 0.9)",
      run: p.small!,
      expected: () => libraryTrace(small, 0.9, 1e-4),
      tol: TOL,
      passMessage: () => "denominators and s.vHat agree with the library at all 60 steps",
      fallbackHint: "where does ε go, and is it scaled? Compare with the `trace` check",
    },
    {
      ...common,
      check: "golden",
      title: "inside the library's PyTorch-style AMSGrad: x over the 5 golden steps, to within " +
        "1.5e-10",
      run: p.golden!,
      expected: () => GOLDEN_X.pytorch.map((x, k) => ({ label: goldenLabel(k), value: x })),
      tol: { rel: 0, abs: 1.5e-10 },
      passMessage: (e) => `x = ${e.map((p) => p.value).join(", ")}`,
      fallbackHint: "the `trace` check locates the step where your denominator differs",
    },
  ];
}

/**
 * Grades the student's `pytorchDenominator`.
 *
 * @param get a thunk returning it, `() => pytorchDenominator`
 * @returns the report a notebook cell displays
 */
export function checkPytorchDenominator(get: () => unknown): DisplayedReport {
  const student = resolveStudent<PytorchDenominator>("pytorchDenominator", get);
  return exerciseReport({ exercise: EXERCISE, title: TITLE }, runTraceChecks(checks(), student));
}
