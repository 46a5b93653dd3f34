import assert from "node:assert/strict";
import { downsampleLog, logSpacedIndices } from "./downsample.ts";

Deno.test("logSpacedIndices: sorted, distinct, first and last, about `points` of them", () => {
  const idx = logSpacedIndices(10_000_000, 300);
  assert.equal(idx[0], 0);
  assert.equal(idx[idx.length - 1], 9_999_999);
  assert.ok(idx.length > 200 && idx.length <= 300, `got ${idx.length}`);
  for (let k = 1; k < idx.length; k++) assert.ok(idx[k]! > idx[k - 1]!);
  // log spacing: the first 10 steps are all kept, the last decade holds ~1/7 of the points
  assert.deepEqual(idx.slice(0, 10), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const lastDecade = idx.filter((i) => i >= 1_000_000).length;
  assert.ok(Math.abs(lastDecade - 300 / 7) < 5, `last decade has ${lastDecade}`);
});

Deno.test("logSpacedIndices keeps everything when there are few items, and checks its input", () => {
  assert.deepEqual(logSpacedIndices(3, 10), [0, 1, 2]);
  assert.deepEqual(logSpacedIndices(0, 10), []);
  assert.throws(() => logSpacedIndices(10, 1), /points must be an integer ≥ 2, got 1/);
  assert.throws(() => logSpacedIndices(-1, 5), /length must be an integer ≥ 0, got -1/);
});

Deno.test("downsampleLog thins each series separately and keeps first and last rows", () => {
  const rows = ["adam", "amsgrad"].flatMap((optimizer) =>
    Array.from({ length: 100_000 }, (_, i) => ({ optimizer, t: i + 1, regret: Math.sqrt(i + 1) }))
  );
  const thin = downsampleLog(rows, { x: "t", by: "optimizer", points: 100 });
  for (const name of ["adam", "amsgrad"]) {
    const series = thin.filter((r) => r.optimizer === name);
    assert.ok(series.length > 50 && series.length <= 101, `${name}: ${series.length} rows`);
    assert.equal(series[0]!.t, 1);
    assert.equal(series[series.length - 1]!.t, 100_000);
  }
  assert.ok(thin.every((r) => rows.includes(r)));
});

Deno.test("downsampleLog with y keeps each bin's extremes, so a spike survives", () => {
  // one large value mid-run, as when Adam's iterate jumps on the counterexample
  const rows = Array.from({ length: 50_000 }, (_, i) => ({ t: i + 1, x: i === 30_000 ? 100 : 0 }));
  const plain = downsampleLog(rows, { x: "t", points: 50 });
  const withY = downsampleLog(rows, { x: "t", points: 50, y: "x" });
  assert.ok(!plain.some((r) => r.x === 100), "first-of-bin alone misses the spike");
  assert.ok(withY.some((r) => r.x === 100));
  assert.ok(withY.length <= 3 * 50 + 1, `got ${withY.length} rows`);
});

Deno.test("downsampleLog sorts by x, keeps x ≤ 0 rows, and names a bad field", () => {
  const rows = [{ t: 3 }, { t: 0 }, { t: 1 }, { t: 2 }];
  assert.deepEqual(downsampleLog(rows, { x: "t", points: 10 }).map((r) => r.t), [0, 1, 2, 3]);
  // bins over log t in [0, log 3]: t = 1 and 2 share the first bin, so 2 goes
  assert.deepEqual(downsampleLog(rows, { x: "t", points: 2 }).map((r) => r.t), [0, 1, 3]);
  assert.throws(
    () => downsampleLog([{ t: 1 }, { t: "2" }], { x: "t" }),
    /row 1: field "t" must be a number, got 2/,
  );
});
