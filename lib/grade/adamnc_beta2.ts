/**
 * Exercise "adamnc-beta2": AdamNC's time-varying β_{2t} (the paper's
 * Algorithm 3 and Corollary 2),
 *
 * ```
 * v_t = β_{2t} v_{t−1} + (1 − β_{2t}) g_t²,   β_{2t} = 1 − 1/t   ⇒   v_t = (1/t) Σ_{j≤t} g_j²
 * ```
 *
 * so that √v_t/α_t = √(Σ_j g_j²)/α never decreases with α_t = α/√t: Γ_t ⪰ 0,
 * condition (2) of Theorem 5. The student writes `beta2T(t)`.
 *
 * @module
 */
import { beta2Schedule } from "../framework/mod.ts";
import { adamNC } from "../optimizers/mod.ts";
import { runTraceChecks, type TraceCheck } from "./check.ts";
import { fmt } from "./probe/_online.ts";
import {
  ADAMNC_BETA2_PROBES,
  type Beta2T,
  gradients,
  ncOptions,
  T1,
  theorem1Trace,
  TIMES,
} from "./probe/adamnc_beta2.ts";
import { type DisplayedReport, exerciseReport } from "./report.ts";
import { resolveStudent, throwHint } from "./student.ts";
import type { Mistake, TracePoint } from "./types.ts";

export type { Beta2T } from "./probe/adamnc_beta2.ts";

const EXERCISE = "adamnc-beta2";
/** The exercise's title, shown in reports. */
export const TITLE = "AdamNC's β_2t, so that v_t is the mean of g_1², …, g_t²";

/** The wrong answers students usually write, each with what it means. */
export const BETA2T_MISTAKES: readonly Mistake<Beta2T>[] = [
  {
    id: "one-over-t",
    hint: "your β_2t shrinks as t grows, so v_t keeps less and less of the past. β_2t is " +
      "the weight on v_{t−1}, which summarises t − 1 gradients: for a mean, how much " +
      "should the past weigh when it holds many gradients, and how much at t = 1, when " +
      "it holds none?",
    impl: (t) => 1 / t,
  },
  {
    id: "shifted",
    hint: "off by one: with your β_2t, v_1 is not g_1² (work out v_1 by hand). At the " +
      "first step there is no past to keep",
    impl: (t) => 1 - 1 / (t + 1),
  },
  {
    id: "zero-based",
    hint: "your β_2t is not a number in [0, 1] at the first step: t is 1-based in the " +
      "paper (the first step is t = 1)",
    impl: (t) => 1 - 1 / (t - 1),
  },
  {
    id: "squared",
    hint: "your β_2t weighs the past too much as t grows (the new gradients count too " +
      "little), so v_t is not the mean. Write the mean of t squared gradients using the " +
      "mean of the first t − 1, and compare with v_t = β_2t·v_{t−1} + (1 − β_2t)·g_t²",
    impl: (t) => 1 - 1 / (t * t),
  },
  {
    id: "sqrt",
    hint: "your β_2t weighs the past too little as t grows (it forgets too fast), so v_t " +
      "is not the mean. Write the mean of t squared gradients using the mean of the " +
      "first t − 1, and compare with v_t = β_2t·v_{t−1} + (1 − β_2t)·g_t²",
    impl: (t) => 1 - 1 / Math.sqrt(t),
  },
  ...[0.999, 0.99, 0.9].map((b) => ({
    id: `constant-${b}`,
    hint: `a constant β2 = ${b} is Adam's ψ; AdamNC's β_2t changes with t`,
    impl: () => b,
  })),
];

/** The exercise's checks, in order: probes, expected values, tolerances, mistakes and hints. */
export function checks(): TraceCheck<Beta2T>[] {
  const common = {
    exercise: EXERCISE,
    name: "beta2T",
    mistakes: BETA2T_MISTAKES,
    throwHint: (e: unknown) =>
      e instanceof RangeError && /beta2Schedule/.test(e.message)
        ? "AdamNC rejected your β_2t: it must lie in [0, 1] at every t ≥ 1 (the `values` " +
          "check shows which t)"
        : throwHint("beta2T", e),
  };
  const gs = gradients();
  const reference = beta2Schedule("1-1/t");
  const p = ADAMNC_BETA2_PROBES.probes;
  return [
    {
      ...common,
      check: "values",
      title: `β_2t at t = ${TIMES.join(", ")}`,
      run: p.values!,
      expected: () => TIMES.map((t) => ({ label: `β_2t at t = ${t}`, value: reference(t) })),
      tol: { rel: 0, abs: 1e-12 },
      passMessage: (e) =>
        `β_2t = ${e.map((p) => Number((p.value as number).toFixed(4))).join(", ")}`,
      fallbackHint: "write the mean of g_1², …, g_t² using the mean of the first t − 1 " +
        "(that is v_{t−1}), and compare it with v_t = β_2t·v_{t−1} + (1 − β_2t)·g_t²",
    },
    {
      ...common,
      check: "mean",
      title: "inside Algorithm 1 (AdamNC, 3 coordinates, 100 steps): v_t = (1/t) Σ g_j²",
      run: p.mean!,
      expected: () => {
        const sum = new Float64Array(3);
        const e: TracePoint[] = [];
        gs.forEach((g, k) => {
          for (let i = 0; i < 3; i++) {
            sum[i] = sum[i]! + g[i]! * g[i]!;
            e.push({ label: `step ${k + 1}, v[${i}]`, value: sum[i]! / (k + 1) });
          }
        });
        return e;
      },
      tol: { rel: 1e-10, abs: 0 },
      passMessage: () => "v_t equals the running mean of g² in every coordinate at every step",
      fallbackHint: "the `values` check shows which β_2t differs",
    },
    {
      ...common,
      check: "theorem1",
      title: "Theorem 1 (C = 3, β1 = 0, α_t = 0.5/√t, x_1 = 1): Γ_t ⪰ 0 and x → −1",
      run: p.theorem1!,
      expected: () => {
        const e: TracePoint[] = [];
        theorem1Trace(adamNC(ncOptions()), e);
        return e;
      },
      tol: { rel: 1e-9, abs: 1e-9 },
      passMessage: (e) => {
        const x = e[e.length - 2]!.value as number;
        return `Γ_t ⪰ 0 at every step (√v_t/α_t = √(Σ g_j²)/α only grows) and AdamNC ends ` +
          `at x = ${fmt(x)}, near x* = −1, where Adam is trapped at +1`;
      },
      context: (a, e) => {
        const xs = a.filter((p) => p.label === `x after step ${T1.steps}`);
        const x = xs[0]?.value;
        const want = e.find((p) => p.label === `x after step ${T1.steps}`)?.value;
        return typeof x === "number" && typeof want === "number"
          ? `Your AdamNC's path differs from the library's from that step on (this check ` +
            `compares the whole path, to within 1e-9, not only where it ends): it ends at ` +
            `x = ${fmt(x)}, the library's at x = ${fmt(want)}`
          : "";
      },
      fallbackHint: "the `values` check shows which β_2t differs",
    },
  ];
}

/**
 * Grades the student's `beta2T`.
 *
 * @param get a thunk returning it, `() => beta2T`
 * @returns the report a notebook cell displays
 */
export function checkBeta2T(get: () => unknown): DisplayedReport {
  const student = resolveStudent<Beta2T>("beta2T", get);
  return exerciseReport({ exercise: EXERCISE, title: TITLE }, runTraceChecks(checks(), student));
}
