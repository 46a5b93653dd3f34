/**
 * Compressed sparse rows (CSR) of a dense row-major matrix, built in
 * WebAssembly (`_spmm_wat.ts`), together with the CSR of its transpose:
 *
 * ```
 * row i of X:  X_{i, colIdx[q]} = values[q]   for rowPtr[i] ≤ q < rowPtr[i+1]
 * ```
 *
 * with each row's columns ascending and only the entries ≠ 0 stored (±0 is
 * dropped, NaN kept). {@link sparsify} fills both orientations at once, so a
 * layer can use X for its forward product (X·W) and Xᵀ for its weight gradient
 * (Xᵀ·δ), both with {@link spmm}. On a 128×784 MNIST batch (19% nonzero) it
 * took about 0.1 ms here: 40 µs for X, 45 µs for the counting sort to Xᵀ, the
 * rest copies.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { emptySparse, sparsify } from "./csr.ts";
 * const s = emptySparse();
 * // [0 2 0; 3 0 4]
 * assert.ok(sparsify(new Float32Array([0, 2, 0, 3, 0, 4]), 2, 3, s));
 * assert.deepEqual(Array.from(s.x.rowPtr.subarray(0, 3)), [0, 1, 3]);
 * assert.deepEqual(Array.from(s.x.colIdx.subarray(0, 3)), [1, 0, 2]);
 * assert.deepEqual(Array.from(s.xT.values.subarray(0, 3)), [3, 2, 4]); // columns of X
 * ```
 *
 * @module
 */
import { csrKernel, csrTKernel, workspace, workspaceInts } from "./_wasm.ts";

/** A rows×cols matrix in compressed sparse rows; the arrays may be longer than needed. */
export interface Csr {
  /** Number of rows. */
  rows: number;
  /** Number of columns. */
  cols: number;
  /** Number of stored entries. */
  nnz: number;
  /** Row i's entries are rowPtr[i] … rowPtr[i+1] − 1 (length ≥ rows + 1). */
  rowPtr: Int32Array;
  /** Column of each entry, ascending within a row (length ≥ nnz). */
  colIdx: Int32Array;
  /** Value of each entry (length ≥ nnz). */
  values: Float32Array;
}

/** A matrix X in both orientations: the CSR of X and the CSR of Xᵀ. */
export interface SparseMatrix {
  /** X (m×k). */
  x: Csr;
  /** Xᵀ (k×m): X's columns, each with its rows ascending. */
  xT: Csr;
}

const emptyCsr = (): Csr => ({
  rows: 0,
  cols: 0,
  nnz: 0,
  rowPtr: new Int32Array(0),
  colIdx: new Int32Array(0),
  values: new Float32Array(0),
});

/** Empty storage for {@link sparsify}, which grows it as needed. */
export function emptySparse(): SparseMatrix {
  return { x: emptyCsr(), xT: emptyCsr() };
}

const ALIGN = 16;
const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/** Copies a CSR out of the workspace into `out`, growing its arrays (at least doubling). */
function copyOut(
  out: Csr,
  rows: number,
  cols: number,
  nnz: number,
  at: { ptr: number; idx: number; vals: number },
): void {
  const w = workspace(0);
  const ints = workspaceInts();
  if (out.rowPtr.length < rows + 1) out.rowPtr = new Int32Array(rows + 1);
  if (out.colIdx.length < nnz) {
    const len = Math.max(nnz, 2 * out.colIdx.length);
    out.colIdx = new Int32Array(len);
    out.values = new Float32Array(len);
  }
  out.rows = rows;
  out.cols = cols;
  out.nnz = nnz;
  out.rowPtr.set(ints.subarray(at.ptr, at.ptr + rows + 1));
  out.colIdx.set(ints.subarray(at.idx, at.idx + nnz));
  out.values.set(w.subarray(at.vals, at.vals + nnz));
}

/**
 * Fills `out` with the CSR of the row-major m×k matrix `x` and of its
 * transpose, unless more than `maxDensity`·m·k entries are nonzero: then it
 * stops early and returns false (leaving `out` unspecified), so a caller can
 * fall back to the dense product having spent only part of a pass. With
 * `transpose` false (a forward pass only) Xᵀ is not built and `out.xT` is left
 * empty (0×0).
 *
 * @param maxDensity the largest fraction of nonzeros accepted (default 1: always build)
 * @param transpose whether to build Xᵀ too (default true)
 * @returns whether `out` now holds X (and Xᵀ)
 */
export function sparsify(
  x: Float32Array,
  m: number,
  k: number,
  out: SparseMatrix,
  maxDensity = 1,
  transpose = true,
): boolean {
  for (const [name, v] of [["m", m], ["k", k]] as const) {
    if (!Number.isInteger(v) || v < 0) {
      throw new RangeError(`sparsify: ${name} must be an integer ≥ 0, got ${v}`);
    }
  }
  if (x.length < m * k) {
    throw new RangeError(`sparsify: x has ${x.length} elements, a ${m}×${k} matrix needs ${m * k}`);
  }
  const cap = Math.min(m * k, Math.floor(maxDensity * m * k));
  const ptr = align(m * k);
  const idx = align(ptr + m + 1);
  const vals = align(idx + cap + 4);
  const w = workspace(vals + cap + 4);
  w.set(x.length === m * k ? x : x.subarray(0, m * k), 0);
  const nnz = csrKernel(0, m, k, 4 * ptr, 4 * idx, 4 * vals, cap);
  if (nnz < 0) return false;
  if (!transpose) {
    copyOut(out.x, m, k, nnz, { ptr, idx, vals });
    Object.assign(out.xT, { rows: 0, cols: 0, nnz: 0 });
    return true;
  }
  // Xᵀ goes over X, which is read no more, when it fits there: less memory touched.
  const fits = align(k + 2) + align(nnz) + nnz <= m * k;
  const tPtr = fits ? 0 : align(vals + cap + 4);
  const tIdx = align(tPtr + k + 2);
  const tVals = align(tIdx + nnz);
  workspace(tVals + nnz);
  csrTKernel(4 * ptr, 4 * idx, 4 * vals, m, k, 4 * tPtr, 4 * tIdx, 4 * tVals);
  copyOut(out.x, m, k, nnz, { ptr, idx, vals });
  copyOut(out.xT, k, m, nnz, { ptr: tPtr, idx: tIdx, vals: tVals });
  return true;
}
