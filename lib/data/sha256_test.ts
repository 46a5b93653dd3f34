import assert from "node:assert/strict";
import { sha256Hex } from "./sha256.ts";

Deno.test("sha256Hex matches the FIPS 180-2 test vectors", async () => {
  const enc = new TextEncoder();
  assert.equal(
    await sha256Hex(enc.encode("abc")),
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
  );
  assert.equal(
    await sha256Hex(new Uint8Array(0)),
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  );
});

Deno.test("sha256Hex hashes only the view, not the whole buffer", async () => {
  const buffer = new TextEncoder().encode("xxabcxx");
  assert.equal(
    await sha256Hex(buffer.subarray(2, 5)),
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
  );
});
