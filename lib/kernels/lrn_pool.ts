/**
 * One pass over a convolution's output for CIFARNET's ReLU → LRN → 2×2 max-pool,
 * forward and backward, in WebAssembly SIMD (`_layers_wat.ts`). On NHWC maps
 * z (B × H × W × C, the product without its bias), with Lasagne's LRN
 * (window n, constant k, scale α, β = 3/4):
 *
 * ```
 * a_c = max(z_c + bias_c, 0)     s_c = k + α Σ_{|c'−c| ≤ ⌊n/2⌋} a_{c'}²     l_c = a_c s_c^(−3/4)
 * out[b, i, j, c] = max_{0≤di,dj<2} l[b, 2i+di, 2j+dj, c]          (odd last row/column dropped)
 * backward: g = ∂L/∂out at each window's (first) maximum, 0 elsewhere;
 *   ∂L/∂a_j = g_j s_j^(−3/4) − (3α/2) a_j Σ_{|c−j| ≤ ⌊n/2⌋} g_c a_c s_c^(−7/4)
 *   ∂L/∂z_j = ∂L/∂a_j · [a_j > 0]
 * ```
 *
 * Nothing but the pooled maps and one byte per output (which pixel of its
 * window won) is kept: the backward pass recomputes a and s from z with the
 * same float32 operations, so they are the same bits. s^(−3/4) is computed as
 * 1/(√s·√√s) (square roots are correctly rounded: deterministic everywhere).
 * The window sums run in float32 in a fixed order; k = 2 dominates s at
 * CIFARNET's α = 1e-4, so this is as accurate as double sums for all purposes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reluLrnPool } from "./lrn_pool.ts";
 * // one 2×2 map of one channel, bias 0: the maximum of a·(2 + 1e-4·a²)^(−3/4)
 * const z = new Float32Array([1, 4, -3, 2]);
 * const out = new Float32Array(1), codes = new Uint8Array(1);
 * const p = { n: 5, k: 2, alpha: 1e-4, beta: 0.75 };
 * reluLrnPool(z, new Float32Array(1), { batch: 1, height: 2, width: 2, channels: 1 }, p, out, codes);
 * assert.ok(Math.abs(out[0]! - 4 * (2 + 16e-4) ** -0.75) < 1e-6);
 * assert.equal(codes[0], 1); // the pixel at row 0, column 1
 * ```
 *
 * @module
 */
import { layersScratchFloats } from "./_layers_wat.ts";
import { lrnPoolBackKernel, type LrnPoolKernel, lrnPoolKernel, workspace } from "./_wasm.ts";

/** The shape of an NHWC batch of maps. */
export interface MapsShape {
  /** Images. */
  batch: number;
  /** Rows. */
  height: number;
  /** Columns. */
  width: number;
  /** Channels (innermost). */
  channels: number;
}

/** LRN's parameters (Lasagne's names); β must be 0.75. */
export interface LrnWindow {
  /** Channels in the window (odd). */
  n: number;
  /** The additive constant. */
  k: number;
  /** The scale of the sum of squares. */
  alpha: number;
  /** The exponent: 0.75 only. */
  beta: number;
}

/** Outputs of the pooling: B·⌊H/2⌋·⌊W/2⌋·C. */
export function pooledSize(s: MapsShape): number {
  return s.batch * (s.height >> 1) * (s.width >> 1) * s.channels;
}

const up4 = (n: number) => (n + 3) & ~3;

function check(s: MapsShape, p: LrnWindow, bias: Float32Array, z: Float32Array): void {
  if (p.beta !== 0.75) throw new RangeError(`LRN kernel: β must be 0.75, got ${p.beta}`);
  if (!(p.n >= 1 && p.n % 2 === 1)) throw new RangeError(`LRN: n must be odd, got ${p.n}`);
  const size = s.batch * s.height * s.width * s.channels;
  if (z.length < size || bias.length < s.channels) {
    throw new RangeError(`LRN kernel: z has ${z.length} of ${size} values, bias ${bias.length}`);
  }
}

/** Workspace offsets (floats): z, bias, pooled, codes (bytes), scratch; and the total. */
function layout(s: MapsShape, p: LrnWindow) {
  const z = 0;
  const bias = up4(s.batch * s.height * s.width * s.channels);
  const pooled = bias + up4(s.channels);
  const codes = pooled + up4(pooledSize(s));
  const gb = codes + up4(Math.ceil(pooledSize(s) / 4));
  const scratch = gb + up4(2 * s.channels);
  return {
    z,
    bias,
    pooled,
    codes,
    gb,
    scratch,
    end: scratch + layersScratchFloats(s.channels, p.n),
  };
}

/**
 * Checks the arguments, copies z and the bias into the workspace, and returns
 * its layout and the arguments both kernels begin with.
 */
function loadMaps(z: Float32Array, bias: Float32Array, s: MapsShape, p: LrnWindow) {
  check(s, p, bias, z);
  const o = layout(s, p);
  const ws = workspace(o.end);
  ws.set(z.subarray(0, s.batch * s.height * s.width * s.channels), o.z);
  ws.set(bias.subarray(0, s.channels), o.bias);
  const args: Parameters<LrnPoolKernel> = [
    4 * o.z,
    4 * o.bias,
    4 * o.pooled,
    4 * o.codes,
    4 * o.scratch,
    s.batch,
    s.height,
    s.width,
    s.channels,
    p.n,
    p.k,
    p.alpha,
  ];
  return { o, ws, args };
}

/**
 * The forward pass: `out` (B·⌊H/2⌋·⌊W/2⌋·C values) receives the pooled maps and
 * `codes` the position (0 … 3, row-major) of each maximum in its window.
 */
export function reluLrnPool(
  z: Float32Array,
  bias: Float32Array,
  s: MapsShape,
  p: LrnWindow,
  out: Float32Array,
  codes: Uint8Array,
): void {
  const { o, ws, args } = loadMaps(z, bias, s, p);
  const m = pooledSize(s);
  lrnPoolKernel(...args);
  out.set(ws.subarray(o.pooled, o.pooled + m));
  codes.set(new Uint8Array(ws.buffer, 4 * o.codes, m));
}

/**
 * The backward pass: from ∂L/∂out (`dp`) and the `codes` of the forward pass on
 * the same z and bias, writes ∂L/∂z into `dz` (B·H·W·C values) and adds the
 * bias's gradient ∂L/∂bias_c = Σ_pixels ∂L/∂z_c onto `sums` (C doubles, the
 * pixels added in ascending order: zeroed first and rounded to float32 after
 * the last block, the bits of `columnSums` on the whole dz).
 */
export function reluLrnPoolBackward(
  dp: Float32Array,
  codes: Uint8Array,
  z: Float32Array,
  bias: Float32Array,
  s: MapsShape,
  p: LrnWindow,
  dz: Float32Array,
  sums: Float64Array,
): void {
  const { o, ws, args } = loadMaps(z, bias, s, p);
  const m = pooledSize(s);
  const size = s.batch * s.height * s.width * s.channels;
  ws.set(dp.subarray(0, m), o.pooled);
  new Uint8Array(ws.buffer, 4 * o.codes, m).set(codes.subarray(0, m));
  const acc = new Float64Array(ws.buffer, 4 * o.gb, s.channels);
  acc.set(sums.subarray(0, s.channels));
  lrnPoolBackKernel(...args, 2 * p.alpha * p.beta, 4 * o.gb);
  dz.set(ws.subarray(o.z, o.z + size));
  sums.set(acc);
}
