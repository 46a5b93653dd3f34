/**
 * The scalars a recipe fixes for its lifetime (φ's and ψ's `fixed`, and the
 * neutral transforms of a recipe without any): declared truthfully, and set
 * once and folded into the loops without changing a bit of any trajectory.
 */
import assert from "node:assert/strict";
import { OPTIMIZERS, VARIANTS_OF } from "../optimizers/registry.ts";
import { adabound } from "../optimizers/adabound.ts";
import { adamw } from "../optimizers/adamw.ts";
import { amsgrad } from "../optimizers/amsgrad.ts";
import { padam } from "../optimizers/padam.ts";
import { sgd } from "../optimizers/sgd.ts";
import { makeOptimizer, newScalars, prepare, resolve } from "./generic.ts";
import { loopCode, runner } from "./_kernels.ts";
import { fixLifetime, scheduleOf } from "./scalars.ts";
import { fixScalars, SCALARS } from "./_update.ts";
import { box, l2Ball, unconstrained } from "./projection.ts";
import { restoreState, saveState } from "./state.ts";
import type {
  MethodSpec,
  Optimizer,
  PhiScalars,
  Projection,
  PsiScalars,
  State,
  Vec,
} from "./types.ts";
import { Rng } from "../random/rng.ts";

/** Every registered optimizer, in each of its variants. */
function everyMethod(opts: Record<string, unknown> = {}): Optimizer[] {
  return Object.entries(OPTIMIZERS).flatMap(([name, make]) =>
    (VARIANTS_OF[name] ?? [undefined]).map((variant) =>
      make(variant === undefined ? opts : { ...opts, variant })
    )
  );
}

/** The methods with schedules, weight decay, bounds and momentum besides the defaults. */
function recipes(projection: () => Projection): Optimizer[] {
  const p = { projection: projection() };
  return [
    ...everyMethod(p),
    amsgrad({ ...p, alpha: 0.5, beta2: 0.99, schedule: "invsqrt" }),
    amsgrad({ ...p, beta1Schedule: "inverse" }),
    amsgrad({ ...p, epsPlacement: "inside" }),
    adamw({ ...p, weightDecay: 0.1 }),
    adabound({ ...p, alpha: 0.01 }),
    sgd({ ...p, alpha: 0.1, momentum: 0.9 }),
    sgd({ ...p, alpha: 0.1, momentum: 0.9, nesterov: true }),
    padam({ ...p, weightDecay: 0.01, decoupled: false }),
  ];
}

/**
 * The same recipe with nothing fixed for its lifetime: φ and ψ declare
 * nothing, and a transform that contributes nothing keeps the decay and η's
 * bounds in the scalars of every step, so its loops test the plain facts each step.
 */
function unfixed(spec: MethodSpec): MethodSpec {
  return {
    ...spec,
    // A prepare of its own carries no schedule (see `beta1Prepare`).
    phi: { ...spec.phi, fixed: undefined, prepare: (st, s) => spec.phi.prepare(st, s) },
    psi: { ...spec.psi, fixed: undefined, prepare: (st, s) => spec.psi.prepare(st, s) },
    transforms: [...(spec.transforms ?? []), { name: "nothing", prepare() {} }],
  };
}

const same = (a: State, b: State) => JSON.stringify(saveState(a)) === JSON.stringify(saveState(b));

Deno.test("φ's and ψ's fixed scalars are what their prepare gives at every step", () => {
  for (const opt of everyMethod({ schedule: "invsqrt" })) {
    const { phi, psi } = opt.spec;
    const state: State = { t: 0, x: new Float64Array(1), slots: {}, scalars: {} };
    for (let t = 1; t <= 30; t++) {
      const ph: PhiScalars = { t, beta1T: 0, a: 1, b: 0, c: 1 };
      const ps: PsiScalars = { t, beta2T: 0, s2: 1, c: 1, maxIn: 1, maxPrev: 1 };
      phi.prepare(state, ph);
      psi.prepare(state, ps);
      if (phi.fixed !== undefined) {
        assert.deepEqual([ph.a, ph.b], [phi.fixed.a, phi.fixed.b], `${opt.name} φ at t = ${t}`);
      }
      if (psi.fixed !== undefined) {
        assert.deepEqual(
          [ps.s2, ps.maxIn, ps.maxPrev],
          [psi.fixed.s2, psi.fixed.maxIn, psi.fixed.maxPrev],
          `${opt.name} ψ at t = ${t}`,
        );
      }
    }
  }
});

Deno.test("a prepare that carries a schedule only sets β_t from it", () => {
  let scheduled = 0;
  const methods = [...everyMethod({ schedule: "invsqrt" }), amsgrad({ beta1Schedule: "inverse" })];
  for (const opt of methods) {
    const { phi, psi } = opt.spec;
    const state: State = { t: 0, x: new Float64Array(1), slots: {}, scalars: {} };
    const beta1T = scheduleOf(phi.prepare), beta2T = scheduleOf(psi.prepare);
    scheduled += +(beta1T !== undefined) + +(beta2T !== undefined);
    for (let t = 1; t <= 30; t++) {
      const ph: PhiScalars = { t, beta1T: 0, a: 1, b: 0, c: 1 };
      const ps: PsiScalars = { t, beta2T: 0, s2: 1, c: 1, maxIn: 1, maxPrev: 1 };
      if (beta1T !== undefined) {
        phi.prepare(state, ph);
        assert.deepEqual(ph, { t, beta1T: beta1T(t), a: 1, b: 0, c: 1 }, `${opt.name} φ`);
      }
      if (beta2T !== undefined) {
        psi.prepare(state, ps);
        assert.deepEqual(ps, { t, beta2T: beta2T(t), s2: 1, c: 1, maxIn: 1, maxPrev: 1 }, opt.name);
      }
    }
  }
  assert.ok(scheduled > 4, "the paper's variants carry their schedules");
  assert.equal(scheduleOf(unfixed(amsgrad().spec).phi.prepare), undefined);
});

Deno.test("the paper's AMSGrad fixes a, b, s2, the max's factors, the decay and η's bounds", () => {
  const spec = amsgrad().spec;
  const S = new Float64Array(SCALARS.length);
  fixScalars(S, { epsIn: 0, epsOut: 1e-8, lo: -Infinity, hi: Infinity, p: 0.5 });
  assert.deepEqual(fixLifetime(spec, S), [
    "A",
    "B",
    "S2",
    "KIN",
    "KPREV",
    "DECAY",
    "LOWER",
    "UPPER",
  ]);
  assert.deepEqual(fixLifetime(unfixed(spec) as typeof spec, S), []);
  // PyTorch's correction inside the root varies s2; AdamW's decay varies with α_t.
  assert.deepEqual(fixLifetime(amsgrad({ variant: "pytorch" }).spec, S), [
    "A",
    "B",
    "DECAY",
    "LOWER",
    "UPPER",
  ]);
  assert.deepEqual(fixLifetime(adamw({ weightDecay: 0.1 }).spec, S), [
    "A",
    "B",
    "S2",
    "KIN",
    "KPREV",
  ]);
});

Deno.test("the paper's AMSGrad without transforms runs its folded loop with no test per step", () => {
  const code = loopCode("adam", { hasMax: true, useDen: true }, false, false);
  const record = (spec: MethodSpec) => {
    const S = new Float64Array(SCALARS.length);
    fixScalars(S, { epsIn: 0, epsOut: 1e-8, lo: -1, hi: 1, p: 0.5 });
    return { S, lifetime: fixLifetime(resolve(spec), S) };
  };
  const paper = record(amsgrad().spec);
  // A generated loop is `kernel`; the choice between two of them, `run` (see `dispatch`).
  assert.equal(runner(code, paper.S, paper.lifetime).name, "kernel");
  const pytorch = record(amsgrad({ variant: "pytorch" }).spec); // KIN, KPREV tested each step
  assert.equal(runner(code, pytorch.S, pytorch.lifetime).name, "run");
  const general = record(unfixed(amsgrad().spec));
  assert.equal(runner(code, general.S, general.lifetime).name, "run");
});

Deno.test("prepare: the scalars of a step by name, fixed ones included", () => {
  const s = newScalars();
  prepare(
    { ...sgd({ alpha: 0.1, momentum: 0.9, nesterov: true }).spec },
    {
      t: 0,
      x: new Float64Array(1),
      slots: {},
      scalars: {},
    },
    s,
    2,
  );
  assert.deepEqual([s.t, s.alphaT, s.a, s.b, s.beta1T, s.s2, s.maxIn], [2, 0.1, 0.9, 1, 0.9, 1, 1]);
  // A stale record is reset: the transforms' neutral values come back.
  Object.assign(s, { decay: 0.5, lower: 1, upper: 2, l2: 3, adaptive: false });
  prepare(amsgrad().spec, { t: 0, x: new Float64Array(1), slots: {}, scalars: {} }, s, 1);
  assert.deepEqual([s.decay, s.lower, s.upper, s.l2, s.adaptive], [
    1,
    -Infinity,
    Infinity,
    0,
    true,
  ]);
});

const projections: Record<string, (n: number) => Projection> = {
  "ℝ^d": () => unconstrained(),
  "box": () => box(-1, 1),
  "box per coordinate": (n) =>
    box(new Float64Array(n).fill(-0.5), Float64Array.from({ length: n }, (_, i) => 1 + i)),
  "ℓ2 ball": () => l2Ball(0.8),
};

Deno.test("the lifetime folds change no bit: against the same recipe with nothing fixed", () => {
  const rng = new Rng(11);
  for (const n of [1, 3]) {
    const gs = Array.from(
      { length: 60 },
      () => Array.from({ length: n }, () => (rng.next() < 0.1 ? 1010 : -10) * (rng.next() - 0.3)),
    );
    for (const [pname, projection] of Object.entries(projections)) {
      for (const Arr of [Float64Array, Float32Array]) {
        for (const fast of recipes(() => projection(n))) {
          const general = makeOptimizer(unfixed(fast.spec));
          const what = `${fast.name} (${pname}, ${Arr.name}, n = ${n})`;
          const a = fast.init(new Arr(n).fill(0.3));
          const b = general.init(new Arr(n).fill(0.3));
          let restored: State | null = null;
          for (const [t, g] of gs.entries()) {
            if (t === 30) restored = restoreState(JSON.parse(JSON.stringify(saveState(a))), fast);
            fast.step(a, Arr.from(g));
            general.step(b, Arr.from(g));
            if (restored !== null) fast.step(restored, Arr.from(g));
          }
          assert.ok(same(a, b), what);
          assert.ok(restored !== null && same(restored, a), `${what}, restored`);
          const ea = new Arr(n) as Vec, eb = new Arr(n) as Vec;
          fast.learningRate(a, ea);
          general.learningRate(b, eb);
          assert.deepEqual(ea, eb, `${what}, learningRate`);
        }
      }
    }
  }
});

Deno.test("float32 arithmetic on ordinary Float32Arrays: the folded plain loop = nothing fixed", () => {
  const rng = new Rng(5);
  for (const variant of ["paper", "pytorch"] as const) {
    const fast = amsgrad({ alpha: 0.1, variant, arithmetic: "float32" });
    const general = makeOptimizer(unfixed(fast.spec));
    // Ordinary Float32Arrays, not the WebAssembly memory `init` gives.
    const fresh = (): State => ({
      t: 0,
      x: Float32Array.from([0.5, -0.25, 1]),
      slots: { m: new Float32Array(3), v: new Float32Array(3), vHat: new Float32Array(3) },
      scalars: {},
    });
    const a = fresh(), b = fresh();
    for (let t = 0; t < 40; t++) {
      const g = Float32Array.from([rng.next() - 0.5, 10 * rng.next(), -rng.next()]);
      fast.step(a, g);
      general.step(b, g);
    }
    assert.ok(same(a, b), variant);
  }
});
