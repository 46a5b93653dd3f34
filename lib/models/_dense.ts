/**
 * A dense (fully connected) layer on a batch, forward and backward, with W
 * stored inputs×outputs (the transpose of PyTorch's `weight`):
 *
 * ```
 * forward:   Z = X·W + 1·bᵀ                      X: batch×in, Z: batch×out
 * backward:  ∂L/∂W = Xᵀ·∂L/∂Z,  ∂L/∂b = Σ_rows ∂L/∂Z,  ∂L/∂X = ∂L/∂Z·Wᵀ
 * ```
 *
 * The input X is either dense or, for a layer that reads the data, a
 * {@link SparseMatrix} (X and Xᵀ in CSR, from {@link sparseInput}): then X·W and
 * Xᵀ·∂L/∂Z skip X's zeros (`spmm`), with results bit-identical to the dense
 * products as long as W and ∂L/∂Z are finite.
 *
 * @module
 */
import { columnSums } from "../kernels/column_sums.ts";
import { type SparseMatrix, sparsify } from "../kernels/csr.ts";
import { matmul, matmulNT, matmulTN } from "../kernels/gemm.ts";
import { relu } from "../kernels/relu.ts";
import { spmm } from "../kernels/spmm.ts";

/** The options of a model about the data its first layer reads. */
export interface InputOptions {
  /** Input features per example (default 784, a 28×28 image). */
  inputs?: number;
  /**
   * The first layer skips the zeros of a batch (`spmm`) when at most this
   * fraction of its inputs is nonzero (default {@link SPARSE_DENSITY} = 0.45;
   * 0: always dense). Loss and gradient are bit-identical either way while the
   * parameters are finite; this only changes the speed.
   */
  sparseDensity?: number;
}

/** A layer's input: dense row-major batch×inputs, or that matrix in CSR (both orientations). */
export type LayerInput = Float32Array | SparseMatrix;

/**
 * Fraction of nonzero inputs at or below which an input layer takes the sparse
 * path. Measured here, MLP `lossAndGrad` on 128×784 batches with zeros scattered
 * uniformly, sparse / dense path in ms: density 0.2: 0.79 / 1.23, 0.3: 0.91 /
 * 1.21, 0.4: 1.07 / 1.22, 0.5: 1.25 / 1.22, 0.6: 1.39 / 1.20; break-even near
 * 0.5, so 0.45. (MNIST is about 19% nonzero.)
 */
export const SPARSE_DENSITY = 0.45;

/**
 * X as the input of a layer: `into` holding X in CSR (and Xᵀ, for a backward
 * pass, unless `forwardOnly`) when at most `maxDensity` of X's batch×inputs
 * entries are nonzero, else `x` itself. Depends only on the data, so the choice
 * is deterministic.
 */
export function sparseInput(
  x: Float32Array,
  batch: number,
  inputs: number,
  into: SparseMatrix,
  maxDensity = SPARSE_DENSITY,
  forwardOnly = false,
): LayerInput {
  if (maxDensity <= 0) return x;
  return sparsify(x, batch, inputs, into, maxDensity, !forwardOnly) ? into : x;
}

/** Z = X·W + 1·bᵀ into `z` (batch×outputs), then Z ← max(Z, 0) when `reluAfter`. */
export function denseForward(
  x: LayerInput,
  w: Float32Array,
  b: Float32Array,
  batch: number,
  z: Float32Array,
  reluAfter = false,
): void {
  const outputs = b.length;
  if (x instanceof Float32Array) {
    matmul(batch, w.length / outputs, outputs, x, w, z, { bias: b });
    if (reluAfter) relu(z, batch * outputs);
  } else {
    spmm(x.x, outputs, w, z, { bias: b, relu: reluAfter }); // the ReLU in the kernel
  }
}

/** gW = Xᵀ·dZ, gb = Σ_rows dZ, and dX = dZ·Wᵀ when `dx` is given (else skipped). */
export function denseBackward(
  x: LayerInput,
  w: Float32Array,
  dz: Float32Array,
  batch: number,
  gw: Float32Array,
  gb: Float32Array,
  dx: Float32Array | null,
): void {
  const outputs = gb.length;
  const inputs = w.length / outputs;
  if (x instanceof Float32Array) matmulTN(inputs, batch, outputs, x, dz, gw);
  else if (x.xT.rows === inputs && x.xT.cols === batch) spmm(x.xT, outputs, dz, gw);
  else throw new Error("denseBackward: the sparse input was built forward-only (no Xᵀ)");
  columnSums(dz, batch, outputs, gb);
  if (dx !== null) matmulNT(batch, outputs, inputs, dz, w, dx);
}
