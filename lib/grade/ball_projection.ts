/**
 * Bonus exercise "ball-projection": the weighted projection of Algorithm 1
 * onto an ℓ2 ball,
 *
 * ```
 * Π_{F, w}(y) = argmin_{‖x‖₂ ≤ r} Σ_i w_i (x_i − y_i)²   ⇒   x_i = w_i y_i / (w_i + λ)
 * ```
 *
 * for the λ ≥ 0 with ‖x‖₂ = r (λ = 0 when y is inside). With unequal weights
 * this is not the Euclidean y·r/‖y‖ (conventions.md, rule 6). The student
 * writes `projectBall(y, r, w)`; the library's {@link l2Ball} is the reference.
 *
 * @module
 */
import { l2Ball } from "../framework/projection.ts";
import { Rng } from "../random/rng.ts";
import { runTraceChecks, type TraceCheck } from "./check.ts";
import { type DisplayedReport, exerciseReport } from "./report.ts";
import { resolveStudent } from "./student.ts";
import type { Mistake, TracePoint } from "./types.ts";

/** The student's weighted projection of y onto {x : ‖x‖₂ ≤ r}, weights w_i > 0. */
export type ProjectBall = (y: number[], r: number, w: number[]) => number[];

const EXERCISE = "ball-projection";
/** The exercise's title, shown in reports. */
export const TITLE = "bonus: the weighted projection onto an ℓ2 ball";

const norm = (y: readonly number[]) => Math.sqrt(y.reduce((s, v) => s + v * v, 0));

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

type Case = [number[], number, number[]];

function cases(kind: "inside" | "equal" | "weighted"): Case[] {
  const rng = new Rng(kind === "inside" ? 1 : kind === "equal" ? 2 : 3);
  const out: Case[] = [];
  for (let k = 0; k < 12; k++) {
    const d = 2 + rng.int(4);
    const r = 0.5 + 2 * rng.next();
    const y = Array.from({ length: d }, () => rng.normal());
    const n = norm(y);
    const target = kind === "inside" ? r * (0.2 + 0.75 * rng.next()) : r * (1.5 + 4 * rng.next());
    const ys = y.map((v) => (v * target) / n);
    const c = Math.pow(10, 4 * rng.next() - 2);
    const w = kind === "equal" ? ys.map(() => c) : ys.map(() => Math.pow(10, 4 * rng.next() - 2));
    out.push([ys, r, w]);
  }
  return out;
}

const fmtCase = ([y, r, w]: Case, k: number) =>
  `case ${k + 1} (d = ${y.length}, r = ${r.toFixed(3)}, ‖y‖ = ${norm(y).toFixed(3)}, ` +
  `w ∈ [${Math.min(...w).toPrecision(2)}, ${Math.max(...w).toPrecision(2)}])`;

function tracePoints(kind: "inside" | "equal" | "weighted", f: ProjectBall, out: TracePoint[]) {
  cases(kind).forEach((c, k) => {
    const x = f([...c[0]], c[1], [...c[2]]);
    for (let i = 0; i < c[0].length; i++) {
      out.push({ label: `${fmtCase(c, k)}, x[${i}]`, value: Array.isArray(x) ? x[i] : x });
    }
  });
}

function checks(): TraceCheck<ProjectBall>[] {
  const common = {
    exercise: EXERCISE,
    name: "projectBall",
    mistakes: PROJECT_BALL_MISTAKES,
    // The library bisects λ to machine precision; any method converged to 1e-9 passes.
    tol: { rel: 1e-7, abs: 1e-9 },
  };
  const lib: ProjectBall = (y, r, w) => library(y, r, w);
  const table = (kind: "inside" | "equal" | "weighted") => ({
    run: (f: ProjectBall, out: TracePoint[]) => tracePoints(kind, f, out),
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
