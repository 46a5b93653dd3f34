/**
 * Online learning: the runner, regret, Γ_t, and the paper's problems.
 *
 * @module
 */
export { linearProblem, type OnlineProblem, type SlopeSequence } from "./problem.ts";
export {
  bernoulli,
  figure1Online,
  figure1Stochastic,
  periodic,
  theorem1,
  theorem1Beta2,
  theorem2,
  theorem3,
} from "./problems.ts";
export { type OnlineResult, type OnlineRow, runOnline, type RunOptions } from "./runner.ts";
export { logSpacedSteps } from "./log_steps.ts";
