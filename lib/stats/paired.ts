/**
 * Paired differences over seeds: run i of method A and run i of method B share
 * their seed (initialisation and shuffling), so d_i = a_i − b_i removes what the
 * seed contributes to both. Mean difference, its Student-t interval, and the
 * sign count.
 *
 * @module
 */
import { type MeanInterval, meanInterval } from "./interval.ts";

/** The paired comparison of two methods over the same seeds. */
export interface PairedDifference extends MeanInterval {
  /** Pairs with a_i < b_i (the first method lower). */
  below: number;
  /** Pairs with a_i > b_i. */
  above: number;
  /** Pairs with a_i = b_i. */
  equal: number;
}

/**
 * Paired difference a − b (a_i and b_i from the same seed), with the `level`
 * (default 95%) interval of its mean and the sign count.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pairedDifference } from "./paired.ts";
 * const d = pairedDifference([1.0, 2.0, 3.1], [1.1, 2.1, 3.1]);
 * assert.deepEqual([d.below, d.above, d.equal], [2, 0, 1]);
 * ```
 */
export function pairedDifference(
  a: readonly number[],
  b: readonly number[],
  level = 0.95,
): PairedDifference {
  if (a.length !== b.length) {
    throw new RangeError(`paired samples need equal lengths, got ${a.length} and ${b.length}`);
  }
  const d = a.map((v, i) => v - b[i]!);
  return {
    ...meanInterval(d, level),
    below: d.filter((v) => v < 0).length,
    above: d.filter((v) => v > 0).length,
    equal: d.filter((v) => v === 0).length,
  };
}
