/**
 * Nadam (Dozat 2016), Adam with Nesterov momentum, as PyTorch's `NAdam`:
 *
 * ```
 * μ_t = β1 (1 − ½·0.96^{tψ}),  P_t = Π_{i≤t} μ_i
 * x_{t+1} = x_t − α_t [μ_{t+1} m_t/(1 − P_t μ_{t+1}) + (1 − μ_t) g_t/(1 − P_t)] / (√(v_t/(1 − β2^t)) + ε)
 * ```
 *
 * @module
 */
import { nesterovEmaPhi } from "../framework/phi.ts";
import { emaPsi } from "../framework/psi.ts";
import type { Optimizer } from "../framework/types.ts";
import { beta, knownOptions, nonNegative } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build, type CommonOptions } from "./_common.ts";

/** Options of {@link nadam}; α defaults to 2e-3 here (PyTorch's). */
export interface NadamOptions extends CommonOptions {
  /** β1 in [0, 1), the base of μ_t and the decay of m_t (default 0.9). */
  beta1?: number;
  /** β2 in [0, 1), the decay of v_t (default 0.999). */
  beta2?: number;
  /** ψ of μ_t's schedule (default 4e-3). */
  momentumDecay?: number;
}

/**
 * Nadam as PyTorch's `NAdam`: bias-corrected, ε = 1e-8 outside the root,
 * α default 2e-3, momentum decay ψ default 4e-3.
 */
export function nadam(opts: NadamOptions = {}): Optimizer {
  knownOptions("Nadam", opts, OPTION_NAMES.nadam);
  const beta1 = beta("beta1", opts.beta1 ?? 0.9);
  const beta2 = beta("beta2", opts.beta2 ?? 0.999);
  const momentumDecay = nonNegative("momentumDecay", opts.momentumDecay ?? 4e-3);
  return build("Nadam", { ...opts, alpha: opts.alpha ?? 2e-3 }, {
    phi: nesterovEmaPhi({ beta1, momentumDecay }),
    psi: emaPsi({ beta2T: () => beta2, beta2, correction: "inside" }),
  });
}
