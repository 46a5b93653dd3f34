/**
 * Gzip detection and decompression with the platform's `DecompressionStream`.
 * A corrupt, truncated or oversized stream is a {@linkcode GzipError} naming the file.
 * One gzip member per file, as gzip(1) writes it; concatenated members are
 * rejected as trailing bytes (the platform's decoder stops after the first).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gunzip, isGzip } from "./gzip.ts";
 * const packed = new Uint8Array(
 *   await new Response(
 *     new Blob([new Uint8Array([1, 2, 3])]).stream().pipeThrough(new CompressionStream("gzip")),
 *   ).arrayBuffer(),
 * );
 * assert.ok(isGzip(packed));
 * const unpacked = await gunzip(packed, "example.gz");
 * assert.deepEqual([...unpacked], [1, 2, 3]);
 * ```
 *
 * @module
 */
import { GzipError } from "./errors.ts";

/**
 * Whether the bytes start with gzip's magic number `1f 8b` and method 8 (deflate).
 *
 * @param bytes a file's bytes (at least the first three)
 * @returns true for a gzip stream
 */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** Options for {@linkcode gunzip}. */
export interface GunzipOptions {
  /**
   * The exact size the content is expected to have, if known. The output is then
   * written into one buffer of that size (no second copy), and a stream that would
   * grow past it is stopped at once.
   */
  expectedBytes?: number;
}

/**
 * Decompresses a whole gzip file.
 *
 * @param bytes the gzip file
 * @param file its name or path, used in error messages
 * @param options an expected size, to bound memory and stop oversized streams early
 * @returns the decompressed bytes
 * @throws {GzipError} if the stream is corrupt, truncated, has trailing bytes, or is
 *   longer than `expectedBytes`
 */
export async function gunzip(
  bytes: Uint8Array,
  file: string,
  options: GunzipOptions = {},
): Promise<Uint8Array> {
  if (!isGzip(bytes)) {
    throw new GzipError(file, "not a gzip file: missing the magic bytes 1f 8b 08 at the start");
  }
  const { expectedBytes } = options;
  const input = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes as Uint8Array<ArrayBuffer>);
      controller.close();
    },
  });
  const reader = input.pipeThrough(new DecompressionStream("gzip")).getReader();
  const chunks: Uint8Array[] = [];
  const out = expectedBytes === undefined ? undefined : new Uint8Array(expectedBytes);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (out) {
        if (length + value.length > out.length) {
          await reader.cancel();
          throw new GzipError(
            file,
            `gzip content is longer than the expected ${out.length} bytes (oversized or a different file)`,
          );
        }
        out.set(value, length);
      } else {
        chunks.push(value);
      }
      length += value.length;
    }
  } catch (e) {
    if (e instanceof GzipError) throw e;
    throw new GzipError(
      file,
      `corrupt gzip stream: truncated, damaged, or followed by extra bytes ` +
        `(${length} bytes decompressed before the error: ${(e as Error).message})`,
      e,
    );
  }
  if (out) {
    if (length !== out.length) {
      throw new GzipError(
        file,
        `gzip content is ${length} bytes; expected exactly ${out.length} (truncated or a different file)`,
      );
    }
    return out;
  }
  const result = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    result.set(c, offset);
    offset += c.length;
  }
  return result;
}
