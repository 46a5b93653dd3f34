/**
 * Optimizers by name, for command lines and grids: `byName("amsgrad", opts)`.
 *
 * @module
 */
import type { Optimizer } from "../framework/types.ts";
import { knownOptions, oneOf } from "../framework/validate.ts";
import { adabelief } from "./adabelief.ts";
import { adabound, amsbound } from "./adabound.ts";
import { adagrad } from "./adagrad.ts";
import { adam } from "./adam.ts";
import { adamNC } from "./adam_nc.ts";
import { adamax } from "./adamax.ts";
import { adamw } from "./adamw.ts";
import { adamx } from "./adamx.ts";
import { amsgrad } from "./amsgrad.ts";
import { nadam } from "./nadam.ts";
import { padam } from "./padam.ts";
import { radam } from "./radam.ts";
import { rmsprop } from "./rmsprop.ts";
import { sgd } from "./sgd.ts";
import { yogi } from "./yogi.ts";
import { VARIANTS } from "./_common.ts";
import { OPTION_NAMES } from "./_options.ts";

/** An optimizer's constructor, e.g. {@link amsgrad}, taking its options object. */
// deno-lint-ignore no-explicit-any
export type OptimizerFactory = (opts: any) => Optimizer;

/** Every optimizer of the library, keyed by its lower-case name. */
export const OPTIMIZERS: Readonly<Record<string, OptimizerFactory>> = {
  sgd,
  adagrad,
  rmsprop,
  adam,
  adamnc: adamNC,
  amsgrad,
  adamw,
  adamax,
  nadam,
  radam,
  yogi,
  adabelief,
  adabound,
  amsbound,
  padam,
  adamx,
};

/** The variants each optimizer accepts (the others follow one library's conventions). */
export const VARIANTS_OF: Readonly<Record<string, readonly string[]>> = {
  adam: VARIANTS,
  amsgrad: VARIANTS,
  adamw: VARIANTS,
  adagrad: ["paper", "pytorch"],
};

/** Every option name some optimizer takes. */
const ANY_OPTION: readonly string[] = [...new Set(Object.values(OPTION_NAMES).flat())];

/**
 * Builds the optimizer called `name` from options shared by a grid or a command
 * line. Each optimizer is passed only the options it takes (`beta1` goes to Adam,
 * not to SGD), so one options object serves every optimizer; a name that no
 * optimizer takes (`lr`, `beta_1`) is a RangeError listing the valid ones. A
 * `variant` is passed on only to the optimizers that have variants; naming a
 * variant that an optimizer lacks is a RangeError.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { byName } from "./registry.ts";
 * assert.equal(byName("sgd", { alpha: 0.1, beta1: 0.9 }).name, "SGD");
 * assert.throws(() => byName("adam", { lr: 0.1 }), /unknown option "lr"/);
 * ```
 */
export function byName(
  name: string,
  opts: Record<string, unknown> & { variant?: string },
): Optimizer {
  const key = oneOf("optimizer", name.toLowerCase(), Object.keys(OPTIMIZERS));
  const { variant, ...rest } = opts;
  knownOptions("byName", rest, ANY_OPTION);
  const allowed = VARIANTS_OF[key];
  if (variant !== undefined && variant !== "paper" && allowed === undefined) {
    throw new RangeError(`optimizer ${name} has no variant "${variant}" (only the default)`);
  }
  const takes: readonly string[] = OPTION_NAMES[key as keyof typeof OPTION_NAMES];
  const own = Object.fromEntries(Object.entries(rest).filter(([k]) => takes.includes(k)));
  return OPTIMIZERS[key]!(allowed && variant !== undefined ? { ...own, variant } : own);
}
