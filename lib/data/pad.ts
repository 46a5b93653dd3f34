/**
 * Zero-padding of every image of a split to a larger square, centred: how a
 * 28×28 data set (MNIST, Fashion-MNIST) becomes the 32×32 input of a network
 * built for CIFAR-10. The border is 0 (black, as MNIST's own background).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { padSplit } from "./pad.ts";
 * const split = { images: new Uint8Array([9]), labels: new Uint8Array([1]), count: 1, rows: 1, cols: 1 };
 * const padded = padSplit(split, 3);
 * assert.deepEqual(Array.from(padded.images), [0, 0, 0, 0, 9, 0, 0, 0, 0]);
 * ```
 *
 * @module
 */
import type { ImageSplit } from "./types.ts";

/**
 * The split with each channel of each image centred in a `side` × `side` field of
 * zeros (an odd margin puts the extra row/column at the bottom/right).
 *
 * @param split the images (any number of channels)
 * @param side the new height and width (≥ rows and cols)
 * @returns a new split; the labels are shared, not copied
 * @throws {RangeError} if the images are larger than `side`
 */
export function padSplit(split: ImageSplit, side: number): ImageSplit {
  const { rows, cols, count } = split;
  const channels = split.channels ?? 1;
  if (!Number.isInteger(side) || side < rows || side < cols) {
    throw new RangeError(`padSplit: cannot pad ${rows}×${cols} images to ${side}×${side}`);
  }
  const top = (side - rows) >> 1, left = (side - cols) >> 1;
  const planes = count * channels;
  const images = new Uint8Array(planes * side * side);
  for (let p = 0; p < planes; p++) {
    for (let r = 0; r < rows; r++) {
      const src = (p * rows + r) * cols;
      images.set(split.images.subarray(src, src + cols), (p * side + top + r) * side + left);
    }
  }
  return { images, labels: split.labels, count, rows: side, cols: side, channels };
}
