/**
 * SHA-256 of bytes with the platform's Web Crypto (`crypto.subtle`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sha256Hex } from "./sha256.ts";
 * const digest = await sha256Hex(new TextEncoder().encode("abc"));
 * assert.equal(
 *   digest,
 *   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
 * );
 * ```
 *
 * @module
 */

/**
 * The SHA-256 digest of `bytes`, as 64 lowercase hex digits.
 *
 * @param bytes the data to hash
 * @returns the digest in hex
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>),
  );
  let hex = "";
  for (const b of digest) hex += b.toString(16).padStart(2, "0");
  return hex;
}
