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
 * own defaults.) Works on Float32Array or Float64Array; the window sums run in
 * double precision, slid along the channels in a fixed order.
 *
 * This is the readable, general version (any β), which the float64 reference
 * (`_cnn_reference.ts`) and the tests use; CIFARNET itself runs ReLU, LRN
 * (β = 3/4) and max-pooling fused in WebAssembly (`../kernels/lrn_pool.ts`),
 * tested against it.
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
  const fast = p.beta === 0.75;
  for (let q = 0; q < pixels; q++) {
    const base = q * channels;
    // the window's sum of squares, slid along the channels (add the one entering,
    // subtract the one leaving: twice as fast as summing each window here)
    let sum = 0;
    for (let d = 0; d < Math.min(r, channels); d++) sum += a[base + d]! * a[base + d]!;
    for (let c = 0; c < channels; c++) {
      if (c + r < channels) sum += a[base + c + r]! * a[base + c + r]!;
      if (c > r) sum -= a[base + c - r - 1]! * a[base + c - r - 1]!;
      const sc = p.k + p.alpha * sum;
      s[base + c] = sc;
      b[base + c] = a[base + c]! * (fast ? negPow075(sc) : Math.pow(sc, -p.beta));
    }
  }
}

/**
 * ∂L/∂a from g = ∂L/∂b, the input `a` and the scales `s` of the forward pass;
 * `da` must not share memory with `g`. `scratch` holds one pixel's channels.
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
  const fast = p.beta === 0.75;
  for (let q = 0; q < pixels; q++) {
    const base = q * channels;
    for (let c = 0; c < channels; c++) {
      const sc = s[base + c]!;
      const w = fast ? negPow075(sc) : Math.pow(sc, -p.beta);
      scratch[c] = (g[base + c]! * a[base + c]! * w) / sc;
      da[base + c] = g[base + c]! * w;
    }
    let sum = 0;
    for (let c = 0; c < Math.min(r, channels); c++) sum += scratch[c]!;
    for (let j = 0; j < channels; j++) {
      if (j + r < channels) sum += scratch[j + r]!;
      if (j > r) sum -= scratch[j - r - 1]!;
      da[base + j] = da[base + j]! - coef * a[base + j]! * sum;
    }
  }
}

/**
 * s^(−0.75) as 1/(√s·√√s): several times faster than `Math.pow` (measured here),
 * as deterministic, within a few ulps of it.
 */
function negPow075(s: number): number {
  const r = Math.sqrt(s);
  return 1 / (r * Math.sqrt(r));
}
