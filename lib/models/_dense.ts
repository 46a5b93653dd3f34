/**
 * A dense (fully connected) layer on a batch, forward and backward, with W
 * stored inputs×outputs (the transpose of PyTorch's `weight`):
 *
 * ```
 * forward:   Z = X·W + 1·bᵀ                      X: batch×in, Z: batch×out
 * backward:  ∂L/∂W = Xᵀ·∂L/∂Z,  ∂L/∂b = Σ_rows ∂L/∂Z,  ∂L/∂X = ∂L/∂Z·Wᵀ
 * ```
 *
 * @module
 */
import { columnSums } from "../kernels/column_sums.ts";
import { matmul, matmulNT, matmulTN } from "../kernels/gemm.ts";

/** Z = X·W + 1·bᵀ into `z` (batch×outputs). */
export function denseForward(
  x: Float32Array,
  w: Float32Array,
  b: Float32Array,
  batch: number,
  z: Float32Array,
): void {
  const outputs = b.length;
  matmul(batch, w.length / outputs, outputs, x, w, z, { bias: b });
}

/** gW = Xᵀ·dZ, gb = Σ_rows dZ, and dX = dZ·Wᵀ when `dx` is given (else skipped). */
export function denseBackward(
  x: Float32Array,
  w: Float32Array,
  dz: Float32Array,
  batch: number,
  gw: Float32Array,
  gb: Float32Array,
  dx: Float32Array | null,
): void {
  const outputs = gb.length;
  const inputs = w.length / outputs;
  matmulTN(inputs, batch, outputs, x, dz, gw);
  columnSums(dz, batch, outputs, gb);
  if (dx !== null) matmulNT(batch, outputs, inputs, dz, w, dx);
}
