/**
 * The binary version of CIFAR-10 (Krizhevsky 2009): each of `data_batch_1.bin` …
 * `data_batch_5.bin` and `test_batch.bin` holds 10 000 records of 3073 bytes, one
 * label byte (0–9) then the 32×32 image as three planes, red, green, blue, each
 * row-major. The images are kept in that layout (channel, row, column), which is
 * what a convolution reads.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CIFAR_RECORD_BYTES, parseCifarBatch } from "./cifar10_format.ts";
 * const bytes = new Uint8Array(2 * CIFAR_RECORD_BYTES);
 * bytes[0] = 3;
 * bytes[CIFAR_RECORD_BYTES] = 9;
 * const { labels, images, count } = parseCifarBatch(bytes, "tiny.bin");
 * assert.equal(count, 2);
 * assert.deepEqual(Array.from(labels), [3, 9]);
 * assert.equal(images.length, 2 * 3072);
 * ```
 *
 * @module
 */

/** Pixels per CIFAR-10 image: 3 channels × 32 × 32. */
export const CIFAR_IMAGE_BYTES: number = 3 * 32 * 32;
/** Bytes per record: the label, then the image. */
export const CIFAR_RECORD_BYTES: number = 1 + CIFAR_IMAGE_BYTES;
/** Classes of CIFAR-10, in label order. */
export const CIFAR10_CLASSES: readonly string[] = [
  "airplane",
  "automobile",
  "bird",
  "cat",
  "deer",
  "dog",
  "frog",
  "horse",
  "ship",
  "truck",
];

/** A CIFAR-format file that is not a whole number of valid records. */
export class CifarFormatError extends Error {
  /** The file whose content was rejected. */
  readonly file: string;

  /**
   * Builds the error for one file.
   *
   * @param file the file's name or path
   * @param problem what was wrong and what was expected
   */
  constructor(file: string, problem: string) {
    super(`${file}: not a valid CIFAR-10 binary batch: ${problem}`);
    this.name = "CifarFormatError";
    this.file = file;
  }
}

/** The records of one batch file, split into labels and images. */
export interface CifarBatch {
  /** Number of records. */
  count: number;
  /** One label (0–9) per record. */
  labels: Uint8Array;
  /** `count × 3072` bytes, each image as red, green, blue planes of 32×32. */
  images: Uint8Array;
}

/**
 * Splits a CIFAR-10 binary batch into labels and images, checking its length and
 * every label.
 *
 * @param bytes the file's bytes
 * @param file its name or path, for messages
 * @param expectedRecords the number of records it must hold (undefined: any)
 * @returns labels and images
 * @throws {CifarFormatError} if the length is not a whole number of records (or not
 *   `expectedRecords`), or a label is 10 or more
 */
export function parseCifarBatch(
  bytes: Uint8Array,
  file: string,
  expectedRecords?: number,
): CifarBatch {
  if (bytes.length === 0 || bytes.length % CIFAR_RECORD_BYTES !== 0) {
    throw new CifarFormatError(
      file,
      `${bytes.length} bytes is not a whole number of ${CIFAR_RECORD_BYTES}-byte records`,
    );
  }
  const count = bytes.length / CIFAR_RECORD_BYTES;
  if (expectedRecords !== undefined && count !== expectedRecords) {
    throw new CifarFormatError(file, `${count} records; expected ${expectedRecords}`);
  }
  const labels = new Uint8Array(count);
  const images = new Uint8Array(count * CIFAR_IMAGE_BYTES);
  for (let i = 0; i < count; i++) {
    const at = i * CIFAR_RECORD_BYTES;
    const label = bytes[at]!;
    if (label >= CIFAR10_CLASSES.length) {
      throw new CifarFormatError(file, `record ${i} has label ${label}; expected 0–9`);
    }
    labels[i] = label;
    images.set(bytes.subarray(at + 1, at + CIFAR_RECORD_BYTES), i * CIFAR_IMAGE_BYTES);
  }
  return { count, labels, images };
}

/**
 * Writes records in the CIFAR-10 binary format (tests and tools make small files).
 *
 * @param labels one label per record
 * @param images `labels.length × 3072` bytes
 * @returns the file's bytes
 */
export function encodeCifarBatch(labels: Uint8Array, images: Uint8Array): Uint8Array {
  if (images.length !== labels.length * CIFAR_IMAGE_BYTES) {
    throw new RangeError(
      `encodeCifarBatch: ${images.length} image bytes for ${labels.length} labels; ` +
        `expected ${labels.length * CIFAR_IMAGE_BYTES}`,
    );
  }
  const out = new Uint8Array(labels.length * CIFAR_RECORD_BYTES);
  for (let i = 0; i < labels.length; i++) {
    out[i * CIFAR_RECORD_BYTES] = labels[i]!;
    out.set(
      images.subarray(i * CIFAR_IMAGE_BYTES, (i + 1) * CIFAR_IMAGE_BYTES),
      i * CIFAR_RECORD_BYTES + 1,
    );
  }
  return out;
}
