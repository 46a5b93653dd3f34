/**
 * AMSGrad, the paper's Algorithm 2: Adam's ψ with a running maximum.
 *
 * ```
 * m_t = β_{1t} m_{t−1} + (1 − β_{1t}) g_t
 * v_t = β2 v_{t−1} + (1 − β2) g_t²
 * v̂_t = max(v̂_{t−1}, v_t)
 * x_{t+1} = Π_{F, √V̂_t}(x_t − α_t m_t / (√v̂_t + ε))
 * ```
 *
 * Because v̂_t never decreases, Γ_{t+1} = √V̂_{t+1}/α_{t+1} − √V̂_t/α_t ⪰ 0 for any
 * non-increasing α_t, the property Theorem 4's O(√T) regret rests on.
 * Paper mode: no bias correction, the max over the raw v_t. `"pytorch"` corrects
 * after the max, `"optax"` before it (the two differ once v_t shrinks).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { amsgrad } from "./amsgrad.ts";
 * const opt = amsgrad({ alpha: 0.1, beta1: 0.9, beta2: 0.999 });
 * const state = opt.init(new Float64Array([1]));
 * opt.step(state, new Float64Array([1]));
 * // m_1 = 0.1, v̂_1 = 0.001: x_2 = 1 − 0.1·0.1/(√0.001 + 1e−8) ≈ 0.68377233
 * assert.ok(Math.abs(state.x[0]! - 0.683772334) < 1e-9);
 * ```
 *
 * @module
 */
import type { Optimizer } from "../framework/types.ts";
import { knownOptions } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build } from "./_common.ts";
import { type AdamFamilyOptions, adamParts, type Beta1ScheduleOptions } from "./_adam_family.ts";

/** Options of {@link amsgrad}: Adam's, plus a β_{1t} schedule. */
export type AmsgradOptions = AdamFamilyOptions & Beta1ScheduleOptions;

/** AMSGrad (Algorithm 2). */
export function amsgrad(opts: AmsgradOptions = {}): Optimizer {
  knownOptions("AMSGrad", opts, OPTION_NAMES.amsgrad);
  return build("AMSGrad", opts, adamParts(opts, { max: "variant" }));
}
