/**
 * The fixed training/validation split of an MNIST-style training set: the last
 * `validation` examples (10,000 by default) are held out for validation and the
 * rest (50,000 of MNIST's 60,000) are trained on, as in the published
 * reproduction fdlm/amsgrad_experiments. The split is in file order, so it is
 * the same on every machine and for every seed; the test set is untouched.
 *
 * @module
 */
import type { ImageSplit } from "./types.ts";

/** MNIST's held-out validation examples: the last 10,000 of the 60,000 training images. */
export const VALIDATION_SIZE = 10_000;

/** The index ranges of a split: [start, end) into the original training set. */
export interface SplitRanges {
  /** The examples trained on. */
  train: { start: number; end: number };
  /** The examples held out for validation. */
  validation: { start: number; end: number };
}

/**
 * The ranges that {@link trainValidationSplit} uses: train [0, count − validation),
 * validation [count − validation, count).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitRanges } from "./split.ts";
 * assert.deepEqual(splitRanges(60_000).validation, { start: 50_000, end: 60_000 });
 * ```
 */
export function splitRanges(count: number, validation = VALIDATION_SIZE): SplitRanges {
  if (!Number.isInteger(validation) || validation < 1 || validation >= count) {
    throw new RangeError(
      `validation must be an integer in [1, ${count - 1}] for ${count} examples, got ${validation}`,
    );
  }
  const cut = count - validation;
  return { train: { start: 0, end: cut }, validation: { start: cut, end: count } };
}

function slice(set: ImageSplit, start: number, end: number): ImageSplit {
  const pixels = set.rows * set.cols;
  return {
    images: set.images.subarray(start * pixels, end * pixels),
    labels: set.labels.subarray(start, end),
    count: end - start,
    rows: set.rows,
    cols: set.cols,
  };
}

/**
 * Splits a training set into the examples trained on and the validation
 * examples (views onto the same bytes; nothing is copied).
 */
export function trainValidationSplit(
  set: ImageSplit,
  validation = VALIDATION_SIZE,
): { train: ImageSplit; validation: ImageSplit } {
  const r = splitRanges(set.count, validation);
  return {
    train: slice(set, r.train.start, r.train.end),
    validation: slice(set, r.validation.start, r.validation.end),
  };
}
