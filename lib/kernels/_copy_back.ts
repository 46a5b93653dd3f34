/**
 * The last step of every product kernel: copy C out of the workspace, where it
 * is padded to whole tiles, into the caller's row-major m×n array, adding the
 * bias and the old C in double precision so that the result rounds once:
 *
 * ```
 * C_ij ← fl32( W_ij [+ bias_j] [+ C_ij] )
 * ```
 *
 * Shared by `gemm` and `spmm`, so that both round the same way.
 *
 * @module
 */

/** C_ij = W[off + i·ld + j] [+ bias_j] [+ C_ij] for i < m, j < n. */
export function copyBack(
  w: Float32Array,
  off: number,
  ld: number,
  m: number,
  n: number,
  c: Float32Array,
  bias: Float32Array | undefined,
  accumulate: boolean,
): void {
  if (bias === undefined && !accumulate) {
    // Nothing to add: whole rows (or the whole matrix) by memcpy.
    if (ld === n) c.set(w.subarray(off, off + m * n));
    else for (let i = 0; i < m; i++) c.set(w.subarray(off + i * ld, off + i * ld + n), i * n);
    return;
  }
  for (let i = 0; i < m; i++) {
    const src = off + i * ld;
    const dst = i * n;
    for (let j = 0; j < n; j++) {
      let v = w[src + j]!;
      if (bias !== undefined) v += bias[j]!;
      if (accumulate) v += c[dst + j]!;
      c[dst + j] = v;
    }
  }
}
