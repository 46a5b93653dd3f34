/**
 * The rectified linear unit and its backward pass, in place:
 *
 * ```
 * forward:   h_i = max(0, z_i)
 * backward:  ∂L/∂z_i = ∂L/∂h_i · [h_i > 0]
 * ```
 *
 * The derivative at 0 is taken as 0, as PyTorch does. The backward pass reads
 * the forward output h, so the pre-activation need not be kept.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { relu, reluBackward } from "./relu.ts";
 * const h = new Float32Array([-1, 0, 2]);
 * relu(h, 3);
 * assert.deepEqual(Array.from(h), [0, 0, 2]);
 * const g = new Float32Array([5, 5, 5]);
 * reluBackward(g, h, 3);
 * assert.deepEqual(Array.from(g), [0, 0, 5]);
 * ```
 *
 * @module
 */

/** h_i = max(0, z_i) for i < n, overwriting `z` with h. NaN stays NaN. */
export function relu(z: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) if (z[i]! < 0) z[i] = 0;
}

/** g_i ← g_i · [h_i > 0] for i < n, where h is the ReLU's output. */
export function reluBackward(g: Float32Array, h: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) if (!(h[i]! > 0)) g[i] = 0;
}
