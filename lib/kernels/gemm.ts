/**
 * The matrix product of a dense layer, on row-major `Float32Array`s:
 *
 * ```
 * C (m×n) = op(A) · op(B) [+ C] [+ 1·biasᵀ],     op(X) = X or Xᵀ
 * C_ij = Σ_p op(A)_ip op(B)_pj [+ C_ij] [+ bias_j]
 * ```
 *
 * The three forms a layer needs are the shorthands {@link matmul} (A·B, the
 * forward pass), {@link matmulTN} (Aᵀ·B, the weight gradient) and
 * {@link matmulNT} (A·Bᵀ, the input gradient).
 *
 * How (one kernel for all three): A and B are copied into the WebAssembly
 * workspace and read there with strides, so the transpose of A costs nothing; a
 * transposed B is first packed into panels of 8 contiguous columns (GotoBLAS's
 * layout), since the kernel reads 8 consecutive columns of a row of B at once.
 * The 6×8 SIMD micro-kernel of `_gemm_wat.ts` writes C padded to whole tiles;
 * the copy back to the caller's C drops the padding and adds the bias and the
 * old C in double precision, rounding once. Sums over p run in float32 with fused
 * multiply-adds, so |C − C_exact| ≤ (k + 1)·2⁻²⁴·Σ_p |A_ip||B_pj| (+ one rounding
 * of the bias and accumulate adds).
 *
 * Threads: a product of at least {@link PARALLEL_MIN_FLOP} floating-point
 * operations is split over `threads()` threads (`setThreads`; by default
 * the machine's cores, at most 2): the calling thread and helper Workers that
 * run the same micro-kernel over the same shared workspace (`threads.ts`). C is
 * cut into its 6-row blocks (or, when it has more of them, its 8-column
 * panels), which the threads claim in chunks:
 *
 * ```
 * C[6ib .. 6ib+5, :] = Σ_p A[6ib .. 6ib+5, p] ⊗ B[p, :]   for the blocks ib a thread claims
 * ```
 *
 * Every element of C is still one tile's sum over p, in the same order, by the
 * same instructions, so the result is bit-identical for any thread count (and
 * whichever thread computes which block): threads change the speed, never the
 * bits.
 *
 * No allocation after the workspace has grown to the largest product seen.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matmul } from "./gemm.ts";
 * // [1 2; 3 4]·[5 6; 7 8] + [1 1] = [20 23; 44 51]
 * const c = new Float32Array(4);
 * matmul(2, 2, 2, new Float32Array([1, 2, 3, 4]), new Float32Array([5, 6, 7, 8]), c, {
 *   bias: new Float32Array([1, 1]),
 * });
 * assert.deepEqual(Array.from(c), [20, 23, 44, 51]);
 * ```
 *
 * @module
 */
import { copyBack } from "./_copy_back.ts";
import { gemmKernel, workspace } from "./_wasm.ts";
import { available, runParallel } from "./threads.ts";
import { openSystemBlas, type SystemBlas } from "./system_blas.ts";

/** The opt-in system BLAS, when {@link useSystemBlas} loaded one. */
let systemBlas: SystemBlas | undefined;

/**
 * Sends every later {@link gemm} to the system OpenBLAS through FFI (one thread):
 * faster, deterministic on one machine, but not bit-identical to the default
 * WebAssembly product nor across machines (see `system_blas.ts`).
 *
 * @returns the library's path
 * @throws {Error} if no OpenBLAS could be opened (nothing changes then)
 */
export function useSystemBlas(): string {
  const blas = systemBlas ?? openSystemBlas();
  if (typeof blas === "string") throw new Error(blas);
  systemBlas = blas;
  return blas.library;
}

/** Returns {@link gemm} to the default WebAssembly product (the portable, golden-tested one). */
export function useWebAssemblyGemm(): void {
  systemBlas?.close();
  systemBlas = undefined;
}

/** Which product {@link gemm} uses now: `"webassembly"` or the system BLAS's path. */
export function gemmBackend(): string {
  return systemBlas?.library ?? "webassembly";
}

/** Rows of A and columns of B per micro-tile (must match `_gemm_wat.ts`). */
const MR = 6;
const NR = 8;
/** Workspace regions start on 64-byte cache lines. */
const ALIGN = 16;
/**
 * Products of at least this many floating-point operations (2·m·k·n, padded to
 * whole tiles) are split over `threads()` threads; smaller ones lose more to
 * handing out work than they gain. Measured here (2 cores, busy with other
 * jobs), against one thread: products of 0.2–0.5 MFLOP took 12–40% longer on
 * two threads, those of 1.3–4 MFLOP 4–15% less.
 */
export const PARALLEL_MIN_FLOP = 1_000_000;

/** Options of {@link gemm}. */
export interface GemmOptions {
  /** Use Aᵀ: A is stored k×m (default false: A stored m×k). */
  transA?: boolean;
  /** Use Bᵀ: B is stored n×k (default false: B stored k×n). */
  transB?: boolean;
  /** Added to every row of C (length ≥ n). */
  bias?: Float32Array;
  /** Add the product to C instead of overwriting it (default false). */
  accumulate?: boolean;
}

const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

function check(m: number, k: number, n: number, a: Float32Array, b: Float32Array, c: Float32Array) {
  for (const [name, v] of [["m", m], ["k", k], ["n", n]] as const) {
    if (!Number.isInteger(v) || v < 0) {
      throw new RangeError(`gemm: ${name} must be an integer ≥ 0, got ${v}`);
    }
  }
  const need = [["A", a, m * k], ["B", b, k * n], ["C", c, m * n]] as const;
  for (const [name, arr, len] of need) {
    if (arr.length < len) {
      throw new RangeError(
        `gemm: ${name} has ${arr.length} elements, the ${m}×${k}·${k}×${n} product needs ${len}`,
      );
    }
  }
}

/**
 * C (m×n) = op(A)·op(B) [+ C] [+ 1·biasᵀ] with op(A) m×k and op(B) k×n; see the
 * module documentation. `c` must not share memory with `a`, `b` or `bias`.
 *
 * @param m rows of op(A) and C
 * @param k columns of op(A), rows of op(B)
 * @param n columns of op(B) and C
 */
export function gemm(
  m: number,
  k: number,
  n: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  opts: GemmOptions = {},
): void {
  check(m, k, n, a, b, c);
  const { transA = false, transB = false, bias, accumulate = false } = opts;
  if (bias !== undefined && bias.length < n) {
    throw new RangeError(`gemm: bias has ${bias.length} elements, C has ${n} columns`);
  }
  if (m === 0 || n === 0) return;
  if (systemBlas !== undefined) {
    systemBlas.sgemm(transA, transB, m, k, n, a, b, accumulate ? 1 : 0, c);
    if (bias !== undefined) {
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) c[i * n + j]! += bias[j]!;
    }
    return;
  }
  const mBlocks = Math.ceil(m / MR);
  const nPanels = Math.ceil(n / NR);
  const nPad = nPanels * NR;
  // The last block reads rows m .. 6·mBlocks − 1 of A: keep them addressable.
  const aOff = 0;
  const bOff = align(aOff + Math.max(mBlocks * MR * k, k * m + MR));
  // Untransposed B is read in place (the last panel may read NR floats past its end).
  const bFloats = transB ? nPad * k : k * n + NR;
  const cOff = align(bOff + bFloats);
  const w = workspace(cOff + mBlocks * MR * nPad);

  // Padding rows and columns read zeros, not stale floats (which could be slow subnormals).
  w.set(a.length === m * k ? a : a.subarray(0, m * k), aOff);
  w.fill(0, aOff + m * k, bOff);
  if (!transB) {
    w.set(b.length === k * n ? b : b.subarray(0, k * n), bOff);
    w.fill(0, bOff + k * n, cOff);
  } else {
    for (let jp = 0; jp < nPanels; jp++) {
      const j0 = jp * NR;
      const width = Math.min(NR, n - j0);
      let o = bOff + j0 * k;
      for (let p = 0; p < k; p++, o += NR) {
        let s = j0 * k + p;
        for (let j = 0; j < width; j++, s += k) w[o + j] = b[s]!;
        for (let j = width; j < NR; j++) w[o + j] = 0;
      }
    }
  }

  const rsA = transA ? 4 : 4 * k;
  const panelB = transB ? 4 * NR * k : 4 * NR;
  const args = [
    aOff * 4,
    rsA,
    transA ? 4 * m : 4,
    bOff * 4,
    transB ? 4 * NR : 4 * n,
    panelB,
    k,
    cOff * 4,
    nPad * 4,
    mBlocks,
    nPanels,
  ];
  const t = 2 * MR * NR * mBlocks * nPanels * k >= PARALLEL_MIN_FLOP
    ? available(Math.max(mBlocks, nPanels))
    : 1;
  if (t === 1) {
    gemmKernel(...(args as Parameters<typeof gemmKernel>));
  } else if (mBlocks >= nPanels) {
    // Blocks of 6 rows: A's rows and C's rows move on, the block count (arg 9) is the chunk's.
    const deltas = [MR * rsA, 0, 0, 0, 0, 0, 0, MR * nPad * 4];
    runParallel(mBlocks, [{ fn: "gemm", args, deltas, countArg: 9 }], t);
  } else {
    // Panels of 8 columns: B's panels and C's columns move on, the panel count (arg 10) is the chunk's.
    const deltas = [0, 0, 0, panelB, 0, 0, 0, NR * 4];
    runParallel(nPanels, [{ fn: "gemm", args, deltas, countArg: 10 }], t);
  }

  copyBack(w, cOff, nPad, m, n, c, bias, accumulate);
}

/** C (m×n) = A·B [+ …]: A stored m×k, B stored k×n (the forward pass X·W + b). */
export function matmul(
  m: number,
  k: number,
  n: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  opts: Omit<GemmOptions, "transA" | "transB"> = {},
): void {
  gemm(m, k, n, a, b, c, opts);
}

/** C (m×n) = Aᵀ·B [+ …]: A stored k×m, B stored k×n (the weight gradient Xᵀ·δ). */
export function matmulTN(
  m: number,
  k: number,
  n: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  opts: Omit<GemmOptions, "transA" | "transB"> = {},
): void {
  gemm(m, k, n, a, b, c, { ...opts, transA: true });
}

/** C (m×n) = A·Bᵀ [+ …]: A stored m×k, B stored n×k (the input gradient δ·Wᵀ). */
export function matmulNT(
  m: number,
  k: number,
  n: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  opts: Omit<GemmOptions, "transA" | "transB"> = {},
): void {
  gemm(m, k, n, a, b, c, { ...opts, transB: true });
}
