/**
 * Every exercise's probes, by exercise id: what the sandboxed harness may run.
 *
 * @module
 */
import { ADAMNC_BETA2_PROBES } from "./adamnc_beta2.ts";
import { AMSGRAD_PSI_PROBES } from "./amsgrad_psi.ts";
import { PROJECT_BALL_PROBES } from "./ball_projection.ts";
import { PROJECT_INTERVAL_PROBES } from "./projection.ts";
import { PYTORCH_DENOMINATOR_PROBES } from "./pytorch_denominator.ts";
import { REGRET_PROBES } from "./regret.ts";
import type { ExerciseProbes } from "./types.ts";

/** The probes of each exercise. */
// deno-lint-ignore no-explicit-any
export const PROBES: Readonly<Record<string, ExerciseProbes<any>>> = {
  "amsgrad-psi": AMSGRAD_PSI_PROBES,
  "pytorch-denominator": PYTORCH_DENOMINATOR_PROBES,
  "adamnc-beta2": ADAMNC_BETA2_PROBES,
  "interval-projection": PROJECT_INTERVAL_PROBES,
  "ball-projection": PROJECT_BALL_PROBES,
  regret: REGRET_PROBES,
};

/** The name of the object a submission module exports, holding a getter per function. */
export const FUNCTIONS_EXPORT = "__exerciseFunctions";
