import assert from "node:assert/strict";
import fc from "fast-check";
import { restoreState, saveState, type StateJSON } from "./state.ts";
import type { State } from "./types.ts";

const sample = (): State => ({
  t: 7,
  x: new Float64Array([0.1, -0, 1e-310, -2.5]),
  slots: { m: new Float64Array([1 / 3, 0, -0, 5e-324]), vHat: new Float64Array([2, 3, 4, 5]) },
  scalars: { muProduct: 0.123456789 },
});

const roundTrip = (s: State) => restoreState(JSON.parse(JSON.stringify(saveState(s))));

Deno.test("saveState/restoreState: every double survives JSON, −0 and subnormals included", () => {
  const s = sample();
  const r = roundTrip(s);
  assert.equal(r.t, 7);
  assert.ok(r.x instanceof Float64Array);
  const pairs: [Float64Array | Float32Array, Float64Array | Float32Array][] = [
    [s.x, r.x],
    [s.slots.m!, r.slots.m!],
    [s.slots.vHat!, r.slots.vHat!],
  ];
  for (const [a, b] of pairs) {
    for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `${a[i]} vs ${b[i]}`);
  }

  assert.equal(r.scalars.muProduct, 0.123456789);
  assert.deepEqual(saveState(s).negativeZeros, { x: [1], m: [2] });
  assert.equal(saveState({ ...s, x: new Float64Array(4), slots: {} }).negativeZeros, undefined);
});

Deno.test("saveState/restoreState: any Float64 or Float32 array round-trips bit for bit", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
        minLength: 1,
        maxLength: 20,
      }),
      fc.boolean(),
      (a, f32) => {
        const x = f32 ? Float32Array.from(a) : Float64Array.from(a);
        if (x.some((v) => !Number.isFinite(v))) return; // float32 overflow to ±∞
        const r = roundTrip({ t: 1, x, slots: { v: x.slice().reverse() }, scalars: {} });
        assert.equal(r.x.constructor, x.constructor);
        for (let i = 0; i < x.length; i++) assert.ok(Object.is(r.x[i], x[i]));
        assert.ok(r.slots.v!.every((v, i) => Object.is(v, x[x.length - 1 - i])));
      },
    ),
    { seed: 41, numRuns: 300 },
  );
});

Deno.test("saveState copies: later steps do not change a saved record", () => {
  const s = sample();
  const saved = saveState(s);
  s.x[0] = 99;
  s.scalars.muProduct = 0;
  assert.equal(saved.x[0], 0.1);
  assert.equal(saved.scalars.muProduct, 0.123456789);
});

Deno.test("restoreState: a malformed record is refused with what was wrong", () => {
  const good = (): StateJSON => JSON.parse(JSON.stringify(saveState(sample())));
  const bad: [string, (j: StateJSON) => void, RegExp][] = [
    ["negative t", (j) => (j.t = -1), /state\.t must be an integer ≥ 0, got -1/],
    ["fractional t", (j) => (j.t = 1.5), /state\.t must be an integer/],
    ["dtype", (j) => ((j as { dtype: string }).dtype = "int8"), /dtype must be .*got int8/],
    ["x with NaN", (j) => (j.x[0] = NaN), /state\.x must be an array of finite numbers/],
    ["x not an array", (j) => ((j as { x: unknown }).x = "0,1"), /state\.x must be an array/],
    ["no slots", (j) => delete (j as Partial<StateJSON>).slots, /state\.slots must be an object/],
    ["scalars", (j) => ((j as { scalars: unknown }).scalars = [1]), /scalars must be an object/],
    ["slot length", (j) => j.slots.m!.pop(), /state\.slots\.m has length 3, x has 4/],
    ["slot string", (j) => ((j.slots.m as unknown[])[0] = "1"), /slots\.m must be an array/],
    ["−0 in a missing slot", (j) => (j.negativeZeros = { u: [0] }), /names u/],
    ["−0 at a non-zero", (j) => (j.negativeZeros = { x: [0] }), /lists 0, which is not a zero/],
    ["−0 out of range", (j) => (j.negativeZeros = { x: [9] }), /lists 9/],
  ];
  for (const [what, spoil, message] of bad) {
    const j = good();
    spoil(j);
    assert.throws(() => restoreState(j), { name: "RangeError", message }, what);
  }
});
