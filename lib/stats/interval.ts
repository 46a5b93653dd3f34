/**
 * The mean of a sample with its two-sided Student-t confidence interval:
 * mean ± t_{(1+level)/2, n−1} · s/√n, s the sample standard deviation.
 *
 * @module
 */
import { studentTQuantile } from "./student_t.ts";

/** A mean with its confidence interval. */
export interface MeanInterval {
  /** Number of values. */
  n: number;
  /** Their mean. */
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator). */
  sd: number;
  /** Lower end of the interval. */
  lo: number;
  /** Upper end of the interval. */
  hi: number;
  /** The interval's confidence level, e.g. 0.95. */
  level: number;
}

/**
 * Mean and `level` (default 95%) Student-t interval of `values` (n ≥ 2, all finite).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanInterval } from "./interval.ts";
 * const m = meanInterval([1, 2, 3]); // s = 1, t(0.975, 2) = 4.303
 * assert.equal(m.mean, 2);
 * assert.equal(m.hi.toFixed(3), (2 + 4.303 / Math.sqrt(3)).toFixed(3));
 * ```
 */
export function meanInterval(values: readonly number[], level = 0.95): MeanInterval {
  const n = values.length;
  if (n < 2) throw new RangeError(`an interval needs at least 2 values, got ${n}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`values must be finite, got ${v}`);
  }
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const half = studentTQuantile((1 + level) / 2, n - 1) * sd / Math.sqrt(n);
  return { n, mean, sd, lo: mean - half, hi: mean + half, level };
}
