/**
 * Test helpers for the models: an independent float64 forward pass (textbook
 * loops, no kernels) and a gradient check by central differences against it.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Rng } from "../random/rng.ts";
import type { Model } from "./types.ts";

/**
 * The model's mean loss in float64: its layout read as dense layers
 * (W, b), (W, b), … with ReLU between them, then softmax cross-entropy.
 */
export function referenceLoss(
  model: Model,
  params: Float64Array,
  x: Float64Array,
  y: Uint8Array,
  n: number,
): number {
  let a = x;
  let width = model.inputs;
  const blocks = model.layout;
  for (let l = 0; l < blocks.length; l += 2) {
    const w = blocks[l]!, b = blocks[l + 1]!;
    const out = w.shape[1]!;
    const z = new Float64Array(n * out);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < out; j++) {
        let s = params[b.offset + j]!;
        for (let p = 0; p < width; p++) s += a[i * width + p]! * params[w.offset + p * out + j]!;
        z[i * out + j] = l + 2 < blocks.length ? Math.max(0, s) : s;
      }
    }
    a = z;
    width = out;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < width; c++) sum += Math.exp(a[i * width + c]!);
    total += Math.log(sum) - a[i * width + y[i]!]!;
  }
  return total / n;
}

/** A random batch: features ~ U(0, 1) (pixel-like), labels uniform. */
export function randomBatch(model: Model, rng: Rng, n: number) {
  const x = Float32Array.from({ length: n * model.inputs }, () => rng.next());
  const y = Uint8Array.from({ length: n }, () => rng.int(model.classes));
  return { x, y };
}

/**
 * Asserts that `lossAndGrad` gives the float64 reference loss (to float32
 * rounding) and a gradient within `1e-5 + 1e-4·|fd|` of central differences
 * (step 1e-6) of that loss, at every parameter.
 */
export function checkGradient(model: Model, params: Float32Array, rng: Rng, n: number): void {
  const { x, y } = randomBatch(model, rng, n);
  const grad = new Float32Array(model.size);
  const loss = model.lossAndGrad(params, x, y, n, grad);
  const p64 = Float64Array.from(params);
  const x64 = Float64Array.from(x);
  const want = referenceLoss(model, p64, x64, y, n);
  assert.ok(Math.abs(loss - want) < 1e-5 * (1 + want), `loss ${loss}, float64 reference ${want}`);
  const h = 1e-6;
  for (let i = 0; i < model.size; i++) {
    const keep = p64[i]!;
    p64[i] = keep + h;
    const up = referenceLoss(model, p64, x64, y, n);
    p64[i] = keep - h;
    const down = referenceLoss(model, p64, x64, y, n);
    p64[i] = keep;
    const fd = (up - down) / (2 * h);
    const err = Math.abs(grad[i]! - fd);
    assert.ok(err <= 1e-5 + 1e-4 * Math.abs(fd), `${model.name} ∂f/∂θ_${i}: ${grad[i]}, fd ${fd}`);
  }
}
