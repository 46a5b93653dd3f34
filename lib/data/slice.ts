/**
 * A contiguous part of a split: how a run holds out training images for
 * selection (never trained on) or evaluates on part of a test set.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sliceSplit } from "./slice.ts";
 * const s = { images: new Uint8Array([1, 2, 3, 4, 5, 6]), labels: new Uint8Array([7, 8, 9]),
 *   count: 3, rows: 1, cols: 2 };
 * const part = sliceSplit(s, 1, 2);
 * assert.deepEqual(Array.from(part.images), [3, 4, 5, 6]);
 * assert.deepEqual(Array.from(part.labels), [8, 9]);
 * ```
 *
 * @module
 */
import type { ImageSplit } from "./types.ts";

/**
 * Images `start` … `start + count − 1` of `split`, copied.
 *
 * @param split the images
 * @param start the first image
 * @param count how many
 * @returns a new split of `count` images
 * @throws {RangeError} unless 0 ≤ start, 1 ≤ count and start + count ≤ split.count
 */
export function sliceSplit(split: ImageSplit, start: number, count: number): ImageSplit {
  if (
    !Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 1 ||
    start + count > split.count
  ) {
    throw new RangeError(
      `sliceSplit: images ${start} … ${start + count - 1} are not within 0 … ${split.count - 1}`,
    );
  }
  const px = (split.channels ?? 1) * split.rows * split.cols;
  return {
    ...split,
    count,
    images: split.images.slice(start * px, (start + count) * px),
    labels: split.labels.slice(start, start + count),
  };
}
