/**
 * Exercise "regret": the regret of a run of linear losses on an interval,
 *
 * ```
 * R_T = Σ_{t=1}^T f_t(x_t) − min_{x ∈ F} Σ_{t=1}^T f_t(x),   f_t(x) = c_t·x,  F = [lo, hi]
 * ```
 *
 * the paper's measure of an online method (Section 2). The comparator is one
 * fixed point for all rounds; for linear losses it is an end of F. The student
 * writes `regret(xs, slopes, lo, hi)`; the reference is the library's online
 * runner ({@link runOnline}) and its {@link linearProblem}.
 *
 * @module
 */
import { linearProblem, runOnline, theorem1 } from "../online/mod.ts";
import { runTraceChecks, type TraceCheck } from "./check.ts";
import {
  type Case,
  caseLabel,
  HAND,
  randomCases,
  type Regret,
  REGRET_PROBES,
  RUNS,
} from "./probe/regret.ts";
import { type DisplayedReport, exerciseReport } from "./report.ts";
import { resolveStudent } from "./student.ts";
import type { Mistake } from "./types.ts";

export type { Regret } from "./probe/regret.ts";

const EXERCISE = "regret";
/** The exercise's title, shown in reports. */
export const TITLE = "the regret R_T = Σ f_t(x_t) − min_{x∈F} Σ f_t(x) of a run";

const played = (xs: number[], c: number[]) => xs.reduce((s, x, i) => s + c[i]! * x, 0);
const total = (c: number[]) => c.reduce((s, v) => s + v, 0);

/** The wrong answers students usually write, each with what it means. */
export const REGRET_MISTAKES: readonly Mistake<Regret>[] = [
  {
    id: "no-comparator",
    hint: "you return Σ f_t(x_t), the loss of the run (or compared with x = 0): subtract " +
      "the loss of the best fixed point, min_{x∈F} Σ_t f_t(x)",
    impl: (xs, c) => played(xs, c),
  },
  {
    id: "last-iterate",
    hint: "regret against the last iterate x_T instead of the best fixed point: the " +
      "comparator is argmin over all of F of Σ_t f_t(x), which x_T need not be",
    impl: (xs, c) => played(xs, c) - xs[xs.length - 1]! * total(c),
  },
  {
    id: "per-round-best",
    hint: "you compared with the best point of each round separately, Σ_t min_x f_t(x) " +
      "(dynamic regret); R_T compares with ONE fixed x for all rounds",
    impl: (xs, c, lo, hi) => played(xs, c) - c.reduce((s, v) => s + Math.min(v * lo, v * hi), 0),
  },
  {
    id: "fixed-lo",
    hint: "you assumed the best fixed point is lo (x* = −1 in the paper's problems); it " +
      "is whichever end of F makes Σ_t c_t·x smaller, and here that is hi",
    impl: (xs, c, lo) => played(xs, c) - lo * total(c),
  },
  {
    id: "fixed-hi",
    hint: "you assumed the best fixed point is hi; it is whichever end of F makes " +
      "Σ_t c_t·x smaller, and here that is lo",
    impl: (xs, c, _lo, hi) => played(xs, c) - hi * total(c),
  },
  {
    id: "max-over-F",
    hint: "you subtracted the max over F of Σ_t f_t(x); the comparator is the min " +
      "(the best fixed point)",
    impl: (xs, c, lo, hi) => played(xs, c) - Math.max(lo * total(c), hi * total(c)),
  },
  {
    id: "average",
    hint: "you return R_T/T (the average regret, what Figure 1 plots); the exercise asks " +
      "for R_T itself",
    impl: (xs, c, lo, hi) => (played(xs, c) - Math.min(lo * total(c), hi * total(c))) / xs.length,
  },
  {
    id: "sign",
    hint: "the sign is flipped: R_T = (your losses) − (the best fixed point's losses)",
    impl: (xs, c, lo, hi) => Math.min(lo * total(c), hi * total(c)) - played(xs, c),
  },
  {
    id: "best-played",
    hint: "you compared with the best of the points you played; the comparator ranges " +
      "over all of F, which for linear losses is an end of F",
    impl: (xs, c) => played(xs, c) - Math.min(...xs.map((x) => x * total(c))),
  },
  {
    id: "mean-iterate",
    hint: "you compared with the average iterate; the comparator is the best fixed point",
    impl: (xs, c) => played(xs, c) - (total(xs) / xs.length) * total(c),
  },
];

/** The library's R_T: the paper's linear problem replayed round by round. */
function libraryRegret(xs: number[], slopes: number[], lo: number, hi: number): number {
  const p = linearProblem({ name: "grader", makeSlopes: () => (t) => slopes[t - 1]!, lo, hi });
  const grad = new Float64Array(1);
  let cum = 0;
  xs.forEach((x, k) => (cum += p.loss(k + 1, new Float64Array([x]), grad)));
  return cum - p.bestFixedLoss();
}

/** The exercise's checks, in order: probes, expected values, tolerances, mistakes and hints. */
export function checks(): TraceCheck<Regret>[] {
  const common = {
    exercise: EXERCISE,
    name: "regret",
    mistakes: REGRET_MISTAKES,
    tol: { rel: 1e-9, abs: 1e-9 },
  };
  const p = REGRET_PROBES.probes;
  const table = (cases: readonly Case[]) => ({
    expected: () => cases.map((c, k) => ({ label: caseLabel(c, k), value: libraryRegret(...c) })),
  });
  const random = randomCases();
  return [
    {
      ...common,
      ...table(HAND),
      run: p.hand!,
      check: "hand",
      title: "five runs small enough to work out by hand",
      passMessage: (e) => `R = ${e.map((p) => p.value).join(", ")} (regret can be negative)`,
      fallbackHint: "work the first failing case by hand: Σ c_t·x_t, then the best of " +
        "lo·Σc_t and hi·Σc_t",
    },
    {
      ...common,
      ...table(random),
      run: p.random!,
      check: "random",
      title: "40 random runs (T up to 50, random intervals)",
      passMessage: () => "R_T agrees with the library's online runner on all 40 runs",
      fallbackHint: "the `hand` check has cases small enough to work out on paper",
    },
    {
      ...common,
      check: "theorem1",
      title: "R_t of Adam and AMSGrad on Theorem 1 (C = 3, 3000 rounds), at log-spaced t",
      run: p.theorem1!,
      expected: () =>
        RUNS.flatMap(([name, make]) =>
          runOnline(theorem1(3), make(), { steps: 3000, x1: 1, points: 12 }).rows.map((r) => ({
            label: `${name}: R_t at t = ${r.t}`,
            value: r.regret,
          }))
        ),
      passMessage: (e) => {
        const last = (who: string) =>
          e.filter((p) => p.label.startsWith(who)).at(-1)!.value as number;
        return `R_T/T at T = 3000: Adam ${(last("Adam") / 3000).toFixed(3)} (does not go to ` +
          `0), AMSGrad ${(last("AMSGrad") / 3000).toFixed(3)}`;
      },
      fallbackHint: "the `hand` check has cases small enough to work out on paper",
    },
  ];
}

/**
 * Grades the student's `regret`.
 *
 * @param get a thunk returning it, `() => regret`
 * @returns the report a notebook cell displays
 */
export function checkRegret(get: () => unknown): DisplayedReport {
  const student = resolveStudent<Regret>("regret", get);
  return exerciseReport({ exercise: EXERCISE, title: TITLE }, runTraceChecks(checks(), student));
}
