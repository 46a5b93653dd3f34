import assert from "node:assert/strict";
import { adabelief, adabound, amsgrad, padam, yogi } from "../optimizers/mod.ts";
import { makeOptimizer, prepare } from "./generic.ts";
import { emaPhi } from "./phi.ts";
import { emaPsi, runningMaxPsi } from "./psi.ts";
import { newScalars } from "./scalars.ts";
import { stepSize } from "./schedule.ts";
import {
  boundedStepSize,
  decoupledWeightDecay,
  l2WeightDecay,
  rectification,
} from "./transforms.ts";
import type { Optimizer, Transform } from "./types.ts";

const phi = emaPhi({ beta1T: () => 0.9, beta1: 0.9, correction: "step" });
const psi = emaPsi({ beta2T: () => 0.999, beta2: 0.999, correction: "step" });

function scalarsWith(transforms: Transform[], t = 3) {
  const s = newScalars();
  prepare(
    { name: "t", phi, psi, alpha: () => 0.1, transforms },
    { t: 0, x: new Float64Array(1), slots: {}, scalars: {} },
    s,
    t,
  );
  return s;
}

Deno.test("transforms combine by one rule, whatever their order", () => {
  const all = [
    decoupledWeightDecay(0.1),
    boundedStepSize("a", () => 0.01, () => 0.5),
    boundedStepSize("b", () => 0.02, () => 0.3),
    decoupledWeightDecay(0.2),
    l2WeightDecay(0.5),
    l2WeightDecay(0.25),
  ];
  const s = scalarsWith(all);
  const r = scalarsWith([...all].reverse());
  for (const k of ["lower", "upper", "decay", "l2", "c", "adaptive"] as const) {
    assert.equal(s[k], r[k], k);
  }
  assert.equal(s.lower, 0.02); // the tighter bounds
  assert.equal(s.upper, 0.3);
  assert.equal(s.decay, (1 - 0.1 * 0.1) * (1 - 0.1 * 0.2));
  assert.equal(s.l2, 0.75);
  // φ's and ψ's corrections are factors of c, and a transform's c multiplies them.
  const bc1 = 1 - 0.9 ** 3, bc2 = 1 - 0.999 ** 3;
  assert.equal(scalarsWith([]).c, (1 / bc1) * Math.sqrt(bc2));
  const rect = scalarsWith([rectification({ beta1: 0.9, beta2: 0.999, corrections: false })], 3);
  assert.equal(rect.adaptive, false);
  assert.equal(rect.c, (1 / bc1) * Math.sqrt(bc2)); // r_t's fallback factor is 1
});

Deno.test("a recipe needs only name, φ, ψ (and α, F): the rest has defaults", () => {
  const byHand = makeOptimizer({
    name: "AMSGrad by hand",
    phi: emaPhi({ beta1T: () => 0.9, beta1: 0.9, correction: "none" }),
    psi: runningMaxPsi(emaPsi({ beta2T: () => 0.99, beta2: 0.99, correction: "none" }), {
      over: "raw",
    }),
    alpha: stepSize(0.5, "invsqrt"),
  });
  const lib = amsgrad({ alpha: 0.5, schedule: "invsqrt", beta1: 0.9, beta2: 0.99 });
  const a = byHand.init(new Float64Array([0.3])), b = lib.init(new Float64Array([0.3]));
  for (let t = 1; t <= 200; t++) {
    const g = new Float64Array([Math.sin(t) * 3]);
    byHand.step(a, g);
    lib.step(b, g);
  }
  assert.ok(Object.is(a.x[0], b.x[0]));
  assert.equal(byHand.spec.epsOut, 1e-8);
  assert.deepEqual(byHand.spec.transforms, []);
  assert.throws(
    () => makeOptimizer({ ...lib.spec, hooks: [(() => {}) as never] }),
    /hooks were replaced by named transforms/,
  );
});

Deno.test('arithmetic "auto": float32 for a Float32Array state where the method allows it', () => {
  const auto = amsgrad({ alpha: 0.1, arithmetic: "auto" });
  const f32 = amsgrad({ alpha: 0.1, arithmetic: "float32" });
  const f64 = amsgrad({ alpha: 0.1 });
  const run = (opt: Optimizer, x: Float32Array | Float64Array) => {
    const s = opt.init(x);
    for (let t = 1; t <= 20; t++) opt.step(s, x.map((_, i) => Math.cos(t + i)) as typeof x);
    return Array.from(s.x);
  };
  const x32 = Float32Array.from([0.1, 0.2, 0.3, 0.4, 0.5]);
  assert.deepEqual(run(auto, x32), run(f32, x32));
  assert.notDeepEqual(run(auto, x32), run(f64, x32));
  const x64 = Float64Array.from(x32);
  assert.deepEqual(run(auto, x64), run(f64, x64)); // no float32 for a Float64Array
  // A method outside Adam's family is float64 under "auto", for any state.
  const y = yogi({ arithmetic: "auto" });
  assert.deepEqual(run(y, x32), run(yogi(), x32));
  assert.throws(() => yogi({ arithmetic: "float32" }), /needs Adam's family/);
});

/** `opt` against the same method without weight decay, fed g + λx (L2) or started from (1 − αλ)x. */
function checkDecay(
  withDecay: Optimizer,
  without: Optimizer,
  lambda: number,
  kind: "l2" | "decoupled",
  alpha: number,
) {
  const a = withDecay.init(Float64Array.from([1, -2, 3]));
  const b = without.init(Float64Array.from([1, -2, 3]));
  for (let t = 1; t <= 30; t++) {
    const g = Float64Array.from([Math.sin(t), Math.cos(t), 0.1 * t]);
    if (kind === "l2") {
      const gw = g.map((gi, i) => gi + lambda * b.x[i]!);
      withDecay.step(a, g);
      without.step(b, gw);
    } else {
      for (let i = 0; i < 3; i++) b.x[i] = (1 - alpha * lambda) * b.x[i]!;
      withDecay.step(a, g);
      without.step(b, g);
    }
    assert.deepEqual(Array.from(a.x), Array.from(b.x), `${withDecay.name} ${kind} step ${t}`);
  }
}

Deno.test("weight decay where the authors offer it: L2 or decoupled, as documented", () => {
  const alpha = 0.01, lambda = 0.3;
  checkDecay(adabound({ alpha, weightDecay: lambda }), adabound({ alpha }), lambda, "l2", alpha);
  checkDecay(padam({ alpha, weightDecay: lambda }), padam({ alpha }), lambda, "l2", alpha);
  checkDecay(yogi({ alpha, weightDecay: lambda }), yogi({ alpha }), lambda, "l2", alpha);
  checkDecay(
    adabelief({ alpha, weightDecay: lambda }),
    adabelief({ alpha }),
    lambda,
    "decoupled",
    alpha,
  );
  checkDecay(
    adabelief({ alpha, weightDecay: lambda, decoupled: false }),
    adabelief({ alpha }),
    lambda,
    "l2",
    alpha,
  );
  checkDecay(
    adabound({ alpha, weightDecay: lambda, decoupled: true }),
    adabound({ alpha }),
    lambda,
    "decoupled",
    alpha,
  );
  assert.throws(() => yogi({ weightDecay: -1 }), /weightDecay must be a finite number ≥ 0/);
  assert.throws(() => adabelief({ fixedDecay: true, decoupled: false }), /fixedDecay needs/);
});

Deno.test("AdaBelief rectify: momentum SGD while ρ_t ≤ 4, then the rectified step", () => {
  const alpha = 0.1, b1 = 0.9, b2 = 0.999;
  const opt = adabelief({ alpha, rectify: true });
  const plain = adabelief({ alpha });
  const state = opt.init(new Float64Array([1]));
  const ref = plain.init(new Float64Array([1]));
  let m = 0, x = 1;
  const rhoInf = 2 / (1 - b2) - 1;
  let rectified = 0;
  for (let t = 1; t <= 12; t++) {
    const g = new Float64Array([t % 2 ? 1 : -0.5]);
    const [x0, r0] = [state.x[0]!, ref.x[0]!];
    opt.step(state, g);
    plain.step(ref, g);
    m = b1 * m + (1 - b1) * g[0]!;
    const rho = rhoInf - (2 * t * b2 ** t) / (1 - b2 ** t);
    if (rho <= 4) {
      x = x - (alpha * m) / (1 - b1 ** t);
      assert.ok(Math.abs(state.x[0]! - x) < 1e-15, `step ${t}: SGD`);
    } else {
      // m_t and s_t do not depend on x: the step is the unrectified one times r_t.
      const r = Math.sqrt(((rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho));
      const want = r * (ref.x[0]! - r0);
      assert.ok(Math.abs(state.x[0]! - x0 - want) <= 1e-13 * Math.abs(want) + 1e-15, `step ${t}`);
      rectified++;
    }
    x = state.x[0]!;
  }
  assert.ok(rectified >= 6, `${rectified} rectified steps`);
});

Deno.test("L2 weight decay in float32 arithmetic: the kernel sees fround(g + fround(λ·x))", () => {
  const lambda = 0.3;
  const a = adabound({ alpha: 0.01, weightDecay: lambda, arithmetic: "float32" });
  const b = adabound({ alpha: 0.01, arithmetic: "float32" });
  const sa = a.init(Float32Array.from([1, -2, 3, 4, 5]));
  const sb = b.init(Float32Array.from([1, -2, 3, 4, 5]));
  const f = Math.fround, l = f(lambda);
  for (let t = 1; t <= 10; t++) {
    const g = Float32Array.from([1, 2, 3, 4, 5], (i) => Math.sin(t * i));
    const gw = g.map((gi, i) => f(gi + f(l * sb.x[i]!)));
    a.step(sa, g);
    b.step(sb, gw);
    assert.deepEqual(Array.from(sa.x), Array.from(sb.x), `step ${t}`);
  }
});
