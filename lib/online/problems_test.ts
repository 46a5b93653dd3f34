import assert from "node:assert/strict";
import {
  bernoulli,
  figure1Online,
  figure1Stochastic,
  theorem1,
  theorem2,
  theorem3,
} from "./problems.ts";

function slopes(p: ReturnType<typeof figure1Online>, n: number): number[] {
  const g = new Float64Array(1);
  const x = new Float64Array([0.5]);
  const out: number[] = [];
  for (let t = 1; t <= n; t++) {
    p.loss(t, x, g);
    out.push(g[0]!);
  }
  return out;
}

Deno.test("figure1Online: 1010 at t = 1, 102, 203, else -10", () => {
  const s = slopes(figure1Online(), 203);
  assert.equal(s[0], 1010);
  assert.equal(s[101], 1010);
  assert.equal(s[202], 1010);
  assert.equal(s.filter((c) => c === 1010).length, 3);
  assert.equal(s.filter((c) => c === -10).length, 200);
});

Deno.test("theorem1: C at t mod 3 = 1, else -1; loss is c_t x; x* = -1", () => {
  const p = theorem1(3);
  assert.equal(p.optimum, -1);
  const g = new Float64Array(1);
  assert.equal(p.loss(1, new Float64Array([0.5]), g), 1.5);
  assert.equal(g[0], 3);
  assert.equal(p.loss(2, new Float64Array([0.5]), g), -0.5);
  assert.equal(g[0], -1);
  assert.throws(() => theorem1(2), /C > 2/);
});

Deno.test("bestFixedLoss is min over [-1, 1] of the cumulative linear loss", () => {
  const p = theorem1(3);
  const g = new Float64Array(1);
  const x = new Float64Array(1);
  p.loss(1, x, g); // S = 3
  assert.equal(p.bestFixedLoss(), -3);
  p.loss(2, x, g);
  p.loss(3, x, g); // S = 1
  assert.equal(p.bestFixedLoss(), -1);
  assert.throws(() => p.loss(5, x, g), /in order/);
});

Deno.test("stochastic problems replay the same draws after reset, and differ across seeds", () => {
  const a = slopes(figure1Stochastic(7), 5000);
  const b = slopes(figure1Stochastic(7).reset(), 5000);
  const c = slopes(figure1Stochastic(8), 5000);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  const frac = a.filter((s) => s === 1010).length / a.length;
  assert.ok(frac > 0.005 && frac < 0.015, `frequency of the large gradient ${frac}`);
});

Deno.test("theorem3: the large gradient has probability (1+delta)/(C+1), so E f = delta x", () => {
  const p = theorem3({ C: 9, delta: 0.5, seed: 1 });
  assert.equal(p.optimum, -1);
  const s = slopes(p, 20000);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  assert.ok(Math.abs(mean - 0.5) < 0.15, `mean slope ${mean}`);
});

Deno.test("theorem2 needs an even C; bernoulli needs p in (0, 1)", () => {
  assert.throws(() => theorem2(5), /even/);
  assert.throws(() => bernoulli({ p: 1, big: 1, small: -1, seed: 0 }), RangeError);
});
