/**
 * Properties over every optimizer, checked with fast-check (seeded):
 * - x_t stays in F, for box and l2-ball projections and random gradients;
 * - saving the state mid-run (through JSON.stringify/parse) and restoring it into
 *   a fresh optimizer continues bit-identically, in Float64 and Float32.
 *
 * @module
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  adabelief,
  adabound,
  adagrad,
  adam,
  adamax,
  adamNC,
  adamw,
  adamx,
  amsbound,
  amsgrad,
  nadam,
  padam,
  radam,
  rmsprop,
  sgd,
  yogi,
} from "./mod.ts";
import { box, l2Ball, unconstrained } from "../framework/projection.ts";
import { restoreState, saveState } from "../framework/state.ts";
import type { Optimizer, Projection, State, Vec } from "../framework/types.ts";
import type { Variant } from "./_common.ts";

interface Made {
  alpha: number;
  projection: Projection;
}
/** Every optimizer in the library, each in the configurations that change its code path. */
const CATALOGUE: Record<string, (o: Made) => Optimizer> = {
  "sgd": (o) => sgd({ ...o, schedule: "invsqrt" }),
  "sgd momentum": (o) => sgd({ ...o, momentum: 0.9, dampening: 0.1 }),
  "sgd nesterov": (o) => sgd({ ...o, momentum: 0.9, nesterov: true }),
  "adagrad paper": (o) => adagrad(o),
  "adagrad pytorch, ε = 0": (o) => adagrad({ ...o, variant: "pytorch", eps: 0 }),
  "rmsprop": (o) => rmsprop(o),
  ...Object.fromEntries(
    (["paper", "pytorch", "keras", "optax"] as Variant[]).flatMap((variant) => [
      [`adam ${variant}`, (o: Made) => adam({ ...o, beta2: 0.99, variant })],
      [`amsgrad ${variant}`, (o: Made) => amsgrad({ ...o, beta2: 0.99, variant })],
    ]),
  ),
  "adam ε inside": (o) => adam({ ...o, epsPlacement: "inside" }),
  "amsgrad β1/t, α/√t": (o) => amsgrad({ ...o, beta1Schedule: "inverse", schedule: "invsqrt" }),
  "adamNC": (o) => adamNC({ ...o, schedule: "invsqrt", beta1Schedule: "exponential", lambda: 0.9 }),
  "adamw": (o) => adamw({ ...o, variant: "pytorch", weightDecay: 0.1 }),
  "adamw amsgrad": (o) => adamw({ ...o, amsgrad: true }),
  "adamax": (o) => adamax(o),
  "nadam": (o) => nadam(o),
  "radam": (o) => radam(o),
  "yogi": (o) => yogi(o),
  "adabelief": (o) => adabelief(o),
  "adabound": (o) => adabound(o),
  "amsbound": (o) => amsbound(o),
  "padam": (o) => padam(o),
  "adamx": (o) => adamx(o),
};
const NAMES = Object.keys(CATALOGUE);

/** A gradient coordinate: mostly moderate, sometimes 0, tiny or huge. */
const gradCoord = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e-300, -1e-12) },
  { weight: 1, arbitrary: fc.double({ min: -1e8, max: 1e8, noNaN: true }) },
);
const stream = (d: number) =>
  fc.array(fc.array(gradCoord, { minLength: d, maxLength: d }), { minLength: 1, maxLength: 40 });

Deno.test("every optimizer keeps x_t in a box F", () => {
  const problem = fc.integer({ min: 1, max: 5 }).chain((d) =>
    fc.record({
      name: fc.constantFrom(...NAMES),
      alpha: fc.double({ min: 1e-3, max: 10, noNaN: true }),
      lo: fc.array(fc.double({ min: -3, max: 0, noNaN: true }), { minLength: d, maxLength: d }),
      width: fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: d, maxLength: d }),
      at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: d, maxLength: d }),
      gs: stream(d),
    })
  );
  fc.assert(
    fc.property(problem, ({ name, alpha, lo, width, at, gs }) => {
      const hi = lo.map((l, i) => l + width[i]!);
      const projection = box(Float64Array.from(lo), Float64Array.from(hi));
      const opt = CATALOGUE[name]!({ alpha, projection });
      const state = opt.init(Float64Array.from(lo, (l, i) => l + at[i]! * width[i]!));
      for (const g of gs) {
        opt.step(state, Float64Array.from(g));
        assert.ok(projection.contains(state.x, 0), `${name}: x = ${state.x} at t = ${state.t}`);
      }
    }),
    { seed: 31, numRuns: 600 },
  );
});

Deno.test("every optimizer keeps x_t in an l2 ball F (the weighted projection)", () => {
  const problem = fc.integer({ min: 1, max: 5 }).chain((d) =>
    fc.record({
      name: fc.constantFrom(...NAMES),
      alpha: fc.double({ min: 1e-3, max: 10, noNaN: true }),
      radius: fc.double({ min: 0.1, max: 5, noNaN: true }),
      dir: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d }),
      gs: stream(d),
    })
  );
  fc.assert(
    fc.property(problem, ({ name, alpha, radius, dir, gs }) => {
      const projection = l2Ball(radius);
      const opt = CATALOGUE[name]!({ alpha, projection });
      const n = Math.sqrt(dir.reduce((s, v) => s + v * v, 0)) || 1;
      const state = opt.init(Float64Array.from(dir, (v) => (0.9 * radius * v) / n));
      for (const g of gs) {
        opt.step(state, Float64Array.from(g));
        assert.ok(
          projection.contains(state.x, 1e-12 * radius),
          `${name}: ‖x‖ > ${radius} at t = ${state.t}: ${state.x}`,
        );
      }
    }),
    { seed: 32, numRuns: 600 },
  );
});

/** Every number of two states is the same double (Object.is tells 0 from −0). */
function assertSameBits(a: State, b: State, what: string): void {
  assert.equal(a.t, b.t, what);
  assert.deepEqual(Object.keys(a.slots).sort(), Object.keys(b.slots).sort(), what);
  const pairs: [string, Vec, Vec][] = [["x", a.x, b.x]];
  for (const k of Object.keys(a.slots)) pairs.push([k, a.slots[k]!, b.slots[k]!]);
  for (const [k, va, vb] of pairs) {
    assert.equal(va.constructor, vb.constructor, `${what}: ${k} changed type`);
    for (let i = 0; i < va.length; i++) {
      assert.ok(Object.is(va[i], vb[i]), `${what}: ${k}[${i}] ${va[i]} ≠ ${vb[i]} at t = ${a.t}`);
    }
  }
  for (const k of Object.keys(a.scalars)) {
    assert.ok(Object.is(a.scalars[k], b.scalars[k]), `${what}: scalars.${k}`);
  }
}

for (const dtype of ["float64", "float32"] as const) {
  Deno.test(`save/restore through JSON mid-run continues bit-identically (${dtype})`, () => {
    const arr = (a: number[]): Vec =>
      dtype === "float32" ? Float32Array.from(a) : Float64Array.from(a);
    const problem = fc.integer({ min: 1, max: 4 }).chain((d) =>
      fc.record({
        name: fc.constantFrom(...NAMES),
        x0: fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), {
          minLength: d,
          maxLength: d,
        }),
        gs: stream(d),
        split: fc.nat(),
        bounded: fc.boolean(),
      })
    );
    fc.assert(
      fc.property(problem, ({ name, x0, gs, split, bounded }) => {
        const make = () =>
          CATALOGUE[name]!({ alpha: 0.1, projection: bounded ? l2Ball(1) : unconstrained() });
        const straight = make();
        const a = straight.init(arr(x0));
        for (const g of gs) straight.step(a, arr(g));

        const first = make();
        let b = first.init(arr(x0));
        const k = split % (gs.length + 1);
        for (const g of gs.slice(0, k)) first.step(b, arr(g));
        b = restoreState(JSON.parse(JSON.stringify(saveState(b))));
        const resumed = make(); // a fresh optimizer, as after a restart
        for (const g of gs.slice(k)) resumed.step(b, arr(g));
        assertSameBits(a, b, `${name}, saved after step ${k}`);
      }),
      { seed: dtype === "float64" ? 33 : 34, numRuns: 500 },
    );
  });
}
