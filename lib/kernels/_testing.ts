/**
 * Test helpers for the sparse kernels.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";

/** A random m×k matrix with about `density` of its entries nonzero in (−1, 1) (some −0s among the zeros). */
export function sparseRandom(rng: Rng, m: number, k: number, density: number): Float32Array {
  return Float32Array.from(
    { length: m * k },
    () => rng.next() < density ? 2 * rng.next() - 1 : (rng.next() < 0.1 ? -0 : 0),
  );
}
