/**
 * Probes of bonus exercise "ball-projection": the student's `projectBall` on
 * points inside an ℓ2 ball, and outside it with equal and unequal weights.
 *
 * @module
 */
import { Rng } from "../../random/rng.ts";
import type { ExerciseProbes, TracePoint } from "./types.ts";

/** The student's weighted projection of y onto {x : ‖x‖₂ ≤ r}, weights w_i > 0. */
export type ProjectBall = (y: number[], r: number, w: number[]) => number[];

/** ‖y‖₂. */
export const norm = (y: readonly number[]) => Math.sqrt(y.reduce((s, v) => s + v * v, 0));

/** One input: y, r, w. */
export type Case = [number[], number, number[]];
/** The kinds of table checks. */
export type CaseKind = "inside" | "equal" | "weighted";

/** The 12 inputs of a table check. */
export function cases(kind: CaseKind): Case[] {
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

/** Each coordinate of f's projection of each case. */
export function tracePoints(kind: CaseKind, f: ProjectBall, out: TracePoint[]): void {
  cases(kind).forEach((c, k) => {
    const x = f([...c[0]], c[1], [...c[2]]);
    for (let i = 0; i < c[0].length; i++) {
      out.push({ label: `${fmtCase(c, k)}, x[${i}]`, value: Array.isArray(x) ? x[i] : x });
    }
  });
}

/** The probes, by check id. */
export const PROJECT_BALL_PROBES: ExerciseProbes<ProjectBall> = {
  fn: "projectBall",
  probes: {
    inside: (f, out) => tracePoints("inside", f, out),
    "equal-weights": (f, out) => tracePoints("equal", f, out),
    weighted: (f, out) => tracePoints("weighted", f, out),
  },
};
