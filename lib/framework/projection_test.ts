import assert from "node:assert/strict";
import fc from "fast-check";
import { box, l2Ball, unconstrained } from "./projection.ts";
import { makeOptimizer } from "./generic.ts";
import { gradientPhi } from "./phi.ts";
import { identityPsi, sumOfSquaresPsi } from "./psi.ts";
import { stepSize } from "./schedule.ts";
import type { Optimizer, Projection } from "./types.ts";

/**
 * x_{t+1} = Π_F(x_t − α g_t/D_t) from the framework alone (lib/framework imports
 * nothing above it): D = 1 (SGD), or D = √(Σg²) + ε (AdaGrad, PyTorch's form).
 */
function sgd(o: { alpha?: number; projection?: Projection } = {}): Optimizer {
  return makeOptimizer({
    name: "SGD",
    phi: gradientPhi(),
    psi: identityPsi(),
    alpha: stepSize(o.alpha ?? 1),
    projection: o.projection ?? unconstrained(),
    epsIn: 0,
    epsOut: 0,
    p: 0.5,
    hooks: [],
  });
}
function adagrad(o: { alpha: number; eps: number; projection: Projection }): Optimizer {
  return makeOptimizer({
    ...sgd(o).spec,
    name: "AdaGrad",
    psi: sumOfSquaresPsi({ average: false }),
    epsOut: o.eps,
  });
}

/** Σ w_i (x_i − y_i)², the objective of Π_{F,A} with A = diag(w). */
function weightedDistSq(x: Float64Array, y: Float64Array, w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += w[i]! * (x[i]! - y[i]!) ** 2;
  return s;
}

const norm = (x: ArrayLike<number>) => Math.sqrt(Array.from(x).reduce((s, v) => s + v * v, 0));

const vec = (d: number, min: number, max: number) =>
  fc.array(fc.double({ min, max, noNaN: true }), { minLength: d, maxLength: d })
    .map((a) => Float64Array.from(a));

/** A point y outside the ball of radius r, positive weights w, both of dimension 1..8. */
const outsideBall = fc.integer({ min: 1, max: 8 }).chain((d) =>
  fc.record({
    r: fc.double({ min: 0.1, max: 10, noNaN: true }),
    y: vec(d, -100, 100),
    w: vec(d, 1e-3, 1e3),
  })
).filter(({ r, y }) => norm(y) > r * (1 + 1e-9));

Deno.test("l2Ball: the weighted projection satisfies the KKT conditions", () => {
  // min Σ w_i (x_i − y_i)² s.t. ‖x‖² ≤ r². For ‖y‖ > r the constraint is active,
  // and stationarity 2w_i(x_i − y_i) + 2λx_i = 0 needs one λ ≥ 0 for every i:
  // λ = w_i (y_i − x_i)/x_i. Primal feasibility is ‖x‖ = r.
  fc.assert(
    fc.property(outsideBall, ({ r, y, w }) => {
      const x = y.slice();
      l2Ball(r).project!(x, w);
      assert.ok(Math.abs(norm(x) - r) <= 1e-12 * r, `‖x‖ = ${norm(x)}, r = ${r}`);
      const lambdas: number[] = [];
      for (let i = 0; i < x.length; i++) {
        // Same sign as y_i, and no larger: the projection shrinks each coordinate.
        assert.ok(x[i]! * y[i]! >= 0 && Math.abs(x[i]!) <= Math.abs(y[i]!));
        if (Math.abs(x[i]!) > 1e-9 * r) lambdas.push((w[i]! * (y[i]! - x[i]!)) / x[i]!);
      }
      const lo = Math.min(...lambdas);
      const hi = Math.max(...lambdas);
      assert.ok(lo >= -1e-9 * Math.max(1, hi), `λ = ${lo} < 0`);
      assert.ok(hi - lo <= 1e-7 * Math.max(1, hi), `λ varies: ${lo} .. ${hi}`);
    }),
    { seed: 1, numRuns: 300 },
  );
});

Deno.test("l2Ball: no feasible point is closer in the weighted norm", () => {
  fc.assert(
    fc.property(
      outsideBall,
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
      ({ r, y, w }, dir) => {
        const x = y.slice();
        l2Ball(r).project!(x, w);
        // A competitor z on the sphere, near x or anywhere.
        const z = Float64Array.from(x, (xi, i) => xi + dir[i]! * r);
        const nz = norm(z);
        if (nz === 0) return;
        for (let i = 0; i < z.length; i++) z[i] = (z[i]! * r) / nz;
        const fx = weightedDistSq(x, y, w);
        assert.ok(fx <= weightedDistSq(z, y, w) * (1 + 1e-12) + 1e-12, "found a closer point");
      },
    ),
    { seed: 2, numRuns: 300 },
  );
});

Deno.test("l2Ball: with equal weights it is the Euclidean projection y·r/‖y‖", () => {
  fc.assert(
    fc.property(outsideBall, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (p, c) => {
      const x = p.y.slice();
      l2Ball(p.r).project!(x, new Float64Array(x.length).fill(c));
      const n = norm(p.y);
      for (let i = 0; i < x.length; i++) {
        assert.ok(Math.abs(x[i]! - (p.y[i]! * p.r) / n) <= 1e-12 * p.r);
      }
    }),
    { seed: 3, numRuns: 300 },
  );
});

Deno.test("l2Ball: unequal weights are not silently the Euclidean projection", () => {
  // y = (2, 2), r = 1, w = (1, 100): the heavy coordinate moves less.
  const x = new Float64Array([2, 2]);
  l2Ball(1).project!(x, new Float64Array([1, 100]));
  assert.ok(x[1]! > x[0]! + 0.5, `expected x_2 ≫ x_1, got ${x}`);
  assert.ok(Math.abs(norm(x) - 1) < 1e-12);
});

Deno.test("l2Ball: a point inside is left alone; an infinite weight pins its coordinate", () => {
  const inside = new Float64Array([0.3, -0.4]);
  l2Ball(1).project!(inside, new Float64Array([5, 7]));
  assert.deepEqual(Array.from(inside), [0.3, -0.4]);
  // D_i = ∞ marks a coordinate that has seen no gradient (and ε = 0): it must not
  // become NaN, and the others absorb the whole projection.
  const y = new Float64Array([0.6, 3]);
  l2Ball(1).project!(y, new Float64Array([Infinity, 2]));
  assert.equal(y[0], 0.6);
  assert.ok(Math.abs(y[1]! - 0.8) < 1e-12, `got ${y[1]}`);
});

Deno.test("l2Ball: zero gradient on one coordinate with ε = 0 keeps x finite and in F", () => {
  // AdaGrad (PyTorch form, ε = 0): D = (√9, √0) = (3, 0), so D_2 = 0 and its weight is ∞.
  const opt = adagrad({ alpha: 1, eps: 0, projection: l2Ball(1) });
  const state = opt.init(new Float64Array([0.5, 0]));
  opt.step(state, new Float64Array([-3, 0])); // x̂ = (0.5 + 3/3, 0) = (1.5, 0)
  assert.ok(Math.abs(state.x[0]! - 1) < 1e-12, `x = ${state.x}`);
  assert.equal(state.x[1], 0);
});

Deno.test("l2Ball: radius must be a finite number > 0", () => {
  for (const r of [0, -1, NaN, Infinity]) {
    assert.throws(() => l2Ball(r), { name: "RangeError", message: /radius must be .*> 0/ });
  }
});

Deno.test("box: the step clips coordinate-wise for scalar, vector and mixed bounds", () => {
  const g = new Float64Array([-5, 5, 0.25]);
  const cases = [
    { lo: -1, hi: 1, want: [1, -1, -0.25] },
    {
      lo: new Float64Array([-1, -2, -3]),
      hi: new Float64Array([0.5, 2, 3]),
      want: [0.5, -2, -0.25],
    },
    { lo: new Float64Array([-1, -2, -0.1]), hi: 1, want: [1, -2, -0.1] },
    { lo: -1, hi: new Float64Array([0.5, 1, 1]), want: [0.5, -1, -0.25] },
  ];
  for (const { lo, hi, want } of cases) {
    const opt = sgd({ alpha: 1, projection: box(lo, hi) });
    const state = opt.init(new Float64Array(3));
    opt.step(state, g);
    assert.deepEqual(Array.from(state.x), want, `box(${lo}, ${hi})`);
  }
});

Deno.test("box: x stays in F for random bounds and steps", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 6 }).chain((d) => fc.tuple(vec(d, -5, 5), vec(d, 0, 5))),
      fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 6, maxLength: 6 }),
      ([lo, width], g) => {
        const hi = Float64Array.from(lo, (l, i) => l + width[i]!);
        const proj = box(lo, hi);
        const opt = sgd({ alpha: 0.7, projection: proj });
        const state = opt.init(lo.slice());
        opt.step(state, Float64Array.from(lo, (_, i) => g[i]!));
        assert.ok(proj.contains(state.x, 0), `x = ${state.x} left [${lo}, ${hi}]`);
      },
    ),
    { seed: 4, numRuns: 300 },
  );
});

Deno.test("box: malformed bounds are rejected with the offending values", () => {
  assert.throws(() => box(1, -1), { name: "RangeError", message: /lo ≤ hi.*lo=1 > hi=-1/ });
  assert.throws(
    () => box(new Float64Array([0, 2]), new Float64Array([1, 1])),
    { name: "RangeError", message: /lo=2 > hi=1 at 1/ },
  );
  assert.throws(
    () => box(new Float64Array(2), new Float64Array(3)),
    { name: "RangeError", message: /differ in length: 2 and 3/ },
  );
});

Deno.test("contains: NaN and ±∞ lie in no F; the optimizer refuses such an x_1", () => {
  const nan = new Float64Array([0, NaN]);
  assert.equal(unconstrained().contains(nan), false);
  assert.equal(unconstrained().contains(new Float64Array([Infinity])), false);
  assert.equal(unconstrained().contains(new Float64Array([1e300])), true);
  assert.equal(box(-1, 1).contains(nan), false);
  assert.equal(l2Ball(1).contains(nan), false);
  assert.equal(box(-1, 1).contains(new Float64Array([1 + 1e-9]), 1e-8), true);
  assert.equal(box(-1, 1).contains(new Float64Array([1 + 1e-9])), false);
  assert.throws(() => sgd({ projection: box(-1, 1) }).init(nan), /x1 must lie in the feasible set/);
  assert.throws(() => sgd().init(nan), /x1 must lie in the feasible set/);
  assert.throws(() => sgd({ projection: l2Ball(1) }).init(new Float64Array([1, 1])), /x1/);
});
