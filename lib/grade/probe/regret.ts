/**
 * Probes of exercise "regret": the student's `regret` on small runs, on 40
 * random runs, and on Adam's and AMSGrad's runs on Theorem 1.
 *
 * @module
 */
import { box, type Optimizer } from "../../framework/mod.ts";
import { adam, amsgrad } from "../../optimizers/mod.ts";
import { runOnline, theorem1, theorem1Beta2 } from "../../online/mod.ts";
import { Rng } from "../../random/rng.ts";
import type { ExerciseProbes, TracePoint } from "./types.ts";

/** The student's R_T for x_1..x_T = xs[0..T−1] and f_t(x) = slopes[t−1]·x on [lo, hi]. */
export type Regret = (xs: number[], slopes: number[], lo: number, hi: number) => number;

/** One input: xs, slopes, lo, hi. */
export type Case = [number[], number[], number, number];

/** Small cases to work by hand (the best point is lo in some, hi in others; R may be < 0). */
export const HAND: readonly Case[] = [
  [[0, 0.5, -1], [1, -2, 3], -1, 1],
  [[1, 1, 1], [-1, -1, -1], -1, 1],
  [[-1, -1, 0], [-1, -1, -1], -1, 1],
  [[0, 0], [2, -1], -2, 0.5],
  [[0.5, 1.5, 2], [1, 1, -4], 0.5, 2],
];

/** 40 random runs (T up to 50, random intervals). */
export function randomCases(): Case[] {
  const rng = new Rng(4);
  return Array.from({ length: 40 }, () => {
    const lo = -3 + 3 * rng.next();
    const hi = lo + 0.1 + 3 * rng.next();
    const T = 1 + rng.int(50);
    const xs = Array.from({ length: T }, () => lo + (hi - lo) * rng.next());
    const cs = Array.from({ length: T }, () => 3 * rng.normal() + (rng.next() - 0.5));
    return [xs, cs, lo, hi] as Case;
  });
}

/** The label of case k. */
export const caseLabel = ([xs, cs, lo, hi]: Case, k: number) =>
  xs.length <= 3
    ? `R for xs = [${xs}], slopes = [${cs}], F = [${lo}, ${hi}]`
    : `case ${k + 1} (T = ${xs.length}, F = [${lo.toFixed(2)}, ${hi.toFixed(2)}])`;

/** x_1..x_T and c_1..c_T of `opt` on Theorem 1 (C = 3), T = 3000. */
function trajectory(opt: Optimizer): { xs: number[]; cs: number[] } {
  const p = theorem1(3).reset();
  const state = opt.init(new Float64Array([1]));
  const grad = new Float64Array(1);
  const xs: number[] = [];
  const cs: number[] = [];
  for (let t = 1; t <= 3000; t++) {
    xs.push(state.x[0]!);
    p.loss(t, state.x, grad);
    cs.push(grad[0]!);
    opt.step(state, grad);
  }
  return { xs, cs };
}

const t1 = {
  alpha: 0.5,
  schedule: "invsqrt" as const,
  beta1: 0,
  beta2: theorem1Beta2(3),
  projection: box(-1, 1),
};
/** Adam and AMSGrad on Theorem 1 (C = 3). */
export const RUNS = [["Adam", () => adam(t1)], ["AMSGrad", () => amsgrad(t1)]] as const;

const table = (cases: () => readonly Case[]) => (f: Regret, out: TracePoint[]) =>
  cases().forEach((c, k) =>
    out.push({ label: caseLabel(c, k), value: f([...c[0]], [...c[1]], c[2], c[3]) })
  );

/** The probes, by check id. */
export const REGRET_PROBES: ExerciseProbes<Regret> = {
  fn: "regret",
  probes: {
    hand: table(() => HAND),
    random: table(randomCases),
    theorem1: (f, out) => {
      for (const [name, make] of RUNS) {
        const { xs, cs } = trajectory(make());
        const rows = runOnline(theorem1(3), make(), { steps: 3000, x1: 1, points: 12 }).rows;
        for (const r of rows) {
          out.push({
            label: `${name}: R_t at t = ${r.t}`,
            value: f(xs.slice(0, r.t), cs.slice(0, r.t), -1, 1),
          });
        }
      }
    },
  },
};
