import assert from "node:assert/strict";
import { Rng } from "../random/rng.ts";
import { BatchSampler } from "./batches.ts";

Deno.test("BatchSampler without shuffling takes batches in file order and drops the partial one", () => {
  const s = new BatchSampler(10, 4, null);
  assert.deepEqual(Array.from(s.next()), [0, 1, 2, 3]);
  assert.deepEqual(Array.from(s.next()), [4, 5, 6, 7]);
  assert.deepEqual(Array.from(s.next()), [0, 1, 2, 3]); // 8, 9 dropped: a new epoch
  assert.equal(s.epoch, 2);
});

Deno.test("BatchSampler with a seed: each epoch a permutation, the same for the same seed", () => {
  const a = new BatchSampler(12, 4, new Rng(5));
  const b = new BatchSampler(12, 4, new Rng(5));
  const epoch: number[] = [];
  for (let k = 0; k < 3; k++) {
    const x = Array.from(a.next());
    assert.deepEqual(x, Array.from(b.next()));
    epoch.push(...x);
  }
  assert.deepEqual([...epoch].sort((p, q) => p - q), [...Array(12).keys()]);
  assert.notDeepEqual(epoch, [...Array(12).keys()]);
});

Deno.test("BatchSampler rejects a training set smaller than a batch", () => {
  assert.throws(() => new BatchSampler(3, 4, null), /at least one batch/);
});
