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
