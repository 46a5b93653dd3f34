/**
 * Yogi (Zaheer et al. 2018), as optax's `yogi`: Adam with the additive second moment
 * v_t = v_{t−1} − (1 − β2) sign(v_{t−1} − g_t²) g_t², m_0 = v_0 = 1e-6,
 * bias-corrected, ε = 1e-3 outside the root.
 *
 * @module
 */
import { emaPhi } from "../framework/phi.ts";
import { yogiPsi } from "../framework/psi.ts";
import type { Optimizer } from "../framework/types.ts";
import { beta, knownOptions, nonNegative } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build, type CommonOptions, weightDecay, type WeightDecayOptions } from "./_common.ts";

/** Options of {@link yogi}; α defaults to 1e-2 and ε to 1e-3 here (optax's). */
export interface YogiOptions extends CommonOptions, WeightDecayOptions {
  /** β1 in [0, 1), the decay of m_t (default 0.9). */
  beta1?: number;
  /** β2 in [0, 1), the rate of v_t's additive update (default 0.999). */
  beta2?: number;
  /** m_0 = v_0 (default 1e-6). */
  initialAccumulator?: number;
}

/**
 * Yogi as optax's `yogi`: bias-corrected, m_0 = v_0 = `initialAccumulator`,
 * α default 1e-2, ε = 1e-3 outside the root. With the defaults and no weight
 * decay this is `optax.yogi(learning_rate, b1, b2, eps, initial_accumulator_value)`.
 * optax offers no weight decay for Yogi; `weightDecay` adds L2 (default) or,
 * with `decoupled: true`, AdamW's form, as `optax.chain(add_decayed_weights, …)`
 * would, and reproduces no one's code beyond that.
 */
export function yogi(opts: YogiOptions = {}): Optimizer {
  knownOptions("Yogi", opts, OPTION_NAMES.yogi);
  const beta1 = beta("beta1", opts.beta1 ?? 0.9);
  const beta2 = beta("beta2", opts.beta2 ?? 0.999);
  const init = nonNegative("initialAccumulator", opts.initialAccumulator ?? 1e-6);
  return build("Yogi", { ...opts, alpha: opts.alpha ?? 1e-2 }, {
    phi: emaPhi({ beta1T: () => beta1, beta1, correction: "step", init }),
    psi: yogiPsi({ beta2, init, correction: "inside" }),
    defaultEps: 1e-3,
    transforms: weightDecay(opts, false),
  });
}
