import assert from "node:assert/strict";
import { encodeIdx, parseIdx, parseIdxImages, parseIdxLabels } from "./idx.ts";
import { IdxFormatError } from "./errors.ts";

const images = encodeIdx([2, 3, 4], Uint8Array.from({ length: 24 }, (_, i) => i));
const labels = encodeIdx([2], new Uint8Array([7, 1]));

Deno.test("encodeIdx writes the MNIST header layout", () => {
  // 00 00 08 03, then 2, 3, 4 as big-endian uint32
  assert.deepEqual([...images.subarray(0, 16)], [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4]);
  assert.deepEqual([...labels.subarray(0, 8)], [0, 0, 8, 1, 0, 0, 0, 2]);
  assert.throws(() => encodeIdx([2, 2], new Uint8Array(3)), RangeError);
});

Deno.test("parseIdxImages reads sizes and returns a view of the pixels", () => {
  const parsed = parseIdxImages(images, "imgs");
  assert.deepEqual([parsed.count, parsed.rows, parsed.cols], [2, 3, 4]);
  assert.equal(parsed.pixels.length, 24);
  assert.equal(parsed.pixels[23], 23);
  assert.equal(parsed.pixels.buffer, images.buffer, "no copy");
  const l = parseIdxLabels(labels, "labs");
  assert.deepEqual([l.count, ...l.labels], [2, 7, 1]);
});

Deno.test("a truncated file names the file and the expected length", () => {
  assert.throws(
    () => parseIdx(images.subarray(0, images.length - 1), "train-images-idx3-ubyte"),
    (e: Error) =>
      e instanceof IdxFormatError && /train-images-idx3-ubyte/.test(e.message) &&
      /truncated/.test(e.message) && /should be 40 bytes, but it is 39 bytes/.test(e.message),
  );
  assert.throws(() => parseIdx(images.subarray(0, 10), "f"), /truncated header.*16 header bytes/);
  assert.throws(() => parseIdx(new Uint8Array(2), "f"), /shorter than the 4-byte magic/);
});

Deno.test("an oversized file is rejected", () => {
  const big = new Uint8Array(images.length + 3);
  big.set(images);
  assert.throws(() => parseIdx(big, "f"), /oversized.*should be 40 bytes, but it is 43 bytes/);
});

Deno.test("bad magic numbers and element types are named", () => {
  const bad = images.slice();
  bad[0] = 0x1f;
  assert.throws(() => parseIdx(bad, "f"), /does not start with two zero bytes.*0x00000803/);
  const float = images.slice();
  float[2] = 0x0d;
  assert.throws(() => parseIdx(float, "f"), /0x0d \(float32\); expected 0x08 \(unsigned byte\)/);
  const zeroDims = images.slice(0, 4);
  zeroDims[3] = 0;
  assert.throws(() => parseIdx(zeroDims, "f"), /0 dimensions/);
  const zeroSize = encodeIdx([1], new Uint8Array(1));
  zeroSize[7] = 0;
  assert.throws(() => parseIdx(zeroSize, "f"), /dimension 0 has size 0/);
});

Deno.test("images and labels are not confused", () => {
  assert.throws(() => parseIdxImages(labels, "labs"), /0x00000801.*expected 0x00000803/);
  assert.throws(() => parseIdxLabels(images, "imgs"), /0x00000803.*expected 0x00000801/);
});
