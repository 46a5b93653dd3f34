/**
 * `arithmetic: "float32"`: the SIMD kernel equals its definition (`adam32`, the
 * plain loop that steps a state outside WebAssembly memory) bit for bit, for every
 * optimizer of Adam's family and every code path of the kernel; it stays close
 * to the float64 arithmetic; and what it cannot do is refused clearly.
 */
import assert from "node:assert/strict";
import { OPTIMIZERS, VARIANTS_OF } from "../optimizers/registry.ts";
import { adagrad, adam, amsgrad, padam } from "../optimizers/mod.ts";
import { Rng } from "../random/rng.ts";
import { NonFiniteGradientError } from "./errors.ts";
import { box, l2Ball } from "./projection.ts";
import { restoreState, saveState } from "./state.ts";
import { float32Unsupported } from "./_float32.ts";
import type { Optimizer, Projection, State } from "./types.ts";

/** The optimizers of the registry that run in float32 arithmetic. */
const ADAM_FAMILY = Object.keys(OPTIMIZERS).filter((name) =>
  float32Unsupported(OPTIMIZERS[name]!({}).spec) === null
);

/** Gradients with exact zeros of both signs, a coordinate always 0, large and tiny values. */
function gradients(rng: Rng, n: number, steps: number): Float32Array[] {
  return Array.from({ length: steps }, () =>
    Float32Array.from({ length: n }, (_, i) => {
      const u = rng.next();
      if (i === 2 || u < 0.05) return 0;
      if (u < 0.08) return -0;
      if (u < 0.1) return 1e3 * rng.normal();
      if (u < 0.12) return 1e-30 * rng.normal();
      return rng.normal();
    }));
}

/** The same state in ordinary arrays, outside WebAssembly memory: stepped by the plain loop. */
function outsideArena(state: State): State {
  const slots = Object.fromEntries(Object.entries(state.slots).map(([k, v]) => [k, v.slice()]));
  return { ...state, x: state.x.slice(), slots, scalars: { ...state.scalars } };
}

/** Steps the arena-backed state and a JSON copy of it (the plain loop) side by side. */
function compareKernelWithLoop(
  label: string,
  opt: Optimizer,
  x0: Float32Array,
  gs: Float32Array[],
) {
  const kernel = opt.init(x0);
  const loop = outsideArena(kernel);
  for (const g of gs) {
    opt.step(kernel, g);
    opt.step(loop, g);
  }
  assert.equal(JSON.stringify(saveState(kernel)), JSON.stringify(saveState(loop)), label);
}

Deno.test("float32 arithmetic: Adam's family is the optimizers expected", () => {
  assert.deepEqual(ADAM_FAMILY.sort(), [
    "adabound",
    "adam",
    "adamnc",
    "adamw",
    "adamx",
    "amsbound",
    "amsgrad",
    "nadam",
    "radam",
    "rmsprop",
  ]);
});

Deno.test("float32 arithmetic: the SIMD kernel = the plain loop, bit for bit, every path", () => {
  const projections: (Projection | undefined)[] = [undefined, box(-0.625, 0.75)];
  for (const name of ADAM_FAMILY) {
    for (const variant of VARIANTS_OF[name] ?? ["paper"]) {
      for (const projection of projections) {
        for (const n of [1, 3, 4, 4099]) {
          const rng = new Rng(n);
          const x0 = Float32Array.from({ length: n }, () => 0.25 * rng.normal());
          for (let i = 0; i < n; i++) x0[i] = Math.min(Math.max(x0[i]!, -0.625), 0.75);
          const opt = OPTIMIZERS[name]!({
            alpha: 0.05,
            schedule: "invsqrt",
            projection,
            arithmetic: "float32",
            ...(variant === "paper" ? {} : { variant }),
          });
          // 12 steps: RAdam's first steps skip the denominator, its later ones use it.
          compareKernelWithLoop(
            `${name} ${variant} ${projection?.name} n=${n}`,
            opt,
            x0,
            gradients(rng, n, 12),
          );
        }
      }
    }
  }
});

Deno.test("float32 arithmetic: ε = 0 and ε inside the root take the general kernel, same bits", () => {
  const rng = new Rng(11);
  const n = 4099;
  const x0 = Float32Array.from({ length: n }, () => rng.normal());
  const gs = gradients(rng, n, 6); // coordinate 2 is always 0: D_2 = 0 when ε = 0
  for (const make of [adam, amsgrad]) {
    for (const opts of [{ eps: 0 }, { epsPlacement: "inside" as const }, { eps: 1e-3 }]) {
      const opt = make({ alpha: 0.01, variant: "pytorch", arithmetic: "float32", ...opts });
      compareKernelWithLoop(`${opt.name} ${JSON.stringify(opts)}`, opt, x0, gs);
    }
  }
});

Deno.test("float32 arithmetic stays within float32 rounding of the float64 arithmetic", () => {
  const n = 5000;
  const rng = new Rng(5);
  const x0 = Float32Array.from({ length: n }, () => rng.normal());
  const gs = Array.from({ length: 50 }, () => Float32Array.from({ length: n }, () => rng.normal()));
  const run = (arithmetic: "float32" | "float64") => {
    const opt = amsgrad({ alpha: 1e-3, variant: "pytorch", arithmetic });
    const state = opt.init(x0);
    for (const g of gs) opt.step(state, g);
    return state;
  };
  const [a, b] = [run("float32"), run("float64")];
  let worst = 0;
  for (let i = 0; i < n; i++) {
    worst = Math.max(worst, Math.abs(a.x[i]! - b.x[i]!) / Math.max(1, Math.abs(b.x[i]!)));
  }
  // 50 steps of at most α = 1e-3 each, every one off by a few float32 roundings of itself.
  assert.ok(worst > 0, "float32 arithmetic should not round like float64");
  assert.ok(worst < 50 * 1e-3 * 1e-5, `x differs by ${worst}`);
});

Deno.test("float32 arithmetic: a non-finite gradient is refused and changes nothing", () => {
  const opt = amsgrad({ alpha: 0.1, arithmetic: "float32" });
  const kernel = opt.init(new Float32Array(9).fill(0.5));
  opt.step(kernel, new Float32Array(9).fill(1));
  for (const state of [kernel, outsideArena(kernel)]) {
    const before = JSON.stringify(saveState(state));
    const g = new Float32Array(9).fill(1);
    g[6] = -Infinity;
    g[8] = NaN;
    assert.throws(() => opt.step(state, g), (e: unknown) => {
      assert.ok(e instanceof NonFiniteGradientError);
      assert.equal(e.coordinate, 6);
      assert.equal(e.step, 2);
      return true;
    });
    assert.equal(JSON.stringify(saveState(state)), before);
  }
});

Deno.test("float32 arithmetic: what it cannot do is a clear error", () => {
  assert.throws(() => adagrad({ arithmetic: "float32" }), /AdaGrad.*Adam's moving averages/i);
  assert.throws(() => padam({ arithmetic: "float32" }), /denominator is not √V_t/);
  assert.throws(
    () => amsgrad({ arithmetic: "float32", projection: l2Ball(1) }),
    /l2Ball|projection/,
  );
  const perCoordinate = box(new Float64Array([-1, -1]), new Float64Array([1, 1]));
  assert.throws(
    () => amsgrad({ arithmetic: "float32", projection: perCoordinate }),
    /scalar bounds/,
  );
  // deno-lint-ignore no-explicit-any
  assert.throws(() => amsgrad({ arithmetic: "float16" as any }), /arithmetic/);
  const opt = amsgrad({ arithmetic: "float32" });
  assert.throws(() => opt.init(new Float64Array(2)), TypeError);
  assert.throws(() => opt.step(opt.init(new Float32Array(2)), new Float64Array(2)), TypeError);
});

Deno.test("float32 arithmetic: learningRate rounds as the step does", () => {
  const opt = amsgrad({ alpha: 0.1, variant: "pytorch", arithmetic: "float32" });
  const state = opt.init(new Float32Array([0, 0, 0]));
  opt.step(state, new Float32Array([3, 0, -1e-3]));
  const eta = new Float32Array(3);
  opt.learningRate(state, eta);
  const f = Math.fround;
  const vHat = state.slots.vHat!;
  const step = f(0.1 / (1 - 0.9)), s2 = f(1 / (1 - 0.999));
  for (let i = 0; i < 3; i++) {
    assert.equal(eta[i], f(step / f(f(Math.sqrt(f(s2 * vHat[i]!))) + f(1e-8))));
  }
});

Deno.test("gradientBuffer: the arena's own region for float32 arithmetic, read in place", () => {
  const opt = amsgrad({ alpha: 0.1, arithmetic: "float32" });
  const a = opt.init(new Float32Array([0.5, -0.5, 0.25]));
  const b = opt.init(new Float32Array([0.5, -0.5, 0.25]));
  const own = opt.gradientBuffer(a);
  assert.equal(opt.gradientBuffer(a), own, "the same region every time");
  own.set([1, -2, 0]);
  opt.step(a, own);
  opt.step(b, new Float32Array([1, -2, 0]));
  assert.deepEqual(saveState(a), saveState(b));
  // A restored state is in an arena of its own; a state outside any arena gets a new array.
  const restored = restoreState(saveState(a));
  assert.equal(opt.gradientBuffer(restored), opt.gradientBuffer(restored));
  const outside = outsideArena(a);
  const plain = opt.gradientBuffer(outside);
  assert.ok(plain instanceof Float32Array && plain.length === 3);
  assert.notEqual(opt.gradientBuffer(outside), plain, "a new array each time");
  // Restored, it continues bit-identically.
  const g = new Float32Array([0.5, 0.25, -1]);
  opt.step(a, g);
  opt.step(restored, g);
  assert.deepEqual(saveState(restored), saveState(a));
  assert.ok(
    amsgrad({}).gradientBuffer(amsgrad({}).init(new Float64Array(2))) instanceof Float64Array,
  );
});
