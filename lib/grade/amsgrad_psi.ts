/**
 * Exercise "amsgrad-psi": AMSGrad's ψ from Adam's (the paper's Algorithm 2),
 *
 * ```
 * v_t = β2 v_{t−1} + (1 − β2) g_t²          (Adam's ψ, given)
 * v̂_t = max(v̂_{t−1}, v_t)                  (the student's line)
 * x_{t+1} = Π_F(x_t − α_t m_t / (√v̂_t + ε))
 * ```
 *
 * The student writes `amsgradPsi(s, g, beta2)`, which updates `s.v` and
 * `s.vHat` and returns v̂_t. The checks replay it on a sequence where v shrinks,
 * on a long drifting sequence, inside the library's step on the golden
 * trajectory, and on Theorem 1, where Adam is trapped at x = +1.
 *
 * @module
 */
import { adam, amsgrad } from "../optimizers/mod.ts";
import { theorem1 } from "../online/mod.ts";
import { runTraceChecks, type TraceCheck } from "./check.ts";
import { GOLDEN_X } from "./golden.ts";
import { driftingGradients, type Moments, stepLabel } from "./probe/_moments.ts";
import { fmt, play } from "./probe/_online.ts";
import {
  AMSGRAD_PSI_PROBES,
  type AmsgradPsi,
  DRIFT_SEED,
  goldenLabel,
  SHRINK,
  T1,
  t1Options,
} from "./probe/amsgrad_psi.ts";
import { type DisplayedReport, exerciseReport } from "./report.ts";
import { resolveStudent } from "./student.ts";
import type { Mistake, TracePoint } from "./types.ts";

export type { AmsgradPsi } from "./probe/amsgrad_psi.ts";

const EXERCISE = "amsgrad-psi";
/** The exercise's title, shown in reports. */
export const TITLE = "AMSGrad's ψ: the running max v̂_t = max(v̂_{t−1}, v_t)";

const ema = (s: Moments, g: number, b: number) => (s.v = b * s.v + (1 - b) * g * g);

/** The wrong answers students usually write, each with what it means. */
export const AMSGRAD_PSI_MISTAKES: readonly Mistake<AmsgradPsi>[] = [
  {
    id: "no-max",
    hint: "v̂_t is just v_t: there is no running max, so this is still Adam's ψ, whose " +
      "denominator shrinks after a large gradient (Γ_t indefinite). Keep " +
      "v̂_t = max(v̂_{t−1}, v_t) in s.vHat (a max that is not stored forgets the past) " +
      "and return it",
    impl: (s, g, b) => ema(s, g, b),
  },
  {
    id: "returns-v",
    hint: "s.vHat holds the right running max but you return v_t; the step divides by " +
      "√(what you return), so return v̂_t",
    impl: (s, g, b) => {
      const v = ema(s, g, b);
      s.vHat = Math.max(s.vHat, v);
      return v;
    },
  },
  {
    id: "max-over-m",
    hint: "the max is taken over m (the first moment) instead of v: " +
      "v̂_t = max(v̂_{t−1}, v_t), with v_t from Adam's ψ",
    impl: (s, g, b) => {
      ema(s, g, b);
      return (s.vHat = Math.max(s.vHat, s.m));
    },
  },
  {
    id: "max-over-g2",
    hint: "the max is over g_t², not over v_t: update v_t with adamPsi first, then take " +
      "the max over v_t",
    impl: (s, g, b) => {
      ema(s, g, b);
      return (s.vHat = Math.max(s.vHat, g * g));
    },
  },
  {
    id: "stale-max",
    hint: "the max uses v_{t−1}: call adamPsi(s, g, beta2) before taking the max, so " +
      "that v̂_t = max(v̂_{t−1}, v_t)",
    impl: (s, g, b) => {
      s.vHat = Math.max(s.vHat, s.v);
      ema(s, g, b);
      return s.vHat;
    },
  },
  {
    id: "v-not-updated",
    hint: "s.v never changes: call adamPsi(s, g, beta2) to compute v_t, then take the max",
    impl: (s) => (s.vHat = Math.max(s.vHat, s.v)),
  },
  {
    id: "returns-sqrt",
    hint: "you return √v̂_t; return v̂_t itself, the step takes the square root",
    impl: (s, g, b) => {
      s.vHat = Math.max(s.vHat, ema(s, g, b));
      return Math.sqrt(s.vHat);
    },
  },
  {
    id: "running-min",
    hint: "a running minimum: v̂ must never decrease, so take the max",
    impl: (s, g, b) => {
      const v = ema(s, g, b);
      s.vHat = s.vHat === 0 ? v : Math.min(s.vHat, v);
      return s.vHat;
    },
  },
];

const TOL = { rel: 1e-12, abs: 1e-300 };

/** The library's paper-mode AMSGrad state after each step, as a trace. */
function libraryMoments(gradients: readonly number[], beta2: number, withV: boolean): TracePoint[] {
  const opt = amsgrad({ alpha: 0.1, beta1: 0.9, beta2 });
  const state = opt.init(new Float64Array([0]));
  const ret: TracePoint[] = [];
  const v: TracePoint[] = [];
  const vHat: TracePoint[] = [];
  gradients.forEach((g, k) => {
    opt.step(state, new Float64Array([g]));
    ret.push({ label: stepLabel(k + 1, g, "returned v̂_t"), value: state.slots.vHat![0]! });
    v.push({ label: stepLabel(k + 1, g, "s.v"), value: state.slots.v![0]! });
    vHat.push({ label: stepLabel(k + 1, g, "s.vHat"), value: state.slots.vHat![0]! });
  });
  return [...ret, ...(withV ? v : []), ...vHat];
}

/** The exercise's checks, in order: probes, expected values, tolerances, mistakes and hints. */
export function checks(): TraceCheck<AmsgradPsi>[] {
  const common = { exercise: EXERCISE, name: "amsgradPsi", mistakes: AMSGRAD_PSI_MISTAKES };
  const p = AMSGRAD_PSI_PROBES.probes;
  return [
    {
      ...common,
      check: "shrink",
      title: `v̂ keeps its maximum when v shrinks (β2 = 0.5, g = [${SHRINK.join(", ")}])`,
      run: p.shrink!,
      expected: () => libraryMoments(SHRINK, 0.5, true),
      tol: TOL,
      passMessage: (e) =>
        `v̂ = ${e.slice(0, SHRINK.length).map((p) => p.value).join(", ")}, as the library`,
      fallbackHint: "work that step out by hand: v_t = β2·v_{t−1} + (1 − β2)·g_t², " +
        "v̂_t = max(v̂_{t−1}, v_t)",
    },
    {
      ...common,
      check: "drift",
      title: "200 steps of gradients drifting over 3 orders of magnitude (β2 = 0.9)",
      run: p.drift!,
      expected: () => libraryMoments(driftingGradients(200, DRIFT_SEED), 0.9, false),
      tol: TOL,
      passMessage: () => "returned v̂_t and s.vHat agree with the library at all 200 steps",
      fallbackHint: "compare with the `shrink` check, which is small enough to work by hand",
    },
    {
      ...common,
      check: "golden",
      title: "inside the library's AMSGrad: x over the 5 golden steps, to within 1.5e-10",
      run: p.golden!,
      expected: () => GOLDEN_X.paper.map((x, k) => ({ label: goldenLabel(k), value: x })),
      tol: { rel: 0, abs: 1.5e-10 },
      passMessage: (e) => `x = ${e.map((p) => p.value).join(", ")}`,
      fallbackHint: "the `shrink` and `drift` checks locate the step where your ψ differs",
    },
    {
      ...common,
      check: "theorem1",
      title: "Theorem 1 (C = 3, β1 = 0, β2 = 0.1, α_t = 0.5/√t, x_1 = 1): leaves Adam's trap",
      run: p.theorem1!,
      expected: () =>
        play(theorem1(T1.C), amsgrad(t1Options()), { steps: T1.steps, x1: 1, early: T1.early })
          .points,
      tol: { rel: 1e-9, abs: 1e-9 },
      passMessage: (e) => {
        const a = play(theorem1(T1.C), adam(t1Options()), { steps: T1.steps, x1: 1, early: 0 });
        const x = e[e.length - 1]!.value as number;
        return `Adam ends at x = ${fmt(a.xFinal)} (R_T/T = ${a.avgRegret.toFixed(3)}); ` +
          `your AMSGrad ends at x = ${fmt(x)}, near x* = −1`;
      },
      context: (a, e) => {
        const last = a[a.length - 1];
        const want = e[e.length - 1]?.value;
        return last && typeof last.value === "number" && typeof want === "number"
          ? `Your AMSGrad's path differs from the library's from that step on (this check ` +
            `compares the whole path, to within 1e-9, not only where it ends): after ` +
            `${T1.steps} steps it is at x = ${fmt(last.value)}, the library's at ` +
            `x = ${fmt(want)}`
          : "";
      },
      fallbackHint: "the `shrink` check locates the step where your ψ differs",
    },
  ];
}

/**
 * Grades the student's `amsgradPsi`.
 *
 * @param get a thunk returning it, `() => amsgradPsi`, so that a missing
 *   definition is reported instead of crashing the check cell
 * @returns the report, which a notebook cell displays (text, HTML and
 *   `application/vnd.amsgrad-grade+json`)
 */
export function checkAmsgradPsi(get: () => unknown): DisplayedReport {
  const student = resolveStudent<AmsgradPsi>("amsgradPsi", get);
  return exerciseReport(
    { exercise: EXERCISE, title: TITLE },
    runTraceChecks(checks(), student),
  );
}
