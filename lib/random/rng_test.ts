import assert from "node:assert/strict";
import { Rng } from "./rng.ts";

/** Pearson's χ² statistic of observed counts against equal expected counts. */
function chiSquare(counts: number[]): number {
  const n = counts.reduce((s, c) => s + c, 0);
  const e = n / counts.length;
  return counts.reduce((s, c) => s + (c - e) ** 2 / e, 0);
}

Deno.test("Rng: xoshiro128** reproduces the reference outputs from state (1, 2, 3, 4)", () => {
  // From the reference C code (Blackman & Vigna), recomputed independently in Python.
  const rng = new Rng(0);
  rng.setState([1, 2, 3, 4]);
  const got = Array.from({ length: 6 }, () => rng.nextUint32());
  assert.deepEqual(got, [11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
});

Deno.test("Rng: the same seed gives the same stream; different seeds differ", () => {
  const draw = (r: Rng) => [r.nextUint32(), r.next(), r.int(1000), r.normal()];
  const a = new Rng(42);
  const b = new Rng(42);
  const c = new Rng(43);
  let same = 0;
  for (let k = 0; k < 1000; k++) {
    const da = draw(a);
    assert.deepEqual(da, draw(b));
    if (da[0] === draw(c)[0]) same++;
  }
  assert.ok(same < 3, `seeds 42 and 43 agreed on ${same} of 1000 draws`);
  // Seeds at and past 2^32 are distinct from those below it; negative ones are refused.
  assert.notEqual(new Rng(2 ** 32).nextUint32(), new Rng(0).nextUint32());
  assert.notEqual(new Rng(2 ** 32 + 5).nextUint32(), new Rng(5).nextUint32());
  for (const bad of [-1, 2 ** 53, NaN, Infinity]) {
    assert.throws(() => new Rng(bad), /seed must be an integer in \[0, 2\^53\)/);
  }
});

Deno.test("Rng: getState/setState resumes the stream exactly, also through JSON", () => {
  const a = new Rng(7);
  for (let k = 0; k < 123; k++) a.next();
  const saved = JSON.parse(JSON.stringify(a.getState()));
  const b = new Rng(999);
  b.setState(saved);
  for (let k = 0; k < 1000; k++) assert.equal(a.nextUint32(), b.nextUint32());
  // getState is a copy: changing it does not change the generator.
  const st = a.getState();
  const next = new Rng(0);
  next.setState(st);
  st[0] = (st[0]! + 1) >>> 0;
  assert.equal(a.nextUint32(), next.nextUint32());
});

Deno.test("Rng: next() is uniform on [0, 1) (χ², 20 bins, 200 000 draws)", () => {
  const rng = new Rng(2024);
  const bins = new Array(20).fill(0);
  let sum = 0;
  for (let k = 0; k < 200_000; k++) {
    const u = rng.next();
    assert.ok(u >= 0 && u < 1, `next() = ${u}`);
    bins[Math.floor(u * 20)]++;
    sum += u;
  }
  // 19 degrees of freedom: P(χ² > 43.8) = 0.001.
  assert.ok(chiSquare(bins) < 43.8, `χ² = ${chiSquare(bins)}`);
  assert.ok(Math.abs(sum / 200_000 - 0.5) < 0.003);
});

Deno.test("Rng: int(n) is uniform on {0, …, n − 1}", () => {
  const rng = new Rng(5);
  for (const n of [1, 2, 7, 1000]) {
    const counts = new Array(n).fill(0);
    const draws = 200 * n + 1000;
    for (let k = 0; k < draws; k++) {
      const i = rng.int(n);
      assert.ok(Number.isInteger(i) && i >= 0 && i < n, `int(${n}) = ${i}`);
      counts[i]++;
    }
    if (n === 1) continue;
    // Wilson–Hilferty approximation of the χ² 0.999 quantile with n − 1 degrees of freedom.
    const df = n - 1;
    const q = df * (1 - 2 / (9 * df) + 3.09 * Math.sqrt(2 / (9 * df))) ** 3;
    assert.ok(chiSquare(counts) < q, `int(${n}): χ² = ${chiSquare(counts)} ≥ ${q}`);
  }
});

Deno.test("Rng: normal() has mean 0 and variance 1", () => {
  const rng = new Rng(11);
  const n = 100_000;
  let s = 0;
  let s2 = 0;
  for (let k = 0; k < n; k++) {
    const z = rng.normal();
    assert.ok(Number.isFinite(z));
    s += z;
    s2 += z * z;
  }
  assert.ok(Math.abs(s / n) < 0.015, `mean ${s / n}`);
  assert.ok(Math.abs(s2 / n - 1) < 0.02, `variance ${s2 / n}`);
});

Deno.test("Rng: shuffle is a seeded permutation", () => {
  const a = new Rng(3).shuffle(Array.from({ length: 50 }, (_, i) => i));
  const b = new Rng(3).shuffle(Array.from({ length: 50 }, (_, i) => i));
  assert.deepEqual(a, b);
  assert.deepEqual([...a].sort((p, q) => p - q), Array.from({ length: 50 }, (_, i) => i));
  assert.notDeepEqual(a, Array.from({ length: 50 }, (_, i) => i));
  const t = new Rng(3).shuffle(new Float64Array([1, 2, 3]));
  assert.ok(t instanceof Float64Array);
});

Deno.test("Rng: bad arguments are refused with what was expected", () => {
  assert.throws(() => new Rng(1.5), { name: "RangeError", message: /seed must be an integer in/ });
  assert.throws(() => new Rng(NaN), { name: "RangeError" });
  const rng = new Rng(1);
  for (const n of [0, -3, 2.5, NaN]) {
    assert.throws(() => rng.int(n), { name: "RangeError", message: /positive integer/ });
  }
  for (const s of [[1, 2, 3], [1, 2, 3, -1], [1, 2, 3, 2 ** 32], [1, 2, 3, 0.5]]) {
    assert.throws(() => rng.setState(s), { name: "RangeError", message: /four unsigned 32-bit/ });
  }
});
