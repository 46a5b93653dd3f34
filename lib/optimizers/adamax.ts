/**
 * AdaMax (Kingma & Ba 2015, §7): the ℓ∞ version of Adam, as PyTorch computes it:
 *
 * ```
 * m_t = β1 m_{t−1} + (1 − β1) g_t
 * u_t = max(β2 u_{t−1}, |g_t| + ε)
 * x_{t+1} = x_t − α_t/(1 − β1^t) · m_t / u_t
 * ```
 *
 * @module
 */
import { emaPhi } from "../framework/phi.ts";
import { infinityNormPsi } from "../framework/psi.ts";
import type { Optimizer } from "../framework/types.ts";
import { beta, knownOptions, nonNegative } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build, type CommonOptions } from "./_common.ts";

/** Options of {@link adamax}; ε (default 1e-8) goes inside the max, so it has no placement. */
export interface AdamaxOptions extends Omit<CommonOptions, "epsPlacement"> {
  /** β1 in [0, 1), the decay of m_t (default 0.9). */
  beta1?: number;
  /** β2 in [0, 1), the decay of u_t = max(β2 u_{t−1}, |g_t| + ε) (default 0.999). */
  beta2?: number;
}

/** AdaMax as PyTorch's `Adamax`: bias correction 1/(1 − β1^t) on the step only. */
export function adamax(opts: AdamaxOptions = {}): Optimizer {
  knownOptions("AdaMax", opts, OPTION_NAMES.adamax);
  const beta1 = beta("beta1", opts.beta1 ?? 0.9);
  const beta2 = beta("beta2", opts.beta2 ?? 0.999);
  const eps = nonNegative("eps", opts.eps ?? 1e-8);
  const phi = emaPhi({ beta1T: () => beta1, beta1, correction: "step" });
  return build("AdaMax", { ...opts, eps: 0 }, { phi, psi: infinityNormPsi({ beta2, eps }) });
}
