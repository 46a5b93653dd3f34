/**
 * Bonus exercise "ball-projection": the weighted projection of Algorithm 1
 * onto an ℓ2 ball,
 *
 * ```
 * Π_{F, w}(y) = argmin_{‖x‖₂ ≤ r} Σ_i w_i (x_i − y_i)²   ⇒   x_i = w_i y_i / (w_i + λ)
 * ```
 *
 * for the λ ≥ 0 with ‖x‖₂ = r (λ = 0 when y is inside). With unequal weights
 * this is not the Euclidean y·r/‖y‖ (the library's l2Ball weighs it). The student
 * writes `projectBall(y, r, w)`; the library's {@link l2Ball} is the reference.
 *
 * @module
 */
import { l2Ball } from "../framework/mod.ts";
import { runTraceChecks, type TraceCheck } from "./check.ts";
import {
  type CaseKind,
  norm,
  PROJECT_BALL_PROBES,
  type ProjectBall,
  tracePoints,
} from "./probe/ball_projection.ts";
import { type DisplayedReport, exerciseReport } from "./report.ts";
import { resolveStudent } from "./student.ts";
import type { Mistake, TracePoint } from "./types.ts";

export type { ProjectBall } from "./probe/ball_projection.ts";

const EXERCISE = "ball-projection";
/** The exercise's title, shown in reports. */
export const TITLE = "bonus: the weighted projection onto an ℓ2 ball";

/** The library's projection, on copies. */
function library(y: readonly number[], r: number, w: readonly number[]): number[] {
  const x = Float64Array.from(y);
  l2Ball(r).project!(x, Float64Array.from(w));
  return Array.from(x);
}

/** The wrong answers students usually write, each with what it means. */
export const PROJECT_BALL_MISTAKES: readonly Mistake<ProjectBall>[] = [
  {
    id: "euclidean",
    hint: "you used the Euclidean projection y·r/‖y‖, which ignores the weights; with " +
      "unequal w_i the minimiser of Σ w_i (x_i − y_i)² on the ball is x_i = w_i y_i/(w_i + λ) " +
      "with λ ≥ 0 chosen so that ‖x‖ = r",
    impl: (y, r) => {
      const n = norm(y);
      return n <= r ? [...y] : y.map((v) => (v * r) / n);
    },
  },
  {
    id: "not-applied",
    hint: "projection not applied: a y outside the ball came back unchanged",
    impl: (y) => [...y],
  },
  {
    id: "box",
    hint: "you clipped each coordinate to [−r, r]: that is the box, not the ball",
    impl: (y, r) => y.map((v) => Math.min(Math.max(v, -r), r)),
  },
  {
    id: "always-rescaled",
    hint: "you moved a point that was already in the ball: if ‖y‖ ≤ r, y is its own " +
      "projection (λ = 0)",
    impl: (y, r, w) => {
      const n = norm(y);
      return n === 0 ? [...y] : library(y.map((v) => (v * 2 * r) / n), r, w);
    },
  },
  {
    id: "inverse-weights",
    hint: "the weights act the wrong way round: a coordinate with a large w_i is costly " +
      "to move, so it should move least (x_i = w_i y_i/(w_i + λ))",
    impl: (y, r, w) => library(y, r, w.map((v) => 1 / v)),
  },
];

/** The exercise's checks, in order: probes, expected values, tolerances, mistakes and hints. */
export function checks(): TraceCheck<ProjectBall>[] {
  const common = {
    exercise: EXERCISE,
    name: "projectBall",
    mistakes: PROJECT_BALL_MISTAKES,
    // The library bisects λ to machine precision; any method converged to 1e-9 passes.
    tol: { rel: 1e-7, abs: 1e-9 },
  };
  const lib: ProjectBall = (y, r, w) => library(y, r, w);
  const p = PROJECT_BALL_PROBES.probes;
  const probeOf = { inside: "inside", equal: "equal-weights", weighted: "weighted" } as const;
  const table = (kind: CaseKind) => ({
    run: p[probeOf[kind]]!,
    expected: () => {
      const e: TracePoint[] = [];
      tracePoints(kind, lib, e);
      return e;
    },
  });
  return [
    {
      ...common,
      ...table("inside"),
      check: "inside",
      title: "a point inside the ball is its own projection",
      passMessage: () => "12 points inside the ball returned unchanged",
      fallbackHint: "if ‖y‖ ≤ r, x = y makes the objective 0",
    },
    {
      ...common,
      ...table("equal"),
      check: "equal-weights",
      title: "equal weights: the Euclidean projection y·r/‖y‖",
      passMessage: () => "12 points outside the ball, equal weights: y·r/‖y‖",
      fallbackHint: "with w_i = c for all i, x_i = c·y_i/(c + λ) is y scaled onto the sphere",
    },
    {
      ...common,
      ...table("weighted"),
      check: "weighted",
      title: "unequal weights (1e-2 to 1e2): the weighted minimiser, not y·r/‖y‖",
      passMessage: () => "12 weighted projections agree with the library's l2Ball to 1e-7",
      fallbackHint: "x_i = w_i y_i/(w_i + λ); ‖x(λ)‖ decreases in λ, so find λ with " +
        "‖x(λ)‖ = r by bisection",
    },
  ];
}

/**
 * Grades the student's `projectBall` (a bonus: its points add to the score,
 * not to the maximum).
 *
 * @param get a thunk returning it, `() => projectBall`
 * @returns the report a notebook cell displays
 */
export function checkProjectBall(get: () => unknown): DisplayedReport {
  const student = resolveStudent<ProjectBall>("projectBall", get);
  return exerciseReport(
    { exercise: EXERCISE, title: TITLE, bonus: true },
    runTraceChecks(checks(), student),
  );
}
