import assert from "node:assert/strict";
import { gunzip, isGzip } from "./gzip.ts";
import { GzipError } from "./errors.ts";
import { gzip } from "./_testing.ts";

const content = Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) % 256);

Deno.test("gunzip inverts the platform's gzip, with and without an expected size", async () => {
  const packed = await gzip(content);
  assert.ok(isGzip(packed));
  assert.ok(!isGzip(content));
  assert.deepEqual(await gunzip(packed, "f.gz"), content);
  assert.deepEqual(await gunzip(packed, "f.gz", { expectedBytes: content.length }), content);
});

Deno.test("a truncated gzip stream is a GzipError naming the file", async () => {
  const packed = await gzip(content);
  await assert.rejects(
    gunzip(packed.subarray(0, packed.length - 10), "t10k-labels-idx1-ubyte.gz"),
    (e: Error) =>
      e instanceof GzipError && /^t10k-labels-idx1-ubyte\.gz: corrupt gzip stream/.test(e.message),
  );
});

Deno.test("damaged deflate data and trailing bytes are rejected", async () => {
  const packed = await gzip(content);
  const damaged = packed.slice();
  for (let i = 20; i < 40; i++) damaged[i]! ^= 0x5a;
  await assert.rejects(gunzip(damaged, "f.gz"), GzipError);
  const trailing = new Uint8Array(packed.length + 4);
  trailing.set(packed);
  await assert.rejects(gunzip(trailing, "f.gz"), /followed by extra bytes/);
  await assert.rejects(gunzip(content, "f.gz"), /not a gzip file/);
});

Deno.test("expectedBytes catches content of the wrong size", async () => {
  const packed = await gzip(content);
  await assert.rejects(
    gunzip(packed, "f.gz", { expectedBytes: 4000 }),
    /longer than the expected 4000 bytes/,
  );
  await assert.rejects(
    gunzip(packed, "f.gz", { expectedBytes: 6000 }),
    /content is 5000 bytes; expected exactly 6000/,
  );
});
