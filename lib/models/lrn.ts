/**
 * Local response normalisation across channels (Krizhevsky et al. 2012), on NHWC
 * maps whose channels are contiguous, with Lasagne's parameterisation
 * (`LocalResponseNormalization2DLayer`; defaults n = 5, k = 2, α = 1e-4, β = 0.75):
 *
 * ```
 * s_c = k + α Σ_{|c'−c| ≤ ⌊n/2⌋} a_{c'}²          b_c = a_c · s_c^(−β)
 * ∂L/∂a_j = g_j s_j^(−β) − 2αβ a_j Σ_{|c−j| ≤ ⌊n/2⌋} g_c a_c s_c^(−β−1)
 * ```
 *
 * (TensorFlow's `tf.nn.lrn` is the same map with depth_radius = ⌊n/2⌋ and its
 * own defaults.) Works on Float32Array or Float64Array; the sums run in double
 * precision, in a fixed order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LRN_DEFAULTS, lrn } from "./lrn.ts";
 * const a = new Float32Array([10, 0]), b = new Float32Array(2), s = new Float32Array(2);
 * lrn(a, 1, 2, LRN_DEFAULTS, b, s);
 * assert.ok(Math.abs(b[0]! - 10 * (2 + 1e-4 * 100) ** -0.75) < 1e-6);
 * ```
 *
 * @module
 */

/** The parameters of {@link lrn}. */
export interface LrnParams {
  /** Channels in the window (odd; default 5). */
  n: number;
  /** The additive constant k (default 2). */
  k: number;
  /** α, the scale of the sum of squares (default 1e-4). */
  alpha: number;
  /** β, the exponent (default 0.75). */
  beta: number;
}

/** Lasagne's defaults, which the CIFARNET reading we follow uses. */
export const LRN_DEFAULTS: Readonly<LrnParams> = { n: 5, k: 2, alpha: 1e-4, beta: 0.75 };

/**
 * b = lrn(a) over `pixels` positions of `channels` channels each; `s` receives
 * the scales s_c for the backward pass.
 */
export function lrn(
  a: Float32Array | Float64Array,
  pixels: number,
  channels: number,
  p: LrnParams,
  b: Float32Array | Float64Array,
  s: Float32Array | Float64Array,
): void {
  const r = p.n >> 1;
  for (let q = 0; q < pixels; q++) {
    const base = q * channels;
    for (let c = 0; c < channels; c++) {
      let sum = 0;
      const lo = Math.max(0, c - r), hi = Math.min(channels - 1, c + r);
      for (let d = lo; d <= hi; d++) {
        const v = a[base + d]!;
        sum += v * v;
      }
      const sc = p.k + p.alpha * sum;
      s[base + c] = sc;
      b[base + c] = a[base + c]! * Math.pow(sc, -p.beta);
    }
  }
}

/**
 * ∂L/∂a from g = ∂L/∂b, the input `a` and the scales `s` of the forward pass;
 * `da` must not share memory with `g`.
 */
export function lrnBackward(
  g: Float32Array | Float64Array,
  a: Float32Array | Float64Array,
  s: Float32Array | Float64Array,
  pixels: number,
  channels: number,
  p: LrnParams,
  da: Float32Array | Float64Array,
  scratch: Float64Array,
): void {
  const r = p.n >> 1;
  const coef = 2 * p.alpha * p.beta;
  for (let q = 0; q < pixels; q++) {
    const base = q * channels;
    for (let c = 0; c < channels; c++) {
      const sc = s[base + c]!;
      scratch[c] = (g[base + c]! * a[base + c]! * Math.pow(sc, -p.beta)) / sc;
    }
    for (let j = 0; j < channels; j++) {
      let sum = 0;
      const lo = Math.max(0, j - r), hi = Math.min(channels - 1, j + r);
      for (let c = lo; c <= hi; c++) sum += scratch[c]!;
      const sj = s[base + j]!;
      da[base + j] = g[base + j]! * Math.pow(sj, -p.beta) - coef * a[base + j]! * sum;
    }
  }
}
