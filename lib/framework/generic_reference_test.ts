/**
 * The generic step against a straightforward reference: for a few methods,
 * Algorithm 1 written out per coordinate, one loop per step, with each
 * method's scalars computed by hand from its documented formulas. The generic
 * step (tiles, fused learning rate, per-type loop copies) must agree bit for
 * bit, Float64 and Float32, at tile edges and on zero gradients.
 */
import assert from "node:assert/strict";
import { adabound } from "../optimizers/adabound.ts";
import { adagrad } from "../optimizers/adagrad.ts";
import { adam } from "../optimizers/adam.ts";
import { adamw } from "../optimizers/adamw.ts";
import { amsgrad } from "../optimizers/amsgrad.ts";
import { sgd } from "../optimizers/sgd.ts";
import { OPTIMIZERS } from "../optimizers/registry.ts";
import { makeOptimizer } from "./generic.ts";
import { saveState } from "./state.ts";
import { box, l2Ball, unconstrained } from "./projection.ts";
import type { Optimizer, Projection, Vec } from "./types.ts";
import { Rng } from "../random/rng.ts";

/** One step's scalars, in the terms of `StepScalars`, plus the running max's factors. */
interface RefScalars {
  step: number;
  s2: number;
  a: number;
  b: number;
  decay: number;
  lower: number;
  upper: number;
  kIn: number;
}

/** A method as the reference sees it. */
interface RefMethod {
  phi: "ema" | "gradient" | "momentum";
  psi: "ema" | "max" | "sum" | "identity";
  beta1: number;
  beta2: number;
  epsIn: number;
  epsOut: number;
  scalars(t: number): RefScalars;
}

const plain = { a: 1, b: 0, decay: 1, lower: -Infinity, upper: Infinity, kIn: 1 };

/** Adam/AMSGrad scalars of a variant, as `_common.ts` documents them. */
function adamScalars(
  variant: "paper" | "pytorch" | "keras" | "optax",
  alphaT: (t: number) => number,
  b1: number,
  b2: number,
) {
  return (t: number): RefScalars => {
    let c = 1;
    let s2 = 1;
    let kIn = 1;
    if (variant !== "paper") c = 1 / (1 - Math.pow(b1, t));
    const bc2 = 1 - Math.pow(b2, t);
    if (variant === "keras") c *= Math.sqrt(bc2);
    if (variant === "pytorch" || variant === "optax") s2 = 1 / bc2;
    if (variant === "optax") [kIn, s2] = [s2, 1];
    return { ...plain, step: alphaT(t) * c, s2, kIn };
  };
}

/** Runs the reference for T steps from x0; returns x and the slots, as named by the library. */
function reference(
  method: RefMethod,
  projection: Projection,
  x0: Vec,
  gs: Vec[],
): Record<string, Vec> {
  const n = x0.length;
  const like = () => (x0 instanceof Float32Array ? new Float32Array(n) : new Float64Array(n));
  const [x, m, v, vHat, w] = [x0.slice(), like(), like(), like(), like()];
  const { beta1: b1, beta2: b2 } = method;
  gs.forEach((g, k) => {
    const t = k + 1;
    const sc = method.scalars(t);
    for (let i = 0; i < n; i++) {
      const gi = g[i]!;
      if (method.phi === "ema") m[i] = b1 * m[i]! + (1 - b1) * gi;
      if (method.phi === "momentum") m[i] = t === 1 ? gi : b1 * m[i]! + 1 * gi;
      if (method.psi === "ema" || method.psi === "max") v[i] = b2 * v[i]! + (1 - b2) * gi * gi;
      if (method.psi === "sum") v[i] = v[i]! + gi * gi;
      if (method.psi === "max") {
        const cur = sc.kIn * v[i]!;
        vHat[i] = cur > vHat[i]! ? cur : vHat[i]!;
      }
      let den = 1;
      if (method.psi !== "identity") {
        den = Math.sqrt(sc.s2 * (method.psi === "max" ? vHat : v)[i]! + method.epsIn) +
          method.epsOut;
        if (den === 0) den = Infinity;
      }
      const e = sc.step / den;
      const eta = Math.min(Math.max(e, sc.lower), sc.upper);
      const num = method.phi === "gradient" ? gi : sc.a * m[i]! + sc.b * gi;
      const xi = sc.decay * x[i]! - eta * num;
      const lo = projection.lo === null ? -Infinity : at(projection.lo, i);
      const hi = projection.hi === null ? Infinity : at(projection.hi, i);
      x[i] = xi < lo ? lo : xi > hi ? hi : xi;
      w[i] = den;
    }
    if (!projection.separable) projection.project!(x, w);
  });
  const out: Record<string, Vec> = { x };
  if (method.phi === "ema") out.m = m;
  if (method.phi === "momentum") out.buf = m;
  if (method.psi === "ema" || method.psi === "max") out.v = v;
  if (method.psi === "max") out.vHat = vHat;
  if (method.psi === "sum") out.sumSq = v;
  return out;
}

const at = (b: number | Vec, i: number) => (typeof b === "number" ? b : b[i]!);

/** The methods compared: the library's optimizer and the reference's description of it. */
function cases(projection: Projection): [string, Optimizer, RefMethod][] {
  const inv = (alpha: number) => (t: number) => alpha / Math.sqrt(t);
  const constant = (alpha: number) => () => alpha;
  const ams = (
    variant: "paper" | "pytorch" | "optax",
    eps: number,
  ): [string, Optimizer, RefMethod] => [
    `AMSGrad ${variant}, eps ${eps}`,
    amsgrad({ alpha: 0.1, beta1: 0.9, beta2: 0.99, eps, schedule: "invsqrt", variant, projection }),
    {
      phi: "ema",
      psi: "max",
      beta1: 0.9,
      beta2: 0.99,
      epsIn: 0,
      epsOut: eps,
      scalars: adamScalars(variant, inv(0.1), 0.9, 0.99),
    },
  ];
  return [
    ams("paper", 1e-8),
    ams("pytorch", 1e-8),
    ams("optax", 0),
    [
      "Adam keras, eps inside",
      adam({ alpha: 0.01, beta2: 0.999, variant: "keras", epsPlacement: "inside", projection }),
      {
        phi: "ema",
        psi: "ema",
        beta1: 0.9,
        beta2: 0.999,
        epsIn: 1e-7,
        epsOut: 0,
        scalars: adamScalars("keras", constant(0.01), 0.9, 0.999),
      },
    ],
    [
      "AdamW pytorch",
      adamw({ alpha: 0.01, weightDecay: 0.1, variant: "pytorch", projection }),
      {
        phi: "ema",
        psi: "ema",
        beta1: 0.9,
        beta2: 0.999,
        epsIn: 0,
        epsOut: 1e-8,
        scalars: (t) => ({
          ...adamScalars("pytorch", constant(0.01), 0.9, 0.999)(t),
          decay: 1 - 0.01 * 0.1,
        }),
      },
    ],
    [
      "AMSBound",
      adabound({ alpha: 0.01, finalAlpha: 0.1, gamma: 1e-3, projection }),
      {
        phi: "ema",
        psi: "ema",
        beta1: 0.9,
        beta2: 0.999,
        epsIn: 0,
        epsOut: 1e-8,
        scalars: (t) => ({
          ...adamScalars("keras", constant(0.01), 0.9, 0.999)(t),
          lower: 0.1 * (1 - 1 / (1e-3 * t + 1)),
          upper: 0.1 * (1 + 1 / (1e-3 * t)),
        }),
      },
    ],
    [
      "AdaGrad paper, eps 0",
      adagrad({ alpha: 0.1, eps: 0, projection }),
      {
        phi: "gradient",
        psi: "sum",
        beta1: 0,
        beta2: 0,
        epsIn: 0,
        epsOut: 0,
        scalars: (t) => ({ ...plain, step: 0.1 / Math.sqrt(t), s2: 1 / t, a: 0, b: 1 }),
      },
    ],
    [
      "SGD with momentum",
      sgd({ alpha: 0.05, momentum: 0.9, projection }),
      {
        phi: "momentum",
        psi: "identity",
        beta1: 0.9,
        beta2: 0,
        epsIn: 0,
        epsOut: 0,
        scalars: () => ({ ...plain, step: 0.05, s2: 1 }),
      },
    ],
  ];
}

/** Gradients with exact zeros (of both signs), a coordinate that is always 0, and large values. */
function gradients(rng: Rng, n: number, T: number, f32: boolean): Vec[] {
  return Array.from({ length: T }, () => {
    const g = f32 ? new Float32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      g[i] = i === 7
        ? 0
        : u < 0.05
        ? 0
        : u < 0.08
        ? -0
        : u < 0.1
        ? 1e3 * rng.normal()
        : rng.normal();
    }
    return g;
  });
}

function compare(
  label: string,
  opt: Optimizer,
  method: RefMethod,
  p: Projection,
  x0: Vec,
  gs: Vec[],
) {
  const state = opt.init(x0);
  for (const g of gs) opt.step(state, g);
  const want = reference(method, p, x0, gs);
  for (const [name, ref] of Object.entries(want)) {
    const got = name === "x" ? state.x : state.slots[name]!;
    assert.ok(got !== undefined, `${label}: no slot ${name}`);
    for (let i = 0; i < ref.length; i++) {
      if (!Object.is(got[i], ref[i])) {
        assert.fail(`${label}: ${name}[${i}] is ${got[i]}, the reference has ${ref[i]}`);
      }
    }
  }
}

Deno.test("generic step = the per-coordinate reference, bit for bit, in one tile and in three", () => {
  for (const [n, f32] of [[300, false], [300, true], [4100, false], [4100, true]] as const) {
    const rng = new Rng(n + (f32 ? 32 : 64));
    const x0 = f32 ? new Float32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) x0[i] = 0.25 * rng.normal(); // ‖x0‖ ≈ √n/4
    const gs = gradients(rng, n, 12, f32);
    const vecBound = (base: number) =>
      Float64Array.from({ length: n }, (_, i) => base + (i % 5) / 4);
    const projections: Projection[] = [
      unconstrained(),
      box(-0.625, 0.75),
      box(vecBound(-2.25), vecBound(0.875)),
      box(-3, vecBound(-0.25)),
      l2Ball(Math.sqrt(n) / 4 + 0.5),
    ];
    for (const p of projections) {
      for (let i = 0; i < n; i++) {
        x0[i] = Math.min(Math.max(x0[i]!, at(p.lo ?? -1, i)), at(p.hi ?? 1, i));
      }
      for (const [name, opt, method] of cases(p)) {
        compare(`${name}, ${p.name}, ${f32 ? "f32" : "f64"}`, opt, method, p, x0, gs);
      }
    }
  }
});

Deno.test("generic step = the reference on the paper's 1-D online problem (2000 steps)", () => {
  const p = box(-1, 1);
  const gs = Array.from(
    { length: 2000 },
    (_, k) => new Float64Array([(k + 1) % 101 === 1 ? 1010 : -10]),
  );
  for (const [name, opt, method] of cases(p)) {
    compare(`${name}, 1-D`, opt, method, p, new Float64Array([0.5]), gs);
  }
});

Deno.test("Adam's one-call path = the block-by-block path, every optimizer of the registry", () => {
  let fused = 0;
  for (const [name, make] of Object.entries(OPTIMIZERS)) {
    const opt = make({ alpha: 0.05, schedule: "invsqrt", projection: box(-0.5, 0.75) });
    if (opt.spec.phi.movingAverage !== true || opt.spec.psi.movingAverage === undefined) continue;
    fused++;
    // The same method with φ's declaration removed takes the blocks' own loops.
    const blocks = makeOptimizer({ ...opt.spec, phi: { ...opt.spec.phi, movingAverage: false } });
    for (const [n, f32] of [[1, false], [3000, true], [3000, false]] as const) {
      const rng = new Rng(n);
      const x0 = f32 ? new Float32Array(n) : new Float64Array(n);
      for (let i = 0; i < n; i++) x0[i] = Math.min(Math.max(0.25 * rng.normal(), -0.5), 0.75);
      const gs = gradients(rng, n, 15, f32);
      const a = opt.init(x0);
      const b = blocks.init(x0);
      for (const g of gs) {
        opt.step(a, g);
        blocks.step(b, g);
      }
      assert.equal(JSON.stringify(saveState(a)), JSON.stringify(saveState(b)), `${name}, n = ${n}`);
    }
  }
  assert.ok(fused >= 8, `only ${fused} optimizers take Adam's path`);
});
