/**
 * The paper's optimizers (SGD, AdaGrad, RMSProp, Adam, AdamNC, AMSGrad) and the
 * methods beyond it, each a thin {@link MethodSpec} over Algorithm 1.
 *
 * @module
 */
export { sgd, type SgdOptions } from "./sgd.ts";
export { adagrad, type AdagradOptions } from "./adagrad.ts";
export { rmsprop, type RmspropOptions } from "./rmsprop.ts";
export { adam, type AdamOptions } from "./adam.ts";
export { adamNC, type AdamNCOptions } from "./adam_nc.ts";
export { amsgrad, type AmsgradOptions } from "./amsgrad.ts";
export { adamw, type AdamWOptions } from "./adamw.ts";
export { adamax, type AdamaxOptions } from "./adamax.ts";
export { nadam, type NadamOptions } from "./nadam.ts";
export { radam, type RadamOptions } from "./radam.ts";
export { yogi, type YogiOptions } from "./yogi.ts";
export { adabelief, type AdaBeliefOptions } from "./adabelief.ts";
export { adabound, type AdaBoundOptions, amsbound } from "./adabound.ts";
export { padam, type PadamOptions } from "./padam.ts";
export { adamx, type AdamXOptions } from "./adamx.ts";
export type { AdamFamilyOptions, Beta1ScheduleOptions } from "./_adam_family.ts";
export { type CommonOptions, type Variant, VARIANTS, type WeightDecayOptions } from "./_common.ts";
export type { MethodSpec } from "../framework/types.ts";
export { byName, type OptimizerFactory, OPTIMIZERS, VARIANTS_OF } from "./registry.ts";
