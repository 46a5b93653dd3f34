/**
 * AdamX (Tran & Phong 2019), their fix to AMSGrad's proof for decreasing β_{1t}:
 * v̂_t = max(((1 − β_{1t})/(1 − β_{1,t−1}))² v̂_{t−1}, v_t), v̂_1 = v_1, otherwise
 * Algorithm 2. Meant for a decreasing β_{1t} (default `"inverse"`, β1/t) and α/√t.
 *
 * @module
 */
import type { Optimizer } from "../framework/types.ts";
import { knownOptions } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build } from "./_common.ts";
import { type AdamFamilyOptions, adamParts, type Beta1ScheduleOptions } from "./_adam_family.ts";

/**
 * Options of {@link adamx}: Adam's (paper conventions only) with a β_{1t} schedule;
 * here `schedule` defaults to `"invsqrt"` and `beta1Schedule` to `"inverse"`.
 */
export type AdamXOptions = Omit<AdamFamilyOptions, "variant"> & Beta1ScheduleOptions;

/**
 * AdamX: Algorithm 2 with v̂_t = max(((1 − β_{1t})/(1 − β_{1,t−1}))² v̂_{t−1}, v_t),
 * paper conventions, α_t = α/√t and β_{1t} = β1/t unless overridden.
 */
export function adamx(opts: AdamXOptions = {}): Optimizer {
  knownOptions("AdamX", opts, OPTION_NAMES.adamx);
  const o = {
    schedule: "invsqrt" as const,
    beta1Schedule: "inverse" as const,
    ...opts,
    variant: "paper" as const,
  };
  return build("AdamX", o, adamParts(o, { max: "adamx" }));
}
