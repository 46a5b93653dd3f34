import assert from "node:assert/strict";
import { amsgrad } from "../../optimizers/mod.ts";
import { box } from "../../framework/mod.ts";
import {
  driftingGradients,
  type Moments,
  replay,
  studentSecondMoment,
  withStudentPsi,
} from "./_moments.ts";

const paperPsi = (s: Moments, g: number, b: number) => {
  s.v = b * s.v + (1 - b) * g * g;
  s.vHat = Math.max(s.vHat, s.v);
  return s.vHat;
};

Deno.test("studentSecondMoment: a correct ψ inside the generic step is the library's AMSGrad, bit for bit", () => {
  const opts = { alpha: 0.3, beta1: 0.9, beta2: 0.95, projection: box(-1, 1) };
  const lib = amsgrad(opts);
  const mine = withStudentPsi(lib, studentSecondMoment((s, g) => paperPsi(s, g, 0.95), "sqrt"), {
    epsIn: 0,
    epsOut: lib.spec.epsOut,
  });
  const a = lib.init(new Float64Array([0.5, -0.2, 0]));
  const b = mine.init(new Float64Array([0.5, -0.2, 0]));
  const gs = driftingGradients(300, 7);
  for (let k = 0; k < 100; k++) {
    const g = new Float64Array([gs[3 * k]!, gs[3 * k + 1]!, gs[3 * k + 2]!]);
    lib.step(a, g);
    mine.step(b, g);
    for (let i = 0; i < 3; i++) {
      assert.ok(Object.is(a.x[i], b.x[i]), `x[${i}] at step ${k + 1}`);
      assert.ok(Object.is(a.slots.vHat![i], b.slots.vHat![i]));
    }
  }
});

Deno.test("studentSecondMoment with root 'linear': the returned value is the denominator", () => {
  // PyTorch: denom = √v̂/√(1 − β2^t) + ε, step (α/(1 − β1^t))·m/denom.
  const lib = amsgrad({ alpha: 0.1, beta1: 0.9, beta2: 0.999, variant: "pytorch" });
  const psi = studentSecondMoment((s, g, t) => {
    s.v = 0.999 * s.v + 0.001 * g * g;
    s.vHat = Math.max(s.vHat, s.v);
    return Math.sqrt(s.vHat) / Math.sqrt(1 - 0.999 ** t) + 1e-8;
  }, "linear");
  const mine = withStudentPsi(lib, psi, { epsIn: 0, epsOut: 0 });
  const a = lib.init(new Float64Array([1]));
  const b = mine.init(new Float64Array([1]));
  for (const g of [1, -2, 0.5, 3, -1]) {
    lib.step(a, new Float64Array([g]));
    mine.step(b, new Float64Array([g]));
    assert.ok(Math.abs(a.x[0]! - b.x[0]!) < 1e-15, `${a.x[0]} vs ${b.x[0]}`);
  }
});

Deno.test("replay: m is updated before ψ (β1 = 0.9), t is 1-based, the state carries over", () => {
  const seen: [number, number, number][] = [];
  replay([2, 0], (s, g, t) => {
    seen.push([t, s.m, s.v]);
    s.v += g;
    return 0;
  }, () => {});
  assert.deepEqual(seen, [[1, 0.2, 0], [2, 0.18000000000000002, 2]]);
});

Deno.test("driftingGradients: seeded, and the scale both grows and shrinks", () => {
  assert.deepEqual(driftingGradients(50, 3), driftingGradients(50, 3));
  const g = driftingGradients(200, 2018);
  const big = g.filter((x) => Math.abs(x) > 0.3).length;
  const small = g.filter((x) => Math.abs(x) < 0.003).length;
  assert.ok(big > 10 && small > 10, `${big} large and ${small} small gradients`);
});
