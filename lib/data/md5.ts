/**
 * MD5 of bytes, for the one data set whose publisher gives only an MD5 (CIFAR-10).
 * Web Crypto has no MD5, so this uses `node:crypto`. MD5 detects a damaged or
 * truncated download; it is not a defence against a forged file.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { md5Hex } from "./md5.ts";
 * assert.equal(md5Hex(new TextEncoder().encode("abc")), "900150983cd24fb0d6963f7d28e17f72");
 * ```
 *
 * @module
 */
import { createHash } from "node:crypto";

/**
 * The MD5 digest of `bytes`, as 32 lowercase hex digits.
 *
 * @param bytes the data to hash
 * @returns the digest in hex
 */
export function md5Hex(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}
