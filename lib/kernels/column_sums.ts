/**
 * Column sums of a row-major m×n matrix, the gradient of a bias that was added
 * to every row:
 *
 * ```
 * out_j = Σ_i X_ij          (∂L/∂b_j = Σ_i ∂L/∂z_ij for z_i = W·x_i + b)
 * ```
 *
 * Each sum runs in double precision and is rounded once.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { columnSums } from "./column_sums.ts";
 * const out = new Float32Array(2);
 * columnSums(new Float32Array([1, 2, 3, 4, 5, 6]), 3, 2, out);
 * assert.deepEqual(Array.from(out), [9, 12]);
 * ```
 *
 * @module
 */

/** out_j = Σ_{i<m} x[i·n + j] for j < n (added to out_j when `accumulate`). */
export function columnSums(
  x: Float32Array,
  m: number,
  n: number,
  out: Float32Array,
  accumulate = false,
): void {
  if (x.length < m * n || out.length < n) {
    throw new RangeError(
      `columnSums: x has ${x.length} entries (need ${m}×${n}), out has ${out.length} (need ${n})`,
    );
  }
  for (let j = 0; j < n; j++) {
    let s = accumulate ? out[j]! : 0;
    for (let i = j; i < m * n; i += n) s += x[i]!;
    out[j] = s;
  }
}
