/**
 * Dropout (Srivastava et al. 2014), "inverted": during training each unit is kept
 * with probability `keep` and scaled by 1/keep, so evaluation uses the layer as
 * the identity:
 *
 * ```
 * m_i = [u_i < keep] / keep,  u_i ~ U[0, 1)    y_i = m_i x_i    ∂L/∂x_i = m_i ∂L/∂y_i
 * ```
 *
 * The mask is drawn from a seeded {@link Rng}, so a run is reproducible.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { applyMask, drawMask } from "./dropout.ts";
 * import { Rng } from "../random/rng.ts";
 * const mask = new Float32Array(1000);
 * drawMask(new Rng(1), 0.5, mask, 1000);
 * assert.ok(mask.every((m) => m === 0 || m === 2));
 * const x = new Float32Array(1000).fill(1);
 * applyMask(x, mask, 1000);
 * assert.ok(Math.abs(x.reduce((a, b) => a + b) / 1000 - 1) < 0.1);
 * ```
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";

/** Fills `mask[0 … n)` with 1/keep (kept) or 0 (dropped); `keep` in (0, 1]. */
export function drawMask(rng: Rng, keep: number, mask: Float32Array, n: number): void {
  if (!(keep > 0 && keep <= 1)) {
    throw new RangeError(`dropout: keep probability must be in (0, 1], got ${keep}`);
  }
  const scale = 1 / keep;
  for (let i = 0; i < n; i++) mask[i] = rng.next() < keep ? scale : 0;
}

/** x_i ← m_i x_i for i < n: the forward pass, and the backward pass on ∂L/∂y. */
export function applyMask(x: Float32Array | Float64Array, mask: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) x[i] = x[i]! * mask[i]!;
}
