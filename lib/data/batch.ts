/**
 * Minibatches from byte pixels: the data set stays `Uint8Array` (55 MB for MNIST)
 * and only the batch in use is scaled to `Float32Array`, `x = pixel / 255` in [0, 1],
 * with no mean subtraction. (The paper does not state its preprocessing; this is
 * the common choice, and the one our models assume.)
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fillBatch } from "./batch.ts";
 * const split = {
 *   images: new Uint8Array([0, 255, 51, 102]), labels: new Uint8Array([3, 7]),
 *   count: 2, rows: 1, cols: 2,
 * };
 * const x = new Float32Array(2), y = new Uint8Array(1);
 * fillBatch(split, [1], x, y);
 * assert.ok(Math.abs(x[0]! - 0.2) < 1e-7);
 * assert.equal(y[0], 7);
 * ```
 *
 * @module
 */
import type { ImageSplit } from "./types.ts";

/** `PIXEL_LUT[p] = p / 255` as float32: the scaling every batch uses. */
export const PIXEL_LUT: Float32Array = Float32Array.from({ length: 256 }, (_, p) => p / 255);

/** A typed array that can receive labels. */
export type LabelArray = Uint8Array | Int32Array | Float32Array | Float64Array;

/**
 * Fills `x` with the images at `indices`, scaled to [0, 1], row after row
 * (`x[b · rows · cols + i] = images[indices[b]][i] / 255`), and `y`, if given, with
 * their labels. Allocates nothing.
 *
 * @param split the data (pixels as bytes)
 * @param indices which examples, in batch order
 * @param x receives `indices.length × rows × cols` values; may be longer
 * @param y receives `indices.length` labels; may be longer
 * @returns the number of examples written, `indices.length`
 * @throws {RangeError} if an index is not an integer in [0, count), or `x`/`y` is too short
 */
export function fillBatch(
  split: ImageSplit,
  indices: ArrayLike<number>,
  x: Float32Array,
  y?: LabelArray,
): number {
  const n = indices.length;
  const size = (split.channels ?? 1) * split.rows * split.cols;
  if (x.length < n * size) {
    throw new RangeError(
      `fillBatch: x has ${x.length} elements; ${n} images of ${split.rows}×${split.cols} need ${
        n * size
      }`,
    );
  }
  if (y !== undefined && y.length < n) {
    throw new RangeError(`fillBatch: y has ${y.length} elements; ${n} labels need ${n}`);
  }
  const { images, labels, count } = split;
  for (let b = 0; b < n; b++) {
    const k = indices[b]!;
    if (!Number.isInteger(k) || k < 0 || k >= count) {
      throw new RangeError(
        `fillBatch: indices[${b}] = ${k}; expected an integer in [0, ${count})`,
      );
    }
    const src = k * size;
    const dst = b * size;
    for (let i = 0; i < size; i++) x[dst + i] = PIXEL_LUT[images[src + i]!]!;
    if (y !== undefined) y[b] = labels[k]!;
  }
  return n;
}
