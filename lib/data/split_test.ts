import assert from "node:assert/strict";
import { splitRanges, trainValidationSplit, VALIDATION_SIZE } from "./split.ts";
import type { ImageSplit } from "./types.ts";

/** A set whose image i is filled with the bytes of i, so every example is identifiable. */
function numbered(count: number): ImageSplit {
  const images = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) images.set([i & 255, (i >> 8) & 255, 0, 0], i * 4);
  return {
    images,
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
    count,
    rows: 2,
    cols: 2,
  };
}
const id = (s: ImageSplit, i: number) => s.images[i * 4]! + 256 * s.images[i * 4 + 1]!;

Deno.test("trainValidationSplit: MNIST's 60,000 become 50,000 + 10,000, disjoint and covering", () => {
  const all = numbered(60_000);
  const { train, validation } = trainValidationSplit(all);
  assert.equal(VALIDATION_SIZE, 10_000);
  assert.deepEqual([train.count, validation.count], [50_000, 10_000]);
  const seen = new Uint8Array(60_000);
  for (const s of [train, validation]) {
    assert.equal(s.images.length, s.count * 4);
    for (let i = 0; i < s.count; i++) seen[id(s, i)]! += 1;
  }
  assert.ok(seen.every((n) => n === 1), "every example is in exactly one part");
  assert.equal(id(validation, 0), 50_000);
  assert.equal(validation.labels[0], 50_000 % 10);
});

Deno.test("splitRanges: fixed by the count alone; bad sizes are refused", () => {
  assert.deepEqual(splitRanges(100, 30), {
    train: { start: 0, end: 70 },
    validation: { start: 70, end: 100 },
  });
  assert.throws(() => splitRanges(100, 100), /validation must be/);
  assert.throws(() => splitRanges(100, 0), /validation must be/);
  assert.throws(() => splitRanges(100, 2.5), /validation must be/);
});
