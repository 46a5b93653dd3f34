/**
 * Hyperparameter checks, run when an optimizer is constructed. Each throws a
 * `RangeError` naming the option, the allowed range and the value received.
 *
 * @module
 */

function fail(name: string, range: string, value: unknown): never {
  throw new RangeError(`${name} must be ${range}, got ${String(value)}`);
}

/** A finite number ≥ 0 (α, ε, weight decay). */
export function nonNegative(name: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    fail(name, "a finite number ≥ 0", value);
  }
  return value;
}

/** A finite number > 0. */
export function positive(name: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    fail(name, "a finite number > 0", value);
  }
  return value;
}

/** A momentum coefficient β in [0, 1). */
export function beta(name: string, value: number): number {
  if (typeof value !== "number" || !(value >= 0 && value < 1)) fail(name, "in [0, 1)", value);
  return value;
}

/** A number in the closed interval [lo, hi]. */
export function inClosed(name: string, value: number, lo: number, hi: number): number {
  if (typeof value !== "number" || !(value >= lo && value <= hi)) {
    fail(name, `in [${lo}, ${hi}]`, value);
  }
  return value;
}

/** One of a fixed set of strings. */
export function oneOf<T extends string>(name: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    fail(
      name,
      `one of ${allowed.map((a) => `"${a}"`).join(", ")}`,
      value,
    );
  }
  return value;
}

/** A boolean (`true` or `false`, nothing truthy). */
export function flag(name: string, value: boolean): boolean {
  if (typeof value !== "boolean") fail(name, "true or false", JSON.stringify(value));
  return value;
}

/**
 * Refuses an options object that names anything outside `known`: a misspelt
 * option (`beta_1`, `lr`) or one the method does not have (`amsgrad` for AdamW
 * is fine, for Adam it is not) would otherwise be ignored without a word. An
 * option set to `undefined` counts as absent. The RangeError lists the valid names.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { knownOptions } from "./validate.ts";
 * assert.throws(() => knownOptions("Adam", { lr: 0.1 }, ["alpha", "beta1"]), /unknown option "lr"/);
 * knownOptions("Adam", { alpha: 0.1, beta1: undefined }, ["alpha", "beta1"]);
 * ```
 */
export function knownOptions(method: string, opts: object, known: readonly string[]): void {
  if (typeof opts !== "object" || opts === null || Array.isArray(opts)) {
    throw new TypeError(`${method}: options must be an object, got ${JSON.stringify(opts)}`);
  }
  for (const [key, value] of Object.entries(opts)) {
    if (value === undefined || known.includes(key)) continue;
    throw new RangeError(
      `unknown option "${key}" for ${method}; its options are ${[...known].sort().join(", ")}`,
    );
  }
}
