/**
 * The IDX format of LeCun's MNIST files: a 4-byte magic number `00 00 TT NN`
 * (TT the element type, 0x08 for unsigned bytes; NN the number of dimensions),
 * NN big-endian uint32 sizes, then the elements in row-major order. Image files
 * are `0x00000803` (count × rows × cols), label files `0x00000801` (count).
 *
 * The parsers copy nothing: the returned arrays are views into the given bytes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseIdxLabels } from "./idx.ts";
 * const bytes = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 3, 7, 2, 1]);
 * const { count, labels } = parseIdxLabels(bytes, "tiny-labels");
 * assert.equal(count, 3);
 * assert.deepEqual([...labels], [7, 2, 1]);
 * ```
 *
 * @module
 */
import { IdxFormatError } from "./errors.ts";

/** The IDX element type for unsigned bytes, the only one MNIST uses. */
export const IDX_UNSIGNED_BYTE = 0x08;

const TYPE_NAMES: Record<number, string> = {
  0x08: "unsigned byte",
  0x09: "signed byte",
  0x0b: "int16",
  0x0c: "int32",
  0x0d: "float32",
  0x0e: "float64",
};

/** An unsigned-byte IDX array: its sizes and a view of its elements. */
export interface IdxArray {
  /** The sizes, outermost first, e.g. `[60000, 28, 28]`. */
  dims: number[];
  /** The elements, row-major; a view into the file's bytes. */
  data: Uint8Array;
}

/** An IDX image file's content. */
export interface IdxImages {
  /** Number of images. */
  count: number;
  /** Rows per image. */
  rows: number;
  /** Columns per image. */
  cols: number;
  /** `count × rows × cols` pixels, 0 (background) to 255. */
  pixels: Uint8Array;
}

/** An IDX label file's content. */
export interface IdxLabels {
  /** Number of labels. */
  count: number;
  /** One byte per example. */
  labels: Uint8Array;
}

const hex32 = (n: number) => `0x${n.toString(16).padStart(8, "0")}`;

/**
 * Parses an unsigned-byte IDX file, checking its magic number, its sizes and that
 * its length is exactly the header plus the product of the sizes.
 *
 * @param bytes the whole (uncompressed) file
 * @param file the file's name or path, used in error messages
 * @returns the sizes and a view of the elements
 * @throws {IdxFormatError} on a bad magic number, a zero size, or a truncated or oversized file
 */
export function parseIdx(bytes: Uint8Array, file: string): IdxArray {
  if (bytes.length < 4) {
    throw new IdxFormatError(file, `${bytes.length} bytes is shorter than the 4-byte magic number`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  const type = bytes[2]!;
  const ndims = bytes[3]!;
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new IdxFormatError(
      file,
      `magic number ${hex32(magic)} does not start with two zero bytes ` +
        `(expected 0x00000803 for images or 0x00000801 for labels)`,
    );
  }
  if (type !== IDX_UNSIGNED_BYTE) {
    const name = TYPE_NAMES[type] ?? "an unknown type";
    throw new IdxFormatError(
      file,
      `element type 0x${
        type.toString(16).padStart(2, "0")
      } (${name}); expected 0x08 (unsigned byte)`,
    );
  }
  if (ndims === 0) throw new IdxFormatError(file, "0 dimensions; expected at least 1");
  const headerBytes = 4 + 4 * ndims;
  if (bytes.length < headerBytes) {
    throw new IdxFormatError(
      file,
      `truncated header: ${ndims} dimensions need ${headerBytes} header bytes, file has ${bytes.length}`,
    );
  }
  const dims: number[] = [];
  let elements = 1;
  for (let i = 0; i < ndims; i++) {
    const size = view.getUint32(4 + 4 * i);
    if (size === 0) throw new IdxFormatError(file, `dimension ${i} has size 0; expected >= 1`);
    dims.push(size);
    elements *= size;
  }
  const expected = headerBytes + elements;
  if (bytes.length !== expected) {
    const what = bytes.length < expected ? "truncated" : "oversized";
    throw new IdxFormatError(
      file,
      `${what}: header declares ${dims.join(" × ")} = ${elements} elements, so the file should ` +
        `be ${expected} bytes, but it is ${bytes.length} bytes`,
    );
  }
  return { dims, data: bytes.subarray(headerBytes) };
}

/**
 * Parses an IDX image file (magic `0x00000803`: count × rows × cols).
 *
 * @param bytes the whole (uncompressed) file
 * @param file the file's name or path, used in error messages
 * @returns the image count, their size and a view of the pixels
 * @throws {IdxFormatError} if the file is not a well-formed 3-dimensional byte IDX file
 */
export function parseIdxImages(bytes: Uint8Array, file: string): IdxImages {
  const { dims, data } = parseIdx(bytes, file);
  if (dims.length !== 3) {
    throw new IdxFormatError(
      file,
      `magic ${hex32(0x800 + dims.length)} has ${dims.length} dimensions; ` +
        `expected 0x00000803 (images: count × rows × cols)`,
    );
  }
  const [count, rows, cols] = dims as [number, number, number];
  return { count, rows, cols, pixels: data };
}

/**
 * Parses an IDX label file (magic `0x00000801`: count).
 *
 * @param bytes the whole (uncompressed) file
 * @param file the file's name or path, used in error messages
 * @returns the label count and a view of the labels
 * @throws {IdxFormatError} if the file is not a well-formed 1-dimensional byte IDX file
 */
export function parseIdxLabels(bytes: Uint8Array, file: string): IdxLabels {
  const { dims, data } = parseIdx(bytes, file);
  if (dims.length !== 1) {
    throw new IdxFormatError(
      file,
      `magic ${hex32(0x800 + dims.length)} has ${dims.length} dimensions; ` +
        `expected 0x00000801 (labels: count)`,
    );
  }
  return { count: dims[0]!, labels: data };
}

/**
 * Encodes an unsigned-byte IDX file: the inverse of {@linkcode parseIdx}. Used by
 * tests to make small files, and handy for writing subsets.
 *
 * @param dims the sizes, outermost first
 * @param data the elements; its length must be the product of `dims`
 * @returns the file's bytes
 * @throws {RangeError} if `data.length` is not the product of `dims`
 */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const elements = dims.reduce((a, b) => a * b, 1);
  if (dims.length === 0 || dims.length > 255 || data.length !== elements) {
    throw new RangeError(
      `encodeIdx: ${dims.length} dims (expected 1..255) with product ${elements}, ` +
        `data has ${data.length} elements (expected equal)`,
    );
  }
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = IDX_UNSIGNED_BYTE;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  out.set(data, 4 + 4 * dims.length);
  return out;
}
