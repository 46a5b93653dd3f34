/**
 * Uniform initialisations of a weight matrix W (fan_in × fan_out):
 *
 * ```
 * uniform(bound):          W_ij ~ U(−bound, bound)
 * He (Kaiming) uniform:    bound = √(6 / fan_in)             (for a layer followed by ReLU)
 * Glorot (Xavier) uniform: bound = √(6 / (fan_in + fan_out))
 * PyTorch's nn.Linear:     bound = 1/√fan_in                 (weights and biases)
 * ```
 *
 * For MNIST's 784 → 100 → 10 network: He gives ±√(6/784) ≈ ±0.08748 for W1 and
 * Glorot gives ±√(6/110) ≈ ±0.23355 for W2.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fillUniform, heUniformBound } from "./init.ts";
 * import { Rng } from "../random/rng.ts";
 * const w = new Float32Array(100);
 * fillUniform(w, heUniformBound(6), new Rng(1));
 * assert.ok(w.every((v) => Math.abs(v) <= 1));
 * ```
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";

/** Fills `out` with independent U(−bound, bound) draws, in index order. */
export function fillUniform(out: Float32Array, bound: number, rng: Rng): void {
  for (let i = 0; i < out.length; i++) out[i] = (2 * rng.next() - 1) * bound;
}

/** √(6 / fan_in): He et al. (2015), uniform form, for ReLU layers. */
export function heUniformBound(fanIn: number): number {
  return Math.sqrt(6 / fanIn);
}

/** √(6 / (fan_in + fan_out)): Glorot & Bengio (2010), uniform form. */
export function glorotUniformBound(fanIn: number, fanOut: number): number {
  return Math.sqrt(6 / (fanIn + fanOut));
}

/** 1/√fan_in: PyTorch's default for `nn.Linear` weights and biases. */
export function torchLinearBound(fanIn: number): number {
  return 1 / Math.sqrt(fanIn);
}
