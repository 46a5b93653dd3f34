import assert from "node:assert/strict";
import { makeOptimizer } from "./generic.ts";
import { emaPhi, gradientPhi, momentumPhi, nesterovEmaPhi } from "./phi.ts";
import { emaPsi, identityPsi, infinityNormPsi, runningMaxPsi, sumOfSquaresPsi } from "./psi.ts";
import { box, l2Ball, unconstrained } from "./projection.ts";
import { stepSize } from "./schedule.ts";
import { boundedStepSize, decoupledWeightDecay } from "./transforms.ts";
import { NonFiniteGradientError, NonFiniteStateError } from "./errors.ts";
import { restoreState, saveState } from "./state.ts";
import type { MethodSpec, Optimizer, Projection, State, Vec } from "./types.ts";
import { Rng } from "../random/rng.ts";

const base = {
  alpha: stepSize(0.05, "invsqrt"),
  projection: unconstrained(),
  epsIn: 0,
  epsOut: 1e-8,
  p: 0.5,
  hooks: [],
};

/** Specs that between them take every branch of the generic step. */
function specs(projection: (n: number) => Projection) {
  const all: Record<
    "amsgrad" | "hooked" | "nadam" | "adamax" | "sgdNesterov" | "adagrad",
    (n: number) => MethodSpec
  > = {
    // AMSGrad, optax-style: corrections, max over corrected v, ε inside and outside.
    amsgrad: (n) => ({
      ...base,
      name: "amsgrad",
      phi: emaPhi({ beta1T: () => 0.9, beta1: 0.9, correction: "step" }),
      psi: runningMaxPsi(
        emaPsi({ beta2T: () => 0.99, beta2: 0.99, correction: "inside" }),
        { over: "corrected" },
      ),
      epsIn: 1e-12,
      projection: projection(n),
    }),
    // Padam-like exponent, AdaBound-like bounds and AdamW-like decay from transforms.
    hooked: (n) => ({
      ...base,
      name: "hooked",
      phi: emaPhi({ beta1T: (t) => 0.9 / t, beta1: 0.9, correction: "none" }),
      psi: runningMaxPsi(
        emaPsi({ beta2T: () => 0.999, beta2: 0.999, correction: "step" }),
        { over: "adamx", beta1T: (t) => 0.9 / t },
      ),
      p: 0.3,
      transforms: [
        boundedStepSize("bounds", (t) => 0.01 * (1 - 1 / (t + 1)), (t) => 0.01 * (1 + 1 / t)),
        decoupledWeightDecay(0.1),
      ],
      projection: projection(n),
    }),
    nadam: (n) => ({
      ...base,
      name: "nadam",
      phi: nesterovEmaPhi({ beta1: 0.9, momentumDecay: 4e-3 }),
      psi: emaPsi({ beta2T: () => 0.999, beta2: 0.999, correction: "inside" }),
      projection: projection(n),
    }),
    adamax: (n) => ({
      ...base,
      name: "adamax",
      phi: emaPhi({ beta1T: () => 0.9, beta1: 0.9, correction: "step" }),
      psi: infinityNormPsi({ beta2: 0.999, eps: 1e-8 }),
      epsOut: 0,
      projection: projection(n),
    }),
    sgdNesterov: (n) => ({
      ...base,
      name: "sgd",
      phi: momentumPhi({ mu: 0.9, dampening: 0, nesterov: true }),
      psi: identityPsi(),
      projection: projection(n),
    }),
    adagrad: (n) => ({
      ...base,
      name: "adagrad",
      phi: gradientPhi(),
      psi: sumOfSquaresPsi({ average: true }),
      projection: projection(n),
    }),
  };
  return all;
}

const projections: Record<string, (n: number) => Projection> = {
  none: () => unconstrained(),
  "scalar box": () => box(-0.3, 0.4),
  "vector box": (n) =>
    box(
      Float64Array.from({ length: n }, (_, i) => -0.1 - (i % 7) / 10),
      Float64Array.from({ length: n }, (_, i) => 0.1 + (i % 5) / 10),
    ),
};

Deno.test("tiling: 5000 coordinates at once equal each coordinate alone (at tile edges), bit for bit", () => {
  const n = 5000; // two full tiles of 2048 and a partial one
  const T = 6;
  const rng = new Rng(1);
  const x0 = Float64Array.from({ length: n }, () => rng.next() * 0.2 - 0.1);
  const gs = Array.from({ length: T }, () => Float64Array.from({ length: n }, () => rng.normal()));
  for (const [pname, projection] of Object.entries(projections)) {
    for (const [name, spec] of Object.entries(specs(projection))) {
      const wide = makeOptimizer(spec(n));
      const state = wide.init(x0);
      for (const g of gs) wide.step(state, g);
      const full = spec(n).projection!;
      for (const i of [0, 1, 2047, 2048, 2049, 4095, 4096, 4999]) {
        // The same method on coordinate i alone, with coordinate i's bounds.
        const lo = full.lo === null ? null : typeof full.lo === "number" ? full.lo : full.lo[i]!;
        const hi = full.hi === null ? null : typeof full.hi === "number" ? full.hi : full.hi[i]!;
        const one = makeOptimizer({
          ...spec(1),
          projection: lo === null || hi === null ? unconstrained() : box(lo, hi),
        });
        const s1 = one.init(x0.subarray(i, i + 1));
        for (const g of gs) one.step(s1, g.subarray(i, i + 1));
        assert.ok(Object.is(s1.x[0], state.x[i]), `${name}, ${pname}: x[${i}]`);
        for (const k of Object.keys(s1.slots)) {
          assert.ok(Object.is(s1.slots[k]![0], state.slots[k]![i]), `${name}: ${k}[${i}]`);
        }
      }
    }
  }
});

Deno.test("learningRate: 0 before the first step, then the η that the step applied", () => {
  for (const [name, spec] of Object.entries(specs(() => unconstrained()))) {
    if (name === "hooked" || name === "sgdNesterov" || name === "nadam") continue; // decay, b ≠ 0
    const opt = makeOptimizer(spec(3));
    const state = opt.init(new Float64Array([0.1, -0.2, 0.3]));
    const eta = new Float64Array(3);
    opt.learningRate(state, eta);
    assert.deepEqual(Array.from(eta), [0, 0, 0]);
    const rng = new Rng(2);
    for (let t = 0; t < 20; t++) {
      const before = state.x.slice();
      opt.step(state, Float64Array.from({ length: 3 }, () => rng.normal()));
      opt.learningRate(state, eta);
      const num = spec(3).phi.numSlot === null ? null : state.slots[spec(3).phi.numSlot!]!;
      for (let i = 0; i < 3; i++) {
        if (num === null) continue; // gradientPhi: checked through AdaGrad's formula elsewhere
        const want = before[i]! - eta[i]! * num[i]!;
        assert.ok(Math.abs(state.x[i]! - want) <= 1e-15 * Math.max(1, Math.abs(want)), name);
      }
    }
  }
});

Deno.test("learningRate between steps does not change the trajectory", () => {
  for (const [name, spec] of Object.entries(specs(() => box(-0.3, 0.4)))) {
    const a = makeOptimizer(spec(4));
    const b = makeOptimizer(spec(4));
    const sa = a.init(new Float64Array(4));
    const sb = b.init(new Float64Array(4));
    const rng = new Rng(3);
    const eta = new Float64Array(4);
    for (let t = 0; t < 30; t++) {
      const g = Float64Array.from({ length: 4 }, () => rng.normal());
      a.step(sa, g);
      b.learningRate(sb, eta);
      b.step(sb, g);
      b.learningRate(sb, eta);
    }
    assert.equal(JSON.stringify(saveState(sa)), JSON.stringify(saveState(sb)), name);
  }
});

Deno.test("two states of one optimizer do not interfere", () => {
  const opt = makeOptimizer(specs(() => unconstrained()).hooked(2));
  const alone = makeOptimizer(specs(() => unconstrained()).hooked(2));
  const s1 = opt.init(new Float64Array([0.1, 0.2]));
  const s2 = opt.init(new Float64Array([-0.3, 0.05]));
  const ref = alone.init(new Float64Array([0.1, 0.2]));
  for (let t = 1; t <= 10; t++) {
    const g = new Float64Array([Math.sin(t), Math.cos(t)]);
    opt.step(s1, g);
    opt.step(s2, new Float64Array([1, -1]));
    opt.step(s2, new Float64Array([1, -1])); // s2 runs ahead of s1
    alone.step(ref, g);
  }
  assert.equal(JSON.stringify(saveState(s1)), JSON.stringify(saveState(ref)));
});

Deno.test("init: copies x_1, allocates slots of its type with their initial values", () => {
  const opt = makeOptimizer({
    ...base,
    name: "yogi-like",
    phi: emaPhi({ beta1T: () => 0.9, beta1: 0.9, correction: "none", init: 1e-6 }),
    psi: emaPsi({ beta2T: () => 0.9, beta2: 0.9, correction: "none", init: 1e-6 }),
  });
  const x0 = new Float32Array([1, 2]);
  const state: State = opt.init(x0);
  assert.notEqual(state.x, x0);
  assert.ok(state.x instanceof Float32Array);
  assert.ok(state.slots.m instanceof Float32Array && state.slots.v instanceof Float32Array);
  assert.deepEqual(Array.from(state.slots.m!), [Math.fround(1e-6), Math.fround(1e-6)]);
  assert.equal(state.t, 0);
  opt.step(state, new Float32Array([1, 1]));
  assert.deepEqual(Array.from(x0), [1, 2], "x0 must not change");
});

Deno.test("Float32 and Float64 states follow the same method (to float32 precision)", () => {
  const spec = specs(() => l2Ball(0.5)).amsgrad(3);
  const o64 = makeOptimizer(spec);
  const o32 = makeOptimizer(spec);
  const s64 = o64.init(new Float64Array([0.1, 0.2, -0.1]));
  const s32 = o32.init(new Float32Array([0.1, 0.2, -0.1]));
  const rng = new Rng(4);
  for (let t = 0; t < 50; t++) {
    const g: number[] = [rng.normal(), rng.normal(), rng.normal()];
    o64.step(s64, Float64Array.from(g));
    o32.step(s32, Float32Array.from(g));
  }
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(s64.x[i]! - s32.x[i]!) < 1e-4);
});

Deno.test("step: a non-finite gradient is reported with its step and coordinate", () => {
  const opt: Optimizer = makeOptimizer(specs(() => unconstrained()).amsgrad(3));
  const state = opt.init(new Float64Array(3));
  opt.step(state, new Float64Array([1, 2, 3]));
  const before = JSON.stringify(saveState(state));
  const cases: [Vec, number, number][] = [
    [new Float64Array([NaN, 0, 0]), 0, NaN],
    [new Float64Array([0, 0, -Infinity]), 2, -Infinity],
    [new Float32Array([0, Infinity, NaN]), 1, Infinity],
  ];
  for (const [g, i, v] of cases) {
    assert.throws(() => opt.step(state, g), (e: unknown) => {
      assert.ok(e instanceof NonFiniteGradientError);
      assert.equal(e.name, "NonFiniteGradientError");
      assert.deepEqual([e.step, e.coordinate], [2, i]);
      assert.ok(Object.is(e.value, v));
      assert.match(e.message, new RegExp(`step 2, coordinate ${i}: ${v}`));
      assert.match(e.message, /state was left unchanged/);
      return true;
    });
  }
  assert.equal(JSON.stringify(saveState(state)), before);
});

/**
 * The Projection interface allows a scalar bound on one side and an array on the
 * other. `box()` now widens the scalar itself, but a hand-built separable
 * projection still reaches the step with mixed bounds. generic.ts `update()`
 * takes its scalar fast path when either bound is a number, which drops the
 * array side. Its slow path would read `number[i]` (undefined) and skip that
 * clamp. Reported to the owner of generic.ts; this test fails until the step
 * handles mixed bounds.
 */
Deno.test("step: a hand-built separable projection with mixed scalar/array bounds clamps both sides", () => {
  const lo = new Float64Array([-1, -2]);
  const mixed: Projection = {
    name: "mixed box",
    separable: true,
    lo,
    hi: 1,
    contains: (x) => x.every((v, i) => v >= lo[i]! && v <= 1),
  };
  const opt = makeOptimizer({
    ...base,
    name: "sgd",
    phi: gradientPhi(),
    psi: identityPsi(),
    alpha: stepSize(1),
    epsOut: 0,
    projection: mixed,
  });
  const state = opt.init(new Float64Array(2));
  opt.step(state, new Float64Array([-5, 5])); // x̂ = (5, −5) → (1, −2)
  assert.deepEqual(Array.from(state.x), [1, -2]);
});

Deno.test("a 1-D step checks its gradient like any other: refused, or undone when it overflows", () => {
  for (const Arr of [Float64Array, Float32Array]) {
    const opt = makeOptimizer(specs(() => box(-1, 1)).amsgrad(1));
    const state = opt.init(Arr.from([0.5]));
    opt.step(state, Arr.from([0.25]));
    const before = JSON.stringify(saveState(state));
    for (const bad of [NaN, Infinity, -Infinity]) {
      assert.throws(() => opt.step(state, Arr.from([bad])), NonFiniteGradientError);
    }
    // At or above the check's limit: stepped with care, and undone since g² overflows.
    const huge = Arr === Float64Array ? 2 ** 600 : 2 ** 70;
    assert.throws(() => opt.step(state, Arr.from([-huge])), NonFiniteStateError);
    assert.equal(JSON.stringify(saveState(state)), before);
    // Just below it: the ordinary step.
    opt.step(state, Arr.from([Arr === Float64Array ? 2 ** 499 : 2 ** 59]));
    assert.equal(state.t, 2);
  }
});

Deno.test("one coordinate, three equal ones and a restored state step alike, bit for bit", () => {
  const rng = new Rng(3);
  const gs = Array.from({ length: 40 }, () => (rng.next() < 0.1 ? 1010 : -10) * rng.next());
  for (const [pname, projection] of Object.entries(projections)) {
    for (const [name, spec] of Object.entries(specs(projection))) {
      // Per-coordinate bounds of length 1 or 3 alike: the first coordinate's.
      const bounded = (n: number) => {
        const p = projection(3);
        const at = (b: number | Vec | null) =>
          b === null || typeof b === "number" ? b : new Float64Array(n).fill(b[0]!);
        return p.lo === null ? p : box(at(p.lo)!, at(p.hi)!);
      };
      const one = makeOptimizer({ ...spec(1), projection: bounded(1) });
      const three = makeOptimizer({ ...spec(3), projection: bounded(3) });
      const s1 = one.init(new Float64Array([0.05]));
      const s3 = three.init(new Float64Array([0.05, 0.05, 0.05]));
      let restored = s1;
      for (const [t, g] of gs.entries()) {
        if (t === 20) restored = restoreState(JSON.parse(JSON.stringify(saveState(s1))), one);
        one.step(s1, new Float64Array([g]));
        three.step(s3, new Float64Array([g, g, g]));
        if (restored !== s1) one.step(restored, new Float64Array([g]));
      }
      for (let i = 0; i < 3; i++) {
        assert.ok(Object.is(s3.x[i], s1.x[0]), `${name}, ${pname}: x[${i}]`);
      }
      assert.ok(Object.is(restored.x[0], s1.x[0]), `${name}, ${pname}: restored`);
      assert.deepEqual(saveState(restored), saveState(s1));
    }
  }
});

Deno.test("step: the slots are checked again when the state's slots object or x's length changes", () => {
  const opt = makeOptimizer(specs(() => unconstrained()).amsgrad(2));
  const state = opt.init(new Float64Array([1, 2]));
  opt.step(state, new Float64Array([1, 1])); // checked, then remembered
  // Another slots object without "m": a TypeError, though the last one was fine.
  const slots = state.slots;
  state.slots = { v: slots.v!, vHat: slots.vHat! };
  assert.throws(() => opt.step(state, new Float64Array([1, 1])), /no slot "m"/);
  state.slots = slots;
  // The same slots object, but x of another length: caught by the length, not stepped.
  const x = state.x;
  state.x = new Float64Array([1, 2, 3]);
  assert.throws(() => opt.step(state, new Float64Array([1, 1, 1])), /no slot "m" of length 3/);
  state.x = x;
  opt.step(state, new Float64Array([1, 1]));
  assert.equal(state.t, 2);
});
