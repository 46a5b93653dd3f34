/**
 * Probes of exercise "interval-projection": the student's `projectInterval`
 * on points inside and outside a few intervals, with weights from 1e-8 to 1e8,
 * and used as Π_F inside Adam and AMSGrad on Theorem 1.
 *
 * @module
 */
import {
  box,
  makeOptimizer,
  type Optimizer,
  type Projection,
  type Vec,
} from "../../framework/mod.ts";
import { adam, amsgrad } from "../../optimizers/mod.ts";
import { theorem1, theorem1Beta2 } from "../../online/mod.ts";
import { play } from "./_online.ts";
import type { ExerciseProbes, TracePoint } from "./types.ts";

/** The student's weighted projection of y onto [a, b] with weight w > 0. */
export type ProjectInterval = (y: number, a: number, b: number, w: number) => number;

const INTERVALS: readonly [number, number][] = [[-1, 1], [-0.5, 2], [0.2, 3], [-3, -1]];

/** The label of one projection. */
export const label = (y: number, a: number, b: number, w: number) =>
  `Π(y = ${y}) onto [${a}, ${b}] with w = ${w}`;

/** The kinds of table checks. */
export type CaseKind = "inside" | "outside" | "weights";

/** The inputs (y, a, b, w) of a table check. */
export function cases(kind: CaseKind): [number, number, number, number][] {
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

/** Theorem 1's run: C = 3, 3000 steps, x recorded for the first 30 and the last. */
export const T1 = { C: 3, steps: 3000, early: 30 } as const;
const t1 = (projection: Projection) => ({
  alpha: 0.5,
  schedule: "invsqrt" as const,
  beta1: 0,
  beta2: theorem1Beta2(T1.C),
  projection,
});

/** Adam's then AMSGrad's x on Theorem 1, each with projection `p`. */
export function inStep(p: () => Projection, out: TracePoint[]): void {
  const opts = { steps: T1.steps, x1: 1, early: T1.early };
  const rename = (name: string) => (q: TracePoint) => ({ ...q, label: `${name}: ${q.label}` });
  const build = (o: Optimizer) => makeOptimizer({ ...o.spec, projection: p() });
  const a = play(theorem1(T1.C), build(adam(t1(box(-1, 1)))), opts);
  out.push(...a.points.map(rename("Adam")));
  const m = play(theorem1(T1.C), build(amsgrad(t1(box(-1, 1)))), opts);
  out.push(...m.points.map(rename("AMSGrad")));
}

const table = (kind: CaseKind) => (f: ProjectInterval, out: TracePoint[]) =>
  cases(kind).forEach(([y, a, b, w]) =>
    out.push({ label: label(y, a, b, w), value: f(y, a, b, w) })
  );

/** The probes, by check id. */
export const PROJECT_INTERVAL_PROBES: ExerciseProbes<ProjectInterval> = {
  fn: "projectInterval",
  probes: {
    inside: table("inside"),
    outside: table("outside"),
    weights: table("weights"),
    "in-step": (f, out) => inStep(() => studentBox(f), out),
  },
};
