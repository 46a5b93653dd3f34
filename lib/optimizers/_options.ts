/**
 * The option names each optimizer understands, keyed as in the registry. An
 * optimizer refuses any other name (see `knownOptions`), and `byName` uses the
 * lists to pass each optimizer only what it takes. Each list is checked against
 * the optimizer's options type (`satisfies`), so a name here is a real option.
 *
 * @module
 */
import type { CommonOptions, WeightDecayOptions } from "./_common.ts";
import type { AdamFamilyOptions, Beta1ScheduleOptions } from "./_adam_family.ts";
import type { AdaBeliefOptions } from "./adabelief.ts";
import type { AdaBoundOptions } from "./adabound.ts";
import type { AdagradOptions } from "./adagrad.ts";
import type { AdamNCOptions } from "./adam_nc.ts";
import type { AdamaxOptions } from "./adamax.ts";
import type { AdamWOptions } from "./adamw.ts";
import type { NadamOptions } from "./nadam.ts";
import type { PadamOptions } from "./padam.ts";
import type { RadamOptions } from "./radam.ts";
import type { RmspropOptions } from "./rmsprop.ts";
import type { SgdOptions } from "./sgd.ts";
import type { YogiOptions } from "./yogi.ts";

const COMMON = [
  "alpha",
  "schedule",
  "eps",
  "epsPlacement",
  "projection",
  "arithmetic",
] as const satisfies readonly (keyof CommonOptions)[];
const BETAS = ["beta1", "beta2"] as const;
const ADAM = [
  ...COMMON,
  ...BETAS,
  "variant",
] as const satisfies readonly (keyof AdamFamilyOptions)[];
const BETA1_SCHEDULE = ["beta1Schedule", "lambda"] as const satisfies readonly (
  keyof Beta1ScheduleOptions
)[];
const NO_VARIANT = [...COMMON, ...BETAS] as const;
const DECAY = ["weightDecay", "decoupled"] as const satisfies readonly (keyof WeightDecayOptions)[];

/** Every optimizer's option names, by its registry key. */
export const OPTION_NAMES = {
  sgd: [...COMMON, "momentum", "dampening", "nesterov"] satisfies (keyof SgdOptions)[],
  adagrad: [...COMMON, "variant", "initialAccumulator"] satisfies (keyof AdagradOptions)[],
  rmsprop: [...COMMON, "beta2"] satisfies (keyof RmspropOptions)[],
  adam: [...ADAM],
  adamnc: [...COMMON, "beta1", ...BETA1_SCHEDULE, "beta2Schedule"] satisfies (
    keyof AdamNCOptions
  )[],
  amsgrad: [...ADAM, ...BETA1_SCHEDULE],
  adamw: [...ADAM, "weightDecay", "amsgrad"] satisfies (keyof AdamWOptions)[],
  adamax: [
    "alpha",
    "schedule",
    "eps",
    "projection",
    "arithmetic",
    ...BETAS,
  ] satisfies (keyof AdamaxOptions)[],
  nadam: [...NO_VARIANT, "momentumDecay"] satisfies (keyof NadamOptions)[],
  radam: [...NO_VARIANT] satisfies (keyof RadamOptions)[],
  yogi: [...NO_VARIANT, ...DECAY, "initialAccumulator"] satisfies (keyof YogiOptions)[],
  adabelief: [...NO_VARIANT, ...DECAY, "fixedDecay", "rectify", "epsRoot"] satisfies (
    keyof AdaBeliefOptions
  )[],
  adabound: [...NO_VARIANT, ...DECAY, "finalAlpha", "gamma"] satisfies (keyof AdaBoundOptions)[],
  amsbound: [...NO_VARIANT, ...DECAY, "finalAlpha", "gamma"] satisfies (keyof AdaBoundOptions)[],
  padam: [...NO_VARIANT, ...DECAY, "p"] satisfies (keyof PadamOptions)[],
  adamx: [...NO_VARIANT, ...BETA1_SCHEDULE],
} as const satisfies Record<string, readonly string[]>;
