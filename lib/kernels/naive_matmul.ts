/**
 * The textbook matrix product, C = A·B with the i-k-j loop order (row-major,
 * unit stride in the innermost loop): the baseline that `bench/train_step.ts`
 * measures {@link matmul} against, and a reference for tests. Generic over the
 * array type, so a test can run it in float64.
 *
 * ```
 * C_ij = Σ_p A_ip B_pj,   A m×k, B k×n, C m×n
 * ```
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { naiveMatmul } from "./naive_matmul.ts";
 * const c = new Float64Array(1);
 * naiveMatmul(1, 2, 1, new Float64Array([1, 2]), new Float64Array([3, 4]), c);
 * assert.equal(c[0], 11);
 * ```
 *
 * @module
 */

/** C (m×n) = A (m×k) · B (k×n), all row-major; overwrites C. */
export function naiveMatmul<T extends Float32Array | Float64Array>(
  m: number,
  k: number,
  n: number,
  a: T,
  b: T,
  c: T,
): void {
  c.fill(0, 0, m * n);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p]!;
      const bp = p * n;
      for (let j = 0; j < n; j++) c[ci + j] = c[ci + j]! + aip * b[bp + j]!;
    }
  }
}
