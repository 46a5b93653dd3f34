import assert from "node:assert/strict";
import { Rng } from "../random/rng.ts";
import { cifarnet } from "./cifarnet.ts";
import { ConvLayer } from "./conv.ts";
import { applyMask, drawMask } from "./dropout.ts";
import { lrn, LRN_DEFAULTS, lrnBackward } from "./lrn.ts";
import { maxPool2, maxPool2Backward } from "./max_pool.ts";
import { centralDifference, naiveConv, referenceCifarnetLoss } from "./_cnn_reference.ts";

const uniform = (rng: Rng, n: number, lo = -1, hi = 1) =>
  Float64Array.from({ length: n }, () => lo + (hi - lo) * rng.next());

/** Σ r ⊙ out for a fixed random r: a scalar whose gradient w.r.t. out is r. */
const dot = (a: Float64Array, r: Float64Array) => a.reduce((s, v, i) => s + v * r[i]!, 0);

function close(got: number, want: number, what: string, rel = 1e-4, abs = 1e-5) {
  assert.ok(
    Math.abs(got - want) <= abs + rel * Math.abs(want),
    `${what}: ${got}, expected ${want}`,
  );
}

Deno.test("ConvLayer (im2col + gemm) matches a float64 convolution, forward and backward", () => {
  const rng = new Rng(3);
  const [n, h, w, c, k, f] = [2, 6, 5, 3, 3, 4];
  const layer = new ConvLayer({ height: h, width: w, channels: c, kernel: k, filters: f });
  const x = uniform(rng, n * h * w * c), W = uniform(rng, k * k * c * f), b = uniform(rng, f);
  const out = layer.forward(Float32Array.from(x), n, Float32Array.from(W), Float32Array.from(b));
  const ref = naiveConv(x, n, h, w, c, k, f, W, b);
  assert.equal(out.length, ref.length);
  ref.forEach((v, i) => close(out[i]!, v, `out[${i}]`));
  const r = uniform(rng, ref.length);
  const gw = new Float32Array(W.length), gb = new Float32Array(f);
  const dx = layer.backward(Float32Array.from(r), Float32Array.from(W), gw, gb)!;
  const loss = () => dot(naiveConv(x, n, h, w, c, k, f, W, b), r);
  for (let i = 0; i < W.length; i++) close(gw[i]!, centralDifference(loss, W, i), `∂/∂W${i}`);
  for (let i = 0; i < f; i++) close(gb[i]!, centralDifference(loss, b, i), `∂/∂b${i}`);
  for (let i = 0; i < x.length; i++) close(dx[i]!, centralDifference(loss, x, i), `∂/∂x${i}`);
});

Deno.test("ConvLayer's input gradient, one image per block (576 output pixels each)", () => {
  const rng = new Rng(8);
  const [n, h, c, k, f] = [3, 25, 2, 2, 3];
  const layer = new ConvLayer({ height: h, width: h, channels: c, kernel: k, filters: f });
  const oh = h - k + 1;
  const x = Float32Array.from({ length: n * h * h * c }, () => rng.next());
  const W = Float32Array.from({ length: k * k * c * f }, () => rng.next() - 0.5);
  layer.forward(x, n, W, null);
  const dz = Float32Array.from({ length: n * oh * oh * f }, () => rng.next() - 0.5);
  const dx = layer.backward(dz, W, new Float32Array(W.length), null)!;
  const want = new Float64Array(x.length);
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      for (let xo = 0; xo < oh; xo++) {
        for (let ky = 0; ky < k; ky++) {
          for (let kx = 0; kx < k; kx++) {
            for (let ch = 0; ch < c; ch++) {
              for (let o = 0; o < f; o++) {
                const i = ((b * h + y + ky) * h + xo + kx) * c + ch;
                want[i] = want[i]! +
                  dz[((b * oh + y) * oh + xo) * f + o]! * W[((ky * k + kx) * c + ch) * f + o]!;
              }
            }
          }
        }
      }
    }
  }
  want.forEach((v, i) => close(dx[i]!, v, `∂/∂x${i}`));
});

Deno.test("max-pooling: the gradient goes to each window's maximum (central differences)", () => {
  const rng = new Rng(4);
  const s = { batch: 2, height: 5, width: 4, channels: 3 }; // odd height: last row dropped
  const x = uniform(rng, 2 * 5 * 4 * 3);
  const count = 2 * 2 * 2 * 3;
  const y = new Float64Array(count), arg = new Int32Array(count);
  const r = uniform(rng, count);
  const loss = () => (maxPool2(x, s, y, arg), dot(y, r));
  loss();
  const dx = new Float64Array(x.length);
  maxPool2Backward(r, arg, count, dx, x.length);
  for (let i = 0; i < x.length; i++) close(dx[i]!, centralDifference(loss, x, i), `∂/∂x${i}`);
  assert.ok(dx.subarray(4 * 4 * 3, 5 * 4 * 3).every((v) => v === 0), "dropped row");
});

Deno.test("LRN: forward by its formula, backward by central differences", () => {
  const rng = new Rng(5);
  const [pixels, channels] = [3, 7];
  const p = { n: 5, k: 1.5, alpha: 0.3, beta: 0.75 }; // large α so that the sum matters
  const a = uniform(rng, pixels * channels, -2, 2);
  const b = new Float64Array(a.length), s = new Float64Array(a.length);
  const r = uniform(rng, a.length);
  const loss = () => (lrn(a, pixels, channels, p, b, s), dot(b, r));
  loss();
  // b at pixel 1, channel 0: window channels 0..2
  const sq = a[7]! ** 2 + a[8]! ** 2 + a[9]! ** 2;
  close(b[7]!, a[7]! * (1.5 + 0.3 * sq) ** -0.75, "b[1,0]", 1e-12, 0);
  const da = new Float64Array(a.length);
  lrnBackward(r, a, s, pixels, channels, p, da, new Float64Array(channels));
  for (let i = 0; i < a.length; i++) close(da[i]!, centralDifference(loss, a, i), `∂/∂a${i}`);
  assert.deepEqual(LRN_DEFAULTS, { n: 5, k: 2, alpha: 1e-4, beta: 0.75 });
});

Deno.test("dropout: masks are 0 or 1/keep, seeded, and keep about keep of the units", () => {
  const m1 = new Float32Array(10_000), m2 = new Float32Array(10_000);
  drawMask(new Rng(9), 0.5, m1, 10_000);
  drawMask(new Rng(9), 0.5, m2, 10_000);
  assert.deepEqual(m1, m2);
  const kept = m1.filter((v) => v === 2).length;
  assert.ok(Math.abs(kept - 5000) < 200, `kept ${kept}`);
  const g = new Float32Array(10_000).fill(3);
  applyMask(g, m1, 10_000);
  assert.ok(g.every((v, i) => v === 3 * m1[i]!));
  assert.throws(() => drawMask(new Rng(1), 0, m1, 1), /keep probability/);
});

const small = {
  channels: 2,
  size: 14, // 14 → 12 → 6 → 4 → 2: flat 2·2·3
  filters: 3,
  kernel: 3,
  hidden: [5, 4] as const,
  classes: 3,
  lrn: { n: 3, k: 1, alpha: 0.2, beta: 0.75 },
};

Deno.test("CIFARNET (no dropout) has the float64 reference's loss and gradient", () => {
  const model = cifarnet({ ...small, keep: 1 });
  const rng = new Rng(11);
  const params = model.init(rng);
  // nonzero biases so that every block's derivative is exercised
  for (const b of model.layout.filter((l) => l.name.startsWith("b"))) {
    for (let i = 0; i < b.shape[0]!; i++) params[b.offset + i] = 0.1 * (rng.next() - 0.3);
  }
  const n = 5; // two blocks of the first convolution (3 images of 12×12 outputs per block)
  const x = Float32Array.from({ length: n * model.inputs }, () => rng.next());
  const y = Uint8Array.from({ length: n }, () => rng.int(small.classes));
  const grad = new Float32Array(model.size);
  const loss = model.lossAndGrad(params, x, y, n, grad);
  const p64 = Float64Array.from(params), x64 = Float64Array.from(x);
  const f = () => referenceCifarnetLoss(model, small, p64, x64, y, n);
  close(loss, f(), "loss", 1e-5);
  for (let i = 0; i < model.size; i++) {
    close(grad[i]!, centralDifference(f, p64, i), `∂f/∂θ_${i}`, 1e-3, 2e-5);
  }
  assert.ok(grad.some((g) => g !== 0));
  const ev = model.evaluate(params, x, y, n);
  close(ev.loss, loss, "evaluate without dropout = training loss", 1e-6, 0);
});

Deno.test("CIFARNET is bit-deterministic; dropout changes the training loss, not evaluation", () => {
  const run = (seed: number) => {
    const model = cifarnet({ ...small, dropoutSeed: seed });
    const rng = new Rng(2);
    const params = model.init(rng);
    const x = Float32Array.from({ length: 4 * model.inputs }, () => rng.next());
    const y = Uint8Array.from({ length: 4 }, () => rng.int(3));
    const grad = new Float32Array(model.size);
    const losses = [0, 1, 2].map(() => model.lossAndGrad(params, x, y, 4, grad));
    return { losses, grad, eval: model.evaluate(params, x, y, 4).loss };
  };
  const a = run(1), b = run(1), c = run(2);
  assert.deepEqual(a.losses, b.losses);
  assert.deepEqual(a.grad, b.grad);
  assert.notDeepEqual(a.losses, c.losses, "another dropout seed, other masks");
  assert.equal(a.eval, c.eval);
  assert.equal(new Set(a.losses).size, 3, "a fresh mask each step");
});

Deno.test("CIFARNET's sizes: the paper's network on CIFAR-10 and on 32×32 grey images", () => {
  const m = cifarnet();
  assert.deepEqual(m.layout.map((l) => [l.name, l.shape]), [
    ["W1", [108, 64]],
    ["b1", [64]],
    ["W2", [2304, 64]],
    ["b2", [64]],
    ["W3", [1024, 384]],
    ["b3", [384]],
    ["W4", [384, 192]],
    ["b4", [192]],
    ["W5", [192, 10]],
    ["b5", [10]],
  ]);
  assert.equal(cifarnet({ channels: 1 }).size, 623_946 - 2 * 36 * 64);
  assert.throws(() => cifarnet({ size: 12 }), RangeError);
  assert.throws(() => cifarnet({ lrn: { ...LRN_DEFAULTS, beta: 0.5 } }), /β must be 0.75/);
});
