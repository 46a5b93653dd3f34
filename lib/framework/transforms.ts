/**
 * Named transforms: the changes that methods beyond the paper make to
 * Algorithm 1's step besides φ and ψ. Each writes its contribution into a
 * record of its own; the generic step combines them (see `StepScalars`), so
 * their order in a recipe changes nothing but the last bit of a product.
 *
 * @module
 */
import type { Transform, TransformScalars } from "./types.ts";
import { nonNegative } from "./validate.ts";

/**
 * Decoupled weight decay (Loshchilov & Hutter 2019, AdamW):
 * x_t ← (1 − α_t λ) x_t before the step, with the step's own α_t; with
 * `fixed: true`, x_t ← (1 − λ) x_t (AdaBelief's `fixed_decay`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { decoupledWeightDecay } from "./transforms.ts";
 * const s = { t: 1, alphaT: 0.1, c: 1, decay: 1, l2: 0, lower: -Infinity, upper: Infinity, adaptive: true };
 * decoupledWeightDecay(0.5).prepare(s);
 * assert.equal(s.decay, 1 - 0.1 * 0.5);
 * ```
 */
export function decoupledWeightDecay(lambda: number, opts: { fixed?: boolean } = {}): Transform {
  nonNegative("weightDecay", lambda);
  const fixed = opts.fixed ?? false;
  return {
    name: `decoupled weight decay (λ = ${lambda}${fixed ? ", fixed" : ""})`,
    prepare(s: TransformScalars) {
      s.decay = fixed ? 1 - lambda : 1 - s.alphaT * lambda;
    },
  };
}

/**
 * L2 weight decay, coupled: φ and ψ see g_t + λ x_t instead of g_t (PyTorch's
 * `weight_decay` in Adam, and the authors' in AdaBound, Padam and AdaBelief with
 * `weight_decouple=False`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sgd } from "../optimizers/sgd.ts";
 * import { makeOptimizer } from "./generic.ts";
 * import { l2WeightDecay } from "./transforms.ts";
 * const opt = makeOptimizer({ ...sgd({ alpha: 0.1 }).spec, transforms: [l2WeightDecay(0.5)] });
 * const state = opt.init(new Float64Array([2]));
 * opt.step(state, new Float64Array([1]));
 * assert.equal(state.x[0], 2 - 0.1 * (1 + 0.5 * 2));
 * ```
 */
export function l2WeightDecay(lambda: number): Transform {
  nonNegative("weightDecay", lambda);
  return {
    name: `L2 weight decay (λ = ${lambda})`,
    prepare(s: TransformScalars) {
      s.l2 = lambda;
    },
  };
}

/**
 * Bounds on the per-coordinate step size, η_i ∈ [lower(t), upper(t)]
 * (AdaBound's η_l(t) = α*(1 − 1/(γt + 1)), η_u(t) = α*(1 + 1/(γt))).
 */
export function boundedStepSize(
  name: string,
  lower: (t: number) => number,
  upper: (t: number) => number,
): Transform {
  return {
    name,
    prepare(s: TransformScalars) {
      s.lower = lower(s.t);
      s.upper = upper(s.t);
    },
  };
}

/**
 * AdaBound's bounds: η_l(t) = α*(1 − 1/(γt + 1)) and η_u(t) = α*(1 + 1/(γt)),
 * closing in on the SGD step size α* = `finalAlpha`.
 */
export function adaboundBounds(finalAlpha: number, gamma: number): Transform {
  return boundedStepSize(
    `bounded step size (α* = ${finalAlpha}, γ = ${gamma})`,
    (t) => finalAlpha * (1 - 1 / (gamma * t + 1)),
    (t) => finalAlpha * (1 + 1 / (gamma * t)),
  );
}

/**
 * RAdam's rectification (Liu et al. 2020), with its bias corrections: with
 * ρ_∞ = 2/(1 − β2) − 1 and ρ_t = ρ_∞ − 2tβ2^t/(1 − β2^t), once ρ_t passes
 * `threshold` the step size is multiplied by
 * r_t √(1 − β2^t)/(1 − β1^t), r_t = √((ρ_t − 4)(ρ_t − 2)ρ_∞ / ((ρ_∞ − 4)(ρ_∞ − 2)ρ_t));
 * before, the step ignores the denominator and is α_t m_t/(1 − β1^t) (momentum
 * SGD), or, with `sgdFallback: false`, no step at all. PyTorch's RAdam steps
 * adaptively when ρ_t > 5 (`threshold: 5`, the default); AdaBelief's authors
 * when ρ_t > 4. `inclusive: true` makes the test ρ_t ≥ threshold.
 */
export function rectification(opts: {
  beta1: number;
  beta2: number;
  threshold?: number;
  inclusive?: boolean;
  sgdFallback?: boolean;
  /**
   * true (default, RAdam): the factor carries the bias corrections
   * √(1 − β2^t)/(1 − β1^t), and φ and ψ must have none. false: the factor is
   * r_t alone (0 or 1 before rectification), φ and ψ correcting as they do
   * without it (AdaBelief's `rectify`).
   */
  corrections?: boolean;
}): Transform {
  const { beta1, beta2 } = opts;
  const corrections = opts.corrections ?? true;
  const threshold = opts.threshold ?? 5;
  const inclusive = opts.inclusive ?? false;
  const sgdFallback = opts.sgdFallback ?? true;
  const rhoInf = 2 / (1 - beta2) - 1;
  return {
    name: `rectification (ρ_t ${inclusive ? "≥" : ">"} ${threshold})`,
    prepare(s: TransformScalars) {
      const bc1 = 1 - Math.pow(beta1, s.t);
      const b2t = Math.pow(beta2, s.t);
      const bc2 = 1 - b2t;
      const rho = rhoInf - (2 * s.t * b2t) / bc2;
      if (inclusive ? rho >= threshold : rho > threshold) {
        const r = Math.sqrt(((rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho));
        s.c = corrections ? (r * Math.sqrt(bc2)) / bc1 : r;
      } else {
        s.c = !sgdFallback ? 0 : corrections ? 1 / bc1 : 1;
        s.adaptive = false;
      }
    },
  };
}
