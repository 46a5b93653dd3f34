/**
 * The stochastic synthetic problems over many seeds: Figure 1 (right) and
 * Theorem 3 as a mean curve with a 95% band per optimizer, and each seed's end
 * point, so that a claim about them rests on an interval rather than one draw.
 *
 * @module
 */
import { meanBand } from "../stats/band.ts";
import { figure1Stochastic } from "../online/problems.ts";
import type { OnlineRow } from "../online/runner.ts";
import { runOnline } from "../online/runner.ts";
import { FIGURE1_DEFAULTS, figure1Optimizers, type Figure1Settings } from "./figure1.ts";

/** One point of a banded curve over seeds. */
export interface SeedBandRow {
  /** The optimizer's display name. */
  optimizer: string;
  /** The round t. */
  t: number;
  /** Which recorded quantity: the iterate x_t or the average regret R_t/t. */
  quantity: "x" | "avgRegret";
  /** Mean over the seeds. */
  mean: number;
  /** Lower end of the 95% interval of the mean. */
  lo: number;
  /** Upper end. */
  hi: number;
  /** Seeds at this t. */
  n: number;
}

/** One seed's end point. */
export interface SeedEnd {
  /** The optimizer's display name. */
  optimizer: string;
  /** The seed of the problem's draws. */
  seed: number;
  /** x_{T+1}. */
  x: number;
  /** R_T / T. */
  avgRegret: number;
}

/** Mean and 95% band over runs of each optimizer, for x_t and R_t/t at the recorded rounds. */
export function seedBands(
  runs: readonly { optimizer: string; rows: OnlineRow[] }[],
): SeedBandRow[] {
  const out: SeedBandRow[] = [];
  for (const optimizer of new Set(runs.map((r) => r.optimizer))) {
    const mine = runs.filter((r) => r.optimizer === optimizer);
    for (const quantity of ["x", "avgRegret"] as const) {
      const band = meanBand(mine.map((r) => r.rows.map((p) => ({ x: p.t, y: p[quantity] }))));
      for (const p of band) {
        out.push({ optimizer, t: p.x, quantity, mean: p.mean, lo: p.lo, hi: p.hi, n: p.n });
      }
    }
  }
  return out;
}

/** Figure 1's stochastic problem over seeds 0 … seeds − 1. */
export interface Figure1SeedsResult {
  /** The settings of every run (its `seed` is unused: each run has its own). */
  settings: Figure1Settings;
  /** Number of seeds. */
  seeds: number;
  /** Mean curves with 95% bands. */
  bands: SeedBandRow[];
  /** Each run's end point. */
  ends: SeedEnd[];
}

/**
 * Adam and AMSGrad on Figure 1's stochastic problem (1010x with probability
 * 0.01, else −10x) for `seeds` seeds of its draws (default 20).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { figure1Seeds } from "./seeded.ts";
 * const r = figure1Seeds({ steps: 2000, points: 20 }, 3);
 * assert.equal(r.ends.length, 6);
 * ```
 */
export function figure1Seeds(
  overrides: Partial<Figure1Settings> = {},
  seeds = 20,
  onProgress?: (label: string, fraction: number) => void,
): Figure1SeedsResult {
  if (!Number.isInteger(seeds) || seeds < 2) {
    throw new RangeError(`seeds must be an integer ≥ 2, got ${seeds}`);
  }
  const settings = { ...FIGURE1_DEFAULTS, ...overrides };
  const runs: { optimizer: string; rows: OnlineRow[] }[] = [];
  const ends: SeedEnd[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    for (const opt of figure1Optimizers(settings)) {
      const r = runOnline(figure1Stochastic(seed), opt, {
        steps: settings.steps,
        x1: settings.x1,
        points: settings.points,
        trackGamma: false,
      });
      runs.push({ optimizer: opt.name, rows: r.rows });
      ends.push({ optimizer: opt.name, seed, x: r.xFinal, avgRegret: r.avgRegret });
    }
    onProgress?.("stochastic seeds", (seed + 1) / seeds);
  }
  return { settings, seeds, bands: seedBands(runs), ends };
}
