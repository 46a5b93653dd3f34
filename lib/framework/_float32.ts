/**
 * Adam's family in float32 arithmetic: the step of {@link Loops.adam} with every
 * operation rounded to float32, as PyTorch's and TensorFlow's float32 kernels
 * compute it, for a method built with `arithmetic: "float32"`:
 *
 * ```
 * m_i ← β1t·m_i + (1 − β1t)·g_i              v_i ← β2t·v_i + ((1 − β2t)·g_i)·g_i
 * v̂_i ← max(maxPrev·v̂_i, maxIn·v_i)          (AMSGrad; d_i = v̂_i, else d_i = v_i)
 * D_i = √(s2·d_i + epsIn) + epsOut          η_i = clamp(α_t·c / D_i, lower, upper)
 * x_i ← clamp(decay·x_i − η_i·(a·m_i + b·g_i), lo, hi)
 * ```
 *
 * Each scalar is rounded to float32 once per step, each product, sum, quotient
 * and square root once per operation. This loop ({@link adam32}, generated from
 * the description of `_update.ts`) is the definition; the WebAssembly SIMD
 * kernel of `_float32_wat.ts`, generated from the same description, computes the
 * same thing four coordinates at a time and must agree with it bit for bit
 * (tested). Writing
 * `fround` around each double-precision operation of float32 operands gives
 * the float32 result exactly: a double holds more than 2·24 + 2 bits, so the
 * double rounding of +, −, ×, ÷ and √ is innocuous.
 *
 * @module
 */
import type { MethodSpec } from "./types.ts";
import { loop, loopCode } from "./_kernels.ts";

/**
 * ψ's moving-average slot when φ and ψ are both Adam's moving averages (see
 * their `movingAverage`), else undefined: the methods whose whole step one
 * loop (or kernel) runs.
 */
export function adamSlotOf({ phi, psi }: MethodSpec): string | undefined {
  return phi.movingAverage === true && phi.numSlot !== null ? psi.movingAverage : undefined;
}

/**
 * Why `spec` cannot run in float32 arithmetic, or null when it can: φ and ψ
 * must be Adam's moving averages ({@link adamSlotOf}), D_i a square root with
 * p = 1/2, and F unconstrained or a box with scalar bounds.
 */
export function float32Unsupported(spec: MethodSpec): string | null {
  const { phi, psi, projection: proj } = spec;
  if (adamSlotOf(spec) === undefined) {
    return `φ = ${phi.name} and ψ = ${psi.name} are not both Adam's moving averages`;
  }
  if (psi.root !== "sqrt" || (spec.p ?? 0.5) !== 0.5) return "its denominator is not √V_t";
  if (proj === undefined) return null; // unconstrained
  const scalar = (b: unknown) => b === null || typeof b === "number";
  if (!proj.separable || !scalar(proj.lo) || !scalar(proj.hi)) {
    return `its projection (${proj.name}) is not a box with scalar bounds`;
  }
  return null;
}

/**
 * One float32 step of Adam's family on coordinates [lo, hi) of Float32Arrays,
 * with the scalars record `S` (see `_update.ts`): `vHat` is AMSGrad's max (null
 * when none), `useDen` false for a step that ignores D_i (RAdam before
 * rectification); the denominator reads v̂ when given, else v. The loop is the
 * description's step generated with every operation rounded to float32.
 */
export function adam32(
  S: Float64Array,
  x: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  vHat: Float32Array | null,
  useDen: boolean,
  lo: number,
  hi: number,
): void {
  const L = loop(loopCode("adam", { hasMax: vHat !== null, useDen }, true, true));
  L.general(S, x, g, m, v, vHat, null, null, null, lo, hi);
}
