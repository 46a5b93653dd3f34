/**
 * Adam (Kingma & Ba 2015) as an instance of Algorithm 1:
 *
 * ```
 * m_t = β1 m_{t−1} + (1 − β1) g_t
 * v_t = β2 v_{t−1} + (1 − β2) g_t²
 * x_{t+1} = Π_F(x_t − α_t m_t / (√v_t + ε))
 * ```
 *
 * In paper mode there is no bias correction (the paper drops it "for
 * simplicity"); `variant: "pytorch" | "keras" | "optax"` restores it the way
 * each library does. Adam's Γ_t can be indefinite, which is what breaks
 * Kingma & Ba's proof (Section 3 of the paper).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { adam } from "./adam.ts";
 * const opt = adam({ alpha: 0.1, beta1: 0.9, beta2: 0.999, variant: "pytorch" });
 * const state = opt.init(new Float64Array([1]));
 * opt.step(state, new Float64Array([1]));
 * // With bias correction the first step is ≈ α·sign(g).
 * assert.ok(Math.abs(state.x[0]! - 0.9) < 1e-8);
 * ```
 *
 * @module
 */
import type { Optimizer } from "../framework/types.ts";
import { knownOptions } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build } from "./_common.ts";
import { type AdamFamilyOptions, adamParts } from "./_adam_family.ts";

/** Options of {@link adam}: β1, β2, the variant and the common options. */
export type AdamOptions = AdamFamilyOptions;

/** Adam; RMSProp is Adam with β1 = 0. */
export function adam(opts: AdamOptions = {}): Optimizer {
  knownOptions("Adam", opts, OPTION_NAMES.adam);
  return build("Adam", opts, adamParts(opts));
}
