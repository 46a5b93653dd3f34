/**
 * Checks a data file against its pinned SHA-256 and returns its IDX content.
 *
 * A raw file must match the IDX SHA-256. A `.gz` file (detected by its magic
 * bytes, whatever its name) is accepted when its own SHA-256 is one of the known
 * gzip wrappings, or else when its decompressed content matches the IDX SHA-256:
 * the content is what the data set is, and a mirror may re-compress it.
 *
 * @module
 */
import { ChecksumError, GzipError } from "./errors.ts";
import { gunzip, isGzip } from "./gzip.ts";
import { sha256Hex } from "./sha256.ts";
import type { IdxFileSpec } from "./types.ts";

/** A file's verified IDX content and the digest that vouched for it. */
export interface VerifiedFile {
  /** The uncompressed IDX bytes. */
  idx: Uint8Array;
  /** Which digest matched. */
  verifiedBy: "gz-sha256" | "idx-sha256";
  /** The matching digest (hex). */
  sha256: string;
}

/**
 * Verifies a data file's bytes and returns its IDX content.
 *
 * @param bytes the file's bytes, raw IDX or gzip
 * @param spec the file's pinned size and digests
 * @param file the file's name as found (e.g. `train-images-idx3-ubyte.gz`), for messages
 * @param source where the bytes came from (a path or URL), for messages
 * @returns the IDX bytes and which digest matched
 * @throws {ChecksumError} if no pinned digest matches, naming expected and actual digests
 */
export async function verifyFile(
  bytes: Uint8Array,
  spec: IdxFileSpec,
  file: string,
  source: string,
): Promise<VerifiedFile> {
  if (!isGzip(bytes)) {
    const got = await sha256Hex(bytes);
    if (got === spec.idxSha256) return { idx: bytes, verifiedBy: "idx-sha256", sha256: got };
    const size = bytes.length === spec.idxBytes
      ? `the size is right (${bytes.length} bytes) but the content differs`
      : `the file is ${bytes.length} bytes; expected ${spec.idxBytes}`;
    throw new ChecksumError(file, source, [spec.idxSha256], got, size);
  }
  const gzGot = await sha256Hex(bytes);
  const known = spec.gzSha256.includes(gzGot);
  let idx: Uint8Array;
  try {
    idx = await gunzip(bytes, file, { expectedBytes: spec.idxBytes });
  } catch (e) {
    if (known || !(e instanceof GzipError)) throw e;
    throw new ChecksumError(
      file,
      source,
      spec.gzSha256,
      gzGot,
      `no known .gz matches, and its content cannot be compared either: ${e.message}`,
    );
  }
  if (known) return { idx, verifiedBy: "gz-sha256", sha256: gzGot };
  const idxGot = await sha256Hex(idx);
  if (idxGot === spec.idxSha256) return { idx, verifiedBy: "idx-sha256", sha256: idxGot };
  throw new ChecksumError(
    file,
    source,
    [spec.idxSha256],
    idxGot,
    `compared after decompressing; the .gz file's own SHA-256 ${gzGot} matches no known .gz`,
  );
}
