/**
 * The inputs of the golden AMSGrad trajectory (its expected values stay with
 * the grader, in lib/grade/golden.ts): x_1 = 1, gradients g = [1, −2, 0.5, 3, −1]
 * taken as given, α = 0.1, (β1, β2) = (0.9, 0.999), ε = 1e-8.
 *
 * @module
 */

/** The gradients of the golden trajectory. */
export const GOLDEN_GRADIENTS: readonly number[] = [1, -2, 0.5, 3, -1];

/** The golden trajectory's hyperparameters. */
export const GOLDEN_SETTINGS = { x1: 1, alpha: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;
