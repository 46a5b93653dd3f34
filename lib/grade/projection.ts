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
import { box } from "../framework/mod.ts";
import { runTraceChecks, type TraceCheck } from "./check.ts";
import { fmt } from "./probe/_online.ts";
import {
  type CaseKind,
  cases,
  inStep,
  label,
  PROJECT_INTERVAL_PROBES,
  type ProjectInterval,
  T1,
} from "./probe/projection.ts";
import { type DisplayedReport, exerciseReport } from "./report.ts";
import { resolveStudent } from "./student.ts";
import type { Mistake, TracePoint } from "./types.ts";

export type { ProjectInterval } from "./probe/projection.ts";

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

/** The exercise's checks, in order: probes, expected values, tolerances, mistakes and hints. */
export function checks(): TraceCheck<ProjectInterval>[] {
  const common = {
    exercise: EXERCISE,
    name: "projectInterval",
    mistakes: PROJECT_INTERVAL_MISTAKES,
    tol: { rel: 1e-12, abs: 1e-12 },
  };
  const p = PROJECT_INTERVAL_PROBES.probes;
  const table = (kind: CaseKind) => ({
    run: p[kind]!,
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
      run: p["in-step"]!,
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
