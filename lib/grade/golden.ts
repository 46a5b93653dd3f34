/**
 * The golden AMSGrad trajectory, committed: x_1 = 1,
 * gradients g = [1, −2, 0.5, 3, −1] taken as given (independent of x),
 * α = 0.1, (β1, β2) = (0.9, 0.999), ε = 1e-8 (Keras 1e-7). At step 3 v_t shrinks,
 * so the max over the raw v (paper, PyTorch, Keras) and the max over the
 * bias-corrected v (optax) part ways there.
 *
 * @module
 */

export { GOLDEN_GRADIENTS, GOLDEN_SETTINGS } from "./probe/golden_inputs.ts";

/** x after steps 1..5, per convention (10 decimals). */
export const GOLDEN_X: Readonly<
  Record<"paper" | "pytorch" | "keras" | "optax", readonly number[]>
> = {
  paper: [0.6837723340, 0.8393513625, 0.9070164484, 0.6925624191, 0.5869522033],
  pytorch: [0.9000000010, 0.9366103535, 0.9502794197, 0.9108694304, 0.8926517886],
  keras: [0.9000003162, 0.9366106172, 0.9502796646, 0.9108697082, 0.8926520810],
  optax: [0.9000000010, 0.9366103535, 0.9480441804, 0.9086341912, 0.8917810275],
};
