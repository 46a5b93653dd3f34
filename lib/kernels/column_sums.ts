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
  // Row by row (one sequential pass; column by column strides through memory and
  // is 5-10× slower on a convolution's B·OH·OW rows), each column's sum still
  // adding its rows in ascending order: the same bits.
  const acc = new Float64Array(n);
  if (accumulate) { for (let j = 0; j < n; j++) acc[j] = out[j]!; }
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) acc[j] = acc[j]! + x[row + j]!;
  }
  for (let j = 0; j < n; j++) out[j] = acc[j]!;
}
