/**
 * Errors with a message that names what was wrong and what was expected.
 *
 * @module
 */

/** A gradient coordinate was NaN or ±∞; the state was left unchanged. */
export class NonFiniteGradientError extends Error {
  /** The step (1-based) whose gradient was rejected. */
  readonly step: number;
  /** The first offending coordinate. */
  readonly coordinate: number;
  /** Its value. */
  readonly value: number;

  /**
   * An error whose message names the step, the coordinate and the value.
   *
   * @param step the 1-based step whose gradient was rejected
   * @param coordinate the index of the first non-finite coordinate
   * @param value that coordinate's value (NaN or ±∞)
   */
  constructor(step: number, coordinate: number, value: number) {
    super(
      `non-finite gradient at step ${step}, coordinate ${coordinate}: ${value} ` +
        `(expected a finite number; the optimizer state was left unchanged)`,
    );
    this.name = "NonFiniteGradientError";
    this.step = step;
    this.coordinate = coordinate;
    this.value = value;
  }
}

/**
 * A step with a finite gradient would have made the state non-finite (for
 * example g_i = 1e200 gives g_i² = ∞ in v_t, which would freeze coordinate i
 * for ever); the step was undone, and the state is exactly as before it.
 */
export class NonFiniteStateError extends Error {
  /** The step (1-based) that was refused. */
  readonly step: number;
  /** The first coordinate that would have become non-finite. */
  readonly coordinate: number;
  /** The array it is in: `"x"` or a slot name such as `"v"`. */
  readonly array: string;
  /** The gradient's value at that coordinate. */
  readonly gradient: number;

  /**
   * An error whose message names the step, the coordinate, the array and the gradient.
   *
   * @param step the 1-based step that was refused
   * @param coordinate the first coordinate that would have become non-finite
   * @param array `"x"` or the slot that would have held the non-finite value
   * @param gradient g_i at that coordinate
   */
  constructor(step: number, coordinate: number, array: string, gradient: number) {
    super(
      `step ${step} would make ${array}[${coordinate}] non-finite (gradient ${gradient} there); ` +
        `the optimizer state was left unchanged`,
    );
    this.name = "NonFiniteStateError";
    this.step = step;
    this.coordinate = coordinate;
    this.array = array;
    this.gradient = gradient;
  }
}
