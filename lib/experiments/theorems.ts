/**
 * Demonstrations of the paper's non-convergence theorems on F = [−1, 1], each
 * returning tidy rows: Adam against AMSGrad with the same hyperparameters.
 *
 * @module
 */
import { box } from "../framework/projection.ts";
import { adam } from "../optimizers/adam.ts";
import { amsgrad } from "../optimizers/amsgrad.ts";
import type { OnlineProblem } from "../online/problem.ts";
import { theorem1, theorem1Beta2, theorem2, theorem3 } from "../online/problems.ts";
import { type OnlineRow, runOnline } from "../online/runner.ts";
import { type SeedBandRow, seedBands } from "./seeded.ts";

/** The outcome of one optimizer on one problem. */
export interface Outcome {
  /** The problem's name. */
  problem: string;
  /** `"Adam"` or `"AMSGrad"`. */
  optimizer: string;
  /** x_{T+1}, where the run ended. */
  x: number;
  /** R_T / T. */
  avgRegret: number;
  /** The smallest entry of Γ_t over the run; NaN when not tracked (T > 10⁶). */
  gammaMin: number;
}

/** Outcomes and recorded rows of a demonstration. */
export interface Demo {
  /** One outcome per optimizer and problem. */
  outcomes: Outcome[];
  /** The recorded rows of every run. */
  rows: OnlineRow[];
}

/** Theorem 3's demonstration: per-seed outcomes and their means. */
export interface Theorem3Demo {
  /** C, the size of the rare gradient (default 500). */
  C: number;
  /** δ > 0 in P(f_t = Cx) = (1 + δ)/(C + 1) (default 1). */
  delta: number;
  /** β1 (default 0.9). */
  beta1: number;
  /** β2 (default 0.99). */
  beta2: number;
  /** Independent runs, seeds 0 … seeds − 1 (default 20). */
  seeds: number;
  /** T, rounds per run (default 10⁵). */
  steps: number;
  /**
   * Mean x_T over the seeds, and the mean displacement per step (x_T − x_1)/T:
   * a net drift over the run, not the theorem's per-step expectation
   * E[x_{t+1} − x_t] (which its lemma bounds below by 0 near x = −1).
   */
  summary: { optimizer: string; meanX: number; meanDisplacementPerStep: number }[];
  /** Every run's outcome, Adam then AMSGrad for each seed in turn. */
  perSeed: Outcome[];
  /** Rows of seed 0. */
  rows: OnlineRow[];
  /** x_t and R_t/t over all seeds: mean and 95% band per optimizer. */
  bands: SeedBandRow[];
}

function both(
  problem: OnlineProblem,
  hp: { alpha: number; beta1: number; beta2: number; schedule: "constant" | "invsqrt" },
  steps: number,
  x1: number,
  points = 200,
): Demo {
  const outcomes: Outcome[] = [];
  const rows: OnlineRow[] = [];
  for (const make of [adam, amsgrad]) {
    const opt = make({ ...hp, projection: box(-1, 1) });
    const r = runOnline(problem, opt, { steps, x1, points, trackGamma: steps <= 1e6 });
    outcomes.push({
      problem: problem.name,
      optimizer: opt.name,
      x: r.xFinal,
      avgRegret: r.avgRegret,
      gammaMin: r.gammaMin,
    });
    rows.push(...r.rows);
  }
  return { outcomes, rows };
}

/**
 * Theorem 1: f_t = Cx if t mod 3 = 1, else −x; β1 = 0, β2 = 1/(1 + C²), x_1 = 1,
 * α_t = α/√t. Adam is back at x = +1 after every third step.
 */
export function theorem1Demo(opts: { Cs?: number[]; steps?: number; alpha?: number } = {}): Demo {
  const Cs = opts.Cs ?? [3, 5, 10];
  const steps = opts.steps ?? 30_000;
  const out = Cs.map((C) =>
    both(
      theorem1(C),
      { alpha: opts.alpha ?? 0.5, beta1: 0, beta2: theorem1Beta2(C), schedule: "invsqrt" },
      steps,
      1,
    )
  );
  return { outcomes: out.flatMap((o) => o.outcomes), rows: out.flatMap((o) => o.rows) };
}

/**
 * Theorem 2: f_t = Cx if t mod C = 1, else −x (C even) for β1 < √β2. The paper
 * asks for C "large enough"; we scan even C and report where Adam's limit flips.
 */
export function theorem2Demo(
  opts: { beta1?: number; beta2?: number; Cs?: number[]; steps?: number; alpha?: number } = {},
): Demo & { beta1: number; beta2: number } {
  const beta1 = opts.beta1 ?? 0.9;
  const beta2 = opts.beta2 ?? 0.99;
  if (!(beta1 < Math.sqrt(beta2))) {
    throw new RangeError(`Theorem 2 needs β1 < √β2, got ${beta1}, ${beta2}`);
  }
  const Cs = opts.Cs ?? [4, 8, 16, 32, 64, 128];
  const steps = opts.steps ?? 200_000;
  const out = Cs.map((C) =>
    both(
      theorem2(C),
      { alpha: opts.alpha ?? 0.5, beta1, beta2, schedule: "invsqrt" },
      steps,
      1,
      100,
    )
  );
  return {
    beta1,
    beta2,
    outcomes: out.flatMap((o) => o.outcomes),
    rows: out.flatMap((o) => o.rows),
  };
}

/**
 * Theorem 3: f_t = Cx with probability (1 + δ)/(C + 1), else −x, so E f_t = δx and
 * x* = −1. Over `seeds` independent runs we report the mean x_T, the mean net
 * displacement per step (x_T − x_1)/T from x_1 = 0, and banded curves.
 */
export function theorem3Demo(
  opts: {
    C?: number;
    delta?: number;
    beta1?: number;
    beta2?: number;
    seeds?: number;
    steps?: number;
    alpha?: number;
  } = {},
): Theorem3Demo {
  const C = opts.C ?? 500;
  const delta = opts.delta ?? 1;
  const beta1 = opts.beta1 ?? 0.9;
  const beta2 = opts.beta2 ?? 0.99;
  const seeds = opts.seeds ?? 20;
  const steps = opts.steps ?? 100_000;
  const hp = { alpha: opts.alpha ?? 0.5, beta1, beta2, schedule: "invsqrt" as const };
  const perSeed: Outcome[] = [];
  const rows: OnlineRow[] = [];
  const all: { optimizer: string; rows: OnlineRow[] }[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    const r = both(theorem3({ C, delta, seed }), hp, steps, 0, 60);
    perSeed.push(...r.outcomes);
    if (seed === 0) rows.push(...r.rows);
    for (const name of ["Adam", "AMSGrad"]) {
      all.push({ optimizer: name, rows: r.rows.filter((p) => p.optimizer === name) });
    }
  }
  const mean = (name: string) => {
    const xs = perSeed.filter((o) => o.optimizer === name).map((o) => o.x);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  const summary = ["Adam", "AMSGrad"].map((name) => ({
    optimizer: name,
    meanX: mean(name),
    meanDisplacementPerStep: mean(name) / steps,
  }));
  const bands = seeds >= 2 ? seedBands(all) : [];
  return { C, delta, beta1, beta2, seeds, steps, summary, perSeed, rows, bands };
}
