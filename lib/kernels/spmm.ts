/**
 * The product of a sparse matrix (CSR, see {@link sparsify}) and a dense one:
 *
 * ```
 * C (m×n) = S·B [+ C] [+ 1·biasᵀ],     C_ij = Σ_{q : S_iq ≠ 0} S_iq B_qj [+ C_ij] [+ bias_j]
 * then, with `relu`, C_ij ← max(C_ij, 0)
 * ```
 *
 * with S m×k in CSR and B k×n row-major. The cost is nnz(S)·n multiply-adds
 * instead of m·k·n. The kernel (`_spmm_wat.ts`) keeps panels of
 * {@link SPMM_PANEL} f32x4 vectors of C's row in registers while it walks the
 * row's nonzeros, adding the bias and taking the ReLU as it stores them (a
 * float32 add rounds as the double-precision add of the copy back does); with
 * `accumulate`, the copy back is `gemm`'s (bias and old C added in double
 * precision, rounding once).
 *
 * Like `gemm`, a product of at least `PARALLEL_MIN_FLOP` (2·nnz·n) is split
 * over `setThreads` threads, here by rows of C, which each thread computes whole:
 * the same bits for any thread count.
 *
 * Bit-identical to `gemm(m, k, n, S_dense, B, C, opts)` whenever B is finite:
 * both sum over ascending q with the same fused multiply-add, and a term the
 * sparse product skips adds exactly nothing, fma(0, b, acc) = acc. (With an
 * infinite or NaN B_qj the dense product gives NaN where S_iq = 0; this one
 * does not.)
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { emptySparse, sparsify } from "./csr.ts";
 * import { spmm } from "./spmm.ts";
 * // [0 2; 3 0]·[5 6; 7 8] + [1 1] = [15 17; 16 19]
 * const s = emptySparse();
 * sparsify(new Float32Array([0, 2, 3, 0]), 2, 2, s);
 * const c = new Float32Array(4);
 * spmm(s.x, 2, new Float32Array([5, 6, 7, 8]), c, { bias: new Float32Array([1, 1]) });
 * assert.deepEqual(Array.from(c), [15, 17, 16, 19]);
 * ```
 *
 * @module
 */
import { copyBack } from "./_copy_back.ts";
import { relu as reluInPlace } from "./relu.ts";
import { workspace, workspaceInts } from "./_wasm.ts";
import { PARALLEL_MIN_FLOP } from "./gemm.ts";
import { available, type KernelCall, runParallel } from "./threads.ts";
import type { Csr } from "./csr.ts";

/**
 * f32x4 vectors of C per panel: 5 (20 floats, so a 100-wide layer needs no
 * tail). On 128×784 MNIST batches times 784×100 (forward / weight gradient, µs):
 * 4 vectors 183 / 193, 5: 162 / 166, 6: 206 / 210, 7: 187 / 188, 8: 198 / 196.
 * Each multiply-add needs its own load of B, so the load ports, not the FMA
 * units, set the pace (about 0.85 cycles per f32x4 multiply-add).
 */
export const SPMM_PANEL = 5;

/** Workspace regions start on 64-byte cache lines. */
const ALIGN = 16;
const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/** Options of {@link spmm}. */
export interface SpmmOptions {
  /** Added to every row of C (length ≥ n). */
  bias?: Float32Array;
  /** Add the product to C instead of overwriting it (default false). */
  accumulate?: boolean;
  /** Then C_ij ← max(C_ij, 0), a ReLU layer's activation (default false). */
  relu?: boolean;
}

/**
 * C (s.rows × n) = S·B [+ C] [+ 1·biasᵀ] with B stored s.cols × n; see the
 * module documentation. `c` must not share memory with `b` or `bias`.
 */
export function spmm(
  s: Csr,
  n: number,
  b: Float32Array,
  c: Float32Array,
  opts: SpmmOptions = {},
): void {
  const { rows: m, cols: k, nnz } = s;
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`spmm: n must be an integer ≥ 0, got ${n}`);
  }
  if (b.length < k * n) {
    throw new RangeError(`spmm: B has ${b.length} elements, a ${k}×${n} matrix needs ${k * n}`);
  }
  if (c.length < m * n) {
    throw new RangeError(`spmm: C has ${c.length} elements, a ${m}×${n} matrix needs ${m * n}`);
  }
  const { bias, accumulate = false, relu = false } = opts;
  if (bias !== undefined && bias.length < n) {
    throw new RangeError(`spmm: bias has ${bias.length} elements, C has ${n} columns`);
  }
  if (m === 0 || n === 0) return;
  const vectors = Math.ceil(n / 4);
  const full = Math.floor(vectors / SPMM_PANEL);
  const tail = vectors % SPMM_PANEL;
  const ld = 4 * vectors;
  const ptr = 0;
  const idx = align(ptr + m + 1);
  const vals = align(idx + nnz);
  // Without an old C to add, the kernel adds the bias itself (padded to whole vectors).
  const biasInKernel = bias !== undefined && !accumulate;
  const biasOff = align(vals + nnz);
  const bOff = align(biasOff + ld);
  // The last vector of a row of B may read 3 floats past its end.
  const cOff = align(bOff + k * n + 4);
  const w = workspace(cOff + m * ld);
  if (biasInKernel) {
    w.set(bias.length === n ? bias : bias.subarray(0, n), biasOff);
    w.fill(0, biasOff + n, biasOff + ld);
  }
  const ints = workspaceInts();
  ints.set(s.rowPtr.subarray(0, m + 1), ptr);
  ints.set(s.colIdx.subarray(0, nnz), idx);
  w.set(s.values.subarray(0, nnz), vals);
  w.set(b.length === k * n ? b : b.subarray(0, k * n), bOff);
  w.fill(0, bOff + k * n, cOff);
  const flags = [+biasInKernel, +(relu && !accumulate)];
  // Row by row: the row pointers and C's rows move on; the row count (arg 3) is the chunk's.
  const deltas = [4, 0, 0, 0, 0, 0, 4 * ld];
  // One kernel call over panels of C's columns from byte `done` on (B's, C's and the bias's).
  const call = (v: number, done: number, panels: number): KernelCall => ({
    fn: `spmm${v}`,
    args: [
      4 * ptr,
      4 * idx,
      4 * vals,
      m,
      4 * bOff + done,
      4 * n,
      4 * cOff + done,
      4 * ld,
      panels,
      4 * biasOff + done,
      ...flags,
    ],
    deltas,
    countArg: 3,
  });
  const calls: KernelCall[] = [];
  if (full > 0) calls.push(call(SPMM_PANEL, 0, full));
  if (tail > 0) calls.push(call(tail, 16 * SPMM_PANEL * full, 1));
  runParallel(m, calls, 2 * nnz * 4 * vectors >= PARALLEL_MIN_FLOP ? available(m) : 1);
  copyBack(w, cOff, ld, m, n, c, biasInKernel ? undefined : bias, accumulate);
  if (relu && accumulate) reluInPlace(c, m * n);
}
