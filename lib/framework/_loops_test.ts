import assert from "node:assert/strict";
import { loopsFor } from "./_loops.ts";

Deno.test("loopsFor: Float32 and Float64 arrays get separate copies of every loop", () => {
  const f32 = loopsFor(new Float32Array(1));
  const f64 = loopsFor(new Float64Array(1));
  assert.equal(loopsFor(new Float32Array(3)), f32, "one copy per type, made once");
  for (const name of Object.keys(f64) as (keyof typeof f64)[]) {
    assert.equal(typeof f32[name], "function");
    assert.notEqual(f32[name], f64[name], `${name} is shared`);
  }
});

Deno.test("the copies compute: firstNonFinite, firstBeyond", () => {
  for (
    const make of [(a: number[]) => Float64Array.from(a), (a: number[]) => Float32Array.from(a)]
  ) {
    const loops = loopsFor(make([0]));
    assert.equal(loops.firstNonFinite(make([1, -0, 2])), -1);
    assert.equal(loops.firstNonFinite(make([1, Infinity, NaN])), 1);
    assert.equal(loops.firstBeyond(make([1, -4, 2]), 3), 1);
    assert.equal(loops.firstBeyond(make([1, NaN]), 3), 1);
    assert.equal(loops.firstBeyond(make([1, -2]), 3), -1);
  }
});
