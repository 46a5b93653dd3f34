/**
 * Exercise "interval-projection": the weighted projection of Algorithm 1 onto
 * an interval,
 *
 * ```
 * Π_{[a,b], w}(y) = argmin_{x ∈ [a,b]} w·(x − y)²,   w = √v̂_t > 0
 * ```
 *
 * which is the clamp min(max(y, a), b) whatever w: the student is meant to
 * discover that the weight drops out in one dimension (and, coordinate-wise,
 * for any box with a diagonal V_t). The student writes
 * `projectInterval(y, a, b, w)`.
 *
 * @module
 */
import type { Optimizer, Projection, Vec } from "../framework/types.ts";
import { box } from "../framework/projection.ts";
import { makeOptimizer } from "../framework/generic.ts";
import { adam } from "../optimizers/adam.ts";
import { amsgrad } from "../optimizers/amsgrad.ts";
import { theorem1, theorem1Beta2 } from "../online/problems.ts";
import { runTraceChecks, type TraceCheck } from "./check.ts";
import { fmt, play } from "./_online.ts";
import { type DisplayedReport, exerciseReport } from "./report.ts";
import { resolveStudent } from "./student.ts";
import type { Mistake, TracePoint } from "./types.ts";

/** The student's weighted projection of y onto [a, b] with weight w > 0. */
export type ProjectInterval = (y: number, a: number, b: number, w: number) => number;

const EXERCISE = "interval-projection";
/** The exercise's title, shown in reports. */
export const TITLE = "the weighted projection Π_{[a,b], w}(y) onto an interval";

const clamp = (y: number, a: number, b: number) => Math.min(Math.max(y, a), b);

/** The wrong answers students usually write, each with what it means. */
export const PROJECT_INTERVAL_MISTAKES: readonly Mistake<ProjectInterval>[] = [
  {
    id: "not-applied",
    hint: "projection not applied: a y outside [a, b] came back unchanged, so the " +
      "iterate leaves F",
    impl: (y) => y,
  },
  {
    id: "weight-scaled",
    hint: "the weight changed the answer: w·(x − y)² has the same minimiser over [a, b] " +
      "for every w > 0, so the weight must drop out",
    impl: (y, a, b, w) => clamp(w * y, a, b),
  },
  {
    id: "weight-divided",
    hint: "the weight changed the answer: w·(x − y)² has the same minimiser over [a, b] " +
      "for every w > 0, so the weight must drop out",
    impl: (y, a, b, w) => clamp(y / w, a, b),
  },
  {
    id: "unit-interval",
    hint: "you clamped to [−1, 1] (the paper's F) instead of [a, b]",
    impl: (y) => clamp(y, -1, 1),
  },
  {
    id: "min-max-swapped",
    hint: "min and max are swapped: every point lands on b",
    impl: (y, a, b) => Math.max(b, Math.min(a, y)),
  },
  {
    id: "max-min-swapped",
    hint: "min and max are swapped: every point lands on a",
    impl: (y, a, b) => Math.min(a, Math.max(b, y)),
  },
  {
    id: "upper-only",
    hint: "only the upper bound b is enforced: a y below a must come back as a",
    impl: (y, _a, b) => Math.min(y, b),
  },
  {
    id: "lower-only",
    hint: "only the lower bound a is enforced: a y above b must come back as b",
    impl: (y, a) => Math.max(y, a),
  },
  {
    id: "nearest-endpoint",
    hint: "you moved a point that was already in [a, b]: a feasible y is its own projection",
    impl: (y, a, b) => (Math.abs(y - a) <= Math.abs(y - b) ? a : b),
  },
  {
    id: "radial",
    hint: "you scaled y toward 0 (the ℓ2-ball formula y·r/|y|); on an interval not " +
      "centred at 0 that is not the closest point: compare y with a and with b",
    impl: (y, a, b) => {
      const r = Math.max(Math.abs(a), Math.abs(b));
      return Math.abs(y) <= r ? y : (y * r) / Math.abs(y);
    },
  },
];

const INTERVALS: readonly [number, number][] = [[-1, 1], [-0.5, 2], [0.2, 3], [-3, -1]];
const label = (y: number, a: number, b: number, w: number) =>
  `Π(y = ${y}) onto [${a}, ${b}] with w = ${w}`;

function cases(kind: "inside" | "outside" | "weights"): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (const [a, b] of INTERVALS) {
    const inside = [a, b, a + 0.25 * (b - a), a + 0.7 * (b - a)];
    const outside = [a - 0.5, a - 7, b + 0.1, b + 4];
    if (kind === "inside") inside.forEach((y) => out.push([y, a, b, 1]));
    if (kind === "outside") outside.forEach((y) => out.push([y, a, b, 1]));
    if (kind === "weights") {
      for (const w of [1e-8, 0.01, 3, 1e8]) {
        for (const y of [inside[2]!, outside[0]!, outside[3]!]) out.push([y, a, b, w]);
      }
    }
  }
  return out;
}

/**
 * F = [−1, 1] projected by the student's function with the step's weights
 * w_i = √v̂_i + ε, in place of the library's clamp.
 */
function studentBox(f: ProjectInterval): Projection {
  const ref = box(-1, 1);
  return {
    name: ref.name,
    separable: false,
    lo: null,
    hi: null,
    project(x: Vec, w: Vec) {
      for (let i = 0; i < x.length; i++) x[i] = f(x[i]!, -1, 1, w[i]!);
    },
    contains: ref.contains,
  };
}

const T1 = { C: 3, steps: 3000, early: 30 };
const t1 = (projection: Projection) => ({
  alpha: 0.5,
  schedule: "invsqrt" as const,
  beta1: 0,
  beta2: theorem1Beta2(T1.C),
  projection,
});

/** Adam's then AMSGrad's x on Theorem 1, each with projection `p`. */
function inStep(p: () => Projection, out: TracePoint[]): void {
  const opts = { steps: T1.steps, x1: 1, early: T1.early };
  const rename = (name: string) => (q: TracePoint) => ({ ...q, label: `${name}: ${q.label}` });
  const build = (o: Optimizer) => makeOptimizer({ ...o.spec, projection: p() });
  const a = play(theorem1(T1.C), build(adam(t1(box(-1, 1)))), opts);
  out.push(...a.points.map(rename("Adam")));
  const m = play(theorem1(T1.C), build(amsgrad(t1(box(-1, 1)))), opts);
  out.push(...m.points.map(rename("AMSGrad")));
}

function checks(): TraceCheck<ProjectInterval>[] {
  const common = {
    exercise: EXERCISE,
    name: "projectInterval",
    mistakes: PROJECT_INTERVAL_MISTAKES,
    tol: { rel: 1e-12, abs: 1e-12 },
  };
  const table = (kind: "inside" | "outside" | "weights") => ({
    run: (f: ProjectInterval, out: TracePoint[]) =>
      cases(kind).forEach(([y, a, b, w]) =>
        out.push({ label: label(y, a, b, w), value: f(y, a, b, w) })
      ),
    expected: () =>
      cases(kind).map(([y, a, b, w]) => ({ label: label(y, a, b, w), value: clamp(y, a, b) })),
  });
  return [
    {
      ...common,
      ...table("inside"),
      check: "inside",
      title: "points already in [a, b]",
      passMessage: (e) => `${e.length} feasible points returned unchanged`,
      fallbackHint: "for y in [a, b], x = y makes w·(x − y)² zero, the least it can be",
    },
    {
      ...common,
      ...table("outside"),
      check: "outside",
      title: "points outside [a, b]",
      passMessage: (e) => `${e.length} infeasible points sent to the nearest end of [a, b]`,
      fallbackHint: "for y > b, w·(x − y)² decreases all the way up to x = b",
    },
    {
      ...common,
      ...table("weights"),
      check: "weights",
      title: "the same points with weights w from 1e-8 to 1e8",
      passMessage: () => "the same projection for every weight: in 1-D it is the clamp",
      fallbackHint: "w·(x − y)² and (x − y)² have the same minimiser over [a, b] when w > 0",
    },
    {
      ...common,
      check: "in-step",
      title: "as Π_F inside Adam and AMSGrad on Theorem 1 (weights √v̂_t + ε)",
      run: (f, out) => inStep(() => studentBox(f), out),
      expected: () => {
        const e: TracePoint[] = [];
        inStep(() => box(-1, 1), e);
        return e;
      },
      tol: { rel: 1e-12, abs: 1e-12 },
      passMessage: (e) => {
        const last = (who: string) =>
          e.filter((p) => p.label === `${who}: x after step ${T1.steps}`)[0]!.value as number;
        return `with your projection Adam ends at x = ${fmt(last("Adam"))} (held at +1 by ` +
          `Π_F every third step) and AMSGrad at x = ${fmt(last("AMSGrad"))}`;
      },
      context: (a) => {
        const out = a.find((p) => typeof p.value === "number" && Math.abs(p.value) > 1 + 1e-12);
        return out ? `${out.label} is ${out.value}, outside F = [−1, 1]` : "";
      },
      fallbackHint: "the `inside`, `outside` and `weights` checks show which inputs go wrong",
    },
  ];
}

/**
 * Grades the student's `projectInterval`.
 *
 * @param get a thunk returning it, `() => projectInterval`
 * @returns the report a notebook cell displays
 */
export function checkProjectInterval(get: () => unknown): DisplayedReport {
  const student = resolveStudent<ProjectInterval>("projectInterval", get);
  return exerciseReport({ exercise: EXERCISE, title: TITLE }, runTraceChecks(checks(), student));
}
