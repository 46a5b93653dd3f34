/**
 * 2×2 max-pooling with stride 2 on NHWC maps; an odd last row or column is
 * dropped (floor(H/2) × floor(W/2) outputs, Lasagne's `ignore_border=True`):
 *
 * ```
 * forward:   y[b, i, j, c] = max_{0≤di,dj<2} x[b, 2i+di, 2j+dj, c]
 * backward:  ∂L/∂x = ∂L/∂y at the (first) maximum of each window, 0 elsewhere
 * ```
 *
 * Works on Float32Array or Float64Array (tests check the gradient in float64).
 * The readable version, for the float64 reference and the tests; CIFARNET runs
 * the pooling fused with its ReLU and LRN in WebAssembly
 * (`../kernels/lrn_pool.ts`, the same tie and NaN rules).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { maxPool2 } from "./max_pool.ts";
 * const x = new Float32Array([1, 5, 3, 2]); // one 2×2 single-channel map
 * const y = new Float32Array(1), arg = new Int32Array(1);
 * maxPool2(x, { batch: 1, height: 2, width: 2, channels: 1 }, y, arg);
 * assert.equal(y[0], 5);
 * assert.equal(arg[0], 1);
 * ```
 *
 * @module
 */

/** The shape of an NHWC batch of maps. */
export interface MapShape {
  /** Images in the batch. */
  batch: number;
  /** Rows. */
  height: number;
  /** Columns. */
  width: number;
  /** Channels. */
  channels: number;
}

/**
 * y = maxpool(x), recording in `arg` the index in `x` of each maximum (the first
 * in row-major window order on ties; NaN propagates).
 *
 * @param x the input maps, NHWC
 * @param s their shape
 * @param y receives B × ⌊H/2⌋ × ⌊W/2⌋ × C values
 * @param arg receives, for each output, its source index in `x`
 */
export function maxPool2(
  x: Float32Array | Float64Array,
  s: MapShape,
  y: Float32Array | Float64Array,
  arg: Int32Array,
): void {
  const { batch, height, width, channels: c } = s;
  const oh = height >> 1, ow = width >> 1;
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const p00 = ((b * height + 2 * i) * width + 2 * j) * c;
        const p10 = p00 + width * c;
        for (let ch = 0; ch < c; ch++, o++) {
          let best = p00 + ch;
          let v = x[best]!;
          let p = p00 + c + ch;
          let u = x[p]!;
          if (u > v || (u !== u && v === v)) (v = u), (best = p);
          p = p10 + ch;
          u = x[p]!;
          if (u > v || (u !== u && v === v)) (v = u), (best = p);
          p = p10 + c + ch;
          u = x[p]!;
          if (u > v || (u !== u && v === v)) (v = u), (best = p);
          y[o] = v;
          arg[o] = best;
        }
      }
    }
  }
}

/**
 * ∂L/∂x from ∂L/∂y: `dx` zeroed (its first `inputSize` values), then each output's
 * gradient written at its maximum.
 *
 * @param dy the gradient of the output (`count` values)
 * @param arg the source indices from {@link maxPool2}
 * @param count outputs
 * @param dx receives the gradient of the input
 * @param inputSize values of the input, B·H·W·C
 */
export function maxPool2Backward(
  dy: Float32Array | Float64Array,
  arg: Int32Array,
  count: number,
  dx: Float32Array | Float64Array,
  inputSize: number,
): void {
  dx.fill(0, 0, inputSize);
  for (let o = 0; o < count; o++) dx[arg[o]!] = dy[o]!; // windows do not overlap
}
