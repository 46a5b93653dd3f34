import assert from "node:assert/strict";
import { meanInterval } from "./interval.ts";
import { pairedDifference } from "./paired.ts";
import { verdictOf } from "./verdict.ts";
import { meanBand } from "./band.ts";
import { robustness } from "./robustness.ts";

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) < tol, `${a} ≠ ${b}`);

Deno.test("meanInterval: a sample worked by hand (n = 5, t = 2.776)", () => {
  // 2, 4, 4, 4, 6: mean 4, s² = (4 + 0 + 0 + 0 + 4)/4 = 2, half-width 2.7764·√2/√5.
  const m = meanInterval([2, 4, 4, 4, 6]);
  close(m.mean, 4);
  close(m.sd, Math.SQRT2);
  close(m.hi - m.mean, 2.776445 * Math.SQRT2 / Math.sqrt(5), 1e-5);
  close(m.mean - m.lo, m.hi - m.mean);
  assert.throws(() => meanInterval([1]), /at least 2/);
  assert.throws(() => meanInterval([1, NaN]), /finite/);
});

Deno.test("pairedDifference: pairing removes a shared seed effect the unpaired spread hides", () => {
  // Each seed shifts both methods by the same large amount; A is lower by 0.01 ± 0.001.
  const shift = [0, 0.5, -0.4, 0.3, 0.2];
  const a = shift.map((s, i) => 1 + s - 0.01 + (i % 2 ? 0.001 : -0.001));
  const b = shift.map((s) => 1 + s);
  const d = pairedDifference(a, b);
  close(d.mean, -0.01 + 0.001 * (2 - 3) / 5);
  assert.ok(d.hi < 0, `paired interval [${d.lo}, ${d.hi}] excludes 0`);
  assert.deepEqual([d.below, d.above, d.equal], [5, 0, 0]);
  const unpaired = meanInterval(a).hi - meanInterval(b).lo;
  assert.ok(unpaired > 0, "separately, the two intervals overlap");
  assert.throws(() => pairedDifference([1, 2], [1]), /equal lengths/);
});

Deno.test("verdictOf: each verdict on constructed intervals, in both directions", () => {
  assert.equal(verdictOf({ lo: -2, hi: -1 }, "negative"), "agrees");
  assert.equal(verdictOf({ lo: 1, hi: 2 }, "negative"), "differs");
  assert.equal(verdictOf({ lo: -1, hi: 1 }, "negative"), "inconclusive");
  assert.equal(verdictOf({ lo: 0, hi: 1 }, "positive"), "inconclusive");
  assert.equal(verdictOf({ lo: 1, hi: 2 }, "positive"), "agrees");
  assert.equal(verdictOf({ lo: -2, hi: -1 }, "positive"), "differs");
  assert.throws(() => verdictOf({ lo: 1, hi: 0 }, "negative"), /lo ≤ hi/);
  // End to end: seeds where A is consistently lower agree; a coin-flip sample is inconclusive.
  const lower = pairedDifference([0.9, 1.9, 2.9, 3.9, 4.9], [1, 2, 3, 4, 5]);
  assert.equal(verdictOf(lower, "negative"), "agrees");
  const mixed = pairedDifference([1.1, 1.9, 3.1, 3.9, 5], [1, 2, 3, 4, 5]);
  assert.equal(verdictOf(mixed, "negative"), "inconclusive");
});

Deno.test("meanBand: mean and t band per x; short (diverged) curves drop out; x grids must agree", () => {
  const c = (ys: number[]) => ys.map((y, i) => ({ x: 10 * (i + 1), y }));
  const band = meanBand([c([1, 2, 3]), c([3, 4]), c([2, 3, 4])]);
  assert.deepEqual(band.map((p) => [p.x, p.mean, p.n]), [[10, 2, 3], [20, 3, 3], [30, 3.5, 2]]);
  close(band[0]!.hi - 2, 4.302653 / Math.sqrt(3), 1e-5); // s = 1, n = 3
  assert.throws(() => meanBand([c([1]), [{ x: 5, y: 1 }]]), /disagree/);
});

Deno.test("robustness: ratios against the best cell of both methods, within 10%, wins", () => {
  const cells = [
    { optimizer: "amsgrad", alpha: 0.01, beta2: 0.99, loss: 1.2 },
    { optimizer: "amsgrad", alpha: 0.1, beta2: 0.99, loss: 1.0 },
    { optimizer: "amsgrad", alpha: 1, beta2: 0.99, loss: 1.08 },
    { optimizer: "adam", alpha: 0.01, beta2: 0.99, loss: 1.1 },
    { optimizer: "adam", alpha: 0.1, beta2: 0.99, loss: 1.0 },
    { optimizer: "adam", alpha: 1, beta2: 0.99, loss: NaN },
  ];
  const r = robustness(cells, "amsgrad", "adam");
  assert.equal(r.best, 1);
  close(r.a.medianRatio, 1.08);
  close(r.a.worstRatio, 1.2);
  close(r.a.withinTenPercent, 2 / 3);
  close(r.b.medianRatio, 1.1);
  assert.equal(r.b.worstRatio, Infinity);
  close(r.b.withinTenPercent, 2 / 3);
  assert.deepEqual([r.a.wins, r.b.wins, r.ties], [1, 1, 1]);
  assert.throws(() => robustness(cells.slice(0, 5), "amsgrad", "adam"), /same/);
});
