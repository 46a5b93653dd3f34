/**
 * AdamNC, the paper's Algorithm 3: Adam with time-varying β_{1t}, β_{2t} and no max.
 *
 * ```
 * m_t = β_{1t} m_{t−1} + (1 − β_{1t}) g_t
 * v_t = β_{2t} v_{t−1} + (1 − β_{2t}) g_t²
 * x_{t+1} = Π_F(x_t − α_t m_t / (√v_t + ε))
 * ```
 *
 * With β_{2t} = 1 − 1/t (the default) v_t = (1/t) Σ_{j≤t} g_j², AdaGrad's ψ: "a
 * momentum variant of AdaGrad" (Corollary 2, with α_t = α/√t and β_{1t} = β1 λ^{t−1}).
 *
 * @module
 */
import { type Beta2Schedule, beta2Schedule } from "../framework/schedule.ts";
import type { Optimizer } from "../framework/types.ts";
import { knownOptions } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build } from "./_common.ts";
import { type AdamFamilyOptions, adamParts, type Beta1ScheduleOptions } from "./_adam_family.ts";

/**
 * Options of {@link adamNC}: Adam's without β2 and the variant (paper conventions
 * only), plus the β_{1t} and β_{2t} schedules.
 */
export interface AdamNCOptions
  extends Omit<AdamFamilyOptions, "beta2" | "variant">, Beta1ScheduleOptions {
  /** β_{2t}: `"1-1/t"` (default) or t ↦ β_{2t} in [0, 1]. */
  beta2Schedule?: Beta2Schedule;
}

/** AdamNC (Algorithm 3); paper conventions only. */
export function adamNC(opts: AdamNCOptions = {}): Optimizer {
  knownOptions("AdamNC", opts, OPTION_NAMES.adamnc);
  const beta2T = beta2Schedule(opts.beta2Schedule ?? "1-1/t");
  return build("AdamNC", opts, adamParts({ ...opts, variant: "paper" }, { beta2T }));
}
