/**
 * Test helpers for the convolutional layers: a textbook float64 convolution (no
 * im2col, no kernels), the float64 CIFARNET loss composed from it, and central
 * differences.
 *
 * @module
 */
import { lrn, type LrnParams } from "./lrn.ts";
import { maxPool2 } from "./max_pool.ts";
import type { Model } from "./types.ts";

/** Valid, stride-1 convolution of NHWC `x` with W ((K·K·C) × F), in float64 loops. */
export function naiveConv(
  x: Float64Array,
  n: number,
  h: number,
  w: number,
  c: number,
  k: number,
  f: number,
  weights: Float64Array,
  bias: Float64Array,
): Float64Array {
  const oh = h - k + 1, ow = w - k + 1;
  const out = new Float64Array(n * oh * ow * f);
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      for (let xo = 0; xo < ow; xo++) {
        for (let o = 0; o < f; o++) {
          let s = bias[o]!;
          for (let ky = 0; ky < k; ky++) {
            for (let kx = 0; kx < k; kx++) {
              for (let ch = 0; ch < c; ch++) {
                const xi = ((b * h + y + ky) * w + xo + kx) * c + ch;
                s += x[xi]! * weights[((ky * k + kx) * c + ch) * f + o]!;
              }
            }
          }
          out[((b * oh + y) * ow + xo) * f + o] = s;
        }
      }
    }
  }
  return out;
}

/** The sizes a reference CIFARNET needs (no dropout). */
export interface RefSizes {
  /** Input channels. */
  channels: number;
  /** Input side. */
  size: number;
  /** Filters per convolution. */
  filters: number;
  /** Kernel side. */
  kernel: number;
  /** The two hidden dense layers. */
  hidden: readonly [number, number];
  /** Classes. */
  classes: number;
  /** LRN parameters. */
  lrn: LrnParams;
}

/** CIFARNET's mean loss in float64 (input NCHW as the model takes it; no dropout). */
export function referenceCifarnetLoss(
  model: Model,
  s: RefSizes,
  params: Float64Array,
  x: Float64Array,
  y: Uint8Array,
  n: number,
): number {
  const block = (name: string) => {
    const b = model.layout.find((l) => l.name === name)!;
    const len = b.shape.reduce((a, v) => a * v, 1);
    return params.subarray(b.offset, b.offset + len);
  };
  const plane = s.size * s.size;
  let a = new Float64Array(n * s.channels * plane);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < s.channels; ch++) {
      for (let q = 0; q < plane; q++) {
        a[(b * plane + q) * s.channels + ch] = x[(b * s.channels + ch) * plane + q]!;
      }
    }
  }
  let side = s.size, c = s.channels;
  for (const l of [1, 2]) {
    const z = naiveConv(a, n, side, side, c, s.kernel, s.filters, block(`W${l}`), block(`b${l}`));
    side = side - s.kernel + 1;
    c = s.filters;
    for (let i = 0; i < z.length; i++) z[i] = Math.max(0, z[i]!);
    const nz = new Float64Array(z.length), sc = new Float64Array(z.length);
    lrn(z, n * side * side, c, s.lrn, nz, sc);
    const half = side >> 1;
    a = new Float64Array(n * half * half * c);
    maxPool2(nz, { batch: n, height: side, width: side, channels: c }, a, new Int32Array(a.length));
    side = half;
  }
  let width = side * side * c;
  for (const l of [3, 4, 5]) {
    const W = block(`W${l}`), bias = block(`b${l}`);
    const out = bias.length;
    const next = new Float64Array(n * out);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < out; j++) {
        let t = bias[j]!;
        for (let p = 0; p < width; p++) t += a[i * width + p]! * W[p * out + j]!;
        next[i * out + j] = l < 5 ? Math.max(0, t) : t;
      }
    }
    a = next;
    width = out;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let k = 0; k < width; k++) max = Math.max(max, a[i * width + k]!);
    let sum = 0;
    for (let k = 0; k < width; k++) sum += Math.exp(a[i * width + k]! - max);
    total += Math.log(sum) + max - a[i * width + y[i]!]!;
  }
  return total / n;
}

/** Central difference (f(θ + h) − f(θ − h)) / 2h of `f` in coordinate `i` of `p`. */
export function centralDifference(
  f: () => number,
  p: Float64Array,
  i: number,
  h = 1e-6,
): number {
  const keep = p[i]!;
  p[i] = keep + h;
  const up = f();
  p[i] = keep - h;
  const down = f();
  p[i] = keep;
  return (up - down) / (2 * h);
}
