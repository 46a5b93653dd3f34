/**
 * RAdam (Liu et al. 2020), as PyTorch's `RAdam`: with ρ_∞ = 2/(1 − β2) − 1 and
 * ρ_t = ρ_∞ − 2tβ2^t/(1 − β2^t), while ρ_t ≤ 5 the step is momentum SGD,
 * x −= α_t m_t/(1 − β1^t); after, it is Adam's step scaled by the rectifier
 * r_t = √((ρ_t − 4)(ρ_t − 2)ρ_∞ / ((ρ_∞ − 4)(ρ_∞ − 2)ρ_t)):
 * x −= α_t r_t √(1 − β2^t)/(1 − β1^t) · m_t/(√v_t + ε).
 *
 * @module
 */
import { emaPhi } from "../framework/phi.ts";
import { emaPsi } from "../framework/psi.ts";
import type { Optimizer } from "../framework/types.ts";
import { beta, knownOptions } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build, type CommonOptions } from "./_common.ts";
import { rectification } from "../framework/transforms.ts";

/** Options of {@link radam}: the common options, β1 and β2. */
export interface RadamOptions extends CommonOptions {
  /** β1 in [0, 1), the decay of m_t (default 0.9). */
  beta1?: number;
  /** β2 in [0, 1), the decay of v_t; also sets ρ_∞ = 2/(1 − β2) − 1 (default 0.999). */
  beta2?: number;
}

/**
 * RAdam as PyTorch's `RAdam`: momentum SGD with bias correction while ρ_t ≤ 5,
 * then Adam's bias-corrected step scaled by the rectifier r_t.
 */
export function radam(opts: RadamOptions = {}): Optimizer {
  knownOptions("RAdam", opts, OPTION_NAMES.radam);
  const beta1 = beta("beta1", opts.beta1 ?? 0.9);
  const beta2 = beta("beta2", opts.beta2 ?? 0.999);
  return build("RAdam", opts, {
    phi: emaPhi({ beta1T: () => beta1, beta1, correction: "none" }),
    psi: emaPsi({ beta2T: () => beta2, beta2, correction: "none" }),
    transforms: [rectification({ beta1, beta2, threshold: 5 })],
  });
}
