/**
 * AdaGrad (Duchi, Hazan & Singer 2011) as an instance of Algorithm 1:
 * φ_t = g_t, ψ_t = diag(Σ_{i≤t} g_i²)/t, α_t = α/√t, so the learning rate is
 * α/√(Σ_i g_{i,j}²). Γ_t ⪰ 0 always.
 *
 * `variant: "paper"` (default) keeps the average and the schedule separate as
 * the paper writes them; `"pytorch"` uses √(Σ g²) + ε with a constant α.
 *
 * @module
 */
import { gradientPhi } from "../framework/phi.ts";
import { sumOfSquaresPsi } from "../framework/psi.ts";
import type { Optimizer } from "../framework/types.ts";
import { knownOptions, nonNegative, oneOf } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build, type CommonOptions } from "./_common.ts";

/** Options of {@link adagrad}: the common options, the variant and the accumulator's start. */
export interface AdagradOptions extends CommonOptions {
  /** `"paper"` (default: ψ = Σg²/t, α_t = α/√t) or `"pytorch"` (ψ = Σg², constant α). */
  variant?: "paper" | "pytorch";
  /** The sum's starting value (PyTorch's `initial_accumulator_value`, default 0). */
  initialAccumulator?: number;
}

/**
 * AdaGrad. `"paper"`: v_t = (1/t) Σ_{i≤t} g_i², α_t = α/√t by default, ε = 1e-8.
 * `"pytorch"`: v_t = Σ_{i≤t} g_i², constant α, ε = 1e-10 (PyTorch's `Adagrad`).
 */
export function adagrad(opts: AdagradOptions = {}): Optimizer {
  knownOptions("AdaGrad", opts, OPTION_NAMES.adagrad);
  const variant = oneOf("variant", opts.variant ?? "paper", ["paper", "pytorch"]);
  const init = nonNegative("initialAccumulator", opts.initialAccumulator ?? 0);
  const paper = variant === "paper";
  const psi = sumOfSquaresPsi({ average: paper, init });
  const schedule = opts.schedule ?? (paper ? "invsqrt" : "constant");
  return build("AdaGrad", { ...opts, schedule }, {
    phi: gradientPhi(),
    psi,
    defaultEps: paper ? 1e-8 : 1e-10,
  });
}
