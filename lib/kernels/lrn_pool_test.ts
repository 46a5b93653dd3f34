import assert from "node:assert/strict";
import { Rng } from "../random/rng.ts";
import { lrn, lrnBackward } from "../models/lrn.ts";
import { maxPool2, maxPool2Backward } from "../models/max_pool.ts";
import { columnSums } from "./column_sums.ts";
import {
  type LrnWindow,
  type MapsShape,
  pooledSize,
  reluLrnPool,
  reluLrnPoolBackward,
} from "./lrn_pool.ts";

/** The float64 composition ReLU(z + bias) → LRN → max-pool, and its gradient for dp. */
function reference(
  z: Float64Array,
  bias: Float64Array,
  s: MapsShape,
  p: LrnWindow,
  dp: Float64Array,
) {
  const c = s.channels, pixels = z.length / c;
  const a = z.map((v, i) => Math.max(v + bias[i % c]!, 0));
  const l = new Float64Array(a.length), sc = new Float64Array(a.length);
  lrn(a, pixels, c, p, l, sc);
  const out = new Float64Array(pooledSize(s)), arg = new Int32Array(out.length);
  maxPool2(l, s, out, arg);
  const dl = new Float64Array(a.length), da = new Float64Array(a.length);
  maxPool2Backward(dp, arg, out.length, dl, a.length);
  lrnBackward(dl, a, sc, pixels, c, p, da, new Float64Array(c));
  return { out, dz: da.map((g, i) => (a[i]! > 0 ? g : 0)) };
}

function close(got: ArrayLike<number>, want: ArrayLike<number>, what: string, tol: number) {
  assert.equal(got.length, want.length);
  for (let i = 0; i < want.length; i++) {
    assert.ok(
      Math.abs(got[i]! - want[i]!) <= tol * (1 + Math.abs(want[i]!)),
      `${what}[${i}]: ${got[i]}, expected ${want[i]}`,
    );
  }
}

const CASES: [MapsShape, LrnWindow][] = [
  [{ batch: 2, height: 5, width: 4, channels: 3 }, { n: 3, k: 1, alpha: 0.2, beta: 0.75 }],
  [{ batch: 1, height: 6, width: 7, channels: 13 }, { n: 5, k: 1.5, alpha: 0.3, beta: 0.75 }],
  [{ batch: 3, height: 4, width: 4, channels: 64 }, { n: 5, k: 2, alpha: 1e-4, beta: 0.75 }],
  [{ batch: 1, height: 3, width: 3, channels: 8 }, { n: 1, k: 2, alpha: 0.5, beta: 0.75 }],
];

for (const [s, p] of CASES) {
  Deno.test(`reluLrnPool ${JSON.stringify(s)} n=${p.n}: the float64 composition, forward and backward`, () => {
    const rng = new Rng(s.channels);
    const size = s.batch * s.height * s.width * s.channels;
    const z = Float32Array.from({ length: size }, () => 4 * rng.next() - 1.5);
    const bias = Float32Array.from({ length: s.channels }, () => rng.next() - 0.5);
    const m = pooledSize(s);
    const dp = Float32Array.from({ length: m }, () => rng.next() - 0.5);
    const ref = reference(
      Float64Array.from(z),
      Float64Array.from(bias),
      s,
      p,
      Float64Array.from(dp),
    );
    const out = new Float32Array(m), codes = new Uint8Array(m);
    reluLrnPool(z, bias, s, p, out, codes);
    close(out, ref.out, "out", 1e-6);
    const dz = new Float32Array(size), sums64 = new Float64Array(s.channels);
    reluLrnPoolBackward(dp, codes, z, bias, s, p, dz, sums64);
    const gb = Float32Array.from(sums64);
    close(dz, ref.dz, "dz", 1e-5);
    const sums = new Float32Array(s.channels);
    columnSums(dz, size / s.channels, s.channels, sums);
    assert.deepEqual(gb, sums, "the bias's gradient: columnSums of dz, bit for bit");
    // bit-deterministic: the same inputs give the same bytes
    const out2 = new Float32Array(m), codes2 = new Uint8Array(m), dz2 = new Float32Array(size);
    const sums2 = new Float64Array(s.channels);
    reluLrnPool(z, bias, s, p, out2, codes2);
    reluLrnPoolBackward(dp, codes2, z, bias, s, p, dz2, sums2);
    assert.deepEqual([out2, codes2, dz2, sums2], [out, codes, dz, sums64]);
    // image by image (the sums carried over): the same bits
    if (s.batch > 1) {
      const per = size / s.batch, perOut = m / s.batch, dz3 = new Float32Array(size);
      const sums3 = new Float64Array(s.channels);
      const out3 = new Float32Array(m), codes3 = new Uint8Array(m);
      for (let b = 0; b < s.batch; b++) {
        const one = { ...s, batch: 1 };
        reluLrnPool(
          z.subarray(b * per),
          bias,
          one,
          p,
          out3.subarray(b * perOut),
          codes3.subarray(b * perOut),
        );
        reluLrnPoolBackward(
          dp.subarray(b * perOut),
          codes.subarray(b * perOut),
          z.subarray(b * per),
          bias,
          { ...s, batch: 1 },
          p,
          dz3.subarray(b * per),
          sums3,
        );
      }
      assert.deepEqual([out3, codes3, dz3, sums3], [out, codes, dz, sums64]);
    }
  });
}

Deno.test("reluLrnPool: ties go to the first pixel, NaN propagates, β ≠ 0.75 is refused", () => {
  // five channels: four in one f32x4, the fifth alone; per channel the window's
  // pixels (row-major): ties, NaN first, NaN third, a later maximum, NaN third
  const s = { batch: 1, height: 2, width: 2, channels: 5 };
  const p = { n: 1, k: 1, alpha: 0, beta: 0.75 };
  const pixels = [[3, NaN, 1, 1, 1], [3, 5, 2, 2, 2], [3, 9, NaN, 7, NaN], [3, 1, 4, 4, 9]];
  const z = Float32Array.from(pixels.flat());
  const out = new Float32Array(5), codes = new Uint8Array(5);
  reluLrnPool(z, new Float32Array(5), s, p, out, codes);
  assert.deepEqual(Array.from(codes), [0, 0, 2, 2, 2]);
  assert.equal(out[0], 3);
  assert.equal(out[3], 7);
  assert.ok([1, 2, 4].every((c) => Number.isNaN(out[c])));
  assert.throws(() => reluLrnPool(z, new Float32Array(5), s, { ...p, beta: 0.5 }, out, codes), /β/);
});
