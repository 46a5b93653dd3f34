/**
 * Curves over seeds as a mean with a 95% band: at every x the Student-t
 * interval of the mean of the seeds' values (what the charts shade).
 *
 * @module
 */
import { meanInterval } from "./interval.ts";

/** One point of a banded curve. */
export interface BandPoint {
  /** The shared x (a step or a round). */
  x: number;
  /** Mean over the curves. */
  mean: number;
  /** Lower end of the 95% interval of the mean. */
  lo: number;
  /** Upper end of the 95% interval of the mean. */
  hi: number;
  /** How many curves had a finite value at x. */
  n: number;
}

/**
 * Mean and 95% band of curves sampled at the same x values (as seeded runs with
 * the same settings are). Points where fewer than 2 curves are finite are left
 * out, and curves of different x grids are an error.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanBand } from "./band.ts";
 * const band = meanBand([[{ x: 1, y: 1 }], [{ x: 1, y: 3 }]]);
 * assert.equal(band[0]!.mean, 2);
 * assert.ok(band[0]!.lo < 1 && band[0]!.hi > 3);
 * ```
 */
export function meanBand(
  curves: readonly (readonly { x: number; y: number }[])[],
  level = 0.95,
): BandPoint[] {
  if (curves.length === 0) return [];
  const longest = curves.reduce((a, c) => (c.length > a.length ? c : a));
  const xs = longest.map((p) => p.x);
  const out: BandPoint[] = [];
  for (let i = 0; i < xs.length; i++) {
    const ys: number[] = [];
    for (const c of curves) {
      const p = c[i];
      if (p === undefined) continue; // a diverged run's curve stops early
      if (p.x !== xs[i]) throw new RangeError(`curves disagree on x at index ${i}: ${p.x}`);
      if (Number.isFinite(p.y)) ys.push(p.y);
    }
    if (ys.length < 2) continue;
    const m = meanInterval(ys, level);
    out.push({ x: xs[i]!, mean: m.mean, lo: m.lo, hi: m.hi, n: ys.length });
  }
  return out;
}
